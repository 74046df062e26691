import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/svelte-query";
import { commands, type InviteForm, type ProfileId, type Role } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";
import { refreshWhileUpdating } from "./freshness";

export const peopleOfProfileKey = (profileId: ProfileId) => ["people", profileId] as const;
export const peopleKey = (profileId: ProfileId, accountId: number) => ["people", profileId, accountId] as const;

export function peopleQuery(profileId: ProfileId, accountId: number) {
  return queryOptions({
    queryKey: peopleKey(profileId, accountId),
    queryFn: async () => unwrap(await commands.people(profileId, accountId)),
    refetchInterval: refreshWhileUpdating,
  });
}

/** Every change to the people of an organisation re-reads its list when it settles. */
function change<T, R>(client: QueryClient, profileId: ProfileId, accountId: number, run: (input: T) => Promise<R>) {
  return mutationOptions({
    mutationFn: run,
    onSettled: () => client.invalidateQueries({ queryKey: peopleKey(profileId, accountId) }),
  });
}

export const inviteMutation = (client: QueryClient, profileId: ProfileId, accountId: number) =>
  change(client, profileId, accountId, async (form: InviteForm) =>
    unwrap(await commands.inviteUser(profileId, accountId, form)),
  );

export const cancelInvitationMutation = (client: QueryClient, profileId: ProfileId, accountId: number) =>
  change(client, profileId, accountId, async (invitationId: number) =>
    unwrap(await commands.cancelInvitation(profileId, accountId, invitationId)),
  );

export const removeMembersMutation = (client: QueryClient, profileId: ProfileId, accountId: number) =>
  change(client, profileId, accountId, async (userIds: number[]) =>
    unwrap(await commands.removeMembers(profileId, accountId, userIds)),
  );

export const changeRoleMutation = (client: QueryClient, profileId: ProfileId, accountId: number) =>
  change(client, profileId, accountId, async ({ userId, role }: { userId: number; role: Role }) =>
    unwrap(await commands.changeRole(profileId, accountId, userId, role)),
  );
