//! The check-up: what is risky or will cost money soon, per organisation, computed from what the
//! pages already cached (no request of its own). Each rule is a pure function of the cached facts
//! and of `now`; the UI words each finding from its key.

mod at_desk;
mod people;
mod rules;

pub use at_desk::{CheckedOrganisation, Checkup};
pub use people::{INVITATION_WATCH_SECS, people_findings};
pub use rules::{organisation_findings, product_findings, scope_findings, support_findings};

use infomaniak::AccountId;
use serde::Serialize;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Critical,
    Warning,
    Info,
}

/// What was found; the UI words each one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FindingKey {
    /// One legal representative: if they go, nobody can appoint another.
    SingleLegalRepresentative,
    /// Members may sign in without a second factor.
    TwoFactorNotRequired,
    /// The organisation is blocked.
    OrganisationBlocked,
    /// Orders wait for payment.
    OrdersAwaitingPayment,
    /// Expires within 30 days and does not renew by itself; it can still be switched on.
    ExpiresWithoutAutoRenew,
    /// Inside the 14-day window: only a manual renewal keeps it.
    RenewManuallyNow,
    /// Infomaniak support can still read the signed-in person's Mail, kDrive or kChat.
    SupportAccessOpen,
    /// Someone from outside the organisation is one of its administrators.
    ExternalAdministrator,
    /// An invitation has been pending for more than 14 days.
    InvitationPendingLong,
    /// Members sign in without a second factor (where the API says so).
    MembersWithoutSecondFactor,
    /// No member receives the billing mail.
    NoBillingContact,
    /// The token lacks a scope: what it covers is hidden from every page.
    TokenMissingScope,
}

/// Where the fix is: a page of the app (a route such as `#/products`) or a Manager page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Fix {
    App { route: String },
    Manager { url: String },
}

/// One finding about one organisation (and, for a product, the product's name), or about the
/// signed-in person's own account (`account_id` is `None`: support access is theirs, not an
/// organisation's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub severity: Severity,
    pub key: FindingKey,
    pub account_id: Option<AccountId>,
    /// The product (or support content) concerned.
    pub subject: Option<String>,
    pub fix: Fix,
}
