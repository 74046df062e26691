import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type BulkPreview, type BulkProgress, type BulkResult, type BulkRow } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import UsersPage from "../src/pages/users/UsersPage.svelte";
import { duration, rowsToResume, tally } from "../src/pages/users/bulk/bulk";
import { ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { person, users } from "./users-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());
vi.mock("@tauri-apps/api/core", () => ({
  Channel: class {
    onmessage: (m: unknown) => void = () => {};
  },
}));

const row = (line: number, email: string, extra: Partial<BulkRow> = {}): BulkRow => ({
  line,
  email,
  firstName: "Ann",
  lastName: `Person ${line}`,
  role: "collaborator",
  locale: "fr_FR",
  teams: [],
  teamIds: [],
  billingAccess: false,
  problems: [],
  ...extra,
});

const rows = [
  row(2, "a@example.ch", { teams: ["Sales"], teamIds: [9] }),
  row(3, "not an address", { problems: [{ kind: "bad_address" }] }),
  row(4, "b@example.ch"),
  row(5, "a@example.ch", { problems: [{ kind: "duplicate_in_file", line: 2 }] }),
];
const preview: BulkPreview = { rows, ready: 2, seconds: 3 };
const result = (line: number, email: string, outcome: BulkResult["outcome"]): BulkResult => ({ line, email, outcome });

let client: QueryClient;
beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([organisation({ id: 7, name: "Atelier" })])));
  vi.mocked(commands.users).mockResolvedValue(ok(users([person(1, "Camille Rochat")])));
  vi.mocked(commands.previewInvitationFile).mockResolvedValue(ok(preview));
});
afterEach(() => client.clear());

async function openAndChoose() {
  renderWithClient(client, UsersPage, { profileId: "p1" });
  await fireEvent.click(await screen.findByTestId("bulk-open"));
  await fireEvent.click(await screen.findByTestId("bulk-choose"));
}

describe("Invite from a file", () => {
  it("checks every row before anything is sent and says how long sending takes", async () => {
    await openAndChoose();
    expect(commands.previewInvitationFile).toHaveBeenCalledWith("p1", 7, "en_GB");
    expect(await screen.findAllByTestId("bulk-row")).toHaveLength(4);
    const states = screen.getAllByTestId("bulk-row-state").map((c) => c.textContent);
    expect(states).toEqual(["Ready to send", "Not an e-mail address", "Ready to send", "Same address as row 2"]);
    expect(screen.getByTestId("bulk-summary")).toHaveTextContent("4 rows: 2 ready, 2 with a problem.");
    expect(screen.getByTestId("bulk-summary")).toHaveTextContent("about 3 seconds");
    expect(screen.getByTestId("bulk-send")).toHaveTextContent("Send 2 invitations");
    expect(commands.sendInvitations).not.toHaveBeenCalled();
  });

  it("sends only the ready rows, shows each result as it comes, and resumes with what is left", async () => {
    vi.mocked(commands.sendInvitations).mockImplementationOnce(async (_p, _a, sent, channel) => {
      const progress: BulkProgress = { done: 1, total: sent.length, secondsLeft: 2, result: result(2, "a@example.ch", { kind: "sent", invitation_id: 50 }) };
      (channel as unknown as { onmessage: (p: BulkProgress) => void }).onmessage(progress);
      return ok({ results: [progress.result, result(4, "b@example.ch", { kind: "stopped" })], stopped: true });
    });
    await openAndChoose();
    await fireEvent.click(await screen.findByTestId("bulk-send"));
    const sent = vi.mocked(commands.sendInvitations).mock.calls[0]?.[2] as BulkRow[];
    expect(sent.map((r) => r.line)).toEqual([2, 4]);
    await waitFor(() => expect(screen.getByTestId("bulk-done")).toHaveTextContent("1 sent, 0 refused, 2 not sent because of a problem, 0 unknown."));
    expect(screen.getAllByTestId("bulk-row-state")[0]).toHaveTextContent("Sent");
    expect(screen.getByTestId("bulk-export")).toBeInTheDocument();

    vi.mocked(commands.sendInvitations).mockResolvedValueOnce(
      ok({ results: [result(4, "b@example.ch", { kind: "refused", code: "object_already_exists", message: "exists" })], stopped: false }),
    );
    const resume = screen.getByTestId("bulk-send");
    expect(resume).toHaveTextContent("Resume: 1 row left");
    await fireEvent.click(resume);
    const again = vi.mocked(commands.sendInvitations).mock.calls[1]?.[2] as BulkRow[];
    expect(again.map((r) => r.line)).toEqual([4]);
    await waitFor(() => expect(screen.getAllByTestId("bulk-row-state")[2]).toHaveTextContent("a member already uses this address"));
    expect(screen.queryByTestId("bulk-send")).toBeNull();
  });

  it("is worded in the person's language", async () => {
    setLocale("fr");
    await openAndChoose();
    expect(await screen.findByTestId("bulk-summary")).toHaveTextContent("4 lignes : 2 prêtes, 2 avec un problème.");
    expect(screen.getByTestId("bulk-send")).toHaveTextContent("Envoyer 2 invitations");
    expect(commands.previewInvitationFile).toHaveBeenCalledWith("p1", 7, "fr_FR");
  });
});

describe("What is left and how long it takes", () => {
  it("resumes stopped, lost and unknown rows, never sent or refused ones", () => {
    const done = new Map<number, BulkResult>([
      [2, result(2, "a", { kind: "sent", invitation_id: 1 })],
      [4, result(4, "b", { kind: "unknown" })],
    ]);
    const more = [...rows, row(6, "c@example.ch"), row(7, "d@example.ch")];
    done.set(6, result(6, "c", { kind: "refused", code: null, message: "no" }));
    done.set(7, result(7, "d", { kind: "not_sent", code: null }));
    expect(rowsToResume(more, done).map((r) => r.line)).toEqual([4, 7]);
    expect(tally(more, done)).toEqual({ sent: 1, refused: 2, skipped: 2, unknown: 1 });
  });

  it("counts seconds below a minute and whole minutes above", () => {
    expect(duration(1)).toBe("1 second");
    expect(duration(59)).toBe("59 seconds");
    expect(duration(61)).toBe("2 minutes");
  });
});
