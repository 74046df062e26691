//! Profiles as stored: who, where, since when. Never the token.

use super::Store;
use crate::error::Error;
use crate::session::ProfileId;

/// A profile row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredProfile {
    /// Its id.
    pub id: ProfileId,
    /// What the user calls it.
    pub label: String,
    /// The person's name.
    pub display_name: String,
    /// The person's e-mail.
    pub email: String,
    /// The API it talks to.
    pub api_base: String,
}

impl Store {
    /// Adds or updates a profile.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn save_profile(&self, p: &StoredProfile, now: i64) -> Result<(), Error> {
        self.conn().execute(
            "INSERT INTO profiles (id, label, display_name, email, api_base, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (id) DO UPDATE SET label = excluded.label,
               display_name = excluded.display_name, email = excluded.email,
               api_base = excluded.api_base",
            (
                p.id.as_str(),
                &p.label,
                &p.display_name,
                &p.email,
                &p.api_base,
                now,
            ),
        )?;
        Ok(())
    }

    /// Every stored profile, oldest first.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn profiles(&self) -> Result<Vec<StoredProfile>, Error> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT id, label, display_name, email, api_base FROM profiles ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(StoredProfile {
                id: ProfileId::new(row.get::<_, String>(0)?),
                label: row.get(1)?,
                display_name: row.get(2)?,
                email: row.get(3)?,
                api_base: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl Store {
    /// Deletes a profile and every cached row of it.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn delete_profile(&self, id: &ProfileId) -> Result<(), Error> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute("DELETE FROM cache WHERE profile_id = ?1", [id.as_str()])?;
        tx.execute(
            "DELETE FROM capabilities WHERE profile_id = ?1",
            [id.as_str()],
        )?;
        tx.execute("DELETE FROM audit WHERE profile_id = ?1", [id.as_str()])?;
        tx.execute(
            "DELETE FROM reminder_ledger WHERE profile_id = ?1",
            [id.as_str()],
        )?;
        tx.execute(
            "DELETE FROM support_ledger WHERE profile_id = ?1",
            [id.as_str()],
        )?;
        // Per-profile settings are keyed `name:profile`.
        tx.execute(
            "DELETE FROM settings WHERE key LIKE '%:' || ?1",
            [id.as_str()],
        )?;
        tx.execute("DELETE FROM profiles WHERE id = ?1", [id.as_str()])?;
        tx.execute(
            "DELETE FROM settings WHERE key = 'active_profile' AND value = ?1",
            [id.as_str()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Reads one setting.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn setting(&self, key: &str) -> Result<Option<String>, Error> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn()
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Writes one setting.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), Error> {
        self.conn().execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )?;
        Ok(())
    }
}
