//! Products given with an invitation, against the local API: each access follows the invitation,
//! one refused does not undo the others, and each is in the audit log.

use crate::support::acct;
use desk::sync::Area;
use desk::users::InviteForm;
use desk::users::Role;
use desk::users::{DriveAccess, ProductAccessChoice};
use infomaniak::AccountId;
use sandbox::SandboxConfig;

#[tokio::test]
async fn a_kdrive_and_kchat_come_with_the_invitation_and_a_wrong_drive_is_reported_alone() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let (account, drive) = owned_product(&api, &desk, &id, "drive").await;
    let form = newcomer(
        "noe.rochat@example.ch",
        vec![
            ProductAccessChoice::Drive {
                product_id: drive.id,
                right: DriveAccess::Write,
                admin: false,
            },
            ProductAccessChoice::Kchat { admin: true },
            ProductAccessChoice::Drive {
                product_id: 1,
                right: DriveAccess::Read,
                admin: false,
            },
        ],
    );
    api.clear_requests();
    let outcome = desk
        .organisation(&id, acct(account))
        .users()
        .invite(form)
        .await
        .unwrap();

    assert_eq!(outcome.access_refused.len(), 1, "{outcome:?}");
    assert_eq!(outcome.access_refused[0].product, "kDrive 1");
    assert!(outcome.access_refused[0].error_code.is_some());
    // kChat's one route is PATCH (it sets the role), as in the published spec.
    let posts: Vec<(String, u16)> = api
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" || r.method == "PATCH")
        .map(|r| (format!("{} {}", r.method, r.path), r.status))
        .collect();
    assert_eq!(posts.len(), 4, "{posts:?}");
    assert_eq!(posts[0].1, 201, "the invitation first");
    assert!(
        posts[1].0.ends_with("/drive") && posts[1].1 == 201,
        "{posts:?}"
    );
    assert!(
        posts[2].0.starts_with("PATCH") && posts[2].0.ends_with("/kchat") && posts[2].1 == 200,
        "{posts:?}"
    );
    assert!(
        posts[3].0.ends_with("/drive") && posts[3].1 == 422,
        "{posts:?}"
    );

    let log = desk.store().audit_log(&id, 10).unwrap();
    let access: Vec<&str> = log
        .iter()
        .filter(|e| e.action == "invitation.access")
        .map(|e| e.target.as_str())
        .collect();
    assert_eq!(access.len(), 3);
    assert!(access.contains(&format!("{} for noe.rochat@example.ch", drive.name).as_str()));
    assert!(access.contains(&"kChat for noe.rochat@example.ch"));
}

/// The organisation the demo person owns, and its first product of `service`.
async fn owned_product(
    api: &sandbox::Sandbox,
    desk: &std::sync::Arc<desk::Desk>,
    id: &desk::ProfileId,
    service: &str,
) -> (AccountId, desk::products::ProductRow) {
    desk.refresh(id, Area::Products).await.unwrap();
    let org = api
        .world()
        .organisations
        .into_iter()
        .find(|o| o.relation == "owner")
        .unwrap();
    let account = AccountId(org.id);
    let product = desk
        .products(id)
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|p| p.service == service && p.account_id == Some(account))
        .unwrap_or_else(|| panic!("no {service} in {}", org.name));
    (account, product)
}

fn newcomer(email: &str, product_access: Vec<ProductAccessChoice>) -> InviteForm {
    InviteForm {
        email: email.into(),
        first_name: "Lou".into(),
        last_name: "Rochat".into(),
        locale: "fr_FR".into(),
        role: Role::Collaborator,
        billing_access: false,
        contact_billing: false,
        contact_products: false,
        team_ids: Vec::new(),
        silent: true,
        strict: false,
        product_access,
    }
}

#[tokio::test]
async fn a_mailbox_comes_with_the_invitation_by_name_and_a_bad_name_sends_nothing() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let (account, mail) = owned_product(&api, &desk, &id, "email_hosting").await;
    let users = desk.organisation(&id, acct(account));
    let users = users.users();

    // A name with an `@` or a space is refused before anything is sent.
    api.clear_requests();
    let typo = ProductAccessChoice::Mailbox {
        service_id: mail.id,
        mailbox_name: "lou@rochat".into(),
        manage: false,
    };
    let refused = users
        .invite(newcomer("lou@example.ch", vec![typo]))
        .await
        .unwrap_err();
    assert_eq!(refused.field(), Some("mailbox_name"));
    assert!(api.requests().is_empty(), "{:?}", api.requests());

    let choice = ProductAccessChoice::Mailbox {
        service_id: mail.id,
        mailbox_name: " lou ".into(),
        manage: true,
    };
    let outcome = users
        .invite(newcomer("lou@example.ch", vec![choice]))
        .await
        .unwrap();
    assert!(outcome.access_refused.is_empty(), "{outcome:?}");
    let sent: Vec<_> = api
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .map(|r| (r.path, r.status))
        .collect();
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert!(
        sent[1].0.ends_with(&format!("/mailbox/{}", mail.id)) && sent[1].1 == 201,
        "{sent:?}"
    );
    let log = desk.store().audit_log(&id, 5).unwrap();
    let expected = format!("lou@{} for lou@example.ch", mail.name);
    assert!(
        log.iter()
            .any(|e| e.action == "invitation.access" && e.target == expected),
        "{log:?}"
    );
}
