import { fireEvent, render, screen } from "@testing-library/svelte";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "$lib/i18n";
import { setThemeChoice } from "$lib/theme/theme.svelte";
import ThemeSection from "../src/pages/settings/ThemeSection.svelte";

const setTheme = vi.fn(async (_theme: string | null) => {});
vi.mock("@tauri-apps/api/window", () => ({ getCurrentWindow: () => ({ setTheme }) }));

beforeEach(() => {
  setLocale("en");
  localStorage.clear();
  setThemeChoice("system");
  setTheme.mockClear();
});
afterEach(() => setThemeChoice("system"));

describe("Theme choice", () => {
  it("follows the system by default and says so", () => {
    render(ThemeSection);
    expect(screen.getByRole("radio", { name: "Same as the system" })).toBeChecked();
    expect(screen.getByText(/follows your operating system/)).toBeInTheDocument();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it("applies Dark to the page and the window, and remembers it for the next start", async () => {
    render(ThemeSection);
    await fireEvent.click(screen.getByRole("radio", { name: "Dark" }));
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(setTheme).toHaveBeenLastCalledWith("dark");
    expect(localStorage.getItem("ik-desk.theme")).toBe("dark");
    expect(screen.queryByText(/follows your operating system/)).not.toBeInTheDocument();

    await fireEvent.click(screen.getByRole("radio", { name: "Same as the system" }));
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(setTheme).toHaveBeenLastCalledWith(null);
    expect(localStorage.getItem("ik-desk.theme")).toBeNull();
  });

  it("is applied before the first paint by the start-up script", () => {
    localStorage.setItem("ik-desk.theme", "light");
    delete document.documentElement.dataset.theme;
    new Function(readFileSync("public/theme.js", "utf8"))();
    expect(document.documentElement.dataset.theme).toBe("light");
  });

  it("says before the first paint whether the window runs on Linux, whose font the tokens pick", () => {
    const runOn = (userAgent: string) => {
      const agent = vi.spyOn(navigator, "userAgent", "get").mockReturnValue(userAgent);
      delete document.documentElement.dataset.os;
      new Function(readFileSync("public/theme.js", "utf8"))();
      agent.mockRestore();
      return document.documentElement.dataset.os;
    };
    expect(runOn("Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko)")).toBe("linux");
    expect(runOn("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)")).toBeUndefined();
    expect(runOn("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Edg/131.0")).toBeUndefined();
  });

  it("is offered in every language", () => {
    setLocale("de");
    render(ThemeSection);
    expect(screen.getByRole("radio", { name: "Dunkel" })).toBeInTheDocument();
  });
});
