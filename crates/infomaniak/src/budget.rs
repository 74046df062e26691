//! One paced budget per token: at most N requests in any rolling window, interactive work first.
//!
//! Background work may not spend the whole window at once: past the first half of it, it goes
//! one request per `window / limit` and leaves one slot free. A long background sync (a reseller's
//! hundreds of organisations) then never fills the window with requests that expire together,
//! so what the person clicks finds a free slot, or one within about a second, instead of waiting
//! out the minute.

use crate::clock::Clock;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::sync::Notify;

/// Who is waiting: a person who clicked, or a periodic refresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Priority {
    /// The user is waiting for it: goes first.
    Interactive,
    /// A periodic refresh: waits while any interactive request waits.
    Background,
}

/// The API's limit: 60 requests per minute per user, not raisable.
pub const API_LIMIT_PER_MINUTE: usize = 60;

/// Requests leave a little later than the server counts them; this margin keeps clock skew and
/// network latency from pushing the 61st request into the server's window.
pub const DEFAULT_MARGIN: Duration = Duration::from_millis(1_000);

#[derive(Debug, Default)]
struct State {
    /// When each request of the current window was let through.
    sent: VecDeque<Duration>,
    /// The server refused one: nothing leaves before this instant.
    blocked_until: Option<Duration>,
    /// When the current run of refusals began, and how many came since: the first holds for
    /// the window, the ones after it within the same window only briefly (the window was already
    /// waited for once; holding it again per answer would stall a sync for minutes).
    refusals: Option<(Duration, u32)>,
    interactive_waiting: usize,
    granted: u64,
    /// When the last request of any priority was let through: background work is paced from it.
    last_grant: Option<Duration>,
}

/// A sliding-window budget shared by every request of one token.
#[derive(Debug)]
pub struct Budget {
    state: Mutex<State>,
    changed: Notify,
    clock: Arc<dyn Clock>,
    limit: usize,
    window: Duration,
}

enum Next {
    Go,
    Sleep(Duration),
    Park,
}

impl Budget {
    /// The API's own budget: 60 requests per (60 s + margin).
    pub fn for_api(clock: Arc<dyn Clock>) -> Self {
        Self::new(
            API_LIMIT_PER_MINUTE,
            Duration::from_secs(60) + DEFAULT_MARGIN,
            clock,
        )
    }

    /// A budget of `limit` requests in any `window`.
    pub fn new(limit: usize, window: Duration, clock: Arc<dyn Clock>) -> Self {
        Self {
            state: Mutex::new(State::default()),
            changed: Notify::new(),
            clock,
            limit: limit.max(1),
            window,
        }
    }

    /// The clock the budget runs on (the client sleeps on it between retries).
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// How many requests were let through since the budget was made.
    pub fn granted(&self) -> u64 {
        self.lock().granted
    }

    /// How many requests could leave right now without waiting.
    pub fn available(&self) -> usize {
        let now = self.clock.now();
        let mut state = self.lock();
        self.prune(&mut state, now);
        self.limit.saturating_sub(state.sent.len())
    }

    /// Waits until a request of this priority may leave, and counts it.
    pub async fn acquire(&self, priority: Priority) {
        let _waiting = (priority == Priority::Interactive).then(|| InteractiveWait::new(self));
        loop {
            let notified = self.changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            match self.next(priority) {
                Next::Go => return,
                Next::Sleep(d) => {
                    tokio::select! {
                        () = self.clock.sleep(d) => {}
                        () = &mut notified => {}
                    }
                }
                Next::Park => notified.await,
            }
        }
    }

    /// The server answered 429: hold everything until `retry_after`, or until our oldest request
    /// leaves the window (the server may count requests we did not send, from another app).
    pub fn note_rejected(&self, retry_after: Option<Duration>) {
        let now = self.clock.now();
        let mut state = self.lock();
        self.prune(&mut state, now);
        let again = match state.refusals {
            Some((since, count)) if now < since + self.window + self.window => {
                state.refusals = Some((since, count + 1));
                Some(count)
            }
            _ => {
                state.refusals = Some((now, 1));
                None
            }
        };
        let until = match (retry_after, again) {
            (Some(d), _) => now + d,
            // 1 s, 2 s, 4 s…: the window has been waited for already.
            (None, Some(count)) => now + Duration::from_secs(1 << count.min(5)).min(self.window),
            (None, None) => state
                .sent
                .front()
                .map_or(now + self.window, |first| *first + self.window),
        };
        let until = until.max(now + Duration::from_secs(1));
        state.blocked_until = Some(state.blocked_until.map_or(until, |b| b.max(until)));
        drop(state);
        self.changed.notify_waiters();
    }

    fn next(&self, priority: Priority) -> Next {
        let now = self.clock.now();
        let mut state = self.lock();
        self.prune(&mut state, now);
        if priority == Priority::Background && state.interactive_waiting > 0 {
            return Next::Park;
        }
        if let Some(until) = state.blocked_until {
            if until > now {
                return Next::Sleep(until - now);
            }
            state.blocked_until = None;
        }
        if priority == Priority::Background
            && let Some(wait) = self.background_wait(&state, now)
        {
            return Next::Sleep(wait);
        }
        if state.sent.len() < self.limit {
            state.sent.push_back(now);
            state.granted += 1;
            state.last_grant = Some(now);
            return Next::Go;
        }
        let oldest = state.sent.front().copied().unwrap_or(now);
        Next::Sleep(
            (oldest + self.window)
                .saturating_sub(now)
                .max(Duration::from_millis(1)),
        )
    }

    /// How long background work must still wait, past the window's own limit: it keeps one slot
    /// for the person and, beyond half the window, goes one request per `window / limit`.
    fn background_wait(&self, state: &State, now: Duration) -> Option<Duration> {
        let in_window = state.sent.len();
        if in_window < self.limit / 2 {
            return None;
        }
        let keep_free = usize::from(self.limit > 1);
        if in_window + keep_free >= self.limit {
            let oldest = state.sent.front().copied().unwrap_or(now);
            return Some(
                (oldest + self.window)
                    .saturating_sub(now)
                    .max(Duration::from_millis(1)),
            );
        }
        let step = self.window / u32::try_from(self.limit).unwrap_or(u32::MAX);
        let next = state.last_grant.map_or(now, |last| last + step);
        (next > now).then(|| next - now)
    }

    fn prune(&self, state: &mut State, now: Duration) {
        while state.sent.front().is_some_and(|t| *t + self.window <= now) {
            state.sent.pop_front();
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // The state is a few counters: a panic elsewhere cannot leave it inconsistent.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Counts an interactive waiter for as long as it waits, even if its future is dropped.
struct InteractiveWait<'a>(&'a Budget);

impl<'a> InteractiveWait<'a> {
    fn new(budget: &'a Budget) -> Self {
        budget.lock().interactive_waiting += 1;
        Self(budget)
    }
}

impl Drop for InteractiveWait<'_> {
    fn drop(&mut self) {
        self.0.lock().interactive_waiting -= 1;
        self.0.changed.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::TokioClock;

    fn budget(limit: usize, window_s: u64) -> Arc<Budget> {
        Arc::new(Budget::new(
            limit,
            Duration::from_secs(window_s),
            Arc::new(TokioClock::default()),
        ))
    }

    #[tokio::test(start_paused = true)]
    async fn never_more_than_the_limit_in_any_window() {
        let b = budget(5, 10);
        let start = tokio::time::Instant::now();
        let mut times = Vec::new();
        for _ in 0..12 {
            b.acquire(Priority::Interactive).await;
            times.push(start.elapsed());
        }
        for (i, t) in times.iter().enumerate() {
            let in_window = times
                .iter()
                .filter(|u| **u >= *t && **u < *t + Duration::from_secs(10))
                .count();
            assert!(
                in_window <= 5,
                "request {i} opens a window with {in_window} requests"
            );
        }
        // 12 requests at 5 per 10 s need two full waits.
        assert_eq!(times[11], Duration::from_secs(20));
    }

    #[tokio::test(start_paused = true)]
    async fn interactive_requests_overtake_waiting_background_ones() {
        let b = budget(1, 10);
        b.acquire(Priority::Background).await;
        let order = Arc::new(Mutex::new(Vec::new()));
        let bg = {
            let (b, order) = (b.clone(), order.clone());
            tokio::spawn(async move {
                b.acquire(Priority::Background).await;
                order.lock().unwrap().push("background");
            })
        };
        tokio::task::yield_now().await;
        let fg = {
            let (b, order) = (b.clone(), order.clone());
            tokio::spawn(async move {
                b.acquire(Priority::Interactive).await;
                order.lock().unwrap().push("interactive");
            })
        };
        fg.await.unwrap();
        bg.await.unwrap();
        assert_eq!(*order.lock().unwrap(), vec!["interactive", "background"]);
    }

    #[tokio::test(start_paused = true)]
    async fn background_work_goes_at_once_for_half_the_window_then_one_by_one() {
        let b = budget(10, 10);
        let start = tokio::time::Instant::now();
        let mut times = Vec::new();
        for _ in 0..9 {
            b.acquire(Priority::Background).await;
            times.push(start.elapsed());
        }
        let s = Duration::from_secs;
        // Five at once, then one per second (10 s / 10), the tenth slot never taken.
        assert_eq!(times, [0, 0, 0, 0, 0, 1, 2, 3, 4].map(s));
        assert_eq!(b.available(), 1, "one slot stays free for the person");
        b.acquire(Priority::Interactive).await;
        assert_eq!(start.elapsed(), s(4), "the person takes it at once");
        // The window is full: the next background request waits for the oldest to leave it.
        b.acquire(Priority::Background).await;
        assert_eq!(start.elapsed(), s(10));
    }

    #[tokio::test(start_paused = true)]
    async fn during_a_long_background_sync_the_person_never_waits_past_a_step() {
        let b = budget(60, 61);
        let sync = {
            let b = b.clone();
            tokio::spawn(async move {
                for _ in 0..600 {
                    b.acquire(Priority::Background).await;
                }
            })
        };
        let start = tokio::time::Instant::now();
        let mut worst = Duration::ZERO;
        // Two clicks a minute for ten minutes, at times that do not line up with the pace.
        for k in 0..20u64 {
            tokio::time::sleep_until(start + Duration::from_millis(7_300 + k * 29_700)).await;
            let asked = tokio::time::Instant::now();
            b.acquire(Priority::Interactive).await;
            worst = worst.max(asked.elapsed());
        }
        assert!(
            worst <= Duration::from_millis(61_000 / 59 + 1),
            "waited {worst:?}"
        );
        sync.abort();
    }

    #[tokio::test(start_paused = true)]
    async fn a_rejection_holds_everything_until_the_window_frees() {
        let b = budget(10, 60);
        b.acquire(Priority::Interactive).await;
        let start = tokio::time::Instant::now();
        tokio::time::advance(Duration::from_secs(5)).await;
        b.note_rejected(None);
        b.acquire(Priority::Interactive).await;
        assert_eq!(start.elapsed(), Duration::from_secs(60));

        b.note_rejected(Some(Duration::from_secs(7)));
        let before = tokio::time::Instant::now();
        b.acquire(Priority::Interactive).await;
        assert_eq!(before.elapsed(), Duration::from_secs(7));
    }

    #[tokio::test(start_paused = true)]
    async fn refusals_in_a_row_hold_for_the_window_once_then_briefly() {
        let b = budget(10, 60);
        b.acquire(Priority::Interactive).await;
        let start = tokio::time::Instant::now();
        b.note_rejected(None);
        b.acquire(Priority::Interactive).await;
        assert_eq!(
            start.elapsed(),
            Duration::from_secs(60),
            "the first waits the window"
        );

        let again = tokio::time::Instant::now();
        b.note_rejected(None);
        b.acquire(Priority::Interactive).await;
        assert_eq!(
            again.elapsed(),
            Duration::from_secs(2),
            "the next only briefly"
        );

        // Long after, a refusal is a new run: the window again.
        tokio::time::advance(Duration::from_secs(600)).await;
        let later = tokio::time::Instant::now();
        b.note_rejected(None);
        b.acquire(Priority::Interactive).await;
        assert_eq!(later.elapsed(), Duration::from_secs(60));
    }
}
