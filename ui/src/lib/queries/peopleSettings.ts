import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/svelte-query";
import { commands, type InvitationChange, type MemberSettings, type ProfileId } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";
import { organisationsKey } from "./organisations";
import { peopleKey } from "./people";

/** The signed-in person leaves: the organisations and this list are read again. */
export const leaveMutation = (client: QueryClient, profileId: ProfileId, accountId: number) =>
  mutationOptions({
    mutationFn: async () => unwrap(await commands.leaveOrganisation(profileId, accountId)),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: organisationsKey(profileId) });
      await client.invalidateQueries({ queryKey: peopleKey(profileId, accountId) });
    },
  });

export const memberSettingsMutation = (client: QueryClient, profileId: ProfileId, accountId: number) =>
  mutationOptions({
    mutationFn: async ({ userId, settings }: { userId: number; settings: MemberSettings }) =>
      unwrap(await commands.setMemberSettings(profileId, accountId, userId, settings)),
    onSettled: () => client.invalidateQueries({ queryKey: peopleKey(profileId, accountId) }),
  });

export const updateInvitationMutation = (client: QueryClient, profileId: ProfileId, accountId: number) =>
  mutationOptions({
    mutationFn: async ({ invitationId, change }: { invitationId: number; change: InvitationChange }) =>
      unwrap(await commands.updateInvitation(profileId, accountId, invitationId, change)),
    onSettled: () => client.invalidateQueries({ queryKey: peopleKey(profileId, accountId) }),
  });

/** The products one member reaches: asked only while their panel is open. */
export const productsReachableQuery = (profileId: ProfileId, accountId: number, userId: number) =>
  queryOptions({
    queryKey: [...peopleKey(profileId, accountId), "products", userId] as const,
    queryFn: async () => unwrap(await commands.productsReachable(profileId, accountId, userId)),
  });
