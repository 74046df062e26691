import { queryOptions } from "@tanstack/svelte-query";
import { commands, type ProfileId } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";

export const checkupKey = (profileId: ProfileId) => ["checkup", profileId] as const;

/** The check-up, computed by the core from the cache: reading it sends nothing to the API. */
export function checkupQuery(profileId: ProfileId) {
  return queryOptions({
    queryKey: checkupKey(profileId),
    queryFn: async () => unwrap(await commands.checkup(profileId)),
  });
}
