import { sectionFromHash, hrefFor, type SectionId } from "./sections";

/*
 * A hash router of our own rather than a library: the app has eight flat sections and no
 * parameters yet, and the hash works unchanged under Tauri's custom protocol (no server to
 * answer deep links). Thirty lines are easier to keep than another dependency.
 */

const state = $state<{ section: SectionId }>({ section: sectionFromHash(globalThis.location?.hash ?? "") });

export function currentSection(): SectionId {
  return state.section;
}

export function navigate(section: SectionId): void {
  const href = hrefFor(section);
  if (location.hash !== href) location.hash = href;
  state.section = section;
}

/** Follows the address bar (back/forward, typed hashes). Returns the function that stops it. */
export function startRouter(): () => void {
  const follow = () => {
    state.section = sectionFromHash(location.hash);
  };
  follow();
  addEventListener("hashchange", follow);
  return () => removeEventListener("hashchange", follow);
}
