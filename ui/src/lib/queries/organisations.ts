import { queryOptions } from "@tanstack/svelte-query";
import { commands, type ProfileId } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";
import { refreshWhileUpdating } from "./freshness";

export const organisationsKey = (profileId: ProfileId) => ["organisations", profileId] as const;

export function organisationsQuery(profileId: ProfileId) {
  return queryOptions({
    queryKey: organisationsKey(profileId),
    queryFn: async () => unwrap(await commands.organisations(profileId)),
    refetchInterval: refreshWhileUpdating,
  });
}
