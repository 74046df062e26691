//! Paging: every list sends `page` and `per_page`, follows `pages`, streams, and keeps each item
//! once.

use crate::support;

use futures::TryStreamExt;
use infomaniak::UserOrder;
use sandbox::{SandboxConfig, Scale, tokens};

#[tokio::test]
async fn a_small_page_size_walks_every_page_and_finds_the_same_users() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);

    let at_once = client
        .users(account)
        .order_by(UserOrder::Email)
        .all()
        .await
        .unwrap();
    api.clear_requests();
    let by_three = client
        .users(account)
        .order_by(UserOrder::Email)
        .per_page(3)
        .all()
        .await
        .unwrap();
    assert_eq!(by_three, at_once);

    let pages = at_once.len().div_ceil(3);
    let queries: Vec<String> = api.requests().into_iter().filter_map(|r| r.query).collect();
    assert_eq!(queries.len(), pages);
    for (n, query) in queries.iter().enumerate() {
        assert!(
            query.contains(&format!("page={}&per_page=3", n + 1)),
            "{query}"
        );
    }
}

#[tokio::test]
async fn one_page_carries_the_counters() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let client = support::fast_client(&api, tokens::DEMO);
    let total = org.nb_users + org.nb_invitations;

    let second = client
        .users(support::account(&org))
        .per_page(4)
        .page(2)
        .await
        .unwrap();
    assert_eq!(second.page, 2);
    assert_eq!(second.pages, u64::try_from(total.div_ceil(4)).unwrap());
    assert_eq!(second.total, Some(u64::try_from(total).unwrap()));
    assert_eq!(second.items.len(), 4);
    assert!(second.has_next());
}

#[tokio::test]
async fn the_stream_yields_the_same_items_page_by_page() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Lumen");
    let client = support::fast_client(&api, tokens::DEMO);
    let all = client.invoices(support::account(&org)).all().await.unwrap();
    api.clear_requests();

    // Pages asked, each once however often a slow answer was retried (a loaded machine can time
    // a read out): what is measured is how far the stream reads ahead, not the retries.
    let pages_asked = || {
        api.requests()
            .into_iter()
            .map(|r| r.query)
            .collect::<std::collections::HashSet<_>>()
            .len()
    };
    let mut stream = Box::pin(client.invoices(support::account(&org)).per_page(5).stream());
    let first = stream.try_next().await.unwrap().unwrap();
    assert_eq!(pages_asked(), 1, "the first item needs only the first page");
    let mut streamed = vec![first];
    while let Some(invoice) = stream.try_next().await.unwrap() {
        streamed.push(invoice);
    }
    assert_eq!(streamed, all);
    assert_eq!(pages_asked(), all.len().div_ceil(5));
}

#[tokio::test]
async fn organisations_are_read_in_one_request_without_paging_as_the_spec_has_it() {
    let api = support::roomy(SandboxConfig {
        scale: Scale::Large(60),
        ..SandboxConfig::demo()
    })
    .await;
    let client = support::fast_client(&api, tokens::DEMO);
    let organisations = client.accounts().await.unwrap();
    assert!(organisations.len() >= 60, "{}", organisations.len());
    let requests = api.requests();
    assert_eq!(requests.len(), 1, "one request for every organisation");
    let sent = requests[0].query.clone().unwrap_or_default();
    // The published spec declares no `page` nor `per_page` for this list.
    assert!(!sent.contains("page"), "{sent}");
}

#[tokio::test]
async fn a_failing_page_ends_the_stream_with_its_error() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Rochat");
    let client = support::fast_client(&api, tokens::DEMO);
    let mut stream = Box::pin(client.users(support::account(&org)).per_page(3).stream());
    for _ in 0..3 {
        stream.try_next().await.unwrap().unwrap();
    }
    let path = format!("/2/accounts/{}/users", org.id);
    api.inject(sandbox::FaultRule::new(path, sandbox::Fault::Status(403)));
    let err = stream.try_next().await.unwrap_err();
    assert_eq!(err.api_failure().map(|f| f.status), Some(403));
    assert!(
        stream.try_next().await.unwrap().is_none(),
        "nothing after the error"
    );
}
