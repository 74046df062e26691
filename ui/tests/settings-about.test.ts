import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import SettingsPage from "../src/pages/settings/SettingsPage.svelte";
import { defaultReminders, fail, ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { productsView } from "./products-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const report = "IK Desk 3.1.4\nOS: Debian 12 (x86_64)\nWeb engine: WebKitGTK 2.50.6\n";
let client: QueryClient;
let writeText: ReturnType<typeof vi.fn>;

beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  vi.mocked(commands.reminderSettings).mockResolvedValue(ok(defaultReminders()));
  vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([organisation({ id: 1, name: "Atelier Dupont SA" })])));
  vi.mocked(commands.products).mockResolvedValue(ok(productsView()));
  vi.mocked(commands.startAtLogin).mockResolvedValue(ok(false));
  vi.mocked(commands.about).mockResolvedValue({ version: "3.1.4", os: "Debian 12 (x86_64)", webview: "WebKitGTK 2.50.6" });
  vi.mocked(commands.diagnosticsReport).mockResolvedValue(ok(report));
  writeText = vi.fn(async () => undefined);
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
});
afterEach(() => client.clear());

function renderPage() {
  renderWithClient(client, SettingsPage, { profileId: "p1" });
}

describe("About", () => {
  it("shows the version, the system and the web engine the shell reports", async () => {
    renderPage();
    expect(await screen.findByTestId("about-version")).toHaveTextContent("Version 3.1.4");
    expect(screen.getByTestId("about-os")).toHaveTextContent("Debian 12 (x86_64)");
    expect(screen.getByTestId("about-webview")).toHaveTextContent("WebKitGTK 2.50.6");
  });

  it("copies the active profile's diagnostics text to the clipboard and says so", async () => {
    renderPage();
    const button = await screen.findByRole("button", { name: "Copy diagnostics" });
    await waitFor(() => expect(button).toBeEnabled());
    await fireEvent.click(button);
    expect(await screen.findByTestId("diagnostics-copied")).toHaveTextContent("Copied.");
    expect(commands.diagnosticsReport).toHaveBeenCalledWith("p1");
    expect(writeText).toHaveBeenCalledWith(report);
    expect(screen.queryByTestId("diagnostics-text")).toBeNull();
  });

  it("shows the text to copy by hand when the clipboard refuses it", async () => {
    writeText.mockRejectedValue(new DOMException("denied", "NotAllowedError"));
    renderPage();
    const button = await screen.findByRole("button", { name: "Copy diagnostics" });
    await waitFor(() => expect(button).toBeEnabled());
    await fireEvent.click(button);
    const text = await screen.findByTestId("diagnostics-text");
    expect(text).toHaveValue(report);
    expect(screen.getByText(/The clipboard refused the text/)).toBeInTheDocument();
    expect(screen.queryByTestId("diagnostics-copied")).toBeNull();
  });

  it("says why when the report cannot be made, and offers nothing to copy", async () => {
    vi.mocked(commands.diagnosticsReport).mockResolvedValue(fail({ code: "KeyringUnavailable", message: "the store is locked" }));
    renderPage();
    const error = await screen.findByTestId("copy-diagnostics-error");
    expect(error).toHaveTextContent("The system keyring is not available");
    expect(error).not.toHaveTextContent("the store is locked");
    expect(screen.getByRole("button", { name: "Copy diagnostics" })).toBeDisabled();
    expect(writeText).not.toHaveBeenCalled();
  });

  it("writes the text inside the click, without waiting for the core (the clipboard needs the click)", async () => {
    renderPage();
    const button = await screen.findByRole("button", { name: "Copy diagnostics" });
    await waitFor(() => expect(button).toBeEnabled());
    vi.mocked(commands.diagnosticsReport).mockClear();
    button.click();
    // Synchronously: no await between the click and the write.
    expect(writeText).toHaveBeenCalledWith(report);
  });

  it("speaks the window's language", async () => {
    setLocale("de");
    renderPage();
    expect(await screen.findByTestId("about-version")).toHaveTextContent("Version 3.1.4");
    await waitFor(() => expect(screen.getByRole("button", { name: "Diagnose kopieren" })).toBeInTheDocument());
    expect(screen.getByRole("heading", { name: "Über IK Desk" })).toBeInTheDocument();
  });
});
