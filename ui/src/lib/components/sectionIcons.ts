import Activity from "@lucide/svelte/icons/activity";
import Building2 from "@lucide/svelte/icons/building-2";
import FileText from "@lucide/svelte/icons/file-text";
import LifeBuoy from "@lucide/svelte/icons/life-buoy";
import ListChecks from "@lucide/svelte/icons/list-checks";
import Package from "@lucide/svelte/icons/package";
import Settings from "@lucide/svelte/icons/settings";
import Stethoscope from "@lucide/svelte/icons/stethoscope";
import UsersRound from "@lucide/svelte/icons/users-round";
import UserRoundCog from "@lucide/svelte/icons/user-round-cog";
import type { Component } from "svelte";
import type { SectionId } from "$lib/router/sections";

// One module per icon: the bundle carries only these, and tests need not load all of them.
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

