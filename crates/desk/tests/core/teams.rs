//! Work teams against the local API: every action, every refusal, and a team deleted meanwhile.

use desk::store::audit::AuditResult;
use desk::teams::TeamChange;
use desk::{Desk, ErrorCode};
use infomaniak::{AccountId, ApiToken, Client, UserId};
use sandbox::{Sandbox, SandboxConfig, tokens};
use std::sync::Arc;

async fn setup() -> (Sandbox, Arc<Desk>, desk::ProfileId, AccountId) {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let org = api
        .world()
        .organisations
        .into_iter()
        .find(|o| o.relation == "owner")
        .unwrap();
    (api, desk, id, AccountId(org.id))
}

async fn team_named(
    desk: &Arc<Desk>,
    id: &desk::ProfileId,
    org: AccountId,
    name: &str,
) -> desk::teams::TeamRow {
    desk.organisation(id, org)
        .teams()
        .list()
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|t| t.name == name)
        .unwrap()
}

#[tokio::test]
async fn create_fill_lead_empty_and_delete_a_team() {
    let (_api, desk, id, org) = setup().await;
    desk.organisation(&id, org)
        .teams()
        .create("  Client Lumen  ", None)
        .await
        .unwrap();
    let team = team_named(&desk, &id, org, "Client Lumen").await;

    let members: Vec<UserId> = desk
        .organisation(&id, org)
        .users()
        .list()
        .await
        .unwrap()
        .items
        .iter()
        .filter(|p| !p.pending)
        .filter_map(|p| p.user_id)
        .take(3)
        .collect();
    desk.organisation(&id, org)
        .teams()
        .add_members(team.id, &members)
        .await
        .unwrap();
    let people = desk
        .organisation(&id, org)
        .users()
        .list()
        .await
        .unwrap()
        .items;
    let inside = people
        .iter()
        .filter(|p| p.team_ids.contains(&team.id))
        .count();
    assert_eq!(
        inside, 3,
        "the people list shows the new members without another request"
    );

    desk.organisation(&id, org)
        .teams()
        .update(
            team.id,
            TeamChange {
                leader_id: Some(members[1]),
                ..TeamChange::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        team_named(&desk, &id, org, "Client Lumen").await.leader_id,
        Some(members[1])
    );

    // DELETE with a JSON body.
    desk.organisation(&id, org)
        .teams()
        .remove_members(team.id, &[members[2]])
        .await
        .unwrap();
    let people = desk
        .organisation(&id, org)
        .users()
        .list()
        .await
        .unwrap()
        .items;
    assert_eq!(
        people
            .iter()
            .filter(|p| p.team_ids.contains(&team.id))
            .count(),
        2
    );

    let services = desk
        .organisation(&id, org)
        .teams()
        .services()
        .await
        .unwrap();
    assert!(
        !services.is_empty(),
        "the organisation has services to grant"
    );
    let granted = [services[0].id];
    desk.organisation(&id, org)
        .teams()
        .update(
            team.id,
            TeamChange {
                service_ids: Some(granted.to_vec()),
                ..TeamChange::default()
            },
        )
        .await
        .unwrap();
    let team_now = team_named(&desk, &id, org, "Client Lumen").await;
    assert_eq!(
        team_now.service_ids,
        granted.to_vec(),
        "the team grants the chosen service"
    );

    desk.organisation(&id, org)
        .teams()
        .update(
            team.id,
            TeamChange {
                name: Some("Client Lumen SA".into()),
                ..TeamChange::default()
            },
        )
        .await
        .unwrap();
    desk.organisation(&id, org)
        .teams()
        .delete(team.id)
        .await
        .unwrap();
    assert!(
        desk.organisation(&id, org)
            .teams()
            .list()
            .await
            .unwrap()
            .items
            .iter()
            .all(|t| t.id != team.id)
    );

    let log = desk.store().audit_log(&id, 20).unwrap();
    assert!(log.iter().all(|l| l.result == AuditResult::Done));
    assert_eq!(log[0].action, "team.delete");
    assert!(
        log[0].target.contains("Client Lumen SA (2 members)"),
        "{}",
        log[0].target
    );
}

#[tokio::test]
async fn bad_input_is_refused_before_anything_is_sent() {
    let (api, desk, id, org) = setup().await;
    desk.organisation(&id, org)
        .teams()
        .create("Projet", None)
        .await
        .unwrap();
    let team = team_named(&desk, &id, org, "Projet").await;
    let member = desk
        .organisation(&id, org)
        .users()
        .list()
        .await
        .unwrap()
        .items
        .iter()
        .find(|p| !p.pending)
        .and_then(|p| p.user_id)
        .unwrap();
    desk.organisation(&id, org)
        .teams()
        .add_members(team.id, &[member])
        .await
        .unwrap();
    api.clear_requests();

    let err = desk
        .organisation(&id, org)
        .teams()
        .create("", None)
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        (ErrorCode::Validation, Some("name"))
    );
    assert_eq!(
        desk.organisation(&id, org)
            .teams()
            .create(&"x".repeat(129), None)
            .await
            .unwrap_err()
            .field(),
        Some("name")
    );
    let err = desk
        .organisation(&id, org)
        .teams()
        .update(
            team.id,
            TeamChange {
                leader_id: Some(UserId(999_999)),
                ..TeamChange::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("leader_not_member"));
    let err = desk
        .organisation(&id, org)
        .teams()
        .add_members(team.id, &[member])
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        (ErrorCode::NotAllowed, Some("already_in_team"))
    );
    let other = desk
        .organisation(&id, org)
        .users()
        .list()
        .await
        .unwrap()
        .items
        .iter()
        .filter(|p| !p.pending)
        .filter_map(|p| p.user_id)
        .find(|u| *u != member)
        .unwrap();
    assert_eq!(
        desk.organisation(&id, org)
            .teams()
            .remove_members(team.id, &[other])
            .await
            .unwrap_err()
            .field(),
        Some("not_in_team")
    );
    assert!(
        api.requests().iter().all(|r| r.method == "GET"),
        "nothing was changed at Infomaniak"
    );
}

#[tokio::test]
async fn a_team_deleted_by_someone_else_is_reported_and_disappears() {
    let (api, desk, id, org) = setup().await;
    desk.organisation(&id, org)
        .teams()
        .create("Éphémère", None)
        .await
        .unwrap();
    let team = team_named(&desk, &id, org, "Éphémère").await;
    let elsewhere = Client::builder(api.base_url(), ApiToken::new(tokens::DEMO))
        .build()
        .unwrap();
    elsewhere.delete_team(org, team.id).await.unwrap();

    let err = desk
        .organisation(&id, org)
        .teams()
        .update(
            team.id,
            TeamChange {
                name: Some("Renamed".into()),
                ..TeamChange::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert!(
        desk.organisation(&id, org)
            .teams()
            .list()
            .await
            .unwrap()
            .items
            .iter()
            .all(|t| t.id != team.id),
        "the list matches the server"
    );
}

#[tokio::test]
async fn a_second_team_of_the_same_name_is_refused_before_sending() {
    let (api, desk, id, org) = setup().await;
    let existing = desk
        .organisation(&id, org)
        .teams()
        .list()
        .await
        .unwrap()
        .items[0]
        .name
        .clone();
    let posts = api.count("POST", &format!("/1/accounts/{org}/teams"));
    let err = desk
        .organisation(&id, org)
        .teams()
        .create(&existing.to_uppercase(), None)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotAllowed);
    assert_eq!(err.field(), Some("team_name_taken"));
    assert_eq!(
        api.count("POST", &format!("/1/accounts/{org}/teams")),
        posts
    );
}

#[tokio::test]
async fn teams_lacking_their_ids_are_left_out_and_counted_never_a_failed_page() {
    let (api, desk, id, account) = setup().await;
    let in_world = api
        .world()
        .organisations
        .into_iter()
        .find(|o| o.id == account.0)
        .unwrap()
        .team_ids
        .len();
    api.inject(sandbox::FaultRule::new(
        format!("/1/accounts/{}/teams", account.0),
        sandbox::Fault::ItemsWithoutIds(1),
    ));
    let teams = desk.organisation(&id, crate::support::acct(account.0));
    let snapshot = teams.teams().list().await.unwrap();
    assert_eq!(snapshot.skipped, 1);
    assert_eq!(snapshot.items.len(), in_world - 1, "the others are listed");
    // The count stays with the cached list until the next fetch.
    assert_eq!(teams.teams().list().await.unwrap().skipped, 1);
}
