//! Which priority a piece of work spends the budget at. Background work (the hourly sync) runs
//! inside [`in_background`]; every client handed out inside it sends at background priority, so
//! it waits while anything the user clicked is waiting.

use infomaniak::Priority;
use std::future::Future;

tokio::task_local! {
    static PRIORITY: Priority;
}

/// Runs `work` with every request it sends at background priority.
pub(crate) async fn in_background<F: Future>(work: F) -> F::Output {
    PRIORITY.scope(Priority::Background, work).await
}

/// The priority of the work running now: interactive unless inside [`in_background`].
pub(crate) fn current() -> Priority {
    PRIORITY.try_with(|p| *p).unwrap_or(Priority::Interactive)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::{Desk, DeskConfig};
    use sandbox::{Sandbox, SandboxConfig, tokens};

    #[tokio::test]
    async fn clients_handed_out_inside_background_work_send_at_background_priority() {
        let api = Sandbox::start(SandboxConfig::demo()).await.unwrap();
        let desk = Desk::open(DeskConfig {
            api_base: api.base_url(),
            ..DeskConfig::in_memory()
        })
        .unwrap();
        let profile = desk
            .sign_in(infomaniak::ApiToken::new(tokens::DEMO), false)
            .await
            .unwrap()
            .profile
            .id;
        let outside = desk.client(&profile).await.unwrap().priority();
        let inside = in_background(async { desk.client(&profile).await.unwrap().priority() }).await;
        assert_eq!(
            (outside, inside),
            (Priority::Interactive, Priority::Background)
        );
        // The same budget: background work waits behind the person's clicks, not beside them.
        let a = desk.client(&profile).await.unwrap();
        let b = in_background(async { desk.client(&profile).await.unwrap() }).await;
        assert!(std::sync::Arc::ptr_eq(a.budget(), b.budget()));
    }
}
