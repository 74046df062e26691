//! Products and automatic renewal against the local API: both API profiles, mixed results, the
//! 14-day refusal and the audit log.
#![allow(clippy::unwrap_used, clippy::panic)] // a test fails by panicking

use desk::products::RenewalsState;
use desk::products::renewals::{RenewalGroup, first_payment_attempt};
use desk::products::{ProductRow, ProductsView};
use desk::store::audit::AuditResult;
use desk::{Error, ErrorCode};
use infomaniak::ProductId;
use sandbox::SandboxConfig;

fn row<'a>(view: &'a ProductsView, org: &str, name: &str) -> &'a ProductRow {
    view.items
        .iter()
        .find(|r| r.name == name && r.organisation.as_deref().is_some_and(|o| o.contains(org)))
        .unwrap_or_else(|| panic!("no {name} in {org}"))
}

#[tokio::test]
async fn every_product_is_listed_with_its_organisation_renewal_and_group() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let view = desk.products(&id).await.unwrap();

    assert_eq!(view.items.len(), api.world().total_products());
    assert!(!view.auto_renew_in_manager);
    assert!(
        view.organisations
            .iter()
            .any(|o| o.renewals == RenewalsState::Known)
    );

    let auto = row(&view, "Rochat", "rochat-fils.ch");
    assert_eq!(auto.service, "domain");
    assert_eq!(auto.auto_renew, Some(true));
    assert_eq!(auto.group, RenewalGroup::AutoRenew);
    let expiry = auto.expires_at.unwrap();
    assert_eq!(auto.payment_attempt_at, Some(first_payment_attempt(expiry)));
    assert_eq!(
        auto.price.as_ref().unwrap().currency.as_deref(),
        Some("CHF")
    );

    let manual = row(&view, "Rochat", "rochat-fils.swiss");
    assert_eq!(manual.group, RenewalGroup::RenewManually);
    assert!(!manual.can_switch_on);
    assert_eq!(
        row(&view, "Rochat", "rochat-fils.ch (SSL)").group,
        RenewalGroup::Expired
    );
    let never = row(&view, "Rochat", "Swiss Backup Rochat");
    assert_eq!(
        (never.group, never.days_left),
        (RenewalGroup::NoExpiry, None)
    );
    // Soonest expiry first, products that never expire last.
    assert!(view.items.last().unwrap().expires_at.is_none());
    assert!(view.items[0].expires_at <= view.items[1].expires_at);
}

#[tokio::test]
async fn a_second_read_is_answered_from_the_cache() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    desk.products(&id).await.unwrap();
    api.clear_requests();
    desk.products(&id).await.unwrap();
    assert_eq!(api.requests().len(), 0);
}

#[tokio::test]
async fn switching_off_one_product_is_audited_and_moves_it_on_the_board() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let view = desk.products(&id).await.unwrap();
    let hosting = row(&view, "Rochat", "Site rochat-fils.ch").clone();
    assert_eq!(hosting.group, RenewalGroup::AutoRenew);

    let outcome = desk
        .set_auto_renew(&id, &[ProductId(hosting.id)], false)
        .await
        .unwrap();
    assert_eq!(outcome.items.len(), 1);
    assert!(outcome.items[0].changed);
    assert_eq!(api.count("PUT", "/1/accounts"), 1);

    let after = desk.products(&id).await.unwrap();
    let moved = row(&after, "Rochat", "Site rochat-fils.ch");
    assert_eq!(moved.auto_renew, Some(false));
    assert_eq!(moved.group, RenewalGroup::ComingSoon);
    assert_eq!(moved.payment_attempt_at, None);

    let log = desk.store().audit_log(&id, 5).unwrap();
    assert_eq!(log[0].action, "auto_renew.off");
    assert_eq!(log[0].target, "Site rochat-fils.ch");
    assert_eq!(log[0].result, AuditResult::Done);
}

#[tokio::test]
async fn a_selection_across_organisations_reports_each_product() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let view = desk.products(&id).await.unwrap();
    // Rochat pays by card; the association has no automatic payment method.
    let drive = row(&view, "Rochat", "kDrive Rochat & Fils").id;
    let mail = view
        .items
        .iter()
        .find(|r| r.name == "amis-du-leman.ch" && r.service == "email_hosting")
        .unwrap()
        .clone();

    let outcome = desk
        .set_auto_renew(&id, &[ProductId(drive), ProductId(mail.id)], true)
        .await
        .unwrap();
    assert!(outcome.enabled);
    let by_id = |pid| outcome.items.iter().find(|i| i.product_id == pid).unwrap();
    assert!(by_id(drive).changed);
    let refused = by_id(mail.id);
    assert!(!refused.changed);
    assert_eq!(refused.code.as_deref(), Some("no_supported_payment_method"));
    assert!(refused.message.as_deref().unwrap().contains("card"));
    assert_eq!(
        api.count("PUT", "/1/accounts"),
        2,
        "one request per organisation"
    );

    let log = desk.store().audit_log(&id, 5).unwrap();
    let results: Vec<_> = log.iter().map(|e| (e.action.as_str(), e.result)).collect();
    assert!(results.contains(&("auto_renew.on", AuditResult::Done)));
    assert!(results.contains(&("auto_renew.on", AuditResult::Failed)));

    let after = desk.products(&id).await.unwrap();
    assert_eq!(
        row(&after, "Rochat", "kDrive Rochat & Fils").auto_renew,
        Some(true)
    );
}

#[tokio::test]
async fn switching_on_inside_fourteen_days_is_refused_before_anything_is_sent() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let view = desk.products(&id).await.unwrap();
    let late = row(&view, "Rochat", "rochat-fils.swiss").id;
    let fine = row(&view, "Rochat", "kDrive Rochat & Fils").id;
    let never = row(&view, "Rochat", "Swiss Backup Rochat").id;
    api.clear_requests();

    let err = desk
        .set_auto_renew(&id, &[ProductId(fine), ProductId(late)], true)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::AutoRenewTooLate { products } if products == "rochat-fils.swiss")
    );
    assert_eq!(err.code(), ErrorCode::Validation);
    let err = desk
        .set_auto_renew(&id, &[ProductId(never)], true)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::AutoRenewTooLate { .. }));
    assert_eq!(api.requests().len(), 0);
    assert!(desk.store().audit_log(&id, 5).unwrap().is_empty());

    // Switching off is always allowed.
    let outcome = desk
        .set_auto_renew(&id, &[ProductId(late)], false)
        .await
        .unwrap();
    assert!(outcome.items[0].changed);
}

#[tokio::test]
async fn an_unknown_product_is_refused() {
    let (_api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let err = desk
        .set_auto_renew(&id, &[ProductId(999_999_999)], false)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[tokio::test]
async fn on_the_published_api_products_are_listed_and_renewals_hand_off_to_the_manager() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::published()).await;
    let view = desk.products(&id).await.unwrap();

    assert_eq!(view.items.len(), api.world().total_products());
    assert!(view.auto_renew_in_manager);
    assert!(
        view.organisations
            .iter()
            .all(|o| o.renewals == RenewalsState::Missing)
    );
    assert_eq!(
        api.count(
            "GET",
            &format!("/1/accounts/{}/renewals", view.organisations[0].account_id)
        ),
        1
    );
    let renewal_reads = api
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/renewals"))
        .count();
    assert_eq!(renewal_reads, 1, "the first method_not_found settles it");
    let first = &view.organisations[0];
    assert_eq!(
        first.renewal_page,
        format!(
            "https://manager.infomaniak.com/v3/{}/accounts/accounting/renewal",
            first.account_id
        )
    );
    // Unknown renewal: the safe reading, renew manually inside 14 days.
    assert_eq!(row(&view, "Rochat", "rochat-fils.ch").auto_renew, None);
    assert_eq!(
        row(&view, "Rochat", "rochat-fils.ch").group,
        RenewalGroup::RenewManually
    );

    let hosting = row(&view, "Rochat", "Site rochat-fils.ch").id;
    let err = desk
        .set_auto_renew(&id, &[ProductId(hosting)], false)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotSupportedByApi);
    let log = desk.store().audit_log(&id, 5).unwrap();
    assert_eq!(
        (log[0].action.as_str(), log[0].result),
        ("auto_renew.off", AuditResult::Failed)
    );
}

mod progressive;
mod renewals;
mod skipped;
mod spec;
