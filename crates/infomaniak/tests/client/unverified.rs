//! The `unverified` routes where the API serves them: renewals, automatic renewal, support
//! access. (Where it does not, every one answers `method_not_found`: see `every_route.rs`.)

use crate::support;

use infomaniak::models::{ItemResult, PaymentMethod, SupportContent};
use infomaniak::{Error, ProductId, RequestError};
use sandbox::{SandboxConfig, tokens};

const DAY: i64 = 86_400;

#[tokio::test]
async fn renewals_list_expiring_products_with_their_payment_dates() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let client = support::fast_client(&api, tokens::DEMO);

    let renewals = client.renewals(support::account(&org)).all().await.unwrap();
    assert!(!renewals.is_empty());
    for renewal in &renewals {
        assert!(org.product_ids.contains(&renewal.product_id.0));
        let expiry = renewal
            .expired_at
            .expect("only expiring products are listed");
        assert_eq!(renewal.auto_renew_available_until, Some(expiry - 14 * DAY));
        assert_eq!(
            renewal.next_payment_attempt_at.is_some(),
            renewal.auto_renew
        );
        assert_eq!(renewal.payment_method, Some(PaymentMethod::Card));
        assert!(renewal.price.is_some_and(|p| p.amount_incl_tax.is_some()));
    }
}

#[tokio::test]
async fn automatic_renewal_answers_product_by_product() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let client = support::fast_client(&api, tokens::DEMO);
    let rochat = support::account(&support::org(&api, "Rochat"));
    let renewals = client.renewals(rochat).all().await.unwrap();
    // Expires in 11 days, inside the 14 during which automatic renewal cannot be switched on.
    let soon = renewals
        .iter()
        .find(|r| r.customer_name == "rochat-fils.swiss")
        .unwrap();
    // Expires in 20 days, automatic renewal off, and the organisation pays by card.
    let later = renewals.iter().find(|r| r.service_name == "drive").unwrap();
    assert!(!later.auto_renew);

    let results = client
        .set_auto_renew(
            rochat,
            &[soon.product_id, later.product_id, ProductId(1)],
            true,
        )
        .await
        .unwrap();
    assert_eq!(results.len(), 3);
    let by = |id: ProductId| results.iter().find(|r| r.product_id == id).unwrap();
    assert_eq!(
        by(soon.product_id).error.as_ref().map(|e| e.code.as_str()),
        Some("auto_renew_too_close_to_expiry")
    );
    assert!(by(later.product_id).is_success());
    let after = client.renewals(rochat).all().await.unwrap();
    assert!(
        after
            .iter()
            .any(|r| r.product_id == later.product_id && r.auto_renew)
    );
    assert_eq!(by(ProductId(1)).result, ItemResult::Error);

    // No card and no Twint profile at the association.
    let leman = support::account(&support::org(&api, "Léman"));
    let far = client
        .renewals(leman)
        .all()
        .await
        .unwrap()
        .into_iter()
        .max_by_key(|r| r.expired_at)
        .unwrap();
    let results = client
        .set_auto_renew(leman, &[far.product_id], true)
        .await
        .unwrap();
    assert_eq!(
        results[0].error.as_ref().map(|e| e.code.as_str()),
        Some("no_supported_payment_method")
    );
}

#[tokio::test]
async fn support_access_is_granted_for_seven_days_one_content_at_a_time() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let client = support::fast_client(&api, tokens::DEMO);

    let accesses = client.support_accesses().await.unwrap();
    let contents: Vec<SupportContent> = accesses.iter().map(|a| a.content).collect();
    assert_eq!(
        contents,
        [
            SupportContent::Mail,
            SupportContent::Kdrive,
            SupportContent::Kchat
        ]
    );
    assert!(accesses[0].enabled && !accesses[1].enabled);

    let granted = client
        .set_support_access(SupportContent::Kdrive, true)
        .await
        .unwrap();
    assert!(granted.enabled);
    let (from, to) = (granted.granted_at.unwrap(), granted.expires_at.unwrap());
    assert_eq!(to - from, 7 * DAY);

    let revoked = client
        .set_support_access(SupportContent::Mail, false)
        .await
        .unwrap();
    assert!(!revoked.enabled);
    let after = client.support_accesses().await.unwrap();
    assert_eq!(
        after.iter().map(|a| a.enabled).collect::<Vec<_>>(),
        [false, true, false]
    );

    let requests = api.requests().len();
    let err = client
        .set_support_access(SupportContent::Unknown, true)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Request(RequestError::UnknownSupportContent)),
        "{err:?}"
    );
    assert_eq!(api.requests().len(), requests, "nothing was sent");
}
