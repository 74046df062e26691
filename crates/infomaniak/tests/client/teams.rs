//! Work teams: list, create, read, change, delete, and their members.

use crate::support;

use infomaniak::models::{NewTeam, TeamServices, TeamUpdate};
use infomaniak::{Direction, Error, ServiceId, TeamId, TeamOrder, UserId};
use sandbox::{SandboxConfig, tokens};

fn attributes(err: &Error) -> Vec<String> {
    let failure = err.api_failure().unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(failure.status, 422, "{err:?}");
    failure
        .fields
        .iter()
        .filter_map(|f| f.attribute.clone())
        .collect()
}

#[tokio::test]
async fn teams_are_listed_searched_filtered_and_sorted() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Lumen");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);

    let teams = client.teams(account).all().await.unwrap();
    let mut ids: Vec<u64> = teams.iter().map(|t| t.id.0).collect();
    ids.sort_unstable();
    let mut expected = org.team_ids.clone();
    expected.sort_unstable();
    assert_eq!(ids, expected);
    assert!(teams.iter().all(|t| t.owned_by_id.is_some()));
    // Counts are optional in the spec: the world leaves them out of some teams, and a count
    // that is sent is a real one.
    assert!(teams.iter().all(|t| t.user_count.is_none_or(|n| n > 0)));

    let studio = client.teams(account).search("stud").all().await.unwrap();
    assert_eq!(
        studio.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        ["Studio"]
    );

    let member = client
        .team_members(account, teams[0].id)
        .all()
        .await
        .unwrap()[0]
        .id;
    let theirs = client
        .teams(account)
        .members(&[member])
        .all()
        .await
        .unwrap();
    assert!(theirs.iter().any(|t| t.id == teams[0].id));

    let sorted = client
        .teams(account)
        .order_by(TeamOrder::Name)
        .order(Direction::Desc)
        .all()
        .await
        .unwrap();
    let names: Vec<String> = sorted.iter().map(|t| t.name.to_lowercase()).collect();
    assert!(names.windows(2).all(|w| w[0] >= w[1]), "{names:?}");
}

#[tokio::test]
async fn a_team_lives_from_creation_to_deletion() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);
    let leader = UserId(org.admin_ids[0]);
    let service = client.services(account).await.unwrap()[0].id;

    let created = client
        .create_team(
            account,
            &NewTeam {
                owned_by_id: Some(leader),
                permissions: Some(TeamServices {
                    services: vec![service],
                }),
                ..NewTeam::named("Livraisons")
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (created.name.as_str(), created.owned_by_id),
        ("Livraisons", Some(leader))
    );
    assert_eq!(created.owned_by.as_ref().map(|l| l.id), Some(leader));
    assert_eq!(created.permissions[0].service_id, Some(service));
    assert_eq!(client.team(account, created.id).await.unwrap(), created);

    let next_leader = UserId(org.normal_ids[0]);
    let change = TeamUpdate {
        name: Some("Livraisons & stock".into()),
        owned_by_id: Some(next_leader),
        ..TeamUpdate::default()
    };
    let changed = client
        .update_team(account, created.id, &change)
        .await
        .unwrap();
    assert_eq!(
        (changed.name.as_str(), changed.owned_by_id),
        ("Livraisons & stock", Some(next_leader))
    );

    client.delete_team(account, created.id).await.unwrap();
    let err = client.team(account, created.id).await.unwrap_err();
    assert!(err.is_object_not_found(), "{err:?}");
    let err = client.delete_team(account, created.id).await.unwrap_err();
    assert!(err.is_object_not_found(), "{err:?}");
}

#[tokio::test]
async fn members_are_added_and_removed_with_a_delete_that_carries_a_body() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);
    let team = client
        .create_team(account, &NewTeam::named("Projet"))
        .await
        .unwrap()
        .id;
    let (a, b) = (UserId(org.normal_ids[2]), UserId(org.external_ids[0]));

    client
        .add_team_members(account, team, &[a, b])
        .await
        .unwrap();
    let ids = |users: Vec<infomaniak::models::TeamUser>| -> Vec<UserId> {
        users.into_iter().map(|u| u.id).collect()
    };
    let members = ids(client.team_members(account, team).all().await.unwrap());
    assert!(
        members.contains(&a) && members.contains(&b),
        "an external user can be a member"
    );
    assert_eq!(members.len(), 2);
    // When the optional count is sent, it agrees.
    let count = client.team(account, team).await.unwrap().user_count;
    assert!(count.is_none_or(|n| n == 2), "{count:?}");

    client
        .remove_team_members(account, team, &[a])
        .await
        .unwrap();
    assert_eq!(
        ids(client.team_members(account, team).all().await.unwrap()),
        vec![b]
    );
    let path = format!("/1/accounts/{account}/teams/{team}/users");
    assert_eq!(support::hits(&api, "DELETE", &path), 1);

    let err = client
        .add_team_members(account, team, &[UserId(1)])
        .await
        .unwrap_err();
    assert_eq!(attributes(&err), ["user_ids"]);
    let err = client
        .team_members(account, TeamId(1))
        .all()
        .await
        .unwrap_err();
    assert!(err.is_object_not_found(), "{err:?}");
}

#[tokio::test]
async fn names_out_of_bounds_and_leaders_from_outside_are_named() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);

    let err = client
        .create_team(account, &NewTeam::named(""))
        .await
        .unwrap_err();
    assert_eq!(attributes(&err), ["name"]);
    let err = client
        .create_team(account, &NewTeam::named("x".repeat(129)))
        .await
        .unwrap_err();
    assert_eq!(attributes(&err), ["name"]);
    assert!(
        client
            .create_team(account, &NewTeam::named("x".repeat(128)))
            .await
            .is_ok()
    );

    let outsider = NewTeam {
        owned_by_id: Some(UserId(1)),
        ..NewTeam::named("Ailleurs")
    };
    let err = client.create_team(account, &outsider).await.unwrap_err();
    assert_eq!(attributes(&err), ["owned_by_id"]);
    let err = client
        .create_team(
            account,
            &NewTeam {
                permissions: Some(TeamServices {
                    services: vec![ServiceId(999_999)],
                }),
                ..NewTeam::named("Services")
            },
        )
        .await
        .unwrap_err();
    assert_eq!(attributes(&err), ["permissions.services"]);
}
