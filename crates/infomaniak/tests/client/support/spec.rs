//! Infomaniak's published OpenAPI reference as the tests' oracle: operations looked up by the
//! route table's method and template, schemas compiled with a JSON Schema 2020-12 validator (what
//! OpenAPI 3.1 schemas are). The reference is kept beside the project, not in it (it is
//! Infomaniak's text): `../shared/api/openapi/infomaniak-core.json` next to the checkout, or
//! wherever `IK_DESK_OPENAPI` points.

use infomaniak::{Method, Route};
use jsonschema::Validator;
use serde_json::{Map, Value, json};
use std::sync::OnceLock;

/// Where the reference is read from.
fn spec_path() -> std::path::PathBuf {
    std::env::var_os("IK_DESK_OPENAPI").map_or_else(
        || {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/api/openapi/infomaniak-core.json")
        },
        std::path::PathBuf::from,
    )
}

/// The parsed reference, normalised once (see [`normalise`]).
pub fn doc() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let path = spec_path();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "Infomaniak's published API reference is not at {} ({e}): put the project's shared \
                 folder beside the checkout, or point IK_DESK_OPENAPI at infomaniak-core.json",
                path.display()
            )
        });
        let mut doc: Value = serde_json::from_str(&text).expect("the spec is JSON");
        normalise(&mut doc);
        mend(&mut doc);
        doc
    })
}

/// The export keeps OpenAPI 3.0's `nullable: true`, which JSON Schema 2020-12 ignores: read it as
/// its authors meant it, a type that also admits `null`; and its `oneOf` as `anyOf` (below).
fn normalise(value: &mut Value) {
    match value {
        Value::Object(map) => {
            // The export's `oneOf` alternatives overlap (an array of e-mails is valid under
            // both of the profile's `emails` shapes): it means "one of these shapes", `anyOf`.
            // Its outer `type` may contradict them (`emails`: an object that is one of two
            // arrays): the alternatives say what is sent.
            if let Some(alternatives) = map.remove("oneOf") {
                map.insert("anyOf".into(), alternatives);
                map.remove("type");
            }
            if map.get("nullable") == Some(&Value::Bool(true)) {
                if let Some(Value::String(kind)) = map.get("type").cloned() {
                    map.insert("type".into(), json!([kind, "null"]));
                }
                if let Some(Value::Array(values)) = map.get_mut("enum") {
                    values.push(Value::Null);
                }
            }
            map.values_mut().for_each(normalise);
        }
        Value::Array(items) => items.iter_mut().for_each(normalise),
        _ => {}
    }
}

/// Where the export is plainly broken, read it as the rest of the spec says; each mend names the
/// defect. Everything else is taken as published.
fn mend(doc: &mut Value) {
    // Some schemas list as `required` names they do not declare (the profile requires `otp`,
    // `sms`, … which live under `preferences.security`): the export flattened nested lists.
    // A required name is kept only where the schema declares it.
    undeclared_required(doc);
    // The profile's `preferences.account` is typed `string`, a placeholder for the object that
    // carries `current_account_id`.
    if let Some(account) = doc.pointer_mut(
        "/components/schemas/087adaad_UserProfile/properties/preferences/properties/account",
    ) {
        *account = json!({"title": "account", "type": "object"});
    }
    // `GET /1/accounts/{account_id}/products` says `data` is a string: the export lost the list
    // schema that `GET /1/products` keeps (same items, `Product`).
    let products =
        "/paths/~11~1products/get/responses/200/content/application~1json/schema/allOf/1";
    let list = doc
        .pointer(products)
        .cloned()
        .expect("GET /1/products lists Products");
    let account_products = "/paths/~11~1accounts~1{account_id}~1products/get/responses/200/content/application~1json/schema/allOf/1";
    *doc.pointer_mut(account_products).expect("account products") = list;
    // The user list's `with=` extras (`teams`, `app_access`, …) are typed `string`, a placeholder
    // for "an expansion": their shape is not published, so any JSON is read as conforming.
    let user = "/components/schemas/087adaad_Userorpendinguser/properties";
    for extra in [
        "teams",
        "app_access",
        "drive_infos",
        "kchat_infos",
        "security",
    ] {
        if let Some(schema) = doc.pointer_mut(&format!("{user}/{extra}")) {
            *schema = json!({"title": extra});
        }
    }
    // Pagination is a capacity of every list (`page`, `per_page`; see the `Pagination` schema
    // every list answer carries), but the export omits the parameters on some lists.
    let paths: Vec<String> = doc["paths"]
        .as_object()
        .expect("paths")
        .keys()
        .cloned()
        .collect();
    for path in paths {
        let pointer = format!("/paths/{}/get", path.replace('~', "~0").replace('/', "~1"));
        let Some(op) = doc.pointer_mut(&pointer) else {
            continue;
        };
        let lists = op
            .pointer("/responses/200/content/application~1json/schema/allOf")
            .and_then(Value::as_array)
            .is_some_and(|parts| {
                parts
                    .iter()
                    .any(|p| p.get("$ref") == Some(&json!("#/components/schemas/Pagination")))
            });
        let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) else {
            continue;
        };
        if lists
            && !params
                .iter()
                .any(|p| p.get("$ref") == Some(&json!("#/components/parameters/Page")))
        {
            params.push(json!({"$ref": "#/components/parameters/Page"}));
            params.push(json!({"$ref": "#/components/parameters/PerPage"}));
        }
    }
}

fn undeclared_required(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::Object(props)), Some(Value::Array(required))) =
                (map.get("properties").cloned(), map.get_mut("required"))
            {
                required.retain(|name| name.as_str().is_some_and(|n| props.contains_key(n)));
            }
            map.values_mut().for_each(undeclared_required);
        }
        Value::Array(items) => items.iter_mut().for_each(undeclared_required),
        _ => {}
    }
}

/// A template with its placeholder names dropped: the spec says `{account}`, the table
/// `{account_id}`; only the shape matters.
pub fn shape(template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut inside = false;
    for c in template.chars() {
        match c {
            '{' => {
                inside = true;
                out.push_str("{}");
            }
            '}' => inside = false,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

fn method_key(method: Method) -> &'static str {
    match method {
        Method::Get => "get",
        Method::Post => "post",
        Method::Put => "put",
        Method::Patch => "patch",
        Method::Delete => "delete",
    }
}

/// Every operation of the spec as `(METHOD, shape)`.
pub fn operations() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (path, item) in doc()["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                out.push((method.to_uppercase(), shape(path)));
            }
        }
    }
    out
}

/// The spec's operation for a route of the table, if the spec has it.
pub fn operation(route: Route) -> Option<&'static Value> {
    let wanted = shape(route.template());
    doc()["paths"]
        .as_object()?
        .iter()
        .find(|(path, _)| shape(path) == wanted)
        .and_then(|(_, item)| item.get(method_key(route.method())))
}

/// Follows a local `$ref` (`#/components/...`) once.
pub fn resolve(value: &'static Value) -> &'static Value {
    match value.get("$ref").and_then(Value::as_str) {
        Some(pointer) => {
            let target = doc()
                .pointer(pointer.trim_start_matches('#'))
                .unwrap_or_else(|| panic!("dangling {pointer}"));
            resolve(target)
        }
        None => value,
    }
}

/// A validator for `schema`, whose `$ref`s resolve into the spec's components.
pub fn validator(schema: &Value) -> Validator {
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": doc()["components"],
        "allOf": [schema],
    });
    jsonschema::draft202012::new(&root).expect("the spec's schema compiles")
}

/// The success answer's schema (200 or 201) of an operation.
pub fn success_schema(op: &'static Value) -> Option<&'static Value> {
    let responses = op.get("responses")?;
    ["200", "201"].iter().find_map(|status| {
        resolve(responses.get(*status)?).pointer("/content/application~1json/schema")
    })
}

/// The request body's schema of an operation, if it takes one.
pub fn request_schema(op: &'static Value) -> Option<&'static Value> {
    resolve(op.get("requestBody")?).pointer("/content/application~1json/schema")
}

/// The schema the answer's `data` is described with (the `data` property of the envelope's
/// `allOf`), resolved.
pub fn data_schema(op: &'static Value) -> Option<&'static Value> {
    success_schema(op)?
        .get("allOf")?
        .as_array()?
        .iter()
        .find_map(|part| part.pointer("/properties/data"))
        .map(resolve)
}

/// Errors of `value` against `schema`, one line each (empty when it validates).
pub fn violations(schema: &Value, value: &Value) -> Vec<String> {
    validator(schema)
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

/// Checks a whole answer against the operation's success schema. The export describes some list
/// answers' `data` by their item's schema (`GET /2/accounts/{account}/users` says `data` is one
/// "User or pending user"): when the answer's `data` is an array and the spec's is not, each item
/// is held against it in its own envelope.
pub fn answer_violations(op: &'static Value, answer: &Value) -> Vec<String> {
    let Some(schema) = success_schema(op) else {
        return vec!["the spec has no success schema".into()];
    };
    let data_is_array = data_schema(op)
        .is_some_and(|s| s.get("type") == Some(&json!("array")) || s.get("items").is_some());
    match answer.get("data") {
        Some(Value::Array(items)) if !data_is_array => {
            let check = validator(schema);
            items
                .iter()
                .enumerate()
                .flat_map(|(n, item)| {
                    let mut one: Map<String, Value> =
                        answer.as_object().cloned().unwrap_or_default();
                    one.insert("data".into(), item.clone());
                    check
                        .iter_errors(&Value::Object(one))
                        .map(|e| format!("item {n}: {e} at {}", e.instance_path))
                        .collect::<Vec<_>>()
                })
                .collect()
        }
        _ => violations(schema, answer),
    }
}

/// The query parameters an operation declares, by name (`$ref`s resolved).
pub fn query_parameters(op: &'static Value) -> Vec<&'static Value> {
    op.get("parameters")
        .and_then(Value::as_array)
        .map(|params| {
            params
                .iter()
                .map(resolve)
                .filter(|p| p.get("in") == Some(&json!("query")))
                .collect()
        })
        .unwrap_or_default()
}
