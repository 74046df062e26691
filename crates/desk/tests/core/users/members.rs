//! Leaving, a member's rights and contacts, an invitation's terms: rules first, then the API.

use crate::support::acct;
use desk::users::Role;
use desk::users::{InvitationChange, MemberSettings};
use desk::{Error, ErrorCode};
use infomaniak::{AccountId, InvitationId};
use sandbox::{OrgSummary, Sandbox, SandboxConfig};

fn org(api: &Sandbox, which: impl Fn(&OrgSummary) -> bool) -> AccountId {
    let o = api.world().organisations.into_iter().find(which).unwrap();
    AccountId(o.id)
}

fn refusal_key(e: &Error) -> Option<&str> {
    match e {
        Error::Refused(r) => Some(r.key()),
        _ => None,
    }
}

#[tokio::test]
async fn the_last_legal_representative_cannot_leave_and_nothing_is_sent() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let sole = org(&api, |o| o.relation == "owner" && o.count_owners == 1);
    desk.organisation(&id, acct(sole))
        .users()
        .list()
        .await
        .unwrap();
    let before = api.requests().len();
    let e = desk
        .organisation(&id, acct(sole))
        .users()
        .leave()
        .await
        .unwrap_err();
    assert_eq!(refusal_key(&e), Some("last_legal_representative"));
    assert_eq!(api.requests().len(), before, "refused before any request");
}

#[tokio::test]
async fn infomaniak_refusing_a_departure_is_worded_as_a_rule() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let studio = org(&api, |o| o.relation == "owner" && o.count_owners == 2);
    let e = desk
        .organisation(&id, acct(studio))
        .users()
        .leave()
        .await
        .unwrap_err();
    assert_eq!(refusal_key(&e), Some("cannot_leave_account"));
    assert_eq!(e.code(), ErrorCode::NotAllowed);
}

#[tokio::test]
async fn an_administrator_leaves_and_the_organisation_disappears_from_the_list() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let association = org(&api, |o| o.relation == "admin");
    desk.organisation(&id, acct(association))
        .users()
        .leave()
        .await
        .unwrap();
    let orgs = desk.organisations(&id).await.unwrap().items;
    assert!(orgs.iter().all(|o| o.id != association));
}

#[tokio::test]
async fn a_members_billing_right_and_contacts_change() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let sole = org(&api, |o| o.relation == "owner" && o.count_owners == 1);
    let people = desk
        .organisation(&id, acct(sole))
        .users()
        .list()
        .await
        .unwrap()
        .items;
    let target = people
        .iter()
        .find(|p| !p.pending && p.role == Role::Collaborator)
        .unwrap();
    let wanted = MemberSettings {
        billing_access: !target.billing_access,
        contact_products: !target.contact_products,
        contact_billing: !target.contact_billing,
    };
    desk.organisation(&id, acct(sole))
        .users()
        .set_settings(target.user_id.unwrap(), wanted)
        .await
        .unwrap();
    let after = desk
        .organisation(&id, acct(sole))
        .users()
        .list()
        .await
        .unwrap()
        .items;
    let changed = after.iter().find(|p| p.key == target.key).unwrap();
    assert_eq!(changed.billing_access, wanted.billing_access);
    assert_eq!(changed.contact_products, wanted.contact_products);
    assert_eq!(changed.contact_billing, wanted.contact_billing);
}

#[tokio::test]
async fn on_the_published_api_member_settings_hand_off_to_the_manager() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::published()).await;
    let sole = org(&api, |o| o.relation == "owner" && o.count_owners == 1);
    let people = desk
        .organisation(&id, acct(sole))
        .users()
        .list()
        .await
        .unwrap()
        .items;
    let target = people
        .iter()
        .find(|p| !p.pending && p.role == Role::Collaborator)
        .unwrap();
    let settings = MemberSettings {
        billing_access: true,
        contact_products: false,
        contact_billing: false,
    };
    let e = desk
        .organisation(&id, acct(sole))
        .users()
        .set_settings(target.user_id.unwrap(), settings)
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotSupportedByApi);
    assert!(
        desk.organisation(&id, acct(sole))
            .users()
            .list()
            .await
            .unwrap()
            .member_changes_missing
    );
}

#[tokio::test]
async fn a_pending_invitation_changes_role_and_rights_on_both_apis() {
    for config in [SandboxConfig::demo(), SandboxConfig::published()] {
        let (api, desk, id) = crate::support::signed_in(config).await;
        let sole = org(&api, |o| o.relation == "owner" && o.count_owners == 1);
        let people = desk
            .organisation(&id, acct(sole))
            .users()
            .list()
            .await
            .unwrap()
            .items;
        let invited = people.iter().find(|p| p.pending).unwrap();
        let change = InvitationChange {
            role: Role::Administrator,
            team_ids: Vec::new(),
            billing_access: true,
            contact_products: true,
            contact_billing: false,
        };
        desk.organisation(&id, acct(sole))
            .users()
            .update_invitation(invited.invitation_id.unwrap(), change)
            .await
            .unwrap();
        let after = desk
            .organisation(&id, acct(sole))
            .users()
            .list()
            .await
            .unwrap()
            .items;
        let changed = after.iter().find(|p| p.key == invited.key).unwrap();
        assert_eq!(changed.role, Role::Administrator);
        assert!(changed.billing_access);
    }
}

#[tokio::test]
async fn an_administrator_cannot_make_an_invitation_a_legal_representative() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let association = org(&api, |o| o.relation == "admin");
    let people = desk
        .organisation(&id, acct(association))
        .users()
        .list()
        .await
        .unwrap()
        .items;
    // The rule is checked before the invitation is even looked up.
    let invitation = people
        .iter()
        .find_map(|p| p.invitation_id)
        .unwrap_or(InvitationId(1));
    let change = InvitationChange {
        role: Role::LegalRepresentative,
        team_ids: Vec::new(),
        billing_access: false,
        contact_products: false,
        contact_billing: false,
    };
    let e = desk
        .organisation(&id, acct(association))
        .users()
        .update_invitation(invitation, change)
        .await
        .unwrap_err();
    assert_eq!(refusal_key(&e), Some("only_legal_representative_appoints"));
}

#[tokio::test]
async fn products_reached_are_asked_once_per_person_while_fresh_on_both_apis() {
    for config in [SandboxConfig::demo(), SandboxConfig::published()] {
        let (api, desk, id) = crate::support::signed_in(config).await;
        let sole = org(&api, |o| o.relation == "owner" && o.count_owners == 1);
        let people = desk
            .organisation(&id, acct(sole))
            .users()
            .list()
            .await
            .unwrap()
            .items;
        let member = people.iter().find(|p| !p.pending).unwrap();
        let user = member.user_id.unwrap();
        let first = desk
            .organisation(&id, acct(sole))
            .users()
            .products_reachable(user)
            .await
            .unwrap();
        let asked = api.requests().len();
        let again = desk
            .organisation(&id, acct(sole))
            .users()
            .products_reachable(user)
            .await
            .unwrap();
        assert_eq!(first, again);
        assert_eq!(api.requests().len(), asked, "the second opening is cached");
    }
}
