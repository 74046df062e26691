//! The text "Copy diagnostics" puts on the clipboard for a bug report: the app's version, where it
//! runs, and what each route showed for the active profile. It carries no token, no profile name and
//! no organisation: it is meant to be pasted into a public issue.

use super::CapabilityState;
use crate::Desk;
use crate::error::Error;
use crate::session::ProfileId;
use std::fmt::Write as _;

/// Where the app runs, as only the shell can tell (the core knows nothing of Tauri or the webview).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Platform {
    /// The app's version (the workspace's `Cargo.toml`, the one place it is written).
    pub version: String,
    /// The operating system, its version and the processor architecture.
    pub os: String,
    /// The web engine and its version (WebKitGTK, WebView2, WKWebView).
    pub webview: String,
}

impl Desk {
    /// The diagnostics text of a bug report, for `profile` when one is active. In English whatever
    /// the window's language: it is read by the people who fix the bug.
    ///
    /// # Errors
    /// [`Error::Store`] when what was learned cannot be read.
    pub fn diagnostics_report(
        &self,
        profile: Option<&ProfileId>,
        platform: &Platform,
    ) -> Result<String, Error> {
        let mut out = String::new();
        // Writing to a String cannot fail; the results are ignored for that reason.
        let _ = writeln!(out, "IK Desk {}", platform.version);
        let _ = writeln!(out, "OS: {}", platform.os);
        let _ = writeln!(out, "Web engine: {}", platform.webview);
        let Some(profile) = profile else {
            out.push_str("Signed in: no\n");
            return Ok(out);
        };
        let diagnostics = self.diagnostics(profile)?;
        let _ = writeln!(out, "Routes (tier, what this profile's token showed):");
        for r in &diagnostics.routes {
            let state = match r.state {
                CapabilityState::Works => "works",
                CapabilityState::Missing => "missing (404 method_not_found)",
                CapabilityState::NeedsScope => "needs a scope",
                CapabilityState::NotTried => "not tried",
            };
            let _ = write!(out, "  {} [{}]: {state}", r.route, r.tier);
            if let Some(scope) = &r.scope {
                let _ = write!(out, " ({scope})");
            }
            out.push('\n');
        }
        if !diagnostics.missing_scopes.is_empty() {
            let _ = writeln!(
                out,
                "Missing scopes: {}",
                diagnostics.missing_scopes.join(", ")
            );
        }
        Ok(out)
    }
}
