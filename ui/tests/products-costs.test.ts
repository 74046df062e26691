import { fireEvent, screen, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type CostForecast } from "$lib/bindings";
import { formatMoney } from "$lib/format/intl";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import ProductsPage from "../src/pages/products/ProductsPage.svelte";
import { currencyChart } from "../src/pages/products/costs/costs";
import { ok } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { productsView } from "./products-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const months = ["2026-11", "2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06", "2027-07", "2027-08", "2027-09", "2027-10"];
const forecast = (group: CostForecast["group"] = "organisation"): CostForecast => ({
  months,
  entries: [
    { month: "2026-11", currency: "CHF", group: "Atelier", automatic: true, amount: 120, count: 1 },
    { month: "2026-11", currency: "CHF", group: "Lumen", automatic: false, amount: 30, count: 1 },
    { month: "2027-01", currency: "CHF", group: "Lumen", automatic: false, amount: 0.3, count: 2 },
    { month: "2027-01", currency: "EUR", group: "Lumen", automatic: false, amount: 12, count: 1 },
  ],
  totals: [
    { currency: "CHF", total: 150.3, automatic: 120, manual: 30.3, count: 4 },
    { currency: "EUR", total: 12, automatic: 0, manual: 12, count: 1 },
  ],
  unknownByMonth: [0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0],
  periodUnknown: 3,
  group,
});

let client: QueryClient;
beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  vi.mocked(commands.products).mockResolvedValue(ok(productsView()));
  vi.mocked(commands.renewalCosts).mockImplementation(async (_p, group) => ok(forecast(group)));
});
afterEach(() => client.clear());

async function openCosts() {
  renderWithClient(client, ProductsPage, { profileId: "p1" });
  await fireEvent.click(await screen.findByTestId("view-costs"));
  return screen.findByTestId("costs-section");
}

describe("Renewal costs", () => {
  it("totals each currency apart and says how many renewals have no known price", async () => {
    await openCosts();
    const totals = await screen.findAllByTestId("costs-total");
    expect(totals.map((t) => t.dataset.currency)).toEqual(["CHF", "EUR"]);
    // Intl writes amounts with no-break spaces; the page's text is compared space for space.
    const text = (i: number) => (totals[i]?.textContent ?? "").replace(/\s+/g, " ");
    const money = (n: number, c: string) => formatMoney(n, c).replace(/\s+/g, " ");
    expect(text(0)).toContain(money(150.3, "CHF"));
    expect(text(0)).toContain(`4 renewals: ${money(120, "CHF")} automatic, ${money(30.3, "CHF")} manual`);
    expect(text(1)).toContain(`1 renewal: ${money(0, "EUR")} automatic`);
    expect(screen.getByTestId("costs-unknown")).toHaveTextContent("2 renewals in the next 12 months have no known price");
    expect(screen.getByTestId("costs-period-unknown")).toHaveTextContent("3 products can also be renewed for less than a year");
  });

  it("says nothing of periods when every period is known", async () => {
    vi.mocked(commands.renewalCosts).mockImplementation(async (_p, group) => ok({ ...forecast(group), periodUnknown: 0 }));
    await openCosts();
    await screen.findAllByTestId("costs-total");
    expect(screen.queryByTestId("costs-period-unknown")).toBeNull();
  });

  it("draws one chart per currency, an image with a title on every bar", async () => {
    await openCosts();
    const charts = await screen.findAllByTestId("costs-chart");
    expect(charts.map((c) => c.dataset.currency)).toEqual(["CHF", "EUR"]);
    const chf = charts[0] as HTMLElement;
    expect(within(chf).getByRole("img")).toBeInTheDocument();
    const bars = within(chf).getAllByTestId("costs-bar");
    expect(bars).toHaveLength(3);
    expect(bars.map((b) => b.querySelector("title")?.textContent)).toContain(`Lumen, Jan 2027: ${formatMoney(0.3, "CHF")}`);
    // Euros never reach the franc chart.
    expect(bars.every((b) => !b.querySelector("title")?.textContent?.includes("€"))).toBe(true);
  });

  it("shows the same figures as a table, and stacks by service on request", async () => {
    await openCosts();
    await fireEvent.click(await screen.findByTestId("costs-as-table"));
    expect(await screen.findAllByTestId("costs-row")).toHaveLength(4);
    expect(screen.getAllByTestId("costs-amount")[3]).toHaveTextContent(formatMoney(12, "EUR"));
    await fireEvent.change(screen.getByTestId("costs-group"), { target: { value: "service" } });
    expect(commands.renewalCosts).toHaveBeenLastCalledWith("p1", "service");
  });
});

describe("A currency's chart", () => {
  it("stacks the groups of a month, the largest at the bottom, with ticks covering the tallest month", () => {
    const chart = currencyChart(forecast(), "CHF");
    expect(chart.groups).toEqual(["Atelier", "Lumen"]);
    const november = chart.segments.filter((s) => s.month === "2026-11");
    expect(november).toEqual([
      { month: "2026-11", group: "Atelier", y0: 0, y1: 120, amount: 120 },
      { month: "2026-11", group: "Lumen", y0: 120, y1: 150, amount: 30 },
    ]);
    expect(chart.max).toBe(150);
    expect(chart.ticks[0]).toBe(0);
    // The top line is at or above the tallest month (150), on a round step.
    expect(chart.ticks).toEqual([0, 50, 100, 150]);
    expect(currencyChart({ ...forecast(), entries: [{ ...forecast().entries[0]!, amount: 335 }] }, "CHF").ticks.at(-1)).toBe(400);
  });
});
