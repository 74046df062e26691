import { fireEvent, screen, waitFor } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import UsersPage from "../src/pages/users/UsersPage.svelte";
import { ok, organisation, snapshot } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { person, users } from "./users-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const SIZE = 10_000;
/** Every tenth person is a pending invitation; the last one has a name nobody else shares. */
const crowd = Array.from({ length: SIZE }, (_, i) =>
  i % 10 === 9
    ? person(i + 1, `Guest ${i + 1}`, { userId: null, invitationId: i + 1, pending: true, key: `i${i + 1}` })
    : person(i + 1, i === SIZE - 2 ? "Zoé Dernier" : `Member ${i + 1}`),
);
const members = crowd.filter((p) => !p.pending).length;

let client: QueryClient;
beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  vi.mocked(commands.organisations).mockResolvedValue(ok(snapshot([organisation({ id: 7, name: "Atelier" })])));
  vi.mocked(commands.users).mockResolvedValue(ok(users(crowd)));
});
afterEach(() => client.clear());

const render = () => renderWithClient(client, UsersPage, { profileId: "p1" });
const rows = () => screen.getAllByTestId("person-row");
const table = () => screen.getByRole("table");

describe("Users page with 10,000 people", () => {
  it("paints only a window of rows and tells assistive technology how many there are", async () => {
    render();
    await screen.findAllByTestId("person-row");
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(60);
    expect(table()).toHaveAttribute("aria-rowcount", String(SIZE + 1));
    expect(rows()[1]).toHaveAttribute("aria-rowindex", "3");
  });

  it("searches all of them, not only the painted rows", async () => {
    render();
    await screen.findAllByTestId("person-row");
    await fireEvent.input(screen.getByTestId("users-search"), { target: { value: "zoé" } });
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent("Zoé Dernier");
    expect(table()).toHaveAttribute("aria-rowcount", "2");
  });

  it("sorts all of them", async () => {
    render();
    await screen.findAllByTestId("person-row");
    await fireEvent.click(screen.getByTestId("sort-name"));
    await fireEvent.click(screen.getByTestId("sort-name"));
    expect(rows()[0]).toHaveTextContent("Zoé Dernier");
    expect(screen.getByTestId("sort-name").closest("th")).toHaveAttribute("aria-sort", "descending");
  });

  it("selects every member the filters keep, painted or not", async () => {
    render();
    await screen.findAllByTestId("person-row");
    await fireEvent.click(screen.getByTestId("select-all"));
    expect(screen.getByTestId("remove-selected")).toHaveTextContent(`Remove the ${members} selected`);

    await fireEvent.click(screen.getByTestId("select-all"));
    expect(screen.queryByTestId("remove-selected")).toBeNull();

    // "Member 99" matches Member 99, 990..998 and 9900..9998 except the invitations and the renamed one.
    await fireEvent.input(screen.getByTestId("users-search"), { target: { value: "member 99" } });
    await fireEvent.click(screen.getByTestId("select-all"));
    const kept = crowd.filter((p) => !p.pending && p.name.toLowerCase().includes("member 99")).length;
    expect(screen.getByTestId("remove-selected")).toHaveTextContent(`Remove the ${kept} selected`);
    expect(kept).toBeGreaterThan(rows().length);
  });

  it("walks rows with the arrow keys and opens the focused one with Enter", async () => {
    render();
    await screen.findAllByTestId("person-row");
    const first = rows()[0] as HTMLElement;
    expect(first).toHaveAttribute("tabindex", "0");
    first.focus();
    await fireEvent.keyDown(first, { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement).toBe(rows()[1]));
    expect(rows()[1]).toHaveAttribute("tabindex", "0");
    expect(first).toHaveAttribute("tabindex", "-1");
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: "Enter" });
    expect(await screen.findByTestId("person-panel")).toHaveTextContent("Member 2");
  });
});
