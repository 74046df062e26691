import { commands } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";

/*
 * Cells whose bytes must not depend on the person's language or region (a spreadsheet reads them
 * back, a script compares two exports): dates in ISO 8601, in UTC. Headers are in the person's
 * language; the page shows dates as the region writes them.
 */

/** The UTC day of `unixSeconds`: 2026-11-24. */
export function isoDay(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}

/** The UTC moment of `unixSeconds` to the second: 2026-11-24T16:30:00Z. */
export function isoDateTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A spreadsheet runs a cell starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell made inert: a leading formula character is shown, not run. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * The rows of an export: the header, then one row per item as shown. Every cell is neutralised; the
 * shell quotes commas, quotes and line breaks when it writes the file.
 */
export function csvRows<T>(header: string[], items: readonly T[], cells: (item: T) => string[]): string[][] {
  return [header, ...items.map(cells)].map((row) => row.map(neutralise));
}

/** Asks the shell to save the rows; the path written, or null when the dialog was closed. */
export async function saveCsv(suggestedName: string, rows: string[][]): Promise<string | null> {
  return unwrap(await commands.exportCsv(suggestedName, rows));
}
