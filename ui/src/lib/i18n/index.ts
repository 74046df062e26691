export { t, interpolate, dictionaries } from "./translate";
export { getLocale, setLocale, detectLocale, LOCALES, type Locale } from "./locale.svelte";
export type { Dictionary, MessageKey, Params } from "./types";
