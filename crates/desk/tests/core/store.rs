//! The local store survives what happens to files: damage, a newer version, a migration that
//! stops half-way, a folder it cannot write, a second process.

use desk::store::Store;
use desk::{Desk, DeskConfig, Error};
use std::sync::Arc;

fn config_at(path: &std::path::Path) -> DeskConfig {
    DeskConfig {
        credentials: Arc::new(desk::session::credentials::MemoryCredentials::default()),
        ..DeskConfig::at(path)
    }
}

#[test]
fn a_damaged_file_is_set_aside_and_the_app_starts_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ik-desk.sqlite3");
    std::fs::write(&path, b"this is not a database, it was overwritten").unwrap();

    let desk = Desk::open(config_at(&path)).unwrap();

    let aside = desk.session().unwrap().store_set_aside.unwrap();
    assert!(aside.contains("ik-desk.sqlite3.damaged-"), "{aside}");
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        b"this is not a database, it was overwritten",
        "the damaged file is kept as it was"
    );
    desk.store().set_setting("probe", "works").unwrap();
    assert_eq!(
        desk.store().setting("probe").unwrap().as_deref(),
        Some("works")
    );
}

#[test]
fn a_file_cut_short_is_set_aside_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ik-desk.sqlite3");
    {
        let store = Store::open(&path).unwrap();
        store.set_setting("a", "b").unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len().min(600)]).unwrap();
    let store = Store::open(&path).unwrap();
    assert!(store.set_aside().is_some());
}

#[test]
fn a_store_of_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ik-desk.sqlite3");
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(&path).unwrap();

    let err = Store::open(&path).unwrap_err();

    assert!(
        matches!(err, Error::StoreTooNew { found: 99, .. }),
        "{err:?}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "not one byte changed"
    );
}

#[test]
fn a_migration_that_fails_leaves_the_store_at_its_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ik-desk.sqlite3");
    {
        // A store at version 3 whose next migration cannot run (its table is already there).
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE reminder_ledger (x INTEGER); PRAGMA user_version = 3;")
            .unwrap();
    }
    assert!(matches!(Store::open(&path), Err(Error::Store(_))));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 3);
    let later: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'support_ledger'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(later, 0, "no later migration ran");
}

#[cfg(target_os = "linux")]
#[test]
fn a_folder_that_cannot_be_written_is_named() {
    // /proc refuses new folders even to root, unlike a read-only permission bit.
    let err = Store::open(std::path::Path::new("/proc/ik-desk-test/ik-desk.sqlite3")).unwrap_err();
    match err {
        Error::StoreFile { path, .. } => assert!(path.starts_with("/proc/ik-desk-test"), "{path}"),
        other => panic!("expected a file error, got {other:?}"),
    }
}

#[test]
fn a_second_process_on_the_same_store_is_refused_until_the_first_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ik-desk.sqlite3");
    let first = Store::open(&path).unwrap();
    assert!(matches!(Store::open(&path), Err(Error::StoreInUse { .. })));
    drop(first);
    Store::open(&path).unwrap();
}
