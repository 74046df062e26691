//! Versioned schema migrations, tracked in SQLite's `user_version`.

use rusqlite::Connection;

/// Each entry moves the schema one version up. Never edit a shipped entry: add one.
const MIGRATIONS: &[&str] = &[
    // 1: profiles (no secret: the token lives in the OS keyring) and the API cache.
    "CREATE TABLE profiles (
         id TEXT PRIMARY KEY,
         label TEXT NOT NULL,
         display_name TEXT NOT NULL,
         email TEXT NOT NULL,
         api_base TEXT NOT NULL,
         created_at INTEGER NOT NULL
     );
     CREATE TABLE cache (
         profile_id TEXT NOT NULL,
         area TEXT NOT NULL,
         scope_key TEXT NOT NULL,
         payload TEXT NOT NULL,
         fetched_at INTEGER NOT NULL,
         PRIMARY KEY (profile_id, area, scope_key)
     );",
    // 2: the app's own settings (the active profile, later reminders and mutes).
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    // 3: the audit log of every change the app makes at Infomaniak, and what was learned about
    // each route per profile (works, missing, needs a scope).
    "CREATE TABLE audit (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         at INTEGER NOT NULL,
         profile_id TEXT NOT NULL,
         actor TEXT NOT NULL,
         account_id INTEGER,
         action TEXT NOT NULL,
         target TEXT NOT NULL,
         result TEXT NOT NULL,
         error_code TEXT
     );
     CREATE INDEX audit_by_profile ON audit (profile_id, at);
     CREATE TABLE capabilities (
         profile_id TEXT NOT NULL,
         route TEXT NOT NULL,
         state TEXT NOT NULL,
         scope TEXT,
         at INTEGER NOT NULL,
         PRIMARY KEY (profile_id, route)
     );",
    // 4: the reminders sent, so that none is sent twice (a new expiry is a new key).
    "CREATE TABLE reminder_ledger (
         profile_id TEXT NOT NULL,
         product_id INTEGER NOT NULL,
         lead_days INTEGER NOT NULL,
         expires_at INTEGER NOT NULL,
         sent_at INTEGER NOT NULL,
         PRIMARY KEY (profile_id, product_id, lead_days, expires_at)
     );",
    // 5: the support-access notices sent (one day before the end, and at the end, of each grant).
    "CREATE TABLE support_ledger (
         profile_id TEXT NOT NULL,
         content TEXT NOT NULL,
         stage TEXT NOT NULL,
         expires_at INTEGER NOT NULL,
         sent_at INTEGER NOT NULL,
         PRIMARY KEY (profile_id, content, stage, expires_at)
     );",
];

/// The newest schema version this build knows.
pub(super) fn known() -> usize {
    MIGRATIONS.len()
}

pub(super) fn run(conn: &mut Connection) -> rusqlite::Result<()> {
    let current: usize = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_harmless_and_reaches_the_last_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        run(&mut conn).unwrap();
        run(&mut conn).unwrap();
        let version: usize = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, MIGRATIONS.len());
    }
}
