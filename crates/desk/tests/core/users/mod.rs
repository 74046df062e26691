//! Members and invitations against the local API: rules first, then the request, then the audit.

use crate::support::acct;
use desk::ErrorCode;
use desk::store::audit::AuditResult;
use desk::users::InviteForm;
use desk::users::Role;
use infomaniak::AccountId;
use infomaniak::UserId;
use sandbox::{OrgSummary, Sandbox, SandboxConfig};

/// An organisation where the signed-in person is the only legal representative.
fn sole_owner_org(api: &Sandbox) -> OrgSummary {
    api.world()
        .organisations
        .into_iter()
        .find(|o| o.relation == "owner" && o.count_owners == 1)
        .unwrap()
}

fn form(email: &str, role: Role) -> InviteForm {
    InviteForm {
        email: email.into(),
        first_name: "Léa".into(),
        last_name: "Favre".into(),
        locale: "fr_FR".into(),
        role,
        billing_access: false,
        contact_billing: false,
        contact_products: true,
        team_ids: Vec::new(),
        silent: true,
        strict: false,
        product_access: Vec::new(),
    }
}

#[tokio::test]
async fn the_users_page_lists_members_and_pending_invitations() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let org = sole_owner_org(&api);
    let people = desk
        .organisation(&id, AccountId(org.id))
        .users()
        .list()
        .await
        .unwrap();
    let pending = people.items.iter().filter(|p| p.pending).count();
    assert_eq!(pending, org.pending_invitation_ids.len());
    assert_eq!(people.items.len() - pending, org.nb_users);
    assert!(!people.member_changes_missing);
}

#[tokio::test]
async fn inviting_then_cancelling_shows_in_the_list_and_the_audit_log() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let org = AccountId(sole_owner_org(&api).id);
    desk.organisation(&id, acct(org))
        .users()
        .invite(form("lea.favre@example.ch", Role::Collaborator))
        .await
        .unwrap();
    let invited = desk
        .organisation(&id, acct(org))
        .users()
        .list()
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|p| p.email == "lea.favre@example.ch")
        .unwrap();
    assert!(invited.pending);

    let again = desk
        .organisation(&id, acct(org))
        .users()
        .invite(form("lea.favre@example.ch", Role::Collaborator))
        .await
        .unwrap_err();
    assert_eq!(again.code(), ErrorCode::Validation, "{again}");
    assert!(
        again
            .to_string()
            .contains("invitation_already_exists_with_this_email"),
        "{again}"
    );

    desk.organisation(&id, acct(org))
        .users()
        .cancel_invitation(invited.invitation_id.unwrap())
        .await
        .unwrap();
    let people = desk
        .organisation(&id, acct(org))
        .users()
        .list()
        .await
        .unwrap()
        .items;
    assert!(people.iter().all(|p| p.email != "lea.favre@example.ch"));
    let log = desk.store().audit_log(&id, 10).unwrap();
    let actions: Vec<_> = log.iter().map(|l| (l.action.as_str(), l.result)).collect();
    assert_eq!(
        actions,
        vec![
            ("invitation.cancel", AuditResult::Done),
            ("invitation.create", AuditResult::Failed),
            ("invitation.create", AuditResult::Done)
        ]
    );
}

#[tokio::test]
async fn a_form_error_is_named_and_sends_nothing() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let org = AccountId(sole_owner_org(&api).id);
    api.clear_requests();
    let err = desk
        .organisation(&id, acct(org))
        .users()
        .invite(form("not-an-address", Role::Collaborator))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        (ErrorCode::Validation, Some("email"))
    );
    let mut blank = form("a@b.ch", Role::Collaborator);
    blank.last_name = "  ".into();
    assert_eq!(
        desk.organisation(&id, acct(org))
            .users()
            .invite(blank)
            .await
            .unwrap_err()
            .field(),
        Some("last_name")
    );
    assert!(
        api.requests().iter().all(|r| r.method == "GET"),
        "no invitation was sent"
    );
}

#[tokio::test]
async fn the_last_legal_representative_cannot_be_removed_and_nothing_is_sent() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let org = sole_owner_org(&api);
    let owner = UserId(org.owner_ids[0]);
    api.clear_requests();
    let err = desk
        .organisation(&id, AccountId(org.id))
        .users()
        .remove(&[owner])
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        (ErrorCode::NotAllowed, Some("last_legal_representative"))
    );
    assert!(api.requests().iter().all(|r| r.method == "GET"));
}

#[tokio::test]
async fn a_collaborator_is_removed_where_the_api_allows_it() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let org = sole_owner_org(&api);
    let collaborator = UserId(org.normal_ids[0]);
    let results = desk
        .organisation(&id, AccountId(org.id))
        .users()
        .remove(&[collaborator])
        .await
        .unwrap();
    assert!(results[0].removed, "{results:?}");
    let people = desk
        .organisation(&id, AccountId(org.id))
        .users()
        .list()
        .await
        .unwrap()
        .items;
    assert!(people.iter().all(|p| p.user_id != Some(collaborator)));
}

#[tokio::test]
async fn on_the_published_api_removal_hands_off_to_the_manager() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::published()).await;
    let org = sole_owner_org(&api);
    let collaborator = UserId(org.normal_ids[0]);
    let err = desk
        .organisation(&id, AccountId(org.id))
        .users()
        .remove(&[collaborator])
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotSupportedByApi);
    assert_eq!(
        desk::handoff::page_for(&err).as_deref(),
        Some(desk::handoff::USERS_PAGE)
    );
    let people = desk
        .organisation(&id, AccountId(org.id))
        .users()
        .list()
        .await
        .unwrap();
    assert!(
        people.member_changes_missing,
        "from now on the page shows the hand-off"
    );
    assert!(
        people.items.iter().any(|p| p.user_id == Some(collaborator)),
        "nothing changed"
    );
}

mod bulk;
mod members;
mod product_access;
mod teams_column;
