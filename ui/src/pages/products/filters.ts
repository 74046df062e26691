import type { ProductRow } from "$lib/bindings";

/** The Manager's "next 2 months / all" filter. */
export type Period = "twoMonths" | "all";

export type ProductFilters = {
  period: Period;
  search: string;
  service: string | null;
  accountId: number | null;
};

export const TWO_MONTHS_SECS = 60 * 24 * 60 * 60;

export const NO_FILTERS: ProductFilters = { period: "all", search: "", service: null, accountId: null };

/**
 * The rows the filters keep. "Next 2 months" keeps what has expired too: those products need a
 * decision even more.
 */
export function filterProducts(rows: ProductRow[], filters: ProductFilters, now: number): ProductRow[] {
  const needle = filters.search.trim().toLocaleLowerCase();
  return rows.filter((row) => {
    if (filters.period === "twoMonths" && (row.expiresAt === null || row.expiresAt > now + TWO_MONTHS_SECS)) {
      return false;
    }
    if (filters.service !== null && row.service !== filters.service) return false;
    if (filters.accountId !== null && row.accountId !== filters.accountId) return false;
    if (needle === "") return true;
    return [row.name, row.organisation ?? "", row.service].some((text) =>
      text.toLocaleLowerCase().includes(needle),
    );
  });
}

/** Every service present, in alphabetical order. */
export function servicesOf(rows: ProductRow[]): string[] {
  return [...new Set(rows.map((row) => row.service))].sort();
}
