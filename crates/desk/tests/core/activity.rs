//! Changes as they are reported: what the API answered, and when its answer was lost or not to be
//! believed, what reading back showed — never a change sent twice.

use crate::support::acct;
use desk::activity::{AuditResult, Change};
use desk::{Desk, ErrorCode, ProfileId};
use infomaniak::{AccountId, Route, UserId};
use sandbox::{Fault, FaultRule, Sandbox, SandboxConfig};
use std::sync::Arc;

/// A read-back that must not run: the change's answer is believed.
async fn never_read() -> Result<Option<()>, desk::Error> {
    panic!("this change's answer is believed, it is not read back")
}

async fn owner_org() -> (Sandbox, Arc<Desk>, ProfileId, AccountId) {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let org = api
        .world()
        .organisations
        .into_iter()
        .find(|o| o.relation == "owner" && o.count_owners == 1)
        .unwrap();
    (api, desk, id, acct(org.id))
}

fn teams_path(org: AccountId) -> String {
    format!("/1/accounts/{org}/teams")
}

fn last(desk: &Desk, id: &ProfileId) -> desk::activity::AuditEntry {
    desk.activity(id).unwrap().remove(0)
}

async fn teams_named(desk: &Arc<Desk>, id: &ProfileId, org: AccountId, name: &str) -> usize {
    let teams = desk
        .organisation(id, org)
        .teams()
        .list()
        .await
        .unwrap()
        .items;
    teams.iter().filter(|t| t.name == name).count()
}

#[tokio::test]
async fn audited_changes_write_the_intent_then_the_outcome_with_the_api_code() {
    let (_api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let change = Change {
        action: "test.ok",
        account_id: Some(infomaniak::AccountId(1)),
        target: "Atelier",
        route: Route::TeamCreate,
    };
    desk.audited(&id, change, async { Ok::<_, desk::Error>(()) }, never_read)
        .await
        .unwrap();
    let failing = Change {
        action: "test.refused",
        account_id: None,
        target: "someone@example.ch",
        route: Route::MemberRemove,
    };
    let err = desk
        .audited(
            &id,
            failing,
            async {
                Err::<(), _>(desk::Error::Api(infomaniak::Error::Api {
                    route: Route::MemberRemove,
                    failure: infomaniak::ApiFailure {
                        status: 422,
                        code: "last_owner_cannot_be_removed".into(),
                        description: String::new(),
                        fields: Vec::new(),
                        missing_scope: None,
                    },
                }))
            },
            never_read,
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);

    let log = desk.store().audit_log(&id, 10).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(
        (log[0].action.as_str(), log[0].result),
        ("test.refused", AuditResult::Failed)
    );
    assert_eq!(
        log[0].error_code.as_deref(),
        Some("last_owner_cannot_be_removed")
    );
    assert_eq!(
        (log[1].action.as_str(), log[1].result),
        ("test.ok", AuditResult::Done)
    );
    assert!(
        log[1].actor.contains('@'),
        "the actor is named: {}",
        log[1].actor
    );
}

#[tokio::test]
async fn a_create_whose_answer_is_lost_is_read_back_and_made_once() {
    let (api, desk, id, org) = owner_org().await;
    desk.organisation(&id, org).teams().list().await.unwrap();
    api.inject(FaultRule::new(teams_path(org), Fault::TruncatedBody).method("POST"));

    desk.organisation(&id, org)
        .teams()
        .create("Lost answer", None)
        .await
        .unwrap();

    assert_eq!(api.count("POST", &teams_path(org)), 1);
    assert_eq!(teams_named(&desk, &id, org, "Lost answer").await, 1);
    let line = last(&desk, &id);
    assert_eq!(line.result, AuditResult::Done);
    assert_eq!(
        line.error_code.as_deref(),
        Some("confirmed_by_reading_back")
    );
}

#[tokio::test]
async fn a_lost_answer_that_cannot_be_read_back_is_unknown_and_never_sent_twice() {
    let (api, desk, id, org) = owner_org().await;
    desk.organisation(&id, org).teams().list().await.unwrap();
    api.inject(FaultRule::new(teams_path(org), Fault::TruncatedBody).method("POST"));
    // Every read of the teams fails for a while: the read-back and the re-read after it.
    api.inject(
        FaultRule::new(teams_path(org), Fault::DropConnection)
            .method("GET")
            // Four attempts for the read-back, four for the re-read after it.
            .times(8),
    );

    let err = desk
        .organisation(&id, org)
        .teams()
        .create("Twice?", None)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::OutcomeUnknown);
    assert_eq!(last(&desk, &id).result, AuditResult::Unknown);

    // The network is back; the person clicks again. The earlier change is read back first and
    // found made: nothing is sent a second time.
    desk.organisation(&id, org)
        .teams()
        .create("Twice?", None)
        .await
        .unwrap();
    assert_eq!(api.count("POST", &teams_path(org)), 1, "sent once");
    assert_eq!(teams_named(&desk, &id, org, "Twice?").await, 1);
    let log = desk.activity(&id).unwrap();
    assert_eq!(log.len(), 1, "one change, one line: {log:?}");
    assert_eq!(log[0].result, AuditResult::Done);
    assert_eq!(
        log[0].error_code.as_deref(),
        Some("confirmed_by_reading_back")
    );
}

#[tokio::test]
async fn an_ok_from_a_route_outside_the_published_api_that_changed_nothing_is_said() {
    let (api, desk, id, org) = owner_org().await;
    let people = desk
        .organisation(&id, org)
        .users()
        .list()
        .await
        .unwrap()
        .items;
    let collaborator = people
        .iter()
        .find(|p| !p.pending && p.role == desk::users::Role::Collaborator)
        .and_then(|p| p.user_id)
        .unwrap();
    api.inject(
        FaultRule::new(
            format!("/2/accounts/{org}/users/{collaborator}"),
            Fault::Hollow,
        )
        .method("DELETE"),
    );

    let results = desk
        .organisation(&id, org)
        .users()
        .remove(&[collaborator])
        .await
        .unwrap();
    assert!(!results[0].removed, "not reported removed: {results:?}");
    assert_eq!(results[0].error_code.as_deref(), Some("NothingChanged"));
    let line = last(&desk, &id);
    assert_eq!(line.result, AuditResult::Failed);
    assert_eq!(
        line.error_code.as_deref(),
        Some("answered_ok_but_nothing_changed")
    );
    let still = desk
        .organisation(&id, org)
        .users()
        .list()
        .await
        .unwrap()
        .items;
    assert!(still.iter().any(|p| p.user_id == Some(collaborator)));
}

#[tokio::test]
async fn a_change_that_went_through_is_not_failed_by_the_re_read_after_it() {
    let (api, desk, id, org) = owner_org().await;
    let people = desk
        .organisation(&id, org)
        .users()
        .list()
        .await
        .unwrap()
        .items;
    let collaborators: Vec<UserId> = people
        .iter()
        .filter(|p| !p.pending && p.role == desk::users::Role::Collaborator)
        .filter_map(|p| p.user_id)
        .take(2)
        .collect();
    assert_eq!(
        collaborators.len(),
        2,
        "the demo has two collaborators here"
    );
    // Every read of the users fails after the removals (the read-backs of this unverified
    // route, and the re-read): each removal still reports what the API answered.
    api.inject(
        FaultRule::new(format!("/2/accounts/{org}/users"), Fault::Status(503))
            .method("GET")
            .times(100),
    );
    let results = desk
        .organisation(&id, org)
        .users()
        .remove(&collaborators)
        .await
        .unwrap();
    assert_eq!(
        results.len(),
        2,
        "a result per person survives: {results:?}"
    );
    assert!(
        results
            .iter()
            .all(|r| r.error_code.as_deref() == Some("OutcomeUnknown")),
        "the answers said done, but nothing could read them back: {results:?}"
    );
}
