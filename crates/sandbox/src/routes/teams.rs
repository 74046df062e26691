//! Work teams of an organisation.

use std::sync::Arc;

use axum::extract::State;
use serde_json::{Map, Value};

use super::params::Ids;
use super::views;
use crate::body::{Form, JsonBody};
use crate::envelope::{ApiError, ApiResult, FieldError, Reply};
use crate::query::{ListQuery, respond};
use crate::state::Shared;
use crate::world::model::{Account, Team, service_name};

const NAME_MAX: usize = 128;
const SORTABLE: [&str; 4] = ["name", "created_at", "user_count", "product_count"];

/// GET /1/accounts/{account_id}/teams
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    query: ListQuery,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let user_ids = query.filter_ids("user_ids")?;
    let with = query.with(&["users"])?;
    let search = query.search();
    let world = shared.world();
    let (account, _) = world.managed(account_id)?;
    let items = account
        .teams
        .iter()
        .filter(|t| {
            search
                .as_ref()
                .is_none_or(|s| t.name.to_lowercase().contains(s))
        })
        .filter(|t| user_ids.is_empty() || t.user_ids.iter().any(|u| user_ids.contains(u)))
        .map(|t| {
            let mut item = views::team(&world, account, t);
            if with.iter().any(|w| w == "users") {
                item["users"] = super::team_members::items(&world, account, t);
            }
            item
        })
        .collect();
    respond(items, &query, &SORTABLE)
}

/// The fields of a create or update body, checked against the organisation.
struct TeamFields {
    name: Option<String>,
    owner: Option<Option<u64>>,
    services: Option<Vec<u32>>,
}

fn read_fields(
    account: &Account,
    body: &Map<String, Value>,
    creating: bool,
) -> Result<TeamFields, ApiError> {
    let mut form = Form::new(body);
    // On update the name is optional, but when sent it follows the same rules.
    let name = if creating || body.contains_key("name") {
        form.required_text("name")
    } else {
        None
    };
    if name.as_ref().is_some_and(|n| n.chars().count() > NAME_MAX) {
        form.push(FieldError::length("name", 1, NAME_MAX));
    }
    let owner = if body.contains_key("owned_by_id") {
        let id = form.id("owned_by_id");
        if let Some(id) = id
            && account.member(id).is_none()
        {
            form.push(FieldError::unknown_ids("owned_by_id", &[id]));
        }
        Some(id)
    } else {
        None
    };
    let services = match form.raw("permissions") {
        None => None,
        Some(permissions) => {
            let ids: Option<Vec<u32>> =
                permissions
                    .get("services")
                    .and_then(Value::as_array)
                    .map(|items| {
                        items
                            .iter()
                            .filter_map(|v| v.as_u64().and_then(|id| u32::try_from(id).ok()))
                            .collect()
                    });
            match ids {
                Some(ids) => {
                    let unknown: Vec<u64> = ids
                        .iter()
                        .filter(|id| service_name(**id).is_none())
                        .map(|id| u64::from(*id))
                        .collect();
                    if !unknown.is_empty() {
                        form.push(FieldError::unknown_ids("permissions.services", &unknown));
                    }
                    Some(ids)
                }
                None => {
                    form.push(FieldError::kind(
                        "permissions.services",
                        "a list of service ids",
                    ));
                    None
                }
            }
        }
    };
    form.finish()?;
    Ok(TeamFields {
        name,
        owner,
        services,
    })
}

/// POST /1/accounts/{account_id}/teams: the leader joins the team.
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let now = shared.now();
    let mut world = shared.world();
    let me = world.me;
    let team_id = world.ids.take();
    let (account, _) = world.managed_mut(account_id)?;
    let fields = read_fields(account, &body, true)?;
    let owner = fields.owner.flatten();
    let team = Team {
        id: team_id,
        name: fields.name.unwrap_or_default(),
        color_id: 1 + (team_id % 12) as u32,
        owned_by_id: owner,
        created_by_id: me,
        created_at: now,
        updated_at: now,
        user_ids: owner.into_iter().collect(),
        service_ids: fields.services.unwrap_or_default(),
    };
    account.teams.push(team);
    let (account, _) = world.managed(account_id)?;
    let team = account
        .team(team_id)
        .ok_or_else(|| ApiError::not_found("Team"))?;
    Ok(Reply::created(views::team(&world, account, team)))
}

/// GET /1/accounts/{account_id}/teams/{team_id}
pub(crate) async fn show(State(shared): State<Arc<Shared>>, ids: Ids) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let team_id = ids.id("team_id")?;
    let world = shared.world();
    let (account, _) = world.managed(account_id)?;
    let team = account
        .team(team_id)
        .ok_or_else(|| ApiError::not_found("Team"))?;
    Ok(Reply::ok(views::team(&world, account, team)))
}

/// PATCH /1/accounts/{account_id}/teams/{team_id}
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let team_id = ids.id("team_id")?;
    let now = shared.now();
    let mut world = shared.world();
    let (account, _) = world.managed_mut(account_id)?;
    account
        .team(team_id)
        .ok_or_else(|| ApiError::not_found("Team"))?;
    let fields = read_fields(account, &body, false)?;
    if let Some(team) = account.teams.iter_mut().find(|t| t.id == team_id) {
        if let Some(name) = fields.name {
            team.name = name;
        }
        if let Some(owner) = fields.owner {
            team.owned_by_id = owner;
            if let Some(owner) = owner
                && !team.user_ids.contains(&owner)
            {
                team.user_ids.push(owner);
            }
        }
        if let Some(services) = fields.services {
            team.service_ids = services;
        }
        team.updated_at = now;
    }
    let (account, _) = world.managed(account_id)?;
    let team = account
        .team(team_id)
        .ok_or_else(|| ApiError::not_found("Team"))?;
    Ok(Reply::ok(views::team(&world, account, team)))
}

/// DELETE /1/accounts/{account_id}/teams/{team_id}
pub(crate) async fn delete(State(shared): State<Arc<Shared>>, ids: Ids) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let team_id = ids.id("team_id")?;
    let mut world = shared.world();
    let (account, _) = world.managed_mut(account_id)?;
    let before = account.teams.len();
    account.teams.retain(|t| t.id != team_id);
    if account.teams.len() == before {
        return Err(ApiError::not_found("Team"));
    }
    for invitation in &mut account.invitations {
        invitation.teams.retain(|t| *t != team_id);
    }
    Ok(Reply::ok(Value::Bool(true)))
}
