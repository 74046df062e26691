//! End to end, one binary: the built app driven through WebDriver under Xvfb, against the local
//! API, a module per domain of what a person does.

// Tests stop at the first broken expectation: panicking is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod about;
mod checkup;
mod demo;
mod design;
mod invoices;
mod languages;
mod products_costs;
mod reminder_settings;
mod renewals;
mod sign_in;
mod support_access;
mod teams;
mod tray;
mod users;
mod users_bulk;
