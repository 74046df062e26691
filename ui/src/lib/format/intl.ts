import { getLocale } from "$lib/i18n";
import { hourCycle, regionLocale, wordsLocale } from "$lib/i18n/region.svelte";

/*
 * Formats come from the region the person chose in Settings (or the system's), independently of
 * the language: a German speaker in Switzerland sees 1’234.50 and 14:30, in Germany 1.234,50.
 * Numbers and amounts take the region's locale itself; dates take the app's language written as
 * in the region, with the region's clock.
 */

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(regionLocale()).format(value);
}

function dateTime(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const withClock = options.timeStyle ? { ...options, hourCycle: hourCycle() } : options;
  return new Intl.DateTimeFormat(wordsLocale(), withClock);
}

/** `unixSeconds` as the Rust side sends it. */
export function formatDateTime(unixSeconds: number): string {
  return dateTime({ dateStyle: "medium", timeStyle: "short" }).format(new Date(unixSeconds * 1000));
}

/** The day of `unixSeconds`, without the time. */
export function formatDate(unixSeconds: number): string {
  return dateTime({ dateStyle: "medium" }).format(new Date(unixSeconds * 1000));
}

/** An amount in a currency Intl knows (`CHF`, `EUR`); `null` formats the bare number. */
export function formatMoney(amount: number, currency: string | null): string {
  if (currency === null) {
    return new Intl.NumberFormat(regionLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  }
  return new Intl.NumberFormat(regionLocale(), { style: "currency", currency }).format(amount);
}

/** "3 days ago", "yesterday", "in 2 days": a count of days from today, in the app's language. */
export function formatDaysFromNow(days: number): string {
  return new Intl.RelativeTimeFormat(getLocale(), { numeric: "auto" }).format(days, "day");
}

/**
 * Which of a message's two forms fits `count` in the app's language. The dictionaries hold "one"
 * and "other"; CLDR's "many" (French, Italian and Spanish millions) reads as "other".
 */
export function pluralKey(count: number): "one" | "other" {
  return new Intl.PluralRules(getLocale()).select(count) === "one" ? "one" : "other";
}
