import { fireEvent, screen } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type AuditEntry } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import ActivityPage from "../src/pages/activity/ActivityPage.svelte";
import { ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const entry = (id: number, action: string, target: string, result: AuditEntry["result"], errorCode: string | null = null): AuditEntry => ({
  id,
  at: 1_735_732_800 + id,
  profileId: "p1",
  actor: "Camille Rochat <camille@example.ch>",
  accountId: 7,
  action,
  target,
  result,
  errorCode,
});

let client: QueryClient;
beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([organisation({ id: 7, name: "Atelier" })])));
});
afterEach(() => client.clear());

describe("Activity page", () => {
  it("lists every change with its organisation and result, and searches them", async () => {
    vi.mocked(commands.activity).mockResolvedValue(
      ok([entry(2, "member.remove", "lea@example.ch", "failed", "last_owner_cannot_be_removed"), entry(1, "invitation.create", "nina@example.ch", "done")]),
    );
    renderWithClient(client, ActivityPage, { profileId: "p1" });
    expect(await screen.findAllByTestId("activity-row")).toHaveLength(2);
    expect(await screen.findAllByText("Atelier")).toHaveLength(2);
    expect(screen.getByText("Refused (last_owner_cannot_be_removed)")).toBeInTheDocument();
    await fireEvent.input(screen.getByPlaceholderText("Search the activity"), { target: { value: "nina" } });
    expect(screen.getAllByTestId("activity-row")).toHaveLength(1);
  });

  it("says what will appear here when nothing was changed yet", async () => {
    vi.mocked(commands.activity).mockResolvedValue(ok([]));
    renderWithClient(client, ActivityPage, { profileId: "p1" });
    expect(await screen.findByTestId("activity-empty")).toBeInTheDocument();
  });

  it("exports moments in ISO 8601 whatever the region, headers in the person's language", async () => {
    const { setRegionChoice } = await import("$lib/i18n/region.svelte");
    vi.mocked(commands.activity).mockResolvedValue(ok([entry(1, "invitation.create", "nina@example.ch", "done")]));
    vi.mocked(commands.exportCsv).mockResolvedValue(ok("/tmp/activity.csv"));
    const exported = async (region: "de-CH" | "en-US", language: "de" | "en") => {
      setLocale(language);
      setRegionChoice(region);
      const view = renderWithClient(client, ActivityPage, { profileId: "p1" });
      await fireEvent.click(await screen.findByTestId("activity-export"));
      await vi.waitFor(() => expect(commands.exportCsv).toHaveBeenCalled());
      const rows = vi.mocked(commands.exportCsv).mock.calls[0]?.[1] ?? [];
      vi.mocked(commands.exportCsv).mockClear();
      view.unmount();
      return rows;
    };
    const swiss = await exported("de-CH", "de");
    const american = await exported("en-US", "en");
    setRegionChoice("system");
    expect(swiss[1]?.[0]).toBe(new Date(1_735_732_801_000).toISOString().replace(/\.\d{3}Z$/, "Z"));
    expect(american[1]?.[0]).toBe(swiss[1]?.[0]);
    expect(swiss[0]?.[0]).not.toBe(american[0]?.[0]);
  });
});
