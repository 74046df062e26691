import { getLocale } from "$lib/i18n";

/**
 * The system's own regional variant when it speaks the chosen language (fr-CH keeps its
 * thousands separator, en-GB its 24-hour clock), else the bare language.
 */
function intlLocale(): string {
  const language = getLocale();
  const system = globalThis.navigator?.language;
  return system?.toLowerCase().startsWith(`${language}-`) ? system : language;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(intlLocale()).format(value);
}

/** `unixSeconds` as the Rust side sends it. */
export function formatDateTime(unixSeconds: number): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(unixSeconds * 1000),
  );
}
