import type { QueryClient } from "@tanstack/svelte-query";
import { events, type Destination } from "$lib/bindings";
import { sessionKey } from "$lib/queries/session.svelte";
import { navigate } from "./router.svelte";
import type { SectionId } from "./sections";

/** The detail that narrows the products page to the renewals board. */
export const RENEWALS_DETAIL = "renewals";

/** Where in the window a destination of the core lands. */
export function routeOf(destination: Destination): { section: SectionId; detail: string | null } {
  switch (destination.type) {
    case "product":
      return { section: "products", detail: String(destination.productId) };
    case "renewals":
      return { section: "products", detail: RENEWALS_DETAIL };
    case "supportAccess":
      return { section: "supportAccess", detail: null };
  }
}

/**
 * Follows clicks in notifications and the tray. The core has already made the profile the
 * active one, so the session is re-read for the window to follow it. Call once, at start-up;
 * resolves to the function that stops listening.
 */
export async function listenForNavigation(client: QueryClient): Promise<() => void> {
  return events.navigate.listen((event) => {
    void client.invalidateQueries({ queryKey: sessionKey });
    const { section, detail } = routeOf(event.payload.destination);
    navigate(section, detail);
  });
}
