import { screen } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "$lib/bindings";
import { getLocale, setLocale } from "$lib/i18n";
import { fail, ok, signedOut } from "./fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const told = vi.mocked(commands.setLocale);

beforeEach(() => {
  vi.clearAllMocks();
});

describe("The window's language reaches the core", () => {
  it("at start-up", async () => {
    vi.mocked(commands.session).mockResolvedValue(ok(signedOut));
    document.body.innerHTML = '<div id="app"></div>';
    await import("../src/main");

    expect(told).toHaveBeenCalledWith(getLocale());
    expect(await screen.findByRole("heading", { level: 1 })).toBeInTheDocument();
  });

  it("on every change", () => {
    setLocale("fr");
    expect(told).toHaveBeenLastCalledWith("fr");
    setLocale("en");
    expect(told).toHaveBeenLastCalledWith("en");
  });

  it("without ever stopping the change when the core cannot hear it", async () => {
    told.mockResolvedValueOnce(fail({ code: "Unknown" }));
    expect(() => setLocale("fr")).not.toThrow();
    told.mockRejectedValueOnce(new Error("no IPC"));
    expect(() => setLocale("en")).not.toThrow();
    told.mockImplementationOnce(() => {
      throw new Error("no window");
    });
    expect(() => setLocale("fr")).not.toThrow();
    expect(getLocale()).toBe("fr");
    await Promise.resolve();
  });
});
