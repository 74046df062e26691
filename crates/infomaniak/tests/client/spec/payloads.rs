//! Payloads generated from the spec's schemas, with only the required fields and with every
//! field, decode through the client's real methods (served by a stub, not the sandbox).

use super::documented;
use crate::support::dispatch::{Ids, call};
use crate::support::examples::{self, Fill};
use crate::support::spec;
use crate::support::stub::Stub;
use infomaniak::{AccountId, InvitationId, ProductId, TeamId, UserId};

fn ids() -> Ids {
    Ids {
        account: AccountId(1),
        user: UserId(1),
        invitation: InvitationId(1),
        team: TeamId(1),
        drive: ProductId(1),
        mail_service: 1,
        pdf: String::new(),
    }
}

#[tokio::test]
async fn generated_payloads_decode_through_every_documented_method() {
    let stub = Stub::start().await;
    let client = stub.client();
    let mut problems = Vec::new();
    for fill in [Fill::Required, Fill::Everything] {
        for route in documented() {
            let op = spec::operation(route).expect("documented routes are in the spec");
            let answer = examples::example_answer(op, fill);
            let violations = spec::answer_violations(op, &answer);
            assert!(
                violations.is_empty(),
                "{route} {fill:?}: the generator broke the schema: {violations:?}"
            );
            stub.answer(200, &answer);
            if let Err(e) = call(&client, route, &ids()).await {
                problems.push(format!("{route} ({fill:?}): {e}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test]
async fn the_stub_really_feeds_the_client() {
    let stub = Stub::start().await;
    let client = stub.client();
    stub.answer(
        200,
        &serde_json::json!({"result": "success", "data": [{"id": 7, "name": "Fed"}]}),
    );
    let accounts = client.accounts().await.unwrap();
    assert_eq!(
        (accounts[0].id, accounts[0].name.as_str()),
        (AccountId(7), "Fed")
    );
    // A payload the client cannot read is an error, so the test above can fail.
    stub.answer(
        200,
        &serde_json::json!({"result": "success", "data": {"id": "x"}}),
    );
    assert!(client.profile().await.is_err());
}
