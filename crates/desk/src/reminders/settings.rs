//! What the user chose about reminders: how many days ahead, what to mute, when to stay quiet.
//! Kept as JSON in the store's `settings` table; a value that fails validation is refused when
//! read, so an invalid list can never reach the schedule.

use crate::error::Error;
use infomaniak::AccountId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The furthest ahead a reminder may be set.
pub const MAX_LEAD_DAYS: u16 = 90;

const MINUTES_PER_DAY: u16 = 24 * 60;

/// How often products, renewals and support accesses are refreshed in the background, by
/// default and at most.
pub const DEFAULT_SYNC_HOURS: u16 = 1;
pub const MAX_SYNC_HOURS: u16 = 24;

/// 30, 14, 7 and 1 days before expiry, and on the day it expires.
pub const DEFAULT_LEAD_DAYS: [u16; 5] = [30, 14, 7, 1, 0];

/// Quiet hours in the user's local time, as minutes since local midnight. `start > end` spans
/// midnight (22:00–07:00); `start == end` is no quiet time at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct QuietHours {
    pub start_minute: u16,
    pub end_minute: u16,
}

impl QuietHours {
    /// Whether `now` (Unix seconds) falls inside them, for a user at `utc_offset_secs`.
    pub fn contains(self, now: i64, utc_offset_secs: i32) -> bool {
        let local = now
            .saturating_add(i64::from(utc_offset_secs))
            .rem_euclid(86_400);
        let start = i64::from(self.start_minute.min(MINUTES_PER_DAY));
        let end = i64::from(self.end_minute.min(MINUTES_PER_DAY));
        let at = local / 60;
        if start <= end {
            start <= at && at < end
        } else {
            at >= start || at < end
        }
    }
}

/// The reminder settings of a profile.
// The window edits it as `ReminderChoices`, which is validated into this.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "ReminderChoices")]
pub struct ReminderSettings {
    lead_days: Vec<u16>,
    pub muted_accounts: BTreeSet<AccountId>,
    pub muted_products: BTreeSet<u64>,
    pub quiet_hours: Option<QuietHours>,
    sync_every_hours: u16,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        Self {
            lead_days: DEFAULT_LEAD_DAYS.to_vec(),
            muted_accounts: BTreeSet::new(),
            muted_products: BTreeSet::new(),
            quiet_hours: None,
            sync_every_hours: DEFAULT_SYNC_HOURS,
        }
    }
}

impl ReminderSettings {
    /// Settings with these lead times (deduplicated, furthest first) and nothing muted.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a lead time past [`MAX_LEAD_DAYS`].
    pub fn with_lead_days(lead_days: impl IntoIterator<Item = u16>) -> Result<Self, Error> {
        Ok(Self {
            lead_days: checked_leads(lead_days)?,
            ..Self::default()
        })
    }

    /// Sets the quiet hours.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a minute past the end of the day.
    pub fn set_quiet_hours(&mut self, quiet: Option<QuietHours>) -> Result<(), Error> {
        self.quiet_hours = checked_quiet(quiet)?;
        Ok(())
    }

    /// How long between two background syncs, in seconds.
    pub fn sync_every_secs(&self) -> i64 {
        i64::from(self.sync_every_hours) * 3600
    }

    /// The lead times, furthest first, each once.
    pub fn lead_days(&self) -> &[u16] {
        &self.lead_days
    }

    /// Whether a product's reminders are silenced, by itself or by its organisation.
    pub fn mutes(&self, product_id: u64, account_id: Option<AccountId>) -> bool {
        self.muted_products.contains(&product_id)
            || account_id.is_some_and(|a| self.muted_accounts.contains(&a))
    }
}

fn checked_leads(lead_days: impl IntoIterator<Item = u16>) -> Result<Vec<u16>, Error> {
    let set: BTreeSet<u16> = lead_days.into_iter().collect();
    if set.iter().any(|d| *d > MAX_LEAD_DAYS) {
        return Err(Error::Invalid {
            field: "lead_days",
            reason: "a reminder can be at most 90 days before expiry",
        });
    }
    Ok(set.into_iter().rev().collect())
}

fn checked_sync(hours: u16) -> Result<u16, Error> {
    if (1..=MAX_SYNC_HOURS).contains(&hours) {
        Ok(hours)
    } else {
        Err(Error::Invalid {
            field: "sync_every_hours",
            reason: "the background refresh runs every 1 to 24 hours",
        })
    }
}

fn checked_quiet(quiet: Option<QuietHours>) -> Result<Option<QuietHours>, Error> {
    match quiet {
        Some(q) if q.start_minute >= MINUTES_PER_DAY || q.end_minute >= MINUTES_PER_DAY => {
            Err(Error::Invalid {
                field: "quiet_hours",
                reason: "quiet hours are minutes of the day, below 1440",
            })
        }
        other => Ok(other),
    }
}

/// The settings as stored and as the window edits them: validated on their way in, so a
/// refused value names its field and the form keeps what was typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReminderChoices {
    pub lead_days: Vec<u16>,
    #[serde(default)]
    pub muted_accounts: BTreeSet<AccountId>,
    #[serde(default)]
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub muted_products: BTreeSet<u64>,
    #[serde(default)]
    pub quiet_hours: Option<QuietHours>,
    /// Hours between background syncs, 1 to 24.
    #[serde(default = "default_sync_hours")]
    pub sync_every_hours: u16,
}

fn default_sync_hours() -> u16 {
    DEFAULT_SYNC_HOURS
}

impl From<&ReminderSettings> for ReminderChoices {
    fn from(s: &ReminderSettings) -> Self {
        Self {
            lead_days: s.lead_days.clone(),
            muted_accounts: s.muted_accounts.clone(),
            muted_products: s.muted_products.clone(),
            quiet_hours: s.quiet_hours,
            sync_every_hours: s.sync_every_hours,
        }
    }
}

impl TryFrom<ReminderChoices> for ReminderSettings {
    type Error = Error;

    fn try_from(raw: ReminderChoices) -> Result<Self, Error> {
        Ok(Self {
            lead_days: checked_leads(raw.lead_days)?,
            muted_accounts: raw.muted_accounts,
            muted_products: raw.muted_products,
            quiet_hours: checked_quiet(raw.quiet_hours)?,
            sync_every_hours: checked_sync(raw.sync_every_hours)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_days_are_deduplicated_furthest_first_and_capped_at_90() {
        let s = ReminderSettings::with_lead_days([7, 90, 7, 0]).unwrap();
        assert_eq!(s.lead_days(), &[90, 7, 0]);
        assert!(ReminderSettings::with_lead_days([91]).is_err());
    }

    #[test]
    fn stored_json_is_validated_when_read() {
        let ok: ReminderSettings =
            serde_json::from_str(r#"{"leadDays":[1,30,1],"mutedProducts":[5]}"#).unwrap();
        assert_eq!(ok.lead_days(), &[30, 1]);
        assert!(ok.mutes(5, None));
        assert!(serde_json::from_str::<ReminderSettings>(r#"{"leadDays":[120]}"#).is_err());
        let back: ReminderSettings =
            serde_json::from_str(&serde_json::to_string(&ok).unwrap()).unwrap();
        assert_eq!(back, ok);
    }

    #[test]
    fn the_background_sync_runs_every_1_to_24_hours_hourly_unless_chosen() {
        // Settings stored before the choice existed read as hourly.
        let old: ReminderSettings = serde_json::from_str(r#"{"leadDays":[7]}"#).unwrap();
        assert_eq!(old.sync_every_secs(), 3600);
        let six: ReminderSettings =
            serde_json::from_str(r#"{"leadDays":[7],"syncEveryHours":6}"#).unwrap();
        assert_eq!(six.sync_every_secs(), 6 * 3600);
        for wrong in [0, 25] {
            let choices = ReminderChoices {
                sync_every_hours: wrong,
                ..ReminderChoices::from(&ReminderSettings::default())
            };
            let refused = ReminderSettings::try_from(choices);
            assert!(
                matches!(
                    refused,
                    Err(Error::Invalid {
                        field: "sync_every_hours",
                        ..
                    })
                ),
                "{wrong} hours gave {refused:?}"
            );
        }
    }

    #[test]
    fn quiet_hours_may_span_midnight() {
        let night = QuietHours {
            start_minute: 22 * 60,
            end_minute: 7 * 60,
        };
        let day = 86_400 * 100;
        assert!(night.contains(day + 23 * 3600, 0));
        assert!(night.contains(day + 3 * 3600, 0));
        assert!(!night.contains(day + 7 * 3600, 0));
        // 21:30 UTC is 23:30 at UTC+2.
        assert!(night.contains(day + 21 * 3600 + 1800, 7200));
        let none = QuietHours {
            start_minute: 600,
            end_minute: 600,
        };
        assert!(!none.contains(day + 10 * 3600, 0));
    }
}
