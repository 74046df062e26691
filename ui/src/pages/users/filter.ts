import type { Person, Role } from "$lib/bindings";

export type StateFilter = "all" | "members" | "pending";
export type Filters = { search: string; role: Role | "all"; state: StateFilter };

/** The rows a search and filters keep: plain string matching, fast enough for 10,000 people. */
export function filterPeople(people: Person[], f: Filters): Person[] {
  const needle = f.search.trim().toLocaleLowerCase();
  return people.filter(
    (p) =>
      (f.role === "all" || p.role === f.role) &&
      (f.state === "all" || (f.state === "pending") === p.pending) &&
      (needle === "" || p.name.toLocaleLowerCase().includes(needle) || p.email.toLocaleLowerCase().includes(needle)),
  );
}
