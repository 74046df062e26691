use std::fmt::Debug;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::state::lock;

/// The sandbox's only source of time, so tests can run rate limits and expiries on a virtual clock.
pub trait Clock: Send + Sync + Debug {
    /// Monotonic time since an arbitrary origin (used for rate-limit windows).
    fn now(&self) -> Duration;
    /// Wall-clock time as Unix seconds (used for every timestamp the API shows).
    fn unix_now(&self) -> i64;
}

/// The real clock.
#[derive(Debug, Clone, Copy)]
pub struct SystemClock {
    origin: Instant,
}

impl SystemClock {
    pub fn new() -> Self {
        Self {
            origin: Instant::now(),
        }
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        self.origin.elapsed()
    }

    fn unix_now(&self) -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
    }
}

/// A clock that only moves when told to. Clones share the same time, so a test keeps one clone
/// and hands another (inside an `Arc`) to the sandbox.
#[derive(Debug, Clone)]
pub struct ManualClock {
    state: Arc<Mutex<ManualState>>,
}

#[derive(Debug)]
struct ManualState {
    unix_origin: i64,
    elapsed: Duration,
}

impl ManualClock {
    /// A clock that reads `unix_start` until advanced.
    pub fn new(unix_start: i64) -> Self {
        Self {
            state: Arc::new(Mutex::new(ManualState {
                unix_origin: unix_start,
                elapsed: Duration::ZERO,
            })),
        }
    }

    /// A clock frozen at the current wall-clock second.
    pub fn starting_now() -> Self {
        Self::new(SystemClock::new().unix_now())
    }

    /// Moves time forward for every clone of this clock.
    pub fn advance(&self, by: Duration) {
        let mut state = lock(&self.state);
        state.elapsed = state.elapsed.saturating_add(by);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Duration {
        lock(&self.state).elapsed
    }

    fn unix_now(&self) -> i64 {
        let state = lock(&self.state);
        let secs = i64::try_from(state.elapsed.as_secs()).unwrap_or(i64::MAX);
        state.unix_origin.saturating_add(secs)
    }
}
