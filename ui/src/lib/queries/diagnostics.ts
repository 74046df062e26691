import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/svelte-query";
import { commands, type ProfileId } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";

export const diagnosticsKey = (profileId: ProfileId) => ["diagnostics", profileId] as const;

export function diagnosticsQuery(profileId: ProfileId) {
  return queryOptions({
    queryKey: diagnosticsKey(profileId),
    queryFn: async () => unwrap(await commands.diagnostics(profileId)),
  });
}

export function checkNowMutation(client: QueryClient, profileId: ProfileId) {
  return mutationOptions({
    mutationKey: ["check-now", profileId],
    mutationFn: async () => unwrap(await commands.checkNow(profileId)),
    onSuccess: (fresh) => client.setQueryData(diagnosticsKey(profileId), fresh),
  });
}
