//! Support access against the local API: grant and revoke one content without touching the
//! others, the 7-day end on a fixed clock, and the Manager hand-off where the API lacks the route.

use desk::store::audit::AuditResult;
use desk::support_access::{
    SUPPORT_ACCESS_DAYS, SupportAccessSnapshot, SupportAccessView, SupportContent,
};
use desk::sync::Area;
use desk::{ErrorCode, handoff};
use sandbox::SandboxConfig;

use crate::support::{Clocked, START};

const DAY: i64 = 86_400;

fn switch(page: &SupportAccessSnapshot, content: SupportContent) -> Option<&SupportAccessView> {
    page.accesses.iter().find(|a| a.content == content)
}

fn states(page: &SupportAccessSnapshot) -> Vec<bool> {
    page.accesses.iter().map(|a| a.on).collect()
}

#[tokio::test]
async fn granting_kdrive_opens_it_for_seven_days_and_touches_nothing_else() {
    let w = Clocked::start(SandboxConfig::demo()).await;
    let before = w.desk.support_accesses(&w.profile).await.unwrap();
    // The demo world has Mail granted two days ago, kDrive and kChat off.
    assert_eq!(states(&before), [true, false, false]);
    let mail = switch(&before, SupportContent::Mail).unwrap().clone();
    assert_eq!(mail.remaining.map(|r| r.days), Some(5));

    let after = w
        .desk
        .set_support_access(&w.profile, SupportContent::Kdrive, true)
        .await
        .unwrap();
    assert_eq!(states(&after), [true, true, false]);
    let kdrive = switch(&after, SupportContent::Kdrive).unwrap();
    assert_eq!(kdrive.granted_at, Some(START));
    assert_eq!(kdrive.expires_at, Some(START + SUPPORT_ACCESS_DAYS * DAY));
    assert_eq!(kdrive.remaining.map(|r| (r.days, r.hours)), Some((7, 0)));
    assert_eq!(switch(&after, SupportContent::Mail).unwrap(), &mail);
    assert_eq!(w.puts(), ["/2/profile/support_accesses/kdrive"]);

    // The cache holds the change: reading again shows it without asking the API.
    w.api.clear_requests();
    let again = w.desk.support_accesses(&w.profile).await.unwrap();
    assert_eq!(again.accesses, after.accesses);
    assert!(w.api.requests().is_empty());

    let log = w.desk.store().audit_log(&w.profile, 5).unwrap();
    assert_eq!(
        (
            log[0].action.as_str(),
            log[0].target.as_str(),
            log[0].result
        ),
        ("support_access.grant", "kDrive", AuditResult::Done)
    );
}

#[tokio::test]
async fn revoking_mail_ends_it_at_once_and_is_audited() {
    let w = Clocked::start(SandboxConfig::demo()).await;
    w.desk
        .set_support_access(&w.profile, SupportContent::Kchat, true)
        .await
        .unwrap();
    let after = w
        .desk
        .set_support_access(&w.profile, SupportContent::Mail, false)
        .await
        .unwrap();
    assert_eq!(states(&after), [false, false, true]);
    assert_eq!(
        switch(&after, SupportContent::Mail).unwrap().remaining,
        None
    );

    // The API agrees once the cache is refreshed.
    w.desk
        .refresh(&w.profile, Area::SupportAccess)
        .await
        .unwrap();
    let fresh = w.desk.support_accesses(&w.profile).await.unwrap();
    assert_eq!(states(&fresh), [false, false, true]);

    let log = w.desk.store().audit_log(&w.profile, 5).unwrap();
    assert_eq!(
        (log[0].action.as_str(), log[0].target.as_str()),
        ("support_access.revoke", "Mail")
    );
}

#[tokio::test]
async fn a_grant_ends_by_itself_after_seven_days() {
    let w = Clocked::start(SandboxConfig::demo()).await;
    w.desk
        .set_support_access(&w.profile, SupportContent::Kchat, true)
        .await
        .unwrap();

    w.advance(SUPPORT_ACCESS_DAYS * DAY - 3600);
    let last_hour = w.desk.support_accesses(&w.profile).await.unwrap();
    let kchat = switch(&last_hour, SupportContent::Kchat).unwrap();
    assert!(kchat.on);
    assert_eq!(kchat.remaining.map(|r| (r.days, r.hours)), Some((0, 1)));

    // Past the end it is off from the cached answer alone, before any refresh lands.
    w.advance(3600);
    let ended = w.desk.support_accesses(&w.profile).await.unwrap();
    assert!(!switch(&ended, SupportContent::Kchat).unwrap().on);

    w.desk
        .refresh(&w.profile, Area::SupportAccess)
        .await
        .unwrap();
    let fresh = w.desk.support_accesses(&w.profile).await.unwrap();
    assert_eq!(states(&fresh), [false, false, false]);
}

#[tokio::test]
async fn the_published_api_hands_off_to_the_manager_and_sends_no_switch() {
    let w = Clocked::start(SandboxConfig::published()).await;
    let page = w.desk.support_accesses(&w.profile).await.unwrap();
    assert!(page.accesses.is_empty());
    assert_eq!(
        page.manager_url.as_deref(),
        Some(handoff::SUPPORT_ACCESS_PAGE)
    );
    assert!(
        w.desk
            .route_missing(&w.profile, infomaniak::Route::SupportAccesses)
    );

    w.api.clear_requests();
    let again = w.desk.support_accesses(&w.profile).await.unwrap();
    assert_eq!(again.manager_url, page.manager_url);
    let err = w
        .desk
        .set_support_access(&w.profile, SupportContent::Kdrive, true)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotSupportedByApi);
    assert_eq!(
        handoff::page_for(&err).as_deref(),
        Some(handoff::SUPPORT_ACCESS_PAGE)
    );
    // Known missing: neither the read nor the switch spends a request.
    assert!(w.api.requests().is_empty());
}
