import { commands } from "$lib/bindings";
import type { Locale } from "./locale.svelte";

/**
 * Tells the core which language the window speaks, so the tray menu and the notifications
 * match it. Fire and forget: outside the Tauri window there is no core, and a failure here
 * must never stop the language from changing. The core words the tray and the notifications in
 * English and French so far: the other languages get English there until it speaks them too.
 */
export function announceLocale(locale: Locale): void {
  try {
    commands.setLocale(locale === "fr" ? "fr" : "en").catch(() => undefined);
  } catch {
    // No IPC at all (a plain browser): nothing to tell.
  }
}
