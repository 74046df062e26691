import type { ProductRow } from "$lib/bindings";
import { csvRows, isoDay } from "$lib/csv/rows";
import { serviceName } from "$lib/format/services";
import { t } from "$lib/i18n";

const yesNo = (b: boolean | null) => (b === null ? "" : b ? t("common.yes") : t("common.no"));

/** The products table as shown, ready for the CSV export (dates as ISO days, for spreadsheets). */
export function productsCsv(products: readonly ProductRow[]): string[][] {
  const header = [
    t("products.columns.name"),
    t("products.columns.service"),
    t("products.columns.organisation"),
    t("products.columns.expiry"),
    t("products.columns.daysLeft"),
    t("products.columns.autoRenew"),
    t("products.columns.locked"),
    t("products.columns.maintenance"),
    t("products.columns.trial"),
  ];
  return csvRows(header, products, (p) => [
    p.name,
    serviceName(p.service),
    p.organisation ?? "",
    p.expiresAt === null ? "" : isoDay(p.expiresAt),
    p.daysLeft === null ? "" : String(p.daysLeft),
    yesNo(p.autoRenew),
    yesNo(p.locked),
    yesNo(p.maintenance),
    yesNo(p.trial),
  ]);
}
