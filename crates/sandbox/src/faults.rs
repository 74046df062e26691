//! Fault injection: seeded per-request faults and targeted one-shot rules.

use std::time::Duration;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What a fault does to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Answer this status with the error envelope; the route does not run.
    Status(u16),
    /// Answer `200` with a body that is not the envelope (an HTML page); the route does not run.
    Malformed,
    /// Run the route, then send a `Content-Length` larger than the bytes that follow and close.
    TruncatedBody,
    /// Close the socket without any HTTP answer; the route does not run (nothing changes).
    DropConnection,
    /// Wait this many milliseconds (real time), then run the route normally.
    Delay(u64),
    /// Answer `200` with a success envelope (`data: true`) without running the route: what an
    /// undocumented route has been seen to do, claiming a change it did not make.
    Hollow,
    /// Run the route, then strip the ids (`id`, `user_id`, `invitation_id`) from this many items
    /// of the list it answers, as a broken answer would: the client must leave them out.
    ItemsWithoutIds(usize),
}

/// A targeted fault for the next `times` requests whose path starts with `path_prefix`
/// (and whose method is `method`, when given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultRule {
    pub method: Option<String>,
    pub path_prefix: String,
    pub fault: Fault,
    pub times: u32,
}

impl FaultRule {
    /// A rule for any method, applied once.
    pub fn new(path_prefix: impl Into<String>, fault: Fault) -> Self {
        Self {
            method: None,
            path_prefix: path_prefix.into(),
            fault,
            times: 1,
        }
    }

    /// Restricts the rule to one HTTP method (case-insensitive).
    pub fn method(mut self, method: &str) -> Self {
        self.method = Some(method.to_owned());
        self
    }

    pub fn times(mut self, times: u32) -> Self {
        self.times = times;
        self
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        self.times > 0
            && path.starts_with(&self.path_prefix)
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
    }
}

/// Random faults drawn per request from `seed`: the same seed and the same request order give
/// the same faults. Probabilities are per request; their sum should stay below 1.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FaultPlan {
    pub seed: u64,
    /// Extra real-time latency per request, uniformly drawn in `min_ms..=max_ms`.
    pub latency: Option<(u64, u64)>,
    /// Answer 500 or 503.
    pub p_server_error: f64,
    /// Answer 429 to this request and the next two.
    pub p_rate_limit_burst: f64,
    pub p_truncated_body: f64,
    pub p_dropped_connection: f64,
}

impl FaultPlan {
    /// A plan in which `rate` of the requests (0 to 1) meet a fault: server errors, dropped
    /// connections, cut answers and 429 bursts, in the proportions a flaky network and a busy
    /// API give. Out-of-range rates are clamped.
    pub fn at_rate(rate: f64, seed: u64) -> Self {
        let rate = if rate.is_finite() {
            rate.clamp(0.0, 1.0)
        } else {
            0.0
        };
        Self {
            seed,
            latency: None,
            p_server_error: rate * 0.35,
            p_rate_limit_burst: rate * 0.1,
            p_truncated_body: rate * 0.25,
            p_dropped_connection: rate * 0.3,
        }
    }
}

/// How a request is to be disturbed, decided before it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Action {
    Status(u16),
    RateLimited,
    Malformed,
    Truncate,
    Drop,
    Hollow,
    StripIds(usize),
}

#[derive(Debug, Default)]
pub(crate) struct Decision {
    pub delay: Option<Duration>,
    pub action: Option<Action>,
    pub label: Option<&'static str>,
}

const BURST_LENGTH: u32 = 3;

#[derive(Debug)]
struct PlanState {
    plan: FaultPlan,
    rng: ChaCha8Rng,
    burst_left: u32,
}

#[derive(Debug)]
pub(crate) struct Faults {
    rules: Vec<FaultRule>,
    plan: Option<PlanState>,
}

impl Faults {
    pub(crate) fn new(plan: Option<FaultPlan>) -> Self {
        Self {
            rules: Vec::new(),
            plan: plan.map(|plan| PlanState {
                rng: ChaCha8Rng::seed_from_u64(plan.seed),
                plan,
                burst_left: 0,
            }),
        }
    }

    pub(crate) fn inject(&mut self, rule: FaultRule) {
        self.rules.push(rule);
    }

    /// Targeted rules win over the plan, in the order they were injected.
    pub(crate) fn decide(&mut self, method: &str, path: &str) -> Decision {
        if let Some(index) = self.rules.iter().position(|r| r.matches(method, path)) {
            let rule = &mut self.rules[index];
            rule.times -= 1;
            let fault = rule.fault.clone();
            if rule.times == 0 {
                self.rules.remove(index);
            }
            return from_rule(fault);
        }
        self.plan.as_mut().map(draw).unwrap_or_default()
    }
}

fn from_rule(fault: Fault) -> Decision {
    let (action, label, delay) = match fault {
        Fault::Status(code) => (Some(Action::Status(code)), "status", None),
        Fault::Malformed => (Some(Action::Malformed), "malformed", None),
        Fault::TruncatedBody => (Some(Action::Truncate), "truncated_body", None),
        Fault::ItemsWithoutIds(n) => (Some(Action::StripIds(n)), "items_without_ids", None),
        Fault::DropConnection => (Some(Action::Drop), "drop_connection", None),
        Fault::Delay(ms) => (None, "delay", Some(Duration::from_millis(ms))),
        Fault::Hollow => (Some(Action::Hollow), "hollow", None),
    };
    Decision {
        delay,
        action,
        label: Some(label),
    }
}

/// Draws the same amount of randomness for every request, whatever the outcome, so one
/// request's fault never shifts the faults of the requests after it.
fn draw(state: &mut PlanState) -> Decision {
    let latency = state.rng.random_range(0.0..1.0_f64);
    let roll = state.rng.random_range(0.0..1.0_f64);
    let coin = state.rng.random_bool(0.5);
    let plan = &state.plan;
    let delay = plan.latency.map(|(min, max)| {
        let span = max.saturating_sub(min) as f64;
        Duration::from_millis(min + (latency * span).round() as u64)
    });
    let mut decision = Decision {
        delay,
        ..Decision::default()
    };
    if state.burst_left > 0 {
        state.burst_left -= 1;
        decision.action = Some(Action::RateLimited);
        decision.label = Some("rate_limit_burst");
        return decision;
    }
    let server_error = plan.p_server_error;
    let burst = server_error + plan.p_rate_limit_burst;
    let truncated = burst + plan.p_truncated_body;
    let dropped = truncated + plan.p_dropped_connection;
    let (action, label) = if roll < server_error {
        (Action::Status(if coin { 500 } else { 503 }), "status")
    } else if roll < burst {
        state.burst_left = BURST_LENGTH - 1;
        (Action::RateLimited, "rate_limit_burst")
    } else if roll < truncated {
        (Action::Truncate, "truncated_body")
    } else if roll < dropped {
        (Action::Drop, "drop_connection")
    } else {
        return decision;
    };
    decision.action = Some(action);
    decision.label = Some(label);
    decision
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(seed: u64) -> FaultPlan {
        FaultPlan {
            seed,
            latency: Some((1, 5)),
            p_server_error: 0.1,
            p_rate_limit_burst: 0.05,
            p_truncated_body: 0.05,
            p_dropped_connection: 0.05,
        }
    }

    fn sequence(seed: u64) -> Vec<(Option<Duration>, Option<Action>)> {
        let mut faults = Faults::new(Some(plan(seed)));
        (0..200)
            .map(|_| {
                let d = faults.decide("GET", "/1/accounts");
                (d.delay, d.action)
            })
            .collect()
    }

    #[test]
    fn same_seed_same_faults() {
        assert_eq!(sequence(7), sequence(7));
        assert_ne!(sequence(7), sequence(8));
        let hits = sequence(7).iter().filter(|(_, a)| a.is_some()).count();
        assert!(hits > 10 && hits < 120, "{hits} faults in 200 requests");
    }

    #[test]
    fn targeted_rules_apply_the_given_number_of_times() {
        let mut faults = Faults::new(None);
        faults.inject(
            FaultRule::new("/2/profile", Fault::Status(503))
                .method("get")
                .times(2),
        );
        assert_eq!(faults.decide("POST", "/2/profile").action, None);
        assert_eq!(faults.decide("GET", "/1/accounts").action, None);
        assert_eq!(
            faults.decide("GET", "/2/profile").action,
            Some(Action::Status(503))
        );
        assert_eq!(
            faults.decide("GET", "/2/profile").action,
            Some(Action::Status(503))
        );
        assert_eq!(faults.decide("GET", "/2/profile").action, None);
    }

    #[test]
    fn a_rate_spreads_over_every_kind_of_fault() {
        let plan = FaultPlan::at_rate(0.2, 7);
        let total = plan.p_server_error
            + plan.p_rate_limit_burst
            + plan.p_truncated_body
            + plan.p_dropped_connection;
        assert!((total - 0.2).abs() < 1e-9, "{total}");
        assert!(plan.p_server_error > 0.0 && plan.p_dropped_connection > 0.0);
        assert_eq!(FaultPlan::at_rate(5.0, 7).p_server_error, 0.35);
        assert_eq!(FaultPlan::at_rate(f64::NAN, 7).p_server_error, 0.0);
    }
}
