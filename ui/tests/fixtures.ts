import type { Result } from "$lib/ipc/failure";
import { vi } from "vitest";
import type {
  IpcError,
  Organisation,
  OrganisationsSnapshot,
  ProfileSummary,
  ReminderChoices,
  SessionView,
} from "$lib/bindings";

/** The shape `vi.mock("$lib/bindings", …)` returns; every command is a spy the test programs. */
export function bindingsMock() {
  return {
    commands: {
      session: vi.fn(),
      startDemo: vi.fn(),
      me: vi.fn(),
      organisations: vi.fn(),
      openManager: vi.fn(async () => ({ status: "ok", data: null })),
      signIn: vi.fn(),
      users: vi.fn(),
      teams: vi.fn(),
      createTeam: vi.fn(),
      updateTeam: vi.fn(),
      teamServices: vi.fn(),
      deleteTeam: vi.fn(),
      addTeamMembers: vi.fn(),
      removeTeamMembers: vi.fn(),
      inviteUser: vi.fn(),
      cancelInvitation: vi.fn(),
      changeRole: vi.fn(),
      removeMembers: vi.fn(),
      exportCsv: vi.fn(),
      saveRenewalsCalendar: vi.fn(),
      renewalCosts: vi.fn(),
      checkup: vi.fn(),
      leaveOrganisation: vi.fn(),
      setMemberSettings: vi.fn(),
      updateInvitation: vi.fn(),
      productsReachable: vi.fn(),
      previewInvitationFile: vi.fn(),
      sendInvitations: vi.fn(),
      stopInvitations: vi.fn(async () => null),
      diagnostics: vi.fn(),
      checkNow: vi.fn(),
      about: vi.fn(),
      diagnosticsReport: vi.fn(),
      activity: vi.fn(),
      switchProfile: vi.fn(async () => ({ status: "ok", data: null })),
      signOut: vi.fn(async () => ({ status: "ok", data: null })),
      forgetProfile: vi.fn(async () => ({ status: "ok", data: null })),
      supportAccesses: vi.fn(),
      setSupportAccess: vi.fn(),
      products: vi.fn(),
      setAutoRenew: vi.fn(),
      invoices: vi.fn(),
      prepaidHistory: vi.fn(),
      saveInvoiceAs: vi.fn(),
      openInvoice: vi.fn(),
      saveInvoiceYear: vi.fn(),
      reminderSettings: vi.fn(async () => ok(defaultReminders())),
      setReminderSettings: vi.fn(),
      setLocale: vi.fn(async () => ok(null)),
      systemLocale: vi.fn(async (): Promise<string | null> => null),
      startAtLogin: vi.fn(async () => ok(false)),
      setStartAtLogin: vi.fn(),
    },
    events: {
      dataChanged: { listen: vi.fn(async () => () => {}) },
      navigate: { listen: vi.fn(async () => () => {}) },
    },
  };
}

/** The core's reminder settings before anyone changes them. */
export function defaultReminders(): ReminderChoices {
  return { leadDays: [30, 14, 7, 1, 0], mutedAccounts: [], mutedProducts: [], quietHours: null, syncEveryHours: 1 };
}

export const ok = <T>(data: T): Result<T, IpcError> => ({ status: "ok", data });
export const fail = (error: Partial<IpcError> & Pick<IpcError, "code">): Result<never, IpcError> => ({
  status: "error",
  error: { message: `${error.code} from the test`, field: null, scope: null, managerUrl: null, names: [], ...error },
});

export function organisation(overrides: Partial<Organisation> = {}): Organisation {
  return {
    id: 1,
    name: "Atelier Dupont SA",
    relation: "owner",
    legalEntity: "company",
    users: 12,
    pendingInvitations: 2,
    legalRepresentatives: 1,
    blocked: false,
    ordersAwaitingPayment: 0,
    blockedOrders: 0,
    twoFactorRequired: true,
    ...overrides,
  };
}

export function snapshot(items: Organisation[], refreshing = false): OrganisationsSnapshot {
  return { items, freshness: { fetchedAt: 1_735_732_800, refreshing } };
}

export const demoProfile: ProfileSummary = {
  id: "demo",
  label: "Demo",
  displayName: "Camille Martin",
  email: "camille.martin@example.ch",
  demo: true,
  signedIn: true,
  tokenRefused: false,
};

export const signedOut: SessionView = {
  profiles: [],
  activeProfile: null,
  demoAvailable: true,
  apiOverride: null,
  storeSetAside: null,
};
export const signedIn: SessionView = {
  profiles: [demoProfile],
  activeProfile: "demo",
  demoAvailable: true,
  apiOverride: null,
  storeSetAside: null,
};

/** A promise the test settles when it wants to, to observe the in-between state. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
