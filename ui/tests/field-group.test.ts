import { fireEvent, render, screen } from "@testing-library/svelte";
import axe from "axe-core";
import { beforeEach, describe, expect, it } from "vitest";
import { setLocale } from "$lib/i18n";
import GroupHost from "./harness/GroupHost.svelte";

beforeEach(() => setLocale("en"));

describe("FieldGroup", () => {
  it("names the group of choices by its legend, and each choice by its label and detail", () => {
    render(GroupHost);
    const group = screen.getByRole("group", { name: "Products to give" });
    expect(group.tagName).toBe("FIELDSET");
    expect(group).toHaveAttribute("data-testid", "products");
    expect(group).not.toHaveAttribute("aria-describedby");
    expect(screen.getByTestId("mailbox")).not.toHaveAttribute("aria-invalid");
    expect(screen.getByRole("checkbox", { name: "kDrive (2 TB)" })).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "kChat" })).toBeInTheDocument();
  });

  it("describes the group by its hint", () => {
    render(GroupHost, { hint: "They can be given later." });
    expect(screen.getByRole("group", { name: "Products to give" })).toHaveAccessibleDescription("They can be given later.");
  });

  it("announces a refusal, marks what it is about invalid, reads it before the hint, and keeps what was chosen", async () => {
    const { rerender } = render(GroupHost, { hint: "They can be given later." });
    await fireEvent.click(screen.getByRole("checkbox", { name: "kChat" }));
    await fireEvent.input(screen.getByTestId("mailbox"), { target: { value: "noe@" } });
    await rerender({ hint: "They can be given later.", error: "Type only the part before the @." });

    const group = screen.getByRole("group", { name: "Products to give" });
    expect(group).toHaveAccessibleDescription("Type only the part before the @. They can be given later.");
    expect(screen.getByTestId("products-error")).toHaveAttribute("role", "alert");
    // A control the refusal is about is marked, and points at it.
    expect(screen.getByTestId("mailbox")).toBeInvalid();
    expect(screen.getByTestId("mailbox")).toHaveAccessibleDescription("Type only the part before the @.");
    expect(screen.getByRole("checkbox", { name: "kChat" })).toBeChecked();
    expect(screen.getByTestId("mailbox")).toHaveValue("noe@");

    await rerender({ hint: "They can be given later.", error: null });
    expect(screen.getByTestId("mailbox")).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByTestId("products-error")).toBeNull();
    expect(screen.getByTestId("mailbox")).not.toHaveAttribute("aria-describedby");
  });

  it("ticks a choice from its label and describes it by its own hint", async () => {
    render(GroupHost, { choiceHint: "Shared with the team." });
    await fireEvent.click(screen.getByText("kDrive"));
    expect(screen.getByTestId("chosen")).toHaveTextContent("kDrive");
    expect(screen.getByRole("checkbox", { name: "kDrive (2 TB)" })).toHaveAccessibleDescription("Shared with the team.");
    expect(screen.getByRole("checkbox", { name: "kChat" })).not.toHaveAccessibleDescription();
  });

  it("gives its legend a heading's level where it heads a page's section", () => {
    render(GroupHost, { heading: 2 });
    expect(screen.getByRole("heading", { level: 2, name: "Products to give" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Products to give" })).toBeInTheDocument();
  });

  it("disables every choice at once", () => {
    render(GroupHost, { disabled: true });
    expect(screen.getByRole("checkbox", { name: "kChat" })).toBeDisabled();
    expect(screen.getByTestId("mailbox")).toBeDisabled();
  });

  it("has no accessibility violation, refused or not", async () => {
    const { container } = render(GroupHost, { hint: "Later too.", choiceHint: "Shared.", error: "Refused.", heading: 3 });
    const result = await axe.run(container, { rules: { "color-contrast": { enabled: false }, region: { enabled: false } } });
    expect(result.violations).toEqual([]);
  });
});
