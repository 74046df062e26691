//! Integration tests: real HTTP on loopback against a started sandbox.

use crate::support;

use std::time::{Duration, Instant};

use reqwest::Method;
use sandbox::{ManualClock, Sandbox, SandboxConfig, SandboxError, Scale, tokens};
use support::{Api, code, items};

#[tokio::test]
async fn the_large_world_has_fifty_organisations_of_two_hundred_users() {
    let clock = ManualClock::new(1_750_000_000);
    let config = SandboxConfig {
        scale: Scale::Large(50),
        ..support::config(&clock)
    };
    let started = Instant::now();
    let api = Api::start(config).await;
    let took = started.elapsed();
    assert!(took < Duration::from_secs(3), "generation took {took:?}");

    let world = api.sandbox.world();
    assert_eq!(world.organisations.len(), 50);
    assert_eq!(world.total_users(), 10_000);
    assert_eq!(world.total_products(), 2_000);

    let (_, accounts) = api.get("/1/accounts?page=1&per_page=1").await;
    assert_eq!(accounts["total"], 50);
    let (_, products) = api.get("/1/products?page=1&per_page=5").await;
    assert_eq!(products["total"], 2_000);
    let org = &world.organisations[7];
    let (_, users) = api
        .get(&format!(
            "/2/accounts/{}/users?page=2&per_page=500&filter[state_in_account]=valid",
            org.id
        ))
        .await;
    assert_eq!(users["total"], 200);
    assert!(items(&users).is_empty());
    assert!(!org.team_ids.is_empty());
    assert!(!org.invoice_ids.is_empty());
}

#[tokio::test]
async fn the_reseller_world_has_five_hundred_organisations_in_one_page() {
    let clock = ManualClock::new(1_750_000_000);
    let started = Instant::now();
    let api = Api::start(SandboxConfig {
        scale: Scale::Reseller,
        ..support::config(&clock)
    })
    .await;
    let took = started.elapsed();
    assert!(took < Duration::from_secs(10), "generation took {took:?}");

    let world = api.sandbox.world();
    assert_eq!(world.organisations.len(), 500);
    let people: usize = world
        .organisations
        .iter()
        .map(|o| o.nb_users + o.pending_invitation_ids.len())
        .sum();
    assert_eq!(people, 50_000);
    assert_eq!(world.total_products(), 20_000);
    let mut names: Vec<&str> = world
        .organisations
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 500, "every organisation has its own name");

    // The organisations list is one page at the client's page size; products take forty.
    let (_, accounts) = api.get("/1/accounts?page=1&per_page=500").await;
    assert_eq!(
        (accounts["total"].as_u64(), accounts["pages"].as_u64()),
        (Some(500), Some(1))
    );
    assert_eq!(items(&accounts).len(), 500);
    let (_, products) = api.get("/1/products?page=40&per_page=500").await;
    assert_eq!(products["pages"], 40);
    assert_eq!(items(&products).len(), 500);
    let org = &world.organisations[321];
    let (_, renewals) = api.get(&format!("/1/accounts/{}/renewals", org.id)).await;
    assert!(
        !items(&renewals).is_empty(),
        "each organisation has renewals"
    );
}

#[tokio::test]
async fn one_large_organisation_has_ten_thousand_people_in_one_table() {
    let clock = ManualClock::new(1_750_000_000);
    let api = Api::start(SandboxConfig {
        scale: Scale::OneLargeOrganisation(10_000),
        ..support::config(&clock)
    })
    .await;
    let world = api.sandbox.world();
    assert_eq!(world.organisations.len(), 1);
    let org = &world.organisations[0];
    assert_eq!(org.relation, "owner");
    assert_eq!(org.nb_users, 9_900);
    assert_eq!(org.pending_invitation_ids.len(), 100);
    assert_eq!(org.team_ids.len(), 8);

    let (_, users) = api
        .get(&format!(
            "/2/accounts/{}/users?page=10&per_page=1000&filter[state_in_account]=valid",
            org.id
        ))
        .await;
    assert_eq!(users["total"], 9_900);
    assert_eq!(items(&users).len(), 900);
}

#[tokio::test]
async fn the_same_seed_and_time_give_the_same_world() {
    let start = |seed: u64| async move {
        let clock = ManualClock::new(1_760_000_000);
        Api::start(SandboxConfig {
            seed,
            ..support::config(&clock)
        })
        .await
    };
    let (a, b, c) = (start(5).await, start(5).await, start(6).await);
    assert_eq!(a.sandbox.world(), b.sandbox.world());
    assert_ne!(a.sandbox.world(), c.sandbox.world());
    let org = a.org("Rochat");
    for path in [
        format!("/2/accounts/{}/users", org.id),
        format!("/1/accounts/{}/products", org.id),
        format!("/1/accounts/{}/teams", org.id),
        "/1/accounts".to_owned(),
    ] {
        assert_eq!(a.get(&path).await.1, b.get(&path).await.1, "{path}");
    }
    let demo = a.sandbox.world();
    assert_eq!(demo.organisations.len(), 5);
    let relations: Vec<&str> = demo
        .organisations
        .iter()
        .map(|o| o.relation.as_str())
        .collect();
    for relation in ["owner", "admin", "normal", "external"] {
        assert!(relations.contains(&relation), "{relation}");
    }
    assert_eq!(demo.org_named("Rochat").unwrap().owner_ids, [demo.user_id]);
    assert!(demo.organisations.iter().any(|o| o.is_blocked));
}

#[tokio::test]
async fn the_demo_world_covers_every_expiry_case() {
    let (api, _clock) = Api::demo().await;
    let (_, me) = api.get("/2/profile").await;
    let (_, products) = api.get("/1/products").await;
    let unix = api.sandbox.requests()[0].unix_time;
    let day = 86_400;
    let mut cases = [0usize; 6];
    for product in items(&products) {
        let case = match product["expired_at"].as_i64() {
            None => 0,
            Some(t) if t < unix => 1,
            Some(t) if t < unix + 14 * day => 2,
            Some(t) if t < unix + 60 * day => 3,
            Some(_) => 4,
        };
        cases[case] += 1;
        if product["is_locked"] == true
            || product["has_maintenance"] == true
            || product["is_trial"] == true
        {
            cases[5] += 1;
        }
    }
    assert!(cases.iter().all(|n| *n > 0), "{cases:?}");
    assert!(me["data"]["display_name"].as_str().unwrap().contains(' '));
    let (_, accounts) = api.get("/1/accounts").await;
    let all = items(&accounts);
    assert!(all.iter().any(|a| {
        a["order"]["waiting_payment"].as_u64() > Some(0)
            && !a["order"]["blocked_order_id"]
                .as_array()
                .unwrap()
                .is_empty()
    }));
    assert!(all.iter().any(|a| a["has_2fa_required"] == true));
    assert!(
        all.iter()
            .any(|a| a["is_blocked"] == true && a["blocked_at"].is_i64())
    );
}

#[tokio::test]
async fn invoice_pdfs_download_without_a_token_until_the_link_expires() {
    let (api, clock) = Api::demo().await;
    let org = api.org("Atelier Lumen");
    let (_, invoices) = api
        .get(&format!("/2/invoicing/account/{}/invoices", org.id))
        .await;
    let all = items(&invoices);
    assert!(
        all.iter().any(|i| i["status"] == "paid") && all.iter().any(|i| i["status"] == "unpaid")
    );
    assert!(
        all.iter().any(|i| i["currency"] == "EUR") && all.iter().any(|i| i["currency"] == "CHF")
    );
    let link = all[0]["pdf"].as_str().unwrap().to_owned();
    assert!(link.starts_with(&format!(
        "{}/2/invoicing/invoice/pdf/",
        api.sandbox.base_url()
    )));

    let response = api.client.get(&link).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let bytes = response.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.ends_with(b"%%EOF\n"));

    let forged = link.replace("expires=", "expires=9");
    let (status, body) = api
        .call_as(
            None,
            Method::GET,
            forged.trim_start_matches(&api.sandbox.base_url()),
            None,
        )
        .await;
    assert_eq!((status, code(&body)), (403, "access_denied"));

    clock.advance(Duration::from_secs(3601));
    let response = api.client.get(&link).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 410);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(code(&body), "link_expired");

    let (status, _) = api
        .call_as(
            None,
            Method::GET,
            &format!("/2/invoicing/account/{}/invoices", org.id),
            None,
        )
        .await;
    assert_eq!(status, 401, "the list itself needs the token");
}

#[tokio::test]
async fn a_port_in_use_is_reported_as_such() {
    let first = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let config = SandboxConfig {
        addr: first.addr(),
        ..SandboxConfig::demo()
    };
    let error = Sandbox::start(config)
        .await
        .expect_err("second start fails");
    assert!(matches!(error, SandboxError::PortInUse(port) if port == first.addr().port()));
    assert_eq!(
        error.to_string(),
        format!("port {} is already in use", first.addr().port())
    );
    let addr = first.addr();
    first.shutdown().await;
    let again = Sandbox::start(SandboxConfig {
        addr,
        ..SandboxConfig::demo()
    })
    .await;
    assert!(again.is_ok(), "the port is free after shutdown");
}

#[tokio::test]
async fn the_binary_prints_its_address_and_serves() {
    use tokio::io::AsyncBufReadExt;
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_ik-sandbox"))
        .args(["--port", "0", "--profile", "published", "--seed", "3"])
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = tokio::io::BufReader::new(stdout).lines();
    let first = tokio::time::timeout(Duration::from_secs(10), lines.next_line())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let url = first
        .strip_prefix("listening on ")
        .expect("the first line")
        .to_owned();
    assert!(url.starts_with("http://127.0.0.1:"));
    let second = lines.next_line().await.unwrap().unwrap();
    assert!(second.contains(tokens::DEMO));
    let client = support::client();
    let response = client
        .get(format!("{url}/2/profile/support_accesses"))
        .bearer_auth(tokens::DEMO)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 404, "published profile");
    let response = client
        .get(format!("{url}/2/profile"))
        .bearer_auth(tokens::DEMO)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    child.kill().await.unwrap();
}
