import type { QueryClient, QueryKey } from "@tanstack/svelte-query";
import { events, type DataChanged } from "$lib/bindings";
import { organisationsKey } from "./organisations";
import { usersOfProfileKey } from "./users";
import { teamsOfProfileKey } from "./teams";
import { invoicesOfProfileKey } from "./invoices";
import { productsKey } from "./products";
import { meKey, sessionKey } from "./session.svelte";
import { supportAccessKey } from "./support_access";

/** Which queries hold the data of one changed area. */
export function keysForChange(change: DataChanged): QueryKey[] {
  switch (change.area) {
    case "session":
      return [sessionKey];
    case "profile":
      // The session lists each profile's display name too.
      return [meKey(change.profileId), sessionKey];
    case "organisations":
      return [organisationsKey(change.profileId)];
    case "teams":
      return [teamsOfProfileKey(change.profileId)];
    case "invoices":
      // Cached per organisation: every invoice list of this profile re-reads.
      return [invoicesOfProfileKey(change.profileId)];
    case "users":
      // Cached per organisation: every organisation's list of this profile re-reads.
      return [usersOfProfileKey(change.profileId)];
    case "support_access":
      return [supportAccessKey(change.profileId)];
    case "products":
    case "renewals":
      // One view joins both: a switch or a refresh of either re-reads it.
      return [productsKey(change.profileId)];
  }
}

/**
 * A reseller's first read of the board lands some ninety times in nine minutes, and every re-read
 * of the products carries all of them (20,000 rows, some 10 MB the core builds and the window
 * parses). The page re-reads them at most once in this interval, and always once after the last
 * landing; the progress note moves on as often. (Measured: this saves work, not memory; the
 * window's memory was the board's size, see `RenewalBoard.svelte`.)
 */
export const PRODUCTS_REREAD_MS = 15_000;

/**
 * Invalidates a query at once when it was not re-read in the last `interval` ms, otherwise once
 * at the end of that interval: any number of changes meanwhile cost one re-read of the latest.
 */
function coalescing(client: QueryClient, interval: number): (queryKey: QueryKey) => void {
  const planned = new Set<string>();
  const lastRead = new Map<string, number>();
  return (queryKey) => {
    const id = JSON.stringify(queryKey);
    if (planned.has(id)) return;
    planned.add(id);
    const wait = Math.max(0, (lastRead.get(id) ?? -Infinity) + interval - Date.now());
    setTimeout(() => {
      planned.delete(id);
      lastRead.set(id, Date.now());
      void client.invalidateQueries({ queryKey });
    }, wait);
  };
}

/**
 * Wires the Rust side's `data-changed` event to the query cache. Call once, at start-up.
 * Resolves to the function that stops listening. `productsInterval`: see {@link PRODUCTS_REREAD_MS}.
 */
export async function listenForDataChanges(client: QueryClient, productsInterval = PRODUCTS_REREAD_MS): Promise<() => void> {
  const products = coalescing(client, productsInterval);
  return events.dataChanged.listen((event) => {
    const change = event.payload;
    for (const queryKey of keysForChange(change)) {
      if (change.area === "products" || change.area === "renewals") products(queryKey);
      else void client.invalidateQueries({ queryKey });
    }
  });
}
