//! The transport: builds requests, spends the budget, retries reads, decodes the envelope.

use crate::budget::{Budget, Priority};
use crate::clock::TokioClock;
use crate::envelope::{Envelope, decode};
use crate::error::{Error, TransportKind};
use crate::retry::{Decision, Outcome, decide};
use crate::routes::Route;
use crate::token::ApiToken;
use serde::de::DeserializeOwned;
use std::sync::Arc;
use std::time::Duration;
use url::Url;

/// The real API's address.
pub const PRODUCTION_BASE_URL: &str = "https://api.infomaniak.com";

/// A client for one token. Cheap to clone; clones share the token's budget.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base: Url,
    token: ApiToken,
    budget: Arc<Budget>,
    priority: Priority,
}

/// Builds a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    base: String,
    token: ApiToken,
    budget: Option<Arc<Budget>>,
    timeout: Duration,
}

impl ClientBuilder {
    /// Shares an existing budget (every client of one token must share one).
    #[must_use]
    pub fn budget(mut self, budget: Arc<Budget>) -> Self {
        self.budget = Some(budget);
        self
    }

    /// How long one exchange may take before it counts as failed.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Finishes the client.
    ///
    /// # Errors
    /// [`Error::Request`] when the base URL is not an absolute http(s) URL or TLS cannot start.
    pub fn build(self) -> Result<Client, Error> {
        let base = Url::parse(&self.base).map_err(|e| Error::Request(format!("base URL: {e}")))?;
        if !matches!(base.scheme(), "http" | "https") {
            return Err(Error::Request(format!(
                "base URL must be http(s), not {}",
                base.scheme()
            )));
        }
        let http = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("ik-desk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Request(format!("HTTP stack: {e}")))?;
        let budget = self
            .budget
            .unwrap_or_else(|| Arc::new(Budget::for_api(Arc::new(TokioClock::default()))));
        Ok(Client {
            http,
            base,
            token: self.token,
            budget,
            priority: Priority::Interactive,
        })
    }
}

/// A request before it is sent: what to ask, separate from how it is sent.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub route: Route,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Option<serde_json::Value>,
}

impl Call {
    pub(crate) fn new(route: Route, path: String) -> Self {
        Self {
            route,
            path,
            query: Vec::new(),
            body: None,
        }
    }

    pub(crate) fn query(mut self, key: &str, value: impl ToString) -> Self {
        self.query.push((key.to_owned(), value.to_string()));
        self
    }
}

impl Client {
    /// Starts a client for `base_url` (the real API is [`PRODUCTION_BASE_URL`]).
    pub fn builder(base_url: impl Into<String>, token: ApiToken) -> ClientBuilder {
        ClientBuilder {
            base: base_url.into(),
            token,
            budget: None,
            timeout: Duration::from_secs(30),
        }
    }

    /// The same client, sending at another priority (background refreshes).
    #[must_use]
    pub fn with_priority(&self, priority: Priority) -> Self {
        Self {
            priority,
            ..self.clone()
        }
    }

    /// The budget this client spends.
    pub fn budget(&self) -> &Arc<Budget> {
        &self.budget
    }

    /// Sends a call, retrying reads on transient failures, and decodes the envelope.
    pub(crate) async fn send<T: DeserializeOwned>(
        &self,
        call: &Call,
    ) -> Result<Envelope<T>, Error> {
        let mut attempt = 1;
        loop {
            self.budget.acquire(self.priority).await;
            let (outcome, result) = self.exchange::<T>(call).await;
            if outcome == Outcome::Status(429) {
                self.budget.note_rejected(None);
            }
            let Err(error) = result else { return result };
            match decide(call.route.method(), attempt, outcome) {
                Decision::RetryAfter(pause) => {
                    tracing::debug!(route = %call.route, attempt, ?pause, "retrying after {error}");
                    self.budget.clock().sleep(pause).await;
                    attempt += 1;
                }
                Decision::GiveUp if outcome == Outcome::Status(429) => {
                    return Err(Error::RateLimited { route: call.route });
                }
                Decision::GiveUp => return Err(error),
            }
        }
    }

    async fn exchange<T: DeserializeOwned>(
        &self,
        call: &Call,
    ) -> (Outcome, Result<Envelope<T>, Error>) {
        let url = match self.base.join(call.path.trim_start_matches('/')) {
            Ok(url) => url,
            Err(e) => {
                return (
                    Outcome::Status(0),
                    Err(Error::Request(format!("path {}: {e}", call.path))),
                );
            }
        };
        let mut request = self
            .http
            .request(call.route.method().to_reqwest(), url)
            .bearer_auth(self.token.expose())
            .query(&call.query);
        if let Some(body) = &call.body {
            request = request.json(body);
        }
        let response = match request.send().await {
            Ok(response) => response,
            Err(e) => return (Outcome::ConnectionFailed, Err(transport(call.route, &e))),
        };
        let status = response.status().as_u16();
        match response.bytes().await {
            Ok(body) => (Outcome::Status(status), decode(call.route, status, &body)),
            Err(e) => (Outcome::ConnectionFailed, Err(transport(call.route, &e))),
        }
    }
}

fn transport(route: Route, e: &reqwest::Error) -> Error {
    let kind = if e.is_timeout() {
        TransportKind::Timeout
    } else if e.is_connect() {
        TransportKind::Connect
    } else {
        TransportKind::Interrupted
    };
    // reqwest's messages carry the URL, never headers, so the token cannot appear here.
    let message = match kind {
        TransportKind::Timeout => "the API did not answer in time".to_owned(),
        TransportKind::Connect => "could not connect to the API".to_owned(),
        TransportKind::Interrupted => {
            "the connection was interrupted before the answer was complete".to_owned()
        }
    };
    tracing::debug!(%route, error = %e, "transport failure");
    Error::Transport {
        route,
        kind,
        message,
    }
}
