//! The request log tests read to assert what a screen cost.

use std::time::Duration;

/// One request as the sandbox saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    /// After `X-HTTP-METHOD-OVERRIDE` was applied.
    pub method: String,
    pub path: String,
    /// The raw query string, if any.
    pub query: Option<String>,
    /// `demo`, `no-users`, … for the fixed tokens, `added-N` for added ones, `unknown` for a
    /// token the sandbox does not know, `None` without a bearer token. Never the token itself.
    pub token_label: Option<String>,
    /// The HTTP status sent; `0` when the connection was dropped without an answer.
    pub status: u16,
    /// `error.code` of an error answer.
    pub error_code: Option<String>,
    /// The injected fault, if one applied (`status`, `malformed`, `truncated_body`,
    /// `drop_connection`, `delay`, `rate_limit_burst`).
    pub fault: Option<String>,
    /// Monotonic clock time when the request arrived.
    pub at: Duration,
    /// Unix seconds when the request arrived.
    pub unix_time: i64,
    /// The request's body as sent (empty bodies are `None`), so tests can hold what a client
    /// sends against the published request schemas.
    pub body: Option<String>,
    /// The answer's body as the handler wrote it (`None` for an injected fault), so tests can
    /// hold every answer against the published response schemas.
    pub answer: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct RequestLog {
    records: Vec<RequestRecord>,
}

impl RequestLog {
    pub(crate) fn push(&mut self, record: RequestRecord) {
        self.records.push(record);
    }

    pub(crate) fn snapshot(&self) -> Vec<RequestRecord> {
        self.records.clone()
    }

    pub(crate) fn clear(&mut self) {
        self.records.clear();
    }

    pub(crate) fn count(&self, method: &str, path_prefix: &str) -> usize {
        self.records
            .iter()
            .filter(|r| r.method.eq_ignore_ascii_case(method) && r.path.starts_with(path_prefix))
            .count()
    }
}
