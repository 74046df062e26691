import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatDate, formatDateTime, formatDaysFromNow, formatMoney, formatNumber } from "$lib/format/intl";
import { setLocale } from "$lib/i18n";
import { getRegionChoice, setRegionChoice } from "$lib/i18n/region.svelte";
import { setSystemLocale } from "$lib/i18n/system.svelte";
import LanguageSection from "../src/pages/settings/LanguageSection.svelte";

vi.mock("$lib/bindings", async () => (await import("./fixtures")).bindingsMock());

// 24 November 2026, in the afternoon.
const AT = 1_795_537_800;
const DATE_TIME = { dateStyle: "medium", timeStyle: "short" } as const;

afterEach(() => {
  vi.restoreAllMocks();
  setSystemLocale(null);
  setRegionChoice("system");
  setLocale("en");
});

// Expected texts come from Intl itself, never literals: ICU versions disagree on details such as
// the Swiss thousands apostrophe.
describe("formats follow the region, apart from the language", () => {
  it("follows the system's locale from the core, not the webview's", () => {
    vi.spyOn(navigator, "language", "get").mockReturnValue("en-US");
    setSystemLocale("de-CH");
    setLocale("de");
    expect(formatMoney(1234.5, "CHF")).toBe(new Intl.NumberFormat("de-CH", { style: "currency", currency: "CHF" }).format(1234.5));
    expect(formatNumber(12345)).toBe(new Intl.NumberFormat("de-CH").format(12345));
    expect(formatNumber(12345)).not.toBe(new Intl.NumberFormat("de-DE").format(12345));
    expect(formatDateTime(AT)).toBe(new Intl.DateTimeFormat("de-CH", DATE_TIME).format(new Date(AT * 1000)));
  });

  it("writes amounts as each Swiss region does", () => {
    for (const region of ["de-CH", "fr-CH", "it-CH"] as const) {
      setRegionChoice(region);
      expect(formatMoney(1234.5, "CHF")).toBe(new Intl.NumberFormat(region, { style: "currency", currency: "CHF" }).format(1234.5));
      expect(formatMoney(1234.5, null)).toBe(
        new Intl.NumberFormat(region, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(1234.5),
      );
    }
  });

  it("uses the region's clock: 24 hours in Britain, 12 in the United States", () => {
    setLocale("en");
    setRegionChoice("en-GB");
    const british = formatDateTime(AT);
    expect(british).toBe(new Intl.DateTimeFormat("en-GB", DATE_TIME).format(new Date(AT * 1000)));
    setRegionChoice("en-US");
    const american = formatDateTime(AT);
    expect(american).toBe(new Intl.DateTimeFormat("en-US", DATE_TIME).format(new Date(AT * 1000)));
    expect(british).not.toBe(american);
  });

  it("keeps the app's language for month names, written as in the region's country", () => {
    setLocale("it");
    setRegionChoice("de-CH");
    expect(formatDate(AT)).toBe(new Intl.DateTimeFormat("it-CH", { dateStyle: "medium" }).format(new Date(AT * 1000)));
    expect(formatNumber(12345)).toBe(new Intl.NumberFormat("de-CH").format(12345));
  });

  it("falls back to the language's own dates, with the region's clock, for a pair Intl lacks", () => {
    // Intl writes no German for the United States: German dates, with the American clock.
    setLocale("de");
    setRegionChoice("en-US");
    const h12 = { ...DATE_TIME, hourCycle: "h12" } as const;
    expect(formatDateTime(AT)).toBe(new Intl.DateTimeFormat("de", h12).format(new Date(AT * 1000)));
    expect(formatDateTime(AT)).not.toBe(new Intl.DateTimeFormat("de", DATE_TIME).format(new Date(AT * 1000)));
  });

  it("counts days from today in the app's language, with its plural forms", () => {
    setLocale("de");
    const rtf = new Intl.RelativeTimeFormat("de", { numeric: "auto" });
    expect(formatDaysFromNow(-3)).toBe(rtf.format(-3, "day"));
    expect(formatDaysFromNow(-1)).toBe(rtf.format(-1, "day"));
    expect(formatDaysFromNow(-1)).not.toBe(formatDaysFromNow(-3).replace("3", "1"));
  });

  it("without a system locale, takes the language's formats", () => {
    setSystemLocale(null);
    setLocale("fr");
    expect(formatNumber(12345)).toBe(new Intl.NumberFormat("fr").format(12345));
  });
});

describe("the region in Settings", () => {
  it("is chosen apart from the language and remembered", async () => {
    setSystemLocale("fr-CH");
    setLocale("en");
    render(LanguageSection);
    const region = screen.getByLabelText("Region formats");
    expect(region).toHaveValue("system");
    expect(screen.getByRole("option", { name: /Same as the system/ })).toHaveTextContent(
      new Intl.DisplayNames(["en"], { type: "language" }).of("fr-CH") ?? "",
    );

    await fireEvent.change(region, { target: { value: "de-AT" } });

    expect(getRegionChoice()).toBe("de-AT");
    expect(localStorage.getItem("ik-desk.region")).toBe("de-AT");
    expect(screen.getByLabelText("Language")).toHaveValue("en");
    const amount = new Intl.NumberFormat("de-AT", { style: "currency", currency: "CHF" }).format(1234.5);
    expect(document.getElementById("region-hint")?.textContent).toContain(amount);
  });

  it("reads the remembered choice back at start", async () => {
    localStorage.setItem("ik-desk.region", "it-CH");
    vi.resetModules();
    const fresh = await import("$lib/i18n/region.svelte");
    expect(fresh.getRegionChoice()).toBe("it-CH");
    localStorage.setItem("ik-desk.region", "xx-YY");
    vi.resetModules();
    expect((await import("$lib/i18n/region.svelte")).getRegionChoice()).toBe("system");
  });
});
