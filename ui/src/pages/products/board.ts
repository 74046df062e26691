import type { ProductRow, RenewalGroup } from "$lib/bindings";
import { formatDate, formatDaysFromNow, formatMoney, formatNumber } from "$lib/format/intl";
import { t } from "$lib/i18n";

/** The groups the board shows, most urgent first. */
export const BOARD_GROUPS = ["expired", "renew_manually", "auto_renew", "coming_soon"] as const satisfies readonly RenewalGroup[];
export type BoardGroup = (typeof BOARD_GROUPS)[number];

/** Rows a board group paints at first, and how many more each "Show more" adds. */
export const BOARD_PAGE = 50;

const AUTO_RENEW_LEAD_SECS = 14 * 24 * 60 * 60;

export function boardGroups(rows: ProductRow[]): { group: BoardGroup; rows: ProductRow[] }[] {
  return BOARD_GROUPS.map((group) => ({ group, rows: rows.filter((row) => row.group === group) }));
}

/** What happens next to the product and what to do, in one or two sentences. */
export function nextStep(row: ProductRow, now: number): string {
  const expiry = row.expiresAt;
  if (expiry === null) return t("products.noExpiry");
  const date = formatDate(expiry);
  switch (row.group) {
    case "expired":
      return t("products.next.expired", { date });
    case "renew_manually":
      return t(row.autoRenew === null ? "products.next.manualUnknown" : "products.next.manual", { date });
    case "auto_renew": {
      const attempt = row.paymentAttemptAt ?? expiry - AUTO_RENEW_LEAD_SECS;
      return attempt > now
        ? t("products.next.autoPlanned", { date: formatDate(attempt) })
        : t("products.next.autoPast", { date: formatDate(attempt), expiry: date });
    }
    case "coming_soon":
    case "later":
      return row.autoRenew === null
        ? t("products.next.soonUnknown", { date })
        : t("products.next.soon", { date, lastDay: formatDate(expiry - AUTO_RENEW_LEAD_SECS) });
    case "no_expiry":
      return t("products.noExpiry");
  }
}

/** A price as people read it; a currency this version does not know keeps the bare amount. */
export function priceText(row: ProductRow): string | null {
  const amount = row.price?.amount ?? null;
  if (row.price === null || amount === null) return null;
  const { currency } = row.price;
  return currency === null
    ? t("products.unknownCurrency", { amount: formatMoney(amount, null) })
    : formatMoney(amount, currency);
}

export function organisationName(row: Pick<ProductRow, "organisation" | "accountId">): string {
  return row.organisation ?? t("products.unknownOrganisation", { id: row.accountId ?? "?" });
}

/** The expiry column: a date, or why there is none. */
export function expiryText(row: ProductRow): string {
  return row.expiresAt === null ? t("products.noExpiry") : formatDate(row.expiresAt);
}

/** Days left; past ones read as "expired N days ago". */
export function daysLeftText(row: ProductRow): string {
  if (row.daysLeft === null) return t("common.none");
  return row.daysLeft < 0
    ? t("products.expiredDaysAgo", { ago: formatDaysFromNow(row.daysLeft) })
    : formatNumber(row.daysLeft);
}
