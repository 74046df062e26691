use std::sync::Arc;

use axum::extract::State;

use super::params::Ids;
use super::views;
use crate::envelope::{ApiResult, Reply};
use crate::query::{ListQuery, respond};
use crate::state::Shared;

/// GET /1/accounts: the organisations the signed-in person has a relation to.
pub(crate) async fn list(State(shared): State<Arc<Shared>>, query: ListQuery) -> ApiResult {
    let search = query.search();
    let world = shared.world();
    let items = world
        .accounts
        .values()
        .filter(|a| {
            search
                .as_ref()
                .is_none_or(|s| a.name.to_lowercase().contains(s))
        })
        .filter_map(|a| Some(views::account(a, a.member(world.me)?)))
        .collect();
    respond(items, &query, &["id", "name", "created_at"])
}

/// GET /1/accounts/{account_id}
pub(crate) async fn show(State(shared): State<Arc<Shared>>, ids: Ids) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let world = shared.world();
    let (account, _) = world.visible(account_id)?;
    let me = account.member(world.me);
    Ok(Reply::ok(
        me.map(|m| views::account(account, m)).unwrap_or_default(),
    ))
}
