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

/** What "Copy diagnostics" did: the text, and whether the clipboard took it. */
export type CopiedReport = { text: string; copied: boolean };

export function copyDiagnosticsMutation(profileId: ProfileId) {
  return mutationOptions({
    mutationKey: ["copy-diagnostics", profileId],
    mutationFn: async (): Promise<CopiedReport> => {
      const text = unwrap(await commands.diagnosticsReport(profileId));
      try {
        await navigator.clipboard.writeText(text);
        return { text, copied: true };
      } catch {
        // The text is still shown, to be copied by hand: nothing is lost.
        return { text, copied: false };
      }
    },
  });
}
