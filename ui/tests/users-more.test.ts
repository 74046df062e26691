import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import UsersPage from "../src/pages/users/UsersPage.svelte";
import { fail, ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { people, person } from "./people-fixtures";

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
  vi.mocked(commands.people).mockResolvedValue(ok(people(team)));
  vi.mocked(commands.teams).mockResolvedValue(
    ok({
      items: [{ id: 9, name: "Comptabilité", leaderId: null, leaderName: null, memberCount: 1, productCount: 0, serviceIds: [] }],
      freshness: { fetchedAt: 1_735_732_800, refreshing: false },
    } as never),
  );
});
afterEach(() => client.clear());

const render = () => renderWithClient(client, UsersPage, { profileId: "p1" });

describe("Users page, more", () => {
  it("names the person and the new role before changing it", async () => {
    vi.mocked(commands.changeRole).mockResolvedValue(ok(null));
    render();
    const rows = await screen.findAllByTestId("person-row");
    await fireEvent.click(within(rows[2] as HTMLElement).getByTestId("change-role"));
    const dialog = screen.getByTestId("confirm-role");
    expect(within(dialog).getByTestId("role-sentence").textContent).toContain("=Léa Favre");
    expect(within(dialog).getByTestId("role-sentence").textContent).toContain("“Administrator” in Atelier");
    await fireEvent.click(within(dialog).getByTestId("confirm"));
    await waitFor(() => expect(commands.changeRole).toHaveBeenCalledWith("p1", 7, 3, "administrator"));
  });

  it("leaves the organisation after naming it, and words Infomaniak's refusal", async () => {
    vi.mocked(commands.leaveOrganisation).mockResolvedValue(fail({ code: "NotAllowed", field: "cannot_leave_account" }));
    render();
    await fireEvent.click(await screen.findByTestId("leave-open"));
    const dialog = screen.getByTestId("confirm-leave");
    expect(within(dialog).getByText(/Leave Atelier\?/)).toBeInTheDocument();
    await fireEvent.click(within(dialog).getByTestId("confirm"));
    await waitFor(() => expect(commands.leaveOrganisation).toHaveBeenCalledWith("p1", 7));
    expect(await screen.findByText(/one of its mailboxes/)).toBeInTheDocument();
  });

  it("exports what the search shows, formulas neutralised", async () => {
    vi.mocked(commands.exportCsv).mockResolvedValue(ok("/home/camille/people.csv"));
    render();
    await screen.findAllByTestId("person-row");
    await fireEvent.input(screen.getByTestId("users-search"), { target: { value: "léa" } });
    await fireEvent.click(screen.getByTestId("export-csv"));
    await waitFor(() => expect(commands.exportCsv).toHaveBeenCalled());
    const [name, rows] = vi.mocked(commands.exportCsv).mock.calls[0] as [string, string[][]];
    expect(name).toContain("Atelier");
    expect(rows).toHaveLength(2);
    expect(rows[0]?.[0]).toBe("Name");
    expect(rows[1]?.[0]).toBe("'=Léa Favre");
    expect(await screen.findByTestId("export-saved")).toHaveTextContent("/home/camille/people.csv");
  });

  it("opens a detail panel with teams and, only then, the products reached", async () => {
    vi.mocked(commands.productsReachable).mockResolvedValue(
      ok([{ productId: 5, serviceName: "drive", name: "kDrive Atelier", role: null }]),
    );
    render();
    const rows = await screen.findAllByTestId("person-row");
    expect(commands.productsReachable).not.toHaveBeenCalled();
    await fireEvent.click(within(rows[0] as HTMLElement).getByTestId("person-details"));
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
    await fireEvent.click(within(rows[1] as HTMLElement).getByTestId("person-details"));
    await fireEvent.click(screen.getByTestId("person-billing"));
    await fireEvent.click(screen.getByTestId("person-save"));
    await waitFor(() =>
      expect(commands.setMemberSettings).toHaveBeenCalledWith("p1", 7, 2, {
        billingAccess: true,
        contactProducts: false,
        contactBilling: false,
      }),
    );
    await fireEvent.click(within(rows[3] as HTMLElement).getByTestId("person-details"));
    expect(screen.getByText(/Resending an invitation is not in Infomaniak's API/)).toBeInTheDocument();
    await fireEvent.change(screen.getByTestId("invitation-role"), { target: { value: "administrator" } });
    await fireEvent.click(screen.getByTestId("person-save"));
    await waitFor(() =>
      expect(commands.updateInvitation).toHaveBeenCalledWith("p1", 7, 40, expect.objectContaining({ role: "administrator" })),
    );
  });
});
