//! Invoices, end to end in the demo: the list of an organisation with its totals per currency,
//! the unpaid filter, and every organisation at once. Saving a PDF goes through a native dialog
//! WebDriver cannot drive: the core's own tests prove the saved file is a whole PDF.

// Tests stop at the first broken expectation: panicking is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use e2e::{App, Launch};
use fantoccini::Locator;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

async fn count(app: &App, css: &str) -> usize {
    app.client.find_all(Locator::Css(css)).await.unwrap().len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_total_and_filter_the_invoices() {
    let app = App::launch(Launch {
        args: vec!["--demo".into()],
        ..Launch::default()
    })
    .await
    .unwrap();
    app.click("a[href='#/invoices']", WAIT).await.unwrap();
    app.wait_for("[data-testid=invoice-row]", WAIT)
        .await
        .unwrap();
    let all = count(&app, "[data-testid=invoice-row]").await;
    assert!(all > 1, "the demo organisation has invoices");
    let totals = app.texts("[data-testid=invoice-total]").await.unwrap();
    assert!(!totals.is_empty(), "a total per currency");
    assert!(totals.iter().all(|t| t.contains("invoices")), "{totals:?}");

    // Unpaid only: fewer rows, every one unpaid.
    app.click("[data-testid=invoices-unpaid]", WAIT)
        .await
        .unwrap();
    let mut unpaid = all;
    for _ in 0..100 {
        unpaid = count(&app, "[data-testid=invoice-row]").await;
        if unpaid < all {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(unpaid >= 1 && unpaid < all, "{unpaid} unpaid of {all}");
    assert_eq!(
        count(&app, "[data-testid=invoice-row][data-unpaid=true]").await,
        unpaid
    );
    app.screenshot("invoices-unpaid").await.unwrap();

    // Every organisation at once: more unpaid invoices, with their organisation named.
    app.click("[data-testid=invoices-org] option[value=all]", WAIT)
        .await
        .unwrap();
    let mut across = unpaid;
    for _ in 0..150 {
        across = count(&app, "[data-testid=invoice-row]").await;
        if across > unpaid {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(across > unpaid, "{across} unpaid across organisations");
    app.screenshot("invoices-all-organisations").await.unwrap();
    app.close().await;
}
