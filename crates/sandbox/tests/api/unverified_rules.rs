//! Integration tests: real HTTP on loopback against a started sandbox.

use crate::support;

use std::time::Duration;

use serde_json::{Value, json};
use support::{Api, code, items};

#[tokio::test]
async fn the_last_legal_representative_cannot_go() {
    let (api, _clock) = Api::demo().await;
    let me = api.sandbox.world().user_id;
    let org = api.org("Rochat");
    assert_eq!(org.owner_ids, [me]);
    let path = format!("/2/accounts/{}/users/{me}", org.id);
    let (status, body) = api.delete(&path).await;
    assert_eq!((status, code(&body)), (422, "last_owner_cannot_be_removed"));
    let (status, body) = api.patch(&path, json!({"role_type": "admin"})).await;
    assert_eq!((status, code(&body)), (422, "last_owner_cannot_be_removed"));

    // Appoint another, then leaving is possible (the login is not a mailbox of this one).
    let other = org.admin_ids[0];
    let (status, body) = api
        .patch(
            &format!("/2/accounts/{}/users/{other}", org.id),
            json!({"role_type": "owner"}),
        )
        .await;
    assert_eq!((status, &body["data"]["role_type"]), (200, &json!("owner")));
    let (_, account) = api.get(&format!("/1/accounts/{}", org.id)).await;
    assert_eq!(account["data"]["count_owners"], 2);
    let (status, body) = api.delete(&path).await;
    assert_eq!((status, &body["data"]), (200, &json!(true)));
    let (status, body) = api.get(&format!("/1/accounts/{}", org.id)).await;
    assert_eq!((status, code(&body)), (404, "object_not_found"));
}

#[tokio::test]
async fn a_member_whose_login_is_a_mailbox_of_the_organisation_cannot_leave() {
    let (api, _clock) = Api::demo().await;
    let me = api.sandbox.world().user_id;
    let org = api.org("Atelier Lumen");
    assert_eq!(org.count_owners, 2);
    let (status, body) = api
        .delete(&format!("/2/accounts/{}/users/{me}", org.id))
        .await;
    assert_eq!((status, code(&body)), (422, "cannot_leave_account"));

    let collaborator = api.org("Boulangerie");
    let (status, _) = api
        .delete(&format!("/2/accounts/{}/users/{me}", collaborator.id))
        .await;
    assert_eq!(
        status, 200,
        "a collaborator with an outside login may leave"
    );
    assert!(api.sandbox.world().org_named("Boulangerie").is_none());
}

#[tokio::test]
async fn only_a_legal_representative_appoints_or_removes_one() {
    let (api, _clock) = Api::demo().await;
    let org = api.org("Amis du Léman");
    assert_eq!(org.relation, "admin");
    let users = |id: u64| format!("/2/accounts/{}/users/{id}", org.id);
    let normal = org.normal_ids[0];

    let (status, body) = api
        .patch(&users(normal), json!({"role_type": "owner"}))
        .await;
    assert_eq!((status, code(&body)), (403, "access_denied"));
    let (status, body) = api.delete(&users(org.owner_ids[0])).await;
    assert_eq!((status, code(&body)), (403, "access_denied"));
    let (status, body) = api
        .patch(&users(normal), json!({"role_type": "boss"}))
        .await;
    assert_eq!((status, code(&body)), (422, "validation_failed"));

    let (status, body) = api
        .patch(
            &users(normal),
            json!({"role_type": "admin", "has_billing_access": true, "is_correspondent": true}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["data"]["role_type"], "admin");
    assert_eq!(body["data"]["has_billing_access"], true);

    let (status, _) = api.delete(&users(normal)).await;
    assert_eq!(status, 200);
    let (_, account) = api.get(&format!("/1/accounts/{}", org.id)).await;
    assert_eq!(account["data"]["nb_users"], org.nb_users - 1);
    let (status, body) = api.delete(&users(normal)).await;
    assert_eq!((status, code(&body)), (404, "object_not_found"));

    let collaborator = api.org("Boulangerie");
    let (status, _) = api
        .patch(
            &format!(
                "/2/accounts/{}/users/{}",
                collaborator.id, collaborator.admin_ids[0]
            ),
            json!({"is_correspondent": true}),
        )
        .await;
    assert_eq!(status, 403);
}

fn product_named<'a>(products: &'a Value, name: &str) -> &'a Value {
    items(products)
        .iter()
        .find(|p| p["customer_name"] == name)
        .unwrap_or_else(|| panic!("no product {name}"))
}

#[tokio::test]
async fn auto_renew_answers_per_product() {
    let (api, clock) = Api::demo().await;
    let org = api.org("Rochat");
    let (_, products) = api.get(&format!("/1/accounts/{}/products", org.id)).await;
    let close = product_named(&products, "rochat-fils.swiss")["id"]
        .as_u64()
        .unwrap();
    let later = product_named(&products, "rochat-fils.ch (SSL)")["id"]
        .as_u64()
        .unwrap();
    let far = product_named(&products, "Site rochat-fils.ch")["id"]
        .as_u64()
        .unwrap();

    let (status, renewals) = api.get(&format!("/1/accounts/{}/renewals", org.id)).await;
    assert_eq!(status, 200);
    for item in items(&renewals) {
        let expiry = item["expired_at"].as_i64().unwrap();
        assert_eq!(item["auto_renew_available_until"], expiry - 14 * 86_400);
        assert_eq!(
            item["next_payment_attempt_at"].is_null(),
            item["auto_renew"] == false
        );
        assert_eq!(item["payment_method"], "card");
        assert_eq!(item["price"]["currency"], "CHF");
    }

    let path = format!("/1/accounts/{}/renewals/auto_renew", org.id);
    let (status, body) = api
        .put(
            &path,
            json!({"product_ids": [close, far, 1], "enabled": true}),
        )
        .await;
    assert_eq!(status, 200);
    let results = items(&body);
    assert_eq!(results[0]["result"], "error");
    assert_eq!(
        results[0]["error"]["code"],
        "auto_renew_too_close_to_expiry"
    );
    assert_eq!(results[1], json!({"product_id": far, "result": "success"}));
    assert_eq!(results[2]["error"]["code"], "object_not_found");
    // Already expired: also too close.
    let (_, body) = api
        .put(&path, json!({"product_ids": [later], "enabled": true}))
        .await;
    assert_eq!(
        body["data"][0]["error"]["code"],
        "auto_renew_too_close_to_expiry"
    );
    let (_, body) = api
        .put(&path, json!({"product_ids": [close], "enabled": false}))
        .await;
    assert_eq!(body["data"][0]["result"], "success");

    let (status, body) = api.put(&path, json!({"enabled": true})).await;
    assert_eq!((status, code(&body)), (422, "validation_failed"));

    // Thirty days later the far product is inside the 14 days too.
    clock.advance(Duration::from_secs(32 * 86_400));
    let (_, body) = api
        .put(&path, json!({"product_ids": [far], "enabled": true}))
        .await;
    assert_eq!(
        body["data"][0]["error"]["code"],
        "auto_renew_too_close_to_expiry"
    );

    let unpaid = api.org("Amis du Léman");
    let (_, products) = api
        .get(&format!("/1/accounts/{}/products", unpaid.id))
        .await;
    let drive = product_named(&products, "kDrive Bénévoles")["id"]
        .as_u64()
        .unwrap();
    let (_, body) = api
        .put(
            &format!("/1/accounts/{}/renewals/auto_renew", unpaid.id),
            json!({"product_ids": [drive], "enabled": true}),
        )
        .await;
    assert_eq!(
        body["data"][0]["error"]["code"],
        "no_supported_payment_method"
    );
}

#[tokio::test]
async fn support_access_ends_by_itself_after_seven_days() {
    let (api, clock) = Api::demo().await;
    let state = |body: &Value, content: &str| -> Value {
        items(body)
            .iter()
            .find(|a| a["content"] == content)
            .cloned()
            .unwrap()
    };
    let (_, before) = api.get("/2/profile/support_accesses").await;
    assert_eq!(items(&before).len(), 3);
    assert_eq!(state(&before, "mail")["enabled"], true);
    assert_eq!(state(&before, "kdrive")["enabled"], false);

    let (status, granted) = api
        .put(
            "/2/profile/support_accesses/kdrive",
            json!({"enabled": true}),
        )
        .await;
    assert_eq!(status, 200);
    let granted_at = granted["data"]["granted_at"].as_i64().unwrap();
    assert_eq!(granted["data"]["expires_at"], granted_at + 7 * 86_400);
    assert_eq!(granted["data"]["enabled"], true);

    clock.advance(Duration::from_secs(7 * 86_400 - 1));
    let (_, almost) = api.get("/2/profile/support_accesses").await;
    assert_eq!(state(&almost, "kdrive")["enabled"], true);
    assert_eq!(
        state(&almost, "mail")["enabled"],
        false,
        "granted two days before the start"
    );
    assert_eq!(
        state(&almost, "kchat")["enabled"],
        false,
        "granting one never grants another"
    );
    clock.advance(Duration::from_secs(1));
    let (_, after) = api.get("/2/profile/support_accesses").await;
    assert_eq!(state(&after, "kdrive")["enabled"], false);

    let (status, body) = api
        .put(
            "/2/profile/support_accesses/kchat",
            json!({"enabled": "yes"}),
        )
        .await;
    assert_eq!((status, code(&body)), (422, "validation_failed"));
    let (status, body) = api
        .put(
            "/2/profile/support_accesses/phone",
            json!({"enabled": true}),
        )
        .await;
    assert_eq!((status, code(&body)), (404, "object_not_found"));
    let (_, revoked) = api
        .put(
            "/2/profile/support_accesses/kdrive",
            json!({"enabled": false}),
        )
        .await;
    assert_eq!(revoked["data"]["enabled"], false);
}
