import type { Result } from "$lib/ipc/failure";
import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  commands,
  events,
  type DataChanged,
  type IpcError,
  type OrganisationsSnapshot,
} from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import { listenForDataChanges } from "$lib/queries/events";
import OrganisationsPage from "../src/pages/organisations/OrganisationsPage.svelte";
import { deferred, fail, ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const organisations = vi.mocked(commands.organisations);
let client: QueryClient;

function renderPage() {
  return renderWithClient(client, OrganisationsPage, { profileId: "p1" });
}

beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
});
afterEach(() => client.clear());

describe("Organisations page", () => {
  it("renders one row per organisation, with roles as people know them", async () => {
    organisations.mockResolvedValue(
      ok(
        snapshot([
          organisation(),
          organisation({ id: 2, name: "Studio Web Léman", relation: "partner_admin", legalEntity: null, users: null }),
        ]),
      ),
    );
    renderPage();

    const rows = await screen.findAllByTestId("org-row");
    expect(rows).toHaveLength(2);
    expect(screen.getAllByTestId("org-name").map((c) => c.textContent)).toEqual([
      "Atelier Dupont SA",
      "Studio Web Léman",
    ]);
    expect(within(rows[0]!).getByText("Legal representative")).toBeInTheDocument();
    expect(within(rows[0]!).getByText("Company")).toBeInTheDocument();
    expect(within(rows[1]!).getByText("Partner (administrator)")).toBeInTheDocument();
    expect(within(rows[1]!).getAllByText("—")).toHaveLength(2);
    expect(screen.getByRole("table", { name: "Your organisations" })).toBeInTheDocument();
    expect(screen.getByTestId("freshness")).toHaveTextContent(/^As of .*2025/);
    expect(organisations).toHaveBeenCalledWith("p1");
  });

  it("names every legal entity type of the spec, and an unexpected one as unknown", async () => {
    organisations.mockResolvedValue(
      ok(
        snapshot([
          organisation({ id: 1, name: "A", legalEntity: "public_body" }),
          organisation({ id: 2, name: "B", legalEntity: "individual" }),
          organisation({ id: 3, name: "C", legalEntity: "unknown" }),
        ]),
      ),
    );
    renderPage();
    const rows = await screen.findAllByTestId("org-row");
    expect(within(rows[0]!).getByText("Public body")).toBeInTheDocument();
    expect(within(rows[1]!).getByText("Individual")).toBeInTheDocument();
    expect(within(rows[2]!).getByText("Unknown")).toBeInTheDocument();
  });

  it("shows a loading state until the first answer", async () => {
    const answer = deferred<Result<OrganisationsSnapshot, IpcError>>();
    organisations.mockReturnValue(answer.promise);
    renderPage();

    expect(screen.getByRole("status")).toHaveTextContent("Loading your organisations…");
    answer.resolve(ok(snapshot([organisation()])));
    expect(await screen.findByTestId("org-row")).toBeInTheDocument();
    expect(screen.queryByText("Loading your organisations…")).not.toBeInTheDocument();
  });

  it("says what to do when there is no organisation", async () => {
    organisations.mockResolvedValue(ok(snapshot([])));
    renderPage();

    expect(await screen.findByTestId("organisations-empty")).toHaveTextContent(/accept an invitation/);
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("treats an empty list still on its first sync as loading, not as empty", async () => {
    organisations.mockResolvedValueOnce(
      ok({ items: [], freshness: { fetchedAt: null, refreshing: true } }),
    );
    renderPage();

    expect(await screen.findByText("Loading your organisations…")).toBeInTheDocument();
    expect(screen.queryByTestId("organisations-empty")).not.toBeInTheDocument();
  });

  it("shows the error, the Manager hand-off, and tries again", async () => {
    const managerUrl = "https://manager.infomaniak.com/v3/ng/profile/user/token/list";
    organisations.mockResolvedValueOnce(fail({ code: "MissingScope", scope: "accounts", managerUrl }));
    renderPage();

    const notice = await screen.findByTestId("error-notice");
    expect(notice).toHaveTextContent("lacks the “accounts” permission");
    expect(within(notice).getByTestId("handoff")).toBeInTheDocument();

    organisations.mockResolvedValueOnce(ok(snapshot([organisation()])));
    await fireEvent.click(within(notice).getByRole("button", { name: "Try again" }));

    expect(await screen.findByTestId("org-row")).toBeInTheDocument();
    expect(screen.queryByTestId("error-notice")).not.toBeInTheDocument();
    expect(organisations).toHaveBeenCalledTimes(2);
  });

  it("shows Updating… while refreshing and re-reads when data-changed arrives", async () => {
    let emit: (event: { payload: DataChanged }) => void = () => {};
    vi.mocked(events.dataChanged.listen).mockImplementation(async (cb) => {
      emit = cb as typeof emit;
      return () => {};
    });
    await listenForDataChanges(client);

    organisations.mockResolvedValueOnce(ok(snapshot([organisation()], true)));
    renderPage();
    expect(await screen.findByText("Updating…")).toBeInTheDocument();

    // Another profile's change, or another area's, must not cost a re-read.
    emit({ payload: { profileId: "someone-else", area: "organisations" } });
    emit({ payload: { profileId: "p1", area: "profile" } });
    await Promise.resolve();
    expect(organisations).toHaveBeenCalledTimes(1);

    organisations.mockResolvedValueOnce(ok(snapshot([organisation(), organisation({ id: 2, name: "Neuchâtel Bikes" })])));
    emit({ payload: { profileId: "p1", area: "organisations" } });

    await waitFor(() => expect(screen.getAllByTestId("org-row")).toHaveLength(2));
    expect(screen.queryByText("Updating…")).not.toBeInTheDocument();
    expect(organisations).toHaveBeenCalledTimes(2);
  });
});
