//! The local store: SQLite, a cache of API data per profile plus the app's own records.

pub mod audit;
mod cache;
mod capabilities;
pub use capabilities::Learned;
mod migrations;
mod profiles;
pub mod reminder_ledger;
pub mod support_ledger;

pub use cache::Cached;
pub use profiles::StoredProfile;

use crate::error::Error;
use rusqlite::Connection;
use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The store. Queries are short, so one connection behind a mutex is enough.
#[derive(Debug)]
pub struct Store {
    conn: Mutex<Connection>,
}

impl Store {
    /// Opens (or creates) the store at `path`, readable by the user only, and migrates it.
    ///
    /// # Errors
    /// [`Error::StoreFile`] when the folder or file cannot be made; [`Error::Store`] when SQLite fails.
    pub fn open(path: &Path) -> Result<Self, Error> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| Error::StoreFile {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        restrict_to_owner(path)?;
        Self::with_connection(conn)
    }

    /// A store that lives in memory only (demo mode, tests).
    ///
    /// # Errors
    /// [`Error::Store`] when SQLite fails.
    pub fn in_memory() -> Result<Self, Error> {
        Self::with_connection(Connection::open_in_memory()?)
    }

    fn with_connection(mut conn: Connection) -> Result<Self, Error> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::run(&mut conn)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite inconsistent: transactions roll back.
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(unix)]
fn restrict_to_owner(path: &Path) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(|source| {
        Error::StoreFile {
            path: path.display().to_string(),
            source,
        }
    })
}

#[cfg(not(unix))]
fn restrict_to_owner(_path: &Path) -> Result<(), Error> {
    // The per-user app-data folder is already private on Windows.
    Ok(())
}
