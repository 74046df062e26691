//! IK Desk's core, without Tauri: profiles and sessions, the local store, sync, and (with the `demo`
//! feature) the in-process demo. The shell adapts these calls to commands and events.

mod clock;
#[cfg(feature = "demo")]
mod demo;
mod error;
pub mod handoff;
mod profiles;
mod session;
pub mod store;
mod sync;
pub mod views;

pub use clock::{SystemClock, WallClock};
pub use error::{Error, ErrorCode};
pub use profiles::ProfileId;
pub use sync::FRESHNESS_SECS;

use profiles::Session;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};
use store::Store;
use tokio::sync::broadcast;
use views::{Area, DataChanged};

/// Where the core keeps its data and which clock it reads.
#[derive(Debug, Clone)]
pub struct DeskConfig {
    /// The SQLite file; `None` keeps everything in memory (demo mode: nothing written to disk).
    pub store_path: Option<PathBuf>,
    /// The wall clock.
    pub clock: Arc<dyn WallClock>,
}

impl DeskConfig {
    /// A store at `path` on the system clock.
    pub fn at(path: impl Into<PathBuf>) -> Self {
        Self {
            store_path: Some(path.into()),
            clock: Arc::new(SystemClock),
        }
    }

    /// Memory only, on the system clock.
    pub fn in_memory() -> Self {
        Self {
            store_path: None,
            clock: Arc::new(SystemClock),
        }
    }
}

/// The core. Shared as `Arc<Desk>`: background refreshes hold a reference.
#[derive(Debug)]
pub struct Desk {
    store: Store,
    clock: Arc<dyn WallClock>,
    sessions: RwLock<HashMap<ProfileId, Session>>,
    active: RwLock<Option<ProfileId>>,
    events: broadcast::Sender<DataChanged>,
    refreshing: Mutex<HashSet<(ProfileId, Area)>>,
    #[cfg(feature = "demo")]
    demo: tokio::sync::Mutex<Option<sandbox::Sandbox>>,
}

impl Desk {
    /// Opens the store and starts with no profile signed in.
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
        let (events, _) = broadcast::channel(64);
        Ok(Arc::new(Self {
            store,
            clock: config.clock,
            sessions: RwLock::default(),
            active: RwLock::default(),
            events,
            refreshing: Mutex::default(),
            #[cfg(feature = "demo")]
            demo: tokio::sync::Mutex::default(),
        }))
    }

    /// Announcements of new data in the store.
    pub fn subscribe(&self) -> broadcast::Receiver<DataChanged> {
        self.events.subscribe()
    }

    /// The store (for the shell's diagnostics and tests).
    pub fn store(&self) -> &Store {
        &self.store
    }

    fn client(&self, profile: &ProfileId) -> Result<infomaniak::Client, Error> {
        let sessions = self.sessions.read().unwrap_or_else(PoisonError::into_inner);
        match sessions.get(profile) {
            Some(s) => Ok(s.client.clone()),
            None if profile.is_demo() || self.is_stored(profile) => {
                Err(Error::SignedOut(profile.clone()))
            }
            None => Err(Error::UnknownProfile(profile.clone())),
        }
    }

    fn is_stored(&self, profile: &ProfileId) -> bool {
        self.store
            .profiles()
            .is_ok_and(|all| all.iter().any(|p| &p.id == profile))
    }

    fn in_flight(&self) -> MutexGuard<'_, HashSet<(ProfileId, Area)>> {
        self.refreshing
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}
