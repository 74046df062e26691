//! What a first full sync and the refresh of one organisation cost in requests and in minutes of
//! the API's 60-a-minute budget, on the large world (50 organisations, 10,000 users, 2,000
//! products). The budget and the local API share one virtual clock: the minutes are simulated,
//! nothing waits for real.
//!
//! Run with `cargo run -p infomaniak --example sync_budget`; it prints a Markdown report.

#![allow(clippy::print_stdout)] // the report is the program's output

#[allow(dead_code)]
#[path = "../tests/client/support/virtual_time.rs"]
mod virtual_time;

use infomaniak::{AccountId, ApiToken, Budget, Client, MAX_PER_PAGE};
use sandbox::{Sandbox, SandboxConfig, Scale, tokens};
use std::error::Error;
use std::sync::Arc;
use std::time::{Duration, Instant};
use virtual_time::VirtualTime;

const ORGANISATIONS: u32 = 50;

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

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let wall = Instant::now();
    let time = VirtualTime::starting_now();
    let api = Arc::new(
        Sandbox::start(SandboxConfig {
            scale: Scale::Large(ORGANISATIONS),
            clock: Arc::new(time.clone()),
            ..SandboxConfig::published()
        })
        .await?,
    );
    let budget = Arc::new(Budget::for_api(Arc::new(time.clone())));
    let _driver = {
        let (api, budget) = (Arc::clone(&api), Arc::clone(&budget));
        time.drive(move || {
            budget.granted() == u64::try_from(api.requests().len()).unwrap_or(u64::MAX)
        })
    };
    let client = Client::builder(api.base_url(), ApiToken::new(tokens::DEMO))
        .budget(Arc::clone(&budget))
        .build()?;
    let mut meter = Meter {
        api: Arc::clone(&api),
        time: time.clone(),
        costs: Vec::new(),
    };

    let ids = full_sync(&client, &mut meter).await?;
    let sync_steps = meter.costs.len();
    let first = ids
        .first()
        .copied()
        .ok_or("the large world has organisations")?;
    refresh(&client, &mut meter, first).await?;
    let refused = api.requests().iter().filter(|r| r.status == 429).count();

    let (sync_requests, sync_time) = meter.total(0..sync_steps);
    let (refresh_requests, refresh_time) = meter.total(sync_steps..meter.costs.len());
    let floor = |requests: usize| Duration::from_secs_f64(requests as f64);
    let within_a_minute = sync_time.abs_diff(floor(sync_requests)) <= Duration::from_secs(60);

    println!("## API budget of a sync (`cargo run -p infomaniak --example sync_budget`)");
    println!();
    println!(
        "Large world: {ORGANISATIONS} organisations, {} users, {} products; page size {MAX_PER_PAGE}; \
         budget 60 requests per 61 s; virtual clock shared with the local API.",
        api.world().total_users(),
        api.world().total_products()
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
        if within_a_minute { "yes" } else { "no" }
    );
    println!(
        "| refresh one organisation | {refresh_requests} | {} | {} | at most 6 requests | {} |",
        minutes(refresh_time),
        minutes(floor(refresh_requests)),
        if refresh_requests <= 6 { "yes" } else { "no" }
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
        "Answers 429: {refused}. Simulated minutes run from the first request to the last answer: a \
         window lets 60 requests go at once, so n requests need ⌈n/60⌉−1 waits of 61 s. Real time: {:.1} s.",
        wall.elapsed().as_secs_f64()
    );
    Ok(())
}
