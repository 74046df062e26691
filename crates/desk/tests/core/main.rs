//! The core's integration tests, one binary: a module per domain, each against the local API
//! over real HTTP (and, for the keyring, a real Secret Service).

// Tests stop at the first broken expectation: panicking is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

mod activity;
mod arithmetic;
mod attention;
mod checkup;
mod diagnostics;
mod invoices;
mod products;
mod reminders;
mod session;
mod store;
mod support_access;
mod sync;
mod teams;
mod under_faults;
mod users;
