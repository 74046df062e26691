import { commands } from "$lib/bindings";

/**
 * The system's locale as the core reads it (sys-locale), a BCP-47 tag such as "de-CH", or `null`
 * when the system names none. The webview's own `navigator.language` is not used inside the app:
 * Tauri webviews report `C`/en-US on Linux and WebKit turns fr-CH into fr-FR.
 */
const state = $state<{ tag: string | null }>({ tag: null });

export function systemLocale(): string | null {
  return state.tag;
}

/** A tag Intl accepts, canonicalised ("de_ch" is refused, "de-ch" becomes "de-CH"); else `null`. */
export function canonicalTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

export function setSystemLocale(tag: string | null): void {
  state.tag = canonicalTag(tag);
}

/**
 * Asks the core for the system's locale, once at start. Outside the Tauri window (a plain
 * browser on the dev server) there is no core: the browser's own language is then the best guess.
 */
export async function loadSystemLocale(): Promise<void> {
  try {
    setSystemLocale(await commands.systemLocale());
  } catch {
    setSystemLocale(globalThis.navigator?.language ?? null);
  }
}
