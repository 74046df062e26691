import { detailFromHash, sectionFromHash, hrefFor, type SectionId } from "./sections";

/*
 * A hash router of our own rather than a library: the app has flat sections, at most narrowed
 * by one detail (`#/products/123`), and the hash works unchanged under Tauri's custom protocol
 * (no server to answer deep links). Forty lines are easier to keep than another dependency.
 */

const initialHash = globalThis.location?.hash ?? "";
const state = $state<{ section: SectionId; detail: string | null }>({
  section: sectionFromHash(initialHash),
  detail: detailFromHash(initialHash),
});

export function currentSection(): SectionId {
  return state.section;
}

/** What the current section is narrowed to (a product id, the renewals board), if anything. */
export function currentDetail(): string | null {
  return state.detail;
}

export function navigate(section: SectionId, detail: string | null = null): void {
  const href = hrefFor(section, detail);
  if (location.hash !== href) location.hash = href;
  state.section = section;
  state.detail = detail;
}

/** Follows the address bar (back/forward, typed hashes). Returns the function that stops it. */
export function startRouter(): () => void {
  const follow = () => {
    state.section = sectionFromHash(location.hash);
    state.detail = detailFromHash(location.hash);
  };
  follow();
  addEventListener("hashchange", follow);
  return () => removeEventListener("hashchange", follow);
}
