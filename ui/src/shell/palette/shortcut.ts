/** macOS says ⌘K; elsewhere Ctrl+K. Both open the palette (see AppShell). */
export function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

export function paletteShortcut(): { label: string; aria: string } {
  return isMac() ? { label: "⌘K", aria: "Meta+K" } : { label: "Ctrl K", aria: "Control+K" };
}

/** Whether a key press asks for the palette: Ctrl+K, or ⌘K on a Mac. */
export function opensPalette(event: KeyboardEvent): boolean {
  return event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}
