//! A local API per test and clients pointed at it.

#![allow(dead_code)] // not every module uses every helper

pub mod dispatch;
pub mod examples;
pub mod spec;
pub mod stub;
pub mod virtual_time;

use futures::future::BoxFuture;
use infomaniak::{AccountId, ApiToken, Budget, Client, Clock, TokioClock};
use sandbox::{OrgSummary, Sandbox, SandboxConfig};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub async fn sandbox() -> Sandbox {
    Sandbox::start(SandboxConfig::demo())
        .await
        .expect("the sandbox starts")
}

/// A local API whose rate limit is out of reach, for tests that are not about it.
pub async fn roomy(config: SandboxConfig) -> Sandbox {
    Sandbox::start(SandboxConfig {
        rate_limit_per_minute: 100_000,
        ..config
    })
    .await
    .expect("the sandbox starts")
}

pub fn client(api: &Sandbox, token: &str) -> Client {
    Client::builder(api.base_url(), ApiToken::new(token))
        .build()
        .unwrap()
}

/// A client whose budget window is two seconds, so waiting out a 429 stays short.
pub fn quick_client(api: &Sandbox, token: &str) -> Client {
    let budget = Arc::new(Budget::new(
        60,
        Duration::from_secs(2),
        Arc::new(TokioClock::default()),
    ));
    Client::builder(api.base_url(), ApiToken::new(token))
        .budget(budget)
        .build()
        .unwrap()
}

/// A client whose budget and retry pauses run a hundred times faster than real time (the API's
/// own budget of 60 per minute then lasts 0.6 s): retries are real, waits are short.
pub fn fast_client(api: &Sandbox, token: &str) -> Client {
    let budget = Arc::new(Budget::for_api(Arc::new(FastClock::new(100))));
    Client::builder(api.base_url(), ApiToken::new(token))
        .budget(budget)
        .build()
        .unwrap()
}

/// Real time, sped up.
#[derive(Debug)]
pub struct FastClock {
    origin: Instant,
    speed: u32,
}

impl FastClock {
    pub fn new(speed: u32) -> Self {
        Self {
            origin: Instant::now(),
            speed,
        }
    }
}

impl Clock for FastClock {
    fn now(&self) -> Duration {
        self.origin.elapsed() * self.speed
    }

    fn sleep(&self, d: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(d / self.speed))
    }
}

/// The organisation whose name contains `part`.
pub fn org(api: &Sandbox, part: &str) -> OrgSummary {
    api.world()
        .org_named(part)
        .cloned()
        .unwrap_or_else(|| panic!("no organisation named like {part}"))
}

pub fn account(org: &OrgSummary) -> AccountId {
    AccountId(org.id)
}

/// How many logged requests had this method and exactly this path.
pub fn hits(api: &Sandbox, method: &str, path: &str) -> usize {
    api.requests()
        .iter()
        .filter(|r| r.method == method && r.path == path)
        .count()
}
