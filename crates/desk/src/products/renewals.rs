//! The renewal rules of Infomaniak's Manager, as pure functions of `now`: which products need a
//! decision, and whether automatic renewal may still be switched on.

use crate::products::{CachedProduct, CachedRenewal};
use infomaniak::AccountId;
use serde::{Deserialize, Serialize};

const DAY: i64 = 24 * 60 * 60;

/// The first automatic payment is tried this long before expiry, so automatic renewal cannot be
/// switched on any later than that.
pub const AUTO_RENEW_LEAD_SECS: i64 = 14 * DAY;

/// How far ahead the board looks for renewals (the Manager's "next 2 months").
pub const HORIZON_SECS: i64 = 60 * DAY;

/// Where a product stands, from the most urgent to "nothing to decide".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RenewalGroup {
    /// Past its expiry: it will be blocked, then terminated, unless paid.
    Expired,
    /// Inside 14 days without automatic renewal: only a manual renewal can save it now.
    RenewManually,
    /// Renews by itself: the payment is tried 14 days before expiry.
    AutoRenew,
    /// Expires within 60 days and does not renew by itself (yet).
    ComingSoon,
    /// Expires later than 60 days from now.
    Later,
    /// Never expires.
    NoExpiry,
}

impl RenewalGroup {
    /// Whether the renewals board lists it.
    pub fn on_board(self) -> bool {
        !matches!(self, RenewalGroup::Later | RenewalGroup::NoExpiry)
    }
}

/// Where `product` stands at `now`. Without its renewal (the route is missing, or the
/// organisation's renewals could not be read) it counts as not renewing by itself: the reading
/// that never lets a product lapse unnoticed.
pub fn classify(
    now: i64,
    product: &CachedProduct,
    renewal: Option<&CachedRenewal>,
) -> RenewalGroup {
    group_at(now, expiry(product, renewal), renewal.map(|r| r.auto_renew))
}

/// The expiry to trust: the renewal page's when it has one (a domain's product expiry may lag the
/// registry), else the product's.
pub fn expiry(product: &CachedProduct, renewal: Option<&CachedRenewal>) -> Option<i64> {
    renewal.and_then(|r| r.expires_at).or(product.expires_at)
}

/// [`classify`] from the two facts it depends on.
pub fn group_at(now: i64, expires_at: Option<i64>, auto_renew: Option<bool>) -> RenewalGroup {
    let Some(expiry) = expires_at else {
        return RenewalGroup::NoExpiry;
    };
    // Saturating: a date from the API can be anything an i64 holds.
    let left = expiry.saturating_sub(now);
    if left <= 0 {
        RenewalGroup::Expired
    } else if auto_renew == Some(true) {
        RenewalGroup::AutoRenew
    } else if left < AUTO_RENEW_LEAD_SECS {
        RenewalGroup::RenewManually
    } else if left <= HORIZON_SECS {
        RenewalGroup::ComingSoon
    } else {
        RenewalGroup::Later
    }
}

/// Whether automatic renewal may still be switched on at `now`: only for a product that expires,
/// and no later than 14 days before its expiry.
pub fn can_switch_on(now: i64, expires_at: Option<i64>) -> bool {
    expires_at.is_some_and(|expiry| expiry.saturating_sub(now) >= AUTO_RENEW_LEAD_SECS)
}

/// When the automatic payment is tried.
pub fn first_payment_attempt(expires_at: i64) -> i64 {
    expires_at.saturating_sub(AUTO_RENEW_LEAD_SECS)
}

/// Whole days until expiry, rounded away from zero so that "expires in 3 hours" reads as one day
/// left and "expired an hour ago" as one day past.
pub fn days_left(now: i64, expires_at: i64) -> i64 {
    let left = expires_at.saturating_sub(now);
    let whole = left / DAY;
    if left % DAY == 0 {
        whole
    } else if left > 0 {
        whole + 1
    } else {
        whole - 1
    }
}

/// The Manager's renewal page of an organisation: where products are paid and renewed.
pub fn renewal_page(account_id: AccountId) -> String {
    format!("https://manager.infomaniak.com/v3/{account_id}/accounts/accounting/renewal")
}
