use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use crate::clock::{Clock, SystemClock};
use crate::faults::FaultPlan;

/// Which routes exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiProfile {
    /// Only what the real API is known to serve; the `unverified` routes answer
    /// `404 method_not_found`, as the real API is expected to today.
    Published,
    /// Adds the `unverified` routes (renewals, support access, member changes).
    Extended,
}

/// How big the seeded world is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Five hand-shaped organisations covering every case the app shows.
    Demo,
    /// `n` organisations of 200 users and 40 products each, for benchmarks.
    Large(u32),
    /// One organisation of `n` people (one in a hundred a pending invitation), for benchmarking
    /// a single users table at its largest.
    OneLargeOrganisation(u32),
    /// A reseller's world: 500 organisations of 100 people (5 of them pending invitations) and
    /// 40 products each, 50,000 people and 20,000 products in all.
    Reseller,
}

/// Everything [`crate::Sandbox::start`] needs.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Where to listen; the default `127.0.0.1:0` picks a free port.
    pub addr: SocketAddr,
    pub profile: ApiProfile,
    pub scale: Scale,
    /// Same seed, same clock time: same world, same fault sequence.
    pub seed: u64,
    pub faults: Option<FaultPlan>,
    pub rate_limit_per_minute: u32,
    /// The real API sends no `Retry-After`; switch this on to test a client that honours one.
    pub send_retry_after: bool,
    pub clock: Arc<dyn Clock>,
}

/// The seed used when none is given, so every demo shows the same world.
pub const DEFAULT_SEED: u64 = 2024;

impl SandboxConfig {
    /// The demo world with every route (profile `Extended`).
    pub fn demo() -> Self {
        Self {
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            profile: ApiProfile::Extended,
            scale: Scale::Demo,
            seed: DEFAULT_SEED,
            faults: None,
            rate_limit_per_minute: 60,
            send_retry_after: false,
            clock: Arc::new(SystemClock::new()),
        }
    }

    /// The demo world with only the routes the real API is known to serve.
    pub fn published() -> Self {
        Self {
            profile: ApiProfile::Published,
            ..Self::demo()
        }
    }
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self::demo()
    }
}
