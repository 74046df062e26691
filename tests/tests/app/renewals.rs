//! The renewals board end to end: the demo's products, classified, and automatic renewal switched
//! off for one product after a confirmation that names it, then undone beside its result.

use e2e::App;
use fantoccini::Locator;
use std::time::Duration;

const PRODUCT: &str = "Site rochat-fils.ch";
const WAIT: Duration = Duration::from_secs(30);

#[tokio::test]
async fn switch_off_automatic_renewal_from_the_renewals_board() {
    let app = App::demo().await.unwrap();
    app.client
        .find(Locator::Css("a[href='#/products']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    let auto = "[data-testid=board-group-auto_renew] [data-testid=board-row]";
    app.wait_for(auto, WAIT).await.unwrap();
    for group in ["expired", "renew_manually", "coming_soon"] {
        let css = format!("[data-testid=board-group-{group}] [data-testid=board-row]");
        assert!(
            !app.texts(&css).await.unwrap().is_empty(),
            "{group} is empty"
        );
    }
    app.screenshot("renewals-board").await.unwrap();

    let mut switch = None;
    for row in app.client.find_all(Locator::Css(auto)).await.unwrap() {
        let name = row
            .find(Locator::Css("[data-testid=board-row-name]"))
            .await
            .unwrap();
        if name.text().await.unwrap() == PRODUCT {
            switch = Some(
                row.find(Locator::Css("[data-testid=switch-off]"))
                    .await
                    .unwrap(),
            );
        }
    }
    switch
        .unwrap_or_else(|| panic!("{PRODUCT} renews automatically in the demo"))
        .click()
        .await
        .unwrap();

    app.wait_for(
        "[role=alertdialog][data-state=open] [data-testid=confirm-products] li",
        WAIT,
    )
    .await
    .unwrap();
    app.screenshot("renewals-confirm").await.unwrap();
    let named = app.texts("[data-testid=confirm-products]").await.unwrap();
    assert_eq!(named, vec![PRODUCT.to_owned()]);
    app.client
        .find(Locator::Css(
            "[role=alertdialog][data-state=open] [data-testid=confirm]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    app.wait_for("[data-testid=switch-done]", WAIT)
        .await
        .unwrap();
    let done = app
        .texts("[data-testid=switch-done]")
        .await
        .unwrap()
        .join(" ");
    assert!(done.contains(PRODUCT), "result says {done:?}");

    // The board re-reads: the product now waits for a decision within 60 days.
    let soon = "[data-testid=board-group-coming_soon] [data-testid=board-row-name]";
    let mut moved = false;
    for _ in 0..40 {
        if app.texts(soon).await.unwrap().iter().any(|n| n == PRODUCT) {
            moved = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(moved, "{PRODUCT} did not move to the 60-day group");
    app.screenshot("renewals-switched-off").await.unwrap();

    // More than 14 days before expiry: the switch-off can be undone beside its result.
    app.client
        .execute(
            "document.querySelector('[data-testid=switch-results]').scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.screenshot("renewals-undo-offered").await.unwrap();
    app.click("[data-testid=switch-undo]", WAIT).await.unwrap();
    let mut back_on = false;
    for _ in 0..40 {
        let done = app
            .texts("[data-testid=switch-done]")
            .await
            .unwrap()
            .join(" ");
        if done.contains("now on") && done.contains(PRODUCT) {
            back_on = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(back_on, "the undo did not switch {PRODUCT} back on");
    let auto_names = "[data-testid=board-group-auto_renew] [data-testid=board-row-name]";
    let mut returned = false;
    for _ in 0..40 {
        if app
            .texts(auto_names)
            .await
            .unwrap()
            .iter()
            .any(|n| n == PRODUCT)
        {
            returned = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(
        returned,
        "{PRODUCT} is not back among those renewing by themselves"
    );
    app.close().await;
}
