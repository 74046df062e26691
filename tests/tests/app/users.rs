//! The people side, end to end: invite, cancel, the last legal representative, the hand-off.

use e2e::{App, Launch};
use fantoccini::Locator;
use sandbox::{OrgSummary, Sandbox, SandboxConfig, tokens};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);
/// One person of the Users table.
const ROW: &str = "[data-testid=person-row]";

async fn open_users_of(app: &App, org: &OrgSummary) {
    app.wait_for("a[href='#/users']", WAIT).await.unwrap();
    app.client
        .find(Locator::Css("a[href='#/users']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.wait_for("#users-org", WAIT).await.unwrap();
    let select = app.client.find(Locator::Css("#users-org")).await.unwrap();
    select.select_by_value(&org.id.to_string()).await.unwrap();
    app.wait_for("[data-testid=person-row]", WAIT)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invite_cancel_and_the_last_legal_representative() {
    let org = crate::demo_sole_owner_org().await;
    let app = App::demo().await.unwrap();
    open_users_of(&app, &org).await;

    app.click("[data-testid=invite-open]", WAIT).await.unwrap();
    app.type_into("[data-testid=invite-email]", "nina.keller@example.ch")
        .await
        .unwrap();
    app.type_into("[data-testid=invite-firstName]", "Nina")
        .await
        .unwrap();
    app.type_into("[data-testid=invite-lastName]", "Keller")
        .await
        .unwrap();
    // She joins the organisation's first team when she accepts.
    let first_team = "[data-testid=invite-teams] label";
    app.wait_for(first_team, WAIT).await.unwrap();
    let team_name = app.texts(first_team).await.unwrap().remove(0);
    app.click(&format!("{first_team} input"), WAIT)
        .await
        .unwrap();
    // And the organisation's kDrive, to write in: sent after the invitation, and accepted (the
    // panel would stay open, naming it, had it been refused).
    app.click("[data-testid=invite-drive]", WAIT).await.unwrap();
    app.screenshot("users-invite-form").await.unwrap();
    // The organisation's mail service is offered too: a mailbox by name (not given here).
    app.click("[data-testid=invite-mailbox]", WAIT)
        .await
        .unwrap();
    app.wait_for("[data-testid=invite-mailbox-name]", WAIT)
        .await
        .unwrap();
    app.client
        .execute(
            "document.querySelector('[data-testid=invite-mailbox-name]').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await
        .unwrap();
    app.screenshot("users-invite-mailbox").await.unwrap();
    app.click("[data-testid=invite-mailbox]", WAIT)
        .await
        .unwrap();
    app.click("[data-testid=invite-submit]", WAIT)
        .await
        .unwrap();
    let invited =
        "[data-testid=person-row][data-email='nina.keller@example.ch'][data-pending=true]";
    app.wait_for(invited, WAIT).await.unwrap();
    app.screenshot("users-invited").await.unwrap();
    app.click(&format!("{invited} [data-testid=row-menu]"), WAIT)
        .await
        .unwrap();
    app.click(&format!("{invited} [data-testid=person-details]"), WAIT)
        .await
        .unwrap();
    app.wait_for("[data-testid=person-teams]", WAIT)
        .await
        .unwrap();
    let teams = app
        .texts("[data-testid=person-teams]")
        .await
        .unwrap()
        .join(" ");
    assert!(
        teams.contains(&team_name),
        "the invitation carries {team_name}: {teams}"
    );
    app.click("[data-testid=person-close]", WAIT).await.unwrap();

    app.click(&format!("{invited} [data-testid=row-menu]"), WAIT)
        .await
        .unwrap();
    app.click(&format!("{invited} [data-testid=cancel-invitation]"), WAIT)
        .await
        .unwrap();
    app.click("[data-testid=confirm-cancel] [data-testid=confirm]", WAIT)
        .await
        .unwrap();
    for _ in 0..100 {
        if app.client.find(Locator::Css(invited)).await.is_err() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        app.client.find(Locator::Css(invited)).await.is_err(),
        "the invitation is still listed"
    );

    let row = app
        .row_action(
            ROW,
            "Legal representative",
            "[data-testid=remove-member]",
            WAIT,
        )
        .await
        .unwrap();
    assert!(row.is_some(), "no legal representative row");
    app.click("[data-testid=confirm-remove] [data-testid=confirm]", WAIT)
        .await
        .unwrap();
    app.wait_for("[data-testid=error-notice][data-code=NotAllowed]", WAIT)
        .await
        .unwrap();
    let refusal = app
        .texts("[data-testid=error-notice][data-code=NotAllowed]")
        .await
        .unwrap()
        .join(" ");
    assert!(refusal.contains("last legal representative"), "{refusal}");
    app.screenshot("users-last-legal-representative")
        .await
        .unwrap();
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removing_a_collaborator_hands_off_to_the_manager_on_the_published_api() {
    let api = Sandbox::start(SandboxConfig::published()).await.unwrap();
    let org = crate::sole_owner_org(&api.world());
    let app = App::launch(Launch {
        args: vec!["--api-base".into(), api.base_url()],
        ..Launch::default()
    })
    .await
    .unwrap();
    app.wait_for("[data-testid=token-input]", WAIT)
        .await
        .unwrap();
    app.type_into("[data-testid=token-input]", tokens::DEMO)
        .await
        .unwrap();
    app.click("[data-testid=sign-in-submit]", WAIT)
        .await
        .unwrap();
    open_users_of(&app, &org).await;

    let row = app
        .row_action(ROW, "Collaborator", "[data-testid=remove-member]", WAIT)
        .await
        .unwrap();
    assert!(row.is_some(), "no collaborator row");
    app.click("[data-testid=confirm-remove] [data-testid=confirm]", WAIT)
        .await
        .unwrap();
    app.wait_for("[data-testid=members-handoff]", WAIT)
        .await
        .unwrap();
    // Said once: the hand-off notice, not also the refusal that led to it in red.
    app.wait_count(
        "[data-testid=error-notice][data-code=NotSupportedByApi]",
        0,
        WAIT,
    )
    .await
    .unwrap();
    app.screenshot("users-published-handoff").await.unwrap();
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_collaborator_becomes_administrator_and_the_table_says_so() {
    let org = crate::demo_sole_owner_org().await;
    let app = App::demo().await.unwrap();
    open_users_of(&app, &org).await;

    let member = "[data-testid=person-row][data-pending=false]";
    let row = app
        .row_action(member, "Collaborator", "[data-testid=change-role]", WAIT)
        .await
        .unwrap()
        .expect("no collaborator row");
    let email = row
        .attr("data-email")
        .await
        .unwrap()
        .expect("the row names its e-mail");
    let sentence = app
        .texts("[data-testid=confirm-role] [data-testid=role-sentence]")
        .await
        .unwrap()
        .join(" ");
    assert!(sentence.contains(&email), "{sentence}");
    assert!(sentence.contains("Administrator"), "{sentence}");
    app.screenshot("users-change-role-confirm").await.unwrap();
    app.click("[data-testid=confirm-role] [data-testid=confirm]", WAIT)
        .await
        .unwrap();

    let row = format!("[data-testid=person-row][data-email='{email}']");
    let mut promoted = false;
    for _ in 0..100 {
        let text = app.texts(&row).await.unwrap().join(" ");
        if text.contains("Administrator") {
            promoted = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(promoted, "the table still shows the old role of {email}");
    app.screenshot("users-role-changed").await.unwrap();
    app.close().await;
}
