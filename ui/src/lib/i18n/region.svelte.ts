import { getLocale, storage } from "./locale.svelte";
import { systemLocale } from "./system.svelte";

/**
 * The regions whose formats a person may choose instead of the system's: where Infomaniak's
 * customers are, Switzerland first.
 */
export const REGIONS = [
  "de-CH",
  "fr-CH",
  "it-CH",
  "en-GB",
  "en-US",
  "de-DE",
  "de-AT",
  "fr-FR",
  "it-IT",
  "es-ES",
] as const;
export type Region = (typeof REGIONS)[number];
/** "system": the formats follow the system's locale, whatever it becomes. */
export type RegionChoice = "system" | Region;

const STORAGE_KEY = "ik-desk.region";

function isRegion(value: unknown): value is Region {
  return typeof value === "string" && (REGIONS as readonly string[]).includes(value);
}

function savedChoice(): RegionChoice {
  const saved = storage()?.getItem(STORAGE_KEY);
  return isRegion(saved) ? saved : "system";
}

const state = $state<{ choice: RegionChoice }>({ choice: savedChoice() });

export function getRegionChoice(): RegionChoice {
  return state.choice;
}

export function setRegionChoice(choice: RegionChoice): void {
  state.choice = choice;
  storage()?.setItem(STORAGE_KEY, choice);
}

/** The locale whose formats apply: the chosen region, else the system's, else the language's. */
export function regionLocale(): string {
  return state.choice === "system" ? (systemLocale() ?? getLocale()) : state.choice;
}

// Resolving a locale builds a formatter, which costs more than painting a table row: each answer
// is kept per language and region (plain records: a cache, not state to react to).
const paired: Record<string, string> = {};
const clocks: Record<string, Intl.DateTimeFormatOptions["hourCycle"]> = {};

/**
 * The locale for text with words in it (month names, "in 3 days"): the app's language written
 * as in the region's country when Intl knows that pair (Italian in Switzerland: it-CH), else the
 * language alone. The region's clock (12 or 24 hours) is applied separately by `hourCycle`.
 */
export function wordsLocale(): string {
  const language = getLocale();
  const region = regionLocale();
  const key = `${language}|${region}`;
  let answer = Object.hasOwn(paired, key) ? paired[key] : undefined;
  if (answer === undefined) {
    const country = new Intl.Locale(region).region;
    const pair = country ? `${language}-${country}` : language;
    answer = new Intl.DateTimeFormat(pair).resolvedOptions().locale === pair ? pair : language;
    paired[key] = answer;
  }
  return answer;
}

/** The region's clock: "h23" where people write 14:30, "h12" where they write 2:30 PM. */
export function hourCycle(): Intl.DateTimeFormatOptions["hourCycle"] {
  const region = regionLocale();
  if (!Object.hasOwn(clocks, region)) {
    clocks[region] = new Intl.DateTimeFormat(region, { timeStyle: "short" }).resolvedOptions().hourCycle;
  }
  return clocks[region];
}
