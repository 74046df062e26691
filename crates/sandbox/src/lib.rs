//! A local stand-in for the Infomaniak API (`api.infomaniak.com`), written from the project's API
//! document only. It serves the same envelope, error codes, paging rules, bearer tokens with scopes
//! and the 60-requests-per-minute limit over real HTTP on a loopback port, from a deterministic
//! seeded world, with fault injection and a request log that tests can read.
//!
//! ```no_run
//! # async fn demo() -> Result<(), sandbox::SandboxError> {
//! let sandbox = sandbox::Sandbox::start(sandbox::SandboxConfig::demo()).await?;
//! let _url = sandbox.base_url(); // talk to it with `Authorization: Bearer {sandbox::tokens::DEMO}`
//! sandbox.shutdown().await;
//! # Ok(())
//! # }
//! ```

mod auth;
mod body;
mod clock;
mod config;
mod conn;
mod envelope;
mod error;
mod faults;
mod limit;
mod log;
mod pdf;
mod pipeline;
mod query;
mod routes;
mod server;
mod state;
mod world;

pub use auth::tokens;
pub use clock::{Clock, ManualClock, SystemClock};
pub use config::{ApiProfile, DEFAULT_SEED, SandboxConfig, Scale};
pub use error::SandboxError;
pub use faults::{Fault, FaultPlan, FaultRule};
pub use log::RequestRecord;
pub use server::Sandbox;
pub use world::summary::{OrgSummary, WorldSummary};
