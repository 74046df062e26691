import { fireEvent, screen, waitFor, within } from "@testing-library/svelte";
import type { QueryClient } from "@tanstack/svelte-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "$lib/bindings";
import { setLocale } from "$lib/i18n";
import { createQueryClient } from "$lib/queries/client";
import InvitePanel from "../src/pages/users/InvitePanel.svelte";
import { fail, ok } from "./fixtures";
import { renderWithClient } from "./harness/render";
import { productRow, productsView } from "./products-fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

let client: QueryClient;
let ondone: ReturnType<typeof vi.fn<() => void>>;
beforeEach(() => {
  setLocale("en");
  vi.clearAllMocks();
  client = createQueryClient();
  ondone = vi.fn<() => void>();
  vi.mocked(commands.teams).mockResolvedValue(ok({ items: [], skipped: 0, freshness: { fetchedAt: 1, refreshing: false } }));
  vi.mocked(commands.products).mockResolvedValue(
    ok(
      productsView({
        items: [
          productRow({ id: 70, accountId: 7, name: "kDrive Clients", service: "drive" }),
          productRow({ id: 71, accountId: 7, name: "kSuite Atelier", service: "ksuite" }),
          productRow({ id: 90, accountId: 9, name: "kDrive elsewhere", service: "drive" }),
        ],
      }),
    ),
  );
});
afterEach(() => client.clear());

const render = () =>
  renderWithClient(client, InvitePanel, { profileId: "p1", accountId: 7, organisation: "Atelier", ondone });

async function fillAndChoose() {
  render();
  await fireEvent.input(screen.getByTestId("invite-email"), { target: { value: "noe@example.ch" } });
  const products = await screen.findByTestId("invite-products");
  await waitFor(() => expect(within(products).getAllByTestId("invite-drive")).toHaveLength(1));
  await fireEvent.click(within(products).getByTestId("invite-drive"));
  await fireEvent.change(within(products).getByTestId("invite-drive-right"), { target: { value: "write" } });
  await fireEvent.click(within(products).getByTestId("invite-kchat"));
  const kchatAdmin = within(products).getAllByRole("checkbox", { name: "Administrator" })[1];
  if (!kchatAdmin) throw new Error("kChat has no administrator box");
  await fireEvent.click(kchatAdmin);
}

describe("Products given with an invitation", () => {
  it("offers this organisation's kDrives and kSuite/kChat, and sends exactly what was chosen", async () => {
    vi.mocked(commands.inviteUser).mockResolvedValue(ok({ accessRefused: [] }));
    await fillAndChoose();
    expect(screen.queryByText("kDrive elsewhere")).not.toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("invite-submit"));
    await waitFor(() => expect(ondone).toHaveBeenCalled());
    expect(vi.mocked(commands.inviteUser).mock.calls[0]?.[2].productAccess).toEqual([
      { kind: "drive", productId: 70, right: "write", admin: false },
      { kind: "kchat", admin: true },
    ]);
  });

  it("says which products were refused after the invitation went, and closes only when asked", async () => {
    vi.mocked(commands.inviteUser).mockResolvedValue(
      ok({
        accessRefused: [
          { product: "kDrive Clients", code: "Validation", scope: null, errorCode: "validation_failed", message: "drive_id is unknown" },
        ],
      }),
    );
    await fillAndChoose();
    await fireEvent.click(screen.getByTestId("invite-submit"));
    const refused = await screen.findByTestId("invite-refused");
    // The person's language first; the API's English detail only under "Technical details".
    expect(refused).toHaveTextContent("kDrive Clients: Infomaniak refused some of the information.");
    expect(within(refused).getByText("drive_id is unknown").closest("details")).not.toBeNull();
    expect(ondone).not.toHaveBeenCalled();
    await fireEvent.click(within(refused).getByRole("button", { name: "Close" }));
    expect(ondone).toHaveBeenCalled();
  });

  it("says when there is nothing to give", async () => {
    vi.mocked(commands.products).mockResolvedValue(ok(productsView({ items: [] })));
    render();
    expect(await screen.findByText(/no kDrive, mail service, kSuite or kChat to give/)).toBeInTheDocument();
  });

  it("gives a mailbox of this organisation's mail service by name, and marks a refused name", async () => {
    vi.mocked(commands.products).mockResolvedValue(
      ok(productsView({ items: [productRow({ id: 80, accountId: 7, name: "atelier.ch", service: "email_hosting" })] })),
    );
    vi.mocked(commands.inviteUser).mockResolvedValueOnce(
      fail({ code: "Validation", message: "mailbox_name: not a mailbox name", field: "mailbox_name" }),
    );
    render();
    await fireEvent.input(screen.getByTestId("invite-email"), { target: { value: "noe@example.ch" } });
    const products = await screen.findByTestId("invite-products");
    await fireEvent.click(await within(products).findByTestId("invite-mailbox"));
    expect(within(products).getByText("@atelier.ch")).toBeInTheDocument();
    await fireEvent.input(within(products).getByTestId("invite-mailbox-name"), { target: { value: "noe@" } });
    await fireEvent.click(within(products).getByTestId("invite-mailbox-manage"));
    await fireEvent.click(screen.getByTestId("invite-submit"));

    const sent = vi.mocked(commands.inviteUser).mock.calls[0]?.[2];
    expect(sent?.productAccess).toEqual([{ kind: "mailbox", serviceId: 80, mailboxName: "noe@", manage: true }]);
    // The name is marked, and the form keeps what was typed.
    expect(await screen.findByTestId("mailbox-error")).toHaveTextContent("Type only the part before the @");
    // Announced, and said with the group the name is in.
    expect(screen.getByTestId("mailbox-error")).toHaveAttribute("role", "alert");
    expect(screen.getByRole("group", { name: "Products they get" })).toHaveAccessibleDescription(/Type only the part before the @/);
    expect(within(products).getByTestId("invite-mailbox-name")).toHaveValue("noe@");
    expect(within(products).getByTestId("invite-mailbox-name")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("error-notice")).toBeNull();
  });
});
