//! Invitations: create with the full body, read, change, cancel, and the product access that
//! goes with a pending one.

use crate::support;

use infomaniak::models::{
    AccessGrant, AccessRole, AccessTarget, DriveRight, InvitationRights, InvitationStatus,
    InvitationUpdate, Locale, MailboxGrant, MailboxPermissions, NewInvitation, Notifications,
    RoleType, State,
};
use infomaniak::{Error, InvitationId, MailboxId, ProductId, RequestError, TeamId, UserId};
use sandbox::{SandboxConfig, tokens};
use std::time::Duration;

fn newcomer(email: &str) -> NewInvitation {
    NewInvitation::new(email, "Léa", "Favre", Locale::Fr, RoleType::Normal)
}

fn code(err: &Error) -> Option<(u16, &str)> {
    err.api_failure().map(|f| (f.status, f.code.as_str()))
}

#[tokio::test]
async fn an_invitation_with_the_full_body_appears_as_a_pending_user() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);
    let team = TeamId(org.team_ids[1]);

    let body = NewInvitation {
        notifications: Some(Notifications {
            billing: true,
            products: false,
        }),
        permissions: Some(InvitationRights { billing: true }),
        teams: vec![team],
        strict: true,
        ..newcomer("lea.favre@example.ch")
    };
    let created = client.invite(account, &body).await.unwrap();
    assert_eq!(created.status, InvitationStatus::Pending);
    assert_eq!(
        (created.role_type, created.locale),
        (RoleType::Normal, Locale::Fr)
    );
    assert_eq!(created.teams, vec![team]);
    assert!(created.has_billing && created.has_billing_mailing && !created.has_mailing);
    assert!(created.sent_at.is_some() && created.url_accept.is_some());

    assert_eq!(
        client.invitation(account, created.id).await.unwrap(),
        created
    );
    let pending = client
        .users(account)
        .state(State::Pending)
        .all()
        .await
        .unwrap();
    assert!(
        pending
            .iter()
            .any(|u| u.invitation_id == Some(created.id) && u.email == body.email)
    );
}

#[tokio::test]
async fn invalid_fields_are_named_and_duplicates_refused() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);

    let bad = NewInvitation {
        first_name: " ".into(),
        ..newcomer("not-an-address")
    };
    let err = client.invite(account, &bad).await.unwrap_err();
    assert_eq!(code(&err), Some((422, "validation_failed")));
    let fields: Vec<&str> = err
        .api_failure()
        .unwrap()
        .fields
        .iter()
        .filter_map(|f| f.attribute.as_deref())
        .collect();
    assert!(
        fields.contains(&"first_name") && fields.contains(&"email"),
        "{fields:?}"
    );

    let existing = InvitationId(org.pending_invitation_ids[0]);
    let email = client.invitation(account, existing).await.unwrap().email;
    let err = client.invite(account, &newcomer(&email)).await.unwrap_err();
    assert_eq!(
        code(&err),
        Some((400, "invitation_already_exists_with_this_email"))
    );

    let err = client
        .invitation(account, InvitationId(1))
        .await
        .unwrap_err();
    assert!(err.is_object_not_found(), "{err:?}");
}

#[tokio::test]
async fn a_pending_invitation_changes_until_it_is_cancelled() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);
    let id = InvitationId(org.pending_invitation_ids[1]);

    let change = InvitationUpdate {
        role_type: Some(RoleType::Admin),
        team_ids: Some(vec![TeamId(org.team_ids[2])]),
        has_mailing: Some(true),
        ..InvitationUpdate::default()
    };
    let changed = client
        .update_invitation(account, id, &change)
        .await
        .unwrap();
    assert_eq!(changed.role_type, RoleType::Admin);
    assert_eq!(changed.teams, vec![TeamId(org.team_ids[2])]);
    assert!(changed.has_mailing);

    client.cancel_invitation(account, id).await.unwrap();
    let cancelled = client.invitation(account, id).await.unwrap();
    assert_eq!(cancelled.status, InvitationStatus::Cancelled);
    let err = client
        .update_invitation(account, id, &change)
        .await
        .unwrap_err();
    assert_eq!(code(&err), Some((400, "cannot_update_invitation")));
}

#[tokio::test]
async fn an_accepted_invitation_cannot_be_cancelled() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);
    let mut accepted = None;
    for user in &org.normal_ids {
        let invitations = client
            .user_invitations(account, UserId(*user))
            .await
            .unwrap();
        accepted = accepted.or(invitations
            .into_iter()
            .find(|i| i.status == InvitationStatus::Accepted));
    }
    let accepted = accepted.expect("one member joined through an invitation");
    let err = client
        .cancel_invitation(account, accepted.id)
        .await
        .unwrap_err();
    assert_eq!(code(&err), Some((400, "invitation_is_already_accepted")));
}

#[tokio::test]
async fn the_per_address_sending_limit_is_reported_once_and_does_not_hold_the_token() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let account = support::account(&support::org(&api, "Rochat"));
    // A real-time budget: holding it would stall this test for a minute.
    let client = support::client(&api, tokens::DEMO);
    let first = client
        .invite(account, &newcomer("again@example.ch"))
        .await
        .unwrap();
    client.cancel_invitation(account, first.id).await.unwrap();

    let err = client
        .invite(account, &newcomer("again@example.ch"))
        .await
        .unwrap_err();
    assert_eq!(
        code(&err),
        Some((429, "invitation_sending_rate_limit_reached"))
    );
    assert_eq!(
        api.count("POST", "/1/accounts/"),
        2,
        "the refused invitation was sent once"
    );
    let next = tokio::time::timeout(Duration::from_secs(5), client.profile()).await;
    assert!(matches!(next, Ok(Ok(_))), "other requests go on at once");
}

#[tokio::test]
async fn product_access_goes_with_a_pending_invitation() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);
    let invitation = InvitationId(org.pending_invitation_ids[0]);
    let drives = client
        .account_products(account)
        .service_names(&["drive"])
        .all()
        .await
        .unwrap();
    let drive = AccessTarget::Drive(drives[0].id);
    let read = AccessGrant {
        role: AccessRole::User,
        right: Some(DriveRight::Read),
    };
    let write = AccessGrant {
        role: AccessRole::Admin,
        right: Some(DriveRight::Write),
    };

    let granted = client
        .grant_invitation_access(account, invitation, drive, &read)
        .await
        .unwrap();
    assert_eq!(granted.id, invitation, "the answer is the invitation");
    let err = client
        .grant_invitation_access(account, invitation, drive, &read)
        .await
        .unwrap_err();
    assert_eq!(code(&err), Some((409, "object_already_exists")));
    let updated = client
        .update_invitation_access(account, invitation, drive, &write)
        .await
        .unwrap();
    assert_eq!(updated.id, invitation);
    client
        .revoke_invitation_access(account, invitation, drive)
        .await
        .unwrap();
    let err = client
        .revoke_invitation_access(account, invitation, drive)
        .await
        .unwrap_err();
    assert!(err.is_object_not_found(), "{err:?}");

    let not_a_drive = AccessTarget::Drive(ProductId(org.product_ids[0]));
    let err = client
        .grant_invitation_access(account, invitation, not_a_drive, &read)
        .await
        .unwrap_err();
    let failure = err.api_failure().unwrap();
    assert_eq!(failure.fields[0].attribute.as_deref(), Some("drive_id"));

    let user = AccessGrant::default();
    let admin = AccessGrant {
        role: AccessRole::Admin,
        right: None,
    };
    for target in [AccessTarget::Kchat, AccessTarget::Ksuite] {
        let granted = client
            .grant_invitation_access(account, invitation, target, &user)
            .await
            .unwrap();
        assert_eq!(granted.id, invitation, "{target:?}");
        let updated = client
            .update_invitation_access(account, invitation, target, &admin)
            .await;
        let revoked = client
            .revoke_invitation_access(account, invitation, target)
            .await;
        // The spec has no route to change a kSuite access nor to withdraw kChat: the client
        // says so without sending anything.
        let unsupported = |r: Option<&Error>| {
            matches!(
                r,
                Some(Error::Request(RequestError::NoSuchAccessChange { .. }))
            )
        };
        match target {
            AccessTarget::Kchat => {
                assert_eq!(updated.unwrap().id, invitation);
                assert!(unsupported(revoked.as_ref().err()), "{revoked:?}");
            }
            AccessTarget::Ksuite => {
                assert!(unsupported(updated.as_ref().err()), "{updated:?}");
                revoked.unwrap();
            }
            AccessTarget::Drive(_) => unreachable!("kDrive is tested above"),
        }
    }
}

#[tokio::test]
async fn a_mailbox_is_given_with_its_name_and_permissions_as_the_spec_has_it() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);
    let invitation = InvitationId(org.pending_invitation_ids[0]);
    let mail = MailboxId(support::dispatch::mail_service(&api, account).await);
    let grant = MailboxGrant {
        mailbox_name: "box".into(),
        mailbox_permissions: MailboxPermissions::all(false),
    };

    let granted = client
        .grant_invitation_mailbox(account, invitation, mail, &grant)
        .await
        .unwrap();
    assert_eq!(granted.id, invitation, "the answer is the invitation");
    let again = client
        .grant_invitation_mailbox(account, invitation, mail, &grant)
        .await
        .unwrap_err();
    assert_eq!(code(&again), Some((409, "object_already_exists")));
    let managing = MailboxGrant {
        mailbox_permissions: MailboxPermissions::all(true),
        ..grant.clone()
    };
    client
        .update_invitation_mailbox(account, invitation, mail, &managing)
        .await
        .unwrap();
    client
        .revoke_invitation_mailbox(account, invitation, mail, "box")
        .await
        .unwrap();
    let gone = client
        .revoke_invitation_mailbox(account, invitation, mail, "box")
        .await
        .unwrap_err();
    assert!(gone.is_object_not_found(), "{gone:?}");

    // A product that is not a mail service is refused, naming `mail_id`.
    let not_mail = MailboxId(org.product_ids[0]);
    let refused = client
        .grant_invitation_mailbox(account, invitation, not_mail, &grant)
        .await
        .unwrap_err();
    let failure = refused.api_failure().unwrap();
    assert_eq!(failure.fields[0].attribute.as_deref(), Some("mail_id"));
}
