//! Wall-clock time as a parameter: freshness and rules take `now`, tests pass fixed instants.

use std::fmt::Debug;
use std::time::{SystemTime, UNIX_EPOCH};

/// Tells the current Unix time in seconds.
pub trait WallClock: Send + Sync + Debug {
    /// Seconds since 1970-01-01 UTC.
    fn unix_now(&self) -> i64;
}

/// The system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl WallClock for SystemClock {
    fn unix_now(&self) -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
    }
}
