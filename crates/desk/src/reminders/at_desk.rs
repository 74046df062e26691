//! The core's side of reminders: the cached data, the stored settings and the ledger in, the due
//! notifications out, recorded before they are handed over so that no restart repeats them.

use super::{LedgerKey, Notification, Portfolio, ReminderSettings, due};
use crate::Desk;
use crate::error::Error;
use crate::organisations::Organisation;
use crate::session::ProfileId;
use crate::sync::Area;
use crate::sync::WHOLE_AREA;
use infomaniak::AccountId;
use std::collections::BTreeMap;

const SETTINGS_KEY: &str = "reminders";
const LAST_RUN_KEY: &str = "reminders_last_run";

impl Desk {
    /// The reminder settings; the defaults until the user changes them.
    ///
    /// # Errors
    /// [`Error::Store`], or [`Error::Cache`] / [`Error::Invalid`] for a stored value that no
    /// longer reads.
    pub fn reminder_settings(&self) -> Result<ReminderSettings, Error> {
        match self.store.setting(SETTINGS_KEY)? {
            Some(json) => Ok(serde_json::from_str(&json)?),
            None => Ok(ReminderSettings::default()),
        }
    }

    /// Keeps the reminder settings (validated when they were built).
    ///
    /// # Errors
    /// [`Error::Store`] or [`Error::Cache`].
    pub fn set_reminder_settings(&self, settings: &ReminderSettings) -> Result<(), Error> {
        self.store
            .set_setting(SETTINGS_KEY, &serde_json::to_string(settings)?)
    }

    /// The notifications due at `now` for `profile`, from what is cached, for a user at
    /// `utc_offset_secs`. They are in the ledger when this returns: the caller delivers them, and
    /// a crash between the two loses a reminder rather than repeating it.
    ///
    /// # Errors
    /// [`Error::Store`], or an unreadable settings value.
    pub fn due_reminders(
        &self,
        profile: &ProfileId,
        now: i64,
        utc_offset_secs: i32,
    ) -> Result<Vec<Notification>, Error> {
        let products = self.cached_products(profile)?.unwrap_or_default();
        let renewals = self.cached_renewals(profile)?.unwrap_or_default();
        let organisation_names = self.organisation_names(profile)?;
        let settings = self.reminder_settings()?;
        let ledger = self.store.sent_keys(profile)?;
        let last_run_key = format!("{LAST_RUN_KEY}:{}", profile.as_str());
        let last_run = self
            .store
            .setting(&last_run_key)?
            .and_then(|v| v.parse::<i64>().ok());
        let portfolio = Portfolio {
            products: &products,
            renewals: &renewals,
            organisation_names: &organisation_names,
        };
        let notifications = due(
            now,
            utc_offset_secs,
            &portfolio,
            &settings,
            &ledger,
            last_run,
        );
        let keys: Vec<LedgerKey> = notifications
            .iter()
            .flat_map(|n| n.reminders().iter().map(super::Reminder::key))
            .collect();
        self.store.record_sent(profile, &keys, now)?;
        self.store.set_setting(&last_run_key, &now.to_string())?;
        Ok(notifications)
    }

    /// The cached names of a profile's organisations, by id.
    pub(crate) fn organisation_names(
        &self,
        profile: &ProfileId,
    ) -> Result<BTreeMap<AccountId, String>, Error> {
        Ok(self
            .store
            .cached::<Vec<Organisation>>(profile, Area::Organisations.as_str(), WHOLE_AREA)?
            .map(|c| c.value)
            .unwrap_or_default()
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect())
    }
}
