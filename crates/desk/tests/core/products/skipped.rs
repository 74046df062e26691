//! Products the API sends without their id: left out and counted, by the whole read and by the
//! progressive first read alike, and the page's view says how many; never a failed page.

use super::progressive::{ORGANISATIONS, big_world};
use desk::sync::Area;
use sandbox::{Fault, FaultRule, SandboxConfig};
use std::sync::Arc;
use std::time::Duration;

#[tokio::test]
async fn the_whole_read_leaves_out_products_without_ids_and_the_view_counts_them() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let total = api.world().total_products();
    let clean = desk.products(&id).await.unwrap();
    assert_eq!((clean.items.len(), clean.skipped), (total, 0));

    api.inject(FaultRule::new("/1/products", Fault::ItemsWithoutIds(2)));
    desk.refresh(&id, Area::Products).await.unwrap();
    let view = desk.products(&id).await.unwrap();
    assert_eq!(view.skipped, 2);
    assert_eq!(view.items.len(), total - 2, "the others are listed");

    // The count belongs to the last read: a clean one clears it.
    desk.refresh(&id, Area::Products).await.unwrap();
    let again = desk.products(&id).await.unwrap();
    assert_eq!((again.items.len(), again.skipped), (total, 0));
}

#[tokio::test]
async fn the_first_read_of_a_big_board_counts_what_it_left_out_on_every_page() {
    let (api, desk, id) = big_world(Arc::new(super::progressive::JumpClock::default())).await;
    let total = api.world().total_products();
    let mut changes = desk.subscribe();
    // On the first page, read by the page itself.
    api.inject(FaultRule::new("/1/products", Fault::ItemsWithoutIds(3)));

    let first = desk.products(&id).await.unwrap();
    assert!(
        first.progress.is_some(),
        "the read goes on in the background"
    );
    assert_eq!(first.skipped, 3);
    // And on the last page, which the background read fetches.
    api.inject(FaultRule::new("/1/products", Fault::ItemsWithoutIds(2)));

    let done = loop {
        tokio::time::timeout(Duration::from_secs(30), changes.recv())
            .await
            .expect("the read goes on")
            .unwrap();
        let view = desk.products(&id).await.unwrap();
        if view.progress.is_none() {
            break view;
        }
    };
    assert_eq!(done.skipped, 5);
    assert_eq!(done.items.len(), total - 5, "the others are listed");
    assert_eq!(
        done.organisations.len(),
        usize::try_from(ORGANISATIONS).unwrap(),
        "every organisation's renewals were read"
    );
}
