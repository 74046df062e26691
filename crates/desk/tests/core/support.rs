//! What most core tests start from: a local API and a core signed in to it.

use desk::session::credentials::{CredentialStore, MemoryCredentials};
use desk::{Desk, DeskConfig, ProfileId, WallClock};
use infomaniak::ApiToken;
use sandbox::{ManualClock, Sandbox, SandboxConfig};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

/// A local API of `config`, and a core in memory signed in to it with `token` (session only).
pub async fn signed_in_with(config: SandboxConfig, token: &str) -> (Sandbox, Arc<Desk>, ProfileId) {
    let api = Sandbox::start(config).await.unwrap();
    let desk = Desk::open(DeskConfig {
        api_base: api.base_url(),
        ..DeskConfig::in_memory()
    })
    .unwrap();
    let id = desk
        .sign_in(ApiToken::new(token), false)
        .await
        .unwrap()
        .profile
        .id;
    (api, desk, id)
}

/// The same with the token that has every scope.
pub async fn signed_in(config: SandboxConfig) -> (Sandbox, Arc<Desk>, ProfileId) {
    signed_in_with(config, sandbox::tokens::DEMO).await
}

/// The instant clocked worlds start at.
pub const START: i64 = 1_800_000_000;

/// The app's clock, moved by hand.
#[derive(Debug)]
pub struct FixedClock(pub AtomicI64);

impl WallClock for FixedClock {
    fn unix_now(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// A local API and a core whose clocks start at [`START`] and move together.
pub struct Clocked {
    pub api: Sandbox,
    pub api_clock: ManualClock,
    pub desk: Arc<Desk>,
    pub clock: Arc<FixedClock>,
    pub profile: ProfileId,
    pub credentials: Arc<MemoryCredentials>,
    pub store_path: Option<PathBuf>,
}

impl Clocked {
    /// A local API of `config` and a core in memory signed in to it.
    pub async fn start(config: SandboxConfig) -> Self {
        Self::start_at(config, None).await
    }

    /// The same with the store in a file (remembered sign-in), so the core can be reopened.
    pub async fn start_at(config: SandboxConfig, store_path: Option<PathBuf>) -> Self {
        let api_clock = ManualClock::new(START);
        let api = Sandbox::start(SandboxConfig {
            clock: Arc::new(api_clock.clone()),
            ..config
        })
        .await
        .unwrap();
        let clock = Arc::new(FixedClock(AtomicI64::new(START)));
        let credentials = Arc::new(MemoryCredentials::default());
        let mut w = Self {
            api,
            api_clock,
            desk: Desk::open(DeskConfig::in_memory()).unwrap(),
            clock,
            profile: ProfileId::new(""),
            credentials,
            store_path,
        };
        w.desk = w.open_desk();
        let remember = w.store_path.is_some();
        w.profile = w
            .desk
            .sign_in(ApiToken::new(sandbox::tokens::DEMO), remember)
            .await
            .unwrap()
            .profile
            .id;
        w
    }

    /// A new core on the same store, tokens and clock: what a restart of the app gives. The old
    /// core is gone first, as the old process would be (the store admits one at a time); a
    /// refresh it had under way may hold it a moment longer, so the new one waits for the lock.
    pub fn restart(&mut self) -> Arc<Desk> {
        self.desk = Desk::open(DeskConfig::in_memory()).unwrap();
        self.desk = self.open_desk();
        self.desk.clone()
    }

    fn open_desk(&self) -> Arc<Desk> {
        let credentials: Arc<dyn CredentialStore> = self.credentials.clone();
        let config = DeskConfig {
            store_path: self.store_path.clone(),
            credentials,
            api_base: self.api.base_url(),
            clock: self.clock.clone(),
            api_clock: None,
            demo_faults: None,
            opened_dir: None,
        };
        for _ in 0..500 {
            match Desk::open(config.clone()) {
                Err(desk::Error::StoreInUse { .. }) => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                other => return other.unwrap(),
            }
        }
        panic!("the previous core never let go of the store")
    }

    /// Now, on both clocks.
    pub fn now(&self) -> i64 {
        self.clock.unix_now()
    }

    /// Moves both clocks, the API's and the app's, by the same time.
    pub fn advance(&self, secs: i64) {
        self.api_clock
            .advance(Duration::from_secs(secs.unsigned_abs()));
        self.clock.0.fetch_add(secs, Ordering::SeqCst);
    }

    /// The paths of the PUT requests the API received.
    pub fn puts(&self) -> Vec<String> {
        self.api
            .requests()
            .into_iter()
            .filter(|r| r.method == "PUT")
            .map(|r| r.path)
            .collect()
    }
}

/// An organisation's id as the tests write it (the sandbox's ids are plain numbers).
pub fn acct(id: impl Into<infomaniak::AccountId>) -> infomaniak::AccountId {
    id.into()
}
