//! Integration tests: real HTTP on loopback against a started sandbox.

use crate::support;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use sandbox::{Fault, FaultPlan, FaultRule, SandboxConfig, tokens};
use support::{Api, code};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends one request on a fresh socket and reads until the server closes it.
async fn raw_get(addr: SocketAddr, path: &str) -> Vec<u8> {
    let exchange = async {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        let request = format!(
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {}\r\nConnection: close\r\n\r\n",
            tokens::DEMO
        );
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut received = Vec::new();
        match stream.read_to_end(&mut received).await {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
            Err(e) => panic!("read failed: {e}"),
        }
        received
    };
    tokio::time::timeout(Duration::from_secs(5), exchange)
        .await
        .expect("server closed in time")
}

fn split(raw: &[u8]) -> (String, Vec<u8>) {
    let at = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header block");
    (
        String::from_utf8_lossy(&raw[..at]).to_lowercase(),
        raw[at + 4..].to_vec(),
    )
}

#[tokio::test]
async fn an_injected_status_carries_the_error_envelope_once() {
    let (api, _clock) = Api::demo().await;
    api.sandbox
        .inject(FaultRule::new("/2/profile", Fault::Status(503)));
    api.sandbox
        .inject(FaultRule::new("/1/accounts", Fault::Status(500)).method("POST"));
    let (status, body) = api.get("/2/profile").await;
    assert_eq!((status, code(&body)), (503, "service_unavailable"));
    let (status, _) = api.get("/2/profile").await;
    assert_eq!(status, 200, "one-shot");
    let (status, _) = api.get("/1/accounts").await;
    assert_eq!(status, 200, "the POST rule leaves GET alone");
    let record = &api.sandbox.requests()[0];
    assert_eq!(
        (record.status, record.fault.as_deref()),
        (503, Some("status"))
    );
}

#[tokio::test]
async fn a_malformed_answer_is_a_200_without_the_envelope() {
    let (api, _clock) = Api::demo().await;
    api.sandbox
        .inject(FaultRule::new("/1/accounts", Fault::Malformed).times(2));
    for _ in 0..2 {
        let response = api
            .client
            .get(api.url("/1/accounts"))
            .bearer_auth(tokens::DEMO)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let text = response.text().await.unwrap();
        assert!(
            serde_json::from_str::<serde_json::Value>(&text).is_err(),
            "{text}"
        );
    }
    let (status, body) = api.get("/1/accounts").await;
    assert_eq!((status, body["result"].as_str()), (200, Some("success")));
}

#[tokio::test]
async fn a_truncated_body_announces_more_bytes_than_it_sends() {
    let (api, _clock) = Api::demo().await;
    let (_, whole) = api.get("/2/profile").await;
    api.sandbox
        .inject(FaultRule::new("/2/profile", Fault::TruncatedBody));
    let raw = raw_get(api.sandbox.addr(), "/2/profile").await;
    let (head, body) = split(&raw);
    assert!(head.starts_with("http/1.1 200"), "{head}");
    let announced: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length: "))
        .and_then(|n| n.trim().parse().ok())
        .expect("a content-length");
    assert_eq!(announced, serde_json::to_vec(&whole).unwrap().len());
    assert!(
        !body.is_empty() && body.len() < announced,
        "{} of {announced}",
        body.len()
    );

    api.sandbox
        .inject(FaultRule::new("/2/profile", Fault::TruncatedBody));
    let response = api
        .client
        .get(api.url("/2/profile"))
        .bearer_auth(tokens::DEMO)
        .send()
        .await
        .unwrap();
    assert!(
        response.text().await.is_err(),
        "a client notices the short body"
    );
}

#[tokio::test]
async fn a_dropped_connection_gets_no_answer_and_changes_nothing() {
    let (api, _clock) = Api::demo().await;
    let org = api.org("Rochat");
    api.sandbox
        .inject(FaultRule::new("/2/profile", Fault::DropConnection));
    let raw = raw_get(api.sandbox.addr(), "/2/profile").await;
    assert!(raw.is_empty(), "got {:?}", String::from_utf8_lossy(&raw));

    let teams = format!("/1/accounts/{}/teams", org.id);
    api.sandbox
        .inject(FaultRule::new(teams.clone(), Fault::DropConnection).method("POST"));
    let sent = api
        .client
        .post(api.url(&teams))
        .bearer_auth(tokens::DEMO)
        .json(&serde_json::json!({"name": "Jamais créée"}))
        .send()
        .await;
    assert!(sent.is_err(), "no HTTP answer at all");
    assert_eq!(
        api.sandbox.world().org_named("Rochat").unwrap().team_ids,
        org.team_ids
    );
    let dropped: Vec<_> = api
        .sandbox
        .requests()
        .into_iter()
        .filter(|r| r.status == 0)
        .collect();
    assert_eq!(dropped.len(), 2);
    assert!(
        dropped
            .iter()
            .all(|r| r.fault.as_deref() == Some("drop_connection"))
    );
}

#[tokio::test]
async fn a_delay_slows_exactly_the_targeted_request() {
    let (api, _clock) = Api::demo().await;
    api.sandbox
        .inject(FaultRule::new("/1/accounts", Fault::Delay(300)));
    let started = Instant::now();
    let (status, _) = api.get("/1/accounts").await;
    assert_eq!(status, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
    let started = Instant::now();
    api.get("/1/accounts").await;
    assert!(started.elapsed() < Duration::from_millis(300));
}

/// What a client sees for each of `n` requests under a fault plan.
async fn outcomes(seed: u64, n: usize) -> Vec<String> {
    let plan = FaultPlan {
        seed,
        latency: Some((0, 2)),
        p_server_error: 0.2,
        p_rate_limit_burst: 0.05,
        p_truncated_body: 0.1,
        p_dropped_connection: 0.1,
    };
    let config = SandboxConfig {
        faults: Some(plan),
        rate_limit_per_minute: 1000,
        ..SandboxConfig::demo()
    };
    let api = Api::start(config).await;
    let client = reqwest::Client::builder()
        .no_proxy()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let mut seen = Vec::new();
    for _ in 0..n {
        let outcome = match client
            .get(api.url("/1/accounts"))
            .bearer_auth(tokens::DEMO)
            .send()
            .await
        {
            Err(_) => "dropped".to_owned(),
            Ok(response) => {
                let status = response.status().as_u16();
                match response.text().await {
                    Ok(_) => status.to_string(),
                    Err(_) => format!("{status} truncated"),
                }
            }
        };
        seen.push(outcome);
    }
    api.sandbox.shutdown().await;
    seen
}

#[tokio::test]
async fn a_fault_plan_is_deterministic_in_its_seed() {
    let first = outcomes(11, 40).await;
    assert_eq!(first, outcomes(11, 40).await);
    for kind in ["200", "dropped", "200 truncated"] {
        assert!(first.iter().any(|o| o == kind), "{kind} in {first:?}");
    }
    assert!(first.iter().any(|o| o == "500" || o == "503"), "{first:?}");
    assert_ne!(first, outcomes(12, 40).await);
}
