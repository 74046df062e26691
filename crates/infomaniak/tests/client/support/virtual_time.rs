//! One virtual time shared by the client's budget and the local API's rate limiter. Sleeping on
//! it does not wait: a driver moves the time to the earliest sleeper's deadline, but only while
//! no request is between the budget and the server, so that every request reaches the server at
//! the very instant the budget let it go.

use futures::future::BoxFuture;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;

#[derive(Debug, Clone)]
pub struct VirtualTime {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    now: watch::Sender<Duration>,
    sleepers: Mutex<Sleepers>,
    unix_origin: i64,
}

#[derive(Debug, Default)]
struct Sleepers {
    deadlines: BTreeMap<u64, Duration>,
    next_id: u64,
}

/// Removes a sleeper's deadline when its future ends or is dropped.
struct Registration {
    inner: Arc<Inner>,
    id: u64,
}

impl Drop for Registration {
    fn drop(&mut self) {
        if let Ok(mut sleepers) = self.inner.sleepers.lock() {
            sleepers.deadlines.remove(&self.id);
        }
    }
}

/// Stops the driver when dropped.
pub struct Driver(JoinHandle<()>);

impl Drop for Driver {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl VirtualTime {
    pub fn new(unix_origin: i64) -> Self {
        let (now, _) = watch::channel(Duration::ZERO);
        Self {
            inner: Arc::new(Inner {
                now,
                sleepers: Mutex::new(Sleepers::default()),
                unix_origin,
            }),
        }
    }

    /// A clock starting at the current wall-clock second.
    pub fn starting_now() -> Self {
        let unix = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
        Self::new(unix)
    }

    pub fn elapsed(&self) -> Duration {
        *self.inner.now.borrow()
    }

    /// Moves the time forward by hand.
    pub fn advance(&self, by: Duration) {
        self.inner.now.send_modify(|now| *now += by);
    }

    /// Spawns the driver: every millisecond of real time, if `idle()` holds for a few checks in a
    /// row and someone sleeps, the time jumps to the earliest deadline.
    pub fn drive(&self, idle: impl Fn() -> bool + Send + 'static) -> Driver {
        let inner = Arc::clone(&self.inner);
        Driver(tokio::spawn(async move {
            let mut quiet_checks = 0;
            loop {
                tokio::time::sleep(Duration::from_millis(1)).await;
                let now = *inner.now.borrow();
                let next = inner
                    .sleepers
                    .lock()
                    .ok()
                    .and_then(|s| s.deadlines.values().filter(|d| **d > now).min().copied());
                match next {
                    // Woken tasks get a few turns to reach the budget before time moves again.
                    Some(deadline) if idle() => {
                        quiet_checks += 1;
                        if quiet_checks >= 3 {
                            inner.now.send_replace(deadline);
                            quiet_checks = 0;
                        }
                    }
                    _ => quiet_checks = 0,
                }
            }
        }))
    }
}

impl infomaniak::Clock for VirtualTime {
    fn now(&self) -> Duration {
        self.elapsed()
    }

    fn sleep(&self, d: Duration) -> BoxFuture<'static, ()> {
        let deadline = self.elapsed() + d;
        let id = match self.inner.sleepers.lock() {
            Ok(mut sleepers) => {
                sleepers.next_id += 1;
                let id = sleepers.next_id;
                sleepers.deadlines.insert(id, deadline);
                id
            }
            Err(_) => 0,
        };
        let registration = Registration {
            inner: Arc::clone(&self.inner),
            id,
        };
        let mut now = self.inner.now.subscribe();
        Box::pin(async move {
            let _registration = registration;
            while *now.borrow_and_update() < deadline {
                if now.changed().await.is_err() {
                    return;
                }
            }
        })
    }
}

impl sandbox::Clock for VirtualTime {
    fn now(&self) -> Duration {
        self.elapsed()
    }

    fn unix_now(&self) -> i64 {
        let secs = i64::try_from(self.elapsed().as_secs()).unwrap_or(i64::MAX);
        self.inner.unix_origin.saturating_add(secs)
    }
}
