//! What needs the person's attention while the window may be closed: the background sync, the
//! notifications due (renewal reminders and support access ending), the tray's menu, and the
//! language they are worded in. The shell shows them; everything it shows is decided here.

mod support_due;
mod tray;
pub mod wording;

pub use support_due::{SupportNotice, SupportStage};
pub use tray::{TrayItem, TrayMenu};

use crate::Desk;
use crate::error::Error;
use crate::reminders::Notification;
use crate::session::ProfileId;
use crate::settings::Locale;
use crate::support_access::{Held, SupportContent};
use crate::sync::Area;
use crate::sync::priority;
use infomaniak::AccountId;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

const PAUSED_UNTIL_KEY: &str = "reminders_paused_until";
const TOLD_HIDDEN_KEY: &str = "told_hidden_to_tray";
const DAY: i64 = 24 * 60 * 60;

/// Where a click takes the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum Destination {
    /// One product, on the products page.
    #[serde(rename_all = "camelCase")]
    Product {
        account_id: Option<AccountId>,
        #[cfg_attr(feature = "specta", specta(type = u32))]
        product_id: u64,
    },
    /// The renewals board.
    Renewals,
    /// The support-access page.
    SupportAccess,
}

/// What a click on a notification or a tray entry does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Shows the window as it was.
    OpenApp,
    /// Shows the window on a page of a profile.
    Open {
        profile: ProfileId,
        to: Destination,
    },
    /// Revokes support's access to one content (after the person clicked "revoke").
    RevokeSupport {
        profile: ProfileId,
        content: SupportContent,
    },
    RefreshNow,
    PauseToday,
    Resume,
    Quit,
}

/// One native notification, worded and with what its click does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub body: String,
    /// A click on the notification itself, and how the desktop may label it.
    pub click: Action,
    pub open_label: String,
    /// A button beside it, with its label.
    pub button: Option<(String, Action)>,
}

impl Desk {
    /// Holds every notification until the next local midnight after `now`.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn pause_reminders_today(&self, now: i64, utc_offset_secs: i32) -> Result<(), Error> {
        let local = now.saturating_add(i64::from(utc_offset_secs));
        let next_midnight = (local - local.rem_euclid(DAY))
            .saturating_add(DAY)
            .saturating_sub(i64::from(utc_offset_secs));
        self.store
            .set_setting(PAUSED_UNTIL_KEY, &next_midnight.to_string())
    }

    /// Lets notifications come again.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn resume_reminders(&self) -> Result<(), Error> {
        self.store.set_setting(PAUSED_UNTIL_KEY, "0")
    }

    /// Whether notifications are held at `now`.
    pub fn reminders_paused(&self, now: i64) -> bool {
        self.store
            .setting(PAUSED_UNTIL_KEY)
            .ok()
            .flatten()
            .and_then(|v| v.parse::<i64>().ok())
            .is_some_and(|until| now < until)
    }

    /// Whether this is the first time the window hides to the tray (and notes that it was).
    pub fn first_hide_to_tray(&self) -> bool {
        let first = matches!(self.store.setting(TOLD_HIDDEN_KEY), Ok(None));
        if first {
            let _ = self.store.set_setting(TOLD_HIDDEN_KEY, "1");
        }
        first
    }

    /// The profiles whose data the background keeps current: those signed in.
    pub fn watched_profiles(&self) -> Vec<ProfileId> {
        self.session()
            .map(|s| {
                s.profiles
                    .into_iter()
                    .filter(|p| p.signed_in)
                    .map(|p| p.id)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Refreshes the products, renewals and support accesses of every signed-in profile at
    /// background priority: whatever the person clicks meanwhile goes first. A profile that
    /// fails is reported and the others go on.
    pub async fn background_sync(&self) -> Vec<(ProfileId, Error)> {
        let mut failures = Vec::new();
        for profile in self.watched_profiles() {
            let work = async {
                // One read of the board at a time: a page's first read may already be on it.
                self.refresh_board(&profile).await?;
                match self.refresh(&profile, Area::SupportAccess).await {
                    // Where the API has no support-access route there is nothing to watch.
                    Err(Error::Api(e)) if e.is_method_not_found() => Ok(()),
                    other => other,
                }
            };
            if let Err(e) = priority::in_background(work).await {
                tracing::info!(%profile, "background sync: {e}");
                failures.push((profile, e));
            }
        }
        failures
    }

    /// The notifications due at `now` for every signed-in profile, worded in the current
    /// language, and recorded as sent: the caller shows them, and no restart repeats them.
    /// Nothing while paused or in quiet hours (they come afterwards).
    ///
    /// # Errors
    /// [`Error::Store`], or unreadable settings.
    pub fn pending_notices(&self, now: i64, utc_offset_secs: i32) -> Result<Vec<Notice>, Error> {
        if self.reminders_paused(now) {
            return Ok(Vec::new());
        }
        let settings = self.reminder_settings()?;
        if settings
            .quiet_hours
            .is_some_and(|q| q.contains(now, utc_offset_secs))
        {
            return Ok(Vec::new());
        }
        let locale = self.locale();
        let mut out = Vec::new();
        for profile in self.watched_profiles() {
            for n in self.due_reminders(&profile, now, utc_offset_secs)? {
                out.push(renewal_notice(locale, &profile, &n, now, utc_offset_secs));
            }
            out.extend(self.support_notices(&profile, locale, now, utc_offset_secs)?);
        }
        Ok(out)
    }

    fn support_notices(
        &self,
        profile: &ProfileId,
        locale: Locale,
        now: i64,
        utc_offset_secs: i32,
    ) -> Result<Vec<Notice>, Error> {
        let held = self.held_support(profile)?;
        let sent: HashSet<SupportNotice> = self
            .store
            .support_sent(profile)?
            .iter()
            .filter_map(SupportNotice::from_row)
            .collect();
        let due = support_due::due(now, &held, &sent);
        let settled: Vec<_> = due
            .iter()
            .flat_map(support_due::settled_by)
            .map(SupportNotice::to_row)
            .collect();
        self.store.record_support_sent(profile, &settled, now)?;
        let words = wording::words(locale);
        Ok(due
            .into_iter()
            .map(|n| {
                let ended = n.stage == SupportStage::Ended;
                let (title, body) =
                    wording::support(locale, n.content, ended, n.expires_at, utc_offset_secs);
                let open = Action::Open {
                    profile: profile.clone(),
                    to: Destination::SupportAccess,
                };
                let revoke = Action::RevokeSupport {
                    profile: profile.clone(),
                    content: n.content,
                };
                Notice {
                    title,
                    body,
                    click: open,
                    open_label: words.open.to_owned(),
                    button: (!ended).then(|| (words.revoke.to_owned(), revoke)),
                }
            })
            .collect())
    }

    pub(crate) fn held_support(&self, profile: &ProfileId) -> Result<Vec<Held>, Error> {
        Ok(self
            .store
            .cached::<Vec<Held>>(profile, Area::SupportAccess.as_str(), "")?
            .map(|c| c.value)
            .unwrap_or_default())
    }
}

fn renewal_notice(
    locale: Locale,
    profile: &ProfileId,
    n: &Notification,
    now: i64,
    utc_offset_secs: i32,
) -> Notice {
    let (title, body) = wording::renewal(locale, n, now, utc_offset_secs);
    let to = match n {
        Notification::Single { reminder } => Destination::Product {
            account_id: reminder.account_id,
            product_id: reminder.product_id,
        },
        Notification::Digest { .. } => Destination::Renewals,
    };
    Notice {
        title,
        body,
        click: Action::Open {
            profile: profile.clone(),
            to,
        },
        open_label: wording::words(locale).open.to_owned(),
        button: None,
    }
}
