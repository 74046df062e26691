//! A board too big to read at once (many organisations, pages of products): the first read paints
//! after a few requests with a note of how far it is, and fills as the background read goes on;
//! what the person clicks meanwhile goes ahead of the background's requests.

use desk::products::{BoardStep, ProductsView, RenewalsState};
use desk::{Desk, DeskConfig, ProfileId};
use futures::future::BoxFuture;
use infomaniak::ApiToken;
use sandbox::{Sandbox, SandboxConfig, Scale, tokens};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// 80 organisations of 40 products: seven pages of products, eighty renewals reads.
pub(super) const ORGANISATIONS: u32 = 80;

/// Time that passes only when someone waits, and then at once (the budget's pauses cost nothing).
#[derive(Debug, Default)]
pub(super) struct JumpClock(Mutex<Duration>);

impl infomaniak::Clock for JumpClock {
    fn now(&self) -> Duration {
        *self.0.lock().unwrap()
    }
    fn sleep(&self, d: Duration) -> BoxFuture<'static, ()> {
        *self.0.lock().unwrap() += d;
        Box::pin(tokio::task::yield_now())
    }
}

pub(super) async fn big_world(
    clock: Arc<dyn infomaniak::Clock>,
) -> (Sandbox, Arc<Desk>, ProfileId) {
    let api = Sandbox::start(SandboxConfig {
        scale: Scale::Large(ORGANISATIONS),
        // The budget is the app's; the local API must not refuse what it lets through.
        rate_limit_per_minute: 100_000,
        ..SandboxConfig::demo()
    })
    .await
    .unwrap();
    let desk = Desk::open(DeskConfig {
        api_base: api.base_url(),
        api_clock: Some(clock),
        ..DeskConfig::in_memory()
    })
    .unwrap();
    let id = desk
        .sign_in(ApiToken::new(tokens::DEMO), false)
        .await
        .unwrap()
        .profile
        .id;
    // What the person sees first: the organisations, one paged read.
    desk.organisations(&id).await.unwrap();
    (api, desk, id)
}

fn pending(view: &ProductsView) -> usize {
    view.organisations
        .iter()
        .filter(|o| o.renewals == RenewalsState::Pending)
        .count()
}

#[tokio::test]
async fn a_cold_board_paints_after_a_few_requests_and_fills_as_the_read_goes_on() {
    let (api, desk, id) = big_world(Arc::new(JumpClock::default())).await;
    let total = api.world().total_products();
    let mut changes = desk.subscribe();
    let before = api.requests().len();

    let first = desk.products(&id).await.unwrap();
    // Counted before anything else runs (the test's runtime has one thread): the page's own read.
    let spent = api.requests().len() - before;
    assert!(
        spent <= 6,
        "{spent} requests before the board could be painted"
    );
    let progress = first.progress.expect("a read still under way says so");
    assert_eq!(progress.step, BoardStep::Products);
    assert_eq!((progress.done, progress.total), (6, 7));
    assert_eq!(
        first.items.len(),
        6 * 500,
        "the pages read so far are shown"
    );
    assert!(first.items.len() < total);
    assert!(first.freshness.refreshing);

    // The background read lands as it goes; each landing shows more, until nothing is left.
    let mut last = (first.items.len(), 0usize);
    let mut views = 1;
    let done = loop {
        tokio::time::timeout(Duration::from_secs(30), changes.recv())
            .await
            .expect("the read goes on")
            .unwrap();
        let view = desk.products(&id).await.unwrap();
        views += 1;
        let known = view.organisations.len() - pending(&view);
        assert!(
            view.items.len() >= last.0 && known >= last.1,
            "the board only fills"
        );
        last = (view.items.len(), known);
        match view.progress {
            Some(p) if p.step == BoardStep::Renewals => {
                assert_eq!(p.total, ORGANISATIONS);
                assert_eq!(usize::try_from(p.done).unwrap(), known);
                assert_eq!(pending(&view), view.organisations.len() - known);
            }
            Some(_) => {}
            None => break view,
        }
    };
    assert!(views > 3, "the board was shown part-filled along the way");
    assert_eq!(done.items.len(), total);
    assert!(
        done.organisations
            .iter()
            .all(|o| o.renewals == RenewalsState::Known)
    );
    assert!(
        done.items.iter().any(|r| r.auto_renew.is_some()),
        "renewals are on the rows"
    );

    // Every page and every organisation was read once: no second read beside the first.
    let log = api.requests();
    let renewals = log.iter().filter(|r| r.path.ends_with("/renewals")).count();
    let pages = log.iter().filter(|r| r.path == "/1/products").count();
    assert_eq!(
        (pages, renewals),
        (7, usize::try_from(ORGANISATIONS).unwrap())
    );
    // Complete now: opening the board again costs nothing.
    let again = api.requests().len();
    let view = desk.products(&id).await.unwrap();
    assert_eq!((view.progress, api.requests().len()), (None, again));
}

#[tokio::test]
async fn the_background_read_waits_for_the_pages_answer_and_its_paint() {
    let (api, desk, id) = big_world(Arc::new(JumpClock::default())).await;
    let first = desk.products(&id).await.unwrap();
    assert!(first.progress.is_some(), "a read still under way");
    let answered = api.requests().len();
    let mut changes = desk.subscribe();
    // The window builds and paints the board meanwhile: no request of the rest goes beside it.
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    assert_eq!(
        api.requests().len(),
        answered,
        "the background read sent before the board could be painted"
    );
    // Then it goes on by itself.
    tokio::time::timeout(Duration::from_secs(30), changes.recv())
        .await
        .expect("the read goes on")
        .unwrap();
    assert!(api.requests().len() > answered);
}

#[tokio::test]
async fn a_background_read_that_stops_says_so_and_the_board_is_no_longer_refreshing() {
    let (api, desk, id) = big_world(Arc::new(JumpClock::default())).await;
    assert!(desk.products(&id).await.unwrap().progress.is_some());
    let mut changes = desk.subscribe();
    // The background's first request, the last products page, fails every try.
    api.inject(
        sandbox::FaultRule::new("/1/products", sandbox::Fault::Status(500))
            .times(infomaniak::retry::MAX_ATTEMPTS),
    );
    // The page polls nothing while a read lands: the read's end, even a failed one, is news.
    tokio::time::timeout(Duration::from_secs(30), changes.recv())
        .await
        .expect("a stopped read is announced")
        .unwrap();
    let before = api.requests().len();
    // Nothing under way any more: the page's next read starts the board's read again.
    let view = desk.products(&id).await.unwrap();
    assert!(view.progress.is_some());
    assert!(api.requests().len() > before, "the read started over");
}

#[tokio::test]
async fn the_background_sync_reads_a_cold_board_once_with_the_page_reading_beside_it() {
    let (api, desk, id) = big_world(Arc::new(JumpClock::default())).await;
    let sync = {
        let desk = desk.clone();
        tokio::spawn(async move { desk.background_sync().await })
    };
    // Let the background read start, then open the page: it shows what has arrived.
    while api.requests().iter().all(|r| r.path != "/1/products") {
        tokio::task::yield_now().await;
    }
    let view = desk.products(&id).await.unwrap();
    assert!(view.progress.is_some() || view.items.len() == api.world().total_products());
    assert!(sync.await.unwrap().is_empty());
    let log = api.requests();
    let pages = log.iter().filter(|r| r.path == "/1/products").count();
    let renewals = log.iter().filter(|r| r.path.ends_with("/renewals")).count();
    assert_eq!(
        (pages, renewals),
        (7, usize::try_from(ORGANISATIONS).unwrap()),
        "one read, not one per reader"
    );
    let view = desk.products(&id).await.unwrap();
    assert_eq!(view.progress, None);
    assert_eq!(view.items.len(), api.world().total_products());
}

/// Time that moves only when the test moves it, and then straight to the earliest wait's end (as
/// the budget's own tests do with paused time): a request never takes time, so a window the sync
/// fills in one go stays full, and how long a click waited for the budget reads on this clock.
#[derive(Debug)]
struct StepClock {
    now: tokio::sync::watch::Sender<Duration>,
    waits: Mutex<BTreeMap<u64, Duration>>,
    next_id: AtomicU64,
}

/// Forgets a wait once it ended or was given up.
struct Wait(Arc<StepClock>, u64);

impl Drop for Wait {
    fn drop(&mut self) {
        self.0.waits.lock().unwrap().remove(&self.1);
    }
}

impl StepClock {
    fn new() -> Arc<Self> {
        Arc::new(Self {
            now: tokio::sync::watch::Sender::new(Duration::ZERO),
            waits: Mutex::default(),
            next_id: AtomicU64::new(0),
        })
    }

    /// Once the local API has been quiet a moment (what was let through has been answered), moves
    /// the time to the earliest wait's end.
    async fn step(&self, api: &Sandbox) {
        quiet(api).await;
        let next = self.waits.lock().unwrap().values().min().copied();
        if let Some(next) = next {
            self.now.send_modify(|t| *t = (*t).max(next));
        }
    }
}

/// Waits until the local API has heard nothing for a moment: what was let through is answered.
async fn quiet(api: &Sandbox) {
    let mut seen = api.requests().len();
    loop {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let now = api.requests().len();
        if now == seen {
            break;
        }
        seen = now;
    }
}

#[derive(Debug)]
struct Shared(Arc<StepClock>);

impl infomaniak::Clock for Shared {
    fn now(&self) -> Duration {
        *self.0.now.borrow()
    }
    fn sleep(&self, d: Duration) -> BoxFuture<'static, ()> {
        let deadline = self.now() + d;
        let id = self.0.next_id.fetch_add(1, Ordering::SeqCst);
        self.0.waits.lock().unwrap().insert(id, deadline);
        let wait = Wait(Arc::clone(&self.0), id);
        let mut now = self.0.now.subscribe();
        Box::pin(async move {
            let _ = now.wait_for(|t| *t >= deadline).await;
            drop(wait);
        })
    }
}

#[tokio::test]
async fn during_the_background_sync_of_a_big_world_a_click_goes_ahead_of_its_queue() {
    let clock = StepClock::new();
    let api = Sandbox::start(SandboxConfig {
        // 150 organisations: a sync of some 170 requests, still running at the click (the
        // reseller's 500 behave the same and take a minute more to build and read here).
        scale: Scale::Large(150),
        rate_limit_per_minute: 100_000,
        ..SandboxConfig::demo()
    })
    .await
    .unwrap();
    let desk = Desk::open(DeskConfig {
        api_base: api.base_url(),
        api_clock: Some(Arc::new(Shared(clock.clone()))),
        ..DeskConfig::in_memory()
    })
    .unwrap();
    let id = desk
        .sign_in(ApiToken::new(tokens::DEMO), false)
        .await
        .unwrap()
        .profile
        .id;
    let now = || *clock.now.borrow();
    let sync = {
        let desk = desk.clone();
        tokio::spawn(async move { desk.background_sync().await })
    };
    // Into the second minute: the window is full of the sync's requests, at whatever pace the
    // budget gives them.
    let renewals = |from: usize| {
        api.requests()[from..]
            .iter()
            .filter(|r| r.path.ends_with("/renewals"))
            .count()
    };
    while now() < Duration::from_secs(61) {
        clock.step(&api).await;
    }
    assert!(renewals(0) > 0, "the sync is reading renewals");
    // The person clicks some time later, whenever that falls in the sync's minute.
    quiet(&api).await;
    clock
        .now
        .send_modify(|t| *t += Duration::from_millis(20_300));
    tokio::time::sleep(Duration::from_millis(50)).await;

    let org = api.world().organisations[120].id;
    let asked = (now(), api.requests().len());
    let click = {
        let desk = desk.clone();
        let id = id.clone();
        tokio::spawn(async move { desk.organisation(&id, org.into()).users().list().await })
    };
    let mut waited = Duration::ZERO;
    let served = loop {
        let log = api.requests();
        if let Some(at) = log[asked.1..]
            .iter()
            .position(|r| r.path.contains("/users"))
        {
            break at;
        }
        assert!(waited < Duration::from_secs(70), "the click never went");
        clock.step(&api).await;
        waited = now() - asked.0;
    };
    // Ahead of every request the sync had queued: at most one already let through went first.
    assert!(
        served <= 1,
        "{served} background requests went before the click"
    );
    // And it found the budget free, not at the end of the minute the sync had filled.
    assert!(waited <= Duration::from_millis(1_100), "waited {waited:?}");
    assert!(click.await.unwrap().is_ok());

    let after = api.requests().len();
    while renewals(after) == 0 {
        clock.step(&api).await;
    }
    sync.abort();
}
