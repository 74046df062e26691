import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type TeamsSnapshot } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import UsersPage from "../src/pages/users/UsersPage.svelte";
import { fail, ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { person, users } from "./users-fixtures";
import { firstRowAction, rowAction } from "./harness/rowAction";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const team = [
  person(1, "Camille Rochat", { role: "legal_representative" }),
  person(2, "Noah Meier", { role: "administrator" }),
  person(3, "Léa Favre"),
  person(4, "Invited Person", { userId: null, invitationId: 40, pending: true, key: "i40" }),
];
const teamWithFormula = [
  person(1, "Camille Rochat", { role: "legal_representative", teamIds: [9] }),
  person(2, "Noah Meier", { role: "administrator" }),
  person(3, "=Léa Favre"),
  person(4, "Invited Person", { userId: null, invitationId: 40, pending: true, key: "i40" }),
];
const comptabilite: TeamsSnapshot = {
  items: [{ id: 9, name: "Comptabilité", leaderId: null, leaderName: null, memberCount: 1, productCount: 0, serviceIds: [] }],
  skipped: 0,
  freshness: { fetchedAt: 1_735_732_800, refreshing: false },
};

let client: QueryClient;
beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([organisation({ id: 7, name: "Atelier" })])));
});
afterEach(() => client.clear());

const render = () => renderWithClient(client, UsersPage, { profileId: "p1" });

describe("Users page", () => {
  it("lists members and invitations of the organisation and filters as you type", async () => {
    vi.mocked(commands.users).mockResolvedValue(ok(users(team)));
    render();
    expect(await screen.findAllByTestId("person-row")).toHaveLength(4);
    expect(commands.users).toHaveBeenCalledWith("p1", 7);
    await fireEvent.input(screen.getByTestId("users-search"), { target: { value: "léa" } });
    expect(screen.getAllByTestId("person-row")).toHaveLength(1);
    expect(screen.getByText("Léa Favre")).toBeInTheDocument();
  });

  it("names the person before cancelling an invitation", async () => {
    vi.mocked(commands.users).mockResolvedValue(ok(users(team)));
    vi.mocked(commands.cancelInvitation).mockResolvedValue(ok(null));
    render();
    await firstRowAction("person-row", "cancel-invitation");
    const dialog = screen.getByTestId("confirm-cancel");
    expect(within(dialog).getByText(/Invited Person/)).toBeInTheDocument();
    await fireEvent.click(within(dialog).getByTestId("confirm"));
    await waitFor(() => expect(commands.cancelInvitation).toHaveBeenCalledWith("p1", 7, 40));
  });

  it("says once that the API cannot remove members: the hand-off, not also a red error", async () => {
    vi.mocked(commands.users).mockResolvedValueOnce(ok(users(team))).mockResolvedValue(ok(users(team, true)));
    vi.mocked(commands.removeMembers).mockResolvedValue(fail({ code: "NotSupportedByApi" }));
    render();
    const rows = await screen.findAllByTestId("person-row");
    await rowAction(rows[0] as HTMLElement, "remove-member");
    await fireEvent.click(within(screen.getByTestId("confirm-remove")).getByTestId("confirm"));
    await waitFor(() => expect(commands.removeMembers).toHaveBeenCalled());
    expect(await screen.findByTestId("members-handoff")).toBeInTheDocument();
    expect(screen.queryByTestId("error-notice")).toBeNull();
  });

  it("says why the last legal representative cannot be removed", async () => {
    vi.mocked(commands.users).mockResolvedValue(ok(users(team)));
    vi.mocked(commands.removeMembers).mockResolvedValue(
      fail({ code: "NotAllowed", field: "last_legal_representative", names: ["Camille Rochat", "Noah Meier"] }),
    );
    render();
    const rows = await screen.findAllByTestId("person-row");
    await rowAction(rows[0] as HTMLElement, "remove-member");
    await fireEvent.click(within(screen.getByTestId("confirm-remove")).getByTestId("confirm"));
    expect(await screen.findByText(/last legal representative/)).toBeInTheDocument();
    expect(screen.getByText(/For example: Noah Meier/)).toBeInTheDocument();
  });

  it("hands off to the Manager where the API cannot change members", async () => {
    vi.mocked(commands.users).mockResolvedValue(ok(users(team, true)));
    render();
    expect(await screen.findByTestId("members-handoff")).toBeInTheDocument();
    const row = (await screen.findAllByTestId("person-row"))[0] as HTMLElement;
    await fireEvent.click(within(row).getByTestId("row-menu"));
    expect(await within(row).findByTestId("person-details")).toBeInTheDocument();
    expect(screen.queryByTestId("remove-member")).toBeNull();
  });

  it("says once how many people Infomaniak sent that could not be read, and lists the rest", async () => {
    vi.mocked(commands.users).mockResolvedValue(ok(users(team, false, 2)));
    render();
    const notice = await screen.findByTestId("users-skipped");
    expect(notice).toHaveTextContent("Infomaniak sent 2 entries of this list that could not be read");
    expect(screen.getAllByTestId("users-skipped")).toHaveLength(1);
    expect(screen.getAllByTestId("person-row")).toHaveLength(team.length);
  });

  it("says nothing about unreadable people when there were none", async () => {
    vi.mocked(commands.users).mockResolvedValue(ok(users(team)));
    render();
    await screen.findAllByTestId("person-row");
    expect(screen.queryByTestId("users-skipped")).toBeNull();
  });

  it("keeps the invitation form filled and marks the field the API refused", async () => {
    vi.mocked(commands.users).mockResolvedValue(ok(users(team)));
    vi.mocked(commands.inviteUser).mockResolvedValue(fail({ code: "Validation", field: "email" }));
    render();
    await fireEvent.click(await screen.findByTestId("invite-open"));
    await fireEvent.input(screen.getByTestId("invite-email"), { target: { value: "nope" } });
    await fireEvent.click(screen.getByTestId("invite-submit"));
    await waitFor(() => expect(commands.inviteUser).toHaveBeenCalled());
    expect(await screen.findByTestId("field-error")).toBeInTheDocument();
    expect((screen.getByTestId("invite-email") as HTMLInputElement).value).toBe("nope");
  });
});

describe("Users page, roles, leaving and export", () => {
  beforeEach(() => {
    vi.mocked(commands.users).mockResolvedValue(ok(users(teamWithFormula)));
    vi.mocked(commands.teams).mockResolvedValue(ok(comptabilite));
  });

  it("names the person and the new role before changing it", async () => {
    vi.mocked(commands.changeRole).mockResolvedValue(ok(null));
    render();
    const rows = await screen.findAllByTestId("person-row");
    await rowAction(rows[2] as HTMLElement, "change-role");
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
});

describe("Invitations with teams", () => {
  it("pre-assigns the teams ticked in the form", async () => {
    vi.mocked(commands.users).mockResolvedValue(ok(users(team)));
    vi.mocked(commands.teams).mockResolvedValue(
      ok({
        items: [{ id: 5, name: "Comité", leaderId: null, leaderName: null, memberCount: 0, productCount: 0, serviceIds: [] }],
        skipped: 0,
        freshness: { fetchedAt: 1_735_732_800, refreshing: false },
      }),
    );
    vi.mocked(commands.inviteUser).mockResolvedValue(ok({ accessRefused: [] }));
    render();
    await fireEvent.click(await screen.findByTestId("invite-open"));
    await fireEvent.input(screen.getByTestId("invite-email"), { target: { value: "nina@example.ch" } });
    await fireEvent.click(within(await screen.findByTestId("invite-teams")).getByRole("checkbox", { name: /Comité/ }));
    await fireEvent.click(screen.getByTestId("invite-submit"));
    await waitFor(() =>
      expect(commands.inviteUser).toHaveBeenCalledWith("p1", 7, expect.objectContaining({ email: "nina@example.ch", teamIds: [5] })),
    );
  });
});

describe("Users page without an organisation", () => {
  it("says what to do instead of showing an empty table", async () => {
    vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([])));
    render();
    expect(await screen.findByTestId("users-no-org")).toHaveTextContent("No organisations yet");
    expect(commands.users).not.toHaveBeenCalled();
  });
});
