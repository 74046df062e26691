import { fireEvent, render, screen, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import App from "../src/App.svelte";
import { fail, ok, signedIn, snapshot } from "./fixtures";

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
});
afterEach(() => client.clear());

async function renderShell() {
  render(App, { props: { client } });
  return screen.findByRole("navigation", { name: "Sections" });
}

describe("App shell", () => {
  it("lists the sections in order and marks the current one", async () => {
    const nav = await renderShell();
    const links = within(nav).getAllByRole("link");

    expect(links.map((l) => l.textContent?.trim())).toEqual([
      "Organisations",
      "Users",
      "Teams",
      "Products & renewals",
      "Invoices",
      "Support access",
      "Check-up",
      "Activity",
      "Diagnostics",
      "Settings",
    ]);
    expect(links[0]).toHaveAttribute("aria-current", "page");
    expect(links.filter((l) => l.hasAttribute("aria-current"))).toHaveLength(1);
  });

  it("shows the person signed in, with initials and no image", async () => {
    await renderShell();
    const person = screen.getByTestId("signed-in-as");
    expect(person).toHaveTextContent("CM");
    expect(person).toHaveTextContent("Camille Martin");
    expect(person.querySelector("img")).toBeNull();
  });

  it("prefers the fresher name from the profile snapshot", async () => {
    vi.mocked(commands.me).mockResolvedValue(
      ok({ me: { displayName: "Camille Martin-Rochat", email: "c@example.ch", login: null }, freshness: { fetchedAt: 1, refreshing: false } }),
    );
    await renderShell();
    expect(await screen.findByText("Camille Martin-Rochat")).toBeInTheDocument();
  });

  it("navigates by click and by Space, and follows the address", async () => {
    const nav = await renderShell();

    await fireEvent.click(within(nav).getByRole("link", { name: "Users" }));
    expect(location.hash).toBe("#/users");
    expect(within(nav).getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
    expect(await screen.findByRole("heading", { level: 1, name: "Users" })).toBeInTheDocument();

    await fireEvent.keyDown(within(nav).getByRole("link", { name: "Teams" }), { key: " " });
    expect(await screen.findByRole("heading", { level: 1, name: "Teams" })).toBeInTheDocument();

    location.hash = "#/settings";
    await fireEvent(window, new HashChangeEvent("hashchange"));
    expect(await screen.findByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
  });

  it("every section has its page: Invoices opens its own", async () => {
    const nav = await renderShell();
    await fireEvent.click(within(nav).getByRole("link", { name: "Invoices" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Invoices" })).toBeInTheDocument();
    expect(await screen.findByTestId("invoices-no-org")).toBeInTheDocument();
  });

  it("skips to the content without touching the route", async () => {
    await renderShell();
    await fireEvent.click(screen.getByRole("link", { name: "Skip to content" }));
    expect(document.activeElement).toBe(screen.getByRole("main"));
    expect(location.hash).toBe("");
  });

  it("changing the language in Settings renames the sections", async () => {
    const nav = await renderShell();
    await fireEvent.click(within(nav).getByRole("link", { name: "Settings" }));
    await fireEvent.change(await screen.findByLabelText("Language"), { target: { value: "fr" } });

    expect(within(nav).getByRole("link", { name: "Réglages" })).toHaveAttribute("aria-current", "page");
    expect(within(nav).getByRole("link", { name: "Produits et renouvellements" })).toBeInTheDocument();
  });
});
