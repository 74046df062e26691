import type { Organisation } from "$lib/bindings";
import type { Column } from "$lib/components/DataTable/column";
import { formatNumber } from "$lib/format/intl";
import { t, type Dictionary } from "$lib/i18n";

type ColumnId = keyof Dictionary["organisations"]["columns"];

const count = (value: number | null) => (value === null ? t("common.none") : formatNumber(value));
const yesNo = (value: boolean) => t(value ? "common.yes" : "common.no");

const LEGAL_ENTITIES = ["company", "individual", "public_body", "restrict", "unknown"] as const;

/** The spec's entity types read as words ("unknown" when the API sent a value it does not list). */
function legalEntity(value: string | null): string {
  if (value === null) return t("common.none");
  const known = LEGAL_ENTITIES.find((entity) => entity === value);
  return known ? t(`legalEntities.${known}`) : value;
}

function column(
  id: ColumnId,
  value: (o: Organisation) => string,
  extra: Partial<Column<Organisation>> = {},
): Column<Organisation> {
  return { id, header: t(`organisations.columns.${id}`), value, ...extra };
}

/** Built on each render so headers and cells follow the current language. */
export function organisationColumns(): Column<Organisation>[] {
  return [
    column("name", (o) => o.name, { rowHeader: true, testId: "org-name", width: 16 }),
    column("relation", (o) => t(`relations.${o.relation}`), { width: 10 }),
    column("legalEntity", (o) => legalEntity(o.legalEntity), { priority: 4, width: 9 }),
    column("users", (o) => count(o.users), { numeric: true, sortValue: (o) => o.users }),
    column("pendingInvitations", (o) => count(o.pendingInvitations), {
      numeric: true,
      priority: 3,
      width: 7,
      sortValue: (o) => o.pendingInvitations,
    }),
    column("legalRepresentatives", (o) => count(o.legalRepresentatives), {
      numeric: true,
      priority: 5,
      width: 7,
      sortValue: (o) => o.legalRepresentatives,
    }),
    column("blocked", (o) => yesNo(o.blocked), { priority: 3, width: 6 }),
    column("ordersAwaitingPayment", (o) => count(o.ordersAwaitingPayment), {
      numeric: true,
      priority: 4,
      width: 7,
      sortValue: (o) => o.ordersAwaitingPayment,
    }),
    column("twoFactorRequired", (o) => yesNo(o.twoFactorRequired), { priority: 5, width: 7 }),
  ];
}
