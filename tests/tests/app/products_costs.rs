//! Renewal costs, end to end in the demo: the Products page's "Costs" view, a total per
//! currency and a chart each, then the same figures as a table.

use e2e::App;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_costs_view_totals_each_currency_and_shows_a_table() {
    let app = App::demo().await.unwrap();
    app.click("a[href='#/products']", WAIT).await.unwrap();
    app.click("[data-testid=view-costs]", WAIT).await.unwrap();
    app.wait_for("[data-testid=costs-total]", WAIT)
        .await
        .unwrap();
    let totals = app.texts("[data-testid=costs-total]").await.unwrap();
    let charts = app.texts("[data-testid=costs-chart]").await.unwrap();
    assert_eq!(
        totals.len(),
        charts.len(),
        "one chart per currency: {totals:?}"
    );
    // The demo's kSuites and kDrives are offered monthly or yearly, and the API does not say
    // which: the view says their later renewals are not counted.
    let period = app
        .texts("[data-testid=costs-period-unknown]")
        .await
        .unwrap();
    assert_eq!(period.len(), 1, "{period:?}");
    assert!(period[0].contains("less than a year"), "{period:?}");
    app.wait_for("[data-testid=costs-bar]", WAIT).await.unwrap();
    app.client
        .execute(
            "document.querySelector('[data-testid=costs-chart]').scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
    // A picture taken at once can show the frame before the scroll.
    tokio::time::sleep(Duration::from_millis(500)).await;
    app.screenshot("products-costs-chart").await.unwrap();

    app.click("[data-testid=costs-as-table]", WAIT)
        .await
        .unwrap();
    app.wait_for("[data-testid=costs-row]", WAIT).await.unwrap();
    app.screenshot("products-costs-table").await.unwrap();
    app.close().await;
}
