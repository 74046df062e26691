//! Support access of the signed-in person (`unverified`; profile `Extended` only).

use std::sync::Arc;

use axum::extract::State;
use serde_json::{Value, json};

use super::params::Ids;
use crate::body::{Form, JsonBody};
use crate::envelope::{ApiError, ApiResult, Reply};
use crate::state::Shared;
use crate::world::model::{DAY, SUPPORT_ACCESS_DAYS, SupportAccess};

fn view(access: &SupportAccess, now: i64) -> Value {
    json!({
        "content": access.content,
        "enabled": access.expires_at.is_some_and(|end| now < end),
        "granted_at": access.granted_at,
        "expires_at": access.expires_at,
    })
}

/// GET /2/profile/support_accesses
pub(crate) async fn list(State(shared): State<Arc<Shared>>) -> ApiResult {
    let now = shared.now();
    let world = shared.world();
    let items = world.profile.support.iter().map(|a| view(a, now)).collect();
    Ok(Reply::ok(Value::Array(items)))
}

/// PUT /2/profile/support_accesses/{content}: granting always starts a fresh 7-day period.
pub(crate) async fn update(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let content = ids.text("content")?.to_owned();
    let mut form = Form::new(&body);
    let enabled = form.required_flag("enabled");
    form.finish()?;
    let now = shared.now();
    let mut world = shared.world();
    let access = world
        .profile
        .support
        .iter_mut()
        .find(|a| a.content == content)
        .ok_or_else(|| ApiError::not_found("Support access"))?;
    if enabled == Some(true) {
        access.granted_at = Some(now);
        access.expires_at = Some(now + SUPPORT_ACCESS_DAYS * DAY);
    } else {
        access.granted_at = None;
        access.expires_at = None;
    }
    Ok(Reply::ok(view(access, now)))
}
