//! The budget against the API's own limiter, on one virtual time shared by both: many busy tasks
//! never earn a 429, and a `Retry-After` is honoured.

use crate::support;

use infomaniak::{AccountId, ApiToken, Budget, Client, Priority};
use sandbox::{Sandbox, SandboxConfig, tokens};
use std::sync::Arc;
use std::time::Duration;
use support::virtual_time::VirtualTime;

const MINUTE: Duration = Duration::from_secs(60);

async fn start(time: &VirtualTime, config: SandboxConfig) -> Arc<Sandbox> {
    let config = SandboxConfig {
        clock: Arc::new(time.clone()),
        ..config
    };
    Arc::new(Sandbox::start(config).await.unwrap())
}

fn client(api: &Sandbox, budget: &Arc<Budget>) -> Client {
    Client::builder(api.base_url(), ApiToken::new(tokens::DEMO))
        .budget(Arc::clone(budget))
        .build()
        .unwrap()
}

/// The driver may move time only when every request the budget let go has reached the server.
fn all_arrived(api: &Arc<Sandbox>, budget: &Arc<Budget>) -> impl Fn() -> bool + Send + 'static {
    let (api, budget) = (Arc::clone(api), Arc::clone(budget));
    move || budget.granted() == u64::try_from(api.requests().len()).unwrap_or(u64::MAX)
}

#[tokio::test]
async fn five_hundred_requests_from_busy_tasks_never_meet_the_apis_limit() {
    let time = VirtualTime::starting_now();
    let api = start(&time, SandboxConfig::demo()).await;
    let budget = Arc::new(Budget::for_api(Arc::new(time.clone())));
    let _driver = time.drive(all_arrived(&api, &budget));
    let account = AccountId(api.world().organisations[0].id);

    let tasks: Vec<_> = (0..10)
        .map(|task| {
            let priority = if task % 2 == 0 {
                Priority::Interactive
            } else {
                Priority::Background
            };
            let client = client(&api, &budget).with_priority(priority);
            let time = time.clone();
            tokio::spawn(async move {
                for n in 0..50 {
                    match n % 3 {
                        0 => client.profile().await.map(drop),
                        1 => client.account(account).await.map(drop),
                        _ => client.users(account).page(1).await.map(drop),
                    }
                    .unwrap();
                }
                (priority, time.elapsed())
            })
        })
        .collect();
    let mut finished = Vec::new();
    for task in tasks {
        let done = tokio::time::timeout(Duration::from_secs(60), task).await;
        finished.push(done.expect("the tasks finish").unwrap());
    }

    let log = api.requests();
    assert_eq!(log.len(), 500);
    assert_eq!(budget.granted(), 500);
    assert!(
        log.iter().all(|r| r.status == 200),
        "no request was refused"
    );
    for first in &log {
        let window = log
            .iter()
            .filter(|r| r.at >= first.at && r.at < first.at + MINUTE)
            .count();
        assert!(
            window <= 60,
            "{window} requests in the minute from {:?}",
            first.at
        );
    }
    // Paced, not idle: 500 requests need 8 full windows, and not many more.
    let elapsed = time.elapsed();
    assert!(
        elapsed >= 8 * MINUTE && elapsed <= 9 * MINUTE + 30 * Duration::from_secs(1),
        "{elapsed:?}"
    );
    let mean = |p: Priority| {
        let times: Vec<u128> = finished
            .iter()
            .filter(|f| f.0 == p)
            .map(|f| f.1.as_millis())
            .collect();
        times.iter().sum::<u128>() / times.len() as u128
    };
    assert!(mean(Priority::Interactive) <= mean(Priority::Background));
}

#[tokio::test]
async fn a_retry_after_holds_the_budget_for_as_long_as_the_api_asks() {
    let time = VirtualTime::starting_now();
    let config = SandboxConfig {
        rate_limit_per_minute: 3,
        send_retry_after: true,
        ..SandboxConfig::demo()
    };
    let api = start(&time, config).await;
    // A budget that believes in more than the API grants (another app spent the same token's
    // minute): only the API's Retry-After can tell it how long to wait.
    let budget = Arc::new(Budget::new(
        100,
        Duration::from_secs(10),
        Arc::new(time.clone()),
    ));
    let _driver = time.drive(all_arrived(&api, &budget));
    let client = client(&api, &budget);

    for _ in 0..4 {
        tokio::time::timeout(Duration::from_secs(20), client.profile())
            .await
            .expect("no real wait")
            .unwrap();
    }
    let log = api.requests();
    let statuses: Vec<u16> = log.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [200, 200, 200, 429, 200]);
    assert!(log[4].at >= MINUTE, "retried at {:?}", log[4].at);
}
