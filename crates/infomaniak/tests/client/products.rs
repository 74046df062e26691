//! Products across organisations and of one, and the services in use.

use crate::support;

use infomaniak::{Direction, ProductOrder};
use sandbox::{SandboxConfig, tokens};
use std::collections::BTreeSet;

#[tokio::test]
async fn every_product_of_every_organisation_and_the_plain_filters() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let world = api.world();
    let client = support::fast_client(&api, tokens::DEMO);

    let all = client.products().all().await.unwrap();
    assert_eq!(all.len(), world.total_products());
    let ids: BTreeSet<u64> = all.iter().map(|p| p.id.0).collect();
    assert_eq!(ids.len(), all.len(), "each product once");

    let org = support::org(&api, "Lumen");
    let of_one = client
        .products()
        .account(support::account(&org))
        .all()
        .await
        .unwrap();
    assert_eq!(of_one.len(), org.product_ids.len());
    assert!(
        of_one
            .iter()
            .all(|p| p.account_id == Some(support::account(&org)))
    );

    let domains = client
        .products()
        .service_name("domain")
        .all()
        .await
        .unwrap();
    assert!(!domains.is_empty() && domains.iter().all(|p| p.service_name == "domain"));

    let by_expiry = client
        .products()
        .order_by(ProductOrder::ExpiredAt)
        .order(Direction::Desc)
        .all()
        .await
        .unwrap();
    let expiries: Vec<i64> = by_expiry.iter().filter_map(|p| p.expired_at).collect();
    assert!(expiries.windows(2).all(|w| w[0] >= w[1]));
}

#[tokio::test]
async fn an_organisations_products_filtered_by_several_services() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);

    let products = client.account_products(account).all().await.unwrap();
    assert_eq!(products.len(), org.product_ids.len());
    let never = products
        .iter()
        .find(|p| p.service_name == "swiss_backup")
        .unwrap();
    assert_eq!(
        never.expired_at, None,
        "a product that never expires has no expiry"
    );
    assert!(products.iter().any(|p| p.is_trial));

    let chosen = client
        .account_products(account)
        .service_names(&["domain", "drive"])
        .all()
        .await
        .unwrap();
    let kinds: BTreeSet<&str> = chosen.iter().map(|p| p.service_name.as_str()).collect();
    assert_eq!(kinds, BTreeSet::from(["domain", "drive"]));
    let sent = api.requests().last().and_then(|r| r.query.clone()).unwrap();
    assert_eq!(
        sent.matches("filter%5Bservice_names%5D%5B%5D=").count(),
        2,
        "{sent}"
    );

    let services = client.services(account).await.unwrap();
    let counted: u32 = services.iter().map(|s| s.count).sum();
    assert_eq!(usize::try_from(counted).unwrap(), products.len());
    assert!(services.iter().any(|s| s.name == "domain" && s.count == 2));
}

#[tokio::test]
async fn held_products_say_why() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Léman");
    let products = support::fast_client(&api, tokens::DEMO)
        .account_products(support::account(&org))
        .all()
        .await
        .unwrap();
    let locked = products.iter().find(|p| p.is_locked).unwrap();
    assert!(locked.status.locked.is_some());
    let maintained = products.iter().find(|p| p.has_maintenance).unwrap();
    assert!(maintained.status.maintenance.is_some());
}
