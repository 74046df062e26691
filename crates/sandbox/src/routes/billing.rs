//! Invoices (with pre-signed PDF links) and the prepaid account history (`observed` tier).

use std::sync::Arc;

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::params::Ids;
use super::views::money;
use crate::envelope::{ApiError, ApiResult};
use crate::pdf;
use crate::query::{ListQuery, respond, respond_with_overlap};
use crate::state::Shared;
use crate::world::model::Invoice;

/// How long an invoice download link stays valid.
pub(crate) const LINK_LIFETIME_SECONDS: i64 = 3600;

/// FNV-1a: enough to make links unguessable inside a test server, not a security boundary.
fn signature(key: u64, account_id: u64, invoice_id: u64, expires: i64) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in format!("{key}:{account_id}:{invoice_id}:{expires}").bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

fn invoice_view(shared: &Shared, account_id: u64, invoice: &Invoice, now: i64) -> Value {
    let expires = now + LINK_LIFETIME_SECONDS;
    let sig = signature(shared.link_key, account_id, invoice.id, expires);
    json!({
        "id": invoice.id,
        "account_id": account_id,
        "type": invoice.kind,
        "status": invoice.status,
        "reference": invoice.reference,
        "amount_incl_tax": money(invoice.amount_cents),
        "currency": invoice.currency,
        "created_at": invoice.created_at,
        "due_at": invoice.due_at,
        "pdf": format!(
            "{}/2/invoicing/invoice/pdf/{account_id}/{}?expires={expires}&signature={sig}",
            shared.base_url, invoice.id
        ),
    })
}

/// GET /2/invoicing/account/{account_id}/invoices, newest first unless ordered otherwise.
pub(crate) async fn invoices(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    query: ListQuery,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let statuses = query.filter_in("status", &["paid", "unpaid"])?;
    let currencies = query.filter_in("currency", &["CHF", "EUR"])?;
    let now = shared.now();
    let world = shared.world();
    let (account, _) = world.billing(account_id)?;
    let items = account
        .invoices
        .iter()
        .rev()
        .filter(|i| statuses.is_empty() || statuses.iter().any(|s| s == i.status))
        .filter(|i| currencies.is_empty() || currencies.iter().any(|c| c == i.currency))
        .map(|i| invoice_view(&shared, account_id, i, now))
        .collect();
    respond(
        items,
        &query,
        &["id", "created_at", "amount_incl_tax", "status"],
    )
}

/// GET /1/invoicing/{account_id}/payment/prepay/history. Known quirk, reproduced on purpose:
/// every page after the first starts with the last item of the page before, so a client that
/// does not de-duplicate by `id` counts it twice.
pub(crate) async fn prepaid(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    query: ListQuery,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let world = shared.world();
    let (account, _) = world.billing(account_id)?;
    let items = account
        .prepaid
        .iter()
        .rev()
        .map(|m| {
            json!({
                "id": m.id,
                "amount": money(m.amount_cents),
                "currency": m.currency,
                "status": m.status,
                "description": m.description,
                "created_at": m.created_at,
            })
        })
        .collect();
    respond_with_overlap(items, &query, &["created_at", "amount"], 1)
}

/// GET /2/invoicing/invoice/pdf/{account_id}/{invoice_id}?expires=…&signature=… (no bearer).
pub(crate) async fn pdf(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    query: ListQuery,
) -> Result<Response, ApiError> {
    let account_id = ids.id("account_id")?;
    let invoice_id = ids.id("invoice_id")?;
    let expires: i64 = query
        .get("expires")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| ApiError::access_denied("This download link is not valid"))?;
    let expected = signature(shared.link_key, account_id, invoice_id, expires);
    if query.get("signature") != Some(expected.as_str()) {
        return Err(ApiError::access_denied("This download link is not valid"));
    }
    if shared.now() > expires {
        return Err(ApiError::new(
            StatusCode::GONE,
            "link_expired",
            "This download link has expired: list the invoices again for a fresh one",
        ));
    }
    let world = shared.world();
    let account = world
        .accounts
        .get(&account_id)
        .ok_or_else(|| ApiError::not_found("Invoice"))?;
    let invoice = account
        .invoices
        .iter()
        .find(|i| i.id == invoice_id)
        .ok_or_else(|| ApiError::not_found("Invoice"))?;
    let body = pdf::document(&[
        account.name.clone(),
        format!(
            "{}, {} {}",
            account.address.street, account.address.zipcode, account.address.city
        ),
        String::new(),
        format!("Invoice {}", invoice.reference),
        format!("Status: {}", invoice.status),
        format!(
            "Total incl. tax: {:.2} {}",
            invoice.amount_cents as f64 / 100.0,
            invoice.currency
        ),
    ]);
    let disposition = format!("inline; filename=\"{}.pdf\"", invoice.reference);
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}
