//! The organisation's users: members and pending invitations in one list.

use std::sync::Arc;

use axum::extract::State;
use serde_json::{Value, json};

use super::params::Ids;
use super::views;
use crate::envelope::{ApiError, ApiResult, Reply};
use crate::query::{ListQuery, respond};
use crate::state::Shared;
use crate::world::model::{Account, Member, ROLE_TYPES, Role};

const SORTABLE: [&str; 6] = [
    "email",
    "first_name",
    "last_name",
    "role_type",
    "state_in_account",
    "last_login_at",
];

/// GET /2/accounts/{account_id}/users
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    query: ListQuery,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let roles = query.filter_in("role_type", &ROLE_TYPES)?;
    let states = query.filter_in("state_in_account", &["pending", "valid"])?;
    let team_ids = query.filter_ids("team_ids")?;
    // The spec's optional extras of a user item: sent only when asked for.
    let with = query.with(&WITH)?;
    let asked = |name: &str| with.iter().any(|w| w == name);
    let search = query.search();
    let world = shared.world();
    let (account, _) = world.managed(account_id)?;

    let members = account.members.iter().filter_map(|m| {
        let mut item = views::member(&world, account, m)?;
        if asked("app_access") {
            item["app_access"] = app_access_items(account, m);
        }
        if asked("security") {
            item["security"] = world
                .person(m.user_id)
                .map_or(Value::Null, |p| views::security(p.otp));
        }
        Some(item)
    });
    let invitations = account.pending_invitations().map(|i| {
        let mut item = views::pending(i);
        if asked("invitation") {
            item["invitation"] = views::invitation(&shared.base_url, account.id, &account.teams, i);
        }
        // The spec's name for the same extra.
        if asked("invitation_details") {
            item["invitation_details"] =
                views::invitation(&shared.base_url, account.id, &account.teams, i);
        }
        item
    });
    let items = members
        .chain(invitations)
        .filter(|item| roles.is_empty() || roles.iter().any(|r| item["role_type"] == r.as_str()))
        .filter(|item| {
            states.is_empty()
                || states
                    .iter()
                    .any(|s| item["state_in_account"] == s.as_str())
        })
        .filter(|item| {
            team_ids.is_empty()
                || item["teams"].as_array().is_some_and(|teams| {
                    teams
                        .iter()
                        .any(|t| t.as_u64().is_some_and(|t| team_ids.contains(&t)))
                })
        })
        .filter(|item| {
            search.as_ref().is_none_or(|s| {
                ["first_name", "last_name", "display_name", "email"]
                    .iter()
                    .any(|field| {
                        item[*field]
                            .as_str()
                            .is_some_and(|v| v.to_lowercase().contains(s))
                    })
            })
        })
        .map(|mut item: Value| {
            // Teams decide the filter above; the item carries them only when asked.
            if !asked("teams")
                && let Some(fields) = item.as_object_mut()
            {
                fields.remove("teams");
            }
            item
        })
        .collect();
    respond(items, &query, &SORTABLE)
}

/// What `with=` may ask of a user item.
const WITH: [&str; 5] = [
    "app_access",
    "teams",
    "invitation",
    "invitation_details",
    "security",
];

/// Legal representatives and administrators reach every product; others reach the products of
/// the services their teams are given.
fn app_access_items(account: &Account, member: &Member) -> Value {
    let services: Vec<u32> = account
        .teams
        .iter()
        .filter(|t| t.user_ids.contains(&member.user_id))
        .flat_map(|t| t.service_ids.iter().copied())
        .collect();
    let everything = matches!(member.role, Role::Owner | Role::Admin);
    account
        .products
        .iter()
        .filter(|p| everything || services.contains(&p.service_id))
        .map(|p| {
            json!({
                "product_id": p.id,
                "account_id": account.id,
                "service_id": p.service_id,
                "service_name": p.service_name,
                "customer_name": p.customer_name,
                "role": if everything { "admin" } else { "user" },
            })
        })
        .collect()
}

/// GET /2/accounts/{account_id}/users/{user_id}/app_accesses
pub(crate) async fn app_accesses(State(shared): State<Arc<Shared>>, ids: Ids) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let user_id = ids.id("user_id")?;
    let world = shared.world();
    let (account, _) = world.managed(account_id)?;
    let member = account
        .member(user_id)
        .ok_or_else(|| ApiError::not_found("User"))?;
    Ok(Reply::ok(app_access_items(account, member)))
}
