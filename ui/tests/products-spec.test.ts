import { fireEvent, screen, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import ProductsPage from "../src/pages/products/ProductsPage.svelte";
import { ok } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { NOW, productRow, productsView } from "./products-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const products = vi.mocked(commands.products);
const setAutoRenew = vi.mocked(commands.setAutoRenew);
let client: QueryClient;
const DAY = 86_400;

beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
});
afterEach(() => client.clear());

const render = () => renderWithClient(client, ProductsPage, { profileId: "p1" });

describe("Products as the spec describes them", () => {
  it("shows a sub-product beneath its parent, naming it", async () => {
    products.mockResolvedValue(
      ok(
        productsView({
          items: [
            productRow({ id: 10, name: "Hosting Rochat" }),
            productRow({ id: 11, name: "rochat.ch (SSL)", service: "certificate", parentId: 10, parentService: "hosting" }),
          ],
        }),
      ),
    );
    render();
    await fireEvent.click(await screen.findByTestId("view-table"));
    const rows = screen.getAllByTestId("product-row");
    expect(rows.map((r) => r.getAttribute("data-product-id"))).toEqual(["10", "11"]);
    expect(within(rows[1]!).getByTestId("product-parent")).toHaveTextContent("Under Hosting Rochat");
    expect(within(rows[0]!).queryByTestId("product-parent")).toBeNull();
  });

  it("disables the renewal switch the caller's rights forbid, saying why, and sends nothing", async () => {
    const soon = { expiresAt: NOW + 30 * DAY, daysLeft: 30, autoRenew: false, paymentAttemptAt: null, group: "coming_soon" as const };
    products.mockResolvedValue(
      ok(
        productsView({
          items: [
            productRow({ id: 20, name: "Forbidden site", renewForbidden: true, ...soon }),
            productRow({ id: 21, name: "Allowed site", ...soon }),
          ],
        }),
      ),
    );
    render();
    const group = await screen.findByTestId("board-group-coming_soon");
    const forbidden = within(group).getByTestId("switch-forbidden");
    expect(forbidden).toBeDisabled();
    expect(within(group).getByTestId("renew-forbidden")).toHaveTextContent("Your rights on this product do not allow renewing it");
    await fireEvent.click(forbidden);
    expect(setAutoRenew).not.toHaveBeenCalled();
    expect(within(group).getAllByTestId("switch-on")).toHaveLength(1);
  });
});
