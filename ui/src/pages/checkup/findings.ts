import type { Checkup, Finding, Severity } from "$lib/bindings";
import { csvRows } from "$lib/csv/rows";
import { t } from "$lib/i18n";

export const SEVERITIES: Severity[] = ["critical", "warning", "info"];

/** `accountId` null: the signed-in person's own account (support access). */
export type OrganisationFindings = { accountId: number | null; name: string; findings: Finding[] };

/** Findings grouped by organisation, in the core's order, then the person's own account;
 * groups without any finding are left out. */
export function byOrganisation(checkup: Checkup): OrganisationFindings[] {
  const groups: { accountId: number | null; name: string }[] = [
    ...checkup.organisations,
    { accountId: null, name: t("checkup.yourAccount") },
  ];
  return groups
    .map((o) => ({ ...o, findings: checkup.findings.filter((f) => f.accountId === o.accountId) }))
    .filter((o) => o.findings.length > 0);
}

export function countOf(findings: readonly Finding[], severity: Severity): number {
  return findings.filter((f) => f.severity === severity).length;
}

export function fixTarget(finding: Finding): string {
  return finding.fix.kind === "app" ? finding.fix.route : finding.fix.url;
}

/** The findings as CSV rows, headers in the person's language. */
export function checkupCsv(checkup: Checkup): string[][] {
  const names = new Map(checkup.organisations.map((o) => [o.accountId, o.name]));
  return csvRows(
    [
      t("checkup.columns.organisation"),
      t("checkup.columns.severity"),
      t("checkup.columns.finding"),
      t("checkup.columns.subject"),
      t("checkup.columns.fix"),
    ],
    checkup.findings,
    (f) => [
      f.accountId === null ? t("checkup.yourAccount") : (names.get(f.accountId) ?? String(f.accountId)),
      t(`checkup.severity.${f.severity}`),
      t(`checkup.reason.${f.key}`),
      f.subject ?? "",
      fixTarget(f),
    ],
  );
}
