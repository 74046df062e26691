import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { toast } from "svelte-sonner";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type TeamRow, type TeamsSnapshot } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import TeamsPage from "../src/pages/teams/TeamsPage.svelte";
import { fail, ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { lastDone } from "./harness/toasts";
import { person, users } from "./users-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());
vi.mock("svelte-sonner", () => ({ toast: Object.assign(vi.fn(), { success: vi.fn(), error: vi.fn() }) }));

const team = (extra: Partial<TeamRow> = {}): TeamRow => ({
  id: 1,
  name: "Bénévoles",
  leaderId: null,
  leaderName: null,
  memberCount: 1,
  productCount: 0,
  serviceIds: [],
  ...extra,
});
const teams = (items: TeamRow[]): TeamsSnapshot => ({ items, skipped: 0, freshness: { fetchedAt: 1_735_732_800, refreshing: false } });


let client: QueryClient;
beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([organisation({ id: 7, name: "Atelier" })])));
  vi.mocked(commands.users).mockResolvedValue(
    ok(users([person(1, "Camille Rochat", { teamIds: [1] }), person(2, "Noah Meier")])),
  );
  vi.mocked(commands.teamServices).mockResolvedValue(ok([]));
  vi.mocked(commands.updateTeam).mockResolvedValue(ok(null));
  vi.mocked(commands.addTeamMembers).mockResolvedValue(ok(null));
  vi.mocked(commands.removeTeamMembers).mockResolvedValue(ok(null));
});
afterEach(() => client.clear());

async function openTeam(row: TeamRow) {
  vi.mocked(commands.teams).mockResolvedValue(ok(teams([row])));
  renderWithClient(client, TeamsPage, { profileId: "p1" });
  await fireEvent.click(await screen.findByRole("button", { name: row.name }));
}

describe("Undo in the teams' toasts", () => {
  it("undoes a rename by renaming back to the name it had, never by sending the new one again", async () => {
    await openTeam(team());
    await fireEvent.input(screen.getByTestId("team-rename-input"), { target: { value: "Volontaires" } });
    await fireEvent.click(screen.getByTestId("team-rename"));
    await waitFor(() => expect(toast.success).toHaveBeenCalled());
    const { message, action } = lastDone();
    expect(message).toBe("Team “Bénévoles” renamed “Volontaires”.");
    expect(action?.label).toBe("Undo");

    action?.onClick();
    await waitFor(() => expect(commands.updateTeam).toHaveBeenCalledTimes(2));
    expect(commands.updateTeam).toHaveBeenLastCalledWith("p1", 7, 1, { name: "Bénévoles", leaderId: null, serviceIds: null });
    await waitFor(() => expect(lastDone().message).toBe("Undone."));
    expect(lastDone().action).toBeUndefined();
  });

  it("offers no undo when the answer was lost and the change may or may not be done", async () => {
    vi.mocked(commands.updateTeam).mockResolvedValue(fail({ code: "OutcomeUnknown" }));
    await openTeam(team());
    await fireEvent.input(screen.getByTestId("team-rename-input"), { target: { value: "Volontaires" } });
    await fireEvent.click(screen.getByTestId("team-rename"));
    await waitFor(() => expect(commands.updateTeam).toHaveBeenCalledTimes(1));
    // The panel says the change may have been made; only then is it certain no toast will come.
    expect(await within(screen.getByTestId("team-panel")).findByTestId("error-notice")).toHaveAttribute("data-code", "OutcomeUnknown");
    expect(toast.success).not.toHaveBeenCalled();
  });

  it("undoes added members by removing the same people, and removed ones by adding them back", async () => {
    await openTeam(team());
    await fireEvent.click(within(await screen.findByTestId("team-candidates")).getByRole("checkbox", { name: /Noah Meier/ }));
    await fireEvent.click(screen.getByTestId("team-add-members"));
    await waitFor(() => expect(toast.success).toHaveBeenCalledTimes(1));
    expect(lastDone().message).toBe("1 person added to “Bénévoles”.");
    lastDone().action?.onClick();
    await waitFor(() => expect(commands.removeTeamMembers).toHaveBeenCalledWith("p1", 7, 1, [2]));
    expect(commands.addTeamMembers).toHaveBeenCalledTimes(1);

    await fireEvent.click(within(screen.getByTestId("team-members")).getByRole("checkbox", { name: /Camille Rochat/ }));
    await fireEvent.click(screen.getByTestId("team-remove-members"));
    await waitFor(() => expect(lastDone().message).toBe("1 person removed from “Bénévoles”."));
    lastDone().action?.onClick();
    await waitFor(() => expect(commands.addTeamMembers).toHaveBeenLastCalledWith("p1", 7, 1, [1]));
  });

  it("gives a removed leader back both the membership and the lead", async () => {
    await openTeam(team({ leaderId: 1, leaderName: "Camille Rochat" }));
    await fireEvent.click(within(screen.getByTestId("team-members")).getByRole("checkbox", { name: /Camille Rochat/ }));
    await fireEvent.click(screen.getByTestId("team-remove-members"));
    await waitFor(() => expect(lastDone().message).toBe("1 person removed from “Bénévoles”."));
    lastDone().action?.onClick();
    await waitFor(() => expect(commands.updateTeam).toHaveBeenLastCalledWith("p1", 7, 1, { name: null, leaderId: 1, serviceIds: null }));
    expect(commands.addTeamMembers).toHaveBeenLastCalledWith("p1", 7, 1, [1]);
  });

  it("gives the previous leader back", async () => {
    await openTeam(team({ leaderId: 1, leaderName: "Camille Rochat" }));
    await fireEvent.change(screen.getByTestId("team-leader"), { target: { value: "2" } });
    await waitFor(() => expect(lastDone().message).toBe("Noah Meier now leads “Bénévoles”."));
    lastDone().action?.onClick();
    await waitFor(() => expect(commands.updateTeam).toHaveBeenLastCalledWith("p1", 7, 1, { name: null, leaderId: 1, serviceIds: null }));
  });

  it("says a change without a previous state to restore without an Undo", async () => {
    await openTeam(team({ leaderId: null }));
    await fireEvent.change(screen.getByTestId("team-leader"), { target: { value: "2" } });
    await waitFor(() => expect(lastDone().message).toBe("Noah Meier now leads “Bénévoles”."));
    expect(lastDone().action).toBeUndefined();
  });

  it("undoes services saved by granting again what the team granted before", async () => {
    vi.mocked(commands.teamServices).mockResolvedValue(ok([{ id: 3, name: "kDrive", products: 2 }, { id: 4, name: "Mail", products: 1 }]));
    await openTeam(team({ serviceIds: [4] }));
    const services = await screen.findByTestId("team-services");
    await fireEvent.click((await within(services).findAllByRole("checkbox"))[0] as HTMLElement);
    await fireEvent.click(within(services).getByTestId("team-save-services"));
    await waitFor(() => expect(lastDone().message).toBe("Services of “Bénévoles” saved."));
    expect(commands.updateTeam).toHaveBeenLastCalledWith("p1", 7, 1, { name: null, leaderId: null, serviceIds: [4, 3] });
    lastDone().action?.onClick();
    await waitFor(() => expect(commands.updateTeam).toHaveBeenLastCalledWith("p1", 7, 1, { name: null, leaderId: null, serviceIds: [4] }));
  });

  it("says when an undo was refused", async () => {
    await openTeam(team());
    await fireEvent.input(screen.getByTestId("team-rename-input"), { target: { value: "Volontaires" } });
    await fireEvent.click(screen.getByTestId("team-rename"));
    await waitFor(() => expect(toast.success).toHaveBeenCalled());
    vi.mocked(commands.updateTeam).mockResolvedValue(fail({ code: "NotFound" }));
    lastDone().action?.onClick();
    await waitFor(() => expect(toast.error).toHaveBeenCalledWith("The change could not be undone.", expect.anything()));
  });
});

describe("A refused team name", () => {
  it("is said under the name field, which keeps what was typed", async () => {
    vi.mocked(commands.teams).mockResolvedValue(ok(teams([])));
    vi.mocked(commands.createTeam).mockResolvedValue(fail({ code: "Validation", field: "name" }));
    renderWithClient(client, TeamsPage, { profileId: "p1" });
    const name = (await screen.findByTestId("team-new-name")) as HTMLInputElement;
    await fireEvent.input(name, { target: { value: "   " } });
    await fireEvent.click(screen.getByTestId("team-create"));
    expect(await screen.findByTestId("field-error")).toHaveTextContent("A team's name has 1 to 128 characters.");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription("A team's name has 1 to 128 characters.");
    expect(name.value).toBe("   ");
    expect(screen.queryByText(/refused the value/)).toBeNull();
  });
});
