//! Members of a work team. Removal is a DELETE with a JSON body (or POST with
//! `X-HTTP-METHOD-OVERRIDE: DELETE`, rewritten before routing).

use std::sync::Arc;

use axum::extract::State;
use serde_json::Value;

use super::params::Ids;
use super::views;
use crate::body::{Form, JsonBody};
use crate::envelope::{ApiError, ApiResult, FieldError, Reply};
use crate::state::Shared;
use crate::world::model::{Account, Team, World};

pub(crate) fn items(world: &World, account: &Account, team: &Team) -> Value {
    team.user_ids
        .iter()
        .filter(|id| account.member(**id).is_some())
        .filter_map(|id| views::team_user(world, account, *id))
        .collect()
}

/// GET /1/accounts/{account_id}/teams/{team_id}/users
pub(crate) async fn list(State(shared): State<Arc<Shared>>, ids: Ids) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let team_id = ids.id("team_id")?;
    let world = shared.world();
    let (account, _) = world.managed(account_id)?;
    let team = account
        .team(team_id)
        .ok_or_else(|| ApiError::not_found("Team"))?;
    Ok(Reply::ok(items(&world, account, team)))
}

/// `user_ids` of the body, every one a member of the organisation.
fn member_ids(
    account: &Account,
    body: &serde_json::Map<String, Value>,
) -> Result<Vec<u64>, ApiError> {
    let mut form = Form::new(body);
    let ids = form.required_ids("user_ids").unwrap_or_default();
    let unknown: Vec<u64> = ids
        .iter()
        .copied()
        .filter(|id| account.member(*id).is_none())
        .collect();
    if !unknown.is_empty() {
        form.push(FieldError::unknown_ids("user_ids", &unknown));
    }
    form.finish()?;
    Ok(ids)
}

fn edit(
    shared: &Shared,
    ids: &Ids,
    body: &serde_json::Map<String, Value>,
    adding: bool,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let team_id = ids.id("team_id")?;
    let now = shared.now();
    let mut world = shared.world();
    let (account, _) = world.managed_mut(account_id)?;
    account
        .team(team_id)
        .ok_or_else(|| ApiError::not_found("Team"))?;
    let user_ids = member_ids(account, body)?;
    if let Some(team) = account.teams.iter_mut().find(|t| t.id == team_id) {
        if adding {
            for id in user_ids {
                if !team.user_ids.contains(&id) {
                    team.user_ids.push(id);
                }
            }
        } else {
            team.user_ids.retain(|id| !user_ids.contains(id));
            if team
                .owned_by_id
                .is_some_and(|leader| user_ids.contains(&leader))
            {
                team.owned_by_id = None;
            }
        }
        team.updated_at = now;
    }
    Ok(Reply::ok(Value::Bool(true)))
}

/// POST /1/accounts/{account_id}/teams/{team_id}/users `{user_ids: [..]}`
pub(crate) async fn add(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    JsonBody(body): JsonBody,
) -> ApiResult {
    edit(&shared, &ids, &body, true)
}

/// DELETE /1/accounts/{account_id}/teams/{team_id}/users `{user_ids: [..]}`
pub(crate) async fn remove(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    JsonBody(body): JsonBody,
) -> ApiResult {
    edit(&shared, &ids, &body, false)
}
