//! Products as the published spec describes them: a sub-product (`parent_id`) listed beneath
//! its parent, and the caller's `rights` deciding whether renewing is offered.

use desk::products::ProductsView;
use sandbox::SandboxConfig;

fn of<'a>(view: &'a ProductsView, org: &str) -> Vec<&'a desk::products::ProductRow> {
    view.items
        .iter()
        .filter(|r| r.organisation.as_deref().is_some_and(|o| o.contains(org)))
        .collect()
}

#[tokio::test]
async fn a_certificate_is_listed_right_beneath_the_hosting_it_hangs_under() {
    let (_api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let view = desk.products(&id).await.unwrap();
    let rochat = of(&view, "Rochat");
    let hosting = rochat.iter().find(|r| r.service == "hosting").unwrap();
    let position = |id: u64| view.items.iter().position(|r| r.id == id).unwrap();
    let children: Vec<_> = rochat
        .iter()
        .filter(|r| r.parent_id == Some(hosting.id))
        .collect();
    assert!(
        !children.is_empty(),
        "the demo hangs certificates under a hosting"
    );
    for child in children {
        assert_eq!(child.service, "certificate");
        assert_eq!(child.parent_service.as_deref(), Some("hosting"));
        let between = &view.items[position(hosting.id) + 1..position(child.id)];
        assert!(
            between.iter().all(|r| r.parent_id == Some(hosting.id)),
            "only siblings between a parent and its child"
        );
    }
}

#[tokio::test]
async fn renewing_is_forbidden_exactly_where_the_callers_rights_lack_sale() {
    let (_api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let view = desk.products(&id).await.unwrap();
    let collaborator = of(&view, "Boulangerie");
    let owner = of(&view, "Rochat");
    assert!(!collaborator.is_empty() && !owner.is_empty());
    assert!(
        collaborator.iter().all(|r| r.renew_forbidden),
        "a collaborator may not buy or renew"
    );
    assert!(owner.iter().all(|r| !r.renew_forbidden));
}
