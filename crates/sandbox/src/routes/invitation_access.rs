//! Product access granted along with a pending invitation: kDrive, mailbox, kChat, kSuite.

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Create,
    Update,
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
    let creating = change == Change::Create;
    let role = if change == Change::Delete {
        None
    } else {
        form.choice("role", &ROLES, creating)
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
    form.finish()?;
    let invitation = pending_mut(account, invitation_id)?;
    let position = invitation
        .accesses
        .iter()
        .position(|a| a.kind == kind && a.target_id == target_id);
    match (change, position) {
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
            };
            let view = views::access(&access);
            invitation.accesses.push(access);
            Ok(Reply::created(view))
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
            Ok(Reply::ok(views::access(access)))
        }
        (Change::Delete, Some(index)) => {
            invitation.accesses.remove(index);
            Ok(Reply::ok(Value::Bool(true)))
        }
    }
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
access_route!(create_kchat, "kchat", Target::None, Change::Create);
access_route!(update_kchat, "kchat", Target::None, Change::Update);
access_route!(delete_kchat, "kchat", Target::None, Change::Delete);
access_route!(create_ksuite, "ksuite", Target::None, Change::Create);
access_route!(update_ksuite, "ksuite", Target::None, Change::Update);
access_route!(delete_ksuite, "ksuite", Target::None, Change::Delete);
