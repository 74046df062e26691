import { HANDOFF } from "$lib/handoff/pages";
import type { SectionId } from "$lib/router/sections";

/** Sections not built yet; each shows what it will do and, where one exists, the Manager page. */
export type PlaceholderSection = Exclude<SectionId, "organisations" | "settings" | "users" | "diagnostics" | "activity">;

export const PLACEHOLDER_HANDOFF: Record<PlaceholderSection, string | undefined> = {
  teams: undefined,
  // The renewals page needs an organisation in its address; it comes with the page itself.
  products: undefined,
  invoices: HANDOFF.invoices,
  supportAccess: HANDOFF.supportAccess,
};
