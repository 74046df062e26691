//! The outermost layer: method override, faults, and the request log. It runs before routing,
//! so it sees every request, unknown routes included.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::conn::ConnHandle;
use crate::envelope::{ApiError, ErrorCode};
use crate::faults::Action;
use crate::log::RequestRecord;
use crate::state::Shared;

const METHOD_OVERRIDE: &str = "x-http-method-override";

pub(crate) async fn outer(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let (request, body) = buffered(request).await;
    let mut request = request;
    apply_method_override(&mut request);
    let method = request.method().as_str().to_owned();
    let path = request.uri().path().to_owned();
    let query = request.uri().query().map(str::to_owned);
    let token_label = shared.tokens().label(request.headers());
    let at = shared.clock.now();
    let unix_time = shared.now();
    let conn = request
        .extensions()
        .get::<ConnectInfo<ConnHandle>>()
        .map(|info| info.0.clone());

    let decision = shared.faults().decide(&method, &path);
    if let Some(delay) = decision.delay {
        tokio::time::sleep(delay).await;
    }
    let mut answer = None;
    let (response, status) = match decision.action {
        None => {
            let (response, text) = buffered_answer(next.run(request).await).await;
            answer = text;
            with_status(response)
        }
        Some(Action::Status(code)) => with_status(injected_status(code).into_response()),
        Some(Action::RateLimited) => with_status(injected_status(429).into_response()),
        Some(Action::Malformed) => with_status(malformed()),
        Some(Action::Hollow) => with_status(hollow_success()),
        Some(Action::StripIds(n)) => {
            let (response, text) = buffered_answer(next.run(request).await).await;
            let (response, text) = strip_ids(response, text, n);
            answer = text;
            with_status(response)
        }
        Some(Action::Truncate) => {
            let (response, status) = with_status(next.run(request).await);
            (truncate(response).await, status)
        }
        Some(Action::Drop) => match conn {
            Some(conn) => {
                conn.cut();
                (StatusCode::INTERNAL_SERVER_ERROR.into_response(), 0)
            }
            None => with_status(injected_status(500).into_response()),
        },
    };

    let error_code = response
        .extensions()
        .get::<ErrorCode>()
        .map(|code| code.0.clone());
    shared.log().push(RequestRecord {
        method,
        path,
        query,
        token_label,
        status,
        error_code,
        fault: decision.label.map(str::to_owned),
        at,
        unix_time,
        body,
        answer,
    });
    response
}

/// Removes the ids of the first `n` items of a list answer.
fn strip_ids(response: Response, text: Option<String>, n: usize) -> (Response, Option<String>) {
    let Some(mut body) = text
        .as_deref()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
    else {
        return (response, text);
    };
    if let Some(items) = body.get_mut("data").and_then(|d| d.as_array_mut()) {
        for item in items.iter_mut().take(n) {
            if let Some(fields) = item.as_object_mut() {
                for key in ["id", "user_id", "invitation_id"] {
                    fields.remove(key);
                }
            }
        }
    }
    let text = body.to_string();
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    (
        Response::from_parts(parts, Body::from(text.clone())),
        Some(text),
    )
}

/// Reads the request body once, for the log, and puts it back for the handlers.
async fn buffered(request: Request) -> (Request, Option<String>) {
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let text = (!bytes.is_empty()).then(|| String::from_utf8_lossy(&bytes).into_owned());
    (Request::from_parts(parts, Body::from(bytes)), text)
}

/// Reads the answer once, for the log, and sends it on unchanged.
async fn buffered_answer(response: Response) -> (Response, Option<String>) {
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let text = (!bytes.is_empty()).then(|| String::from_utf8_lossy(&bytes).into_owned());
    (Response::from_parts(parts, Body::from(bytes)), text)
}

fn with_status(response: Response) -> (Response, u16) {
    let status = response.status().as_u16();
    (response, status)
}

/// A client that cannot send a body with DELETE sends POST and names the real method.
fn apply_method_override(request: &mut Request) {
    if request.method() != Method::POST {
        return;
    }
    let Some(value) = request.headers().get(METHOD_OVERRIDE) else {
        return;
    };
    let method = match value.to_str().map(str::to_ascii_uppercase).as_deref() {
        Ok("DELETE") => Method::DELETE,
        Ok("PUT") => Method::PUT,
        Ok("PATCH") => Method::PATCH,
        _ => return,
    };
    *request.method_mut() = method;
}

fn injected_status(code: u16) -> ApiError {
    let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let (code, description) = match status.as_u16() {
        400 => ("bad_request", "Bad request"),
        401 => ("not_authorized", "The token is invalid, revoked or expired"),
        403 => ("access_denied", "Access denied"),
        404 => ("object_not_found", "Object not found"),
        409 => ("object_already_exists", "The object already exists"),
        422 => ("validation_failed", "The given data was invalid."),
        429 => (
            "too_many_requests",
            "Too many requests: at most 60 per minute for a token",
        ),
        503 => ("service_unavailable", "Service under maintenance"),
        _ => ("unexpected_error", "An unexpected error occurred"),
    };
    ApiError::new(status, code, description)
}

fn malformed() -> Response {
    let page = "<!DOCTYPE html><html><head><title>Bad Gateway</title></head>\
                <body><h1>502 Bad Gateway</h1></body></html>";
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

/// A success envelope for a change that was not made.
fn hollow_success() -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        r#"{"result":"success","data":true}"#,
    )
        .into_response()
}

/// Announces the full length, sends half of it, then ends the body: the HTTP server notices
/// the shortfall and closes the connection, as a proxy that died mid-answer would.
async fn truncate(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let full = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let head = full.slice(..full.len() / 2);
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(full.len()));
    let stream = futures::stream::unfold(Some(head), |state| async move {
        match state {
            Some(head) => Some((Ok::<Bytes, Infallible>(head), None)),
            None => {
                // Give the server time to flush the half that was sent before it gives up.
                tokio::time::sleep(Duration::from_millis(50)).await;
                None
            }
        }
    });
    Response::from_parts(parts, Body::from_stream(stream))
}
