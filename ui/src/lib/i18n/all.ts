import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { it } from "./it";
import type { Locale } from "./locale.svelte";
import type { Dictionary } from "./types";

/** Every language at once: for the tests that compare them. The app loads one at a time. */
export const dictionaries: Record<Locale, Dictionary> = { en, fr, de, it, es };
