//! The sandbox's integration tests, one binary: real HTTP on loopback against a started sandbox,
//! a module per area.

// Tests stop at the first broken expectation: panicking is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

mod auth_and_limits;
mod envelope_and_lists;
mod faults;
mod invitations_and_teams;
mod unverified_rules;
mod world;
