import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Column } from "$lib/components/DataTable/column";
import TableHost from "./harness/TableHost.svelte";

// A file of its own: the cells share one observer, made the first time a table is shown.
type Row = { id: number; name: string; email: string; seats: number | null };
const rows: Row[] = [
  { id: 1, name: "Zoé Martin", email: "zoe@example.ch", seats: 3 },
  { id: 2, name: "Anna Keller", email: "anna@example.ch", seats: null },
];
const columns: Column<Row>[] = [
  { id: "name", header: "Name", value: (r) => r.name, rowHeader: true, width: 10 },
  { id: "email", header: "E-mail", value: (r) => r.email, priority: 3, width: 12 },
  { id: "seats", header: "Seats", value: (r) => String(r.seats ?? "—"), numeric: true, width: 6 },
];

describe("one-line cells", () => {
  /** A ResizeObserver that reports when told to, as the browser does after laying out. */
  class Observer {
    static all: Observer[] = [];
    observed = new Set<Element>();
    constructor(private readonly report: ResizeObserverCallback) {
      Observer.all.push(this);
    }
    observe(el: Element) {
      this.observed.add(el);
    }
    unobserve(el: Element) {
      this.observed.delete(el);
    }
    disconnect() {
      this.observed.clear();
    }
    layOut() {
      const entries = [...this.observed].map((target) => ({ target }) as ResizeObserverEntry);
      this.report(entries, this as unknown as ResizeObserver);
    }
  }
  beforeAll(() => vi.stubGlobal("ResizeObserver", Observer));
  afterAll(() => vi.unstubAllGlobals());
  const width = (el: Element, scroll: number, client: number) => {
    Object.defineProperty(el, "scrollWidth", { configurable: true, value: scroll });
    Object.defineProperty(el, "clientWidth", { configurable: true, value: client });
  };

  it("give a cell cut short its full text on hover and a tab stop, after layout and again on hover", async () => {
    render(TableHost, { rows, columns });
    const observer = Observer.all.find((o) => [...o.observed].some((el) => el.classList.contains("ellipsis")));
    const row = screen.getAllByTestId("row")[1] as HTMLElement;
    const cells = Array.from(row.querySelectorAll<HTMLElement>(".ellipsis"));
    // Every one-line cell of the row is watched (name, e-mail, seats).
    expect(cells).toHaveLength(3);
    for (const cell of cells) expect(observer?.observed.has(cell)).toBe(true);

    const [name, email] = cells as [HTMLElement, HTMLElement];
    width(email, 200, 100);
    observer?.layOut();
    expect(email).toHaveAttribute("title", "anna@example.ch");
    expect(email).toHaveAttribute("tabindex", "0");
    expect(name).not.toHaveAttribute("title");

    // A wider window: the e-mail fits again, and a hover finds out without waiting for a resize.
    width(email, 100, 100);
    width(name, 300, 100);
    await fireEvent.pointerOver(email);
    await fireEvent.pointerOver(name);
    expect(email).not.toHaveAttribute("title");
    expect(email).not.toHaveAttribute("tabindex");
    expect(name).toHaveAttribute("title", "Anna Keller");
  });
});
