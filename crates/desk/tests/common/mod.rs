//! What most core tests start from: a local API and a core signed in to it.

// Tests stop at the first broken expectation: panicking is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use desk::{Desk, DeskConfig, ProfileId};
use infomaniak::ApiToken;
use sandbox::{Sandbox, SandboxConfig};
use std::sync::Arc;

/// A local API of `config`, and a core in memory signed in to it with `token` (session only).
pub async fn signed_in_with(config: SandboxConfig, token: &str) -> (Sandbox, Arc<Desk>, ProfileId) {
    let api = Sandbox::start(config).await.unwrap();
    let desk = Desk::open(DeskConfig {
        api_base: api.base_url(),
        ..DeskConfig::in_memory()
    })
    .unwrap();
    let id = desk
        .sign_in(ApiToken::new(token), false)
        .await
        .unwrap()
        .profile
        .id;
    (api, desk, id)
}

/// The same with the token that has every scope.
pub async fn signed_in(config: SandboxConfig) -> (Sandbox, Arc<Desk>, ProfileId) {
    signed_in_with(config, sandbox::tokens::DEMO).await
}
