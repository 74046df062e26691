import { getCurrentWindow } from "@tauri-apps/api/window";
import { storage } from "$lib/i18n/locale.svelte";

/** "system" follows the operating system's light or dark setting, whatever it becomes. */
export const THEMES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEMES)[number];

// Kept in local storage, not in the core's settings: public/theme.js must read it synchronously
// before the first paint, and it is a preference of this computer's screen, not of a profile.
const STORAGE_KEY = "ik-desk.theme";

function isTheme(value: unknown): value is ThemeChoice {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value);
}

function savedChoice(): ThemeChoice {
  const saved = storage()?.getItem(STORAGE_KEY);
  return isTheme(saved) ? saved : "system";
}

const state = $state<{ choice: ThemeChoice }>({ choice: savedChoice() });

export function getThemeChoice(): ThemeChoice {
  return state.choice;
}

/** Applies a choice to the page (the CSS reads `data-theme`) and to the window's own frame. */
export function setThemeChoice(choice: ThemeChoice): void {
  state.choice = choice;
  if (choice === "system") storage()?.removeItem(STORAGE_KEY);
  else storage()?.setItem(STORAGE_KEY, choice);
  applyTheme(choice);
}

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === "system") delete root.dataset.theme;
  else root.dataset.theme = choice;
  // The title bar follows too; outside the Tauri window (tests, a browser) there is none.
  try {
    getCurrentWindow()
      .setTheme(choice === "system" ? null : choice)
      .catch((error: unknown) => console.warn("the window's theme was not changed", error));
  } catch (error) {
    console.warn("no window to theme", error);
  }
}
