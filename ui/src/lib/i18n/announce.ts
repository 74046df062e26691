import { commands } from "$lib/bindings";
import type { Locale } from "./locale.svelte";

/**
 * Tells the core which language the window speaks, so the tray menu, the notifications and the
 * native dialogs match it. Fire and forget: outside the Tauri window there is no core, and a
 * failure here must never stop the language from changing.
 */
export function announceLocale(locale: Locale): void {
  try {
    commands.setLocale(locale).catch(() => undefined);
  } catch {
    // No IPC at all (a plain browser): nothing to tell.
  }
}
