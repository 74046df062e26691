/** The sidebar's sections, in display order. */
export const SECTIONS = [
  "organisations",
  "users",
  "teams",
  "products",
  "invoices",
  "supportAccess",
  "activity",
  "diagnostics",
  "settings",
] as const;
export type SectionId = (typeof SECTIONS)[number];

export const DEFAULT_SECTION: SectionId = "organisations";

const SLUGS: Record<SectionId, string> = {
  organisations: "organisations",
  users: "users",
  teams: "teams",
  products: "products",
  invoices: "invoices",
  supportAccess: "support-access",
  activity: "activity",
  diagnostics: "diagnostics",
  settings: "settings",
};

export function hrefFor(section: SectionId): string {
  return `#/${SLUGS[section]}`;
}

export function sectionFromHash(hash: string): SectionId {
  const slug = hash.replace(/^#\/?/, "");
  return SECTIONS.find((s) => SLUGS[s] === slug) ?? DEFAULT_SECTION;
}
