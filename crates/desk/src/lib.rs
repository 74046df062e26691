//! IK Desk's core, without Tauri: profiles and their tokens, the local store, sync, hand-offs and
//! (with the `demo` feature) the in-process demo. The shell adapts these calls to commands and events.

// Domains: one folder each, named as in the commands, the queries, the pages and the tests.
pub mod activity;
pub mod checkup;
pub mod diagnostics;
pub mod invoices;
pub mod organisations;
pub mod products;
pub mod reminders;
pub mod session;
pub mod settings;
pub mod support_access;
pub mod teams;
pub mod users;

// Shared pieces: none imports a domain that imports it.
pub mod attention;
mod clock;
mod error;
pub mod export;
pub mod handoff;
mod refresh;
pub mod store;
pub mod sync;

pub use clock::{SystemClock, WallClock, date_of};
pub use error::{Error, ErrorCode};
/// The seed of the demo's world, and of its faults when none is given.
#[cfg(feature = "demo")]
pub use sandbox::DEFAULT_SEED as DEMO_SEED;
pub use session::ProfileId;
pub use sync::FRESHNESS_SECS;

use session::Session;
use session::credentials::{CredentialStore, MemoryCredentials, OsKeyring};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};
use store::Store;
use sync::{Area, DataChanged};
use tokio::sync::broadcast;

/// Where the core keeps its data, its tokens, which API it talks to and which clock it reads.
#[derive(Debug, Clone)]
pub struct DeskConfig {
    /// The SQLite file; `None` keeps everything in memory (demo mode: nothing written to disk).
    pub store_path: Option<PathBuf>,
    /// Where tokens are kept.
    pub credentials: Arc<dyn CredentialStore>,
    /// The API new sign-ins talk to.
    pub api_base: String,
    /// The wall clock.
    pub clock: Arc<dyn WallClock>,
    /// The clock the API budget and the retries wait on; `None` is real time. Tests give a
    /// clock whose waits cost nothing, to run long sessions under faults.
    pub api_clock: Option<Arc<dyn infomaniak::Clock>>,
    /// In demo mode, the share of the local API's answers (0 to 1) that meet a fault, and the
    /// seed that makes them repeatable: to see how the app holds up on a bad network.
    pub demo_faults: Option<(f64, u64)>,
    /// A private folder for the files handed to other apps (an invoice opened in the PDF
    /// viewer): readable by the user only, emptied at start and at exit. `None`: opening is off.
    pub opened_dir: Option<PathBuf>,
}

impl DeskConfig {
    /// The installed app: a store at `path`, tokens in the OS keyring, Infomaniak's API.
    pub fn at(path: impl Into<PathBuf>) -> Self {
        Self {
            store_path: Some(path.into()),
            credentials: Arc::new(OsKeyring::default()),
            api_base: infomaniak::PRODUCTION_BASE_URL.to_owned(),
            clock: Arc::new(SystemClock),
            api_clock: None,
            demo_faults: None,
            opened_dir: None,
        }
    }

    /// Memory only, tokens too (demo mode): nothing touches the disk or the keyring.
    pub fn in_memory() -> Self {
        Self {
            store_path: None,
            credentials: Arc::new(MemoryCredentials::default()),
            api_base: infomaniak::PRODUCTION_BASE_URL.to_owned(),
            clock: Arc::new(SystemClock),
            api_clock: None,
            demo_faults: None,
            opened_dir: None,
        }
    }
}

/// Why a stored profile has no token in memory this run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SignedOut {
    /// The person signed out, or no token was found.
    ByChoice,
    /// The API answered 401: the token was revoked or expired.
    TokenRefused,
}

/// The core. Shared as `Arc<Desk>`: background refreshes hold a reference.
#[derive(Debug)]
pub struct Desk {
    store: Store,
    credentials: Arc<dyn CredentialStore>,
    api_base: String,
    clock: Arc<dyn WallClock>,
    opened_dir: Option<PathBuf>,
    api_clock: Option<Arc<dyn infomaniak::Clock>>,
    #[cfg_attr(not(feature = "demo"), allow(dead_code))]
    demo_faults: Option<(f64, u64)>,
    sessions: RwLock<HashMap<ProfileId, Session>>,
    signed_out: Mutex<HashMap<ProfileId, SignedOut>>,
    active: RwLock<Option<ProfileId>>,
    events: broadcast::Sender<DataChanged>,
    refreshing: Mutex<HashSet<(ProfileId, Area)>>,
    refreshing_per_account: Mutex<HashSet<(ProfileId, Area, String)>>,
    /// Runs of invitations in bulk asked to stop, per organisation.
    bulk_stops: Mutex<HashSet<(ProfileId, infomaniak::AccountId)>>,
    #[cfg(feature = "demo")]
    demo: tokio::sync::Mutex<Option<sandbox::Sandbox>>,
}

const ACTIVE_PROFILE: &str = "active_profile";

impl Desk {
    /// Opens the store and restores the last active profile (its token is read only when needed).
    ///
    /// # Errors
    /// [`Error::Store`] or [`Error::StoreFile`] when the store cannot be opened.
    pub fn open(config: DeskConfig) -> Result<Arc<Self>, Error> {
        let store = match &config.store_path {
            Some(path) => Store::open(path)?,
            None => Store::in_memory()?,
        };
        // The demo is session-only: whatever a previous run cached for it goes.
        store.forget_cache(&ProfileId::demo())?;
        if let Some(dir) = &config.opened_dir {
            // What an earlier run handed to a viewer and could not remove (a crash) goes now.
            export::clear_private_folder(dir);
        }
        let active = store.setting(ACTIVE_PROFILE)?.map(ProfileId::new);
        let (events, _) = broadcast::channel(64);
        Ok(Arc::new(Self {
            store,
            credentials: config.credentials,
            api_base: config.api_base,
            clock: config.clock,
            opened_dir: config.opened_dir,
            api_clock: config.api_clock,
            demo_faults: config.demo_faults,
            sessions: RwLock::default(),
            signed_out: Mutex::default(),
            active: RwLock::new(active),
            events,
            refreshing: Mutex::default(),
            refreshing_per_account: Mutex::default(),
            bulk_stops: Mutex::default(),
            #[cfg(feature = "demo")]
            demo: tokio::sync::Mutex::default(),
        }))
    }

    /// A client for `token` at `base`, its budget on the configured clock.
    fn new_client(
        &self,
        base: &str,
        token: infomaniak::ApiToken,
    ) -> Result<infomaniak::Client, Error> {
        let mut builder = infomaniak::Client::builder(base, token);
        if let Some(clock) = &self.api_clock {
            builder = builder.budget(Arc::new(infomaniak::Budget::for_api(clock.clone())));
        }
        Ok(builder.build()?)
    }

    /// Empties the private folder of files opened in other apps (the shell calls it at exit).
    pub fn clear_opened_files(&self) {
        if let Some(dir) = &self.opened_dir {
            export::clear_private_folder(dir);
        }
    }

    /// Announcements of new data in the store.
    pub fn subscribe(&self) -> broadcast::Receiver<DataChanged> {
        self.events.subscribe()
    }

    /// The store (for the shell's diagnostics and tests).
    pub fn store(&self) -> &Store {
        &self.store
    }

    fn announce(&self, profile: &ProfileId, area: Area) {
        // Nobody listening (no window yet) is fine: the next read finds the data in the store.
        let _ = self.events.send(DataChanged {
            profile_id: profile.clone(),
            area,
        });
    }

    fn in_flight(&self) -> MutexGuard<'_, HashSet<(ProfileId, Area)>> {
        self.refreshing
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn signed_out_state(&self) -> MutexGuard<'_, HashMap<ProfileId, SignedOut>> {
        self.signed_out
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}
