import { screen } from "@testing-library/svelte";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "$lib/bindings";
import { getLocale, LOCALES, setLocale } from "$lib/i18n";
import { fail, ok, signedOut } from "./fixtures";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

const told = vi.mocked(commands.setLocale);

// The app's components (bits-ui's among them) take long to transform the first time: load them
// before the test, whose subject is what main.ts does at start-up, not how fast a cold import is.
beforeAll(async () => {
  await import("../src/App.svelte");
}, 120_000);

beforeEach(() => {
  vi.clearAllMocks();
  localStorage.clear();
});

describe("The window's language reaches the core", () => {
  it("at start-up", async () => {
    vi.mocked(commands.session).mockResolvedValue(ok(signedOut));
    document.body.innerHTML = '<div id="app"></div>';
    vi.mocked(commands.systemLocale).mockResolvedValue("it-CH");
    await import("../src/main");

    expect(await screen.findByRole("heading", { level: 1 })).toBeInTheDocument();
    // No choice was made: the system's language, read by the core, is the window's and the core's.
    expect(getLocale()).toBe("it");
    expect(told).toHaveBeenCalledWith("it");
    // Importing the whole app the first time is slow on a busy machine.
  }, 20_000);

  it("in each of the five languages, as itself", () => {
    for (const locale of LOCALES) {
      setLocale(locale);
      expect(told).toHaveBeenLastCalledWith(locale);
    }
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
