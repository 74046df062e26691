//! The API's success and error envelopes (§2 of the API document).

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

/// Put on every error response so the request log can record the API code without re-parsing.
#[derive(Debug, Clone)]
pub(crate) struct ErrorCode(pub String);

/// One entry of `error.errors[]`: a problem with one attribute of the request.
#[derive(Debug, Clone)]
pub(crate) struct FieldError {
    code: &'static str,
    description: String,
    attribute: String,
    values: Vec<Value>,
}

impl FieldError {
    pub(crate) fn new(code: &'static str, attribute: &str, description: String) -> Self {
        Self {
            code,
            description,
            attribute: attribute.to_owned(),
            values: Vec::new(),
        }
    }

    pub(crate) fn required(attribute: &str) -> Self {
        Self::new(
            "validation_rule_required",
            attribute,
            format!("The {attribute} field is required."),
        )
    }

    pub(crate) fn email(attribute: &str) -> Self {
        Self::new(
            "validation_rule_email",
            attribute,
            format!("The {attribute} must be a valid email address."),
        )
    }

    /// The value is not one of `allowed`; the allowed ones travel in `context.values`.
    pub(crate) fn not_in(attribute: &str, allowed: &[&str]) -> Self {
        let mut error = Self::new(
            "validation_rule_in",
            attribute,
            format!("The selected {attribute} is invalid."),
        );
        error.values = allowed.iter().map(|v| Value::from(*v)).collect();
        error
    }

    /// Ids that do not exist; the offending ids travel in `context.values`.
    pub(crate) fn unknown_ids(attribute: &str, ids: &[u64]) -> Self {
        let mut error = Self::new(
            "validation_rule_exists",
            attribute,
            format!("The selected {attribute} is invalid."),
        );
        error.values = ids.iter().map(|v| Value::from(*v)).collect();
        error
    }

    pub(crate) fn length(attribute: &str, min: usize, max: usize) -> Self {
        Self::new(
            "validation_rule_between",
            attribute,
            format!("The {attribute} must be between {min} and {max} characters."),
        )
    }

    pub(crate) fn kind(attribute: &str, expected: &str) -> Self {
        Self::new(
            "validation_rule_type",
            attribute,
            format!("The {attribute} must be {expected}."),
        )
    }

    fn to_json(&self) -> Value {
        json!({
            "code": self.code,
            "description": self.description,
            "context": {"attribute": self.attribute, "values": self.values},
        })
    }
}

/// An error answer: status, `error.code`, `description`, `context` and field errors.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    status: StatusCode,
    code: String,
    description: String,
    context: Map<String, Value>,
    errors: Vec<FieldError>,
    retry_after: Option<u64>,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, code: &str, description: impl Into<String>) -> Self {
        Self {
            status,
            code: code.to_owned(),
            description: description.into(),
            context: Map::new(),
            errors: Vec::new(),
            retry_after: None,
        }
    }

    pub(crate) fn with_context(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.context.insert(key.to_owned(), value.into());
        self
    }

    pub(crate) fn with_retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }

    pub(crate) fn method_not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "method_not_found",
            "This route does not exist",
        )
    }

    pub(crate) fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "object_not_found",
            format!("{what} not found"),
        )
    }

    pub(crate) fn access_denied(description: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "access_denied", description)
    }

    pub(crate) fn not_authorized(description: &str) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "not_authorized", description)
    }

    pub(crate) fn bad_request(code: &str, description: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, description)
    }

    pub(crate) fn unprocessable(code: &str, description: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, description)
    }

    /// `422 validation_failed` carrying one entry per offending attribute.
    pub(crate) fn validation(errors: Vec<FieldError>) -> Self {
        let mut error = Self::unprocessable("validation_failed", "The given data was invalid.");
        error.errors = errors;
        error
    }

    pub(crate) fn to_json(&self) -> Value {
        let mut error = json!({
            "code": self.code,
            "description": self.description,
            "context": Value::Object(self.context.clone()),
        });
        if !self.errors.is_empty() {
            error["errors"] = self.errors.iter().map(FieldError::to_json).collect();
        }
        json!({"result": "error", "error": error})
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.to_json())).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response.extensions_mut().insert(ErrorCode(self.code));
        response
    }
}

/// The four paging fields, sent only when the request carried `page`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageMeta {
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    pub per_page: usize,
}

/// A success answer.
#[derive(Debug)]
pub(crate) struct Reply {
    status: StatusCode,
    data: Value,
    paging: Option<PageMeta>,
}

impl Reply {
    pub(crate) fn ok(data: Value) -> Self {
        Self {
            status: StatusCode::OK,
            data,
            paging: None,
        }
    }

    pub(crate) fn created(data: Value) -> Self {
        Self {
            status: StatusCode::CREATED,
            data,
            paging: None,
        }
    }

    pub(crate) fn listed(data: Value, paging: Option<PageMeta>) -> Self {
        Self {
            status: StatusCode::OK,
            data,
            paging,
        }
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let mut body = json!({"result": "success", "data": self.data});
        if let Some(meta) = self.paging {
            body["total"] = meta.total.into();
            body["page"] = meta.page.into();
            body["pages"] = meta.pages.into();
            body["items_per_page"] = meta.per_page.into();
        }
        (self.status, Json(body)).into_response()
    }
}

pub(crate) type ApiResult = Result<Reply, ApiError>;
