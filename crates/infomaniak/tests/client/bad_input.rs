//! Bad input from the API: unknown enum values, nulls in optional fields and extra fields are
//! read (as unknown or absent); a list item lacking its id is left out and counted, never a
//! failed page.

use crate::support::stub::Stub;
use infomaniak::models::{RoleType, State};
use infomaniak::{AccountId, TeamId};
use serde_json::json;

#[tokio::test]
async fn odd_values_nulls_and_extra_fields_read_as_unknown() {
    let stub = Stub::start().await;
    let client = stub.client();
    stub.answer(
        200,
        &json!({"result": "success", "total": 1, "page": 1, "pages": 1, "data": [{
            "user_id": 5, "invitation_id": null, "first_name": null, "last_name": "B",
            "display_name": null, "email": "b@example.ch", "role_type": "overlord",
            "state_in_account": "frozen", "is_correspondent": null, "last_login_at": null,
            "teams": null, "language_id": "fr", "brand_new_field": {"x": 1}
        }]}),
    );
    let users = client.users(AccountId(1)).all().await.unwrap();
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].role_type, RoleType::Unknown);
    assert_eq!(users[0].state_in_account, State::Unknown);
    assert_eq!((users[0].last_login_at, users[0].language_id), (None, None));
    assert_eq!(users[0].shown_name(), "B");
}

#[tokio::test]
async fn a_users_security_and_partnership_read_whatever_shape_they_come_in() {
    let stub = Stub::start().await;
    let client = stub.client();
    let user = |id: u64, extra: serde_json::Value| {
        let mut u = json!({"user_id": id, "email": format!("{id}@example.ch")});
        u.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        u
    };
    stub.answer(
        200,
        &json!({"result": "success", "total": 5, "page": 1, "pages": 1, "data": [
            user(1, json!({"security": {"otp": false, "double_auth": false}, "partnership_id": 42})),
            user(2, json!({"security": {"otp": false, "double_auth": true}, "partnership_id": null})),
            user(3, json!({"security": "enabled", "partnership_id": "agency"})),
            user(4, json!({"security": {"otp": "yes"}})),
            user(5, json!({})),
        ]}),
    );
    let users = client.users(AccountId(1)).all().await.unwrap();
    let second: Vec<Option<bool>> = users
        .iter()
        .map(|u| u.security.and_then(|s| s.second_factor()))
        .collect();
    // Known without, known with (either way of saying it), and three shapes that say nothing.
    assert_eq!(second, [Some(false), Some(true), None, None, None]);
    let partners: Vec<Option<u64>> = users.iter().map(|u| u.partnership_id).collect();
    assert_eq!(partners, [Some(42), None, None, None, None]);
}

#[tokio::test]
async fn a_list_item_without_its_id_is_left_out_and_counted() {
    let stub = Stub::start().await;
    let client = stub.client();
    stub.answer(
        200,
        &json!({"result": "success", "total": 3, "page": 1, "pages": 1, "data": [
            {"id": 1, "name": "Studio"},
            {"name": "no id at all"},
            {"id": "not a number", "name": "odd id"},
        ]}),
    );
    let listed = client.teams(AccountId(1)).all_counted().await.unwrap();
    assert_eq!(
        listed.items.iter().map(|t| t.id).collect::<Vec<_>>(),
        [TeamId(1)]
    );
    assert_eq!(listed.skipped, 2);
    let page = client.teams(AccountId(1)).page(1).await.unwrap();
    assert_eq!((page.items.len(), page.skipped), (1, 2));
}
