import { ticks } from "d3-array";
import { stack } from "d3-shape";
import type { CostEntry, CostForecast } from "$lib/bindings";
import { serviceName } from "$lib/format/services";
import { regionLocale } from "$lib/i18n/region.svelte";

/** One bar segment: a group's share of a month, stacked from `y0` to `y1`. */
export type Segment = { month: string; group: string; y0: number; y1: number; amount: number };

/** One currency's chart: its months, its groups, the stacked segments and the axis ticks. */
export type CurrencyChart = { currency: string; months: string[]; groups: string[]; segments: Segment[]; max: number; ticks: number[] };

/** The label of a group as people read it: a service's name, or the organisation's. */
export function groupLabel(forecast: CostForecast, group: string): string {
  return forecast.group === "service" ? serviceName(group) : group;
}

/** "Mar 2027" in the region's format, from `2027-03`. */
export function monthLabel(month: string): string {
  const [year, m] = month.split("-").map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (m ?? 1) - 1, 1));
  return new Intl.DateTimeFormat(regionLocale(), { month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

/**
 * The chart of one currency: amounts of the other currencies never enter it. Groups are stacked
 * largest first, so the biggest cost sits on the axis.
 */
export function currencyChart(forecast: CostForecast, currency: string): CurrencyChart {
  // Amounts are finite in the core (summed in hundredths); the bindings type every f64 as nullable.
  const entries = forecast.entries.filter((e) => e.currency === currency).map((e) => ({ ...e, amount: e.amount ?? 0 }));
  const byGroup = new Map<string, number>();
  for (const e of entries) byGroup.set(e.group, (byGroup.get(e.group) ?? 0) + e.amount);
  const groups = [...byGroup.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([g]) => g);
  const table = forecast.months.map((month) => {
    const row: Record<string, number> = {};
    for (const g of groups) row[g] = 0;
    for (const e of entries) if (e.month === month) row[e.group] = (row[e.group] ?? 0) + e.amount;
    return row;
  });
  const layers = stack<Record<string, number>>().keys(groups)(table);
  const segments: Segment[] = [];
  let max = 0;
  for (const layer of layers) {
    layer.forEach(([y0, y1], i) => {
      max = Math.max(max, y1);
      if (y1 > y0) segments.push({ month: forecast.months[i] ?? "", group: layer.key, y0, y1, amount: y1 - y0 });
    });
  }
  return { currency, months: forecast.months, groups, segments, max, ticks: axis(max) };
}

/** Round ticks from 0 up to at least `max`, so the tallest bar stays under the top line. */
function axis(max: number): number[] {
  if (max <= 0) return [0];
  const marks = ticks(0, max, 4);
  const step = (marks[1] ?? max) - (marks[0] ?? 0);
  while ((marks.at(-1) ?? 0) < max && step > 0) marks.push((marks.at(-1) ?? 0) + step);
  return marks;
}

/** Automatic or manual entries of a month, for the table view: one row per entry. */
export function tableRows(forecast: CostForecast): (CostEntry & { key: string })[] {
  return forecast.entries.map((e) => ({ ...e, key: `${e.month}|${e.currency}|${e.group}|${e.automatic}` }));
}
