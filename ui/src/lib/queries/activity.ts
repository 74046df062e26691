import { queryOptions } from "@tanstack/svelte-query";
import { commands, type ProfileId } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";

export const activityKey = (profileId: ProfileId) => ["activity", profileId] as const;

export function activityQuery(profileId: ProfileId) {
  return queryOptions({
    queryKey: activityKey(profileId),
    queryFn: async () => unwrap(await commands.activity(profileId)),
    // The log only grows from this window's own actions: reading it on each visit is enough.
    staleTime: 0,
  });
}
