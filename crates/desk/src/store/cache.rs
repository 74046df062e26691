//! Cached API data: one JSON payload per (profile, area, key), with the time it was fetched.

use super::Store;
use crate::error::Error;
use crate::session::ProfileId;
use rusqlite::OptionalExtension;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A cached value and when it was fetched (Unix seconds).
#[derive(Debug, Clone, PartialEq)]
pub struct Cached<T> {
    /// The value.
    pub value: T,
    /// When it was fetched.
    pub fetched_at: i64,
}

impl Store {
    /// Stores `value` for `(profile, area, key)`, replacing what was there.
    ///
    /// # Errors
    /// [`Error::Store`] or [`Error::Cache`].
    pub fn put_cached<T: Serialize>(
        &self,
        profile: &ProfileId,
        area: &str,
        key: &str,
        value: &T,
        fetched_at: i64,
    ) -> Result<(), Error> {
        let payload = serde_json::to_string(value)?;
        self.conn().execute(
            "INSERT INTO cache (profile_id, area, scope_key, payload, fetched_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (profile_id, area, scope_key)
             DO UPDATE SET payload = excluded.payload, fetched_at = excluded.fetched_at",
            (profile.as_str(), area, key, payload, fetched_at),
        )?;
        Ok(())
    }

    /// Reads what is cached for `(profile, area, key)`. Data written by an incompatible version
    /// reads as absent, so it is fetched again instead of failing.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn cached<T: DeserializeOwned>(
        &self,
        profile: &ProfileId,
        area: &str,
        key: &str,
    ) -> Result<Option<Cached<T>>, Error> {
        let row: Option<(String, i64)> = self
            .conn()
            .query_row(
                "SELECT payload, fetched_at FROM cache
                 WHERE profile_id = ?1 AND area = ?2 AND scope_key = ?3",
                (profile.as_str(), area, key),
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        Ok(row.and_then(
            |(payload, fetched_at)| match serde_json::from_str(&payload) {
                Ok(value) => Some(Cached { value, fetched_at }),
                Err(e) => {
                    tracing::warn!(area, "discarding unreadable cache entry: {e}");
                    None
                }
            },
        ))
    }

    /// Deletes every cached row of a profile.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn forget_cache(&self, profile: &ProfileId) -> Result<usize, Error> {
        Ok(self.conn().execute(
            "DELETE FROM cache WHERE profile_id = ?1",
            [profile.as_str()],
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_read_replace_and_forget() {
        let store = Store::in_memory().unwrap();
        let p = ProfileId::new("42");
        assert_eq!(
            store.cached::<Vec<u32>>(&p, "organisations", "").unwrap(),
            None
        );
        store
            .put_cached(&p, "organisations", "", &vec![1, 2], 100)
            .unwrap();
        store
            .put_cached(&p, "organisations", "", &vec![3], 200)
            .unwrap();
        let got = store
            .cached::<Vec<u32>>(&p, "organisations", "")
            .unwrap()
            .unwrap();
        assert_eq!(
            got,
            Cached {
                value: vec![3],
                fetched_at: 200
            }
        );
        assert_eq!(store.forget_cache(&p).unwrap(), 1);
        assert_eq!(
            store.cached::<Vec<u32>>(&p, "organisations", "").unwrap(),
            None
        );
    }

    #[test]
    fn unreadable_entries_read_as_absent() {
        let store = Store::in_memory().unwrap();
        let p = ProfileId::new("42");
        store
            .put_cached(&p, "organisations", "", &"not a list", 1)
            .unwrap();
        assert_eq!(
            store.cached::<Vec<u32>>(&p, "organisations", "").unwrap(),
            None
        );
    }
}
