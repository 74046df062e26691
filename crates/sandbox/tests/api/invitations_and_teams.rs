//! Integration tests: real HTTP on loopback against a started sandbox.

use crate::support;

use std::time::Duration;

use reqwest::Method;
use serde_json::{Value, json};
use support::{Api, attributes, code, items};

fn valid_invitation(email: &str) -> Value {
    json!({
        "email": email,
        "first_name": "Mathilde",
        "last_name": "Bovet",
        "locale": "fr_FR",
        "role_type": "normal",
        "notifications": {"billing": false, "products": true},
        "permissions": {"billing": true},
    })
}

#[tokio::test]
async fn invitation_validation_names_each_attribute() {
    let (api, _clock) = Api::demo().await;
    let path = format!("/1/accounts/{}/invitations", api.org("Rochat").id);

    let (status, body) = api.post(&path, json!({})).await;
    assert_eq!((status, code(&body)), (422, "validation_failed"));
    let mut named = attributes(&body);
    named.sort();
    assert_eq!(
        named,
        ["email", "first_name", "last_name", "locale", "role_type"]
    );

    for field in ["email", "first_name", "last_name", "locale", "role_type"] {
        let mut body = valid_invitation("someone@example.ch");
        body.as_object_mut().unwrap().remove(field);
        let (status, answer) = api.post(&path, body).await;
        assert_eq!(status, 422, "{field}");
        assert_eq!(attributes(&answer), [field]);
        assert_eq!(
            answer["error"]["errors"][0]["code"],
            "validation_rule_required"
        );
    }

    let mut body = valid_invitation("not-an-address");
    body["locale"] = json!("fr_CH");
    let (status, answer) = api.post(&path, body).await;
    assert_eq!(status, 422);
    let errors = answer["error"]["errors"].as_array().unwrap();
    let locale = errors
        .iter()
        .find(|e| e["context"]["attribute"] == "locale")
        .unwrap();
    assert_eq!(locale["code"], "validation_rule_in");
    assert_eq!(
        locale["context"]["values"],
        json!(["de_DE", "en_GB", "es_ES", "fr_FR", "it_IT"])
    );
    let email = errors
        .iter()
        .find(|e| e["context"]["attribute"] == "email")
        .unwrap();
    assert_eq!(email["code"], "validation_rule_email");
    assert_eq!(api.org("Rochat").nb_invitations, 2, "nothing was created");
}

#[tokio::test]
async fn an_invitation_shows_as_pending_and_keeps_counters_consistent() {
    let (api, clock) = Api::demo().await;
    let org = api.org("Rochat");
    let path = format!("/1/accounts/{}/invitations", org.id);
    let (status, created) = api
        .post(&path, valid_invitation("mathilde.bovet@example.ch"))
        .await;
    assert_eq!(status, 201);
    let invitation = &created["data"];
    assert_eq!(invitation["status"], "pending");
    assert_eq!(invitation["has_billing"], true);
    assert_eq!(invitation["has_mailing"], true);
    assert!(invitation["sent_at"].is_i64() && invitation["expired_at"].is_i64());
    let id = invitation["id"].as_u64().unwrap();

    let (_, account) = api.get(&format!("/1/accounts/{}", org.id)).await;
    assert_eq!(account["data"]["nb_invitations"], org.nb_invitations + 1);
    let (_, pending) = api
        .get_query(
            &format!("/2/accounts/{}/users", org.id),
            &[
                ("filter[state_in_account]", "pending"),
                ("search", "mathilde.bovet"),
            ],
        )
        .await;
    assert_eq!(items(&pending).len(), 1);
    assert_eq!(pending["data"][0]["invitation_id"], id);
    assert!(pending["data"][0]["user_id"].is_null());

    let (status, again) = api
        .post(&path, valid_invitation("Mathilde.Bovet@example.ch"))
        .await;
    assert_eq!(
        (status, code(&again)),
        (400, "invitation_already_exists_with_this_email")
    );

    let one = format!("{path}/{id}");
    let team = org.team_ids[1];
    let (status, changed) = api
        .patch(&one, json!({"role_type": "admin", "team_ids": [team]}))
        .await;
    assert_eq!(status, 200);
    assert_eq!(changed["data"]["role_type"], "admin");
    assert_eq!(
        changed["data"]["teams"][0]["id"],
        json!(team),
        "teams are the spec's Team objects"
    );
    let (status, bad) = api.patch(&one, json!({"team_ids": [1]})).await;
    assert_eq!(
        (status, attributes(&bad)),
        (422, vec!["team_ids".to_owned()])
    );

    let (status, cancelled) = api.delete(&one).await;
    assert_eq!((status, &cancelled["data"]), (200, &json!(true)));
    let (_, read) = api.get(&one).await;
    assert_eq!(read["data"]["status"], "cancelled");
    let (status, refused) = api.patch(&one, json!({"role_type": "normal"})).await;
    assert_eq!((status, code(&refused)), (400, "cannot_update_invitation"));
    assert_eq!(api.org("Rochat").nb_invitations, org.nb_invitations);

    // One invitation e-mail per address and minute.
    let (status, limited) = api
        .post(&path, valid_invitation("mathilde.bovet@example.ch"))
        .await;
    assert_eq!(
        (status, code(&limited)),
        (429, "invitation_sending_rate_limit_reached")
    );
    clock.advance(Duration::from_secs(61));
    let (status, _) = api
        .post(&path, valid_invitation("mathilde.bovet@example.ch"))
        .await;
    assert_eq!(status, 201);
}

#[tokio::test]
async fn accepted_invitations_and_owner_invitations_are_refused() {
    let (api, _clock) = Api::demo().await;
    let org = api.org("Rochat");
    let mut accepted = None;
    for user in &org.normal_ids {
        let (_, body) = api
            .get(&format!("/1/accounts/{}/invitations/users/{user}", org.id))
            .await;
        if let Some(found) = items(&body).iter().find(|i| i["status"] == "accepted") {
            assert_eq!(found["user_id"], *user);
            accepted = found["id"].as_u64();
        }
    }
    let accepted = accepted.expect("the demo world has an accepted invitation");
    let path = format!("/1/accounts/{}/invitations/{accepted}", org.id);
    let (status, body) = api.patch(&path, json!({"has_billing": true})).await;
    assert_eq!((status, code(&body)), (400, "cannot_update_invitation"));
    let (status, body) = api.delete(&path).await;
    assert_eq!(
        (status, code(&body)),
        (400, "invitation_is_already_accepted")
    );

    let admin_of = api.org("Amis du Léman");
    let mut body = valid_invitation("new.owner@example.ch");
    body["role_type"] = json!("owner");
    let (status, answer) = api
        .post(
            &format!("/1/accounts/{}/invitations", admin_of.id),
            body.clone(),
        )
        .await;
    assert_eq!((status, code(&answer)), (403, "access_denied"));
    let (status, _) = api
        .post(&format!("/1/accounts/{}/invitations", org.id), body)
        .await;
    assert_eq!(status, 201, "a legal representative may invite one");
}

#[tokio::test]
async fn product_access_travels_with_an_invitation() {
    let (api, _clock) = Api::demo().await;
    let org = api.org("Rochat");
    let invitation = org.pending_invitation_ids[0];
    let base = format!("/1/accounts/{}/invitations/{invitation}", org.id);
    let (_, drives) = api
        .get_query(
            &format!("/1/accounts/{}/products", org.id),
            &[("filter[service_names][]", "drive")],
        )
        .await;
    let drive = drives["data"][0]["id"].as_u64().unwrap();

    let (status, created) = api
        .post(
            &format!("{base}/drive"),
            json!({"drive_id": drive, "role": "user", "right": "read"}),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    // Every access route answers with the whole invitation, as the published spec says.
    assert_eq!(created["data"]["id"], json!(invitation));
    let accesses = |answer: &Value| answer["data"]["product_accesses"].clone();
    assert_eq!(accesses(&created)[0]["right"], "read");
    let (status, changed) = api
        .patch(&format!("{base}/drive/{drive}"), json!({"right": "write"}))
        .await;
    assert_eq!(
        (status, &accesses(&changed)[0]["right"]),
        (200, &json!("write"))
    );
    let (status, bad) = api
        .patch(&format!("{base}/drive/{drive}"), json!({"right": "own"}))
        .await;
    assert_eq!((status, attributes(&bad)), (422, vec!["right".to_owned()]));
    let (status, not_drive) = api
        .post(
            &format!("{base}/drive"),
            json!({"drive_id": org.product_ids[0], "role": "user"}),
        )
        .await;
    assert_eq!(
        (status, attributes(&not_drive)),
        (422, vec!["drive_id".to_owned()])
    );
    // A mailbox is given by name, with the spec's nine permissions, on a mail service.
    let (status, bad) = api
        .post(&format!("{base}/mailbox/5501"), json!({"role": "user"}))
        .await;
    assert_eq!(
        (status, attributes(&bad)),
        (
            422,
            vec![
                "mailbox_name".to_owned(),
                "mailbox_permissions".to_owned(),
                "mail_id".to_owned()
            ]
        )
    );
    let (_, products) = api.get(&format!("/1/accounts/{}/products", org.id)).await;
    let mail = products["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["service_name"] == "email_hosting")
        .unwrap()["id"]
        .clone();
    let permissions: serde_json::Map<_, _> = [
        "can_access_logs",
        "can_change_password",
        "can_configure_mail_folders",
        "can_manage_aliases",
        "can_manage_auto_reply",
        "can_manage_filters",
        "can_manage_redirections",
        "can_manage_security",
        "can_manage_signatures",
    ]
    .into_iter()
    .map(|k| (k.to_owned(), json!(false)))
    .collect();
    let mut one_short = permissions.clone();
    one_short.remove("can_manage_filters");
    let (status, bad) = api
        .post(
            &format!("{base}/mailbox/{mail}"),
            json!({"mailbox_name": "lea", "mailbox_permissions": one_short}),
        )
        .await;
    assert_eq!(
        (status, attributes(&bad)),
        (
            422,
            vec!["mailbox_permissions.can_manage_filters".to_owned()]
        )
    );
    let (status, given) = api
        .post(
            &format!("{base}/mailbox/{mail}"),
            json!({"mailbox_name": "lea", "mailbox_permissions": permissions}),
        )
        .await;
    assert_eq!(status, 201);
    let mailbox = accesses(&given)
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["type"] == "mailbox")
        .cloned()
        .unwrap();
    assert_eq!(mailbox["mailbox_name"], "lea");
    // kChat has one route, PATCH, which sets the role (and so grants it).
    let (status, _) = api
        .patch(&format!("{base}/kchat"), json!({"role": "admin"}))
        .await;
    assert_eq!(status, 200);
    let (status, bad) = api
        .post(&format!("{base}/ksuite"), json!({"role": "user"}))
        .await;
    assert_eq!(
        (status, attributes(&bad)),
        (422, vec!["ksuite_access".to_owned()])
    );
    let (status, _) = api
        .post(
            &format!("{base}/ksuite"),
            json!({"ksuite_access": {"kchat_role": "user", "kdrive_role": "user"}}),
        )
        .await;
    assert_eq!(status, 201);

    let (_, read) = api.get(&base).await;
    assert_eq!(
        read["data"]["product_accesses"].as_array().unwrap().len(),
        4
    );
    let (status, deleted) = api
        .call(Method::DELETE, &format!("{base}/drive/{drive}"), None)
        .await;
    assert_eq!(
        (status, accesses(&deleted).as_array().unwrap().len()),
        (200, 3)
    );
    let (status, _) = api.delete(&format!("{base}/ksuite")).await;
    assert_eq!(status, 200);
    let (status, gone) = api.delete(&format!("{base}/ksuite")).await;
    assert_eq!((status, code(&gone)), (404, "object_not_found"));
    let (status, missing) = api.delete(&format!("{base}/kchat")).await;
    assert_eq!(
        (status, code(&missing)),
        (404, "method_not_found"),
        "the spec has no DELETE on kChat"
    );
}

#[tokio::test]
async fn team_names_and_leaders_are_validated() {
    let (api, _clock) = Api::demo().await;
    let org = api.org("Rochat");
    let path = format!("/1/accounts/{}/teams", org.id);
    let leader = org.admin_ids[0];

    let (status, body) = api.post(&path, json!({"name": ""})).await;
    assert_eq!((status, attributes(&body)), (422, vec!["name".to_owned()]));
    let (status, body) = api.post(&path, json!({"name": "x".repeat(129)})).await;
    assert_eq!((status, attributes(&body)), (422, vec!["name".to_owned()]));
    assert_eq!(
        body["error"]["errors"][0]["code"],
        "validation_rule_between"
    );
    let (status, _) = api.post(&path, json!({"name": "é".repeat(128)})).await;
    assert_eq!(status, 201);

    let stranger = api.org("Fiduciaire").owner_ids[0];
    let (status, body) = api
        .post(&path, json!({"name": "Vente", "owned_by_id": stranger}))
        .await;
    assert_eq!(
        (status, attributes(&body)),
        (422, vec!["owned_by_id".to_owned()])
    );
    let (status, body) = api
        .post(
            &path,
            json!({"name": "Vente", "permissions": {"services": [999]}}),
        )
        .await;
    assert_eq!(
        (status, attributes(&body)),
        (422, vec!["permissions.services".to_owned()])
    );

    let (status, created) = api
        .post(
            &path,
            json!({"name": "Vente", "owned_by_id": leader, "permissions": {"services": [3]}}),
        )
        .await;
    assert_eq!(status, 201);
    let team = &created["data"];
    assert_eq!(team["owned_by_id"], leader);
    assert_eq!(team["owned_by"]["id"], leader);
    // Counts are optional in the spec: the world leaves them out of every third team.
    if team["id"].as_u64().unwrap() % 3 == 0 {
        assert!(team.get("user_count").is_none() && team.get("product_count").is_none());
    } else {
        assert_eq!(team["user_count"], 1);
        assert_eq!(
            team["product_count"], 2,
            "the two domains of the organisation"
        );
    }
    assert_eq!(team["permissions"][0]["service_name"], "domain");

    let (_, sorted) = api.get(&format!("{path}?order_by=name&search=e")).await;
    let names: Vec<String> = items(&sorted)
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_lowercase())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    assert!(names.contains(&"vente".to_owned()));
}

#[tokio::test]
async fn team_members_are_removed_with_a_delete_body_or_the_override_header() {
    let (api, _clock) = Api::demo().await;
    let org = api.org("Rochat");
    let (_, created) = api
        .post(
            &format!("/1/accounts/{}/teams", org.id),
            json!({"name": "Livraisons", "owned_by_id": org.admin_ids[0]}),
        )
        .await;
    let team = created["data"]["id"].as_u64().unwrap();
    let members = format!("/1/accounts/{}/teams/{team}/users", org.id);
    let (a, b, external) = (org.normal_ids[0], org.normal_ids[1], org.external_ids[0]);

    let (status, added) = api
        .post(&members, json!({"user_ids": [a, b, external]}))
        .await;
    assert_eq!((status, &added["data"]), (200, &json!(true)));
    let (_, listed) = api.get(&members).await;
    assert_eq!(items(&listed).len(), 4);
    let (status, body) = api.post(&members, json!({"user_ids": [1]})).await;
    assert_eq!((status, code(&body)), (422, "validation_failed"));
    assert_eq!(body["error"]["errors"][0]["context"]["values"], json!([1]));

    let (status, _) = api
        .call(Method::DELETE, &members, Some(json!({"user_ids": [a]})))
        .await;
    assert_eq!(status, 200);
    let response = api
        .client
        .post(api.url(&members))
        .bearer_auth(&api.token)
        .header("X-HTTP-METHOD-OVERRIDE", "DELETE")
        .json(&json!({"user_ids": [b]}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let (_, listed) = api.get(&members).await;
    let left: Vec<u64> = items(&listed)
        .iter()
        .map(|u| u["id"].as_u64().unwrap())
        .collect();
    assert_eq!(left, [org.admin_ids[0], external]);
    assert_eq!(
        api.sandbox.count("DELETE", &members),
        2,
        "the override is logged as DELETE"
    );

    let (_, read) = api
        .get(&format!("/1/accounts/{}/teams/{team}", org.id))
        .await;
    assert_eq!(read["data"]["user_count"], 2);
    let (status, _) = api
        .patch(
            &format!("/1/accounts/{}/teams/{team}", org.id),
            json!({"name": "Tournées"}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, deleted) = api
        .delete(&format!("/1/accounts/{}/teams/{team}", org.id))
        .await;
    assert_eq!((status, &deleted["data"]), (200, &json!(true)));
    let (status, body) = api
        .get(&format!("/1/accounts/{}/teams/{team}", org.id))
        .await;
    assert_eq!((status, code(&body)), (404, "object_not_found"));
    let (_, all) = api.get(&format!("/1/accounts/{}/teams", org.id)).await;
    assert!(items(&all).iter().all(|t| t["id"] != team));
}

#[tokio::test]
async fn a_mailbox_of_a_mail_service_is_given_with_an_invitation() {
    let (api, _clock) = Api::demo().await;
    let org = api.org("Rochat");
    let invitation = org.pending_invitation_ids[0];
    let path = format!(
        "/1/accounts/{}/invitations/{invitation}/mailbox/invite",
        org.id
    );
    let (_, mail) = api
        .get_query(
            &format!("/1/accounts/{}/products", org.id),
            &[("filter[service_names][]", "email_hosting")],
        )
        .await;
    let mail_id = mail["data"][0]["id"].as_u64().unwrap();
    let body = |mail_id: u64| json!({"email": "lea@rochat-fils.ch", "key": "k", "mail_id": mail_id, "mailbox_name": "lea"});

    let (status, missing) = api
        .post(&path, json!({"email": "lea@rochat-fils.ch"}))
        .await;
    assert_eq!(status, 422);
    let mut named = attributes(&missing);
    named.sort();
    assert_eq!(named, ["key", "mail_id", "mailbox_name"]);
    let (status, not_mail) = api.post(&path, body(org.product_ids[0])).await;
    assert_eq!(
        (status, attributes(&not_mail)),
        (422, vec!["mail_id".to_owned()])
    );

    let (status, given) = api.post(&path, body(mail_id)).await;
    assert_eq!(status, 200, "{given}");
    assert_eq!(
        given["data"]["id"],
        json!(invitation),
        "answers with the invitation"
    );
    let (status, again) = api.post(&path, body(mail_id)).await;
    assert_eq!((status, code(&again)), (409, "object_already_exists"));
}
