import type { Person } from "$lib/bindings";
import { csvRows, isoDateTime } from "$lib/csv/rows";
import { t } from "$lib/i18n";

/**
 * The user table as shown (same rows, same columns, same words), ready for the CSV export; the
 * last login in ISO 8601 (UTC) so that the file reads the same whatever the region.
 */
export function usersCsv(users: readonly Person[]): string[][] {
  const header = [
    t("users.columns.name"),
    t("users.columns.email"),
    t("users.columns.role"),
    t("users.columns.state"),
    t("users.columns.billing"),
    t("users.columns.lastLogin"),
  ];
  return csvRows(header, users, (p) => [
    p.name,
    p.email,
    t(`users.roles.${p.role}`),
    p.pending ? t("users.pending") : t("users.member"),
    p.billingAccess ? t("common.yes") : t("common.no"),
    p.lastLoginAt === null ? "" : isoDateTime(p.lastLoginAt),
  ]);
}
