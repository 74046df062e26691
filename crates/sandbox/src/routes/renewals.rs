//! Renewals and automatic renewal (`unverified`; profile `Extended` only).

use std::sync::Arc;

use axum::extract::State;
use serde_json::{Value, json};

use super::params::Ids;
use super::views::money;
use crate::body::{Form, JsonBody};
use crate::envelope::{ApiResult, Reply};
use crate::query::{ListQuery, respond};
use crate::state::Shared;
use crate::world::model::{Account, DAY, Product};

/// Automatic renewal pays 14 days before expiry, so it cannot be switched on closer than that.
const AUTO_RENEW_LEAD_DAYS: i64 = 14;
const AUTOMATIC_METHODS: [&str; 2] = ["card", "twint"];

fn item(account: &Account, product: &Product, expired_at: i64) -> Value {
    let first_attempt = expired_at - AUTO_RENEW_LEAD_DAYS * DAY;
    json!({
        "product_id": product.id,
        "service_name": product.service_name,
        "customer_name": product.customer_name,
        "expired_at": expired_at,
        "auto_renew": product.auto_renew,
        "auto_renew_available_until": first_attempt,
        "next_payment_attempt_at": product.auto_renew.then_some(first_attempt),
        "payment_method": account.payment_method,
        "price": {"amount_incl_tax": money(product.price_cents), "currency": account.currency},
        "periods": product.periods,
    })
}

/// GET /1/accounts/{account_id}/renewals: products that expire, soonest first.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    query: ListQuery,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let world = shared.world();
    let (account, _) = world.billing(account_id)?;
    let mut products: Vec<(&Product, i64)> = account
        .products
        .iter()
        .filter_map(|p| Some((p, p.expired_at?)))
        .collect();
    products.sort_by_key(|(p, expiry)| (*expiry, p.id));
    let items = products
        .into_iter()
        .map(|(p, expiry)| item(account, p, expiry))
        .collect();
    respond(
        items,
        &query,
        &["expired_at", "customer_name", "service_name"],
    )
}

fn outcome(product_id: u64, error: Option<(&str, &str)>) -> Value {
    match error {
        None => json!({"product_id": product_id, "result": "success"}),
        Some((code, description)) => json!({
            "product_id": product_id,
            "result": "error",
            "error": {"code": code, "description": description},
        }),
    }
}

/// PUT /1/accounts/{account_id}/renewals/auto_renew `{product_ids, enabled}`: one result per
/// product, so one refusal does not undo the others.
pub(crate) async fn auto_renew(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let mut form = Form::new(&body);
    let product_ids = form.required_ids("product_ids");
    let enabled = form.required_flag("enabled");
    form.finish()?;
    let (product_ids, enabled) = (product_ids.unwrap_or_default(), enabled.unwrap_or(false));
    let now = shared.now();
    let mut world = shared.world();
    let (account, _) = world.billing_mut(account_id)?;
    let can_pay = account
        .payment_method
        .is_some_and(|m| AUTOMATIC_METHODS.contains(&m));
    let results = product_ids
        .iter()
        .map(|id| {
            let Some(product) = account.products.iter_mut().find(|p| p.id == *id) else {
                return outcome(*id, Some(("object_not_found", "No such product in this organisation")));
            };
            if enabled {
                let Some(expiry) = product.expired_at else {
                    return outcome(*id, Some(("auto_renew_not_available", "This product does not expire")));
                };
                if expiry - now < AUTO_RENEW_LEAD_DAYS * DAY {
                    return outcome(*id, Some((
                        "auto_renew_too_close_to_expiry",
                        "Automatic renewal cannot be switched on within 14 days of expiry: renew manually first",
                    )));
                }
                if !can_pay {
                    return outcome(*id, Some((
                        "no_supported_payment_method",
                        "Automatic renewal needs a card or a saved Twint profile",
                    )));
                }
            }
            product.auto_renew = enabled;
            outcome(*id, None)
        })
        .collect();
    Ok(Reply::ok(Value::Array(results)))
}
