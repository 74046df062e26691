//! Invoices, end to end in the demo: the list of an organisation with its totals per currency,
//! the unpaid filter, every organisation at once, and saving a PDF through the native dialog
//! (answered with xdotool, since WebDriver only reaches the web page).

use e2e::App;
use fantoccini::Locator;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

async fn count(app: &App, css: &str) -> usize {
    app.client.find_all(Locator::Css(css)).await.unwrap().len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_total_and_filter_the_invoices() {
    let app = App::demo().await.unwrap();
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

/// Why the native save dialog could not be answered.
#[derive(Debug, thiserror::Error)]
enum DialogError {
    #[error("xdotool: {0} (install the package xdotool)")]
    Xdotool(#[from] std::io::Error),
    #[error("no save dialog appeared")]
    NoDialog,
}

/// Drives the native save dialog the way a person does: focus it, type the path, press Enter.
/// WebDriver cannot reach GTK's own windows; xdotool can, on the same X display.
fn answer_save_dialog(path: &std::path::Path) -> Result<(), DialogError> {
    let xdotool = |args: &[&str]| std::process::Command::new("xdotool").args(args).output();
    for _ in 0..100 {
        let found = xdotool(&["search", "--onlyvisible", "--name", "Save"])?;
        let ids = String::from_utf8_lossy(&found.stdout).to_string();
        if let Some(dialog) = ids.lines().last().filter(|l| !l.is_empty()) {
            xdotool(&["windowfocus", "--sync", dialog])?;
            xdotool(&["key", "--clearmodifiers", "ctrl+a"])?;
            xdotool(&["type", "--delay", "20", &path.display().to_string()])?;
            xdotool(&["key", "Return"])?;
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Err(DialogError::NoDialog)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn save_an_invoice_through_the_native_dialog() {
    let app = App::demo().await.unwrap();
    app.click("a[href='#/invoices']", WAIT).await.unwrap();
    let folder = app.home.join("saved");
    std::fs::create_dir_all(&folder).unwrap();
    let target = folder.join("invoice.pdf");
    app.click("[data-testid=invoice-save-as]", WAIT)
        .await
        .unwrap();
    let answered = {
        let target = target.clone();
        tokio::task::spawn_blocking(move || answer_save_dialog(&target))
    };
    answered.await.unwrap().unwrap();
    app.wait_for("[data-testid=invoice-saved]", WAIT)
        .await
        .unwrap();
    let bytes = std::fs::read(&target).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "the saved file is a PDF");
    let leftovers: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "nothing half-written beside it: {leftovers:?}"
    );
    app.close().await;
}
