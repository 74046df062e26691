/** The sidebar's sections, in display order. */
export const SECTIONS = [
  "organisations",
  "users",
  "teams",
  "products",
  "invoices",
  "supportAccess",
  "checkup",
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
  checkup: "checkup",
  activity: "activity",
  diagnostics: "diagnostics",
  settings: "settings",
};

/** `detail` narrows the section: `#/products/123` is one product, `#/products/renewals` the board. */
export function hrefFor(section: SectionId, detail: string | null = null): string {
  return detail === null ? `#/${SLUGS[section]}` : `#/${SLUGS[section]}/${encodeURIComponent(detail)}`;
}

function partsOf(hash: string): string[] {
  return hash.replace(/^#\/?/, "").split("/");
}

export function sectionFromHash(hash: string): SectionId {
  const [slug] = partsOf(hash);
  return SECTIONS.find((s) => SLUGS[s] === slug) ?? DEFAULT_SECTION;
}

/** What follows the section in the hash, if anything. */
export function detailFromHash(hash: string): string | null {
  const [, detail] = partsOf(hash);
  return detail ? decodeURIComponent(detail) : null;
}
