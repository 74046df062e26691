//! JSON request bodies and the field checks that produce `422 validation_failed`.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde_json::{Map, Value};

use crate::envelope::{ApiError, FieldError};

/// A JSON object body; an empty body reads as `{}`.
#[derive(Debug, Default)]
pub(crate) struct JsonBody(pub Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| ApiError::bad_request("bad_request", "The request body cannot be read"))?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Self::default());
        }
        match serde_json::from_slice::<Value>(&bytes) {
            Ok(Value::Object(map)) => Ok(Self(map)),
            Ok(_) => Err(ApiError::bad_request(
                "bad_request",
                "The request body must be a JSON object",
            )),
            Err(_) => Err(ApiError::bad_request(
                "bad_request",
                "The request body is not valid JSON",
            )),
        }
    }
}

/// Reads fields of a body and collects every problem, so one answer names all of them.
#[derive(Debug)]
pub(crate) struct Form<'a> {
    map: &'a Map<String, Value>,
    errors: Vec<FieldError>,
}

impl<'a> Form<'a> {
    pub(crate) fn new(map: &'a Map<String, Value>) -> Self {
        Self {
            map,
            errors: Vec::new(),
        }
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.map.get(key).is_some_and(|v| !v.is_null())
    }

    pub(crate) fn push(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    /// An optional string; a blank one counts as absent.
    pub(crate) fn text(&mut self, key: &str) -> Option<String> {
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            Some(_) => {
                self.push(FieldError::kind(key, "a string"));
                None
            }
        }
    }

    pub(crate) fn required_text(&mut self, key: &str) -> Option<String> {
        let wrong_type = self
            .map
            .get(key)
            .is_some_and(|v| !v.is_null() && !v.is_string());
        let value = self.text(key);
        if value.is_none() && !wrong_type {
            self.push(FieldError::required(key));
        }
        value
    }

    /// A string that must be one of `allowed`.
    pub(crate) fn choice(&mut self, key: &str, allowed: &[&str], required: bool) -> Option<String> {
        let value = if required {
            self.required_text(key)
        } else {
            self.text(key)
        }?;
        if allowed.contains(&value.as_str()) {
            Some(value)
        } else {
            self.push(FieldError::not_in(key, allowed));
            None
        }
    }

    pub(crate) fn flag(&mut self, key: &str) -> Option<bool> {
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => {
                self.push(FieldError::kind(key, "true or false"));
                None
            }
        }
    }

    pub(crate) fn required_flag(&mut self, key: &str) -> Option<bool> {
        let value = self.flag(key);
        if value.is_none() && !self.has(key) {
            self.push(FieldError::required(key));
        }
        value
    }

    pub(crate) fn id(&mut self, key: &str) -> Option<u64> {
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(value) => {
                let id = as_id(value);
                if id.is_none() {
                    self.push(FieldError::kind(key, "an integer"));
                }
                id
            }
        }
    }

    /// An optional array of ids.
    pub(crate) fn ids(&mut self, key: &str) -> Option<Vec<u64>> {
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) => {
                let ids: Option<Vec<u64>> = items.iter().map(as_id).collect();
                if ids.is_none() {
                    self.push(FieldError::kind(key, "a list of integers"));
                }
                ids
            }
            Some(_) => {
                self.push(FieldError::kind(key, "a list of integers"));
                None
            }
        }
    }

    pub(crate) fn required_ids(&mut self, key: &str) -> Option<Vec<u64>> {
        let ids = self.ids(key);
        if !self.has(key) || ids.as_ref().is_some_and(Vec::is_empty) {
            self.push(FieldError::required(key));
            return None;
        }
        ids
    }

    /// The raw value, for fields stored as given.
    pub(crate) fn raw(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub(crate) fn finish(self) -> Result<(), ApiError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(self.errors))
        }
    }
}

/// Ids arrive as numbers or, from form-minded clients, as numeric strings.
fn as_id(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A plausible e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces.
pub(crate) fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !value.chars().any(char::is_whitespace)
        && domain.contains('.')
        && domain.split('.').all(|part| !part.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_shapes() {
        assert!(is_email("lea.favre@example.ch"));
        assert!(!is_email("lea.favre"));
        assert!(!is_email("lea@favre"));
        assert!(!is_email("lea@@favre.ch"));
        assert!(!is_email("lea favre@x.ch"));
        assert!(!is_email("@x.ch"));
        assert!(!is_email("lea@x..ch"));
    }

    #[test]
    fn required_text_reports_blank_and_missing() {
        let map = serde_json::json!({"a": "  ", "c": 3});
        let map = map.as_object().cloned().unwrap_or_default();
        let mut form = Form::new(&map);
        assert_eq!(form.required_text("a"), None);
        assert_eq!(form.required_text("b"), None);
        assert_eq!(form.required_text("c"), None);
        let error = form.finish().err().map(|e| e.to_json());
        let errors = error
            .map(|e| e["error"]["errors"].clone())
            .unwrap_or_default();
        assert_eq!(errors.as_array().map(Vec::len), Some(3));
        assert_eq!(errors[0]["code"], "validation_rule_required");
        assert_eq!(errors[2]["code"], "validation_rule_type");
    }
}
