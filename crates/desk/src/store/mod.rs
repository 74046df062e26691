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
use rusqlite::{Connection, ErrorCode as SqliteCode};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The store. Queries are short, so one connection behind a mutex is enough.
#[derive(Debug)]
pub struct Store {
    conn: Mutex<Connection>,
    /// Held for the store's life: a second process on the same data is refused (also where no
    /// session bus lets the single-instance plugin coordinate). Released by the OS at exit.
    _lock: Option<File>,
    /// Where a damaged file was moved at opening, if one was.
    set_aside: Option<PathBuf>,
}

/// SQLite's own header: what every store file starts with.
const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";

impl Store {
    /// Opens (or creates) the store at `path`, readable by the user only, and migrates it.
    ///
    /// A file that is not a readable SQLite store (damaged, truncated, overwritten) is moved aside
    /// with the date in its name and a fresh store is made: the cache is fetched again, and
    /// [`Store::set_aside`] says where the old file went. A store written by a newer version is
    /// refused and left untouched.
    ///
    /// # Errors
    /// [`Error::StoreFile`] when the folder or file cannot be made (a read-only folder);
    /// [`Error::StoreInUse`] when another process has it open; [`Error::StoreTooNew`];
    /// [`Error::Store`] when SQLite fails otherwise.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let file_error = |at: &Path| {
            let at = at.display().to_string();
            move |source| Error::StoreFile { path: at, source }
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(file_error(dir))?;
        }
        let lock = lock(path)?;
        let set_aside = if is_damaged(path) {
            Some(set_aside(path).map_err(file_error(path))?)
        } else {
            None
        };
        let conn = Connection::open(path)?;
        restrict_to_owner(path)?;
        let found = schema_version(&conn)?;
        if found > migrations::known() {
            return Err(Error::StoreTooNew {
                path: path.display().to_string(),
                found,
                known: migrations::known(),
            });
        }
        let mut store = Self::with_connection(conn)?;
        store._lock = Some(lock);
        store.set_aside = set_aside;
        Ok(store)
    }

    /// Where a damaged store file was moved when this one was opened.
    pub fn set_aside(&self) -> Option<&Path> {
        self.set_aside.as_deref()
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
            _lock: None,
            set_aside: None,
        })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite inconsistent: transactions roll back.
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Takes the store's lock file (`<store>.lock`) for this process.
fn lock(path: &Path) -> Result<File, Error> {
    let lock_path = path.with_extension("lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|source| Error::StoreFile {
            path: lock_path.display().to_string(),
            source,
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::StoreInUse {
            path: path.display().to_string(),
        }),
        Err(std::fs::TryLockError::Error(source)) => Err(Error::StoreFile {
            path: lock_path.display().to_string(),
            source,
        }),
    }
}

/// A file that exists, is not empty, and is not a SQLite database SQLite can read.
fn is_damaged(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    if bytes.is_empty() {
        return false;
    }
    if !bytes.starts_with(SQLITE_HEADER) {
        return true;
    }
    let readable = Connection::open(path)
        .and_then(|c| c.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0)));
    match readable {
        Ok(answer) => answer != "ok",
        Err(rusqlite::Error::SqliteFailure(e, _)) => {
            matches!(
                e.code,
                SqliteCode::NotADatabase | SqliteCode::DatabaseCorrupt
            )
        }
        Err(_) => false,
    }
}

/// Moves a damaged store (and its journal files) to `<name>.damaged-<date>`.
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let (y, m, d) = crate::clock::date_of(crate::WallClock::unix_now(&crate::SystemClock));
    let stamp = format!("{y:04}-{m:02}-{d:02}-{}", std::process::id());
    let name = path
        .file_name()
        .map_or_else(|| "store".to_owned(), |n| n.to_string_lossy().into_owned());
    let aside = path.with_file_name(format!("{name}.damaged-{stamp}"));
    std::fs::rename(path, &aside)?;
    for suffix in ["-wal", "-shm"] {
        let journal = path.with_file_name(format!("{name}{suffix}"));
        if journal.exists() {
            let _ = std::fs::rename(
                &journal,
                aside.with_file_name(format!("{name}.damaged-{stamp}{suffix}")),
            );
        }
    }
    tracing::warn!(aside = %aside.display(), "the local data file was damaged and was set aside");
    Ok(aside)
}

/// The schema version SQLite keeps in the file's header (0 for a new file).
fn schema_version(conn: &Connection) -> Result<usize, Error> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
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
