//! The reminder ledger: every reminder sent, so that none is sent twice, even across restarts.

use super::Store;
use crate::error::Error;
use crate::session::ProfileId;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One reminder sent: never twice for the same product, lead time and expiry. A renewal moves the
/// expiry, so the reminders of the new date start over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LedgerKey {
    pub product_id: u64,
    pub lead_days: u16,
    pub expires_at: i64,
}

impl Store {
    /// Records `keys` as sent at `sent_at`. A key already recorded keeps its first time.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn record_sent(
        &self,
        profile: &ProfileId,
        keys: &[LedgerKey],
        sent_at: i64,
    ) -> Result<(), Error> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        {
            let mut insert = tx.prepare(
                "INSERT OR IGNORE INTO reminder_ledger
                     (profile_id, product_id, lead_days, expires_at, sent_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for key in keys {
                // SQLite integers are signed: product ids are far below 2^63.
                let product = i64::try_from(key.product_id).unwrap_or(i64::MAX);
                insert.execute((
                    profile.as_str(),
                    product,
                    key.lead_days,
                    key.expires_at,
                    sent_at,
                ))?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Every reminder recorded as sent for `profile`.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn sent_keys(&self, profile: &ProfileId) -> Result<HashSet<LedgerKey>, Error> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT product_id, lead_days, expires_at FROM reminder_ledger WHERE profile_id = ?1",
        )?;
        let rows = stmt.query_map([profile.as_str()], |row| {
            Ok(LedgerKey {
                product_id: u64::try_from(row.get::<_, i64>(0)?).unwrap_or_default(),
                lead_days: row.get(1)?,
                expires_at: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Deletes a profile's ledger (when the profile is forgotten).
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn forget_ledger(&self, profile: &ProfileId) -> Result<usize, Error> {
        Ok(self.conn().execute(
            "DELETE FROM reminder_ledger WHERE profile_id = ?1",
            [profile.as_str()],
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_kept_per_profile_and_once() {
        let store = Store::in_memory().unwrap();
        let (a, b) = (ProfileId::new("a"), ProfileId::new("b"));
        let key = LedgerKey {
            product_id: 7,
            lead_days: 14,
            expires_at: 1_800_000_000,
        };
        store.record_sent(&a, &[key, key], 10).unwrap();
        store.record_sent(&a, &[key], 20).unwrap();
        assert_eq!(store.sent_keys(&a).unwrap(), HashSet::from([key]));
        assert!(store.sent_keys(&b).unwrap().is_empty());
        assert_eq!(store.forget_ledger(&a).unwrap(), 1);
        assert!(store.sent_keys(&a).unwrap().is_empty());
    }
}
