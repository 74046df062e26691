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

/** The day of `unixSeconds`, without the time. */
export function formatDate(unixSeconds: number): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: "medium" }).format(new Date(unixSeconds * 1000));
}

/** An amount in a currency Intl knows (`CHF`, `EUR`); `null` formats the bare number. */
export function formatMoney(amount: number, currency: string | null): string {
  if (currency === null) {
    return new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  }
  return new Intl.NumberFormat(intlLocale(), { style: "currency", currency }).format(amount);
}
