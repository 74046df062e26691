//! Renewal reminders: which notifications are due now, as a pure function of the products, their
//! renewals, the user's settings and the ledger of what was already sent. The shell delivers them;
//! `Desk::due_reminders` records them so that no restart repeats one.

mod at_desk;
mod settings;

pub use settings::{
    DEFAULT_LEAD_DAYS, MAX_LEAD_DAYS, QuietHours, ReminderChoices, ReminderSettings,
};

use crate::products::renewals::{self, AUTO_RENEW_LEAD_SECS};
use crate::products::{CachedProduct, OrgRenewals, renewal_of};
pub use crate::store::reminder_ledger::LedgerKey;
use infomaniak::AccountId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

const DAY: i64 = 24 * 60 * 60;

/// A gap this long since the last check means the computer slept or was off: what comes now is a
/// catch-up, worded as such.
pub const CATCH_UP_AFTER_SECS: i64 = 60 * 60;

/// What a reminder has to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// Expires in `lead_days` days.
    Upcoming,
    /// 14 days ahead with automatic renewal on: the first payment attempt is today.
    FirstPaymentToday,
    /// 14 days ahead without automatic renewal: it can no longer be switched on; renew manually.
    RenewManually,
    /// Expires today, or has expired.
    ExpiresToday,
}

/// One product's reminder.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub product_id: u64,
    pub account_id: Option<AccountId>,
    pub product_name: String,
    /// The organisation's name, when known.
    pub organisation: Option<String>,
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub expires_at: i64,
    pub lead_days: u16,
    pub kind: ReminderKind,
    /// The organisation's renewal page in the Manager.
    pub renewal_page: Option<String>,
}

impl Reminder {
    /// Its line in the ledger.
    pub fn key(&self) -> LedgerKey {
        LedgerKey {
            product_id: self.product_id,
            lead_days: self.lead_days,
            expires_at: self.expires_at,
        }
    }
}

/// One native notification: a single reminder, or a digest of several due at once.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum Notification {
    Single {
        reminder: Reminder,
    },
    /// `catch_up`: they piled up while the computer slept or was off.
    #[serde(rename_all = "camelCase")]
    Digest {
        reminders: Vec<Reminder>,
        catch_up: bool,
    },
}

impl Notification {
    /// The reminders it carries, soonest expiry first.
    pub fn reminders(&self) -> &[Reminder] {
        match self {
            Notification::Single { reminder } => std::slice::from_ref(reminder),
            Notification::Digest { reminders, .. } => reminders,
        }
    }
}

/// What the reminders are computed from: the cached products, their renewals and the names of
/// their organisations.
#[derive(Debug, Clone, Copy)]
pub struct Portfolio<'a> {
    pub products: &'a [CachedProduct],
    pub renewals: &'a [OrgRenewals],
    pub organisation_names: &'a BTreeMap<AccountId, String>,
}

/// Which notifications are due at `now` (Unix seconds) for a user at `utc_offset_secs`.
///
/// A lead time is due once `now` has reached `expiry - lead_days` and its key is not in `ledger`.
/// Of several lead times passed at once (after a gap), only the nearest is due: the further ones
/// are behind it for good, since the nearest passed lead time only shrinks as time goes on.
/// Inside quiet hours nothing is due; the reminders wait for the end of them. Several reminders
/// due together make one digest, so a catch-up after sleep or shutdown is a single notification.
/// `last_run` (the previous check) only tells whether a digest is such a catch-up.
pub fn due(
    now: i64,
    utc_offset_secs: i32,
    portfolio: &Portfolio<'_>,
    settings: &ReminderSettings,
    ledger: &HashSet<LedgerKey>,
    last_run: Option<i64>,
) -> Vec<Notification> {
    if settings
        .quiet_hours
        .is_some_and(|q| q.contains(now, utc_offset_secs))
    {
        return Vec::new();
    }
    let mut reminders: Vec<Reminder> = portfolio
        .products
        .iter()
        .filter(|p| !settings.mutes(p.id, p.account_id))
        .filter_map(|p| reminder_of(now, p, portfolio, settings))
        .filter(|r| !ledger.contains(&r.key()))
        .collect();
    reminders.sort_by(|a, b| (a.expires_at, &a.product_name).cmp(&(b.expires_at, &b.product_name)));
    match reminders.len() {
        0 => Vec::new(),
        1 => reminders
            .into_iter()
            .map(|reminder| Notification::Single { reminder })
            .collect(),
        _ => vec![Notification::Digest {
            reminders,
            catch_up: is_catch_up(now, last_run),
        }],
    }
}

/// Whether a check at `now` comes after a gap (sleep, shutdown) rather than on the usual timer.
pub fn is_catch_up(now: i64, last_run: Option<i64>) -> bool {
    last_run.is_some_and(|last| now.saturating_sub(last) > CATCH_UP_AFTER_SECS)
}

fn reminder_of(
    now: i64,
    product: &CachedProduct,
    portfolio: &Portfolio<'_>,
    settings: &ReminderSettings,
) -> Option<Reminder> {
    let renewal = renewal_of(portfolio.renewals, product);
    let expires_at = renewals::expiry(product, renewal)?;
    // Lead times are furthest first: the last one already reached is the nearest.
    let lead_days = settings
        .lead_days()
        .iter()
        .copied()
        .filter(|d| now >= expires_at.saturating_sub(i64::from(*d) * DAY))
        .min()?;
    let auto_renew = renewal.is_some_and(|r| r.auto_renew);
    let kind = match i64::from(lead_days) * DAY {
        0 => ReminderKind::ExpiresToday,
        AUTO_RENEW_LEAD_SECS if auto_renew => ReminderKind::FirstPaymentToday,
        AUTO_RENEW_LEAD_SECS => ReminderKind::RenewManually,
        _ => ReminderKind::Upcoming,
    };
    Some(Reminder {
        product_id: product.id,
        account_id: product.account_id,
        product_name: product.name.clone(),
        organisation: product
            .account_id
            .and_then(|a| portfolio.organisation_names.get(&a).cloned()),
        expires_at,
        lead_days,
        kind,
        renewal_page: product.account_id.map(renewals::renewal_page),
    })
}
