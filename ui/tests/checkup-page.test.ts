import { fireEvent, screen, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type Checkup, type FindingKey } from "$lib/bindings";
import { LOCALES, setLocale } from "$lib/i18n";
import { dictionaries } from "$lib/i18n/all";
import { createQueryClient } from "$lib/queries/client";
import CheckupPage from "../src/pages/checkup/CheckupPage.svelte";
import { ok } from "./fixtures";
import { renderWithClient } from "./harness/render";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const checkup = vi.mocked(commands.checkup);
let client: QueryClient;

const world: Checkup = {
  organisations: [
    { accountId: 7, name: "Atelier" },
    { accountId: 8, name: "Calm" },
  ],
  findings: [
    {
      severity: "critical",
      key: "renew_manually_now",
      accountId: 7,
      subject: "atelier.ch",
      fix: { kind: "manager", url: "https://manager.infomaniak.com/v3/7/accounts/accounting/renewal" },
    },
    { severity: "warning", key: "single_legal_representative", accountId: 7, subject: null, fix: { kind: "app", route: "#/users" } },
    { severity: "warning", key: "support_access_open", accountId: null, subject: "kDrive", fix: { kind: "app", route: "#/support-access" } },
  ],
  productsKnown: true,
  peopleChecked: 2,
};

beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  window.location.hash = "#/checkup";
  client = createQueryClient();
});
afterEach(() => client.clear());

describe("Check-up", () => {
  it("lists findings by organisation with a count per severity, and follows a fix", async () => {
    checkup.mockResolvedValue(ok(world));
    renderWithClient(client, CheckupPage, { profileId: "p1" });
    const orgs = await screen.findAllByTestId("checkup-organisation");
    // Calm has nothing to fix: it is not listed; the open support access is the person's own.
    expect(orgs).toHaveLength(2);
    expect(orgs[0]).toHaveTextContent("Atelier");
    expect(orgs[1]).toHaveTextContent("Your account");
    // Every organisation's people were checked: nothing to add.
    expect(screen.queryByTestId("checkup-people-partial")).toBeNull();
    expect(orgs[1]).toHaveTextContent("kDrive");
    expect(screen.getByTestId("summary-critical")).toHaveTextContent("Critical: 1");
    expect(screen.getByTestId("summary-warning")).toHaveTextContent("Warnings: 2");
    expect(screen.getByTestId("summary-info")).toHaveTextContent("Info: 0");
    const [late, single] = screen.getAllByTestId("finding") as HTMLElement[];
    expect(late).toHaveTextContent("atelier.ch");
    expect(late).toHaveTextContent("only a manual renewal keeps it");
    await fireEvent.click(within(late!).getByTestId("handoff"));
    expect(commands.openManager).toHaveBeenCalledWith("https://manager.infomaniak.com/v3/7/accounts/accounting/renewal");
    await fireEvent.click(within(single!).getByTestId("finding-fix"));
    expect(window.location.hash).toBe("#/users");
  });

  it("exports the findings as CSV with worded reasons", async () => {
    checkup.mockResolvedValue(ok(world));
    vi.mocked(commands.exportCsv).mockResolvedValue(ok("/tmp/check-up.csv"));
    renderWithClient(client, CheckupPage, { profileId: "p1" });
    await fireEvent.click(await screen.findByTestId("checkup-export"));
    const [, rows] = vi.mocked(commands.exportCsv).mock.calls[0]!;
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual(expect.arrayContaining(["Atelier", "Critical", "atelier.ch"]));
    expect(rows[2]![2]).toMatch(/legal representative/);
    expect(rows[3]![0]).toBe("Your account");
  });

  it("says so when nothing is found, in the person's language", async () => {
    setLocale("de");
    checkup.mockResolvedValue(ok({ organisations: world.organisations, findings: [], productsKnown: false, peopleChecked: 1 }));
    renderWithClient(client, CheckupPage, { profileId: "p1" });
    expect(await screen.findByTestId("checkup-empty")).toHaveTextContent("Nichts zu beheben");
    expect(screen.getByTestId("checkup-no-products")).toBeInTheDocument();
    expect(screen.getByTestId("checkup-people-partial")).toHaveTextContent("in 1 von 2 Organisationen");
    expect(screen.queryByTestId("checkup-export")).toBeNull();
  });

  it("words every finding the core can make in every language", () => {
    // A record over the union: the compiler fails this test when the core adds a finding.
    const every: Record<FindingKey, true> = {
      single_legal_representative: true,
      two_factor_not_required: true,
      organisation_blocked: true,
      orders_awaiting_payment: true,
      expires_without_auto_renew: true,
      renew_manually_now: true,
      support_access_open: true,
      external_administrator: true,
      invitation_pending_long: true,
      members_without_second_factor: true,
      no_billing_contact: true,
      token_missing_scope: true,
    };
    for (const locale of LOCALES) {
      const reasons = dictionaries[locale].checkup.reason as Record<string, string>;
      for (const key of Object.keys(every)) {
        expect(reasons[key], `${locale}: ${key}`).toMatch(/\S.{20,}/);
      }
    }
  });
});
