import type { Person, Role } from "$lib/bindings";

export type StateFilter = "all" | "members" | "pending";
export type Filters = { search: string; role: Role | "all"; state: StateFilter };
export type SortKey = "name" | "email" | "role" | "state" | "lastLogin";
export type Sort = { key: SortKey; ascending: boolean };

/** Users with the text a search looks in, lower-cased once per snapshot rather than once per keystroke. */
export type SearchIndex = { readonly users: readonly Person[]; readonly texts: readonly string[] };

const indexes = new WeakMap<readonly Person[], SearchIndex>();

export function searchIndex(users: readonly Person[]): SearchIndex {
  let index = indexes.get(users);
  if (!index) {
    index = { users, texts: users.map((p) => `${p.name}\n${p.email}`.toLocaleLowerCase()) };
    indexes.set(users, index);
  }
  return index;
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
const roleRank: Record<Role, number> = { legal_representative: 0, administrator: 1, collaborator: 2, unknown: 3 };

function compare(a: Person, b: Person, key: SortKey): number {
  switch (key) {
    case "name":
      return collator.compare(a.name, b.name);
    case "email":
      return collator.compare(a.email, b.email);
    case "role":
      return roleRank[a.role] - roleRank[b.role];
    case "state":
      return Number(a.pending) - Number(b.pending);
    case "lastLogin":
      // Never signed in sorts as the oldest.
      return (a.lastLoginAt ?? -Infinity) - (b.lastLoginAt ?? -Infinity);
  }
}

/** The index in the order asked, ties kept in the order Infomaniak gave; done when the sort changes, not per keystroke. */
export function sortIndex(index: SearchIndex, sort: Sort | null): SearchIndex {
  if (!sort) return index;
  const sign = sort.ascending ? 1 : -1;
  const order = index.users.map((_, i) => i);
  order.sort((i, j) => sign * compare(index.users[i] as Person, index.users[j] as Person, sort.key) || i - j);
  return { users: order.map((i) => index.users[i] as Person), texts: order.map((i) => index.texts[i] as string) };
}

/** The rows a search and filters keep: plain substring matching on the precomputed texts. */
export function filterUsers(index: SearchIndex, f: Filters): Person[] {
  // Read once: the page's filters are reactive state, and each read of one is a tracked read
  // (twice per person, 20,000 a keystroke in a large organisation, when read in the loop).
  const { role, state } = f;
  const needle = f.search.trim().toLocaleLowerCase();
  const kept: Person[] = [];
  for (let i = 0; i < index.users.length; i++) {
    const p = index.users[i] as Person;
    if (role !== "all" && p.role !== role) continue;
    if (state !== "all" && (state === "pending") !== p.pending) continue;
    if (needle !== "" && !(index.texts[i] as string).includes(needle)) continue;
    kept.push(p);
  }
  return kept;
}
