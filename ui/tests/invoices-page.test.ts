import { fireEvent, screen, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type InvoiceRow, type InvoicesSnapshot } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import { filterInvoices, totalsByCurrency } from "$lib/queries/invoices";
import InvoicesPage from "../src/pages/invoices/InvoicesPage.svelte";
import { fail, ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());
vi.mock("@tauri-apps/api/core", () => ({
  Channel: class {
    onmessage: (m: unknown) => void = () => {};
  },
}));

// 2026-06-15 and 2025-03-01, UTC noon.
const JUNE_2026 = 1_781_524_800;
const MARCH_2025 = 1_740_830_400;

const invoice = (id: number, extra: Partial<InvoiceRow> = {}): InvoiceRow => ({
  id,
  accountId: 7,
  kind: "invoice",
  status: "paid",
  unpaid: false,
  amount: 100,
  currency: "CHF",
  createdAt: JUNE_2026,
  hasPdf: true,
  ...extra,
});
const list = (items: InvoiceRow[], handOff: InvoicesSnapshot["handOff"] = null): InvoicesSnapshot => ({
  items,
  freshness: { fetchedAt: JUNE_2026, refreshing: false },
  handOff,
});
const rows = [
  invoice(1),
  invoice(2, { status: "unpaid", unpaid: true, amount: 50.5 }),
  invoice(3, { currency: "EUR", amount: 20, createdAt: MARCH_2025 }),
  invoice(4, { currency: null, amount: 9 }),
];

let client: QueryClient;
beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([organisation({ id: 7, name: "Atelier" })])));
  vi.mocked(commands.invoices).mockResolvedValue(ok(list(rows)));
  vi.mocked(commands.prepaidHistory).mockResolvedValue(ok({ items: [], handOff: null }));
});
afterEach(() => client.clear());

const render = () => renderWithClient(client, InvoicesPage, { profileId: "p1", now: () => JUNE_2026 });

describe("invoice rules", () => {
  it("totals each currency apart and never adds an unknown one to a known one", () => {
    expect(totalsByCurrency(rows)).toEqual([
      { currency: "CHF", total: 150.5, unpaid: 50.5, count: 2 },
      { currency: "EUR", total: 20, unpaid: 0, count: 1 },
      { currency: null, total: 9, unpaid: 0, count: 1 },
    ]);
  });

  it("filters unpaid and this year", () => {
    expect(filterInvoices(rows, { unpaidOnly: true, thisYear: false }, 2026).map((r) => r.id)).toEqual([2]);
    expect(filterInvoices(rows, { unpaidOnly: false, thisYear: true }, 2026).map((r) => r.id)).toEqual([1, 2, 4]);
  });
});

describe("Invoices page", () => {
  it("lists the invoices with totals per currency and filters the unpaid ones", async () => {
    render();
    expect(await screen.findAllByTestId("invoice-row")).toHaveLength(4);
    expect(screen.getAllByTestId("invoice-total")).toHaveLength(3);
    expect(screen.getByTestId("invoice-unknown-currency")).toBeInTheDocument();

    await fireEvent.click(screen.getByTestId("invoices-unpaid"));
    const shown = screen.getByTestId("invoice-row");
    expect(within(shown).getByText("Unpaid")).toBeInTheDocument();
    expect(screen.getAllByTestId("invoice-total")).toHaveLength(1);
  });

  it("saves one invoice through the native dialog and says where", async () => {
    vi.mocked(commands.saveInvoiceAs).mockResolvedValue(ok("/home/c/invoice.pdf"));
    render();
    await fireEvent.click(await screen.findByRole("button", { name: /Save invoice 1 as a PDF file/ }));
    expect(commands.saveInvoiceAs).toHaveBeenCalledWith("p1", 7, 1);
    expect(await screen.findByTestId("invoice-saved")).toHaveTextContent("/home/c/invoice.pdf");
  });

  it("shows why a save failed", async () => {
    vi.mocked(commands.openInvoice).mockResolvedValue(fail({ code: "Unknown", message: "disk full" }));
    render();
    await fireEvent.click(await screen.findByRole("button", { name: "Open invoice 2 in the PDF viewer" }));
    expect(await screen.findByRole("alert")).toBeInTheDocument();
  });

  it("hands off to the Manager's invoices page, naming the missing scope", async () => {
    const url = "https://manager.infomaniak.com/v3/invoicing/7/bills";
    vi.mocked(commands.invoices).mockResolvedValue(
      ok(list([], { reason: "scope_missing", scope: "invoicing", managerUrl: url })),
    );
    vi.mocked(commands.openManager).mockResolvedValue(ok(null));
    render();
    expect(await screen.findByTestId("invoices-handoff")).toHaveTextContent("“invoicing” permission");
    await fireEvent.click(screen.getByTestId("handoff"));
    expect(commands.openManager).toHaveBeenCalledWith(url);
  });

  it("saves the year to a folder", async () => {
    vi.mocked(commands.saveInvoiceYear).mockResolvedValue(ok({ folder: "/tmp/x", files: ["a.pdf", "b.pdf"], skipped: [] }));
    render();
    await fireEvent.click(await screen.findByTestId("invoices-save-year"));
    expect(vi.mocked(commands.saveInvoiceYear).mock.calls[0]?.slice(0, 3)).toEqual(["p1", [7], 2026]);
    expect(await screen.findByTestId("invoices-year-saved")).toHaveTextContent("Invoices saved in /tmp/x: 2");
  });

  it("shows every organisation at once and names those whose billing is not readable", async () => {
    vi.mocked(commands.organisations).mockResolvedValue(
      ok(snapshot([organisation({ id: 7, name: "Atelier" }), organisation({ id: 8, name: "Lumen" })])),
    );
    vi.mocked(commands.invoices).mockImplementation(async (_p, accountId) =>
      accountId === 7
        ? ok(list(rows))
        : ok(list([], { reason: "not_allowed", scope: null, managerUrl: "https://manager.infomaniak.com/v3/invoicing/8/bills" })),
    );
    render();
    await screen.findAllByTestId("invoice-row");
    await fireEvent.change(screen.getByTestId("invoices-org"), { target: { value: "all" } });
    expect(await screen.findByTestId("invoices-skipped")).toHaveTextContent("Lumen");
    expect(screen.getAllByTestId("invoice-row")).toHaveLength(4);
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toContain("Organisation");
    expect(screen.queryByTestId("prepaid-history")).not.toBeInTheDocument();
  });
});
