import { queryOptions } from "@tanstack/svelte-query";
import { commands, type ProfileId, type SupportContent } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";

export const supportAccessKey = (profileId: ProfileId) => ["support_access", profileId] as const;

/**
 * Reading again each minute moves the countdown: the Rust side recomputes the time left from
 * the cache, so this costs no request while the data is fresh.
 */
export const COUNTDOWN_TICK_MS = 60_000;

export function supportAccessQuery(profileId: ProfileId) {
  return queryOptions({
    queryKey: supportAccessKey(profileId),
    queryFn: async () => unwrap(await commands.supportAccesses(profileId)),
    refetchInterval: COUNTDOWN_TICK_MS,
  });
}

export async function setSupportAccess(profileId: ProfileId, content: SupportContent, enabled: boolean) {
  return unwrap(await commands.setSupportAccess(profileId, content, enabled));
}
