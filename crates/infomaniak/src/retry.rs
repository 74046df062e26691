//! When a failed request may be sent again: a pure function, tested on its own.

use crate::routes::Method;
use std::time::Duration;

/// How an attempt ended, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The server answered with this HTTP status.
    Status(u16),
    /// No complete answer: refused, timed out, or cut.
    ConnectionFailed,
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Send again after this pause (the budget still decides when exactly).
    RetryAfter(Duration),
    /// Give the failure to the caller.
    GiveUp,
}

/// How many attempts a read gets in all.
pub const MAX_ATTEMPTS: u32 = 4;

/// Decides whether attempt number `attempt` (1-based) may be followed by another.
///
/// Only reads are replayed, and only on 429, 5xx and connection failures: a mutation that timed out
/// may have been applied, so sending it again could invite someone twice.
pub fn decide(method: Method, attempt: u32, outcome: Outcome) -> Decision {
    let retryable = match outcome {
        Outcome::Status(429) => true,
        Outcome::Status(s) => (500..600).contains(&s),
        Outcome::ConnectionFailed => true,
    };
    if !method.is_idempotent_read() || !retryable || attempt >= MAX_ATTEMPTS {
        return Decision::GiveUp;
    }
    // 1 s, 2 s, 4 s: short enough for a person waiting, long enough for a restart to finish.
    let pause = Duration::from_secs(1 << (attempt - 1).min(5));
    Decision::RetryAfter(pause)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_retry_on_429_5xx_and_connection_failures_with_growing_pauses() {
        assert_eq!(
            decide(Method::Get, 1, Outcome::Status(429)),
            Decision::RetryAfter(Duration::from_secs(1))
        );
        assert_eq!(
            decide(Method::Get, 2, Outcome::Status(503)),
            Decision::RetryAfter(Duration::from_secs(2))
        );
        assert_eq!(
            decide(Method::Get, 3, Outcome::ConnectionFailed),
            Decision::RetryAfter(Duration::from_secs(4))
        );
    }

    #[test]
    fn reads_stop_after_the_last_attempt() {
        assert_eq!(
            decide(Method::Get, MAX_ATTEMPTS, Outcome::Status(500)),
            Decision::GiveUp
        );
    }

    #[test]
    fn client_errors_are_never_retried() {
        for status in [400, 401, 403, 404, 409, 422] {
            assert_eq!(
                decide(Method::Get, 1, Outcome::Status(status)),
                Decision::GiveUp,
                "{status}"
            );
        }
    }

    #[test]
    fn mutations_are_never_replayed() {
        for method in [Method::Post, Method::Put, Method::Patch, Method::Delete] {
            for outcome in [
                Outcome::Status(429),
                Outcome::Status(503),
                Outcome::ConnectionFailed,
            ] {
                assert_eq!(
                    decide(method, 1, outcome),
                    Decision::GiveUp,
                    "{method} {outcome:?}"
                );
            }
        }
    }
}
