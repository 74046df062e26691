import { queryOptions } from "@tanstack/svelte-query";
import { commands, type AutoRenewOutcome, type ProfileId } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";
import { refreshWhileUpdating } from "./freshness";

export const productsKey = (profileId: ProfileId) => ["products", profileId] as const;

export function productsQuery(profileId: ProfileId) {
  return queryOptions({
    queryKey: productsKey(profileId),
    queryFn: async () => unwrap(await commands.products(profileId)),
    refetchInterval: refreshWhileUpdating,
  });
}

/** Switches automatic renewal; throws an IpcFailure when nothing could be sent. */
export async function setAutoRenew(
  profileId: ProfileId,
  productIds: number[],
  enabled: boolean,
): Promise<AutoRenewOutcome> {
  return unwrap(await commands.setAutoRenew(profileId, productIds, enabled));
}
