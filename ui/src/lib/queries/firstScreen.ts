import type { QueryClient } from "@tanstack/svelte-query";
import type { SectionId } from "$lib/router/sections";
import { organisationsQuery } from "./organisations";
import { activeProfileOf, sessionQuery } from "./session.svelte";

/**
 * How long the window waits for the first screen's data before showing the shell anyway. The
 * answers come from the local store (or the demo's in-process API) in a few milliseconds; what
 * takes longer (a first fetch over a slow network, a keyring asking to be unlocked) is then shown
 * as it always is, with its own progress.
 */
export const FIRST_SCREEN_WAIT_MS = 300;

/**
 * Asks for what the first screen shows (the session and, on the Organisations page, the active
 * profile's organisations) while the window starts, so that the page's first frame
 * has its rows instead of a skeleton that a later frame replaces: WebKit's first paint of the
 * shell takes a few hundred milliseconds, and answers landing during it wait for it to end.
 *
 * Never rejects and never waits longer than `waitMs`: a failure stays in the query's cache,
 * where the page that asks for it shows it as it would have.
 */
export async function prefetchFirstScreen(
  client: QueryClient,
  section: SectionId,
  waitMs: number = FIRST_SCREEN_WAIT_MS,
): Promise<void> {
  const fetched = (async () => {
    const session = await client.fetchQuery(sessionQuery());
    const profile = activeProfileOf(session);
    if (!profile?.signedIn || section !== "organisations") return;
    // The header's name and address come from the session until the person's own answer lands.
    await client.prefetchQuery(organisationsQuery(profile.id));
  })().catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs);
  });
  await Promise.race([fetched, waited]);
  clearTimeout(timer);
}
