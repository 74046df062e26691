import { QueryClient } from "@tanstack/svelte-query";
import { IpcFailure } from "$lib/ipc/failure";

/**
 * The app's only QueryClient factory. `main.ts` calls it once; tests call it for a fresh cache each.
 *
 * Commands answer from the local store and the Rust side paces and retries the real API calls,
 * so a typed failure is final here: retrying it would only spend the token's request budget.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => !(error instanceof IpcFailure) && failures < 1,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
