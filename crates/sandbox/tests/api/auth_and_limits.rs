//! Integration tests: real HTTP on loopback against a started sandbox.

use crate::support;

use std::sync::Arc;
use std::time::Duration;

use reqwest::Method;
use sandbox::{ManualClock, SandboxConfig, tokens};
use support::{Api, code};

#[tokio::test]
async fn missing_unknown_and_revoked_tokens_answer_401() {
    let (api, _clock) = Api::demo().await;
    let unknown = "ikdesk-fake-unknown-0000000000000000000000000000000000000";
    for token in [None, Some(unknown), Some(tokens::REVOKED)] {
        let (status, body) = api.call_as(token, Method::GET, "/2/profile", None).await;
        assert_eq!((status, code(&body)), (401, "not_authorized"), "{token:?}");
    }

    let added = "ikdesk-fake-added-at-run-time-1111111111111111111111111111";
    api.sandbox.add_token(added, &["user_info"]);
    let (status, _) = api
        .call_as(Some(added), Method::GET, "/2/profile", None)
        .await;
    assert_eq!(status, 200);
    api.sandbox.revoke_token(added);
    let (status, body) = api
        .call_as(Some(added), Method::GET, "/2/profile", None)
        .await;
    assert_eq!((status, code(&body)), (401, "not_authorized"));

    let labels: Vec<Option<String>> = api
        .sandbox
        .requests()
        .into_iter()
        .map(|r| r.token_label)
        .collect();
    assert_eq!(
        labels,
        [
            None,
            Some("unknown"),
            Some("revoked"),
            Some("added-1"),
            Some("added-1")
        ]
        .map(|l| l.map(str::to_owned))
    );
    let log = format!("{:?}", api.sandbox.requests());
    assert!(
        !log.contains(added) && !log.contains(tokens::REVOKED),
        "tokens never logged"
    );
}

#[tokio::test]
async fn a_missing_scope_is_named_in_the_403() {
    let (api, _clock) = Api::demo().await;
    let org = api.org("Rochat");
    let only_accounts = "ikdesk-fake-only-accounts-22222222222222222222222222222222";
    api.sandbox.add_token(only_accounts, &["accounts"]);
    let cases = [
        (only_accounts, "/2/profile".to_owned(), "user_info"),
        (tokens::NO_ACCOUNTS, "/1/accounts".to_owned(), "accounts"),
        (tokens::NO_ACCOUNTS, "/1/products".to_owned(), "accounts"),
        (
            tokens::NO_USERS,
            format!("/2/accounts/{}/users", org.id),
            "users",
        ),
        (
            tokens::NO_USERS,
            format!("/1/accounts/{}/teams", org.id),
            "users",
        ),
        (
            tokens::NO_INVOICING,
            format!("/2/invoicing/account/{}/invoices", org.id),
            "invoicing",
        ),
        (
            tokens::PROFILE_ONLY,
            format!("/1/invoicing/{}/payment/prepay/history", org.id),
            "invoicing",
        ),
        (
            tokens::PROFILE_ONLY,
            format!("/1/accounts/{}/renewals", org.id),
            "accounts",
        ),
    ];
    for (token, path, scope) in cases {
        let (status, body) = api.call_as(Some(token), Method::GET, &path, None).await;
        // The shape seen live.
        assert_eq!((status, code(&body)), (403, "all_scopes"), "{path}");
        assert_eq!(
            body["error"]["description"],
            format!("This method require this specific scope:\"{scope}\"")
        );
        assert_eq!(
            body["error"]["context"]["scopes"],
            serde_json::json!([scope])
        );
    }
    let (status, _) = api
        .call_as(Some(tokens::PROFILE_ONLY), Method::GET, "/2/profile", None)
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn the_relation_to_the_organisation_decides_too() {
    let (api, _clock) = Api::demo().await;
    let normal = api.org("Boulangerie");
    let external = api.org("Fiduciaire");
    assert_eq!(
        (normal.relation.as_str(), external.relation.as_str()),
        ("normal", "external")
    );

    let (status, body) = api.get(&format!("/2/accounts/{}/users", normal.id)).await;
    assert_eq!((status, code(&body)), (403, "access_denied"));
    assert_eq!(body["error"]["context"]["relation"], "normal");
    let (status, _) = api
        .post(
            &format!("/1/accounts/{}/teams", normal.id),
            serde_json::json!({"name": "X"}),
        )
        .await;
    assert_eq!(status, 403);
    let (status, _) = api
        .get(&format!("/2/invoicing/account/{}/invoices", external.id))
        .await;
    assert_eq!(status, 403);
    let (status, body) = api.get(&format!("/1/accounts/{}", external.id)).await;
    assert_eq!(status, 200);
    assert_eq!(body["data"]["type"], "external");

    for path in ["/1/accounts/1", "/2/accounts/1/users", "/1/accounts/abc"] {
        let (status, body) = api.get(path).await;
        assert_eq!((status, code(&body)), (404, "object_not_found"), "{path}");
    }
}

fn limited(clock: &ManualClock, retry_after: bool) -> SandboxConfig {
    SandboxConfig {
        clock: Arc::new(clock.clone()),
        send_retry_after: retry_after,
        ..SandboxConfig::demo()
    }
}

#[tokio::test]
async fn the_61st_request_in_a_minute_is_refused_until_the_window_frees() {
    let clock = ManualClock::new(1_750_000_000);
    let api = Api::start(limited(&clock, false)).await;
    for i in 0..60 {
        // 4xx answers count as well.
        let path = if i % 6 == 0 {
            "/1/accounts/1"
        } else {
            "/2/profile"
        };
        let (status, _) = api.get(path).await;
        assert_ne!(status, 429, "request {}", i + 1);
        clock.advance(Duration::from_millis(500));
    }
    let response = api
        .client
        .get(api.url("/2/profile"))
        .bearer_auth(tokens::DEMO)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 429);
    assert!(response.headers().get("retry-after").is_none());
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(code(&body), "too_many_requests");

    // Another token has its own budget.
    let (status, _) = api
        .call_as(Some(tokens::NO_USERS), Method::GET, "/2/profile", None)
        .await;
    assert_eq!(status, 200);

    // The first request was at t=0 and the 61st at t=30 s: one slot frees at t=60 s.
    clock.advance(Duration::from_millis(29_500));
    let (status, _) = api.get("/2/profile").await;
    assert_eq!(status, 429);
    clock.advance(Duration::from_millis(500));
    let (status, _) = api.get("/2/profile").await;
    assert_eq!(status, 200);
    let (status, _) = api.get("/2/profile").await;
    assert_eq!(status, 429, "only one slot freed");
    clock.advance(Duration::from_secs(60));
    let (status, _) = api.get("/2/profile").await;
    assert_eq!(status, 200);
    assert_eq!(
        api.sandbox
            .requests()
            .iter()
            .filter(|r| r.status == 429)
            .count(),
        3
    );
}

#[tokio::test]
async fn retry_after_is_sent_only_when_switched_on() {
    let clock = ManualClock::new(1_750_000_000);
    let api = Api::start(limited(&clock, true)).await;
    for _ in 0..60 {
        api.get("/2/profile").await;
    }
    clock.advance(Duration::from_secs(20));
    let response = api
        .client
        .get(api.url("/2/profile"))
        .bearer_auth(tokens::DEMO)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()["retry-after"], "40");
}

#[tokio::test]
async fn the_request_log_records_what_a_screen_cost() {
    let (api, clock) = Api::demo().await;
    let org = api.org("Rochat");
    api.get("/1/accounts").await;
    clock.advance(Duration::from_secs(5));
    api.get(&format!("/1/accounts/{}?x=1", org.id)).await;
    api.get("/1/accounts/1").await;
    let log = api.sandbox.requests();
    assert_eq!(log.len(), 3);
    assert_eq!(api.sandbox.count("GET", "/1/accounts"), 3);
    assert_eq!(api.sandbox.count("get", "/1/accounts/"), 2);
    assert_eq!(log[1].query.as_deref(), Some("x=1"));
    assert_eq!(log[1].unix_time, log[0].unix_time + 5);
    assert_eq!(log[2].status, 404);
    assert_eq!(log[2].error_code.as_deref(), Some("object_not_found"));
    assert_eq!(log[0].token_label.as_deref(), Some("demo"));
    api.sandbox.clear_requests();
    assert!(api.sandbox.requests().is_empty());
}
