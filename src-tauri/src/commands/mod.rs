//! Commands: adapters from IPC to the core, a few lines each.

// The IPC error is serialised once per failed command; boxing it would only add noise.
#![allow(clippy::result_large_err)]

// One file per domain of the core, each calling only the core module it is named after.
pub mod activity;
pub mod checkup;
pub mod diagnostics;
pub mod invoices;
pub mod organisations;
pub mod products;
pub mod reminders;
pub mod session;
pub mod settings;
pub mod support_access;
pub mod teams;
pub mod users;

// Shared pieces: CSV files and the Manager hand-off.
pub mod export;
pub mod handoff;

use std::sync::Arc;

/// What every command reaches through `State`.
#[derive(Debug)]
pub struct AppState {
    pub desk: Arc<desk::Desk>,
    /// In demo mode, true once the demo is signed in: the window asks for the session while the
    /// demo starts, and the answer waits for it, so neither waits for the other to begin.
    pub demo_ready: Option<tokio::sync::watch::Receiver<bool>>,
}
