import { HANDOFF } from "$lib/handoff/pages";
import type { SectionId } from "$lib/router/sections";

/** Sections not built yet; each shows what it will do and, where one exists, the Manager page. */
export type PlaceholderSection = Exclude<
  SectionId,
  "organisations" | "settings" | "users" | "teams" | "products" | "supportAccess" | "diagnostics" | "activity"
>;

export const PLACEHOLDER_HANDOFF: Record<PlaceholderSection, string | undefined> = {
  invoices: HANDOFF.invoices,
};
