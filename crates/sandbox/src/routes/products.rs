use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State;
use serde_json::{Value, json};

use super::params::Ids;
use super::views;
use crate::envelope::{ApiResult, Reply};
use crate::query::{ListQuery, respond};
use crate::state::Shared;
use crate::world::model::{Account, Product};

const SORTABLE: [&str; 5] = [
    "id",
    "customer_name",
    "service_name",
    "expired_at",
    "created_at",
];

fn matches_search(product: &Product, search: Option<&String>) -> bool {
    search.is_none_or(|s| {
        product.customer_name.to_lowercase().contains(s)
            || product.internal_name.to_lowercase().contains(s)
    })
}

/// GET /1/products: every product across the person's organisations, with the plain
/// `account_id`, `service_name` and `customer_name` filters the document lists.
pub(crate) async fn all(State(shared): State<Arc<Shared>>, query: ListQuery) -> ApiResult {
    let search = query.search();
    let account_id = query.get("account_id").and_then(|v| v.parse::<u64>().ok());
    let service = query.get("service_name").map(str::to_owned);
    let customer = query.get("customer_name").map(str::to_lowercase);
    let world = shared.world();
    let items = world
        .accounts
        .values()
        .filter_map(|a| a.member(world.me).map(|m| (a, m.role)))
        .filter(|(a, _)| account_id.is_none_or(|id| a.id == id))
        .flat_map(|(a, role)| a.products.iter().map(move |p| (a, role, p)))
        .filter(|(_, _, p)| service.as_ref().is_none_or(|s| p.service_name == s))
        .filter(|(_, _, p)| {
            customer
                .as_ref()
                .is_none_or(|c| p.customer_name.to_lowercase().contains(c))
        })
        .filter(|(_, _, p)| matches_search(p, search.as_ref()))
        .map(|(a, role, p)| views::product(a, role, p))
        .collect();
    respond(items, &query, &SORTABLE)
}

fn has_tag(account: &Account, product: &Product, wanted: &[String]) -> bool {
    wanted.is_empty()
        || account.tags.iter().any(|tag| {
            product.tag_ids.contains(&tag.id)
                && wanted
                    .iter()
                    .any(|w| *w == tag.name || *w == tag.id.to_string())
        })
}

/// GET /1/accounts/{account_id}/products with `filter[service_names][]` and `filter[tags][]`.
pub(crate) async fn of_account(
    State(shared): State<Arc<Shared>>,
    ids: Ids,
    query: ListQuery,
) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let services = query.filter("service_names");
    let tags = query.filter("tags");
    let search = query.search();
    let world = shared.world();
    let (account, role) = world.visible(account_id)?;
    let items = account
        .products
        .iter()
        .filter(|p| services.is_empty() || services.iter().any(|s| s == p.service_name))
        .filter(|p| has_tag(account, p, &tags))
        .filter(|p| matches_search(p, search.as_ref()))
        .map(|p| views::product(account, role, p))
        .collect();
    respond(items, &query, &SORTABLE)
}

/// GET /1/accounts/{account_id}/services: `[{id, name, count}]` of the services in use.
pub(crate) async fn services(State(shared): State<Arc<Shared>>, ids: Ids) -> ApiResult {
    let account_id = ids.id("account_id")?;
    let world = shared.world();
    let (account, _) = world.visible(account_id)?;
    let mut counts: BTreeMap<(u32, &str), usize> = BTreeMap::new();
    for product in &account.products {
        *counts
            .entry((product.service_id, product.service_name))
            .or_default() += 1;
    }
    let items = counts
        .into_iter()
        .map(|((id, name), count)| json!({"id": id, "name": name, "count": count}))
        .collect();
    Ok(Reply::ok(Value::Array(items)))
}
