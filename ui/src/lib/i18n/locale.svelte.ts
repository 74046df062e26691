import { announceLocale } from "./announce";
import { systemLocale } from "./system.svelte";
import { dictionaryLoaded, loadDictionary } from "./dictionaries";

/** The Manager's five languages. */
export const LOCALES = ["en", "fr", "de", "it", "es"] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = "ik-desk.locale";

function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Local storage, or `null` where access throws (storage disabled: the choice is then forgotten). */
export function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The language of a BCP-47 tag when the app speaks it ("de-CH" gives "de"). */
export function languageOf(tag: string | null): Locale | null {
  const language = tag?.split("-")[0]?.toLowerCase();
  return isLocale(language) ? language : null;
}

/** The remembered choice, else the system's language when it is one of the five, else English. */
export function detectLocale(): Locale {
  const saved = storage()?.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  return languageOf(systemLocale()) ?? "en";
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

function apply(locale: Locale): void {
  state.current = locale;
  storage()?.setItem(STORAGE_KEY, locale);
  applyToDocument(locale);
  announceLocale(locale);
}

/**
 * Switches to `locale` once its texts are here (at once when they already are), so that no page
 * shows half in one language. If they cannot be fetched, the language stays as it was.
 */
export function setLocale(locale: Locale): Promise<void> {
  if (dictionaryLoaded(locale)) {
    apply(locale);
    return Promise.resolve();
  }
  return loadDictionary(locale).then(
    () => apply(locale),
    (error: unknown) => console.warn(`the ${locale} texts could not be loaded`, error),
  );
}

/**
 * Once the system's locale is known: the language it names, unless the person chose one. Not
 * remembered, so that a later change of the system's language is followed too. The caller
 * tells the core (start-up announces the language whether or not it changed).
 */
export async function adoptSystemLanguage(): Promise<void> {
  const locale = detectLocale();
  await loadDictionary(locale).catch((error: unknown) => console.warn(`the ${locale} texts could not be loaded`, error));
  if (dictionaryLoaded(locale)) state.current = locale;
  applyToDocument(state.current);
}
