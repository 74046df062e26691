//! List parameters: `page`/`per_page`, `search`, `filter[…]`, `order_by`/`order`, `with`.

use std::cmp::Ordering;
use std::convert::Infallible;
use std::ops::Range;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde_json::Value;

use crate::envelope::{ApiError, ApiResult, FieldError, PageMeta, Reply};

/// `per_page` when the request sends `page` without it.
pub(crate) const DEFAULT_PER_PAGE: usize = 10;
/// Larger `per_page` values are served as this many (the real API documents no maximum).
pub(crate) const MAX_PER_PAGE: usize = 1000;

/// The decoded query string, in order, with repeated keys kept.
#[derive(Debug, Clone, Default)]
pub(crate) struct ListQuery {
    pairs: Vec<(String, String)>,
}

impl<S: Send + Sync> FromRequestParts<S> for ListQuery {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::parse(parts.uri.query().unwrap_or_default()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Paging {
    pub page: usize,
    pub per_page: usize,
}

impl Paging {
    /// The items of this page; `overlap` pulls the start of every page after the first back by
    /// that many items, reproducing the prepaid history's repeating pages.
    pub(crate) fn range(self, len: usize, overlap: usize) -> Range<usize> {
        let mut start = (self.page - 1).saturating_mul(self.per_page);
        if self.page > 1 {
            start = start.saturating_sub(overlap);
        }
        let end = self.page.saturating_mul(self.per_page).min(len);
        start.min(end)..end
    }

    fn meta(self, total: usize) -> PageMeta {
        PageMeta {
            total,
            page: self.page,
            pages: total.div_ceil(self.per_page).max(1),
            per_page: self.per_page,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Order {
    pub field: String,
    pub descending: bool,
}

impl ListQuery {
    pub(crate) fn parse(raw: &str) -> Self {
        Self {
            pairs: url::form_urlencoded::parse(raw.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        }
    }

    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// `search`, lower-cased for case-insensitive matching; `None` when absent or blank.
    pub(crate) fn search(&self) -> Option<String> {
        self.get("search")
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
    }

    /// Values of `filter[name]`, `filter[name][]` and `filter[name][0]`, comma lists split.
    pub(crate) fn filter(&self, name: &str) -> Vec<String> {
        let key = format!("filter[{name}]");
        self.pairs
            .iter()
            .filter(|(k, _)| {
                k.strip_prefix(key.as_str()).is_some_and(|rest| {
                    rest.is_empty() || (rest.starts_with('[') && rest.ends_with(']'))
                })
            })
            .flat_map(|(_, v)| v.split(','))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// Like [`Self::filter`], every value checked against `allowed`.
    pub(crate) fn filter_in(&self, name: &str, allowed: &[&str]) -> Result<Vec<String>, ApiError> {
        let values = self.filter(name);
        if values.iter().any(|v| !allowed.contains(&v.as_str())) {
            let attribute = format!("filter[{name}]");
            return Err(ApiError::validation(vec![FieldError::not_in(
                &attribute, allowed,
            )]));
        }
        Ok(values)
    }

    pub(crate) fn filter_ids(&self, name: &str) -> Result<Vec<u64>, ApiError> {
        self.filter(name)
            .iter()
            .map(|v| v.parse::<u64>())
            .collect::<Result<_, _>>()
            .map_err(|_| {
                let attribute = format!("filter[{name}]");
                ApiError::validation(vec![FieldError::kind(&attribute, "a list of integers")])
            })
    }

    /// The requested expansions; an unknown one answers 422 listing the allowed values.
    pub(crate) fn with(&self, allowed: &[&str]) -> Result<Vec<String>, ApiError> {
        let values: Vec<String> = self
            .pairs
            .iter()
            .filter(|(k, _)| k == "with" || k == "with[]")
            .flat_map(|(_, v)| v.split(','))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect();
        if values.iter().any(|v| !allowed.contains(&v.as_str())) {
            return Err(ApiError::validation(vec![FieldError::not_in(
                "with", allowed,
            )]));
        }
        Ok(values)
    }

    /// `Some` only when the request sent `page`.
    pub(crate) fn paging(&self) -> Result<Option<Paging>, ApiError> {
        let Some(page) = self.get("page") else {
            return Ok(None);
        };
        let page = positive(page).ok_or_else(|| invalid_number("page"))?;
        let per_page = match self.get("per_page") {
            Some(value) => positive(value).ok_or_else(|| invalid_number("per_page"))?,
            None => DEFAULT_PER_PAGE,
        };
        Ok(Some(Paging {
            page,
            per_page: per_page.min(MAX_PER_PAGE),
        }))
    }

    /// `order_by` + `order`, or `order_for[field]`; the field must be one of `allowed`.
    pub(crate) fn order(&self, allowed: &[&str]) -> Result<Option<Order>, ApiError> {
        let order_for = self.pairs.iter().find_map(|(k, v)| {
            let field = k.strip_prefix("order_for[")?.strip_suffix(']')?;
            Some((field.to_owned(), Some(v.as_str())))
        });
        let requested = order_for.or_else(|| {
            self.get("order_by")
                .map(|field| (field.to_owned(), self.get("order")))
        });
        let Some((field, direction)) = requested else {
            return Ok(None);
        };
        if !allowed.contains(&field.as_str()) {
            return Err(ApiError::validation(vec![FieldError::not_in(
                "order_by", allowed,
            )]));
        }
        let descending = match direction.map(str::to_ascii_lowercase).as_deref() {
            None | Some("asc") => false,
            Some("desc") => true,
            Some(_) => {
                return Err(ApiError::validation(vec![FieldError::not_in(
                    "order",
                    &["asc", "desc"],
                )]));
            }
        };
        Ok(Some(Order { field, descending }))
    }
}

fn positive(value: &str) -> Option<usize> {
    value.trim().parse::<usize>().ok().filter(|n| *n >= 1)
}

fn invalid_number(attribute: &str) -> ApiError {
    ApiError::validation(vec![FieldError::new(
        "validation_rule_min",
        attribute,
        format!("The {attribute} must be an integer of at least 1."),
    )])
}

/// Sorts, pages and wraps a list the way every list route answers.
pub(crate) fn respond(items: Vec<Value>, query: &ListQuery, sortable: &[&str]) -> ApiResult {
    respond_with_overlap(items, query, sortable, 0)
}

pub(crate) fn respond_with_overlap(
    mut items: Vec<Value>,
    query: &ListQuery,
    sortable: &[&str],
    overlap: usize,
) -> ApiResult {
    let order = query.order(sortable)?;
    let paging = query.paging()?;
    if let Some(order) = order {
        items.sort_by(|a, b| {
            let ordering = compare(&a[order.field.as_str()], &b[order.field.as_str()]);
            if order.descending {
                ordering.reverse()
            } else {
                ordering
            }
        });
    }
    let Some(paging) = paging else {
        return Ok(Reply::listed(Value::Array(items), None));
    };
    let total = items.len();
    let page: Vec<Value> = items.drain(paging.range(total, overlap)).collect();
    Ok(Reply::listed(Value::Array(page), Some(paging.meta(total))))
}

/// Nulls first, numbers numerically, text case-insensitively.
fn compare(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
            x.partial_cmp(&y).unwrap_or(Ordering::Equal)
        }
        (Value::String(x), Value::String(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        _ => a.to_string().cmp(&b.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laravel_brackets_and_comma_lists() {
        let q = ListQuery::parse(
            "filter%5Bservice_names%5D%5B%5D=domain&filter[service_names][]=drive&filter[role_type]=admin,owner&filter[other]=x",
        );
        assert_eq!(q.filter("service_names"), ["domain", "drive"]);
        assert_eq!(q.filter("role_type"), ["admin", "owner"]);
        assert!(q.filter("service").is_empty());
    }

    #[test]
    fn paging_only_with_page_and_overlap_repeats_one_item() {
        assert_eq!(ListQuery::parse("per_page=5").paging().ok(), Some(None));
        let paging = Paging {
            page: 2,
            per_page: 10,
        };
        assert_eq!(paging.range(25, 0), 10..20);
        assert_eq!(paging.range(25, 1), 9..20);
        assert_eq!(
            Paging {
                page: 4,
                per_page: 10
            }
            .range(25, 0),
            25..25
        );
        assert!(ListQuery::parse("page=0").paging().is_err());
        assert_eq!(
            ListQuery::parse("page=1&per_page=99999")
                .paging()
                .ok()
                .flatten(),
            Some(Paging {
                page: 1,
                per_page: MAX_PER_PAGE
            })
        );
    }

    #[test]
    fn order_is_checked_against_the_sortable_fields() {
        let q = ListQuery::parse("order_by=name&order=desc");
        assert_eq!(
            q.order(&["name"]).ok().flatten(),
            Some(Order {
                field: "name".into(),
                descending: true
            })
        );
        assert!(q.order(&["id"]).is_err());
        assert!(
            ListQuery::parse("order_by=name&order=up")
                .order(&["name"])
                .is_err()
        );
    }
}
