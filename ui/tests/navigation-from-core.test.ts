import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, events, type Destination } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import { listenForNavigation } from "$lib/router/fromCore";
import App from "../src/App.svelte";
import { fail, ok, signedIn, snapshot } from "./fixtures";
import { productsView } from "./products-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

let client: QueryClient;

beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  location.hash = "";
  client = createQueryClient();
  vi.mocked(commands.session).mockResolvedValue(ok(signedIn));
  vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([])));
  vi.mocked(commands.me).mockResolvedValue(fail({ code: "Network" }));
  vi.mocked(commands.products).mockResolvedValue(ok(productsView()));
  vi.mocked(commands.supportAccesses).mockResolvedValue(fail({ code: "Network" }));
});
afterEach(() => client.clear());

/** Renders the app, listens like start-up does, and answers the function that plays a click. */
async function startApp() {
  render(App, { props: { client } });
  await screen.findByRole("navigation", { name: "Sections" });
  await listenForNavigation(client);
  const handler = vi.mocked(events.navigate.listen).mock.calls[0]?.[0];
  if (!handler) throw new Error("no navigate listener");
  return async (destination: Destination) => {
    handler({ event: "navigate", id: 1, payload: { profileId: "demo", destination } });
    await waitFor(() => expect(commands.session).toHaveBeenCalledTimes(2));
  };
}

/** The page of that name, once its chunk has loaded. */
const heading = (name: string) => screen.findByRole("heading", { level: 1, name });

describe("Clicks in notifications and the tray", () => {
  it("open the Support access page and re-read the session", async () => {
    const click = await startApp();
    await click({ type: "supportAccess" });

    expect(location.hash).toBe("#/support-access");
    expect(await heading("Support access")).toBeInTheDocument();
  });

  it("open the renewals board, even from the table", async () => {
    location.hash = "#/products";
    const click = await startApp();
    await fireEvent.click(await screen.findByTestId("view-table"));
    expect(screen.getByTestId("view-table")).toHaveAttribute("aria-pressed", "true");

    await click({ type: "renewals" });

    expect(await heading("Products & renewals")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("view-board")).toHaveAttribute("aria-pressed", "true"));
    expect(screen.getByTestId("board-group-expired")).toBeInTheDocument();
  });

  it("open one product, highlighted, with a way back to all of them", async () => {
    const click = await startApp();
    await click({ type: "product", accountId: 2, productId: 4 });

    expect(location.hash).toBe("#/products/4");
    expect(await heading("Products & renewals")).toBeInTheDocument();
    const focus = await screen.findByTestId("product-focus");
    const rows = screen.getAllByTestId("product-row");
    expect(rows).toHaveLength(1);
    expect(within(rows[0]!).getByTestId("product-name")).toHaveTextContent("amis-du-leman.ch");
    expect(rows[0]).toHaveClass("active");

    await fireEvent.click(within(focus).getByRole("button", { name: "Show all products" }));
    expect(location.hash).toBe("#/products");
    expect(screen.queryByTestId("product-focus")).not.toBeInTheDocument();
    expect(screen.getAllByTestId("product-row").length).toBeGreaterThan(1);
  });

  it("a typed product address opens it too", async () => {
    location.hash = "#/products/2";
    render(App, { props: { client } });
    const rows = await screen.findAllByTestId("product-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveAttribute("data-product-id", "2");
  });
});
