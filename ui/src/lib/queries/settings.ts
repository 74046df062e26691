import { mutationOptions, queryOptions, type QueryClient } from "@tanstack/svelte-query";
import { commands } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";

// Starting at login belongs to the computer, not to a profile: one key for all.
export const startAtLoginKey = ["start-at-login"] as const;

export function startAtLoginQuery() {
  return queryOptions({
    queryKey: startAtLoginKey,
    queryFn: async () => unwrap(await commands.startAtLogin()),
  });
}

export function setStartAtLoginMutation(client: QueryClient) {
  return mutationOptions({
    mutationKey: ["set-start-at-login"],
    mutationFn: async (enabled: boolean): Promise<boolean> => unwrap(await commands.setStartAtLogin(enabled)),
    onSuccess: (now) => client.setQueryData(startAtLoginKey, now),
  });
}
