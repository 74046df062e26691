import type { BulkOutcome, BulkResult, BulkRow, RowProblem } from "$lib/bindings";
import { csvRows } from "$lib/csv/rows";
import { t, type Locale } from "$lib/i18n";
import { formatNumber, pluralKey } from "$lib/format/intl";

/** The Manager's locale for rows of the file that name no language: the app's own. */
export const managerLocaleOf: Record<Locale, string> = { fr: "fr_FR", de: "de_DE", it: "it_IT", en: "en_GB", es: "es_ES" };

const KNOWN_LOCALES = ["fr_FR", "de_DE", "it_IT", "en_GB", "es_ES"] as const;

/** One sentence for what the check found. */
export function describeProblem(problem: RowProblem): string {
  switch (problem.kind) {
    case "unknown_role":
    case "unknown_language":
    case "unknown_billing":
      return t(`bulk.problems.${problem.kind}`, { value: problem.value });
    case "unknown_team":
      return t("bulk.problems.unknown_team", { name: problem.name });
    case "duplicate_in_file":
      return t("bulk.problems.duplicate_in_file", { line: problem.line });
    default:
      return t(`bulk.problems.${problem.kind}`);
  }
}

const REFUSALS = ["invitation_already_exists_with_this_email", "object_already_exists"] as const;

/** One sentence for how a row ended. */
export function describeOutcome(outcome: BulkOutcome): string {
  switch (outcome.kind) {
    case "refused": {
      const known = REFUSALS.find((code) => code === outcome.code);
      const reason = known ? t(`bulk.refusals.${known}`) : outcome.message;
      return t("bulk.outcomes.refused", { reason });
    }
    case "skipped":
      return t("bulk.outcomes.skipped", { problem: describeProblem(outcome.problem) });
    default:
      return t(`bulk.outcomes.${outcome.kind}`);
  }
}

/** What a row shows in the check column before it is sent. */
export function describeCheck(row: BulkRow): string {
  return row.problems.length === 0 ? t("bulk.ready") : row.problems.map(describeProblem).join("; ");
}

export function languageName(locale: string): string {
  const known = KNOWN_LOCALES.find((l) => l === locale);
  return known ? t(`users.locales.${known}`) : locale;
}

/** "45 seconds", "3 minutes": how long sending takes, rounded up to the minute past a minute. */
export function duration(seconds: number): string {
  if (seconds < 60) return t(`bulk.seconds.${pluralKey(seconds)}`, { count: formatNumber(seconds) });
  const minutes = Math.ceil(seconds / 60);
  return t(`bulk.minutes.${pluralKey(minutes)}`, { count: formatNumber(minutes) });
}

/** Rows still to send when resuming: never tried, stopped, or whose answer was lost (the core reads those back first). */
export function rowsToResume(rows: BulkRow[], results: Map<number, BulkResult>): BulkRow[] {
  return rows.filter((row) => {
    if (row.problems.length > 0) return false;
    const outcome = results.get(row.line)?.outcome.kind;
    return outcome === undefined || outcome === "stopped" || outcome === "not_sent" || outcome === "unknown";
  });
}

export type Tally = { sent: number; refused: number; skipped: number; unknown: number };

/**
 * How many rows ended each way. A read-back that confirmed an invitation counts as sent; a row the
 * check stopped is never sent, so it counts as skipped whether or not the core reported it.
 */
export function tally(rows: BulkRow[], results: Map<number, BulkResult>): Tally {
  const counts: Tally = { sent: 0, refused: 0, skipped: 0, unknown: 0 };
  for (const row of rows) {
    const kind = results.get(row.line)?.outcome.kind ?? (row.problems.length > 0 ? "skipped" : undefined);
    if (kind === "sent" || kind === "confirmed") counts.sent += 1;
    else if (kind === "refused" || kind === "not_sent") counts.refused += 1;
    else if (kind === "skipped") counts.skipped += 1;
    else if (kind === "unknown") counts.unknown += 1;
  }
  return counts;
}

/** The results as a CSV: the row's line, who, and how it ended (or what the check found). */
export function resultsCsv(rows: BulkRow[], results: Map<number, BulkResult>): string[][] {
  const header = [t("bulk.columns.line"), t("bulk.columns.email"), t("bulk.columns.firstName"), t("bulk.columns.lastName"), t("bulk.columns.result")];
  return csvRows(header, rows, (row) => {
    const result = results.get(row.line);
    const said = result ? describeOutcome(result.outcome) : describeCheck(row);
    return [String(row.line), row.email, row.firstName, row.lastName, said];
  });
}
