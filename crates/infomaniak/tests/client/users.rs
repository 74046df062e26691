//! Users of an organisation (members and pending invitations), their product access, and the
//! member changes of the `unverified` tier.

use crate::support;

use infomaniak::models::{MemberUpdate, RoleType, State};
use infomaniak::{Direction, TeamId, UserId, UserOrder};
use sandbox::{SandboxConfig, tokens};
use std::collections::BTreeSet;

#[tokio::test]
async fn the_list_holds_members_and_pending_invitations() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let client = support::fast_client(&api, tokens::DEMO);

    let users = client.users(support::account(&org)).all().await.unwrap();
    let members: BTreeSet<u64> = users
        .iter()
        .filter_map(|u| u.user_id)
        .map(|u| u.0)
        .collect();
    let expected: BTreeSet<u64> = [
        &org.owner_ids,
        &org.admin_ids,
        &org.normal_ids,
        &org.external_ids,
    ]
    .into_iter()
    .flatten()
    .copied()
    .collect();
    assert_eq!(members, expected);
    let pending: Vec<_> = users.iter().filter(|u| u.is_pending()).collect();
    assert_eq!(pending.len(), org.nb_invitations);
    for user in pending {
        assert_eq!(user.state_in_account, State::Pending);
        let invitation = user
            .invitation_id
            .expect("a pending user names its invitation");
        assert!(org.pending_invitation_ids.contains(&invitation.0));
    }
    assert!(
        users
            .iter()
            .all(|u| !u.email.is_empty() && !u.shown_name().is_empty())
    );
}

#[tokio::test]
async fn search_filters_and_order_reach_the_api_and_narrow_the_list() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);
    let everyone = client.users(account).all().await.unwrap();

    let pending = client
        .users(account)
        .state(State::Pending)
        .all()
        .await
        .unwrap();
    assert_eq!(pending.len(), org.nb_invitations);
    assert!(pending.iter().all(|u| u.user_id.is_none()));

    let admins = client
        .users(account)
        .roles(&[RoleType::Admin])
        .all()
        .await
        .unwrap();
    assert!(!admins.is_empty() && admins.iter().all(|u| u.role_type == RoleType::Admin));

    let someone = everyone
        .iter()
        .find(|u| u.user_id == Some(UserId(org.normal_ids[0])))
        .unwrap();
    let found = client
        .users(account)
        .search(&someone.last_name)
        .all()
        .await
        .unwrap();
    assert!(found.iter().any(|u| u.user_id == someone.user_id));
    assert!(found.len() < everyone.len());

    let team = TeamId(org.team_ids[0]);
    let in_team = client
        .users(account)
        .teams(&[team])
        .with("teams")
        .all()
        .await
        .unwrap();
    assert!(!in_team.is_empty() && in_team.iter().all(|u| u.teams.contains(&team)));
    // Teams are an extra: unasked, they are not sent (the filter still applies).
    let unasked = client.users(account).teams(&[team]).all().await.unwrap();
    assert_eq!(unasked.len(), in_team.len());
    assert!(unasked.iter().all(|u| u.teams.is_empty()));

    let sorted = client
        .users(account)
        .order_by(UserOrder::LastName)
        .order(Direction::Desc)
        .all()
        .await
        .unwrap();
    let names: Vec<String> = sorted.iter().map(|u| u.last_name.to_lowercase()).collect();
    assert!(names.windows(2).all(|w| w[0] >= w[1]), "{names:?}");

    let queries: Vec<String> = api
        .requests()
        .iter()
        .filter_map(|r| r.query.clone())
        .collect();
    for sent in [
        "filter%5Bstate_in_account%5D=pending",
        "filter%5Brole_type%5D=admin",
        "order_by=last_name&order=desc",
    ] {
        assert!(
            queries.iter().any(|q| q.contains(sent)),
            "{sent} not in {queries:?}"
        );
    }
}

#[tokio::test]
async fn app_accesses_come_with_the_list_or_on_their_own() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);

    let owner = UserId(org.owner_ids[0]);
    let accesses = client.app_accesses(account, owner).await.unwrap();
    assert_eq!(
        accesses.len(),
        org.product_ids.len(),
        "a legal representative reaches everything"
    );
    for access in &accesses {
        assert!(org.product_ids.contains(&access.product_id.0));
        assert!(!access.service_name.is_empty());
    }

    let users = client
        .users(account)
        .with("app_access")
        .all()
        .await
        .unwrap();
    let listed = users.iter().find(|u| u.user_id == Some(owner)).unwrap();
    assert_eq!(
        listed.app_accesses.as_ref().map(Vec::len),
        Some(accesses.len())
    );

    let err = client.app_accesses(account, UserId(1)).await.unwrap_err();
    assert!(err.is_object_not_found(), "{err:?}");
}

#[tokio::test]
async fn an_unknown_expansion_is_a_validation_error_listing_the_allowed_ones() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let client = support::fast_client(&api, tokens::DEMO);
    let err = client
        .users(support::account(&org))
        .with("nonsense")
        .page(1)
        .await
        .unwrap_err();
    let failure = err.api_failure().unwrap();
    assert_eq!(
        (failure.status, failure.code.as_str()),
        (422, "validation_failed")
    );
    let field = &failure.fields[0];
    assert_eq!(field.attribute.as_deref(), Some("with"));
    assert!(field.values.iter().any(|v| v == "app_access"), "{field:?}");
}

#[tokio::test]
async fn a_collaborator_may_not_list_users_and_no_scope_is_blamed() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = api.world().org_with_relation("normal").cloned().unwrap();
    let err = support::fast_client(&api, tokens::DEMO)
        .users(support::account(&org))
        .all()
        .await
        .unwrap_err();
    assert_eq!(err.api_failure().map(|f| f.status), Some(403));
    assert_eq!(
        err.missing_scope(),
        None,
        "the person's role, not the token, is the reason"
    );
}

#[tokio::test]
async fn a_member_can_be_changed_and_removed_within_the_manager_rules() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let world = api.world();
    let rochat = support::org(&api, "Rochat");
    let account = support::account(&rochat);
    let client = support::fast_client(&api, tokens::DEMO);

    let member = UserId(rochat.normal_ids[1]);
    let billing = MemberUpdate {
        has_billing_access: Some(true),
        is_correspondent: Some(true),
        ..MemberUpdate::default()
    };
    let changed = client
        .update_member(account, member, &billing)
        .await
        .unwrap();
    assert!(changed.has_billing_access && changed.is_correspondent);

    client.remove_member(account, member).await.unwrap();
    let left = client
        .users(account)
        .state(State::Valid)
        .all()
        .await
        .unwrap();
    assert!(left.iter().all(|u| u.user_id != Some(member)));
    assert_eq!(left.len(), rochat.nb_users - 1);

    // The person is the only legal representative of Rochat & Fils.
    let me = UserId(world.user_id);
    let err = client.remove_member(account, me).await.unwrap_err();
    assert_eq!(
        err.api_failure().map(|f| f.code.as_str()),
        Some("last_owner_cannot_be_removed")
    );

    // At Atelier Lumen the person's login is one of the organisation's mailboxes.
    let lumen = support::account(&support::org(&api, "Lumen"));
    let err = client.remove_member(lumen, me).await.unwrap_err();
    assert_eq!(
        err.api_failure().map(|f| f.code.as_str()),
        Some("cannot_leave_account")
    );

    // An administrator cannot appoint a legal representative.
    let leman = support::org(&api, "Léman");
    let promote = MemberUpdate {
        role_type: Some(RoleType::Owner),
        ..MemberUpdate::default()
    };
    let err = client
        .update_member(
            support::account(&leman),
            UserId(leman.normal_ids[0]),
            &promote,
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.api_failure().map(|f| (f.status, f.code.as_str())),
        Some((403, "access_denied"))
    );
}
