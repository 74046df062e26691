import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/svelte-query";
import { Channel } from "@tauri-apps/api/core";
import {
  commands,
  type BulkPreview,
  type BulkProgress,
  type BulkReport,
  type BulkRow,
  type InvitationChange,
  type InviteForm,
  type MemberSettings,
  type ProfileId,
  type Role,
} from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";
import { refreshWhileUpdating } from "./freshness";
import { organisationsKey } from "./organisations";

export const usersOfProfileKey = (profileId: ProfileId) => ["users", profileId] as const;
export const usersKey = (profileId: ProfileId, accountId: number) => ["users", profileId, accountId] as const;

export function usersQuery(profileId: ProfileId, accountId: number) {
  return queryOptions({
    queryKey: usersKey(profileId, accountId),
    queryFn: async () => unwrap(await commands.users(profileId, accountId)),
    refetchInterval: refreshWhileUpdating,
  });
}

/** Every change to the users of an organisation re-reads its list when it settles. */
function change<T, R>(client: QueryClient, profileId: ProfileId, accountId: number, run: (input: T) => Promise<R>) {
  return mutationOptions({
    mutationFn: run,
    onSettled: () => client.invalidateQueries({ queryKey: usersKey(profileId, accountId) }),
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

/** The signed-in person leaves: the organisations and this list are read again. */
export const leaveMutation = (client: QueryClient, profileId: ProfileId, accountId: number) =>
  mutationOptions({
    mutationFn: async () => unwrap(await commands.leaveOrganisation(profileId, accountId)),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: organisationsKey(profileId) });
      await client.invalidateQueries({ queryKey: usersKey(profileId, accountId) });
    },
  });

export const memberSettingsMutation = (client: QueryClient, profileId: ProfileId, accountId: number) =>
  mutationOptions({
    mutationFn: async ({ userId, settings }: { userId: number; settings: MemberSettings }) =>
      unwrap(await commands.setMemberSettings(profileId, accountId, userId, settings)),
    onSettled: () => client.invalidateQueries({ queryKey: usersKey(profileId, accountId) }),
  });

export const updateInvitationMutation = (client: QueryClient, profileId: ProfileId, accountId: number) =>
  mutationOptions({
    mutationFn: async ({ invitationId, change }: { invitationId: number; change: InvitationChange }) =>
      unwrap(await commands.updateInvitation(profileId, accountId, invitationId, change)),
    onSettled: () => client.invalidateQueries({ queryKey: usersKey(profileId, accountId) }),
  });

/** The products one member reaches: asked only while their panel is open. */
export const productsReachableQuery = (profileId: ProfileId, accountId: number, userId: number) =>
  queryOptions({
    queryKey: [...usersKey(profileId, accountId), "products", userId] as const,
    queryFn: async () => unwrap(await commands.productsReachable(profileId, accountId, userId)),
  });

/*
 * Invitations in bulk are one run the page drives, not server data to cache: plain calls, not
 * queries. The Users list is invalidated by the page when a run ends.
 */

/** Asks for a CSV file and checks every row of it; null when the dialog was closed. */
export async function previewInvitationFile(profileId: ProfileId, accountId: number, defaultLocale: string): Promise<BulkPreview | null> {
  return unwrap(await commands.previewInvitationFile(profileId, accountId, defaultLocale));
}

/** Sends the rows' invitations, reporting each row through `onProgress`. */
export async function sendInvitations(
  profileId: ProfileId,
  accountId: number,
  rows: BulkRow[],
  onProgress: (progress: BulkProgress) => void,
): Promise<BulkReport> {
  const channel = new Channel<BulkProgress>();
  channel.onmessage = onProgress;
  return unwrap(await commands.sendInvitations(profileId, accountId, rows, channel));
}

/** Ends the run after the invitation under way. */
export async function stopInvitations(profileId: ProfileId, accountId: number): Promise<void> {
  await commands.stopInvitations(profileId, accountId);
}
