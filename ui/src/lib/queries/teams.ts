import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/svelte-query";
import { commands, type ProfileId, type TeamsSnapshot } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";
import { refreshWhileUpdating } from "./freshness";
import { usersKey } from "./users";

export const teamsOfProfileKey = (profileId: ProfileId) => ["teams", profileId] as const;
export const teamsKey = (profileId: ProfileId, accountId: number) => ["teams", profileId, accountId] as const;

export function teamsQuery(profileId: ProfileId, accountId: number) {
  return queryOptions({
    queryKey: teamsKey(profileId, accountId),
    queryFn: async () => unwrap(await commands.teams(profileId, accountId)),
    refetchInterval: refreshWhileUpdating,
  });
}

type Scope = { client: QueryClient; profileId: ProfileId; accountId: number };

/**
 * A team change shown at once in the list (`optimistic`), rolled back if Infomaniak refuses it,
 * and re-read from the core when it settles either way.
 */
function teamChange<T>(s: Scope, run: (input: T) => Promise<unknown>, optimistic?: (list: TeamsSnapshot, input: T) => TeamsSnapshot) {
  const key = teamsKey(s.profileId, s.accountId);
  return mutationOptions({
    mutationFn: run,
    onMutate: async (input: T) => {
      await s.client.cancelQueries({ queryKey: key });
      const before = s.client.getQueryData<TeamsSnapshot>(key);
      if (before && optimistic) s.client.setQueryData(key, optimistic(before, input));
      return { before };
    },
    onError: (_e, _input, context) => {
      if (context?.before) s.client.setQueryData(key, context.before);
    },
    onSettled: () => {
      void s.client.invalidateQueries({ queryKey: key });
      void s.client.invalidateQueries({ queryKey: usersKey(s.profileId, s.accountId) });
    },
  });
}

export const createTeamMutation = (s: Scope) =>
  teamChange(s, async ({ name, leaderId }: { name: string; leaderId: number | null }) =>
    unwrap(await commands.createTeam(s.profileId, s.accountId, name, leaderId)),
  );

export const renameTeamMutation = (s: Scope) =>
  teamChange(
    s,
    async ({ teamId, name }: { teamId: number; name: string }) =>
      unwrap(await commands.updateTeam(s.profileId, s.accountId, teamId, { name, leaderId: null, serviceIds: null })),
    (list, { teamId, name }) => ({ ...list, items: list.items.map((t) => (t.id === teamId ? { ...t, name } : t)) }),
  );

export const setLeaderMutation = (s: Scope) =>
  teamChange(s, async ({ teamId, leaderId }: { teamId: number; leaderId: number }) =>
    unwrap(await commands.updateTeam(s.profileId, s.accountId, teamId, { name: null, leaderId, serviceIds: null })),
  );

export const setServicesMutation = (s: Scope) =>
  teamChange(
    s,
    async ({ teamId, serviceIds }: { teamId: number; serviceIds: number[] }) =>
      unwrap(await commands.updateTeam(s.profileId, s.accountId, teamId, { name: null, leaderId: null, serviceIds })),
    (list, { teamId, serviceIds }) => ({
      ...list,
      items: list.items.map((t) => (t.id === teamId ? { ...t, serviceIds } : t)),
    }),
  );

export const teamServicesQuery = (profileId: ProfileId, accountId: number) =>
  queryOptions({
    queryKey: ["team-services", profileId, accountId] as const,
    queryFn: async () => unwrap(await commands.teamServices(profileId, accountId)),
    staleTime: 5 * 60_000,
  });

export const deleteTeamMutation = (s: Scope) =>
  teamChange(
    s,
    async (teamId: number) => unwrap(await commands.deleteTeam(s.profileId, s.accountId, teamId)),
    (list, teamId) => ({ ...list, items: list.items.filter((t) => t.id !== teamId) }),
  );

export const addTeamMembersMutation = (s: Scope) =>
  teamChange(s, async ({ teamId, userIds }: { teamId: number; userIds: number[] }) =>
    unwrap(await commands.addTeamMembers(s.profileId, s.accountId, teamId, userIds)),
  );

export const removeTeamMembersMutation = (s: Scope) =>
  teamChange(s, async ({ teamId, userIds }: { teamId: number; userIds: number[] }) =>
    unwrap(await commands.removeTeamMembers(s.profileId, s.accountId, teamId, userIds)),
  );
