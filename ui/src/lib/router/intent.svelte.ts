import type { SectionId } from "./sections";

/**
 * What the command palette asked a page to do once it opens: show one organisation, open the
 * invitation form, start a new team. The page takes it (so it acts once) when it renders.
 */
export type Intent = { section: SectionId; accountId?: number; action?: "invite" | "createTeam" };

const state = $state<{ pending: Intent | null }>({ pending: null });

export function requestIntent(intent: Intent): void {
  state.pending = intent;
}

/** The intent meant for `section`, removed as it is read; `null` when there is none. */
export function takeIntent(section: SectionId): Intent | null {
  const pending = state.pending;
  if (pending?.section !== section) return null;
  state.pending = null;
  return pending;
}
