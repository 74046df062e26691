//! Commands: adapters from IPC to the core, a few lines each.

// The IPC error is serialised once per failed command; boxing it would only add noise.
#![allow(clippy::result_large_err)]

pub mod diagnostics;
pub mod export;
pub mod invoices;
pub mod links;
pub mod organisations;
pub mod people;
pub mod people_settings;
pub mod products;
pub mod profiles;
pub mod reminders;
pub mod session;
pub mod support_access;
pub mod teams;

use std::sync::Arc;

/// What every command reaches through `State`.
#[derive(Debug)]
pub struct AppState {
    pub desk: Arc<desk::Desk>,
}
