//! The shell's integration tests, one binary: the bindings are current, no secret can cross IPC,
//! the webview stays locked down, and notifications reach the desktop as they should.

// Tests stop at the first broken expectation: panicking is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod bindings;
mod notifications;
mod secrets;
mod security;
