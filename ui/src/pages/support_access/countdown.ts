import type { Remaining, SupportAccessView, SupportContent } from "$lib/bindings";
import { formatDateTime, pluralKey } from "$lib/format/intl";
import { t } from "$lib/i18n";

/** Product names are the same in every language. */
export const CONTENT_NAMES: Record<SupportContent, string> = {
  mail: "Mail",
  kdrive: "kDrive",
  kchat: "kChat",
};

function count(unit: "days" | "hours", n: number): string {
  return t(`supportAccess.${unit}.${pluralKey(n)}`, { n });
}

/** "in 6 days and 23 hours", "in 7 days", "in 3 hours", "in less than an hour". */
export function timeLeft(r: Remaining): string {
  if (r.days > 0 && r.hours === 0) return t("supportAccess.inDuration", { duration: count("days", r.days) });
  if (r.days > 0) {
    const duration = t("supportAccess.join", { a: count("days", r.days), b: count("hours", r.hours) });
    return t("supportAccess.inDuration", { duration });
  }
  if (r.hours > 0) return t("supportAccess.inDuration", { duration: count("hours", r.hours) });
  return t("supportAccess.lessThanAnHour");
}

/** The line under a switch: off, or when it was granted, when it ends and how long is left. */
export function statusLine(access: SupportAccessView): string {
  if (!access.on) return t("supportAccess.off");
  const granted = access.grantedAt === null ? t("common.none") : formatDateTime(access.grantedAt);
  if (access.expiresAt === null) return t("supportAccess.onNoEnd", { granted });
  return t("supportAccess.on", {
    granted,
    ends: formatDateTime(access.expiresAt),
    left: access.remaining ? timeLeft(access.remaining) : t("supportAccess.lessThanAnHour"),
  });
}
