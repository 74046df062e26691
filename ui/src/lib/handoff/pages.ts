/**
 * Infomaniak Manager pages the app hands off to when something is not (yet) doable here.
 * The Rust side opens only allow-listed Infomaniak hosts, in the system browser.
 */
export const HANDOFF = {
  createToken: "https://manager.infomaniak.com/v3/ng/profile/user/token/list",
  users: "https://manager.infomaniak.com/v3/ng/accounts/rights/users/list",
  supportAccess: "https://manager.infomaniak.com/v3/ng/profile/user/helpdesk-access",
} as const;
