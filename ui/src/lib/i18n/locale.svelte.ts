import { announceLocale } from "./announce";

/** The Manager's five languages. */
export const LOCALES = ["en", "fr", "de", "it", "es"] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = "ik-desk.locale";

function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Access can throw when storage is disabled; the app then simply forgets the choice.
    return null;
  }
}

/** The remembered choice, else the system's language when we have it, else English. */
export function detectLocale(): Locale {
  const saved = storage()?.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  const system = globalThis.navigator?.language?.slice(0, 2).toLowerCase();
  return isLocale(system) ? system : "en";
}

const state = $state<{ current: Locale }>({ current: detectLocale() });

function applyToDocument(locale: Locale): void {
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}
applyToDocument(state.current);

/** Reading this inside a template or `$derived` re-renders it when the language changes. */
export function getLocale(): Locale {
  return state.current;
}

export function setLocale(locale: Locale): void {
  state.current = locale;
  storage()?.setItem(STORAGE_KEY, locale);
  applyToDocument(locale);
  announceLocale(locale);
}
