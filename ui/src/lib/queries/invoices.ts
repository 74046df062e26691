import { queryOptions } from "@tanstack/svelte-query";
import { Channel } from "@tauri-apps/api/core";
import { commands, type InvoiceRow, type InvoicesHandOff, type ProfileId, type YearProgress, type YearSaved } from "$lib/bindings";
import { unwrap } from "$lib/ipc/failure";
import { UPDATING_POLL_MS } from "./freshness";

export const invoicesOfProfileKey = (profileId: ProfileId) => ["invoices", profileId] as const;
export const invoicesKey = (profileId: ProfileId, accountId: number | "all") => ["invoices", profileId, accountId] as const;
export const prepaidKey = (profileId: ProfileId, accountId: number) => ["invoices", profileId, accountId, "prepaid"] as const;

/** An organisation whose invoices are read in the Manager instead. */
export type HandedOff = { accountId: number; handOff: InvoicesHandOff };

/** The invoices of one organisation, or of several merged (newest first), with those handed off. */
export type InvoiceList = { items: InvoiceRow[]; handedOff: HandedOff[]; refreshing: boolean };

export function invoicesQuery(profileId: ProfileId, accountIds: number[], key: number | "all") {
  return queryOptions({
    queryKey: invoicesKey(profileId, key),
    queryFn: async (): Promise<InvoiceList> => {
      const lists = await Promise.all(
        accountIds.map(async (accountId) => ({ accountId, ...unwrap(await commands.invoices(profileId, accountId)) })),
      );
      return {
        items: lists.flatMap((l) => l.items).sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0)),
        handedOff: lists.flatMap((l) => (l.handOff ? [{ accountId: l.accountId, handOff: l.handOff }] : [])),
        refreshing: lists.some((l) => l.freshness.refreshing),
      };
    },
    refetchInterval: (query) => (query.state.data?.refreshing ? UPDATING_POLL_MS : false),
  });
}

export function prepaidQuery(profileId: ProfileId, accountId: number) {
  return queryOptions({
    queryKey: prepaidKey(profileId, accountId),
    queryFn: async () => unwrap(await commands.prepaidHistory(profileId, accountId)),
  });
}

export type InvoiceFilters = { unpaidOnly: boolean; thisYear: boolean };

/** The UTC year of a Unix time, as the Rust side files invoices by year. */
export const yearOf = (unixSeconds: number) => new Date(unixSeconds * 1000).getUTCFullYear();

export function filterInvoices(rows: InvoiceRow[], filters: InvoiceFilters, year: number): InvoiceRow[] {
  return rows.filter(
    (r) => (!filters.unpaidOnly || r.unpaid) && (!filters.thisYear || (r.createdAt !== null && yearOf(r.createdAt) === year)),
  );
}

/** One total per currency; `currency: null` gathers the currencies this version does not know. */
export type CurrencyTotal = { currency: string | null; total: number; unpaid: number; count: number };

export function totalsByCurrency(rows: InvoiceRow[]): CurrencyTotal[] {
  const totals = new Map<string | null, CurrencyTotal>();
  for (const r of rows) {
    const t = totals.get(r.currency) ?? { currency: r.currency, total: 0, unpaid: 0, count: 0 };
    t.total += r.amount ?? 0;
    if (r.unpaid) t.unpaid += r.amount ?? 0;
    t.count += 1;
    totals.set(r.currency, t);
  }
  // Known currencies first, alphabetically; the unknown ones last.
  return [...totals.values()].sort((a, b) =>
    a.currency === null ? 1 : b.currency === null ? -1 : a.currency.localeCompare(b.currency),
  );
}

/**
 * Asks for a folder and saves every invoice of `year` of the organisations into it, reporting each
 * file through `onProgress`. `null` when the person closed the dialog.
 */
export async function saveYear(
  profileId: ProfileId,
  accountIds: number[],
  year: number,
  onProgress: (progress: YearProgress) => void,
): Promise<YearSaved | null> {
  const channel = new Channel<YearProgress>();
  channel.onmessage = onProgress;
  return unwrap(await commands.saveInvoiceYear(profileId, accountIds, year, channel));
}
