//! Work teams, end to end: create a team, add three members, make one the leader, remove one,
//! undo the removal from its toast, delete the team.

use e2e::App;
use fantoccini::Locator;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_fill_lead_empty_and_delete_a_team() {
    let app = App::demo().await.unwrap();
    app.click("a[href='#/teams']", WAIT).await.unwrap();
    app.wait_for("[data-testid=team-new-name]", WAIT)
        .await
        .unwrap();
    app.client
        .find(Locator::Css("[data-testid=team-new-name]"))
        .await
        .unwrap()
        .send_keys("Client Lumen")
        .await
        .unwrap();
    app.click("[data-testid=team-create]", WAIT).await.unwrap();
    let row = "[data-testid=team-row][data-name='Client Lumen'] [data-testid=team-open]";
    app.click(row, WAIT).await.unwrap();

    // Three people from the organisation.
    app.wait_for("[data-testid=team-candidate]", WAIT)
        .await
        .unwrap();
    let candidates = app
        .client
        .find_all(Locator::Css("[data-testid=team-candidate]"))
        .await
        .unwrap();
    for c in candidates.iter().take(3) {
        c.click().await.unwrap();
    }
    app.click("[data-testid=team-add-members]", WAIT)
        .await
        .unwrap();
    app.wait_count("[data-testid=team-members] input[type=checkbox]", 3, WAIT)
        .await
        .unwrap();

    // The second member leads the team.
    let leader_select = app
        .client
        .find(Locator::Css("[data-testid=team-leader]"))
        .await
        .unwrap();
    let member_names = app.texts("[data-testid=team-members] label").await.unwrap();
    let leader_option = leader_select
        .find_all(Locator::Css("option"))
        .await
        .unwrap();
    let mut chosen = String::new();
    for option in leader_option {
        let text = option.text().await.unwrap();
        if !text.is_empty() && member_names.iter().any(|m| m.starts_with(&text)) {
            option.click().await.unwrap();
            chosen = text;
            break;
        }
    }
    assert!(!chosen.is_empty(), "no member to make leader");
    let leader_cell = "[data-testid=team-row][data-name='Client Lumen'] td";
    for _ in 0..150 {
        if app
            .texts(leader_cell)
            .await
            .unwrap()
            .iter()
            .any(|t| t == &chosen)
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        app.texts(leader_cell)
            .await
            .unwrap()
            .iter()
            .any(|t| t == &chosen),
        "{chosen} does not lead the team"
    );

    // One leaves (a DELETE with a body).
    app.click("[data-testid=team-members] input[type=checkbox]", WAIT)
        .await
        .unwrap();
    app.click("[data-testid=team-remove-members]", WAIT)
        .await
        .unwrap();
    app.wait_count("[data-testid=team-members] input[type=checkbox]", 2, WAIT)
        .await
        .unwrap();
    app.screenshot("teams-panel").await.unwrap();

    // The toast's Undo adds the member back (the opposite command, not the removal again).
    app.click("[data-sonner-toast][data-front=true] [data-button]", WAIT)
        .await
        .unwrap();
    app.wait_count("[data-testid=team-members] input[type=checkbox]", 3, WAIT)
        .await
        .unwrap();
    app.screenshot("teams-undo").await.unwrap();

    app.click("[data-testid=team-delete]", WAIT).await.unwrap();
    let dialog = app
        .texts("[data-testid=confirm-delete-team]")
        .await
        .unwrap()
        .join(" ");
    assert!(
        dialog.contains("Client Lumen") && dialog.contains('3'),
        "the confirmation names the team: {dialog}"
    );
    app.click(
        "[data-testid=confirm-delete-team] [data-testid=confirm]",
        WAIT,
    )
    .await
    .unwrap();
    app.wait_count("[data-testid=team-row][data-name='Client Lumen']", 0, WAIT)
        .await
        .unwrap();
    app.close().await;
}

/// A create whose answer is lost, and whose reading back fails too: the page says it may have
/// been applied and keeps the form; the team then shows once, and nothing was sent twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_create_whose_answer_is_lost_says_so_and_makes_the_team_once() {
    use sandbox::{Fault, FaultRule, Sandbox, SandboxConfig, tokens};
    let api = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let app = App::launch(e2e::Launch {
        args: vec!["--api-base".into(), api.base_url()],
        ..e2e::Launch::default()
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
    app.wait_for("[data-testid=org-name]", WAIT).await.unwrap();
    app.click("a[href='#/teams']", WAIT).await.unwrap();
    app.wait_for("[data-testid=team-row]", WAIT).await.unwrap();

    // Whichever organisation the page shows: each one's teams answer so.
    let paths: Vec<String> = api
        .world()
        .organisations
        .iter()
        .map(|o| format!("/1/accounts/{}/teams", o.id))
        .collect();
    for teams in &paths {
        api.inject(FaultRule::new(teams, Fault::TruncatedBody).method("POST"));
        // The read-back's four tries and the re-read's four all fail.
        api.inject(
            FaultRule::new(teams, Fault::DropConnection)
                .method("GET")
                .times(8),
        );
    }
    app.type_into("[data-testid=team-new-name]", "Client Lumen")
        .await
        .unwrap();
    app.click("[data-testid=team-create]", WAIT).await.unwrap();
    let notice = "[data-testid=error-notice][data-code=OutcomeUnknown]";
    app.wait_for(notice, WAIT).await.unwrap();
    let said = app.texts(notice).await.unwrap().join(" ");
    assert!(said.contains("may have applied"), "{said}");
    app.screenshot("teams-create-outcome-unknown")
        .await
        .unwrap();

    // Clicking again sends nothing new: the earlier change is read back first.
    app.click("[data-testid=team-create]", WAIT).await.unwrap();
    app.wait_count("[data-testid=team-row][data-name='Client Lumen']", 1, WAIT)
        .await
        .unwrap();
    let posts: usize = paths.iter().map(|p| api.count("POST", p)).sum();
    assert_eq!(posts, 1, "sent once");
    app.close().await;
}
