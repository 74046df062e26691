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
  person(1, "Camille Rochat", { role: "legal_representative" }),
  person(2, "Noah Meier", { role: "administrator" }),
  person(3, "Léa Favre"),
  person(4, "Invited Person", { userId: null, invitationId: 40, pending: true, key: "i40" }),
];

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
    vi.mocked(commands.people).mockResolvedValue(ok(people(team)));
    render();
    expect(await screen.findAllByTestId("person-row")).toHaveLength(4);
    expect(commands.people).toHaveBeenCalledWith("p1", 7);
    await fireEvent.input(screen.getByTestId("users-search"), { target: { value: "léa" } });
    expect(screen.getAllByTestId("person-row")).toHaveLength(1);
    expect(screen.getByText("Léa Favre")).toBeInTheDocument();
  });

  it("names the person before cancelling an invitation", async () => {
    vi.mocked(commands.people).mockResolvedValue(ok(people(team)));
    vi.mocked(commands.cancelInvitation).mockResolvedValue(ok(null));
    render();
    await fireEvent.click(await screen.findByTestId("cancel-invitation"));
    const dialog = screen.getByTestId("confirm-cancel");
    expect(within(dialog).getByText(/Invited Person/)).toBeInTheDocument();
    await fireEvent.click(within(dialog).getByTestId("confirm"));
    await waitFor(() => expect(commands.cancelInvitation).toHaveBeenCalledWith("p1", 7, 40));
  });

  it("says why the last legal representative cannot be removed", async () => {
    vi.mocked(commands.people).mockResolvedValue(ok(people(team)));
    vi.mocked(commands.removeMembers).mockResolvedValue(
      fail({ code: "NotAllowed", field: "last_legal_representative", names: ["Camille Rochat", "Noah Meier"] }),
    );
    render();
    const rows = await screen.findAllByTestId("person-row");
    await fireEvent.click(within(rows[0] as HTMLElement).getByTestId("remove-member"));
    await fireEvent.click(within(screen.getByTestId("confirm-remove")).getByTestId("confirm"));
    expect(await screen.findByText(/last legal representative/)).toBeInTheDocument();
    expect(screen.getByText(/For example: Noah Meier/)).toBeInTheDocument();
  });

  it("hands off to the Manager where the API cannot change members", async () => {
    vi.mocked(commands.people).mockResolvedValue(ok(people(team, true)));
    render();
    expect(await screen.findByTestId("members-handoff")).toBeInTheDocument();
    expect(screen.queryByTestId("remove-member")).toBeNull();
  });

  it("keeps the invitation form filled and marks the field the API refused", async () => {
    vi.mocked(commands.people).mockResolvedValue(ok(people(team)));
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

describe("Invitations with teams", () => {
  it("pre-assigns the teams ticked in the form", async () => {
    vi.mocked(commands.people).mockResolvedValue(ok(people(team)));
    vi.mocked(commands.teams).mockResolvedValue(
      ok({
        items: [{ id: 5, name: "Comité", leaderId: null, leaderName: null, memberCount: 0, productCount: 0, serviceIds: [] }],
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
    expect(commands.people).not.toHaveBeenCalled();
  });
});
