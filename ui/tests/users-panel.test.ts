import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import UsersPage from "../src/pages/users/UsersPage.svelte";
import { ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { person, users } from "./users-fixtures";
import { rowAction } from "./harness/rowAction";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const team = [
  person(1, "Camille Rochat", { role: "legal_representative", teamIds: [9] }),
  person(2, "Noah Meier", { role: "administrator" }),
  person(3, "=Léa Favre"),
  person(4, "Invited Person", { userId: null, invitationId: 40, pending: true, key: "i40" }),
];

let client: QueryClient;
beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([organisation({ id: 7, name: "Atelier" })])));
  vi.mocked(commands.users).mockResolvedValue(ok(users(team)));
  vi.mocked(commands.teams).mockResolvedValue(
    ok({
      items: [{ id: 9, name: "Comptabilité", leaderId: null, leaderName: null, memberCount: 1, productCount: 0, serviceIds: [] }],
      freshness: { fetchedAt: 1_735_732_800, refreshing: false },
    } as never),
  );
});
afterEach(() => client.clear());

const render = () => renderWithClient(client, UsersPage, { profileId: "p1" });

describe("A user's detail panel", () => {
  it("opens a detail panel with teams and, only then, the products reached", async () => {
    vi.mocked(commands.productsReachable).mockResolvedValue(
      ok([{ productId: 5, serviceName: "drive", name: "kDrive Atelier", role: null }]),
    );
    render();
    const rows = await screen.findAllByTestId("person-row");
    expect(commands.productsReachable).not.toHaveBeenCalled();
    await rowAction(rows[0] as HTMLElement, "person-details");
    const panel = screen.getByTestId("person-panel");
    expect(await within(panel).findByText("Comptabilité")).toBeInTheDocument();
    expect(await within(panel).findByText(/kDrive Atelier/)).toBeInTheDocument();
    expect(commands.productsReachable).toHaveBeenCalledWith("p1", 7, 1);
  });

  it("changes a member's billing right, and an invitation's role, from the panel", async () => {
    vi.mocked(commands.productsReachable).mockResolvedValue(ok([]));
    vi.mocked(commands.setMemberSettings).mockResolvedValue(ok(null));
    vi.mocked(commands.updateInvitation).mockResolvedValue(ok(null));
    render();
    const rows = await screen.findAllByTestId("person-row");
    await rowAction(rows[1] as HTMLElement, "person-details");
    await fireEvent.click(screen.getByTestId("person-billing"));
    await fireEvent.click(screen.getByTestId("person-save"));
    await waitFor(() =>
      expect(commands.setMemberSettings).toHaveBeenCalledWith("p1", 7, 2, {
        billingAccess: true,
        contactProducts: false,
        contactBilling: false,
      }),
    );
    await rowAction(rows[3] as HTMLElement, "person-details");
    expect(screen.getByText(/Resending an invitation is not in Infomaniak's API/)).toBeInTheDocument();
    await fireEvent.change(screen.getByTestId("invitation-role"), { target: { value: "administrator" } });
    await fireEvent.click(screen.getByTestId("person-save"));
    await waitFor(() =>
      expect(commands.updateInvitation).toHaveBeenCalledWith("p1", 7, 40, expect.objectContaining({ role: "administrator" })),
    );
  });
});

describe("Keyboard", () => {
  it("Escape inside the detail panel closes it", async () => {
    render();
    const rows = await screen.findAllByTestId("person-row");
    await rowAction(rows[0] as HTMLElement, "person-details");
    const panel = await screen.findByTestId("person-panel");
    await fireEvent.keyDown(within(panel).getByTestId("person-close"), { key: "Escape" });
    expect(screen.queryByTestId("person-panel")).toBeNull();
  });
});
