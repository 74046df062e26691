import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "$lib/i18n";
import DialogHost from "./harness/DialogHost.svelte";

beforeEach(() => setLocale("en"));
afterEach(() => vi.restoreAllMocks());

async function openDialog() {
  const onconfirm = vi.fn();
  const oncancel = vi.fn();
  render(DialogHost, { onconfirm, oncancel });
  const opener = screen.getByRole("button", { name: "Delete the team" });
  opener.focus();
  await fireEvent.click(opener);
  const dialog = await screen.findByRole("alertdialog", { name: "Delete Bénévoles?" });
  return { onconfirm, oncancel, opener, dialog };
}

describe("ConfirmDialog", () => {
  it("is an alert dialog named by its title and described by its body, with focus on Cancel", async () => {
    const { dialog } = await openDialog();
    expect(dialog).toHaveAttribute("data-testid", "confirm-delete");
    expect(dialog).toHaveAccessibleDescription(/Bénévoles and its 4 members/);
    await waitFor(() => expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus());
  });

  it("keeps focus inside the dialog while it is open", async () => {
    // jsdom lays nothing out, so every element looks hidden to the focus trap: give each a box.
    vi.spyOn(Element.prototype, "getClientRects").mockReturnValue([new DOMRect(0, 0, 10, 10)] as unknown as DOMRectList);
    const { opener } = await openDialog();
    const cancel = screen.getByRole("button", { name: "Cancel" });
    await waitFor(() => expect(cancel).toHaveFocus());
    opener.focus();
    await waitFor(() => expect(cancel).toHaveFocus());
  });

  it("closes on Escape as a cancel and gives focus back to the opener", async () => {
    const { onconfirm, oncancel, opener } = await openDialog();
    await waitFor(() => expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus());
    await fireEvent.keyDown(document.activeElement ?? document.body, { key: "Escape" });
    expect(oncancel).toHaveBeenCalledTimes(1);
    expect(onconfirm).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it("confirms once, without also cancelling", async () => {
    const { onconfirm, oncancel } = await openDialog();
    await fireEvent.click(screen.getByTestId("confirm"));
    expect(onconfirm).toHaveBeenCalledTimes(1);
    expect(oncancel).not.toHaveBeenCalled();
    // Gone at once, overlay included: the page takes the very next click.
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(document.querySelector("[data-alert-dialog-overlay]")).toBeNull();
  });

  it("is not dismissed by a click outside: a confirmation is answered", async () => {
    const { oncancel } = await openDialog();
    await fireEvent.pointerDown(document.body);
    await fireEvent.pointerUp(document.body);
    await fireEvent.click(document.body);
    expect(oncancel).not.toHaveBeenCalled();
    expect(screen.getByRole("alertdialog")).toBeInTheDocument();
  });
});
