/**
 * Marks on the window's own timeline for the first moments of a start (script run, locale known,
 * mounted, session and organisations answered, organisations shown and painted), each set once. `make bench` reads them to say
 * where start-up time goes; they cost a few bytes and nothing else.
 */
export type StartupStep = "script" | "locale" | "mounted" | "session" | "organisations" | "shown" | "painted";

export function markStartup(step: StartupStep): void {
  const name = `startup:${step}`;
  if (typeof performance === "undefined" || performance.getEntriesByName(name).length > 0) return;
  performance.mark(name);
}

/** Marks `shown` now (the rows are in the document) and `painted` once the next frame is drawn. */
export function markShown(): void {
  markStartup("shown");
  if (typeof requestAnimationFrame === "undefined") return;
  // The frame after next: the callback of the next one runs before it is drawn.
  requestAnimationFrame(() => requestAnimationFrame(() => markStartup("painted")));
}
