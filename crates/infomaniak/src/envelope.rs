//! The API's envelope: `{"result": "success", "data": …}` or `{"result": "error", "error": …}`.

use crate::error::{ApiFailure, Error, FieldError, scope_in};
use crate::routes::Route;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// A decoded success answer with its paging counters (present only when `page` was sent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope<T> {
    /// The payload.
    pub data: T,
    /// Total items across pages.
    pub total: Option<u64>,
    /// This page's number (from 1).
    pub page: Option<u64>,
    /// How many pages there are.
    pub pages: Option<u64>,
}

#[derive(Deserialize)]
struct Head {
    result: Option<String>,
    error: Option<RawError>,
}

#[derive(Deserialize)]
struct RawError {
    #[serde(default)]
    code: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    context: Option<serde_json::Value>,
    #[serde(default)]
    errors: Vec<RawFieldError>,
}

#[derive(Deserialize)]
struct RawFieldError {
    #[serde(default)]
    code: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    context: Option<RawFieldContext>,
}

#[derive(Deserialize, Default)]
struct RawFieldContext {
    attribute: Option<String>,
    #[serde(default)]
    values: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
struct Success<T> {
    data: T,
    total: Option<u64>,
    page: Option<u64>,
    pages: Option<u64>,
}

/// Decodes an answer of any status into the payload or a typed error.
///
/// # Errors
/// [`Error::Api`] when the body is the error envelope (whatever the status, including a 2xx whose
/// `result` is `"error"`); [`Error::Decode`] naming the failing field when the body is not what the
/// route documents.
pub(crate) fn decode<T: DeserializeOwned>(
    route: Route,
    status: u16,
    body: &[u8],
) -> Result<Envelope<T>, Error> {
    let head: Head = match serde_json::from_slice(body) {
        Ok(head) => head,
        // A proxy's HTML page on a 502 is the status's failure, not a malformed answer.
        Err(_) if !(200..300).contains(&status) => {
            return Err(Error::Api {
                route,
                failure: failure(status, None),
            });
        }
        Err(e) => {
            return Err(Error::Decode {
                route,
                path: ".".into(),
                message: describe_unparsable(status, body, &e),
            });
        }
    };
    let is_error = head.result.as_deref() == Some("error") || !(200..300).contains(&status);
    if is_error {
        return Err(Error::Api {
            route,
            failure: failure(status, head.error),
        });
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let ok: Success<T> = serde_path_to_error::deserialize(&mut de).map_err(|e| Error::Decode {
        route,
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })?;
    Ok(Envelope {
        data: ok.data,
        total: ok.total,
        page: ok.page,
        pages: ok.pages,
    })
}

fn failure(status: u16, raw: Option<RawError>) -> ApiFailure {
    let Some(raw) = raw else {
        return ApiFailure {
            status,
            code: format!("http_{status}"),
            description: format!("the server answered HTTP {status} without an explanation"),
            fields: Vec::new(),
            missing_scope: None,
        };
    };
    // Seen live: `context.scopes: ["user_info"]`; `context.scope` is kept for older answers.
    let context_scope = raw.context.as_ref().and_then(|c| {
        c.get("scopes")
            .and_then(|s| s.as_array())
            .and_then(|scopes| scopes.iter().find_map(|s| s.as_str()))
            .or_else(|| c.get("scope").and_then(|s| s.as_str()))
    });
    let missing_scope = (status == 403)
        .then(|| scope_in(&raw.description, context_scope))
        .flatten();
    let fields = raw
        .errors
        .into_iter()
        .map(|f| {
            let ctx = f.context.unwrap_or_default();
            FieldError {
                code: f.code,
                description: f.description,
                attribute: ctx.attribute,
                values: ctx
                    .values
                    .into_iter()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                    .collect(),
            }
        })
        .collect();
    ApiFailure {
        status,
        code: raw.code,
        description: raw.description,
        fields,
        missing_scope,
    }
}

fn describe_unparsable(status: u16, body: &[u8], e: &serde_json::Error) -> String {
    if body.is_empty() {
        format!("empty body with HTTP {status}")
    } else if e.is_eof() {
        format!(
            "the answer was cut short (HTTP {status}, {} bytes)",
            body.len()
        )
    } else {
        format!("not JSON (HTTP {status}): {e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item {
        id: u64,
        name: String,
    }

    #[test]
    fn success_with_paging() {
        let body = br#"{"result":"success","data":[{"id":1,"name":"a"}],"total":3,"page":1,"pages":2,"items_per_page":2}"#;
        let env: Envelope<Vec<Item>> = decode(Route::Accounts, 200, body).unwrap();
        assert_eq!(
            env.data,
            vec![Item {
                id: 1,
                name: "a".into()
            }]
        );
        assert_eq!(
            (env.total, env.page, env.pages),
            (Some(3), Some(1), Some(2))
        );
    }

    #[test]
    fn decode_error_names_the_field() {
        let body = br#"{"result":"success","data":[{"id":1,"name":"a"},{"id":"x","name":"b"}]}"#;
        let err = decode::<Vec<Item>>(Route::Accounts, 200, body).unwrap_err();
        match err {
            Error::Decode { path, .. } => assert_eq!(path, "data[1].id"),
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[test]
    fn error_envelope_keeps_code_fields_and_scope() {
        let body = br#"{"result":"error","error":{"code":"validation_failed","description":"bad","errors":[{"code":"validation_rule_required","description":"required","context":{"attribute":"email"}}]}}"#;
        let err = decode::<serde_json::Value>(Route::InvitationCreate, 422, body).unwrap_err();
        let f = err.api_failure().unwrap();
        assert_eq!(f.code, "validation_failed");
        assert_eq!(f.fields[0].attribute.as_deref(), Some("email"));

        let body = br#"{"result":"error","error":{"code":"access_denied","description":"missing scope: users"}}"#;
        let err = decode::<serde_json::Value>(Route::AccountUsers, 403, body).unwrap_err();
        assert_eq!(err.missing_scope(), Some("users"));

        // As seen live: the scope is in `context.scopes`, the description quotes it oddly.
        let body = br#"{"result":"error","error":{"code":"all_scopes","description":"This method require this specific scope:\"user_info\"","context":{"scopes":["user_info"]}}}"#;
        let err = decode::<serde_json::Value>(Route::Profile, 403, body).unwrap_err();
        assert_eq!(err.missing_scope(), Some("user_info"));
    }

    #[test]
    fn an_error_result_on_a_2xx_is_an_error() {
        let body =
            br#"{"result":"error","error":{"code":"unexpected_error","description":"oops"}}"#;
        assert!(decode::<serde_json::Value>(Route::Profile, 200, body).is_err());
    }

    #[test]
    fn truncated_and_non_json_bodies_say_so() {
        let err =
            decode::<serde_json::Value>(Route::Profile, 200, br#"{"result":"succ"#).unwrap_err();
        assert!(err.to_string().contains("cut short"), "{err}");
        let err =
            decode::<serde_json::Value>(Route::Profile, 200, b"<html>hello</html>").unwrap_err();
        assert!(err.to_string().contains("not JSON"), "{err}");
        let err = decode::<serde_json::Value>(Route::Profile, 200, b"").unwrap_err();
        assert!(err.to_string().contains("empty body"), "{err}");
        let err = decode::<serde_json::Value>(Route::Profile, 502, b"<html>Bad gateway</html>")
            .unwrap_err();
        assert_eq!(err.api_failure().map(|f| f.status), Some(502));
        assert!(err.is_transient());
    }

    fn json_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>().prop_map(serde_json::Value::from),
            ".*".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
                proptest::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        /// Any bytes at all, under any status: an answer or a typed error, never a panic.
        #[test]
        fn any_body_decodes_or_fails_plainly(status in 100u16..600, body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
            let _ = decode::<Vec<crate::models::Account>>(Route::Accounts, status, &body);
        }

        /// Any JSON in the envelope's data: the accounts list keeps what it can read (a list
        /// item without an id is left out, never the whole list), or says which field failed.
        #[test]
        fn any_json_data_is_read_leniently(data in json_value(), status in 200u16..300) {
            let body = serde_json::json!({"result": "success", "data": data}).to_string();
            match decode::<Vec<crate::models::Account>>(Route::Accounts, status, body.as_bytes()) {
                Ok(_) => {}
                Err(Error::Decode { path, .. }) => proptest::prop_assert!(!path.is_empty()),
                Err(other) => proptest::prop_assert!(false, "{other:?}"),
            }
        }
    }
}
