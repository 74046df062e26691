import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import OrdersNotice from "../src/pages/products/OrdersNotice.svelte";
import { ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

let client: QueryClient;
beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
});
afterEach(() => client.clear());

describe("Orders waiting in the Manager", () => {
  it("says what the Manager says about unpaid and blocked orders, and opens the renewal page", async () => {
    vi.mocked(commands.organisations).mockResolvedValue(
      ok(snapshot([organisation({ id: 7, name: "Atelier", ordersAwaitingPayment: 2, blockedOrders: 1 }), organisation({ id: 8, name: "Calm" })])),
    );
    renderWithClient(client, OrdersNotice, { profileId: "p1" });
    const entries = await screen.findAllByTestId("orders-of");
    expect(entries).toHaveLength(1);
    const atelier = entries[0] as HTMLElement;
    expect(atelier).toHaveTextContent("2 orders awaiting payment");
    expect(atelier).toHaveTextContent("identity check");
    expect(atelier).toHaveTextContent("10 days");
    // One blocked order is singular.
    expect(atelier).toHaveTextContent("1 blocked order:");
    await fireEvent.click(within(atelier).getByRole("button"));
    expect(commands.openManager).toHaveBeenCalledWith("https://manager.infomaniak.com/v3/7/accounts/accounting/renewal");
  });

  it("words one and several orders in each language's own forms", async () => {
    vi.mocked(commands.organisations).mockResolvedValue(
      ok(snapshot([organisation({ id: 7, name: "Atelier", ordersAwaitingPayment: 1, blockedOrders: 3 })])),
    );
    setLocale("de");
    renderWithClient(client, OrdersNotice, { profileId: "p1" });
    const [atelier] = await screen.findAllByTestId("orders-of");
    expect(atelier).toHaveTextContent("1 Bestellung wartet auf Zahlung");
    expect(atelier).toHaveTextContent("3 gesperrte Bestellungen:");
  });

  it("says nothing when no order waits", async () => {
    vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([organisation({ id: 8, name: "Calm" })])));
    renderWithClient(client, OrdersNotice, { profileId: "p1" });
    await waitFor(() => expect(client.getQueryData(["organisations", "p1"])).toBeDefined());
    expect(screen.queryByTestId("orders-notice")).toBeNull();
  });
});
