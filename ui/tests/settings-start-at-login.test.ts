import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type ReminderChoices } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import SettingsPage from "../src/pages/settings/SettingsPage.svelte";
import { defaultReminders, fail, ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { productsView } from "./products-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

let client: QueryClient;

beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  vi.mocked(commands.reminderSettings).mockResolvedValue(ok(defaultReminders()));
  vi.mocked(commands.organisations).mockResolvedValue(
    ok(snapshot([organisation({ id: 1, name: "Atelier Dupont SA" }), organisation({ id: 2, name: "Les Amis du Léman" })])),
  );
  vi.mocked(commands.products).mockResolvedValue(ok(productsView()));
  vi.mocked(commands.startAtLogin).mockResolvedValue(ok(false));
  vi.mocked(commands.setReminderSettings).mockImplementation(async (choices: ReminderChoices) => ok(choices));
});
afterEach(() => client.clear());

async function renderPage() {
  renderWithClient(client, SettingsPage, { profileId: "p1" });
  return screen.findByTestId("reminders-form");
}

describe("Start at login", () => {
  const box = () => screen.getByRole("checkbox", { name: "Start IK Desk when I log in" });

  it("is off by default and turns on", async () => {
    vi.mocked(commands.setStartAtLogin).mockResolvedValue(ok(true));
    await renderPage();
    await waitFor(() => expect(box()).toBeEnabled());
    expect(box()).not.toBeChecked();

    await fireEvent.click(box());
    expect(commands.setStartAtLogin).toHaveBeenCalledWith(true);
    await waitFor(() => expect(box()).toBeChecked());
  });

  it("turns off", async () => {
    vi.mocked(commands.startAtLogin).mockResolvedValue(ok(true));
    vi.mocked(commands.setStartAtLogin).mockResolvedValue(ok(false));
    await renderPage();
    await waitFor(() => expect(box()).toBeChecked());

    await fireEvent.click(box());
    expect(commands.setStartAtLogin).toHaveBeenCalledWith(false);
    await waitFor(() => expect(box()).not.toBeChecked());
  });

  it("says when the desktop refuses, and stays as it was", async () => {
    vi.mocked(commands.setStartAtLogin).mockResolvedValue(
      fail({ code: "Unknown", message: "the autostart folder is read-only" }),
    );
    await renderPage();
    await waitFor(() => expect(box()).toBeEnabled());

    await fireEvent.click(box());
    const error = await screen.findByTestId("start-at-login-error");
    expect(error).toHaveTextContent("Your desktop did not accept this change.");
    expect(error).toHaveTextContent("the autostart folder is read-only");
    expect(box()).not.toBeChecked();
  });
});
