import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type Diagnostics, type RouteStatus } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import DiagnosticsPage from "../src/pages/diagnostics/DiagnosticsPage.svelte";
import { ok } from "./fixtures";
import { renderWithClient } from "./harness/render";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const route = (r: string, state: RouteStatus["state"], scope: string | null = null): RouteStatus => ({
  route: r,
  feature: "renewals",
  tier: "unverified",
  state,
  scope,
  checkedAt: null,
});
const before: Diagnostics = { routes: [route("GET /1/accounts/{account_id}/renewals", "not_tried")], missingScopes: [], probeCost: 12 };
const after: Diagnostics = {
  routes: [route("GET /1/accounts/{account_id}/renewals", "missing"), route("GET /2/invoicing", "needs_scope", "invoicing")],
  missingScopes: ["invoicing"],
  probeCost: 12,
};

let client: QueryClient;
beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
});
afterEach(() => client.clear());

describe("Diagnostics page", () => {
  it("says what checking costs before it starts, then shows what was learned", async () => {
    vi.mocked(commands.diagnostics).mockResolvedValue(ok(before));
    vi.mocked(commands.checkNow).mockResolvedValue(ok(after));
    renderWithClient(client, DiagnosticsPage, { profileId: "p1" });

    expect(await screen.findByTestId("probe-cost")).toHaveTextContent("12 of your 60 requests");
    expect(screen.getByText("Not tried yet")).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("check-now"));
    await waitFor(() => expect(commands.checkNow).toHaveBeenCalledWith("p1"));
    expect(await screen.findByText(/Not offered by the API/)).toBeInTheDocument();
    expect(screen.getByText("Needs the “invoicing” scope")).toBeInTheDocument();
    expect(screen.getByTestId("diagnostics-missing-scopes")).toHaveTextContent("invoicing");
  });
});
