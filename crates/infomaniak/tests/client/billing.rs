//! Invoices, their pre-signed PDF, and the prepaid history (`observed` routes).

use crate::support;

use infomaniak::{AccountId, Error, RequestError, Route};
use sandbox::{ManualClock, SandboxConfig, tokens};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

#[tokio::test]
async fn invoices_are_listed_and_their_pdf_fetched_without_the_token() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Lumen");
    let client = support::fast_client(&api, tokens::DEMO);

    let invoices = client.invoices(support::account(&org)).all().await.unwrap();
    let ids: BTreeSet<u64> = invoices.iter().map(|i| i.id.0).collect();
    assert_eq!(ids, org.invoice_ids.iter().copied().collect());
    assert!(
        invoices
            .iter()
            .all(|i| i.amount_incl_tax.is_some() && i.created_at.is_some())
    );

    let granted = client.budget().granted();
    let pdf = client.invoice_pdf(&invoices[0]).await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(
        client.budget().granted(),
        granted + 1,
        "the download counts in the budget"
    );
    let download = api.requests().into_iter().last().unwrap();
    assert!(download.path.starts_with("/2/invoicing/invoice/pdf/"));
    assert_eq!(
        download.token_label, None,
        "no bearer token on a pre-signed link"
    );
}

#[tokio::test]
async fn links_to_other_hosts_or_paths_are_refused_before_anything_is_sent() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let client = support::fast_client(&api, tokens::DEMO);
    let base = api.base_url();
    let other_port = format!("http://127.0.0.1:{}", api.addr().port().wrapping_add(1));
    for link in [
        "https://evil.example/2/invoicing/invoice/pdf/1/2?signature=x".to_owned(),
        format!("{other_port}/2/invoicing/invoice/pdf/1/2"),
        format!(
            "{}/2/invoicing/invoice/pdf/1/2",
            base.replace("http://", "https://")
        ),
        format!("{}/2/profile", base),
        format!(
            "{}/2/invoicing/invoice/pdf/1/2",
            base.replace("http://", "http://user:pw@")
        ),
    ] {
        match client.download_invoice(&link).await {
            Err(Error::Request(RequestError::RefusedLink(_))) => {}
            other => panic!("{link} must be refused, got {other:?}"),
        }
    }
    assert!(api.requests().is_empty(), "nothing left the app");
    assert_eq!(client.budget().granted(), 0);
}

#[tokio::test]
async fn an_expired_or_forged_link_is_the_apis_refusal() {
    let clock = ManualClock::starting_now();
    let api = support::roomy(SandboxConfig {
        clock: Arc::new(clock.clone()),
        ..SandboxConfig::demo()
    })
    .await;
    let org = support::org(&api, "Rochat");
    let client = support::fast_client(&api, tokens::DEMO);
    let invoice = client
        .invoices(AccountId(org.id))
        .page(1)
        .await
        .unwrap()
        .items
        .remove(0);
    let link = invoice.pdf.clone().unwrap();

    let forged = link.replace("signature=", "signature=0");
    let err = client.download_invoice(&forged).await.unwrap_err();
    assert_eq!(err.api_failure().map(|f| f.status), Some(403));
    assert_eq!(err.route(), Some(Route::InvoicePdf));

    clock.advance(Duration::from_secs(2 * 3600));
    let err = client.invoice_pdf(&invoice).await.unwrap_err();
    let failure = err.api_failure().unwrap();
    assert_eq!(
        (failure.status, failure.code.as_str()),
        (410, "link_expired")
    );
    assert_eq!(
        api.count("GET", "/2/invoicing/invoice/pdf/"),
        2,
        "refusals are not retried"
    );
}

#[tokio::test]
async fn the_prepaid_history_is_read_once_per_movement_although_its_pages_repeat() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let org = support::org(&api, "Lumen");
    let account = support::account(&org);
    let client = support::fast_client(&api, tokens::DEMO);

    let whole = client.prepaid_history(account).all().await.unwrap();
    assert!(whole.len() > 10);
    let mut sent = 0;
    let mut page = client
        .prepaid_history(account)
        .per_page(5)
        .page(1)
        .await
        .unwrap();
    loop {
        sent += page.items.len();
        if !page.has_next() {
            break;
        }
        page = client
            .prepaid_history(account)
            .per_page(5)
            .page(page.page + 1)
            .await
            .unwrap();
    }
    assert!(
        sent > whole.len(),
        "the API repeats items across pages ({sent} for {})",
        whole.len()
    );

    let paged = client
        .prepaid_history(account)
        .per_page(5)
        .all()
        .await
        .unwrap();
    assert_eq!(paged, whole);
}
