import type { ReminderChoices } from "$lib/bindings";
import { t } from "$lib/i18n";

/** What the core uses until the person changes it (0 is the day the product expires). */
export const DEFAULT_LEAD_DAYS = [30, 14, 7, 1, 0];
export const MAX_LEAD_DAYS = 90;
/** The background refresh intervals offered, in hours (the core takes 1 to 24). */
export const SYNC_HOURS = [1, 2, 3, 6, 12, 24];

/** The form's copy of the settings: every list present, so the Save sends exactly what is shown. */
export type Draft = Required<ReminderChoices>;

export function draftOf(saved: ReminderChoices): Draft {
  return {
    leadDays: [...saved.leadDays],
    mutedAccounts: [...(saved.mutedAccounts ?? [])],
    mutedProducts: [...(saved.mutedProducts ?? [])],
    quietHours: saved.quietHours ? { ...saved.quietHours } : null,
    syncEveryHours: saved.syncEveryHours ?? 1,
  };
}

export function leadLabel(days: number): string {
  if (days === 0) return t("reminders.leadOnTheDay");
  if (days === 1) return t("reminders.leadOneDay");
  return t("reminders.leadDays", { count: days });
}

/** A typed lead time as whole days in range, or null when it is not one. */
export function parseLead(typed: string | number | null | undefined): number | null {
  // A number field hands over a number, or nothing when what is typed is not one.
  const text = String(typed ?? "").trim();
  if (!/^\d+$/.test(text)) return null;
  const days = Number(text);
  return days <= MAX_LEAD_DAYS ? days : null;
}

/** Adds a lead time once, keeping the list furthest first as the core keeps it. */
export function withLead(leads: number[], days: number): number[] {
  return [...new Set([...leads, days])].sort((a, b) => b - a);
}

/** "HH:MM" from minutes since midnight, as `<input type="time">` wants it. */
export function timeOf(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Minutes since midnight from "HH:MM", or null for an empty or partial time. */
export function minutesOf(time: string): number | null {
  const match = /^(\d{2}):(\d{2})/.exec(time);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function toggled(ids: number[], id: number, present: boolean): number[] {
  const others = ids.filter((other) => other !== id);
  return present ? [...others, id] : others;
}
