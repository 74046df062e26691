//! What a first full sync and the refresh of one organisation cost in requests and in minutes of
//! the API's 60-a-minute budget, on the large world (50 organisations, 10,000 users, 2,000
//! products) and on a reseller's (500 organisations, 50,000 people, 20,000 products); then, on the
//! reseller's, how long a click waits for the budget while the sync runs at background priority.
//! The budget and the local API share one virtual clock: the minutes are simulated, nothing waits
//! for real.
//!
//! Run with `cargo run -p infomaniak --example sync_budget`; it prints a Markdown report.

#![allow(clippy::print_stdout)] // the report is the program's output

#[allow(dead_code)]
#[path = "../tests/client/support/virtual_time.rs"]
mod virtual_time;

use infomaniak::{AccountId, ApiToken, Budget, Client, MAX_PER_PAGE, Priority};
use sandbox::{Sandbox, SandboxConfig, Scale, tokens};
use std::error::Error;
use std::sync::Arc;
use std::time::{Duration, Instant};
use virtual_time::VirtualTime;

/// A click every this often during the background sync, starting off the budget's beat.
const CLICK_EVERY: Duration = Duration::from_millis(29_700);

/// Requests and simulated time spent by one step.
struct Cost {
    step: &'static str,
    requests: usize,
    elapsed: Duration,
}

struct Meter {
    api: Arc<Sandbox>,
    time: VirtualTime,
    costs: Vec<Cost>,
}

impl Meter {
    async fn step<T, F>(&mut self, step: &'static str, work: F) -> Result<T, infomaniak::Error>
    where
        F: Future<Output = Result<T, infomaniak::Error>>,
    {
        let (requests, started) = (self.api.requests().len(), self.time.elapsed());
        let out = work.await?;
        self.costs.push(Cost {
            step,
            requests: self.api.requests().len() - requests,
            elapsed: self.time.elapsed() - started,
        });
        Ok(out)
    }

    fn total(&self, steps: std::ops::Range<usize>) -> (usize, Duration) {
        let steps = &self.costs[steps];
        (
            steps.iter().map(|c| c.requests).sum(),
            steps.iter().map(|c| c.elapsed).sum(),
        )
    }
}

async fn full_sync(
    client: &Client,
    meter: &mut Meter,
) -> Result<Vec<AccountId>, infomaniak::Error> {
    meter.step("profile", client.profile()).await?;
    let accounts = meter.step("organisations", client.accounts()).await?;
    let ids: Vec<AccountId> = accounts.iter().map(|a| a.id).collect();
    meter
        .step("users of every organisation", async {
            for id in &ids {
                client
                    .users(*id)
                    .with("teams")
                    .per_page(MAX_PER_PAGE)
                    .all()
                    .await?;
            }
            Ok(())
        })
        .await?;
    meter
        .step("teams of every organisation", async {
            for id in &ids {
                client.teams(*id).per_page(MAX_PER_PAGE).all().await?;
            }
            Ok(())
        })
        .await?;
    meter
        .step(
            "products (across organisations)",
            client.products().per_page(MAX_PER_PAGE).all(),
        )
        .await?;
    meter
        .step("invoices of every organisation", async {
            for id in &ids {
                client.invoices(*id).per_page(MAX_PER_PAGE).all().await?;
            }
            Ok(())
        })
        .await?;
    Ok(ids)
}

async fn refresh(
    client: &Client,
    meter: &mut Meter,
    id: AccountId,
) -> Result<(), infomaniak::Error> {
    meter.step("organisation", client.account(id)).await?;
    // As the core asks: teams are a `with=` extra of the user list.
    meter
        .step("its users", client.users(id).with("teams").all())
        .await?;
    meter.step("its teams", client.teams(id).all()).await?;
    meter
        .step("its products", client.account_products(id).all())
        .await?;
    meter
        .step("its invoices", client.invoices(id).all())
        .await?;
    Ok(())
}

fn minutes(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() / 60.0)
}

/// A local API of `scale` and a client to it, sharing one virtual time with the client's budget.
struct Bench {
    api: Arc<Sandbox>,
    time: VirtualTime,
    client: Client,
    _driver: virtual_time::Driver,
}

async fn bench(scale: Scale) -> Result<Bench, Box<dyn Error>> {
    let time = VirtualTime::starting_now();
    let api = Arc::new(
        Sandbox::start(SandboxConfig {
            scale,
            clock: Arc::new(time.clone()),
            ..SandboxConfig::published()
        })
        .await?,
    );
    let budget = Arc::new(Budget::for_api(Arc::new(time.clone())));
    let driver = {
        let (api, budget) = (Arc::clone(&api), Arc::clone(&budget));
        time.drive(move || {
            budget.granted() == u64::try_from(api.requests().len()).unwrap_or(u64::MAX)
        })
    };
    let client = Client::builder(api.base_url(), ApiToken::new(tokens::DEMO))
        .budget(budget)
        .build()?;
    Ok(Bench {
        api,
        time,
        client,
        _driver: driver,
    })
}

fn floor(requests: usize) -> Duration {
    Duration::from_secs_f64(requests as f64)
}

fn yes(met: bool) -> &'static str {
    if met { "yes" } else { "no" }
}

/// The first full sync and one organisation's refresh, at the person's priority, as tables.
async fn sync_and_refresh(name: &str, scale: Scale) -> Result<(), Box<dyn Error>> {
    let wall = Instant::now();
    // The driver moves the virtual time for as long as it is held.
    let Bench {
        api,
        time,
        client,
        _driver: _moving,
    } = bench(scale).await?;
    let mut meter = Meter {
        api: Arc::clone(&api),
        time: time.clone(),
        costs: Vec::new(),
    };
    let ids = full_sync(&client, &mut meter).await?;
    let sync_steps = meter.costs.len();
    let first = ids.first().copied().ok_or("the world has organisations")?;
    refresh(&client, &mut meter, first).await?;
    let refused = api.requests().iter().filter(|r| r.status == 429).count();

    let (sync_requests, sync_time) = meter.total(0..sync_steps);
    let (refresh_requests, refresh_time) = meter.total(sync_steps..meter.costs.len());
    let within_a_minute = sync_time.abs_diff(floor(sync_requests)) <= Duration::from_secs(60);
    let world = api.world();
    println!(
        "{name}: {} organisations, {} users, {} products; page size {MAX_PER_PAGE}; \
         budget 60 requests per 61 s; virtual clock shared with the local API.",
        world.organisations.len(),
        world.total_users(),
        world.total_products()
    );
    println!();
    println!(
        "| scenario | requests | simulated minutes | theoretical minimum (requests/60) | target | met |"
    );
    println!("|---|---:|---:|---:|---|---|");
    println!(
        "| first full sync | {sync_requests} | {} | {} | within one minute of the minimum | {} |",
        minutes(sync_time),
        minutes(floor(sync_requests)),
        yes(within_a_minute)
    );
    println!(
        "| refresh one organisation | {refresh_requests} | {} | {} | at most 6 requests | {} |",
        minutes(refresh_time),
        minutes(floor(refresh_requests)),
        yes(refresh_requests <= 6)
    );
    println!();
    println!("| step | requests | simulated minutes |");
    println!("|---|---:|---:|");
    for cost in &meter.costs {
        println!(
            "| {} | {} | {} |",
            cost.step,
            cost.requests,
            minutes(cost.elapsed)
        );
    }
    println!();
    println!(
        "Answers 429: {refused}. Real time: {:.1} s.",
        wall.elapsed().as_secs_f64()
    );
    println!();
    Ok(())
}

/// The reseller's full sync at background priority (as the app's own sync runs), with a click
/// (one organisation read at the person's priority) every [`CLICK_EVERY`]: how long each click
/// waited for the budget, on the virtual clock.
async fn clicks_during_a_background_sync() -> Result<(), Box<dyn Error>> {
    let Bench {
        api,
        time,
        client,
        _driver: _moving,
    } = bench(Scale::Reseller).await?;
    let background = client.with_priority(Priority::Background);
    let sync = tokio::spawn(async move {
        let mut meter = Meter {
            api: Arc::clone(&api),
            time: time.clone(),
            costs: Vec::new(),
        };
        let out = full_sync(&background, &mut meter).await;
        (out.map(drop), meter.total(0..meter.costs.len()), api, time)
    });
    let mut waits = Vec::new();
    let clicks = client.clone();
    let clock = clicks.budget().clock().clone();
    let first = client.accounts().await?;
    let ids: Vec<AccountId> = first.iter().map(|a| a.id).collect();
    let mut k = 0usize;
    let mut next_click = clock.now() + CLICK_EVERY;
    while !sync.is_finished() {
        // Watched on the real clock: a click waiting on the virtual one would let the time jump
        // to it while the sync is busy reading an answer, and stretch the sync's minutes.
        tokio::time::sleep(Duration::from_millis(1)).await;
        if clock.now() < next_click || sync.is_finished() {
            continue;
        }
        next_click += CLICK_EVERY;
        let asked = clock.now();
        clicks.account(ids[k % ids.len()]).await?;
        waits.push(clock.now() - asked);
        k += 1;
    }
    let (outcome, (requests, elapsed), api, _time) = sync.await?;
    outcome?;
    let refused = api.requests().iter().filter(|r| r.status == 429).count();
    waits.sort_unstable();
    let median = waits.get(waits.len() / 2).copied().unwrap_or_default();
    let worst = waits.last().copied().unwrap_or_default();
    // The steps' sum: the clicks that slipped in between are inside it.
    let total = elapsed;
    println!(
        "| reseller world, full sync at background priority, a click every {:.1} s | requests | simulated minutes | theoretical minimum | target | met |",
        CLICK_EVERY.as_secs_f64()
    );
    println!("|---|---:|---:|---:|---|---|");
    println!(
        "| the background sync (the clicks' requests included) | {requests} | {} | {} | within one minute of the minimum | {} |",
        minutes(total),
        minutes(floor(requests)),
        yes(total.abs_diff(floor(requests)) <= Duration::from_secs(60))
    );
    println!(
        "| a click's wait for the budget, median / worst of {} | — | {:.2} s / {:.2} s | — | ≤ 1 s | {} |",
        waits.len(),
        median.as_secs_f64(),
        worst.as_secs_f64(),
        yes(worst <= Duration::from_secs(1))
    );
    println!();
    println!("Answers 429: {refused}.");
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    println!("## API budget of a sync (`cargo run -p infomaniak --example sync_budget`)");
    println!();
    sync_and_refresh("Large world", Scale::Large(50)).await?;
    sync_and_refresh("Reseller world", Scale::Reseller).await?;
    println!(
        "Simulated minutes run from the first request to the last answer: a window lets 60 requests \
         go at once, so n requests at the person's priority need ⌈n/60⌉−1 waits of 61 s. Background \
         requests take half a window at once, then one per 61/60 s, leaving one slot free."
    );
    println!();
    clicks_during_a_background_sync().await
}
