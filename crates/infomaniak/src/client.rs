//! The client of one token: its HTTP stack, base URL, budget and priority.

use crate::budget::{Budget, Priority};
use crate::clock::TokioClock;
use crate::error::{Error, RequestError};
use crate::token::ApiToken;
use std::sync::Arc;
use std::time::Duration;
use url::Url;

/// The real API's address.
pub const PRODUCTION_BASE_URL: &str = "https://api.infomaniak.com";

/// The largest JSON answer read: every list is paged (a page of the largest organisations is well
/// under 1 MiB), so anything near this is not an answer the app can use, and reading it whole
/// would only cost memory.
pub const MAX_JSON_ANSWER: u64 = 32 * 1024 * 1024;
/// The largest invoice PDF read: an invoice is a few pages, tens of kilobytes.
pub const MAX_PDF_ANSWER: u64 = 25 * 1024 * 1024;

/// A client for one token. Cheap to clone; clones share the token's budget.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base: Url,
    token: ApiToken,
    budget: Arc<Budget>,
    priority: Priority,
    limits: AnswerLimits,
}

/// The most bytes an answer may have, JSON and PDF apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerLimits {
    pub json: u64,
    pub pdf: u64,
}

impl Default for AnswerLimits {
    fn default() -> Self {
        Self {
            json: MAX_JSON_ANSWER,
            pdf: MAX_PDF_ANSWER,
        }
    }
}

/// Builds a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    base: String,
    token: ApiToken,
    budget: Option<Arc<Budget>>,
    timeout: Duration,
    limits: AnswerLimits,
}

impl ClientBuilder {
    /// Other size limits for answers than [`MAX_JSON_ANSWER`] and [`MAX_PDF_ANSWER`].
    #[must_use]
    pub fn answer_limits(mut self, limits: AnswerLimits) -> Self {
        self.limits = limits;
        self
    }

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
        let base = Url::parse(&self.base).map_err(RequestError::BaseUrl)?;
        if !matches!(base.scheme(), "http" | "https") || base.host_str().is_none() {
            return Err(RequestError::NotHttp {
                scheme: base.scheme().to_owned(),
            }
            .into());
        }
        let http = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("ik-desk/", env!("CARGO_PKG_VERSION")))
            .redirect(same_origin_redirects(&base))
            .build()
            .map_err(RequestError::HttpStack)?;
        let budget = self
            .budget
            .unwrap_or_else(|| Arc::new(Budget::for_api(Arc::new(TokioClock::default()))));
        Ok(Client {
            http,
            base,
            token: self.token,
            budget,
            priority: Priority::Interactive,
            limits: self.limits,
        })
    }
}

/// Follows redirects only within the API's own origin: the app never fetches another host, not
/// even when a download link sends it there.
fn same_origin_redirects(base: &Url) -> reqwest::redirect::Policy {
    let origin = base.origin();
    reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() < 5 && attempt.url().origin() == origin {
            attempt.follow()
        } else {
            attempt.stop()
        }
    })
}

impl Client {
    /// Starts a client for `base_url` (the real API is [`PRODUCTION_BASE_URL`]).
    pub fn builder(base_url: impl Into<String>, token: ApiToken) -> ClientBuilder {
        ClientBuilder {
            base: base_url.into(),
            token,
            budget: None,
            timeout: Duration::from_secs(30),
            limits: AnswerLimits::default(),
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

    /// The priority this client's requests wait at.
    pub fn priority(&self) -> Priority {
        self.priority
    }

    /// The API's base address.
    pub fn base(&self) -> &Url {
        &self.base
    }

    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.http
    }

    pub(crate) fn limits(&self) -> AnswerLimits {
        self.limits
    }

    pub(crate) fn token(&self) -> &ApiToken {
        &self.token
    }
}
