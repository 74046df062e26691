//! What every request handler shares.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::auth::TokenRegistry;
use crate::clock::Clock;
use crate::config::ApiProfile;
use crate::faults::Faults;
use crate::limit::Limiter;
use crate::log::RequestLog;
use crate::world::model::World;

/// Locks a mutex, ignoring poisoning: a handler that panicked leaves the in-memory data usable
/// enough for a test server, and refusing every later request would hide the first failure.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[derive(Debug)]
pub(crate) struct Shared {
    pub profile: ApiProfile,
    pub base_url: String,
    pub clock: Arc<dyn Clock>,
    pub send_retry_after: bool,
    /// Keys the invoice download links, so a link cannot be forged by changing its expiry.
    pub link_key: u64,
    world: Mutex<World>,
    tokens: Mutex<TokenRegistry>,
    limiter: Mutex<Limiter>,
    log: Mutex<RequestLog>,
    faults: Mutex<Faults>,
}

#[derive(Debug)]
pub(crate) struct SharedParts {
    pub profile: ApiProfile,
    pub base_url: String,
    pub clock: Arc<dyn Clock>,
    pub send_retry_after: bool,
    pub link_key: u64,
    pub world: World,
    pub limiter: Limiter,
    pub faults: Faults,
}

impl Shared {
    pub(crate) fn new(parts: SharedParts) -> Self {
        Self {
            profile: parts.profile,
            base_url: parts.base_url,
            clock: parts.clock,
            send_retry_after: parts.send_retry_after,
            link_key: parts.link_key,
            world: Mutex::new(parts.world),
            tokens: Mutex::new(TokenRegistry::with_fixed_tokens()),
            limiter: Mutex::new(parts.limiter),
            log: Mutex::new(RequestLog::default()),
            faults: Mutex::new(parts.faults),
        }
    }

    pub(crate) fn world(&self) -> MutexGuard<'_, World> {
        lock(&self.world)
    }

    pub(crate) fn tokens(&self) -> MutexGuard<'_, TokenRegistry> {
        lock(&self.tokens)
    }

    pub(crate) fn limiter(&self) -> MutexGuard<'_, Limiter> {
        lock(&self.limiter)
    }

    pub(crate) fn log(&self) -> MutexGuard<'_, RequestLog> {
        lock(&self.log)
    }

    pub(crate) fn faults(&self) -> MutexGuard<'_, Faults> {
        lock(&self.faults)
    }

    pub(crate) fn now(&self) -> i64 {
        self.clock.unix_now()
    }
}
