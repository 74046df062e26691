import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import App from "../src/App.svelte";
import { fail, ok, organisation, signedIn, snapshot } from "./fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

let client: QueryClient;

beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  location.hash = "";
  client = createQueryClient();
  vi.mocked(commands.session).mockResolvedValue(ok(signedIn));
  vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([organisation({ id: 1, name: "Atelier Dupont SA" })])));
  vi.mocked(commands.me).mockResolvedValue(fail({ code: "Network" }));
  vi.mocked(commands.products).mockResolvedValue(fail({ code: "Network" }));
});
afterEach(() => client.clear());

async function renderShell() {
  render(App, { props: { client } });
  return screen.findByRole("navigation", { name: "Sections" });
}

describe("Command palette", () => {
  it("opens with Ctrl+K, finds a page by name and goes there", { timeout: 30_000 }, async () => {
    await renderShell();
    await fireEvent.keyDown(window, { key: "k", ctrlKey: true });
    const palette = await screen.findByTestId("palette", {}, { timeout: 15_000 });
    expect(within(palette).getByText("Atelier Dupont SA")).toBeInTheDocument();
    expect(within(palette).getByText(/Esc to close/)).toHaveTextContent("Ctrl K opens this from anywhere");
    await fireEvent.click(within(palette).getByRole("option", { name: "Invoices" }));
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Invoices"));
    await waitFor(() => expect(screen.queryByTestId("palette")).toBeNull());
  });

  it("is offered in the header with its shortcut shown", { timeout: 30_000 }, async () => {
    await renderShell();
    const button = await screen.findByTestId("open-palette");
    expect(button).toHaveAttribute("aria-keyshortcuts");
    expect(button).toHaveTextContent(/K/);
    await fireEvent.click(button);
    expect(await screen.findByTestId("palette", {}, { timeout: 15_000 })).toBeInTheDocument();
  });
});

describe("Profile menu", () => {
  it("holds the profiles, adding one, forgetting and Settings behind the avatar", async () => {
    await renderShell();
    const trigger = await screen.findByTestId("signed-in-as");
    expect(screen.queryByTestId("add-profile")).toBeNull();
    await fireEvent.click(trigger);
    expect(await screen.findByTestId("add-profile")).toBeInTheDocument();
    expect(screen.getByTestId("forget-profile")).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("open-settings"));
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Settings"));
  });
});
