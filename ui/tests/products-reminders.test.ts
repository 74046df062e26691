import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type ReminderChoices } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import ProductsPage from "../src/pages/products/ProductsPage.svelte";
import { defaultReminders, fail, ok } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { productsView } from "./products-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const save = vi.mocked(commands.setReminderSettings);
let client: QueryClient;

beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  location.hash = "#/products";
  client = createQueryClient();
  vi.mocked(commands.products).mockResolvedValue(ok(productsView()));
  vi.mocked(commands.reminderSettings).mockResolvedValue(
    ok({ ...defaultReminders(), leadDays: [14, 1], mutedAccounts: [2], mutedProducts: [6], syncEveryHours: 6 }),
  );
  save.mockImplementation(async (choices: ReminderChoices) => ok(choices));
});
afterEach(() => client.clear());

async function openTable() {
  renderWithClient(client, ProductsPage, { profileId: "p1" });
  await fireEvent.click(await screen.findByTestId("view-table"));
  await fireEvent.change(screen.getByTestId("filter-period"), { target: { value: "all" } });
}

const rowOf = (id: number) =>
  screen.getAllByTestId("product-row").find((row) => row.dataset["productId"] === String(id))!;

describe("Muting a product's reminders from the table", () => {
  it("mutes one product and keeps every other choice", async () => {
    await openTable();
    const mute = await within(rowOf(3)).findByRole("button", { name: "Mute the reminders for Site rochat-fils.ch" });
    await fireEvent.click(mute);

    await waitFor(() =>
      expect(save).toHaveBeenCalledWith({ leadDays: [14, 1], mutedAccounts: [2], mutedProducts: [6, 3], quietHours: null, syncEveryHours: 6 }),
    );
    expect(await within(rowOf(3)).findByRole("button", { name: /^Unmute/ })).toHaveTextContent("Unmute");
  });

  it("unmutes a muted one", async () => {
    await openTable();
    const unmute = await within(rowOf(6)).findByRole("button", { name: "Unmute the reminders for Swiss Backup Rochat" });
    await fireEvent.click(unmute);

    await waitFor(() => expect(save).toHaveBeenCalledWith(expect.objectContaining({ mutedProducts: [] })));
    expect(await within(rowOf(6)).findByRole("button", { name: /^Mute/ })).toBeInTheDocument();
  });

  it("says when the settings could not be kept", async () => {
    save.mockResolvedValue(fail({ code: "Unknown" }));
    await openTable();
    await fireEvent.click(await within(rowOf(3)).findByRole("button", { name: /^Mute/ }));

    expect(await screen.findByTestId("error-notice")).toHaveTextContent("Something unexpected went wrong.");
    expect(within(rowOf(3)).getByRole("button", { name: /^Mute/ })).toBeInTheDocument();
  });
});
