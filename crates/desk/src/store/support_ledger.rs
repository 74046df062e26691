//! The support-access notices sent, so that none is sent twice, even across restarts.

use super::Store;
use crate::error::Error;
use crate::session::ProfileId;
use std::collections::HashSet;

/// A support-access notice as the ledger keeps it: the names of its content and stage, and the
/// end of the grant it was about. The store knows no domain: `attention` maps its notices to
/// and from these rows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SupportLedgerRow {
    pub content: String,
    pub stage: String,
    pub expires_at: i64,
}

impl Store {
    /// Records `notices` as sent at `sent_at`.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn record_support_sent(
        &self,
        profile: &ProfileId,
        notices: &[SupportLedgerRow],
        sent_at: i64,
    ) -> Result<(), Error> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        {
            let mut insert = tx.prepare(
                "INSERT OR IGNORE INTO support_ledger (profile_id, content, stage, expires_at, sent_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for n in notices {
                insert.execute((
                    profile.as_str(),
                    n.content.as_str(),
                    n.stage.as_str(),
                    n.expires_at,
                    sent_at,
                ))?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Every support-access notice recorded as sent for `profile`.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn support_sent(&self, profile: &ProfileId) -> Result<HashSet<SupportLedgerRow>, Error> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT content, stage, expires_at FROM support_ledger WHERE profile_id = ?1",
        )?;
        let rows = stmt.query_map([profile.as_str()], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, i64>(2)?,
            ))
        })?;
        let mut out = HashSet::new();
        for row in rows {
            let (content, stage, expires_at) = row?;
            out.insert(SupportLedgerRow {
                content,
                stage,
                expires_at,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn notices_are_kept_per_profile_and_gone_with_the_profile() {
        let store = Store::in_memory().unwrap();
        let (a, b) = (ProfileId::new("a"), ProfileId::new("b"));
        let notice = SupportLedgerRow {
            content: "kDrive".into(),
            stage: "ended".into(),
            expires_at: 1_800_000_000,
        };
        store
            .record_support_sent(&a, &[notice.clone(), notice.clone()], 5)
            .unwrap();
        assert_eq!(store.support_sent(&a).unwrap(), HashSet::from([notice]));
        assert!(store.support_sent(&b).unwrap().is_empty());
        store.delete_profile(&a).unwrap();
        assert!(store.support_sent(&a).unwrap().is_empty());
    }
}
