//! Every request the client sends on a documented route matches the spec: its query parameters
//! are declared and their values fit, its body validates against the request schema.

use super::{configs, exchanges, ratchet};
use crate::support::{self, spec};
use serde_json::{Value, json};

/// A query value read as the schema's type would have it on the wire.
fn typed(raw: &str, schema: &Value) -> Value {
    let kinds: Vec<&str> = match schema.get("type") {
        Some(Value::String(k)) => vec![k.as_str()],
        Some(Value::Array(ks)) => ks.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    if kinds.contains(&"integer")
        && let Ok(n) = raw.parse::<i64>()
    {
        return json!(n);
    }
    if kinds.contains(&"boolean") {
        match raw {
            "true" | "1" => return json!(true),
            "false" | "0" => return json!(false),
            _ => {}
        }
    }
    json!(raw)
}

/// Problems of one query parameter `name=value` against the operation's declared parameters.
/// `filter[x]` names property `x` of the `filter` object; `filter[x][]` one item of an array
/// property (the Laravel form the API reads); `order_for[x]` a deep object.
fn parameter_problems(op: &'static Value, name: &str, value: &str) -> Vec<String> {
    let params = spec::query_parameters(op);
    let base = name.split('[').next().unwrap_or(name);
    let Some(param) = params.iter().find(|p| p["name"] == json!(base)) else {
        return vec![format!("`{name}` is not a parameter of this operation")];
    };
    let schema = spec::resolve(&param["schema"]);
    let inner: Vec<&str> = name
        .split('[')
        .skip(1)
        .map(|s| s.trim_end_matches(']'))
        .collect();
    let schema = match inner.as_slice() {
        [] => schema,
        [field] | [field, ""] if base == "filter" => {
            let Some(property) = schema.pointer(&format!("/properties/{field}")) else {
                return vec![format!("`{name}`: the spec's filter has no `{field}`")];
            };
            let property = spec::resolve(property);
            let is_array = property["type"] == json!("array");
            match (is_array, inner.len() == 2) {
                (true, true) => spec::resolve(&property["items"]),
                (false, false) => property,
                (true, false) => return vec![format!("`{name}` is an array: send `{name}[]`")],
                (false, true) => return vec![format!("`{name}` is not an array")],
            }
        }
        [_] if base == "order_for" => return vec![],
        _ => return vec![format!("`{name}`: unexpected brackets")],
    };
    spec::violations(schema, &typed(value, schema))
        .into_iter()
        .map(|v| format!("`{name}={value}`: {v}"))
        .collect()
}

fn pairs(query: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

#[tokio::test]
async fn every_documented_request_matches_the_spec() {
    let mut problems = Vec::new();
    for (name, config) in configs().into_iter().take(2) {
        let api = support::roomy(config).await;
        for (route, records) in exchanges(&api).await {
            let op = spec::operation(route).expect("documented routes are in the spec");
            let wanted_method = route.method().to_string();
            for record in records.iter().filter(|r| r.method == wanted_method) {
                for (key, value) in pairs(record.query.as_deref().unwrap_or_default()) {
                    for p in parameter_problems(op, &key, &value) {
                        problems.push(format!("{name}: {route}: {p}"));
                    }
                }
                match (spec::request_schema(op), record.body.as_deref()) {
                    (Some(schema), Some(body)) => {
                        let body: Value = serde_json::from_str(body).expect("JSON body");
                        for v in spec::violations(schema, &body) {
                            problems.push(format!("{name}: {route}: body {v}"));
                        }
                    }
                    (Some(schema), None) if schema.get("required").is_some() => {
                        problems.push(format!("{name}: {route}: no body, the spec requires one"));
                    }
                    _ => {}
                }
            }
        }
        api.shutdown().await;
    }
    problems.sort();
    ratchet("requests", &problems);
}

#[test]
fn the_oracle_refuses_an_undeclared_parameter_and_a_scalar_for_an_array_filter() {
    let op = spec::operation(infomaniak::Route::AccountUsers).unwrap();
    assert!(parameter_problems(op, "filter[team_ids][]", "3").is_empty());
    assert!(parameter_problems(op, "with", "teams").is_empty());
    assert!(!parameter_problems(op, "filter[team_ids]", "3").is_empty());
    assert!(!parameter_problems(op, "filter[nope]", "3").is_empty());
    assert!(!parameter_problems(op, "colour", "red").is_empty());
}
