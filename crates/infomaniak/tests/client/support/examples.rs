//! Examples generated from the spec's schemas: with only the required fields, or with every
//! field, to feed the client payloads the sandbox would never send.

use super::spec::{data_schema, resolve, success_schema};
use serde_json::{Map, Value, json};

/// How much of a schema an example fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Only the required properties.
    Required,
    /// Every declared property.
    Everything,
}

/// A value that validates against `schema`, generated from it: ids and counts are 1, strings
/// are their example or enum's first value, arrays hold one item. Recursion stops at a depth
/// past which no payload of the API goes.
pub fn example(schema: &'static Value, fill: Fill) -> Value {
    example_at(schema, fill, 0)
}

fn example_at(schema: &'static Value, fill: Fill, depth: usize) -> Value {
    let schema = resolve(schema);
    if depth > 8 {
        return Value::Null;
    }
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        let mut merged = Map::new();
        for part in parts {
            if let Value::Object(fields) = example_at(part, fill, depth + 1) {
                merged.extend(fields);
            }
        }
        return Value::Object(merged);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(first) = schema
            .get(key)
            .and_then(Value::as_array)
            .and_then(|a| a.first())
        {
            return example_at(first, fill, depth + 1);
        }
    }
    if let Some(first) = schema
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
    {
        return first.clone();
    }
    let kind = match schema.get("type") {
        Some(Value::String(k)) => k.as_str(),
        Some(Value::Array(ks)) => ks
            .iter()
            .filter_map(Value::as_str)
            .find(|k| *k != "null")
            .unwrap_or("null"),
        _ if schema.get("properties").is_some() => "object",
        _ => "string",
    };
    match kind {
        "object" => {
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let mut out = Map::new();
            if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                for (name, prop) in props {
                    if fill == Fill::Everything || required.contains(&name.as_str()) {
                        out.insert(name.clone(), example_at(prop, fill, depth + 1));
                    }
                }
            }
            Value::Object(out)
        }
        "array" => match schema.get("items") {
            Some(items) => json!([example_at(items, fill, depth + 1)]),
            None => json!([]),
        },
        "integer" => schema
            .get("example")
            .filter(|e| e.is_i64())
            .cloned()
            .unwrap_or(json!(1)),
        "number" => json!(1.5),
        "boolean" => json!(true),
        "null" => Value::Null,
        _ => schema
            .get("example")
            .filter(|e| e.is_string())
            .cloned()
            .unwrap_or_else(|| json!("text")),
    }
}

/// A success answer for `op` generated from its schema. Lists the export describes by their
/// item (see [`super::spec::answer_violations`]) are answered as a list of one.
pub fn example_answer(op: &'static Value, fill: Fill) -> Value {
    let schema = success_schema(op).expect("a success schema");
    let mut answer = example(schema, fill);
    answer["result"] = json!("success");
    // The envelope marks nothing required, but a success always carries its `data`.
    if let Some(data) = data_schema(op) {
        answer["data"] = example(data, fill);
    }
    let paginated = schema
        .get("allOf")
        .and_then(Value::as_array)
        .is_some_and(|parts| {
            parts
                .iter()
                .any(|p| p.get("$ref") == Some(&json!("#/components/schemas/Pagination")))
        });
    if paginated && !answer["data"].is_array() {
        answer["data"] = json!([answer["data"].clone()]);
    }
    if paginated {
        for (key, value) in [
            ("total", 1),
            ("page", 1),
            ("pages", 1),
            ("items_per_page", 100),
        ] {
            answer[key] = json!(value);
        }
    }
    answer
}
