import type { UsersSnapshot, Person } from "$lib/bindings";

/** A member (or, with `extra`, an invitation) as the core sends it. */
export const person = (id: number, name: string, extra: Partial<Person> = {}): Person => ({
  key: `u${id}`,
  userId: id,
  invitationId: null,
  name,
  email: `${name.toLowerCase().replace(" ", ".")}@example.ch`,
  role: "collaborator",
  pending: false,
  billingAccess: false,
  contactProducts: false,
  contactBilling: false,
  lastLoginAt: null,
  teamIds: [],
  external: false,
  invitedAt: null,
  ...extra,
});

export const users = (items: Person[], memberChangesMissing = false, skipped = 0): UsersSnapshot => ({
  items,
  skipped,
  freshness: { fetchedAt: 1_735_732_800, refreshing: false },
  memberChangesMissing,
});
