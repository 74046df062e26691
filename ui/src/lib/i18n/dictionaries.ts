import { en } from "./en";
import type { Locale } from "./locale.svelte";
import type { Dictionary } from "./types";

// English is in the first bundle (every text falls back to it); each other language is its own
// chunk, fetched before it is first shown, so the window parses one language at start, not five.
const fetchers: Record<Exclude<Locale, "en">, () => Promise<Dictionary>> = {
  fr: () => import("./fr").then((m) => m.fr),
  de: () => import("./de").then((m) => m.de),
  it: () => import("./it").then((m) => m.it),
  es: () => import("./es").then((m) => m.es),
};
export const loaded: Partial<Record<Locale, Dictionary>> = { en };

/** Whether `locale`'s texts are here, so that switching to it shows them at once. */
export function dictionaryLoaded(locale: Locale): boolean {
  return loaded[locale] !== undefined;
}

/** Fetches `locale`'s texts once; English is always here. */
export async function loadDictionary(locale: Locale): Promise<void> {
  if (locale === "en" || loaded[locale]) return;
  loaded[locale] = await fetchers[locale]();
}

