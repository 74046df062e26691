import { describe, expect, it } from "vitest";
import { filterUsers, searchIndex, sortIndex } from "../src/pages/users/filter";
import { nextIndex } from "$lib/components/DataTable/rowKeys";
import { person } from "./users-fixtures";

const team = [person(1, "Élodie Roux"), person(2, "Ana Bühler", { role: "administrator" }), person(3, "Zeno Aebi")];
const all = { search: "", role: "all", state: "all" } as const;

describe("Users filter", () => {
  it("lower-cases the search text once per snapshot", () => {
    const index = searchIndex(team);
    expect(searchIndex(team)).toBe(index);
    expect(searchIndex([...team])).not.toBe(index);
    expect(index.texts[0]).toBe("élodie roux\nélodie.roux@example.ch");
  });

  it("matches names and e-mails whatever the case, with role and state", () => {
    const index = searchIndex(team);
    expect(filterUsers(index, { ...all, search: " BÜHLER " }).map((p) => p.userId)).toEqual([2]);
    expect(filterUsers(index, { ...all, search: "example.ch" })).toHaveLength(3);
    expect(filterUsers(index, { ...all, role: "administrator" }).map((p) => p.userId)).toEqual([2]);
    expect(filterUsers(index, { ...all, state: "pending" })).toHaveLength(0);
  });

  it("reads each filter once per search, not once per person (the page's filters are reactive state)", () => {
    const reads = { search: 0, role: 0, state: 0 };
    const filters = {
      get search() {
        reads.search++;
        return "";
      },
      get role() {
        reads.role++;
        return "collaborator" as const;
      },
      get state() {
        reads.state++;
        return "members" as const;
      },
    };
    expect(filterUsers(searchIndex(team), filters).map((p) => p.userId)).toEqual([1, 3]);
    expect(reads).toEqual({ search: 1, role: 1, state: 1 });
  });

  it("sorts by name with accents folded, and the search still finds the sorted rows", () => {
    const sorted = sortIndex(searchIndex(team), { key: "name", ascending: true });
    expect(sorted.users.map((p) => p.userId)).toEqual([2, 1, 3]);
    expect(filterUsers(sorted, { ...all, search: "zeno" }).map((p) => p.userId)).toEqual([3]);
  });
});

describe("Row keys", () => {
  it("moves within the list and stops at its ends", () => {
    expect(nextIndex("ArrowDown", 0, 3, 10)).toBe(1);
    expect(nextIndex("ArrowDown", 2, 3, 10)).toBe(2);
    expect(nextIndex("ArrowUp", 0, 3, 10)).toBe(0);
    expect(nextIndex("PageDown", 0, 100, 10)).toBe(10);
    expect(nextIndex("End", 0, 100, 10)).toBe(99);
    expect(nextIndex("Home", 50, 100, 10)).toBe(0);
    expect(nextIndex("a", 0, 3, 10)).toBeNull();
  });
});
