import { formatDateTime } from "$lib/format/intl";
import { getLocale } from "$lib/i18n";

// Building a date formatter costs more than painting a row, and typing a search repaints rows
// constantly: each login time is formatted once per language.
const formatted = new Map<string, string>();

/** A last-login time as the table shows it. */
export function lastLogin(unixSeconds: number): string {
  const key = `${getLocale()}:${unixSeconds}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatDateTime(unixSeconds);
    formatted.set(key, text);
  }
  return text;
}
