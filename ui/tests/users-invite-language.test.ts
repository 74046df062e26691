import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "$lib/bindings";
import { LOCALES, setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import InvitePanel from "../src/pages/users/InvitePanel.svelte";
import { ok } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { productsView } from "./products-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

let client: QueryClient;
beforeEach(() => {
  vi.clearAllMocks();
  client = createQueryClient();
  vi.mocked(commands.teams).mockResolvedValue(ok({ items: [], skipped: 0, freshness: { fetchedAt: 1, refreshing: false } }));
  vi.mocked(commands.products).mockResolvedValue(ok(productsView({ items: [] })));
  vi.mocked(commands.inviteUser).mockResolvedValue(ok({ accessRefused: [] }));
});
afterEach(() => {
  client.clear();
  setLocale("en");
});

const render = () =>
  renderWithClient(client, InvitePanel, { profileId: "p1", accountId: 7, organisation: "Atelier", ondone: vi.fn() });

describe("An invitation's language", () => {
  const expected = { fr: "fr_FR", de: "de_DE", it: "it_IT", en: "en_GB", es: "es_ES" } as const;

  it.each(LOCALES)("defaults to the app's language (%s)", async (locale) => {
    setLocale(locale);
    render();
    const select = document.getElementById("invite-locale");
    expect(select).toHaveValue(expected[locale]);

    await fireEvent.input(screen.getByTestId("invite-email"), { target: { value: "noe@example.ch" } });
    await fireEvent.click(screen.getByTestId("invite-submit"));
    await waitFor(() => expect(commands.inviteUser).toHaveBeenCalled());
    expect(vi.mocked(commands.inviteUser).mock.calls[0]?.[2].locale).toBe(expected[locale]);
  });

  it("can still be another one", async () => {
    setLocale("de");
    render();
    const select = document.getElementById("invite-locale");
    if (!select) throw new Error("no language field");
    await fireEvent.change(select, { target: { value: "it_IT" } });
    await fireEvent.input(screen.getByTestId("invite-email"), { target: { value: "noe@example.ch" } });
    await fireEvent.click(screen.getByTestId("invite-submit"));
    await waitFor(() => expect(commands.inviteUser).toHaveBeenCalled());
    expect(vi.mocked(commands.inviteUser).mock.calls[0]?.[2].locale).toBe("it_IT");
  });
});
