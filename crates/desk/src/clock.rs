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

/// The calendar date (UTC) of a Unix time.
pub fn date_of(unix: i64) -> (i64, u32, u32) {
    // Howard Hinnant's days-to-civil conversion.
    let z = unix.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}
