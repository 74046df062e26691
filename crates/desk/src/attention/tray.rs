//! The tray's menu as data: what it lists and what each entry does. The shell only draws it, so
//! everything here is tested without a tray host.

use super::wording;
use super::{Action, Destination};
use crate::Desk;
use crate::error::Error;
use crate::products::renewal_of;
use crate::products::renewals::{self, RenewalGroup};
use crate::session::ProfileId;
use crate::settings::Locale;
use infomaniak::AccountId;

/// How many renewals the menu lists.
pub const TRAY_RENEWALS: usize = 5;

/// One line of the menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrayItem {
    /// A heading or a sentence that does nothing.
    Label(String),
    Separator,
    Entry {
        id: String,
        label: String,
        action: Action,
    },
}

/// The whole menu, and whether the icon should ask for attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrayMenu {
    /// Products expired or past the last day to switch on automatic renewal, and support
    /// accesses open: what the icon's state counts.
    pub attention: usize,
    pub tooltip: String,
    pub items: Vec<TrayItem>,
}

impl TrayMenu {
    /// What the entry `id` does.
    pub fn action(&self, id: &str) -> Option<&Action> {
        self.items.iter().find_map(|i| match i {
            TrayItem::Entry { id: e, action, .. } if e == id => Some(action),
            _ => None,
        })
    }
}

struct Upcoming {
    profile: ProfileId,
    account_id: Option<AccountId>,
    product_id: u64,
    label: String,
    expires_at: i64,
    urgent: bool,
}

impl Desk {
    /// The tray's menu at `now`, from what is cached (no request).
    ///
    /// # Errors
    /// [`Error::Store`], or unreadable settings.
    pub fn tray_menu(&self, now: i64) -> Result<TrayMenu, Error> {
        let locale = self.locale();
        let words = wording::words(locale);
        let profiles = self.watched_profiles();
        let mut upcoming = Vec::new();
        let mut support = Vec::new();
        for profile in &profiles {
            upcoming.extend(self.upcoming(profile, locale, now)?);
            for held in self.held_support(profile)? {
                let open = held.enabled && held.expires_at.is_none_or(|end| end > now);
                if open {
                    support.push((profile.clone(), held.content));
                }
            }
        }
        upcoming.sort_by(|a, b| (a.expires_at, &a.label).cmp(&(b.expires_at, &b.label)));
        let attention = upcoming.iter().filter(|u| u.urgent).count() + support.len();

        let mut items = vec![TrayItem::Label(words.next_renewals.to_owned())];
        if upcoming.is_empty() {
            items.push(TrayItem::Label(words.no_renewal.to_owned()));
        }
        items.extend(
            upcoming
                .into_iter()
                .take(TRAY_RENEWALS)
                .enumerate()
                .map(|(i, u)| TrayItem::Entry {
                    id: format!("renewal-{i}"),
                    label: u.label,
                    action: Action::Open {
                        profile: u.profile,
                        to: Destination::Product {
                            account_id: u.account_id,
                            product_id: u.product_id,
                        },
                    },
                }),
        );
        if !support.is_empty() {
            items.push(TrayItem::Separator);
            items.extend(
                support
                    .into_iter()
                    .enumerate()
                    .map(|(i, (profile, content))| TrayItem::Entry {
                        id: format!("support-{i}"),
                        label: words.support_open.replace("{content}", content.label()),
                        action: Action::RevokeSupport { profile, content },
                    }),
            );
        }
        let paused = self.reminders_paused(now);
        let fixed = [
            ("open", words.open_app, Action::OpenApp),
            ("refresh", words.refresh_now, Action::RefreshNow),
            if paused {
                ("resume", words.paused_resume, Action::Resume)
            } else {
                ("pause", words.pause_today, Action::PauseToday)
            },
            ("quit", words.quit, Action::Quit),
        ];
        items.push(TrayItem::Separator);
        items.extend(
            fixed
                .into_iter()
                .map(|(id, label, action)| TrayItem::Entry {
                    id: id.to_owned(),
                    label: label.to_owned(),
                    action,
                }),
        );
        let tooltip = if attention == 0 {
            "IK Desk".to_owned()
        } else {
            wording::fill(
                words.needs_attention.pick(locale, attention),
                &[("count", &attention.to_string())],
            )
        };
        Ok(TrayMenu {
            attention,
            tooltip,
            items,
        })
    }

    /// A profile's products on the renewals board (expired, or expiring within two months),
    /// muted ones left out.
    fn upcoming(
        &self,
        profile: &ProfileId,
        locale: Locale,
        now: i64,
    ) -> Result<Vec<Upcoming>, Error> {
        let settings = self.reminder_settings()?;
        let products = self.cached_products(profile)?.unwrap_or_default();
        let renewals_of = self.cached_renewals(profile)?.unwrap_or_default();
        let names = self.organisation_names(profile)?;
        Ok(products
            .iter()
            .filter(|p| !settings.mutes(p.id, p.account_id))
            .filter_map(|p| {
                let renewal = renewal_of(&renewals_of, p);
                let group = renewals::classify(now, p, renewal);
                if !group.on_board() {
                    return None;
                }
                let expires_at = renewals::expiry(p, renewal)?;
                let org = p.account_id.and_then(|a| names.get(&a).cloned());
                let when = wording::when(locale, now, expires_at);
                let label = match org {
                    Some(org) => format!("{} · {org} · {when}", p.name),
                    None => format!("{} · {when}", p.name),
                };
                Some(Upcoming {
                    profile: profile.clone(),
                    account_id: p.account_id,
                    product_id: p.id,
                    label,
                    expires_at,
                    urgent: matches!(group, RenewalGroup::Expired | RenewalGroup::RenewManually),
                })
            })
            .collect())
    }
}
