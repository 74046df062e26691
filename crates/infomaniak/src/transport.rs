//! How a call is sent: spend the budget, exchange, retry reads, decode.

use crate::call::Call;
use crate::client::Client;
use crate::envelope::{Envelope, decode};
use crate::error::{Error, RequestError, TransportKind};
use crate::retry::{Decision, Outcome, decide};
use crate::routes::{Method, Route};
use reqwest::header::{HeaderMap, RETRY_AFTER};
use serde::de::DeserializeOwned;
use std::time::Duration;

/// 429 codes that limit one action (one e-mail address a minute), not the token: they must not
/// hold every other request of the token.
const ENDPOINT_LIMIT_CODES: &[&str] = &["invitation_sending_rate_limit_reached"];

/// A `Retry-After` longer than this is taken as this: the budget would otherwise freeze the app.
const LONGEST_RETRY_AFTER: Duration = Duration::from_secs(600);

/// An answer as it came off the wire.
pub(crate) struct Answer {
    pub status: u16,
    pub retry_after: Option<Duration>,
    pub body: Vec<u8>,
}

impl Client {
    /// Sends a call, retrying reads on transient failures, and decodes the envelope.
    pub(crate) async fn send<T: DeserializeOwned>(
        &self,
        call: &Call,
    ) -> Result<Envelope<T>, Error> {
        self.send_with(call, |answer| {
            decode(call.route, answer.status, &answer.body)
        })
        .await
    }

    /// Sends a call and reads its answer with `read`; the budget, retries and 429 handling are
    /// the same for every route, whatever its answer looks like.
    pub(crate) async fn send_with<R>(
        &self,
        call: &Call,
        read: impl Fn(&Answer) -> Result<R, Error>,
    ) -> Result<R, Error> {
        let method = call.route.method();
        let mut attempt = 1;
        // A 429 is the budget's to wait out, not a try of the read: only these many in a row.
        let mut refusals_left = MAX_REFUSALS;
        loop {
            self.budget().acquire(self.priority()).await;
            let (outcome, retry_after, result) = match self.exchange(call).await {
                Ok(answer) => (
                    Outcome::Status(answer.status),
                    answer.retry_after,
                    read(&answer),
                ),
                // The same answer would come again: asking twice only costs budget.
                Err(error @ Error::TooLarge { .. }) => return Err(error),
                Err(error) => (Outcome::ConnectionFailed, None, Err(error)),
            };
            let Err(error) = result else { return result };
            let limited = outcome == Outcome::Status(429);
            let token_limited = limited && !is_endpoint_limit(&error);
            if token_limited {
                self.budget().note_rejected(retry_after);
            }
            if token_limited && method == Method::Get && refusals_left > 0 {
                refusals_left -= 1;
                tracing::debug!(route = %call.route, "rate limited: waiting for the budget");
                continue;
            }
            match decide(method, attempt, outcome) {
                Decision::RetryAfter(pause) if !limited || token_limited => {
                    // After a 429 the budget itself holds the next attempt until the window frees.
                    let pause = match retry_after {
                        Some(asked) if !limited => pause.max(asked),
                        _ => pause,
                    };
                    tracing::debug!(route = %call.route, attempt, ?pause, "retrying after {error}");
                    self.budget().clock().sleep(pause).await;
                    attempt += 1;
                }
                Decision::GiveUp if token_limited && method == Method::Get => {
                    return Err(Error::RateLimited { route: call.route });
                }
                _ => return Err(error),
            }
        }
    }

    async fn exchange(&self, call: &Call) -> Result<Answer, Error> {
        let url = match &call.signed {
            Some(url) => url.clone(),
            None => self
                .base()
                .join(call.path.trim_start_matches('/'))
                .map_err(|source| RequestError::Path {
                    path: call.path.clone(),
                    source,
                })?,
        };
        let method = call.route.method();
        let mut request = self.http().request(method.to_reqwest(), url);
        if !call.query.is_empty() {
            request = request.query(&call.query);
        }
        if call.needs_token() {
            request = request.bearer_auth(self.token().expose());
        }
        match &call.body {
            Some(body) => request = request.json(body),
            // The API expects a JSON body on every request that is not a read.
            None if method != Method::Get => request = request.json(&serde_json::json!({})),
            None => {}
        }
        let response = request.send().await.map_err(|e| transport(call.route, e))?;
        let status = response.status().as_u16();
        let retry_after = retry_after(response.headers());
        let limit = if call.route == Route::InvoicePdf {
            self.limits().pdf
        } else {
            self.limits().json
        };
        let too_large = Error::TooLarge {
            route: call.route,
            limit,
        };
        if response.content_length().is_some_and(|n| n > limit) {
            return Err(too_large);
        }
        // Read piece by piece, so an answer without a length cannot fill the memory either.
        let mut body = Vec::new();
        let mut response = response;
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| transport(call.route, e))?
        {
            if (body.len() + chunk.len()) as u64 > limit {
                return Err(too_large);
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Answer {
            status,
            retry_after,
            body,
        })
    }
}

/// How many 429s in a row a read waits out before it reports the limit.
const MAX_REFUSALS: u32 = 3;

fn is_endpoint_limit(error: &Error) -> bool {
    error
        .api_failure()
        .is_some_and(|f| ENDPOINT_LIMIT_CODES.contains(&f.code.as_str()))
}

/// `Retry-After` in seconds; the HTTP-date form is not used by this API and is ignored.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let seconds: u64 = headers
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Some(Duration::from_secs(seconds).min(LONGEST_RETRY_AFTER))
}

fn transport(route: Route, e: reqwest::Error) -> Error {
    let kind = if e.is_timeout() {
        TransportKind::Timeout
    } else if e.is_connect() {
        TransportKind::Connect
    } else {
        TransportKind::Interrupted
    };
    // The message is ours: reqwest's carry the URL (a pre-signed link is a secret of sorts).
    let message = match kind {
        TransportKind::Timeout => "the API did not answer in time".to_owned(),
        TransportKind::Connect => "could not connect to the API".to_owned(),
        TransportKind::Interrupted => {
            "the connection was interrupted before the answer was complete".to_owned()
        }
    };
    // Without its URL: an invoice's pre-signed link carries its authorisation in the query.
    tracing::debug!(%route, error = %e.without_url(), "transport failure");
    Error::Transport {
        route,
        kind,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn retry_after_reads_seconds_and_caps_them() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("86400"));
        assert_eq!(retry_after(&headers), Some(LONGEST_RETRY_AFTER));
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&headers), None);
    }

    #[tokio::test]
    async fn an_answer_larger_than_the_limit_is_refused_not_read() {
        let api = sandbox::Sandbox::start(sandbox::SandboxConfig::demo())
            .await
            .unwrap();
        let small = crate::AnswerLimits {
            json: 64,
            pdf: 1_000_000,
        };
        let client =
            crate::Client::builder(api.base_url(), crate::ApiToken::new(sandbox::tokens::DEMO))
                .answer_limits(small)
                .build()
                .unwrap();
        let err = client.accounts().await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    route: Route::Accounts,
                    limit: 64
                }
            ),
            "{err:?}"
        );
        assert!(
            err.may_have_been_applied(),
            "an unread answer proves nothing"
        );
        // The same answer under the default limit is read.
        let client =
            crate::Client::builder(api.base_url(), crate::ApiToken::new(sandbox::tokens::DEMO))
                .build()
                .unwrap();
        assert!(!client.accounts().await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn refusals_are_waited_out_by_the_budget_without_using_up_the_reads_tries() {
        let api = sandbox::Sandbox::start(sandbox::SandboxConfig::demo())
            .await
            .unwrap();
        // Five 429s in a row: with each one a try, the read would have given up after four.
        api.inject(
            sandbox::FaultRule::new("/1/accounts", sandbox::Fault::Status(429))
                .method("GET")
                .times(5),
        );
        let budget = std::sync::Arc::new(crate::Budget::new(
            60,
            Duration::from_secs(1),
            std::sync::Arc::new(crate::TokioClock::default()),
        ));
        let client =
            crate::Client::builder(api.base_url(), crate::ApiToken::new(sandbox::tokens::DEMO))
                .budget(budget)
                .build()
                .unwrap();
        assert!(!client.accounts().await.unwrap().is_empty());
        assert_eq!(api.count("GET", "/1/accounts"), 6);
    }
}
