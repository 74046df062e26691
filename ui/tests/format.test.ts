import { afterEach, describe, expect, it, vi } from "vitest";
import { formatDateTime, formatNumber } from "$lib/format/intl";
import { setLocale } from "$lib/i18n";

afterEach(() => {
  vi.restoreAllMocks();
  setLocale("en");
});

describe("formatting follows the chosen language", () => {
  it("uses the system's region when it speaks that language", () => {
    vi.spyOn(navigator, "language", "get").mockReturnValue("fr-CH");
    setLocale("fr");
    expect(formatNumber(12345)).toBe(new Intl.NumberFormat("fr-CH").format(12345));
    expect(formatDateTime(1_735_732_800)).toMatch(/janv\. 2025/);
  });

  it("falls back to the bare language otherwise", () => {
    vi.spyOn(navigator, "language", "get").mockReturnValue("de-CH");
    setLocale("en");
    expect(formatNumber(12345)).toBe("12,345");
    expect(formatDateTime(1_735_732_800)).toMatch(/2025/);
  });
});
