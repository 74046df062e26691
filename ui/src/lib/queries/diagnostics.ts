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

// The version and the platform do not change while the app runs.
export function aboutQuery() {
  return queryOptions({
    queryKey: ["about"],
    queryFn: async () => commands.about(),
    staleTime: Infinity,
  });
}

// The bug report's text is read before the click: the clipboard accepts a write only while the
// click is being handled, and a round trip to the core in between would lose it (WebKitGTK does).
export function diagnosticsReportQuery(profileId: ProfileId) {
  return queryOptions({
    queryKey: ["diagnostics-report", profileId],
    queryFn: async () => unwrap(await commands.diagnosticsReport(profileId)),
  });
}
