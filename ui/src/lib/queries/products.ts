import { queryOptions } from "@tanstack/svelte-query";
import { commands, type AccountId, type AutoRenewOutcome, type CostGroup, type ProfileId } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";
import { refreshWhileUpdating } from "./freshness";

export const productsKey = (profileId: ProfileId) => ["products", profileId] as const;

export function productsQuery(profileId: ProfileId) {
  return queryOptions({
    queryKey: productsKey(profileId),
    queryFn: async () => unwrap(await commands.products(profileId)),
    // A first read under way announces each landing, and its end, failed or not: no poll beside it.
    refetchInterval: (query) => (query.state.data?.progress ? false : refreshWhileUpdating(query)),
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

/** Asks where to save the renewals calendar (.ics) of one organisation, or all with `null`;
 * the file written, or `null` when the dialog was closed. */
export async function saveRenewalsCalendar(profileId: ProfileId, accountId: AccountId | null): Promise<string | null> {
  return unwrap(await commands.saveRenewalsCalendar(profileId, accountId));
}

/** The next twelve months of renewals, grouped by organisation or service; re-read with the products. */
export function renewalCostsQuery(profileId: ProfileId, group: CostGroup) {
  return queryOptions({
    queryKey: [...productsKey(profileId), "costs", group] as const,
    queryFn: async () => unwrap(await commands.renewalCosts(profileId, group)),
  });
}
