//! Integration tests: real HTTP on loopback against a started sandbox.

use crate::support;

use sandbox::{SandboxConfig, tokens};
use serde_json::Value;
use support::{Api, attributes, code, items};

const PAGING: [&str; 4] = ["total", "page", "pages", "items_per_page"];

#[tokio::test]
async fn paging_fields_only_when_page_is_sent() {
    let (api, _clock) = Api::demo().await;
    let (status, all) = api.get("/1/accounts").await;
    assert_eq!(status, 200);
    assert_eq!(all["result"], "success");
    for field in PAGING {
        assert!(all.get(field).is_none(), "{field} without page");
    }
    assert_eq!(items(&all).len(), 5);

    let (_, paged) = api.get("/1/accounts?page=2&per_page=2").await;
    assert_eq!(paged["total"], 5);
    assert_eq!(paged["page"], 2);
    assert_eq!(paged["pages"], 3);
    assert_eq!(paged["items_per_page"], 2);
    assert_eq!(items(&paged).len(), 2);
    assert_eq!(paged["data"][0]["id"], all["data"][2]["id"]);

    let (_, beyond) = api.get("/1/accounts?page=9&per_page=2").await;
    assert_eq!(beyond["total"], 5);
    assert!(items(&beyond).is_empty());
}

#[tokio::test]
async fn paging_walks_every_user_once_with_consistent_totals() {
    let (api, _clock) = Api::demo().await;
    let org = api.org("Rochat");
    let path = format!("/2/accounts/{}/users", org.id);
    let (_, all) = api.get(&path).await;
    let expected = org.nb_users + org.nb_invitations;
    assert_eq!(items(&all).len(), expected);

    let mut seen = Vec::new();
    let mut page = 1;
    loop {
        let (_, body) = api.get(&format!("{path}?page={page}&per_page=4")).await;
        assert_eq!(body["total"], expected);
        assert_eq!(body["pages"], expected.div_ceil(4));
        seen.extend(items(&body).iter().map(|u| u["email"].clone()));
        if page >= body["pages"].as_u64().unwrap() as usize {
            break;
        }
        page += 1;
    }
    let all_emails: Vec<Value> = items(&all).iter().map(|u| u["email"].clone()).collect();
    assert_eq!(seen, all_emails);
}

#[tokio::test]
async fn users_filters_search_and_order() {
    let (api, _clock) = Api::demo().await;
    let org = api.org("Rochat");
    let path = format!("/2/accounts/{}/users", org.id);

    let (_, owners) = api
        .get_query(&path, &[("filter[role_type]", "owner")])
        .await;
    assert_eq!(items(&owners).len(), org.count_owners);
    assert!(items(&owners).iter().all(|u| u["role_type"] == "owner"));

    let (_, pending) = api
        .get_query(&path, &[("filter[state_in_account]", "pending")])
        .await;
    assert_eq!(items(&pending).len(), org.nb_invitations);
    assert!(
        items(&pending)
            .iter()
            .all(|u| u["user_id"].is_null() && u["invitation_id"].is_u64())
    );

    let team = org.team_ids[0];
    let (_, in_team) = api
        .get_query(
            &path,
            &[("filter[team_ids][]", &team.to_string()), ("with", "teams")],
        )
        .await;
    assert!(!items(&in_team).is_empty());
    assert!(
        items(&in_team)
            .iter()
            .all(|u| u["teams"].as_array().unwrap().contains(&team.into()))
    );
    // `teams` is an extra of the spec: sent only when asked for.
    let (_, unasked) = api
        .get_query(&path, &[("filter[team_ids][]", &team.to_string())])
        .await;
    assert_eq!(items(&unasked).len(), items(&in_team).len());
    assert!(items(&unasked).iter().all(|u| u.get("teams").is_none()));

    let (_, found) = api.get_query(&path, &[("search", "ROCHAT")]).await;
    assert!(
        items(&found)
            .iter()
            .any(|u| u["user_id"] == api.sandbox.world().user_id)
    );
    assert!(
        items(&found)
            .iter()
            .all(|u| u.to_string().to_lowercase().contains("rochat"))
    );

    let (_, sorted) = api
        .get(&format!("{path}?order_by=last_name&order=desc"))
        .await;
    let names: Vec<String> = items(&sorted)
        .iter()
        .map(|u| u["last_name"].as_str().unwrap().to_lowercase())
        .collect();
    let mut expected = names.clone();
    expected.sort();
    expected.reverse();
    assert_eq!(names, expected);

    let (status, body) = api.get(&format!("{path}?order_by=password")).await;
    assert_eq!(status, 422);
    assert_eq!(code(&body), "validation_failed");
    assert_eq!(attributes(&body), ["order_by"]);
    assert!(
        body["error"]["errors"][0]["context"]["values"]
            .as_array()
            .unwrap()
            .contains(&"last_login_at".into())
    );

    let (status, body) = api
        .get_query(&path, &[("filter[state_in_account]", "gone")])
        .await;
    assert_eq!((status, code(&body)), (422, "validation_failed"));
}

#[tokio::test]
async fn product_filters_use_laravel_brackets() {
    let (api, _clock) = Api::demo().await;
    let org = api.org("Atelier Lumen");
    let path = format!("/1/accounts/{}/products", org.id);
    let (_, body) = api
        .get_query(
            &path,
            &[
                ("filter[service_names][]", "domain"),
                ("filter[service_names][]", "drive"),
            ],
        )
        .await;
    let services: Vec<&str> = items(&body)
        .iter()
        .map(|p| p["service_name"].as_str().unwrap())
        .collect();
    assert_eq!(services.iter().filter(|s| **s == "domain").count(), 3);
    assert_eq!(services.iter().filter(|s| **s == "drive").count(), 1);
    assert_eq!(services.len(), 4);

    let (_, tagged) = api
        .get_query(&path, &[("filter[tags][]", "Portfolio")])
        .await;
    assert!(!items(&tagged).is_empty());
    assert!(
        items(&tagged)
            .iter()
            .all(|p| p["tags"].to_string().contains("Portfolio"))
    );

    let (_, services) = api.get(&format!("/1/accounts/{}/services", org.id)).await;
    let domain = items(&services)
        .iter()
        .find(|s| s["name"] == "domain")
        .unwrap();
    assert_eq!(domain["count"], 3);
    assert!(domain["id"].is_u64());

    let (_, everywhere) = api
        .get("/1/products?service_name=domain&order_by=expired_at")
        .await;
    let expiries: Vec<i64> = items(&everywhere)
        .iter()
        .map(|p| p["expired_at"].as_i64().unwrap())
        .collect();
    assert!(expiries.windows(2).all(|w| w[0] <= w[1]));
    assert!(
        items(&everywhere)
            .iter()
            .all(|p| p["service_name"] == "domain")
    );
    let accounts: std::collections::BTreeSet<u64> = items(&everywhere)
        .iter()
        .map(|p| p["account_id"].as_u64().unwrap())
        .collect();
    assert_eq!(accounts.len(), 5, "domains of every organisation");
}

#[tokio::test]
async fn invalid_with_lists_the_allowed_values() {
    let (api, _clock) = Api::demo().await;
    let (status, body) = api.get("/2/profile?with=emails,passwords").await;
    assert_eq!(status, 422);
    assert_eq!(code(&body), "validation_failed");
    assert_eq!(body["error"]["errors"][0]["context"]["attribute"], "with");
    assert_eq!(
        body["error"]["errors"][0]["context"]["values"],
        serde_json::json!(["emails", "phones"])
    );

    let (_, plain) = api.get("/2/profile").await;
    assert!(plain["data"].get("emails").is_none());
    let (_, full) = api.get("/2/profile?with=emails,phones").await;
    assert_eq!(full["data"]["emails"][0]["email"], plain["data"]["email"]);
    assert!(
        full["data"]["phones"][0]["phone"]
            .as_str()
            .unwrap()
            .starts_with("+41")
    );
    assert!(plain["data"]["preferences"]["account"]["current_account_id"].is_u64());
}

#[tokio::test]
async fn unknown_routes_answer_method_not_found_even_without_token() {
    let (api, _clock) = Api::demo().await;
    for (token, path) in [
        (None, "/1/nothing"),
        (Some(tokens::DEMO), "/3/profile"),
        (None, "/"),
    ] {
        let (status, body) = api.call_as(token, reqwest::Method::GET, path, None).await;
        assert_eq!((status, code(&body)), (404, "method_not_found"), "{path}");
    }
    let (status, body) = api.call(reqwest::Method::POST, "/1/accounts", None).await;
    assert_eq!((status, code(&body)), (404, "method_not_found"));
    assert_eq!(body["error"]["context"], serde_json::json!({}));
}

/// Every unverified route: method, path and body.
async fn unverified_calls(api: &Api) -> Vec<(String, u16, Value)> {
    let org = api.org("Rochat");
    let product = org.product_ids[2];
    let member = org.normal_ids[0];
    let admin = org.admin_ids[0];
    let calls = [
        (
            reqwest::Method::GET,
            format!("/1/accounts/{}/renewals", org.id),
            None,
        ),
        (
            reqwest::Method::PUT,
            format!("/1/accounts/{}/renewals/auto_renew", org.id),
            Some(serde_json::json!({"product_ids": [product], "enabled": false})),
        ),
        (
            reqwest::Method::GET,
            "/2/profile/support_accesses".to_owned(),
            None,
        ),
        (
            reqwest::Method::PUT,
            "/2/profile/support_accesses/kchat".to_owned(),
            Some(serde_json::json!({"enabled": true})),
        ),
        (
            reqwest::Method::PATCH,
            format!("/2/accounts/{}/users/{admin}", org.id),
            Some(serde_json::json!({"is_correspondent": true})),
        ),
        (
            reqwest::Method::DELETE,
            format!("/2/accounts/{}/users/{member}", org.id),
            None,
        ),
    ];
    let mut out = Vec::new();
    for (method, path, body) in calls {
        let (status, body) = api.call(method.clone(), &path, body).await;
        out.push((format!("{method} {path}"), status, body));
    }
    out
}

#[tokio::test]
async fn unverified_routes_exist_only_in_the_extended_profile() {
    let published = Api::start(SandboxConfig::published()).await;
    for (route, status, body) in unverified_calls(&published).await {
        assert_eq!((status, code(&body)), (404, "method_not_found"), "{route}");
    }
    let (extended, _clock) = Api::demo().await;
    for (route, status, body) in unverified_calls(&extended).await {
        assert_eq!(status, 200, "{route}: {body}");
        assert_eq!(body["result"], "success");
    }
}

#[tokio::test]
async fn prepaid_history_repeats_an_item_across_pages() {
    let (api, _clock) = Api::demo().await;
    let org = api.org("Atelier Lumen");
    let path = format!("/1/invoicing/{}/payment/prepay/history", org.id);
    let (_, all) = api.get(&path).await;
    let total = items(&all).len();
    assert!(total > 10);
    let (_, first) = api.get(&format!("{path}?page=1&per_page=10")).await;
    let (_, second) = api.get(&format!("{path}?page=2&per_page=10")).await;
    assert_eq!(first["total"], total);
    assert_eq!(
        items(&second)[0]["id"],
        items(&first)[9]["id"],
        "the known repeat"
    );
    let mut ids: Vec<u64> = Vec::new();
    for page in 1..=first["pages"].as_u64().unwrap() {
        let (_, body) = api.get(&format!("{path}?page={page}&per_page=10")).await;
        ids.extend(items(&body).iter().map(|m| m["id"].as_u64().unwrap()));
    }
    assert!(ids.len() > total);
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), total, "nothing is lost once de-duplicated by id");
    let statuses: Vec<&str> = items(&all)
        .iter()
        .map(|m| m["status"].as_str().unwrap())
        .collect();
    assert!(statuses.iter().all(|s| *s == "payed" || *s == "pending"));
}
