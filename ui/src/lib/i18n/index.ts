export { t, interpolate } from "./translate";
export { loadDictionary, dictionaryLoaded } from "./dictionaries";
export { getLocale, setLocale, detectLocale, LOCALES, type Locale } from "./locale.svelte";
export type { Dictionary, MessageKey, Params } from "./types";
