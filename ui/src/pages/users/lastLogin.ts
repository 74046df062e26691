import { formatDate, formatDateTime } from "$lib/format/intl";
import { getLocale } from "$lib/i18n";

// Building a date formatter costs more than painting a row, and typing a search repaints rows
// constantly: each login time is formatted once per language.
const formatted = new Map<string, string>();

function cached(kind: "day" | "time", unixSeconds: number, format: (s: number) => string): string {
  const key = `${getLocale()}:${kind}:${unixSeconds}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = format(unixSeconds);
    formatted.set(key, text);
  }
  return text;
}

/** A last-login day as the table shows it (the row stays one line high). */
export function lastLogin(unixSeconds: number): string {
  return cached("day", unixSeconds, formatDate);
}

/** The same with its time, for the cell's tooltip. */
export function lastLoginExact(unixSeconds: number): string {
  return cached("time", unixSeconds, formatDateTime);
}
