//! Changing and removing members (`unverified`; profile `Extended` only), with the Manager's
//! rules: only a legal representative appoints one, the last one cannot go, and a member whose
//! login lives in the organisation cannot leave it.

use std::sync::Arc;

use axum::extract::State;
use serde_json::Value;

use super::params::Ids;
use super::views;
use crate::body::{Form, JsonBody};
use crate::envelope::{ApiError, ApiResult, Reply};
use crate::state::Shared;
use crate::world::model::{Account, ROLE_TYPES, Role};

fn last_owner() -> ApiError {
    ApiError::unprocessable(
        "last_owner_cannot_be_removed",
        "The organisation needs at least one legal representative: appoint another one first",
    )
}

fn not_a_member() -> ApiError {
    ApiError::not_found("User")
}

fn target_role(account: &Account, user_id: u64) -> Result<Role, ApiError> {
    Ok(account.member(user_id).ok_or_else(not_a_member)?.role)
}

/// PATCH /2/accounts/{account_id}/users/{user_id}
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let user_id = ids.id("user_id")?;
    let mut form = Form::new(&body);
    let role = form.choice("role_type", &ROLE_TYPES, false);
    let billing = form.flag("has_billing_access");
    let correspondent = form.flag("is_correspondent");
    let billing_correspondent = form.flag("is_correspondent_billing");
    form.finish()?;
    let role = role.as_deref().and_then(Role::from_role_type);

    let mut world = shared.world();
    let (account, caller) = world.managed_mut(account_id)?;
    let current = target_role(account, user_id)?;
    if caller != Role::Owner && (role == Some(Role::Owner) || current == Role::Owner) {
        return Err(ApiError::access_denied(
            "Only a legal representative can appoint or change a legal representative",
        ));
    }
    let demoting_owner = current == Role::Owner && role.is_some_and(|r| r != Role::Owner);
    if demoting_owner && account.count_owners() == 1 {
        return Err(last_owner());
    }
    if let Some(member) = account.members.iter_mut().find(|m| m.user_id == user_id) {
        if let Some(role) = role {
            member.role = role;
        }
        if let Some(flag) = billing {
            member.has_billing_access = flag;
        }
        if let Some(flag) = correspondent {
            member.is_correspondent = flag;
        }
        if let Some(flag) = billing_correspondent {
            member.is_correspondent_billing = flag;
        }
    }
    let (account, _) = world.visible(account_id)?;
    let member = account.member(user_id).ok_or_else(not_a_member)?;
    Ok(Reply::ok(
        views::member(&world, account, member).unwrap_or_default(),
    ))
}

/// DELETE /2/accounts/{account_id}/users/{user_id}; removing oneself is leaving.
pub(crate) async fn remove(State(shared): State<Arc<Shared>>, ids: Ids) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let user_id = ids.id("user_id")?;
    let mut world = shared.world();
    let me = world.me;
    let login = world
        .person(user_id)
        .map(|p| p.login.to_lowercase())
        .unwrap_or_default();
    let (account, caller) = world.visible_mut(account_id)?;
    let leaving = user_id == me;
    if !leaving {
        if !caller.manages_users() {
            return Err(ApiError::access_denied(format!(
                "Your relation to this organisation ({}) does not allow managing its users",
                caller.relation()
            )));
        }
        if target_role(account, user_id)? == Role::Owner && caller != Role::Owner {
            return Err(ApiError::access_denied(
                "Only a legal representative can remove a legal representative",
            ));
        }
    }
    let member = account.member(user_id).ok_or_else(not_a_member)?;
    if member.role == Role::Owner && account.count_owners() == 1 {
        return Err(last_owner());
    }
    let mailbox_here = login
        .rsplit_once('@')
        .is_some_and(|(_, domain)| account.mail_domains.iter().any(|d| d == domain));
    if leaving && (mailbox_here || member.in_ksuite) {
        return Err(ApiError::unprocessable(
            "cannot_leave_account",
            "You cannot leave this organisation: your login address is one of its mailboxes or you belong to its kSuite",
        ));
    }
    account.members.retain(|m| m.user_id != user_id);
    for team in &mut account.teams {
        team.user_ids.retain(|id| *id != user_id);
        if team.owned_by_id == Some(user_id) {
            team.owned_by_id = None;
        }
    }
    Ok(Reply::ok(Value::Bool(true)))
}
