use std::sync::Arc;

use axum::extract::State;
use serde_json::{Value, json};

use crate::envelope::{ApiError, ApiResult, Reply};
use crate::query::ListQuery;
use crate::state::Shared;
use crate::world::model::language_id;

/// GET /2/profile
pub(crate) async fn show(State(shared): State<Arc<Shared>>, query: ListQuery) -> ApiResult {
    let with = query.with(&["emails", "phones"])?;
    let world = shared.world();
    let me = world
        .person(world.me)
        .ok_or_else(|| ApiError::not_found("User"))?;
    let profile = &world.profile;
    let language = me.locale.split('_').next().unwrap_or("fr");
    // A user's `security` extra is this same object, less what only the person's own profile has.
    let mut security = super::views::security(profile.otp);
    security["has_recovery_email"] = json!(profile.emails.len() > 1);
    let mut data = json!({
        "id": me.id,
        "login": me.login,
        "email": me.email,
        "first_name": me.first_name,
        "last_name": me.last_name,
        "display_name": me.display_name(),
        "avatar": Value::Null,
        "is_sso": me.is_sso,
        // The spec keeps the time zone, the language and the country under `preferences`.
        "preferences": {
            "account": {"current_account_id": profile.current_account_id},
            "security": security,
            "language": {
                "id": language_id(&me.locale),
                "name": language_name(language),
                "short_name": language.to_uppercase(),
                "short_locale": language,
                "locale": me.locale,
            },
            "timezone": {"id": 414, "name": profile.timezone, "gmt": "01:00"},
        },
    });
    if with.iter().any(|w| w == "emails") {
        data["emails"] = profile
            .emails
            .iter()
            .enumerate()
            .map(|(i, email)| json!({"id": i + 1, "email": email, "is_primary": i == 0, "checked": true}))
            .collect();
    }
    if with.iter().any(|w| w == "phones") {
        data["phones"] = profile
            .phones
            .iter()
            .enumerate()
            .map(|(i, phone)| json!({"id": i + 1, "phone": phone, "checked": true}))
            .collect();
    }
    Ok(Reply::ok(data))
}

fn language_name(short: &str) -> &'static str {
    match short {
        "de" => "German",
        "en" => "English",
        "es" => "Spanish",
        "it" => "Italian",
        _ => "French",
    }
}
