#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Invoices: the list, saving a PDF whole or not at all, an expired link, a year to a folder,
//! the prepaid history, and the Manager hand-off when the scope is missing.

use crate::support::acct;
use crate::support::{signed_in, signed_in_with};
use desk::invoices::HandOffReason;
use desk::{Desk, DeskConfig, ErrorCode};
use infomaniak::AccountId;
use infomaniak::ApiToken;
use sandbox::{ManualClock, Sandbox, SandboxConfig, tokens};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn org_with_invoices(api: &Sandbox) -> AccountId {
    let org = api
        .world()
        .organisations
        .into_iter()
        .find(|o| o.relation == "owner")
        .unwrap();
    AccountId(org.id)
}

/// Every file in `folder`, hidden ones (temporary files) included.
fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn an_organisation_lists_its_invoices_paid_and_unpaid() {
    let (api, desk, profile) = signed_in(SandboxConfig::demo()).await;
    let account = org_with_invoices(&api);
    let snapshot = desk
        .organisation(&profile, acct(account))
        .invoices()
        .list()
        .await
        .unwrap();
    assert!(snapshot.hand_off.is_none());
    assert!(!snapshot.items.is_empty());
    assert!(snapshot.items.iter().any(|i| i.unpaid));
    assert!(snapshot.items.iter().any(|i| !i.unpaid));
    assert!(
        snapshot
            .items
            .iter()
            .all(|i| i.account_id == account && i.has_pdf)
    );
    assert!(
        snapshot
            .items
            .iter()
            .all(|i| i.currency.is_some() && i.amount.is_some())
    );

    let before = api.requests().len();
    desk.organisation(&profile, acct(account))
        .invoices()
        .list()
        .await
        .unwrap();
    assert_eq!(
        api.requests().len(),
        before,
        "a fresh list answers from the cache"
    );
}

#[tokio::test]
async fn saving_an_invoice_writes_a_whole_pdf_and_nothing_else() {
    let (api, desk, profile) = signed_in(SandboxConfig::demo()).await;
    let account = org_with_invoices(&api);
    let invoice = desk
        .organisation(&profile, acct(account))
        .invoices()
        .list()
        .await
        .unwrap()
        .items[0]
        .id;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("invoice.pdf");

    desk.organisation(&profile, acct(account))
        .invoices()
        .save(invoice, &path)
        .await
        .unwrap();

    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF starts with %PDF-");
    assert_eq!(files_in(folder.path()), vec!["invoice.pdf".to_owned()]);
}

#[tokio::test]
async fn a_folder_that_refuses_the_file_gives_a_clear_error_and_leaves_nothing() {
    let (api, desk, profile) = signed_in(SandboxConfig::demo()).await;
    let account = org_with_invoices(&api);
    let invoice = desk
        .organisation(&profile, acct(account))
        .invoices()
        .list()
        .await
        .unwrap()
        .items[0]
        .id;
    let folder = tempfile::tempdir().unwrap();

    // A "folder" that is a file: even an administrator cannot write into it.
    let not_a_folder = folder.path().join("report.txt");
    std::fs::write(&not_a_folder, "x").unwrap();
    let err = desk
        .organisation(&profile, acct(account))
        .invoices()
        .save(invoice, &not_a_folder.join("invoice.pdf"))
        .await
        .unwrap_err();
    assert!(matches!(err, desk::Error::File { .. }), "{err:?}");
    assert!(err.to_string().contains("could not be saved"), "{err}");
    assert_eq!(err.code(), ErrorCode::Unknown);

    // The temporary file is written, then the rename fails (a folder holds the name): it goes.
    let taken = folder.path().join("taken.pdf");
    std::fs::create_dir(&taken).unwrap();
    std::fs::write(taken.join("keep"), "x").unwrap();
    let err = desk
        .organisation(&profile, acct(account))
        .invoices()
        .save(invoice, &taken)
        .await
        .unwrap_err();
    assert!(matches!(err, desk::Error::File { .. }), "{err:?}");
    assert_eq!(
        files_in(folder.path()),
        vec!["report.txt".to_owned(), "taken.pdf".to_owned()],
        "no partial or temporary file is left"
    );
}

#[tokio::test]
async fn an_expired_link_is_listed_again_once_then_saved() {
    let api_clock = ManualClock::starting_now();
    let api = Sandbox::start(SandboxConfig {
        clock: Arc::new(api_clock.clone()),
        ..SandboxConfig::demo()
    })
    .await
    .unwrap();
    let desk = Desk::open(DeskConfig {
        api_base: api.base_url(),
        ..DeskConfig::in_memory()
    })
    .unwrap();
    let profile = desk
        .sign_in(ApiToken::new(tokens::DEMO), false)
        .await
        .unwrap()
        .profile
        .id;
    let account = org_with_invoices(&api);
    let invoice = desk
        .organisation(&profile, acct(account))
        .invoices()
        .list()
        .await
        .unwrap()
        .items[0]
        .id;

    // The cached link is valid one hour; two hours later Infomaniak answers 410.
    api_clock.advance(Duration::from_secs(2 * 3600));
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("late.pdf");
    desk.organisation(&profile, acct(account))
        .invoices()
        .save(invoice, &path)
        .await
        .unwrap();
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF-"));

    let requests = api.requests();
    let lists = requests
        .iter()
        .filter(|r| r.path.ends_with("/invoices"))
        .count();
    let pdfs: Vec<u16> = requests
        .iter()
        .filter(|r| r.path.contains("/invoice/pdf/"))
        .map(|r| r.status)
        .collect();
    assert_eq!(lists, 2, "listed once for the page, once for a fresh link");
    assert_eq!(pdfs, vec![410, 200]);
}

#[tokio::test]
async fn a_year_is_saved_to_a_folder_with_progress() {
    let (api, desk, profile) = signed_in(SandboxConfig::demo()).await;
    let account = org_with_invoices(&api);
    let rows = desk
        .organisation(&profile, acct(account))
        .invoices()
        .list()
        .await
        .unwrap()
        .items;
    let year = desk::date_of(rows[0].created_at.unwrap()).0;
    let expected = rows
        .iter()
        .filter(|r| desk::date_of(r.created_at.unwrap()).0 == year)
        .count();
    let folder = tempfile::tempdir().unwrap();
    let seen = Mutex::new(Vec::new());

    let no_billing = api
        .world()
        .organisations
        .into_iter()
        .find(|o| o.relation == "normal")
        .unwrap();
    let no_billing = AccountId(no_billing.id);
    let saved = desk
        .save_year(&profile, &[account, no_billing], year, folder.path(), |p| {
            seen.lock().unwrap().push((p.done, p.total));
        })
        .await
        .unwrap();

    assert_eq!(saved.files.len(), expected);
    assert_eq!(
        saved.skipped,
        vec![no_billing],
        "an organisation without billing is skipped"
    );
    let seen = seen.into_inner().unwrap();
    let total = u32::try_from(expected).unwrap();
    assert_eq!(seen.first(), Some(&(0, total)));
    assert_eq!(seen.last(), Some(&(total, total)));
    assert_eq!(files_in(folder.path()), {
        let mut f = saved.files.clone();
        f.sort();
        f
    });
    for f in &saved.files {
        assert!(
            std::fs::read(folder.path().join(f))
                .unwrap()
                .starts_with(b"%PDF-")
        );
    }
}

#[tokio::test]
async fn the_prepaid_history_keeps_each_movement_once() {
    let (api, desk, profile) = signed_in(SandboxConfig::demo()).await;
    let account = org_with_invoices(&api);
    let history = desk
        .organisation(&profile, acct(account))
        .invoices()
        .prepaid_history()
        .await
        .unwrap();
    assert!(history.hand_off.is_none());
    let mut ids: Vec<u64> = history.items.iter().map(|m| m.id).collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count);
}

#[tokio::test]
async fn without_the_invoicing_scope_the_page_hands_off_to_the_manager() {
    let (api, desk, profile) = signed_in_with(SandboxConfig::demo(), tokens::NO_INVOICING).await;
    let account = org_with_invoices(&api);
    let snapshot = desk
        .organisation(&profile, acct(account))
        .invoices()
        .list()
        .await
        .unwrap();
    let hand_off = snapshot.hand_off.unwrap();
    assert_eq!(hand_off.reason, HandOffReason::ScopeMissing);
    assert_eq!(hand_off.scope.as_deref(), Some("invoicing"));
    assert_eq!(
        hand_off.manager_url,
        format!("https://manager.infomaniak.com/v3/invoicing/{account}/bills")
    );
    assert!(desk::handoff::is_allowed(&hand_off.manager_url));
    let prepaid = desk
        .organisation(&profile, acct(account))
        .invoices()
        .prepaid_history()
        .await
        .unwrap();
    assert_eq!(
        prepaid.hand_off.unwrap().reason,
        HandOffReason::ScopeMissing
    );
}

#[tokio::test]
async fn a_collaborator_without_the_billing_right_is_handed_off_not_failed() {
    let (api, desk, profile) = signed_in(SandboxConfig::demo()).await;
    let org = api
        .world()
        .organisations
        .into_iter()
        .find(|o| o.relation == "normal")
        .unwrap();
    let account = AccountId(org.id);
    let snapshot = desk
        .organisation(&profile, acct(account))
        .invoices()
        .list()
        .await
        .unwrap();
    assert!(snapshot.items.is_empty());
    assert_eq!(snapshot.hand_off.unwrap().reason, HandOffReason::NotAllowed);
}
