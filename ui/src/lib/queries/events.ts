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
 * Wires the Rust side's `data-changed` event to the query cache. Call once, at start-up.
 * Resolves to the function that stops listening.
 */
export async function listenForDataChanges(client: QueryClient): Promise<() => void> {
  return events.dataChanged.listen((event) => {
    for (const queryKey of keysForChange(event.payload)) {
      void client.invalidateQueries({ queryKey });
    }
  });
}
