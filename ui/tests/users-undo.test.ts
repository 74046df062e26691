import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import UsersPage from "../src/pages/users/UsersPage.svelte";
import { ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { lastDone } from "./harness/toasts";
import { rowAction } from "./harness/rowAction";
import { person, users } from "./users-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());
vi.mock("svelte-sonner", () => ({ toast: Object.assign(vi.fn(), { success: vi.fn(), error: vi.fn() }) }));


let client: QueryClient;
beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([organisation({ id: 7, name: "Atelier" })])));
  vi.mocked(commands.teams).mockResolvedValue(ok({ items: [], skipped: 0, freshness: { fetchedAt: 1_735_732_800, refreshing: false } }));
  vi.mocked(commands.productsReachable).mockResolvedValue(ok([]));
  vi.mocked(commands.setMemberSettings).mockResolvedValue(ok(null));
  vi.mocked(commands.updateInvitation).mockResolvedValue(ok(null));
});
afterEach(() => client.clear());

async function openPanel(index: number, people: Parameters<typeof users>[0]) {
  vi.mocked(commands.users).mockResolvedValue(ok(users(people)));
  renderWithClient(client, UsersPage, { profileId: "p1" });
  const rows = await screen.findAllByTestId("person-row");
  await rowAction(rows[index] as HTMLElement, "person-details");
}

describe("Undo in the people panel's toast", () => {
  it("gives a member back the rights and contacts they had before", async () => {
    await openPanel(0, [person(2, "Noah Meier", { role: "administrator", contactBilling: true })]);
    await fireEvent.click(screen.getByTestId("person-billing"));
    await fireEvent.click(screen.getByTestId("person-save"));
    await waitFor(() => expect(lastDone().message).toBe("Rights and contacts of Noah Meier saved."));
    expect(commands.setMemberSettings).toHaveBeenLastCalledWith("p1", 7, 2, { billingAccess: true, contactProducts: false, contactBilling: true });
    lastDone().action?.onClick();
    await waitFor(() =>
      expect(commands.setMemberSettings).toHaveBeenLastCalledWith("p1", 7, 2, { billingAccess: false, contactProducts: false, contactBilling: true }),
    );
  });

  it("sends an invitation's previous role back", async () => {
    const invited = { userId: null, invitationId: 40, pending: true, key: "i40" };
    await openPanel(0, [person(4, "Invited Person", invited)]);
    await fireEvent.change(screen.getByTestId("invitation-role"), { target: { value: "administrator" } });
    await fireEvent.click(screen.getByTestId("person-save"));
    await waitFor(() => expect(lastDone().message).toBe("Invitation of Invited Person updated."));
    lastDone().action?.onClick();
    await waitFor(() => expect(commands.updateInvitation).toHaveBeenLastCalledWith("p1", 7, 40, expect.objectContaining({ role: "collaborator" })));
  });

  it("offers no undo when the invitation's role was one this version does not know", async () => {
    await openPanel(0, [person(4, "Invited Person", { userId: null, invitationId: 40, pending: true, key: "i40", role: "unknown" })]);
    await fireEvent.change(screen.getByTestId("invitation-role"), { target: { value: "administrator" } });
    await fireEvent.click(screen.getByTestId("person-save"));
    await waitFor(() => expect(lastDone().message).toBe("Invitation of Invited Person updated."));
    expect(lastDone().action).toBeUndefined();
  });
});
