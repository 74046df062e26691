import { fireEvent, screen } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import ProductsPage from "../src/pages/products/ProductsPage.svelte";
import { fail, ok } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { LEMAN, productsView } from "./products-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const save = vi.mocked(commands.saveRenewalsCalendar);
let client: QueryClient;

beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  vi.mocked(commands.products).mockResolvedValue(ok(productsView()));
});
afterEach(() => client.clear());

describe("Add to calendar", () => {
  it("saves the calendar of every organisation, and says where", async () => {
    save.mockResolvedValue(ok("/home/me/renewals.ics"));
    renderWithClient(client, ProductsPage, { profileId: "p1" });
    await fireEvent.click(await screen.findByTestId("add-to-calendar"));
    expect(save).toHaveBeenCalledWith("p1", null);
    expect(await screen.findByTestId("calendar-saved")).toHaveTextContent("/home/me/renewals.ics");
  });

  it("saves one organisation's calendar when one is chosen", async () => {
    save.mockResolvedValue(ok(null));
    renderWithClient(client, ProductsPage, { profileId: "p1" });
    const scope = await screen.findByTestId("calendar-scope");
    await fireEvent.change(scope, { target: { value: String(LEMAN.accountId) } });
    await fireEvent.click(screen.getByTestId("add-to-calendar"));
    expect(save).toHaveBeenCalledWith("p1", LEMAN.accountId);
    // A closed dialog says nothing.
    expect(screen.queryByTestId("calendar-saved")).toBeNull();
  });

  it("is worded in the person's language and shows a refusal", async () => {
    setLocale("fr");
    save.mockResolvedValue(fail({ code: "Unknown", message: "disk full" }));
    renderWithClient(client, ProductsPage, { profileId: "p1" });
    const button = await screen.findByTestId("add-to-calendar");
    expect(button).toHaveTextContent("Ajouter au calendrier…");
    await fireEvent.click(button);
    expect(await screen.findByRole("alert")).toBeInTheDocument();
  });
});
