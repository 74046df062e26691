import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, events, type DataChanged, type ProductsView } from "$lib/bindings";
import { formatDate } from "$lib/format/intl";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import { listenForDataChanges } from "$lib/queries/events";
import { UPDATING_POLL_MS } from "$lib/queries/freshness";
import { productsQuery } from "$lib/queries/products";
import ProductsPage from "../src/pages/products/ProductsPage.svelte";
import { fail, ok } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { LEMAN, NOW, ROCHAT, demoRows, productRow, productsView } from "./products-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const products = vi.mocked(commands.products);
const setAutoRenew = vi.mocked(commands.setAutoRenew);
let client: QueryClient;

function renderPage() {
  return renderWithClient(client, ProductsPage, { profileId: "p1" });
}

async function openTable() {
  await fireEvent.click(await screen.findByTestId("view-table"));
}

beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  products.mockResolvedValue(ok(productsView()));
});
afterEach(() => client.clear());

describe("Renewals board", () => {
  it("shows what has arrived of a first read, says how far it is, and fills in on the next read", async () => {
    const first = demoRows().filter((r) => r.name === "rochat-fils.ch (SSL)");
    products.mockResolvedValueOnce(
      ok(productsView({ items: first, progress: { step: "renewals", done: 12, total: 500 }, freshness: { fetchedAt: NOW, refreshing: true } })),
    );
    renderPage();

    expect(await screen.findByTestId("board-progress")).toHaveTextContent("Renewals read for 12 of 500 organisations so far");
    expect(screen.getAllByTestId("board-row-name").map((n) => n.textContent)).toEqual(["rochat-fils.ch (SSL)"]);

    await client.invalidateQueries();
    await waitFor(() => expect(screen.queryByTestId("board-progress")).not.toBeInTheDocument());
    expect(screen.getAllByTestId("board-row-name").length).toBeGreaterThan(1);
  });

  it("says once how many products could not be read, on the board and in the table", async () => {
    products.mockResolvedValue(ok(productsView({ skipped: 3 })));
    renderPage();
    expect(await screen.findByTestId("products-skipped")).toHaveTextContent(
      "Infomaniak sent 3 products that could not be read: they are left out.",
    );
    expect(screen.getAllByTestId("board-row-name").length).toBeGreaterThan(0);
    await openTable();
    expect(screen.getAllByTestId("products-skipped")).toHaveLength(1);
    expect(screen.getAllByTestId("product-row").length).toBeGreaterThan(0);
  });

  it("says nothing of skipped products when none were, and speaks of one in the singular", async () => {
    renderPage();
    await screen.findByTestId("renewal-board");
    expect(screen.queryByTestId("products-skipped")).not.toBeInTheDocument();

    setLocale("de");
    products.mockResolvedValue(ok(productsView({ skipped: 1 })));
    await client.invalidateQueries();
    expect(await screen.findByTestId("products-skipped")).toHaveTextContent(
      "Infomaniak hat 1 Produkt gesendet, das nicht gelesen werden konnte",
    );
  });

  it("re-reads the products at most once an interval while a first read lands, and once after the last", async () => {
    let emit: (event: { payload: DataChanged }) => void = () => {};
    vi.mocked(events.dataChanged.listen).mockImplementation(async (cb) => {
      emit = cb as typeof emit;
      return () => {};
    });
    const interval = 300;
    const stop = await listenForDataChanges(client, interval);
    renderPage();
    await screen.findByTestId("renewal-board");
    expect(products).toHaveBeenCalledTimes(1);

    // Ten landings in a burst: one re-read now, one at the end of the interval with the last.
    for (let i = 0; i < 10; i += 1) emit({ payload: { profileId: "p1", area: i % 2 === 0 ? "products" : "renewals" } });
    await waitFor(() => expect(products).toHaveBeenCalledTimes(2));
    products.mockResolvedValue(ok(productsView({ skipped: 4 })));
    emit({ payload: { profileId: "p1", area: "renewals" } });
    await new Promise((resolve) => setTimeout(resolve, interval / 3));
    expect(products).toHaveBeenCalledTimes(2);
    expect(await screen.findByTestId("products-skipped", {}, { timeout: interval * 4 })).toBeInTheDocument();
    expect(products).toHaveBeenCalledTimes(3);
    stop();
  });

  it("polls nothing while a first read lands (each landing and its end are announced), else while refreshing", () => {
    const interval = productsQuery("p1").refetchInterval as (query: { state: { data?: ProductsView } }) => number | false;
    const refreshing = { fetchedAt: NOW, refreshing: true };
    const reading = productsView({ progress: { step: "renewals", done: 12, total: 500 }, freshness: refreshing });
    expect(interval({ state: { data: reading } })).toBe(false);
    expect(interval({ state: { data: productsView({ freshness: refreshing }) } })).toBe(UPDATING_POLL_MS);
    expect(interval({ state: { data: productsView() } })).toBe(false);
  });

  it("waits with a spinner, not an empty page, while a first read has landed nothing", async () => {
    products.mockResolvedValueOnce(
      ok(productsView({ items: [], progress: { step: "products", done: 0, total: 1 }, freshness: { fetchedAt: NOW, refreshing: true } })),
    );
    renderPage();
    expect(await screen.findByText("Loading your products…")).toBeInTheDocument();
    expect(screen.queryByTestId("products-empty")).not.toBeInTheDocument();
  });

  it("groups what needs a decision and says what happens next", async () => {
    renderPage();

    const expired = await screen.findByTestId("board-group-expired");
    expect(within(expired).getByText("rochat-fils.ch (SSL)")).toBeInTheDocument();
    expect(within(expired).getByTestId("board-row-next")).toHaveTextContent(/blocked, then terminated/);

    const manual = screen.getByTestId("board-group-renew_manually");
    expect(within(manual).getByTestId("board-row-next")).toHaveTextContent(/can no longer be switched on/);
    expect(within(manual).queryByTestId("switch-on")).not.toBeInTheDocument();
    expect(within(manual).getByTestId("handoff")).toHaveTextContent("Renew in the Manager");

    const auto = screen.getByTestId("board-group-auto_renew");
    const attempt = formatDate(NOW + 31 * 86_400);
    expect(within(auto).getByTestId("board-row-next")).toHaveTextContent(`payment will be tried on ${attempt}`);
    expect(within(auto).getByText(/Renewal: CHF/)).toBeInTheDocument();

    const soon = screen.getByTestId("board-group-coming_soon");
    expect(within(soon).getByTestId("switch-on")).toBeInTheDocument();
    expect(within(soon).getByText(/currency not recognised/)).toBeInTheDocument();

    // Far away and never-expiring products need no decision.
    const names = screen.getAllByTestId("board-row-name").map((n) => n.textContent);
    expect(names).not.toContain("kSuite Rochat & Fils");
    expect(names).not.toContain("Swiss Backup Rochat");
  });

  it("asks before switching off, naming the product, then shows the result", async () => {
    setAutoRenew.mockResolvedValue(
      ok({ enabled: false, items: [{ productId: 3, name: "Site rochat-fils.ch", changed: true, code: null, message: null }] }),
    );
    renderPage();

    const auto = await screen.findByTestId("board-group-auto_renew");
    await fireEvent.click(within(auto).getByTestId("switch-off"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(within(dialog).getByTestId("confirm-products")).toHaveTextContent("Site rochat-fils.ch");
    expect(setAutoRenew).not.toHaveBeenCalled();

    await fireEvent.click(within(dialog).getByTestId("confirm"));
    expect(await screen.findByTestId("switch-done")).toHaveTextContent(
      "Automatic renewal is now off for Site rochat-fils.ch.",
    );
    expect(setAutoRenew).toHaveBeenCalledWith("p1", [3], false);
    await waitFor(() => expect(products).toHaveBeenCalledTimes(2));
  });

  it("undoes a switch-off by switching the same products back on, reporting what came of it", async () => {
    const switched = (enabled: boolean) =>
      ok({ enabled, items: [{ productId: 3, name: "Site rochat-fils.ch", changed: true, code: null, message: null }] });
    setAutoRenew.mockResolvedValueOnce(switched(false)).mockResolvedValueOnce(switched(true));
    renderPage();
    const auto = await screen.findByTestId("board-group-auto_renew");
    await fireEvent.click(within(auto).getByTestId("switch-off"));
    await fireEvent.click(within(screen.getByTestId("confirm-dialog")).getByTestId("confirm"));

    await fireEvent.click(await screen.findByTestId("switch-undo"));
    // The opposite change, never the same one sent again; switching on asks nothing.
    await waitFor(() => expect(setAutoRenew).toHaveBeenLastCalledWith("p1", [3], true));
    expect(setAutoRenew).toHaveBeenCalledTimes(2);
    expect(await screen.findByTestId("switch-done")).toHaveTextContent("Automatic renewal is now on for Site rochat-fils.ch.");
    // Switching on is not undone from here: its opposite asks first.
    expect(screen.queryByTestId("switch-undo")).toBeNull();
  });

  it("offers no undo once it is too late to switch automatic renewal back on", async () => {
    setAutoRenew.mockResolvedValue(
      ok({ enabled: false, items: [{ productId: 1, name: "rochat-fils.ch (SSL)", changed: true, code: null, message: null }] }),
    );
    products.mockResolvedValue(
      ok(productsView({ items: [productRow({ id: 1, name: "rochat-fils.ch (SSL)", expiresAt: NOW + 9 * 86_400, daysLeft: 9, canSwitchOn: false })] })),
    );
    renderPage();
    const auto = await screen.findByTestId("board-group-auto_renew");
    await fireEvent.click(within(auto).getByTestId("switch-off"));
    await fireEvent.click(within(screen.getByTestId("confirm-dialog")).getByTestId("confirm"));
    expect(await screen.findByTestId("switch-done")).toBeInTheDocument();
    expect(screen.queryByTestId("switch-undo")).toBeNull();
  });

  it("cancelling the confirmation sends nothing", async () => {
    renderPage();
    const auto = await screen.findByTestId("board-group-auto_renew");
    await fireEvent.click(within(auto).getByTestId("switch-off"));
    await fireEvent.click(within(screen.getByTestId("confirm-dialog")).getByRole("button", { name: "Cancel" }));
    expect(setAutoRenew).not.toHaveBeenCalled();
  });

  it("replaces the switches with each organisation's renewal page when the API lacks them", async () => {
    products.mockResolvedValue(ok(productsView({ autoRenewInManager: true })));
    renderPage();

    const handoff = await screen.findByTestId("auto-renew-handoff");
    expect(within(handoff).getAllByTestId("handoff").map((b) => b.textContent)).toEqual([
      `Renewal page: ${ROCHAT.name}↗`,
      `Renewal page: ${LEMAN.name}↗`,
    ]);
    expect(screen.queryByTestId("switch-off")).not.toBeInTheDocument();
    expect(screen.queryByTestId("switch-on")).not.toBeInTheDocument();

    await fireEvent.click(within(handoff).getAllByTestId("handoff")[1]!);
    expect(commands.openManager).toHaveBeenCalledWith(LEMAN.renewalPage);
  });

  it("shows the hand-off when the switch turns out to be missing", async () => {
    setAutoRenew.mockResolvedValue(fail({ code: "NotSupportedByApi" }));
    renderPage();
    const soon = await screen.findByTestId("board-group-coming_soon");
    products.mockResolvedValue(ok(productsView({ autoRenewInManager: true })));
    await fireEvent.click(within(soon).getByTestId("switch-on"));

    expect(await screen.findByTestId("error-notice")).toHaveAttribute("data-code", "NotSupportedByApi");
    expect(await screen.findByTestId("auto-renew-handoff")).toBeInTheDocument();
  });

  it("paints fifty rows of a big group first and more on request, most urgent first", async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      productRow({ id: 1_000 + i, name: `site-${String(i).padStart(3, "0")}.ch`, expiresAt: NOW + (20 + i / 10) * 86_400 }),
    );
    products.mockResolvedValue(ok(productsView({ items: many })));
    renderPage();
    const auto = await screen.findByTestId("board-group-auto_renew");
    expect(within(auto).getByRole("heading")).toHaveTextContent("(120)");
    expect(within(auto).getAllByTestId("board-row")).toHaveLength(50);
    expect(within(auto).getAllByTestId("board-row-name")[0]).toHaveTextContent("site-000.ch");

    await fireEvent.click(within(auto).getByTestId("board-show-more"));
    expect(within(auto).getAllByTestId("board-row")).toHaveLength(100);
    expect(within(auto).getByTestId("board-show-more")).toHaveTextContent("Show 20 more (120 in all)");
    await fireEvent.click(within(auto).getByTestId("board-show-more"));
    expect(within(auto).getAllByTestId("board-row")).toHaveLength(120);
    expect(within(auto).queryByTestId("board-show-more")).not.toBeInTheDocument();
  });

  it("speaks French", async () => {
    setLocale("fr");
    renderPage();
    expect(await screen.findByRole("heading", { name: /Expirés/ })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /À renouveler manuellement/ })).toBeInTheDocument();
  });
});

describe("Products table", () => {
  it("shows the next 2 months by default, then everything, with bad data worded", async () => {
    renderPage();
    await openTable();

    expect(screen.getAllByTestId("product-row")).toHaveLength(4);
    await fireEvent.change(screen.getByTestId("filter-period"), { target: { value: "all" } });
    expect(screen.getAllByTestId("product-row")).toHaveLength(6);

    const never = screen.getAllByTestId("product-row").find((r) => r.textContent?.includes("Swiss Backup"))!;
    expect(never).toHaveTextContent("Does not expire");
    const expired = screen.getAllByTestId("product-row").find((r) => r.textContent?.includes("(SSL)"))!;
    expect(expired).toHaveTextContent("Expired 5 days ago");
  });

  it("filters by search, service and organisation", async () => {
    renderPage();
    await openTable();
    await fireEvent.change(screen.getByTestId("filter-period"), { target: { value: "all" } });

    await fireEvent.input(screen.getByTestId("filter-search"), { target: { value: "léman" } });
    expect(screen.getAllByTestId("product-name").map((c) => c.textContent)).toEqual(["amis-du-leman.ch"]);

    await fireEvent.input(screen.getByTestId("filter-search"), { target: { value: "" } });
    await fireEvent.change(screen.getByTestId("filter-service"), { target: { value: "domain" } });
    expect(screen.getAllByTestId("product-name").map((c) => c.textContent)).toEqual(["rochat-fils.swiss"]);

    await fireEvent.change(screen.getByTestId("filter-service"), { target: { value: "" } });
    await fireEvent.change(screen.getByTestId("filter-organisation"), { target: { value: "2" } });
    expect(screen.getByTestId("filter-count")).toHaveTextContent("1 of 6 products");
  });

  it("refuses to switch on inside 14 days before sending anything", async () => {
    renderPage();
    await openTable();
    const row = screen.getAllByTestId("product-row").find((r) => r.textContent?.includes("rochat-fils.swiss"))!;
    await fireEvent.click(within(row).getByTestId("select-product"));
    await fireEvent.click(screen.getByTestId("selection-on"));

    expect(screen.getByTestId("switch-too-late")).toHaveTextContent("rochat-fils.swiss");
    expect(setAutoRenew).not.toHaveBeenCalled();
  });

  it("switches a selection and reports each product when some are refused", async () => {
    setAutoRenew.mockResolvedValue(
      ok({
        enabled: true,
        items: [
          { productId: 3, name: "Site rochat-fils.ch", changed: true, code: null, message: null },
          {
            productId: 4,
            name: "amis-du-leman.ch",
            changed: false,
            code: "no_supported_payment_method",
            message: "Automatic renewal needs a card",
          },
        ],
      }),
    );
    renderPage();
    await openTable();
    for (const name of ["Site rochat-fils.ch", "amis-du-leman.ch"]) {
      await fireEvent.click(screen.getByRole("checkbox", { name: `Select ${name}` }));
    }
    const bar = screen.getByTestId("selection-bar");
    expect(bar).toHaveTextContent("2 selected");
    // Two organisations: one payment hand-off each.
    expect(within(bar).getAllByTestId("handoff")).toHaveLength(2);

    await fireEvent.click(within(bar).getByTestId("selection-on"));
    expect(setAutoRenew).toHaveBeenCalledWith("p1", [3, 4], true);
    expect(await screen.findByTestId("switch-done")).toHaveTextContent("now on for Site rochat-fils.ch");
    expect(screen.getByTestId("switch-refused")).toHaveTextContent(
      "amis-du-leman.ch: The organisation has no card or saved Twint profile",
    );
  });

  it("pays a selection on its organisation's renewal page", async () => {
    renderPage();
    await openTable();
    await fireEvent.click(screen.getByRole("checkbox", { name: "Select Site rochat-fils.ch" }));
    const pay = within(screen.getByTestId("selection-bar")).getByTestId("handoff");
    expect(pay).toHaveTextContent("Pay my selection");
    await fireEvent.click(pay);
    expect(commands.openManager).toHaveBeenCalledWith(ROCHAT.renewalPage);
  });
});
