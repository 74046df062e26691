import { queryOptions } from "@tanstack/svelte-query";
import { commands, type ProfileId } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";
import { refreshWhileUpdating } from "./freshness";
import { markStartup } from "$lib/startup";

export const organisationsKey = (profileId: ProfileId) => ["organisations", profileId] as const;

export function organisationsQuery(profileId: ProfileId) {
  return queryOptions({
    queryKey: organisationsKey(profileId),
    queryFn: async () => {
      const organisations = unwrap(await commands.organisations(profileId));
      markStartup("organisations");
      return organisations;
    },
    refetchInterval: refreshWhileUpdating,
  });
}
