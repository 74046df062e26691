import { fireEvent, render, screen } from "@testing-library/svelte";
import axe from "axe-core";
import { beforeEach, describe, expect, it } from "vitest";
import { setLocale } from "$lib/i18n";
import FieldHost from "./harness/FieldHost.svelte";

beforeEach(() => setLocale("en"));

describe("Field", () => {
  it("labels its control and describes it by its hint", () => {
    render(FieldHost, { hint: "Where the invitation is sent." });
    const input = screen.getByLabelText("E-mail");
    expect(input).toHaveAttribute("data-testid", "email");
    expect(input).toHaveAccessibleDescription("Where the invitation is sent.");
    expect(input).not.toHaveAttribute("aria-invalid");
  });

  it("ties a refusal to its control, read before the hint, and keeps what was typed", async () => {
    const { rerender } = render(FieldHost, { hint: "Where the invitation is sent." });
    const input = screen.getByLabelText("E-mail") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "lea@" } });
    await rerender({ hint: "Where the invitation is sent.", error: "This is not an e-mail address." });
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("This is not an e-mail address. Where the invitation is sent.");
    expect(screen.getByTestId("field-error")).toHaveAttribute("role", "alert");
    expect(input.value).toBe("lea@");
    await rerender({ hint: "Where the invitation is sent.", error: null });
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByTestId("field-error")).toBeNull();
    expect(input.value).toBe("lea@");
  });

  it("marks a required field for the eye and for assistive technology, in the app's language", () => {
    setLocale("fr");
    render(FieldHost, { required: true });
    const input = screen.getByLabelText(/E-mail/);
    expect(input).toHaveAttribute("aria-required", "true");
    expect(screen.getByText("(obligatoire)")).toHaveClass("visually-hidden");
  });

  it("keeps the id a page gives, and gives two fields without one different ids", () => {
    render(FieldHost, { id: "invite-email" });
    render(FieldHost, {});
    const [given, other] = screen.getAllByRole("textbox");
    expect(given).toHaveAttribute("id", "invite-email");
    expect(other?.id).toBeTruthy();
    expect(other?.id).not.toBe("invite-email");
  });

  it("keeps naming its control when the label is shown to assistive technology only", () => {
    render(FieldHost, { hideLabel: true, hint: "Where it goes." });
    const input = screen.getByLabelText("E-mail");
    expect(screen.getByText("E-mail")).toHaveClass("visually-hidden");
    expect(input).toHaveAccessibleDescription("Where it goes.");
  });

  it("has no accessibility violation, refused or not", async () => {
    const { container } = render(FieldHost, { required: true, hint: "Where it goes.", error: "Refused." });
    const result = await axe.run(container, { rules: { "color-contrast": { enabled: false }, region: { enabled: false } } });
    expect(result.violations).toEqual([]);
  });
});
