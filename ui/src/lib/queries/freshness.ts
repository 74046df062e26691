import type { Freshness } from "$lib/bindings";

/**
 * The Rust side emits `data-changed` when a refresh lands; this slow poll only covers a refresh
 * that ended without news (for example a failed one), so "Updating…" never stays on forever.
 */
export const UPDATING_POLL_MS = 15_000;

type SnapshotQuery = { state: { data?: { freshness: Freshness } | undefined } };

export function refreshWhileUpdating(query: SnapshotQuery): number | false {
  return query.state.data?.freshness.refreshing ? UPDATING_POLL_MS : false;
}
