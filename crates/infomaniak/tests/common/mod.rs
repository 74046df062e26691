//! A sandbox per test and a client pointed at it.

use infomaniak::{ApiToken, Budget, Client, TokioClock};
use sandbox::{Sandbox, SandboxConfig};
use std::sync::Arc;
use std::time::Duration;

pub async fn sandbox() -> Sandbox {
    Sandbox::start(SandboxConfig::demo())
        .await
        .expect("the sandbox starts")
}

pub fn client(api: &Sandbox, token: &str) -> Client {
    Client::builder(api.base_url(), ApiToken::new(token))
        .build()
        .unwrap()
}

/// A client whose budget window is two seconds, so waiting out a 429 stays short.
pub fn quick_client(api: &Sandbox, token: &str) -> Client {
    let budget = Arc::new(Budget::new(
        60,
        Duration::from_secs(2),
        Arc::new(TokioClock::default()),
    ));
    Client::builder(api.base_url(), ApiToken::new(token))
        .budget(budget)
        .build()
        .unwrap()
}
