//! Product access granted along with a pending invitation: kDrive, mailbox, kChat, kSuite, on the
//! published spec's routes: kChat has only `PATCH` (it sets the role, granting it if need be),
//! kSuite `POST` (with `ksuite_access`) and `DELETE`. Every change answers with the invitation.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use serde_json::Value;

use super::invitations::pending_mut;
use super::params::Ids;
use super::views;
use crate::body::{Form, JsonBody};
use crate::envelope::{ApiError, ApiResult, FieldError, Reply};
use crate::state::Shared;
use crate::world::model::ProductAccess;

const ROLES: [&str; 2] = ["admin", "user"];
const DRIVE_RIGHTS: [&str; 4] = ["manage", "none", "read", "write"];
/// The spec's `mailbox_permissions`: every one required, each a boolean.
const MAILBOX_PERMISSIONS: [&str; 9] = [
    "can_access_logs",
    "can_change_password",
    "can_configure_mail_folders",
    "can_manage_aliases",
    "can_manage_auto_reply",
    "can_manage_filters",
    "can_manage_redirections",
    "can_manage_security",
    "can_manage_signatures",
];

/// A mailbox access's body: `mailbox_name` always, `mailbox_permissions` (all nine booleans)
/// unless withdrawing.
fn mailbox_body(
    form: &mut Form<'_>,
    body: &serde_json::Map<String, Value>,
    change: Change,
) -> (Option<String>, Option<serde_json::Map<String, Value>>) {
    let name = form.required_text("mailbox_name");
    if change == Change::Delete {
        return (name, None);
    }
    let Some(permissions) = body.get("mailbox_permissions").and_then(Value::as_object) else {
        form.push(FieldError::required("mailbox_permissions"));
        return (name, None);
    };
    for key in MAILBOX_PERMISSIONS {
        let attribute = format!("mailbox_permissions.{key}");
        match permissions.get(key) {
            Some(Value::Bool(_)) => {}
            None | Some(Value::Null) => form.push(FieldError::required(&attribute)),
            Some(_) => form.push(FieldError::kind(&attribute, "a boolean")),
        }
    }
    (name, Some(permissions.clone()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Create,
    Update,
    /// Sets the access, granting it when the invitation had none (kChat's one route).
    Upsert,
    Delete,
}

/// Where the target id comes from: the path, the body (`drive_id`), or none (kChat, kSuite).
#[derive(Debug, Clone, Copy)]
enum Target {
    Path,
    Body(&'static str),
    None,
}

fn change(
    shared: &Shared,
    ids: &Ids,
    body: &serde_json::Map<String, Value>,
    kind: &'static str,
    target: Target,
    change: Change,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let invitation_id = ids.id("invitation_id")?;
    let mut form = Form::new(body);
    let target_id = match target {
        Target::Path => Some(ids.id("target_id")?),
        Target::Body(key) => {
            let id = form.id(key);
            if id.is_none() && !form.has(key) {
                form.push(FieldError::required(key));
            }
            id
        }
        Target::None => None,
    };
    let creating = matches!(change, Change::Create | Change::Upsert);
    let ksuite_roles = (kind == "ksuite" && change == Change::Create).then(|| {
        let roles = body.get("ksuite_access").and_then(Value::as_object);
        if roles.is_none() {
            form.push(FieldError::required("ksuite_access"));
        }
        roles.cloned().unwrap_or_default()
    });
    let (mailbox_name, mailbox_permissions) = if kind == "mailbox" {
        mailbox_body(&mut form, body, change)
    } else {
        (None, None)
    };
    let role = match (&ksuite_roles, change) {
        (_, Change::Delete) => None,
        // A mailbox access has permissions, not a role.
        _ if kind == "mailbox" => None,
        (Some(roles), _) if body.contains_key("ksuite_access") => {
            let mut inner = Form::new(roles);
            let role = inner.choice("kchat_role", &ROLES, true);
            inner.finish()?;
            role
        }
        (Some(_), _) => None,
        _ => form.choice("role", &ROLES, creating),
    };
    let right = if kind == "drive" && change != Change::Delete {
        form.choice("right", &DRIVE_RIGHTS, false)
    } else {
        None
    };

    let mut world = shared.world();
    let (account, _) = world.managed_mut(account_id)?;
    if kind == "drive"
        && let Some(drive_id) = target_id
    {
        let is_drive = account
            .products
            .iter()
            .any(|p| p.id == drive_id && p.service_name == "drive");
        if !is_drive {
            form.push(FieldError::unknown_ids("drive_id", &[drive_id]));
        }
    }
    if kind == "mailbox"
        && let Some(mail_id) = target_id
    {
        let is_mail = account
            .products
            .iter()
            .any(|p| p.id == mail_id && p.service_name == "email_hosting");
        if !is_mail {
            form.push(FieldError::unknown_ids("mail_id", &[mail_id]));
        }
    }
    form.finish()?;
    let teams = account.teams.clone();
    let invitation = pending_mut(account, invitation_id)?;
    // A mail service can give several mailboxes: each is its own access, told apart by name.
    let position = invitation.accesses.iter().position(|a| {
        a.kind == kind
            && a.target_id == target_id
            && (kind != "mailbox" || a.mailbox_name == mailbox_name)
    });
    // PATCH answers 200 even when it grants (the spec's only kChat answer).
    let upsert = change == Change::Upsert;
    let change = match (change, position) {
        (Change::Upsert, None) => Change::Create,
        (Change::Upsert, Some(_)) => Change::Update,
        (other, _) => other,
    };
    let outcome = match (change, position) {
        (Change::Create, Some(_)) => Err(ApiError::new(
            StatusCode::CONFLICT,
            "object_already_exists",
            "This access is already granted with the invitation",
        )),
        (Change::Create, None) => {
            let access = ProductAccess {
                kind,
                target_id,
                role: role.unwrap_or_else(|| "user".to_owned()),
                right: (kind == "drive").then(|| right.unwrap_or_else(|| "read".to_owned())),
                mailbox_name,
                mailbox_permissions,
            };
            invitation.accesses.push(access);
            Ok(StatusCode::CREATED)
        }
        (_, None) => Err(ApiError::not_found("Access")),
        (Change::Update, Some(index)) => {
            let access = &mut invitation.accesses[index];
            if let Some(role) = role {
                access.role = role;
            }
            if right.is_some() {
                access.right = right;
            }
            if mailbox_permissions.is_some() {
                access.mailbox_permissions = mailbox_permissions;
            }
            Ok(StatusCode::OK)
        }
        (Change::Delete, Some(index)) => {
            invitation.accesses.remove(index);
            Ok(StatusCode::OK)
        }
        (Change::Upsert, _) => Ok(StatusCode::OK),
    };
    let status = outcome?;
    let view = views::invitation(&shared.base_url, account_id, &teams, invitation);
    Ok(if status == StatusCode::CREATED && !upsert {
        Reply::created(view)
    } else {
        Reply::ok(view)
    })
}

macro_rules! access_route {
    ($name:ident, $kind:literal, $target:expr, $change:expr) => {
        pub(crate) async fn $name(
            State(shared): State<Arc<Shared>>,
            ids: Ids,
            JsonBody(body): JsonBody,
        ) -> ApiResult {
            change(&shared, &ids, &body, $kind, $target, $change)
        }
    };
}

access_route!(
    create_drive,
    "drive",
    Target::Body("drive_id"),
    Change::Create
);
access_route!(create_drive_at, "drive", Target::Path, Change::Create);
access_route!(update_drive, "drive", Target::Path, Change::Update);
access_route!(delete_drive, "drive", Target::Path, Change::Delete);
access_route!(create_mailbox, "mailbox", Target::Path, Change::Create);
access_route!(update_mailbox, "mailbox", Target::Path, Change::Update);
access_route!(delete_mailbox, "mailbox", Target::Path, Change::Delete);
access_route!(set_kchat, "kchat", Target::None, Change::Upsert);
access_route!(create_ksuite, "ksuite", Target::None, Change::Create);
access_route!(delete_ksuite, "ksuite", Target::None, Change::Delete);

/// POST …/invitations/{invitation_id}/mailbox/invite `{email, key, mail_id, mailbox_name}`: a
/// mailbox of one of the organisation's mail services, given with the invitation. Answers with
/// the invitation, as the spec says.
pub(crate) async fn invite_mailbox(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let invitation_id = ids.id("invitation_id")?;
    let mut form = Form::new(&body);
    let email = form.required_text("email");
    form.required_text("key");
    let mailbox_name = form.required_text("mailbox_name");
    let mail_id = form.id("mail_id");
    if mail_id.is_none() && !form.has("mail_id") {
        form.push(FieldError::required("mail_id"));
    }
    let mut world = shared.world();
    let (account, _) = world.managed_mut(account_id)?;
    if let Some(mail_id) = mail_id {
        let is_mail = account
            .products
            .iter()
            .any(|p| p.id == mail_id && p.service_name == "email_hosting");
        if !is_mail {
            form.push(FieldError::unknown_ids("mail_id", &[mail_id]));
        }
    }
    if email.as_deref().is_some_and(|e| !e.contains('@')) {
        form.push(FieldError::new(
            "validation_rule_email",
            "email",
            "The email must be a valid email address.".to_owned(),
        ));
    }
    form.finish()?;
    let teams = account.teams.clone();
    let invitation = pending_mut(account, invitation_id)?;
    let already = invitation
        .accesses
        .iter()
        .any(|a| a.kind == "mailbox" && a.target_id == mail_id && a.mailbox_name == mailbox_name);
    if already {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "object_already_exists",
            "This mailbox is already given with the invitation",
        ));
    }
    invitation.accesses.push(ProductAccess {
        kind: "mailbox",
        target_id: mail_id,
        role: "user".to_owned(),
        right: None,
        mailbox_name,
        mailbox_permissions: None,
    });
    Ok(Reply::ok(views::invitation(
        &shared.base_url,
        account_id,
        &teams,
        invitation,
    )))
}
