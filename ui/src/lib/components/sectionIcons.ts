import {
  Activity,
  Building2,
  FileText,
  LifeBuoy,
  ListChecks,
  Package,
  Settings,
  Stethoscope,
  UsersRound,
  UserRoundCog,
} from "@lucide/svelte";
import type { Component } from "svelte";
import type { SectionId } from "$lib/router/sections";

// Imported one by one so the bundle carries only these icons.
const ICONS: Partial<Record<SectionId, Component<{ size?: number; "aria-hidden"?: "true" }>>> = {
  organisations: Building2,
  users: UserRoundCog,
  teams: UsersRound,
  products: Package,
  invoices: FileText,
  supportAccess: LifeBuoy,
  checkup: ListChecks,
  activity: Activity,
  diagnostics: Stethoscope,
  settings: Settings,
};

/** The icon of a section; a section added later without one shows its name alone. */
export function iconFor(section: SectionId) {
  return ICONS[section] ?? null;
}

