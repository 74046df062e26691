import type { ProductOrganisation, ProductRow, ProductsView } from "$lib/bindings";

/** 2026-01-01T00:00:00Z: every row below is placed relative to it. */
export const NOW = 1_767_225_600;
const DAY = 86_400;

export function productRow(overrides: Partial<ProductRow> = {}): ProductRow {
  const expiresAt = NOW + 45 * DAY;
  return {
    id: 101,
    accountId: 1,
    organisation: "Rochat & Fils Sàrl",
    name: "Site rochat-fils.ch",
    service: "hosting",
    expiresAt,
    daysLeft: 45,
    autoRenew: true,
    paymentAttemptAt: expiresAt - 14 * DAY,
    canSwitchOn: true,
    paymentMethod: "card",
    price: { amount: 120, currency: "CHF" },
    locked: false,
    maintenance: false,
    trial: false,
    free: false,
    operationInProgress: false,
    group: "auto_renew",
    renewalPage: "https://manager.infomaniak.com/v3/1/accounts/accounting/renewal",
    parentId: null,
    parentService: null,
    renewForbidden: false,
    ...overrides,
  };
}

export const ROCHAT: ProductOrganisation = {
  accountId: 1,
  name: "Rochat & Fils Sàrl",
  renewals: "known",
  renewalPage: "https://manager.infomaniak.com/v3/1/accounts/accounting/renewal",
};
export const LEMAN: ProductOrganisation = {
  accountId: 2,
  name: "Association Les Amis du Léman",
  renewals: "known",
  renewalPage: "https://manager.infomaniak.com/v3/2/accounts/accounting/renewal",
};

/** One product in each board group, one far away and one that never expires. */
export function demoRows(): ProductRow[] {
  return [
    productRow({
      id: 1,
      name: "rochat-fils.ch (SSL)",
      service: "certificate",
      expiresAt: NOW - 5 * DAY,
      daysLeft: -5,
      autoRenew: false,
      paymentAttemptAt: null,
      canSwitchOn: false,
      group: "expired",
    }),
    productRow({
      id: 2,
      name: "rochat-fils.swiss",
      service: "domain",
      expiresAt: NOW + 11 * DAY,
      daysLeft: 11,
      autoRenew: false,
      paymentAttemptAt: null,
      canSwitchOn: false,
      group: "renew_manually",
    }),
    productRow({ id: 3 }),
    productRow({
      id: 4,
      name: "amis-du-leman.ch",
      service: "email_hosting",
      accountId: 2,
      organisation: LEMAN.name,
      expiresAt: NOW + 30 * DAY,
      daysLeft: 30,
      autoRenew: false,
      paymentAttemptAt: null,
      price: { amount: 59.5, currency: null },
      group: "coming_soon",
      renewalPage: LEMAN.renewalPage,
    }),
    productRow({
      id: 5,
      name: "kSuite Rochat & Fils",
      service: "ksuite",
      expiresAt: NOW + 320 * DAY,
      daysLeft: 320,
      group: "later",
    }),
    productRow({
      id: 6,
      name: "Swiss Backup Rochat",
      service: "swiss_backup",
      expiresAt: null,
      daysLeft: null,
      autoRenew: false,
      paymentAttemptAt: null,
      canSwitchOn: false,
      price: null,
      group: "no_expiry",
    }),
  ];
}

export function productsView(overrides: Partial<ProductsView> = {}): ProductsView {
  return {
    items: demoRows(),
    organisations: [ROCHAT, LEMAN],
    autoRenewInManager: false,
    now: NOW,
    freshness: { fetchedAt: NOW, refreshing: false },
    progress: null,
    skipped: 0,
    ...overrides,
  };
}
