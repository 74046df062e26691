//! The per-token budget: a sliding window of 60 seconds.

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

const WINDOW: Duration = Duration::from_secs(60);

#[derive(Debug)]
pub(crate) struct Limiter {
    per_minute: u32,
    admitted: HashMap<String, VecDeque<Duration>>,
}

impl Limiter {
    pub(crate) fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            admitted: HashMap::new(),
        }
    }

    pub(crate) fn per_minute(&self) -> u32 {
        self.per_minute
    }

    /// Admits one request at `now`, or says how long until the oldest one leaves the window.
    /// Refused requests take no slot, so a client that waits is served as soon as one frees.
    pub(crate) fn admit(&mut self, key: &str, now: Duration) -> Result<(), Duration> {
        let times = self.admitted.entry(key.to_owned()).or_default();
        while times
            .front()
            .is_some_and(|first| now.saturating_sub(*first) >= WINDOW)
        {
            times.pop_front();
        }
        let full = u32::try_from(times.len()).unwrap_or(u32::MAX) >= self.per_minute;
        match times.front() {
            Some(first) if full => Err((*first + WINDOW).saturating_sub(now)),
            _ => {
                times.push_back(now);
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixty_first_request_waits_for_the_oldest_to_leave() {
        let mut limiter = Limiter::new(60);
        for i in 0..60 {
            assert!(limiter.admit("t", Duration::from_millis(i * 100)).is_ok());
        }
        let wait = limiter.admit("t", Duration::from_secs(10));
        assert_eq!(wait, Err(Duration::from_secs(50)));
        assert!(limiter.admit("other", Duration::from_secs(10)).is_ok());
        assert!(limiter.admit("t", Duration::from_secs(60)).is_ok());
        assert!(limiter.admit("t", Duration::from_secs(60)).is_err());
    }
}
