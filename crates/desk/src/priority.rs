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
