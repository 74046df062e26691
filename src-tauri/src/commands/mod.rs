//! Commands: adapters from IPC to the core, a few lines each.

pub mod diagnostics;
pub mod links;
pub mod organisations;
pub mod profiles;
pub mod session;

use std::sync::Arc;

/// What every command reaches through `State`.
#[derive(Debug)]
pub struct AppState {
    pub desk: Arc<desk::Desk>,
}
