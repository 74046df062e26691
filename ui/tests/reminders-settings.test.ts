import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type ReminderChoices } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import SettingsPage from "../src/pages/settings/SettingsPage.svelte";
import { defaultReminders, deferred, fail, ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { productsView } from "./products-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const save = vi.mocked(commands.setReminderSettings);
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
  save.mockImplementation(async (choices: ReminderChoices) => ok(choices));
});
afterEach(() => client.clear());

async function renderPage() {
  renderWithClient(client, SettingsPage, { profileId: "p1" });
  return screen.findByTestId("reminders-form");
}

const leadTexts = () =>
  within(screen.getByTestId("lead-times"))
    .queryAllByRole("listitem")
    .map((item) => item.textContent?.replace("×", "").trim());

async function addLead(days: string) {
  await fireEvent.input(screen.getByTestId("lead-input"), { target: { value: days } });
  await fireEvent.click(screen.getByTestId("lead-add"));
}

describe("Reminder settings", () => {
  it("lists the saved lead times and explains the 14-day reminder", async () => {
    await renderPage();
    expect(leadTexts()).toEqual([
      "30 days before",
      "14 days before",
      "7 days before",
      "1 day before",
      "On the day it expires",
    ]);
    expect(screen.getByText(/14-day reminder is the last day automatic renewal/)).toBeInTheDocument();
    expect(screen.getByTestId("quiet-enabled")).not.toBeChecked();
    expect(screen.getByTestId("quiet-from")).toBeDisabled();
  });

  it("saves exactly the edited choices and says so", async () => {
    const answer = deferred<Awaited<ReturnType<typeof commands.setReminderSettings>>>();
    save.mockReturnValue(answer.promise);
    await renderPage();

    await fireEvent.click(screen.getByRole("button", { name: "Remove the reminder “30 days before”" }));
    await addLead("45");
    await fireEvent.click(screen.getByTestId("reminders-save"));

    expect(save).toHaveBeenCalledWith({ leadDays: [45, 14, 7, 1, 0], mutedAccounts: [], mutedProducts: [], quietHours: null, syncEveryHours: 1 });
    await waitFor(() => expect(screen.getByTestId("reminders-save")).toHaveAttribute("aria-busy", "true"));
    expect(screen.getByTestId("reminders-status")).toHaveTextContent("");

    answer.resolve(ok({ leadDays: [45, 14, 7, 1, 0], mutedAccounts: [], mutedProducts: [], quietHours: null, syncEveryHours: 1 }));
    await waitFor(() => expect(screen.getByTestId("reminders-status")).toHaveTextContent("Saved"));
    expect(screen.getByTestId("reminders-status")).toHaveAttribute("aria-live", "polite");
    expect(leadTexts()[0]).toBe("45 days before");
  });

  it("offers the background refresh interval, hourly by default, and saves the choice", async () => {
    save.mockResolvedValue(ok({ ...defaultReminders(), syncEveryHours: 6 }));
    await renderPage();
    const every = screen.getByTestId("sync-every");
    expect(every).toHaveValue("1");
    expect(within(every).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Every hour",
      "Every 2 hours",
      "Every 3 hours",
      "Every 6 hours",
      "Every 12 hours",
      "Every 24 hours",
    ]);
    await fireEvent.change(every, { target: { value: "6" } });
    await fireEvent.click(screen.getByTestId("reminders-save"));
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ syncEveryHours: 6, leadDays: [30, 14, 7, 1, 0] }));
    await waitFor(() => expect(screen.getByTestId("reminders-status")).toHaveTextContent("Saved"));
    expect(screen.getByTestId("sync-every")).toHaveValue("6");
  });

  it("says so next to the interval when the core refuses it, and keeps the choice", async () => {
    save.mockResolvedValue(fail({ code: "Validation", field: "sync_every_hours" }));
    await renderPage();
    await fireEvent.change(screen.getByTestId("sync-every"), { target: { value: "12" } });
    await fireEvent.click(screen.getByTestId("reminders-save"));
    expect(await screen.findByTestId("sync-error")).toHaveTextContent("every 1 to 24 hours");
    expect(screen.getByTestId("sync-every")).toHaveValue("12");
  });

  it("refuses a lead time past 90 days before sending anything", async () => {
    await renderPage();
    await addLead("120");
    expect(screen.getByTestId("lead-error")).toHaveTextContent("from 0 to 90");
    expect(leadTexts()).not.toContain("120 days before");
  });

  it("shows a refused lead time next to the list and keeps what was typed", async () => {
    save.mockResolvedValue(fail({ code: "Validation", field: "lead_days" }));
    await renderPage();
    await fireEvent.click(screen.getByRole("button", { name: "Remove the reminder “7 days before”" }));
    await addLead("60");
    await fireEvent.click(screen.getByTestId("reminders-save"));

    const error = await screen.findByTestId("lead-error");
    expect(within(screen.getByTestId("lead-times")).getByText(/from 0 to 90/)).toBe(error);
    expect(leadTexts()).toEqual(["60 days before", "30 days before", "14 days before", "1 day before", "On the day it expires"]);
    expect(screen.getByTestId("reminders-status")).toHaveTextContent("");
    expect(screen.queryByTestId("quiet-error")).not.toBeInTheDocument();
  });

  it("restores the default lead times", async () => {
    vi.mocked(commands.reminderSettings).mockResolvedValue(ok({ ...defaultReminders(), leadDays: [3] }));
    await renderPage();
    await fireEvent.click(screen.getByTestId("lead-defaults"));
    await fireEvent.click(screen.getByTestId("reminders-save"));
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ leadDays: [30, 14, 7, 1, 0] }));
  });

  it("saves quiet hours spanning midnight as minutes of the day", async () => {
    await renderPage();
    await fireEvent.click(screen.getByTestId("quiet-enabled"));
    await fireEvent.input(screen.getByTestId("quiet-from"), { target: { value: "22:30" } });
    await fireEvent.input(screen.getByTestId("quiet-to"), { target: { value: "06:45" } });
    expect(screen.getByText(/may span midnight/)).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("reminders-save"));

    expect(save).toHaveBeenCalledWith(
      expect.objectContaining({ quietHours: { startMinute: 22 * 60 + 30, endMinute: 6 * 60 + 45 } }),
    );
  });

  it("shows saved quiet hours and turns them off", async () => {
    vi.mocked(commands.reminderSettings).mockResolvedValue(
      ok({ ...defaultReminders(), quietHours: { startMinute: 1320, endMinute: 420 } }),
    );
    await renderPage();
    expect(screen.getByTestId("quiet-enabled")).toBeChecked();
    expect(screen.getByTestId("quiet-from")).toHaveValue("22:00");
    expect(screen.getByTestId("quiet-to")).toHaveValue("07:00");

    await fireEvent.click(screen.getByTestId("quiet-enabled"));
    await fireEvent.click(screen.getByTestId("reminders-save"));
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ quietHours: null }));
  });

  it("does not send quiet hours without both times", async () => {
    await renderPage();
    await fireEvent.click(screen.getByTestId("quiet-enabled"));
    await fireEvent.input(screen.getByTestId("quiet-to"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("reminders-save"));

    expect(screen.getByTestId("quiet-error")).toBeInTheDocument();
    expect(save).not.toHaveBeenCalled();
    // One refusal for the pair: announced with the group, both times marked and pointing at it.
    expect(screen.getByRole("group", { name: "Quiet hours" })).toHaveAccessibleDescription(
      "Enter a start and an end time. The quiet hours may span midnight, for example from 22:00 to 07:00.",
    );
    expect(screen.getByTestId("quiet-error")).toHaveAttribute("role", "alert");
    for (const id of ["quiet-from", "quiet-to"]) {
      expect(screen.getByTestId(id)).toBeInvalid();
      expect(screen.getByTestId(id)).toHaveAccessibleDescription("Enter a start and an end time.");
    }
  });

  it("names each group of reminder choices by its legend and describes it by its hint", async () => {
    await renderPage();
    const orgs = screen.getByRole("group", { name: "Organisations" });
    expect(orgs).toHaveAccessibleDescription("Untick an organisation to stop reminders about all its products.");
    expect(within(orgs).getByRole("checkbox", { name: "Remind me about the products of Les Amis du Léman" })).toBeChecked();
    expect(screen.getByRole("group", { name: "When to remind you" })).toHaveAccessibleDescription(
      /14-day reminder is the last day automatic renewal/,
    );
  });

  it("mutes an organisation by unticking Remind me", async () => {
    await renderPage();
    const box = await screen.findByRole("checkbox", { name: "Remind me about the products of Les Amis du Léman" });
    expect(box).toBeChecked();
    await fireEvent.click(box);
    await fireEvent.click(screen.getByTestId("reminders-save"));

    expect(save).toHaveBeenCalledWith(expect.objectContaining({ mutedAccounts: [2] }));
  });

  it("lists muted products by name and unmutes one", async () => {
    vi.mocked(commands.reminderSettings).mockResolvedValue(ok({ ...defaultReminders(), mutedProducts: [1, 99] }));
    await renderPage();

    const muted = screen.getByTestId("muted-products");
    expect(await within(muted).findByText("rochat-fils.ch (SSL)")).toBeInTheDocument();
    expect(within(muted).getByText("Product no. 99")).toBeInTheDocument();

    await fireEvent.click(within(muted).getByRole("button", { name: "Unmute the reminders for rochat-fils.ch (SSL)" }));
    await fireEvent.click(screen.getByTestId("reminders-save"));
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ mutedProducts: [99] }));
  });
});
