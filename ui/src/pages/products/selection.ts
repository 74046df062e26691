import type { ProductOrganisation, ProductRow } from "$lib/bindings";
import { organisationName } from "./board";

/** Products of a selection that automatic renewal can no longer be switched on for. */
export function tooLateToSwitchOn(rows: ProductRow[]): ProductRow[] {
  return rows.filter((row) => !row.canSwitchOn);
}

/** The organisations a selection belongs to, each with its renewal page, where it is paid. */
export function payTargets(
  rows: ProductRow[],
  organisations: ProductOrganisation[],
): { accountId: number; name: string; url: string }[] {
  const ids = [...new Set(rows.flatMap((row) => (row.accountId === null ? [] : [row.accountId])))];
  return ids.flatMap((accountId) => {
    const org = organisations.find((o) => o.accountId === accountId);
    return org ? [{ accountId, name: organisationName({ organisation: org.name, accountId }), url: org.renewalPage }] : [];
  });
}

export const namesOf = (rows: ProductRow[]) => rows.map((row) => row.name).join(", ");
