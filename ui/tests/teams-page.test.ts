import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type IpcError, type UsersSnapshot, type TeamRow, type TeamsSnapshot } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import type { Result } from "$lib/ipc/failure";
import { createQueryClient } from "$lib/queries/client";
import TeamsPage from "../src/pages/teams/TeamsPage.svelte";
import { deferred, fail, ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { toast } from "svelte-sonner";
import { person, users } from "./users-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());
vi.mock("svelte-sonner", () => ({ toast: Object.assign(vi.fn(), { success: vi.fn() }) }));

const team = (id: number, name: string, extra: Partial<TeamRow> = {}): TeamRow => ({
  id,
  name,
  leaderId: null,
  leaderName: null,
  memberCount: 2,
  productCount: 1,
  serviceIds: [],
  ...extra,
});
const teams = (items: TeamRow[], skipped = 0): TeamsSnapshot => ({ items, skipped, freshness: { fetchedAt: 1_735_732_800, refreshing: false } });
const noUsers: UsersSnapshot = { items: [], skipped: 0, freshness: { fetchedAt: 1_735_732_800, refreshing: false }, memberChangesMissing: false };

let client: QueryClient;
beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([organisation({ id: 7, name: "Atelier" })])));
  vi.mocked(commands.users).mockResolvedValue(ok(noUsers));
  vi.mocked(commands.teamServices).mockResolvedValue(ok([{ id: 3, name: "kDrive", products: 2 }]));
});
afterEach(() => client.clear());

const render = () => renderWithClient(client, TeamsPage, { profileId: "p1" });

describe("Teams page", () => {
  it("lists the teams with their leader and sizes, and searches them", async () => {
    vi.mocked(commands.teams).mockResolvedValue(ok(teams([team(1, "Bénévoles", { leaderName: "Lukas Rey" }), team(2, "Comité")])));
    render();
    expect(await screen.findAllByTestId("team-row")).toHaveLength(2);
    expect(screen.getByText("Lukas Rey")).toBeInTheDocument();
    await fireEvent.input(screen.getByPlaceholderText("Search teams"), { target: { value: "com" } });
    expect(screen.getAllByTestId("team-row")).toHaveLength(1);
    expect(screen.queryByTestId("teams-skipped")).toBeNull();
  });

  it("says once how many teams could not be read, and lists the others", async () => {
    vi.mocked(commands.teams).mockResolvedValue(ok(teams([team(1, "Bénévoles")], 2)));
    render();
    expect(await screen.findAllByTestId("team-row")).toHaveLength(1);
    expect(screen.getByTestId("teams-skipped")).toHaveTextContent("Infomaniak sent 2 entries of this list that could not be read");
  });

  it("sets the services a team grants", async () => {
    vi.mocked(commands.teams).mockResolvedValue(ok(teams([team(1, "Bénévoles")])));
    vi.mocked(commands.updateTeam).mockResolvedValue(ok(null));
    render();
    await fireEvent.click(await screen.findByRole("button", { name: "Bénévoles" }));
    const services = await screen.findByTestId("team-services");
    await fireEvent.click(await within(services).findByRole("checkbox"));
    await fireEvent.click(within(services).getByTestId("team-save-services"));
    await waitFor(() =>
      expect(commands.updateTeam).toHaveBeenCalledWith("p1", 7, 1, { name: null, leaderId: null, serviceIds: [3] }),
    );
  });

  it("shows a rename at once and rolls it back when Infomaniak refuses it", async () => {
    vi.mocked(commands.teams).mockResolvedValue(ok(teams([team(1, "Bénévoles")])));
    const answer = deferred<Result<null, IpcError>>();
    vi.mocked(commands.updateTeam).mockReturnValue(answer.promise);
    render();
    await fireEvent.click(await screen.findByRole("button", { name: "Bénévoles" }));
    const input = screen.getByTestId("team-rename-input") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "Volontaires" } });
    await fireEvent.click(screen.getByTestId("team-rename"));
    expect(await screen.findByRole("button", { name: "Volontaires" })).toBeInTheDocument();
    answer.resolve(fail({ code: "NotFound" }));
    expect(await screen.findByRole("button", { name: "Bénévoles" })).toBeInTheDocument();
    expect(await screen.findByText(/no longer exists/)).toBeInTheDocument();
  });

  it("names the team and its size before deleting it", async () => {
    vi.mocked(commands.teams).mockResolvedValue(ok(teams([team(1, "Bénévoles", { memberCount: 4 })])));
    vi.mocked(commands.deleteTeam).mockResolvedValue(ok(null));
    render();
    await fireEvent.click(await screen.findByRole("button", { name: "Bénévoles" }));
    await fireEvent.click(screen.getByTestId("team-delete"));
    const dialog = screen.getByTestId("confirm-delete-team");
    expect(dialog).toHaveTextContent("Bénévoles");
    expect(dialog).toHaveTextContent("4 members");
    await fireEvent.click(within(dialog).getByTestId("confirm"));
    await waitFor(() => expect(commands.deleteTeam).toHaveBeenCalledWith("p1", 7, 1));
  });

  it("shows a count the API did not send as unknown, never as zero", async () => {
    vi.mocked(commands.teams).mockResolvedValue(ok(teams([team(1, "Bénévoles", { leaderName: "Lukas Rey", memberCount: null, productCount: null })])));
    render();
    const row = await screen.findByTestId("team-row");
    expect(within(row).getAllByText("—")).toHaveLength(2);
    expect(within(row).queryByText("0")).toBeNull();
    await fireEvent.click(screen.getByRole("button", { name: "Bénévoles" }));
    await fireEvent.click(screen.getByTestId("team-delete"));
    const dialog = screen.getByTestId("confirm-delete-team");
    expect(dialog).toHaveTextContent("Bénévoles and its members' access through it will be removed");
  });

  it("adds members with one command and removes them with the other", async () => {
    vi.mocked(commands.teams).mockResolvedValue(ok(teams([team(1, "Bénévoles")])));
    vi.mocked(commands.users).mockResolvedValue(
      ok(users([person(1, "Camille Rochat", { teamIds: [1] }), person(2, "Noah Meier")])),
    );
    vi.mocked(commands.addTeamMembers).mockResolvedValue(ok(null));
    vi.mocked(commands.removeTeamMembers).mockResolvedValue(ok(null));
    render();
    await fireEvent.click(await screen.findByRole("button", { name: "Bénévoles" }));

    await fireEvent.click(within(await screen.findByTestId("team-candidates")).getByRole("checkbox", { name: /Noah Meier/ }));
    await fireEvent.click(screen.getByTestId("team-add-members"));
    await waitFor(() => expect(commands.addTeamMembers).toHaveBeenCalledWith("p1", 7, 1, [2]));

    await fireEvent.click(within(screen.getByTestId("team-members")).getByRole("checkbox", { name: /Camille Rochat/ }));
    await fireEvent.click(screen.getByTestId("team-remove-members"));
    await waitFor(() => expect(commands.removeTeamMembers).toHaveBeenCalledWith("p1", 7, 1, [1]));
    expect(commands.addTeamMembers).toHaveBeenCalledTimes(1);
  });
});

describe("Creating a team", () => {
  it("confirms the person's own action in a toast, and empties the name", async () => {
    vi.mocked(commands.teams).mockResolvedValue(ok(teams([])));
    vi.mocked(commands.createTeam).mockResolvedValue(ok(null));
    renderWithClient(client, TeamsPage, { profileId: "p1" });
    const name = (await screen.findByTestId("team-new-name")) as HTMLInputElement;
    await fireEvent.input(name, { target: { value: "Bénévoles" } });
    await fireEvent.click(screen.getByTestId("team-create"));
    await waitFor(() => expect(toast.success).toHaveBeenCalledWith("Team “Bénévoles” created."));
    expect(commands.createTeam).toHaveBeenCalledWith("p1", 7, "Bénévoles", null);
    expect(name.value).toBe("");
  });
});
