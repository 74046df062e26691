//! Time as a parameter, so the budget can be tested on a virtual clock.

use futures::future::BoxFuture;
use std::fmt::Debug;
use std::time::Duration;

/// A monotonic clock the budget reads and sleeps on.
pub trait Clock: Send + Sync + Debug {
    /// Time since an arbitrary origin; never goes back.
    fn now(&self) -> Duration;
    /// Waits for `d` of this clock's time.
    fn sleep(&self, d: Duration) -> BoxFuture<'static, ()>;
}

/// The real clock, on tokio's timer.
#[derive(Debug, Clone)]
pub struct TokioClock {
    origin: tokio::time::Instant,
}

impl Default for TokioClock {
    fn default() -> Self {
        Self {
            origin: tokio::time::Instant::now(),
        }
    }
}

impl Clock for TokioClock {
    fn now(&self) -> Duration {
        self.origin.elapsed()
    }

    fn sleep(&self, d: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(d))
    }
}
