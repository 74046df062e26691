//! The core against the local API: cached reads, background refresh, errors the UI branches on.

use desk::sync::Area;
use desk::{Desk, DeskConfig, ErrorCode, FRESHNESS_SECS, WallClock};
use infomaniak::ApiToken;
use sandbox::{Sandbox, SandboxConfig, tokens};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

#[derive(Debug)]
struct FixedClock(AtomicI64);

impl WallClock for FixedClock {
    fn unix_now(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

struct World {
    api: Sandbox,
    desk: Arc<Desk>,
    clock: Arc<FixedClock>,
    _dir: tempfile::TempDir,
}

async fn world() -> World {
    let api = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock(AtomicI64::new(1_800_000_000)));
    let config = DeskConfig {
        store_path: Some(dir.path().join("store.sqlite3")),
        credentials: Arc::new(desk::session::credentials::MemoryCredentials::default()),
        api_base: api.base_url(),
        clock: clock.clone(),
        api_clock: None,
        demo_faults: None,
        opened_dir: None,
    };
    World {
        desk: Desk::open(config).unwrap(),
        api,
        clock,
        _dir: dir,
    }
}

fn requests_to(api: &Sandbox, path: &str) -> usize {
    api.requests().iter().filter(|r| r.path == path).count()
}

#[tokio::test]
async fn organisations_are_fetched_once_then_served_from_the_cache() {
    let w = world().await;
    let profile = w
        .desk
        .sign_in(ApiToken::new(tokens::DEMO), true)
        .await
        .unwrap()
        .profile
        .id;

    let first = w.desk.organisations(&profile).await.unwrap();
    let mut names: Vec<_> = first.items.iter().map(|o| o.name.clone()).collect();
    let mut want: Vec<_> = w
        .api
        .world()
        .organisations
        .iter()
        .map(|o| o.name.clone())
        .collect();
    names.sort();
    want.sort();
    assert_eq!(names, want);
    assert!(!first.freshness.refreshing);

    // Inside the freshness window, reading again costs no request.
    let again = w.desk.organisations(&profile).await.unwrap();
    assert_eq!(again.items, first.items);
    assert_eq!(requests_to(&w.api, "/1/accounts"), 1);
}

#[tokio::test]
async fn stale_data_is_shown_at_once_and_refreshed_in_the_background() {
    let w = world().await;
    let profile = w
        .desk
        .sign_in(ApiToken::new(tokens::DEMO), true)
        .await
        .unwrap()
        .profile
        .id;
    let fetched = w.desk.organisations(&profile).await.unwrap();
    let mut events = w.desk.subscribe();

    w.clock.0.fetch_add(FRESHNESS_SECS, Ordering::SeqCst);
    let stale = w.desk.organisations(&profile).await.unwrap();
    assert_eq!(
        stale.items, fetched.items,
        "the cached rows are answered at once"
    );
    assert!(stale.freshness.refreshing);

    let change = tokio::time::timeout(Duration::from_secs(10), events.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (change.profile_id, change.area),
        (profile.clone(), Area::Organisations)
    );
    assert_eq!(requests_to(&w.api, "/1/accounts"), 2);
    let fresh = w.desk.organisations(&profile).await.unwrap();
    assert_eq!(fresh.freshness.fetched_at, Some(w.clock.unix_now()));
    assert!(!fresh.freshness.refreshing);
}

#[tokio::test]
async fn a_token_without_the_accounts_scope_names_it_and_points_to_the_token_page() {
    let w = world().await;
    let profile = w
        .desk
        .sign_in(ApiToken::new(tokens::NO_ACCOUNTS), true)
        .await
        .unwrap()
        .profile
        .id;
    let err = w.desk.organisations(&profile).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::MissingScope);
    assert_eq!(err.scope(), Some("accounts"));
    assert_eq!(
        desk::handoff::page_for(&err).as_deref(),
        Some(desk::handoff::TOKEN_PAGE)
    );
}

#[tokio::test]
async fn a_revoked_token_cannot_sign_in() {
    let w = world().await;
    let err = w
        .desk
        .sign_in(ApiToken::new(tokens::REVOKED), true)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::AuthExpired);
    assert!(
        w.desk.session().unwrap().profiles.is_empty(),
        "nothing is recorded for a refused token"
    );
}

#[tokio::test]
async fn the_store_keeps_profiles_but_never_the_token_and_is_private_to_the_user() {
    let w = world().await;
    let profile = w
        .desk
        .sign_in(ApiToken::new(tokens::DEMO), true)
        .await
        .unwrap()
        .profile
        .id;
    w.desk.organisations(&profile).await.unwrap();
    let path = w._dir.path().join("store.sqlite3");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    drop(w.desk);
    let mut bytes = std::fs::read(&path).unwrap();
    for wal in ["store.sqlite3-wal", "store.sqlite3-shm"] {
        bytes.extend(std::fs::read(w._dir.path().join(wal)).unwrap_or_default());
    }
    let needle = tokens::DEMO.as_bytes();
    assert!(
        !bytes.windows(needle.len()).any(|w| w == needle),
        "the token is in the store"
    );

    // A new run lists the profile from the store and reopens it; its token is read only when a
    // request needs it, and here the token store is empty (a new session-only store).
    let again = Desk::open(DeskConfig {
        credentials: Arc::new(desk::session::credentials::MemoryCredentials::default()),
        ..DeskConfig::at(&path)
    })
    .unwrap();
    let session = again.session().unwrap();
    assert_eq!(session.profiles.len(), 1);
    let id = session.profiles[0].id.clone();
    assert_eq!(
        session.active_profile,
        Some(id.clone()),
        "the last profile reopens"
    );
    let cached = again.organisations(&id).await.unwrap();
    assert!(
        !cached.items.is_empty(),
        "cached organisations are shown at once"
    );
    assert_eq!(
        again
            .refresh(&id, Area::Organisations)
            .await
            .unwrap_err()
            .code(),
        ErrorCode::AuthExpired,
        "without a token the profile is signed out"
    );
    assert!(!again.session().unwrap().profiles[0].signed_in);
}

#[cfg(feature = "demo")]
#[tokio::test]
async fn the_demo_starts_in_process_and_shows_its_world() {
    let desk = Desk::open(DeskConfig::in_memory()).unwrap();
    let summary = desk.start_demo().await.unwrap();
    assert!(summary.demo && summary.signed_in);
    let session = desk.session().unwrap();
    assert_eq!(session.active_profile, Some(summary.id.clone()));
    let orgs = desk.organisations(&summary.id).await.unwrap();
    assert!(
        orgs.items.len() >= 4,
        "the demo world has several organisations"
    );
    // Starting again reuses the running demo.
    assert_eq!(desk.start_demo().await.unwrap().id, summary.id);
}
