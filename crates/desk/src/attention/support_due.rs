//! When to tell someone that support's access to their content is about to end, or has: one day
//! before, and once it has ended; each once per grant, as a pure function of the cached accesses.

use crate::store::support_ledger::SupportLedgerRow;
use crate::support_access::{Held, SupportContent};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

const DAY: i64 = 24 * 60 * 60;

/// Which of the two notices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportStage {
    EndsTomorrow,
    Ended,
}

impl SupportStage {
    /// The ledger's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EndsTomorrow => "ends_tomorrow",
            Self::Ended => "ended",
        }
    }
}

/// One support-access notice (a new grant has a new end, so its notices start over).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SupportNotice {
    pub content: SupportContent,
    pub stage: SupportStage,
    pub expires_at: i64,
}

/// The notices due at `now` for the accesses last seen, leaving out those in `sent`. Once an
/// access has ended, only "ended" is due: "ends tomorrow" would come too late to be of use, and
/// is recorded along with it so that it never comes afterwards.
pub(crate) fn due(now: i64, held: &[Held], sent: &HashSet<SupportNotice>) -> Vec<SupportNotice> {
    held.iter()
        .filter(|h| h.enabled)
        .filter_map(|h| {
            let expires_at = h.expires_at?;
            let stage = if now >= expires_at {
                SupportStage::Ended
            } else if now >= expires_at.saturating_sub(DAY) {
                SupportStage::EndsTomorrow
            } else {
                return None;
            };
            Some(SupportNotice {
                content: h.content,
                stage,
                expires_at,
            })
        })
        .filter(|n| !sent.contains(n))
        .collect()
}

/// What to record with a notice: itself, and for "ended" the "ends tomorrow" it makes moot.
pub(crate) fn settled_by(notice: &SupportNotice) -> Vec<SupportNotice> {
    let mut out = vec![*notice];
    if notice.stage == SupportStage::Ended {
        out.push(SupportNotice {
            stage: SupportStage::EndsTomorrow,
            ..*notice
        });
    }
    out
}

impl SupportNotice {
    /// Its line in the store's ledger.
    pub(crate) fn to_row(self) -> SupportLedgerRow {
        SupportLedgerRow {
            content: self.content.label().to_owned(),
            stage: self.stage.as_str().to_owned(),
            expires_at: self.expires_at,
        }
    }

    /// The notice a ledger line records; `None` for a line this version does not know (written
    /// by a newer one): not ours.
    pub(crate) fn from_row(row: &SupportLedgerRow) -> Option<Self> {
        let content = SupportContent::ALL
            .into_iter()
            .find(|c| c.label() == row.content)?;
        let stage = [SupportStage::EndsTomorrow, SupportStage::Ended]
            .into_iter()
            .find(|s| s.as_str() == row.stage)?;
        Some(Self {
            content,
            stage,
            expires_at: row.expires_at,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn held(content: SupportContent, expires_at: i64) -> Held {
        serde_json::from_value(serde_json::json!({
            "content": content, "enabled": true, "granted_at": expires_at - 7 * DAY, "expires_at": expires_at
        }))
        .unwrap()
    }

    #[test]
    fn one_day_before_then_at_the_end_each_once() {
        let end = 1_000 * DAY;
        let accesses = [held(SupportContent::Kdrive, end)];
        let mut sent = HashSet::new();
        assert!(due(end - DAY - 1, &accesses, &sent).is_empty());
        let before = due(end - DAY, &accesses, &sent);
        assert_eq!(before.len(), 1);
        assert_eq!(before[0].stage, SupportStage::EndsTomorrow);
        sent.extend(before.iter().flat_map(settled_by));
        assert!(due(end - 60, &accesses, &sent).is_empty());
        let after = due(end, &accesses, &sent);
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].stage, SupportStage::Ended);
        sent.extend(after.iter().flat_map(settled_by));
        assert!(due(end + 3 * DAY, &accesses, &sent).is_empty());
    }

    #[test]
    fn an_access_seen_only_after_its_end_says_ended_and_nothing_else_later() {
        let end = 1_000 * DAY;
        let accesses = [held(SupportContent::Mail, end)];
        let mut sent = HashSet::new();
        let notices = due(end + 5, &accesses, &sent);
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].stage, SupportStage::Ended);
        sent.extend(notices.iter().flat_map(settled_by));
        assert!(due(end + DAY, &accesses, &sent).is_empty());
    }

    #[test]
    fn a_new_grant_starts_over_and_revoked_accesses_say_nothing() {
        let end = 1_000 * DAY;
        let mut sent = HashSet::new();
        sent.extend(settled_by(&SupportNotice {
            content: SupportContent::Kchat,
            stage: SupportStage::Ended,
            expires_at: end,
        }));
        let regranted = [held(SupportContent::Kchat, end + 7 * DAY)];
        assert_eq!(due(end + 6 * DAY, &regranted, &sent).len(), 1);
        let mut revoked = held(SupportContent::Kchat, end + 7 * DAY);
        revoked.enabled = false;
        assert!(due(end + 8 * DAY, &[revoked], &HashSet::new()).is_empty());
    }
}
