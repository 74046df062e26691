import { en } from "./en";
import { loaded } from "./dictionaries";
import { getLocale } from "./locale.svelte";
import type { Dictionary, MessageKey, Params } from "./types";

function lookup(dictionary: Dictionary | undefined, key: MessageKey): string | undefined {
  let node: unknown = dictionary;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Replaces each `{name}` with `params.name`; a placeholder without a value stays visible. */
export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The text of `key` in the current language, falling back to English, then to the key itself. */
export function t(key: MessageKey, params?: Params): string {
  const text = lookup(loaded[getLocale()], key) ?? lookup(en, key) ?? key;
  return interpolate(text, params);
}
