//! The client's integration tests, one binary: a module per area, each against the local API over
//! loopback (or a stub serving payloads generated from Infomaniak's published spec).

// Tests stop at the first broken expectation: panicking is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

mod bad_input;
mod billing;
mod budget;
mod every_route;
mod invitations;
mod paging;
mod products;
mod reads;
mod spec;
mod teams;
mod unverified;
mod users;
