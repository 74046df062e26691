import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type SupportAccessSnapshot, type SupportAccessView } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import SupportAccessPage from "../src/pages/support_access/SupportAccessPage.svelte";
import { timeLeft } from "../src/pages/support_access/countdown";
import { fail, ok } from "./fixtures";
import { renderWithClient } from "./harness/render";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const read = vi.mocked(commands.supportAccesses);
const set = vi.mocked(commands.setSupportAccess);
const openManager = vi.mocked(commands.openManager);
const MANAGER = "https://manager.infomaniak.com/v3/ng/profile/user/helpdesk-access";
const NOW = 1_767_225_600;
const DAY = 86_400;

const off = (content: SupportAccessView["content"]): SupportAccessView => ({
  content,
  on: false,
  grantedAt: null,
  expiresAt: null,
  remaining: null,
});
const granted = (content: SupportAccessView["content"], days: number, hours: number): SupportAccessView => ({
  content,
  on: true,
  grantedAt: NOW - DAY,
  expiresAt: NOW + 6 * DAY,
  remaining: { days, hours, minutes: 12 },
});
const page = (accesses: SupportAccessView[], managerUrl: string | null = null): SupportAccessSnapshot => ({
  accesses,
  managerUrl,
  freshness: { fetchedAt: NOW, refreshing: false },
});

let client: QueryClient;

beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
});
afterEach(() => client.clear());

const renderPage = () => renderWithClient(client, SupportAccessPage, { profileId: "p1" });

describe("Support access page", () => {
  it("shows one switch per content, off or on with the countdown", async () => {
    read.mockResolvedValue(ok(page([granted("mail", 5, 3), off("kdrive"), off("kchat")])));
    renderPage();

    const mail = await screen.findByTestId("support-switch-mail");
    expect(mail).toHaveAttribute("role", "switch");
    expect(mail).toHaveAttribute("aria-checked", "true");
    expect(mail).toHaveAccessibleName("Support access to Mail");
    expect(screen.getByTestId("support-switch-kdrive")).toHaveAttribute("aria-checked", "false");
    expect(screen.getByTestId("support-status-mail")).toHaveTextContent(
      /^Granted on .+, ends on .+ \(in 5 days and 3 hours\)$/,
    );
    expect(screen.getByTestId("support-status-kchat")).toHaveTextContent("Off");
    expect(screen.getByTestId("support-seven-days")).toHaveTextContent("7 days after you grant it");
    expect(read).toHaveBeenCalledWith("p1");
  });

  it("asks before granting, naming the content, what support reads and the 7 days", async () => {
    read.mockResolvedValue(ok(page([off("mail"), off("kdrive"), off("kchat")])));
    set.mockResolvedValue(ok(page([off("mail"), granted("kdrive", 7, 0), off("kchat")])));
    renderPage();

    await fireEvent.click(await screen.findByTestId("support-switch-kdrive"));
    const dialog = screen.getByRole("alertdialog", { name: "Grant support access to kDrive?" });
    expect(dialog).toHaveAttribute("data-testid", "confirm-dialog");
    expect(within(dialog).getByText("Grant support access to kDrive?")).toBeInTheDocument();
    expect(screen.getByTestId("support-confirm-body")).toHaveTextContent(
      "will be able to read the folders of your kDrive for 7 days",
    );
    expect(set).not.toHaveBeenCalled();

    await fireEvent.click(within(dialog).getByTestId("confirm"));
    expect(set).toHaveBeenCalledWith("p1", "kdrive", true);
    await waitFor(() =>
      expect(screen.getByTestId("support-switch-kdrive")).toHaveAttribute("aria-checked", "true"),
    );
    expect(screen.getByTestId("support-status-kdrive")).toHaveTextContent("(in 7 days)");
    expect(screen.getByTestId("support-switch-mail")).toHaveAttribute("aria-checked", "false");
  });

  it("revokes after a confirmation that names the content and the 7-day end", async () => {
    read.mockResolvedValue(ok(page([granted("mail", 2, 4), off("kdrive"), off("kchat")])));
    set.mockResolvedValue(ok(page([off("mail"), off("kdrive"), off("kchat")])));
    renderPage();

    await fireEvent.click(await screen.findByTestId("support-switch-mail"));
    expect(screen.getByText("Revoke support access to Mail?")).toBeInTheDocument();
    expect(screen.getByTestId("support-confirm-body")).toHaveTextContent(/no longer be able to read .*7 days/);
    await fireEvent.click(screen.getByTestId("confirm"));

    expect(set).toHaveBeenCalledWith("p1", "mail", false);
    await waitFor(() => expect(screen.getByTestId("support-status-mail")).toHaveTextContent("Off"));
  });

  it("sends nothing when the confirmation is cancelled", async () => {
    read.mockResolvedValue(ok(page([off("mail"), off("kdrive"), off("kchat")])));
    renderPage();

    await fireEvent.click(await screen.findByTestId("support-switch-kchat"));
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
    expect(set).not.toHaveBeenCalled();
  });

  it("shows why a switch failed and keeps the page", async () => {
    read.mockResolvedValue(ok(page([off("mail"), off("kdrive"), off("kchat")])));
    set.mockResolvedValue(fail({ code: "Network" }));
    renderPage();

    await fireEvent.click(await screen.findByTestId("support-switch-kdrive"));
    await fireEvent.click(screen.getByTestId("confirm"));
    expect(await screen.findByTestId("error-notice")).toHaveAttribute("data-code", "Network");
    expect(screen.getByTestId("support-switch-kdrive")).toHaveAttribute("aria-checked", "false");
  });

  it("hands off to the Manager when the API lacks the routes, still explaining the 7-day rule", async () => {
    read.mockResolvedValue(ok(page([], MANAGER)));
    renderPage();

    const handoff = await screen.findByTestId("support-handoff");
    expect(handoff).toHaveTextContent("does not let apps read or switch support access yet");
    expect(screen.queryByRole("switch")).not.toBeInTheDocument();
    expect(screen.getByTestId("support-seven-days")).toHaveTextContent("7 days");
    expect(screen.getByTestId("support-guide")).toBeInTheDocument();

    await fireEvent.click(within(handoff).getByTestId("handoff"));
    expect(openManager).toHaveBeenCalledWith(MANAGER);
  });

  it("guides a good support request, in French too", async () => {
    setLocale("fr");
    read.mockResolvedValue(ok(page([granted("kchat", 1, 1), off("mail"), off("kdrive")])));
    renderPage();

    const guide = await screen.findByTestId("support-guide");
    expect(within(guide).getByRole("heading")).toHaveTextContent("Rédiger une bonne demande d'assistance");
    expect(guide).toHaveTextContent("console du navigateur");
    expect(guide).toHaveTextContent("captures d'écran");
    expect(await screen.findByTestId("support-status-kchat")).toHaveTextContent("(dans 1 jour et 1 heure)");
  });
});

describe("time left", () => {
  it("words days and hours, singular and plural", () => {
    setLocale("en");
    expect(timeLeft({ days: 6, hours: 23, minutes: 59 })).toBe("in 6 days and 23 hours");
    expect(timeLeft({ days: 1, hours: 1, minutes: 0 })).toBe("in 1 day and 1 hour");
    expect(timeLeft({ days: 7, hours: 0, minutes: 0 })).toBe("in 7 days");
    expect(timeLeft({ days: 0, hours: 3, minutes: 5 })).toBe("in 3 hours");
    expect(timeLeft({ days: 0, hours: 0, minutes: 40 })).toBe("in less than an hour");
  });
});
