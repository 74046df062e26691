//! The real OS keyring (Secret Service under a private D-Bus session in `make test`).
//! Each test uses its own service name, so runs never see each other's entries.

use desk::ProfileId;
use desk::session::credentials::{CredentialError, CredentialStore, OsKeyring};
use infomaniak::ApiToken;
use std::path::Path;
use std::process::Command;

fn keyring(test: &str) -> OsKeyring {
    OsKeyring::with_service(format!("ik-desk-test-{test}-{}", std::process::id()))
}

#[test]
fn store_read_replace_and_forget() {
    let k = keyring("crud");
    let p = ProfileId::new("user-1");
    assert_eq!(k.load(&p).unwrap(), None);
    k.save(&p, &ApiToken::new("first-secret")).unwrap();
    assert_eq!(k.load(&p).unwrap().unwrap().expose(), "first-secret");
    k.save(&p, &ApiToken::new("second-secret")).unwrap();
    assert_eq!(k.load(&p).unwrap().unwrap().expose(), "second-secret");
    k.delete(&p).unwrap();
    assert_eq!(k.load(&p).unwrap(), None);
    k.delete(&p).unwrap();
}

/// Run by `a_token_survives_the_process_that_stored_it` in a separate process.
#[test]
#[ignore = "run as a child process by another test"]
fn child_reads_the_token() {
    let service = std::env::var("IK_DESK_KEYRING_SERVICE").unwrap();
    let token = OsKeyring::with_service(service)
        .load(&ProfileId::new("user-2"))
        .unwrap();
    assert_eq!(
        token.map(|t| t.expose().to_owned()).as_deref(),
        Some("persisted-secret")
    );
}

#[test]
fn a_token_survives_the_process_that_stored_it() {
    let service = format!("ik-desk-test-persist-{}", std::process::id());
    OsKeyring::with_service(&service)
        .save(
            &ProfileId::new("user-2"),
            &ApiToken::new("persisted-secret"),
        )
        .unwrap();
    let status = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_reads_the_token", "--ignored", "--quiet"])
        .env("IK_DESK_KEYRING_SERVICE", &service)
        .status()
        .unwrap();
    OsKeyring::with_service(&service)
        .delete(&ProfileId::new("user-2"))
        .unwrap();
    assert!(
        status.success(),
        "another process could not read the stored token"
    );
}

/// Run by `no_keyring_service_is_said_plainly` with no session bus.
#[test]
#[ignore = "run as a child process by another test"]
fn child_finds_no_keyring() {
    let err = keyring("absent")
        .save(&ProfileId::new("user-3"), &ApiToken::new("x"))
        .unwrap_err();
    assert!(
        matches!(
            err,
            CredentialError::Unavailable(_) | CredentialError::Locked
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("session only"), "{err}");
}

#[test]
fn no_keyring_service_is_said_plainly() {
    let status = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_finds_no_keyring", "--ignored", "--quiet"])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/ik-desk-no-bus",
        )
        .status()
        .unwrap();
    assert!(
        status.success(),
        "a missing keyring was not reported as such"
    );
}

/// Locks the default collection of the Secret Service of this session, as a screen lock does.
fn lock_the_keyring() {
    let status = Command::new("gdbus")
        .args([
            "call",
            "--session",
            "--dest",
            "org.freedesktop.secrets",
            "--object-path",
            "/org/freedesktop/secrets",
            "--method",
            "org.freedesktop.Secret.Service.Lock",
            "[objectpath '/org/freedesktop/secrets/collection/login']",
        ])
        .status()
        .unwrap();
    assert!(status.success(), "could not lock the keyring");
}

/// Run by `a_locked_keyring_is_said_plainly` in a session of its own.
#[test]
#[ignore = "run as a child process, in its own D-Bus session, by another test"]
fn child_meets_a_locked_keyring() {
    let k = keyring("locked");
    let p = ProfileId::new("user-4");
    k.save(&p, &ApiToken::new("before-the-lock")).unwrap();
    lock_the_keyring();
    let (done, outcome) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send((k.save(&p, &ApiToken::new("x")), k.load(&p)));
    });
    let (saved, loaded) = outcome
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("a locked keyring must answer, not wait for a prompt nobody can see");
    let err = saved.unwrap_err();
    assert!(
        matches!(
            err,
            CredentialError::Locked | CredentialError::Unavailable(_)
        ),
        "{err:?}"
    );
    assert!(
        loaded.is_err(),
        "reading a locked keyring is refused too: {loaded:?}"
    );
}

#[test]
fn a_locked_keyring_is_said_plainly() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/with-keyring.sh");
    let status = Command::new("dbus-run-session")
        .arg("--")
        .arg("bash")
        .arg(script)
        .arg(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_meets_a_locked_keyring",
            "--ignored",
            "--quiet",
        ])
        .status()
        .unwrap();
    assert!(
        status.success(),
        "a locked keyring was not reported as such"
    );
}
