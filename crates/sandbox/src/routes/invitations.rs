//! Invitations: create with the API's validation, read, change while pending, cancel.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use serde_json::Value;

use super::params::Ids;
use super::views;
use crate::body::{Form, JsonBody, is_email};
use crate::envelope::{ApiError, ApiResult, FieldError, Reply};
use crate::state::Shared;
use crate::world::model::{
    Account, DAY, Invitation, InvitationStatus, LOCALES, ROLE_TYPES, Role, language_id,
};

/// One invitation e-mail per address and per minute.
const RESEND_AFTER_SECONDS: i64 = 60;
const PERMISSION_TYPES: [&str; 4] = ["check", "sale", "statistic", "technical"];

fn only_owner_appoints_owner(caller: Role, wanted: Option<Role>) -> Result<(), ApiError> {
    if wanted == Some(Role::Owner) && caller != Role::Owner {
        return Err(ApiError::access_denied(
            "Only a legal representative can appoint a legal representative",
        ));
    }
    Ok(())
}

fn unknown_teams(account: &Account, teams: &[u64]) -> Vec<u64> {
    teams
        .iter()
        .copied()
        .filter(|id| account.team(*id).is_none())
        .collect()
}

fn nested_flag(form: &mut Form<'_>, object: &str, key: &str) -> Option<bool> {
    let value = form.raw(object)?;
    match value.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => {
            form.push(FieldError::kind(
                &format!("{object}.{key}"),
                "true or false",
            ));
            None
        }
    }
}

/// POST /1/accounts/{account_id}/invitations
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let now = shared.now();
    let mut world = shared.world();
    let invitation_id = world.ids.take();
    let key = format!(
        "{:032x}",
        (u128::from(invitation_id) * 0x9e37_79b9_7f4a_7c15) ^ u128::from(shared.link_key)
    );
    let member_emails: Vec<String> = {
        let (account, _) = world.managed(account_id)?;
        account
            .members
            .iter()
            .filter_map(|m| world.person(m.user_id))
            .map(|p| p.email.to_lowercase())
            .collect()
    };
    let (account, caller) = world.managed_mut(account_id)?;

    let mut form = Form::new(&body);
    let email = form.required_text("email");
    let first_name = form.required_text("first_name");
    let last_name = form.required_text("last_name");
    let locale = form.choice("locale", &LOCALES, true);
    let role = form.choice("role_type", &ROLE_TYPES, true);
    if email.as_deref().is_some_and(|e| !is_email(e)) {
        form.push(FieldError::email("email"));
    }
    let teams = form.ids("teams").unwrap_or_default();
    let unknown = unknown_teams(account, &teams);
    if !unknown.is_empty() {
        form.push(FieldError::unknown_ids("teams", &unknown));
    }
    let silent = form.flag("silent").unwrap_or(false);
    let _strict = form.flag("strict");
    let billing_mailing = nested_flag(&mut form, "notifications", "billing");
    let product_mailing = nested_flag(&mut form, "notifications", "products");
    let billing = nested_flag(&mut form, "permissions", "billing");
    form.finish()?;
    let (Some(email), Some(first_name), Some(last_name), Some(locale), Some(role)) = (
        email,
        first_name,
        last_name,
        locale,
        role.as_deref().and_then(Role::from_role_type),
    ) else {
        return Err(ApiError::validation(Vec::new()));
    };
    only_owner_appoints_owner(caller, Some(role))?;

    let address = email.to_lowercase();
    if account
        .pending_invitations()
        .any(|i| i.email.eq_ignore_ascii_case(&address))
    {
        return Err(ApiError::bad_request(
            "invitation_already_exists_with_this_email",
            "An invitation is already pending for this e-mail address",
        ));
    }
    if member_emails.contains(&address) {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "object_already_exists",
            "A member of this organisation already uses this e-mail address",
        ));
    }
    if !silent {
        if let Some(sent) = account.last_invitation_sent.get(&address)
            && now - sent < RESEND_AFTER_SECONDS
        {
            return Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "invitation_sending_rate_limit_reached",
                "An invitation was already sent to this address in the last minute",
            ));
        }
        account.last_invitation_sent.insert(address, now);
    }

    let invitation = Invitation {
        id: invitation_id,
        key,
        email,
        first_name,
        last_name,
        status: InvitationStatus::Pending,
        role,
        teams,
        locale,
        has_billing: billing.unwrap_or(false),
        has_billing_mailing: billing_mailing.unwrap_or(false),
        has_mailing: product_mailing.unwrap_or(false),
        sent_at: (!silent).then_some(now),
        created_at: now,
        expired_at: now + 30 * DAY,
        user_id: None,
        permissions: Vec::new(),
        accesses: Vec::new(),
    };
    let view = views::invitation(&shared.base_url, account_id, &account.teams, &invitation);
    account.invitations.push(invitation);
    Ok(Reply::created(view))
}

pub(crate) fn find(account: &Account, invitation_id: u64) -> Result<&Invitation, ApiError> {
    account
        .invitations
        .iter()
        .find(|i| i.id == invitation_id)
        .ok_or_else(|| ApiError::not_found("Invitation"))
}

/// The invitation if it can still change; accepted, cancelled and rejected ones cannot.
pub(crate) fn pending_mut(
    account: &mut Account,
    invitation_id: u64,
) -> Result<&mut Invitation, ApiError> {
    let invitation = account
        .invitations
        .iter_mut()
        .find(|i| i.id == invitation_id)
        .ok_or_else(|| ApiError::not_found("Invitation"))?;
    if invitation.status != InvitationStatus::Pending {
        return Err(ApiError::bad_request(
            "cannot_update_invitation",
            format!(
                "This invitation is {} and can no longer change",
                invitation.status.as_str()
            ),
        ));
    }
    Ok(invitation)
}

/// GET /1/accounts/{account_id}/invitations/{invitation_id}
pub(crate) async fn show(State(shared): State<Arc<Shared>>, ids: Ids) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let invitation_id = ids.id("invitation_id")?;
    let world = shared.world();
    let (account, _) = world.managed(account_id)?;
    let invitation = find(account, invitation_id)?;
    Ok(Reply::ok(views::invitation(
        &shared.base_url,
        account_id,
        &account.teams,
        invitation,
    )))
}

fn permissions(form: &mut Form<'_>) -> Option<Vec<Value>> {
    let items = form.raw("permissions")?.as_array().cloned();
    let Some(items) = items else {
        form.push(FieldError::kind("permissions", "a list"));
        return None;
    };
    let valid = items.iter().all(|item| {
        let types_ok = item
            .get("types")
            .and_then(Value::as_array)
            .is_none_or(|types| {
                types
                    .iter()
                    .all(|t| t.as_str().is_some_and(|t| PERMISSION_TYPES.contains(&t)))
            });
        item.is_object() && types_ok
    });
    if !valid {
        form.push(FieldError::not_in("permissions.types", &PERMISSION_TYPES));
        return None;
    }
    Some(items)
}

/// PATCH /1/accounts/{account_id}/invitations/{invitation_id}
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let invitation_id = ids.id("invitation_id")?;
    let mut world = shared.world();
    let (account, caller) = world.managed_mut(account_id)?;
    pending_mut(account, invitation_id)?;

    let mut form = Form::new(&body);
    let role = form.choice("role_type", &ROLE_TYPES, false);
    let teams = form.ids("team_ids");
    if let Some(teams) = &teams {
        let unknown = unknown_teams(account, teams);
        if !unknown.is_empty() {
            form.push(FieldError::unknown_ids("team_ids", &unknown));
        }
    }
    let billing = form.flag("has_billing");
    let billing_mailing = form.flag("has_billing_mailing");
    let mailing = form.flag("has_mailing");
    let language = form.id("language_id");
    let locale = language.map(|id| LOCALES.iter().find(|l| language_id(l) == id));
    if locale.is_some_and(|l| l.is_none()) {
        form.push(FieldError::new(
            "validation_rule_in",
            "language_id",
            "The selected language_id is invalid.".to_owned(),
        ));
    }
    let permissions = permissions(&mut form);
    form.finish()?;
    let role = role.as_deref().and_then(Role::from_role_type);
    only_owner_appoints_owner(caller, role)?;

    let all_teams = account.teams.clone();
    let invitation = pending_mut(account, invitation_id)?;
    if let Some(role) = role {
        invitation.role = role;
    }
    if let Some(teams) = teams {
        invitation.teams = teams;
    }
    if let Some(billing) = billing {
        invitation.has_billing = billing;
    }
    if let Some(flag) = billing_mailing {
        invitation.has_billing_mailing = flag;
    }
    if let Some(flag) = mailing {
        invitation.has_mailing = flag;
    }
    if let Some(Some(locale)) = locale {
        invitation.locale = (*locale).to_owned();
    }
    if let Some(permissions) = permissions {
        invitation.permissions = permissions;
    }
    Ok(Reply::ok(views::invitation(
        &shared.base_url,
        account_id,
        &all_teams,
        invitation,
    )))
}

/// DELETE /1/accounts/{account_id}/invitations/{invitation_id}: cancels it.
pub(crate) async fn cancel(State(shared): State<Arc<Shared>>, ids: Ids) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let invitation_id = ids.id("invitation_id")?;
    let mut world = shared.world();
    let (account, _) = world.managed_mut(account_id)?;
    if find(account, invitation_id)?.status == InvitationStatus::Accepted {
        return Err(ApiError::bad_request(
            "invitation_is_already_accepted",
            "This invitation was already accepted",
        ));
    }
    pending_mut(account, invitation_id)?.status = InvitationStatus::Cancelled;
    Ok(Reply::ok(Value::Bool(true)))
}

/// GET /1/accounts/{account_id}/invitations/users/{user_id}
pub(crate) async fn of_user(State(shared): State<Arc<Shared>>, ids: Ids) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let user_id = ids.id("user_id")?;
    let world = shared.world();
    let (account, _) = world.managed(account_id)?;
    let email = world.person(user_id).map(|p| p.email.to_lowercase());
    if account.member(user_id).is_none() && email.is_none() {
        return Err(ApiError::not_found("User"));
    }
    let items = account
        .invitations
        .iter()
        .filter(|i| {
            i.user_id == Some(user_id)
                || email
                    .as_ref()
                    .is_some_and(|e| i.email.eq_ignore_ascii_case(e))
        })
        .map(|i| views::invitation(&shared.base_url, account_id, &account.teams, i))
        .collect();
    Ok(Reply::ok(Value::Array(items)))
}
