import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { detectLocale, getLocale, interpolate, setLocale, t } from "$lib/i18n";
import { dictionaries } from "$lib/i18n/all";
import { adoptSystemLanguage } from "$lib/i18n/locale.svelte";
import { setSystemLocale } from "$lib/i18n/system.svelte";
import LanguageSection from "../src/pages/settings/LanguageSection.svelte";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

beforeEach(() => {
  localStorage.clear();
  setLocale("en");
});
afterEach(() => vi.restoreAllMocks());

describe("dictionaries", () => {
  const english = leaves(dictionaries.en as unknown as Tree);
  const others = (["fr", "de", "it", "es"] as const).map(
    (locale) => [locale, leaves(dictionaries[locale] as unknown as Tree)] as const,
  );

  it.each(others)("%s has every English key and no other", (_locale, translated) => {
    expect(english.size).toBeGreaterThan(50);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(others)("%s fills in every text and keeps the same placeholders", (_locale, translated) => {
    for (const [key, text] of english) {
      const value = translated.get(key) ?? "";
      expect(value.trim(), key).not.toBe("");
      expect(placeholders(value), key).toEqual(placeholders(text));
    }
  });
});

describe("t", () => {
  it("interpolates named parameters", () => {
    expect(t("errors.MissingScope", { scope: "accounts" })).toContain("“accounts”");
    expect(interpolate("{a} and {b}", { a: 1, b: "two" })).toBe("1 and two");
  });

  it("leaves a placeholder without a value visible", () => {
    expect(interpolate("Hello {name}", {})).toBe("Hello {name}");
  });

  it("answers in the current language", () => {
    expect(t("sections.settings")).toBe("Settings");
    setLocale("fr");
    expect(t("sections.settings")).toBe("Réglages");
    setLocale("de");
    expect(t("sections.settings")).toBe(dictionaries.de.sections.settings);
    expect(t("sections.settings")).not.toBe("Settings");
  });
});

describe("locale", () => {
  it("remembers the choice", () => {
    setLocale("fr");
    expect(localStorage.getItem("ik-desk.locale")).toBe("fr");
    expect(document.documentElement.lang).toBe("fr");
    expect(detectLocale()).toBe("fr");
  });

  it("defaults to the language of the system's locale the core reads, else English", () => {
    localStorage.clear();
    // The webview's own language is not trusted: Tauri webviews get it wrong.
    vi.spyOn(navigator, "language", "get").mockReturnValue("fr-FR");
    setSystemLocale("it-CH");
    expect(detectLocale()).toBe("it");
    setSystemLocale("de-CH");
    expect(detectLocale()).toBe("de");
    setSystemLocale("pt-BR");
    expect(detectLocale()).toBe("en");
    setSystemLocale(null);
    expect(detectLocale()).toBe("en");
  });

  it("adopts the system's language at start unless the person chose one", async () => {
    localStorage.clear();
    setSystemLocale("es-ES");
    await adoptSystemLanguage();
    expect(getLocale()).toBe("es");
    expect(localStorage.getItem("ik-desk.locale")).toBeNull();
    setLocale("fr");
    setSystemLocale("de-CH");
    await adoptSystemLanguage();
    expect(getLocale()).toBe("fr");
    setSystemLocale(null);
  });

  it("switching the language re-renders the text", async () => {
    render(LanguageSection);
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Language");

    await fireEvent.change(screen.getByLabelText("Language"), { target: { value: "fr" } });

    expect(getLocale()).toBe("fr");
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Langue");
    expect(screen.getByText(/retient votre choix/)).toBeInTheDocument();
  });
});
