//! Support access: which content (Mail, kDrive, kChat) Infomaniak's support team may read, for
//! how long, and granting or revoking one of them. The routes are `unverified`: where the API
//! lacks them the page hands off to the Manager's help-desk page.

use crate::Desk;
use crate::activity::Change;
use crate::error::Error;
use crate::handoff::SUPPORT_ACCESS_PAGE;
use crate::session::ProfileId;
use crate::sync::{Area, Freshness};
use infomaniak::Route;
use infomaniak::models::{SupportAccess as ApiAccess, SupportContent as ApiContent};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A granted access ends by itself this many days after it was granted.
pub const SUPPORT_ACCESS_DAYS: i64 = 7;

const WHOLE_AREA: &str = "";
const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

/// What the support team may read; each is a separate permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SupportContent {
    Mail,
    Kdrive,
    Kchat,
}

impl SupportContent {
    /// Every content, in the order the page shows them.
    pub const ALL: [SupportContent; 3] = [Self::Mail, Self::Kdrive, Self::Kchat];

    /// The product's name as people know it (the audit log's target).
    pub fn label(self) -> &'static str {
        match self {
            Self::Mail => "Mail",
            Self::Kdrive => "kDrive",
            Self::Kchat => "kChat",
        }
    }

    fn to_api(self) -> ApiContent {
        match self {
            Self::Mail => ApiContent::Mail,
            Self::Kdrive => ApiContent::Kdrive,
            Self::Kchat => ApiContent::Kchat,
        }
    }

    fn from_api(content: ApiContent) -> Option<Self> {
        match content {
            ApiContent::Mail => Some(Self::Mail),
            ApiContent::Kdrive => Some(Self::Kdrive),
            ApiContent::Kchat => Some(Self::Kchat),
            ApiContent::Unknown => None,
        }
    }
}

/// How long an access still runs, rounded down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Remaining {
    pub days: u32,
    pub hours: u32,
    pub minutes: u32,
}

/// The time left until `expires_at`; `None` once it has passed, which means the access is off
/// whatever the last answer said.
pub fn remaining(now: i64, expires_at: i64) -> Option<Remaining> {
    let left = expires_at.checked_sub(now).filter(|s| *s > 0)?;
    let part = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
    Some(Remaining {
        days: part(left / DAY),
        hours: part(left % DAY / HOUR),
        minutes: part(left % HOUR / 60),
    })
}

/// One switch of the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SupportAccessView {
    pub content: SupportContent,
    /// Granted and not yet expired.
    pub on: bool,
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub granted_at: Option<i64>,
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub expires_at: Option<i64>,
    /// Time left while on and its end is known.
    pub remaining: Option<Remaining>,
}

/// The support-access page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SupportAccessSnapshot {
    /// Mail, kDrive and kChat, always all three; empty when the Manager must be used.
    pub accesses: Vec<SupportAccessView>,
    /// The API has no support-access routes for this profile: the Manager page that has them.
    pub manager_url: Option<String>,
    pub freshness: Freshness,
}

/// What the cache keeps: the API's answer, so the on/off state is recomputed at every read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Held {
    pub(crate) content: SupportContent,
    pub(crate) enabled: bool,
    granted_at: Option<i64>,
    pub(crate) expires_at: Option<i64>,
}

impl Held {
    fn from_api(a: &ApiAccess) -> Option<Self> {
        Some(Self {
            content: SupportContent::from_api(a.content)?,
            enabled: a.enabled,
            granted_at: a.granted_at,
            expires_at: a.expires_at,
        })
    }

    fn view(held: Option<&Self>, content: SupportContent, now: i64) -> SupportAccessView {
        let Some(h) = held.filter(|h| h.enabled) else {
            return SupportAccessView {
                content,
                on: false,
                granted_at: None,
                expires_at: None,
                remaining: None,
            };
        };
        let remaining = h.expires_at.and_then(|end| remaining(now, end));
        let on = h.expires_at.is_none() || remaining.is_some();
        SupportAccessView {
            content,
            on,
            granted_at: h.granted_at.filter(|_| on),
            expires_at: h.expires_at.filter(|_| on),
            remaining,
        }
    }
}

pub(crate) fn views(held: &[Held], now: i64) -> Vec<SupportAccessView> {
    SupportContent::ALL
        .into_iter()
        .map(|c| Held::view(held.iter().find(|h| h.content == c), c, now))
        .collect()
}

impl Desk {
    /// The support accesses of a profile: cached at once, refreshed when stale, fetched when
    /// never seen; the Manager hand-off once the API was found to lack the route.
    ///
    /// # Errors
    /// [`Error::UnknownProfile`], or the fetch's error when nothing is cached yet.
    pub async fn support_accesses(
        self: &Arc<Self>,
        profile: &ProfileId,
    ) -> Result<SupportAccessSnapshot, Error> {
        let area = Area::SupportAccess;
        if self.switch_missing(profile) {
            return Ok(self.in_manager());
        }
        let now = self.clock.unix_now();
        match self
            .store
            .cached::<Vec<Held>>(profile, area.as_str(), WHOLE_AREA)?
        {
            Some(c) => Ok(SupportAccessSnapshot {
                accesses: views(&c.value, now),
                manager_url: None,
                freshness: self.freshness(profile, area, c.fetched_at),
            }),
            None => match self.fetch_support_accesses(profile).await {
                Ok(held) => Ok(SupportAccessSnapshot {
                    accesses: views(&held, now),
                    manager_url: None,
                    freshness: Freshness {
                        fetched_at: Some(now),
                        refreshing: false,
                    },
                }),
                Err(Error::Api(e)) if e.is_method_not_found() => Ok(self.in_manager()),
                Err(e) => Err(e),
            },
        }
    }

    /// Grants (for [`SUPPORT_ACCESS_DAYS`]) or revokes the support team's access to one
    /// content, leaving the others as they are; answers the updated page.
    ///
    /// # Errors
    /// [`Error::SupportAccessInManager`] without a request when the API lacks the route; the
    /// API's error otherwise.
    pub async fn set_support_access(
        &self,
        profile: &ProfileId,
        content: SupportContent,
        enabled: bool,
    ) -> Result<SupportAccessSnapshot, Error> {
        if self.switch_missing(profile) {
            return Err(Error::SupportAccessInManager);
        }
        let change = Change {
            action: if enabled {
                "support_access.grant"
            } else {
                "support_access.revoke"
            },
            account_id: None,
            target: content.label(),
            route: Route::SupportAccessSet,
        };
        let client = self.client(profile).await?;
        let send = async {
            let answer = client.set_support_access(content.to_api(), enabled).await;
            self.note(profile, Route::SupportAccessSet, &answer);
            self.watch(profile, answer)
        };
        // Applied when the accesses, read again, show this content switched as asked.
        let client = &client;
        let read_back = move || async move {
            let answer = client.support_accesses().await;
            self.note(profile, Route::SupportAccesses, &answer);
            Ok(self.watch(profile, answer)?.into_iter().find(|a| {
                SupportContent::from_api(a.content) == Some(content) && a.enabled == enabled
            }))
        };
        let updated = self.audited(profile, change, send, read_back).await?;
        let area = Area::SupportAccess;
        let mut held = self
            .store
            .cached::<Vec<Held>>(profile, area.as_str(), WHOLE_AREA)?
            .map(|c| c.value)
            .unwrap_or_default();
        held.retain(|h| h.content != content);
        held.extend(Held::from_api(&updated).filter(|h| h.content == content));
        self.land(profile, area, &held)?;
        let now = self.clock.unix_now();
        Ok(SupportAccessSnapshot {
            accesses: views(&held, now),
            manager_url: None,
            freshness: Freshness {
                fetched_at: Some(now),
                refreshing: false,
            },
        })
    }

    pub(crate) async fn fetch_support_accesses(
        &self,
        profile: &ProfileId,
    ) -> Result<Vec<Held>, Error> {
        let client = self.client(profile).await?;
        let answer = client.support_accesses().await;
        self.note(profile, Route::SupportAccesses, &answer);
        let held: Vec<Held> = self
            .watch(profile, answer)?
            .iter()
            .filter_map(Held::from_api)
            .collect();
        self.land(profile, Area::SupportAccess, &held)?;
        Ok(held)
    }

    /// Either route found missing: a page of switches that cannot switch would mislead.
    fn switch_missing(&self, profile: &ProfileId) -> bool {
        self.route_missing(profile, Route::SupportAccesses)
            || self.route_missing(profile, Route::SupportAccessSet)
    }

    fn in_manager(&self) -> SupportAccessSnapshot {
        SupportAccessSnapshot {
            accesses: Vec::new(),
            manager_url: Some(SUPPORT_ACCESS_PAGE.to_owned()),
            freshness: Freshness {
                fetched_at: None,
                refreshing: false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    #[test]
    fn remaining_counts_down_in_days_hours_and_minutes() {
        let end = NOW + SUPPORT_ACCESS_DAYS * DAY;
        assert_eq!(
            remaining(NOW, end),
            Some(Remaining {
                days: 7,
                hours: 0,
                minutes: 0
            })
        );
        assert_eq!(
            remaining(NOW + 2 * DAY + 3 * HOUR + 90, end),
            Some(Remaining {
                days: 4,
                hours: 20,
                minutes: 58
            })
        );
    }

    #[test]
    fn a_passed_expiry_is_off() {
        assert_eq!(remaining(NOW, NOW), None);
        assert_eq!(remaining(NOW + 1, NOW), None);
        let held = Held {
            content: SupportContent::Kdrive,
            enabled: true,
            granted_at: Some(NOW - 8 * DAY),
            expires_at: Some(NOW - DAY),
        };
        let view = Held::view(Some(&held), SupportContent::Kdrive, NOW);
        assert!(!view.on);
        assert_eq!(view.expires_at, None);
    }

    #[test]
    fn the_page_always_lists_the_three_contents_in_order() {
        let held = [Held {
            content: SupportContent::Kchat,
            enabled: true,
            granted_at: Some(NOW),
            expires_at: Some(NOW + DAY),
        }];
        let shown = views(&held, NOW);
        let contents: Vec<_> = shown.iter().map(|v| v.content).collect();
        assert_eq!(contents, SupportContent::ALL);
        assert_eq!(
            shown.iter().map(|v| v.on).collect::<Vec<_>>(),
            [false, false, true]
        );
    }
}
