import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { tick } from "svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Column } from "$lib/components/DataTable/column";
import { foldColumns, nextSort, sortRows } from "$lib/components/DataTable/layout";
import { setLocale } from "$lib/i18n";
import TableHost from "./harness/TableHost.svelte";

type Row = { id: number; name: string; email: string; seats: number | null };
const rows: Row[] = [
  { id: 1, name: "Zoé Martin", email: "zoe@example.ch", seats: 3 },
  { id: 2, name: "Anna Keller", email: "anna@example.ch", seats: null },
  { id: 3, name: "Émile Favre", email: "emile@example.ch", seats: 12 },
];
const columns: Column<Row>[] = [
  { id: "name", header: "Name", value: (r) => r.name, rowHeader: true, width: 10 },
  { id: "email", header: "E-mail", value: (r) => r.email, priority: 3, width: 12 },
  { id: "seats", header: "Seats", value: (r) => String(r.seats ?? "—"), sortValue: (r) => r.seats, numeric: true, width: 6 },
];

beforeEach(() => setLocale("en"));

describe("column folding", () => {
  it("keeps every column that fits, folds the least important first, never the first", () => {
    expect(foldColumns(columns, 40).folded).toEqual([]);
    const narrow = foldColumns(columns, 17);
    expect(narrow.shown.map((c) => c.id)).toEqual(["name", "seats"]);
    expect(narrow.folded.map((c) => c.id)).toEqual(["email"]);
    expect(foldColumns(columns, 3).shown.map((c) => c.id)).toEqual(["name"]);
  });
});

describe("the table's width", () => {
  it("comes from the resize observer only, never read while the page is built, and folds columns when narrow", async () => {
    const reports: (() => void)[] = [];
    const Real = globalThis.ResizeObserver;
    globalThis.ResizeObserver = class {
      constructor(private readonly report: (entries: ResizeObserverEntry[]) => void) {}
      observe() {
        reports.push(() => this.report([]));
      }
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    const widthReads = vi.fn(() => 17 * 14 + 2.5 * 14 + 3 * 14);
    const descriptor = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientWidth");
    Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: widthReads });
    try {
      render(TableHost, { rows, columns });
      await tick();
      // Built with every column and no width asked: asking would force the whole page's layout.
      expect(widthReads).not.toHaveBeenCalled();
      expect(screen.getAllByRole("columnheader").map((h) => h.textContent?.trim())).toContain("E-mail");

      for (const report of reports) report();
      await tick();
      expect(widthReads).toHaveBeenCalled();
      expect(screen.queryByRole("columnheader", { name: /E-mail/ })).toBeNull();
    } finally {
      globalThis.ResizeObserver = Real;
      if (descriptor) Object.defineProperty(HTMLElement.prototype, "clientWidth", descriptor);
    }
  });
});

describe("sorting", () => {
  it("sorts words by the language's rules and numbers as numbers, missing values last both ways", () => {
    const byName = sortRows(rows, columns[0] as Column<Row>, true, "fr");
    expect(byName.map((r) => r.name)).toEqual(["Anna Keller", "Émile Favre", "Zoé Martin"]);
    const seats = columns[2] as Column<Row>;
    expect(sortRows(rows, seats, true, "en").map((r) => r.seats)).toEqual([3, 12, null]);
    expect(sortRows(rows, seats, false, "en").map((r) => r.seats)).toEqual([12, 3, null]);
    expect(nextSort({ key: "seats", ascending: true }, "seats")).toEqual({ key: "seats", ascending: false });
    expect(nextSort({ key: "seats", ascending: true }, "name")).toEqual({ key: "name", ascending: true });
  });

  it("sorts on a header click and announces the order on the header", async () => {
    render(TableHost, { rows, columns });
    const header = () => screen.getByRole("columnheader", { name: /Name/ });
    expect(header()).toHaveAttribute("aria-sort", "none");
    await fireEvent.click(screen.getByTestId("sort-name"));
    expect(header()).toHaveAttribute("aria-sort", "ascending");
    expect(screen.getAllByRole("rowheader").map((c) => c.textContent?.trim())).toEqual(["Anna Keller", "Émile Favre", "Zoé Martin"]);
    await fireEvent.click(screen.getByTestId("sort-name"));
    expect(header()).toHaveAttribute("aria-sort", "descending");
    expect(screen.getAllByRole("rowheader")[0]?.textContent?.trim()).toBe("Zoé Martin");
  });
});

describe("row actions", () => {
  it("sit in one ⋯ menu named after the row, also opened by a right-click", async () => {
    const onaction = vi.fn();
    render(TableHost, { rows, columns, onaction });
    const row = screen.getAllByTestId("row")[1] as HTMLElement;
    expect(within(row).getByRole("button", { name: "Actions for Anna Keller" })).toBeInTheDocument();
    expect(within(row).queryByTestId("remove")).toBeNull();

    await fireEvent.contextMenu(row);
    await fireEvent.click(await within(row).findByTestId("remove"));
    expect(onaction).toHaveBeenCalledWith("remove", rows[1]);
  });

  it("opens from the keyboard's menu key on a focused row", async () => {
    render(TableHost, { rows, columns });
    const row = screen.getAllByTestId("row")[0] as HTMLElement;
    row.focus();
    await fireEvent.keyDown(row, { key: "ContextMenu" });
    expect(await within(row).findByRole("menuitem", { name: "Open" })).toBeInTheDocument();
  });

  it("draws the row icons from the table's own set, once", () => {
    render(TableHost, { rows, columns });
    const icons = screen.getAllByTestId("row-menu").map((b) => b.querySelector("use")?.getAttribute("href") ?? "");
    expect(icons).toHaveLength(rows.length);
    for (const href of icons) expect(document.querySelector(href)?.tagName.toLowerCase()).toBe("svg");
    expect(new Set(icons).size).toBe(1);
  });
});
