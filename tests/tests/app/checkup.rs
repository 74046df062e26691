//! The Check-up, end to end in the demo: findings from what the app has read, and one fix
//! followed to the page where it is made.

use e2e::App;
use fantoccini::Locator;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_the_checkup_and_follow_a_fix_to_its_page() {
    let org = crate::demo_sole_owner_org().await;
    let app = App::demo().await.unwrap();
    // The organisations are read at start; the check-up works from them.
    app.wait_for("a[href='#/checkup']", WAIT).await.unwrap();
    app.click("a[href='#/checkup']", WAIT).await.unwrap();
    let single = "[data-testid=finding][data-key=single_legal_representative]";
    app.wait_for(single, WAIT).await.unwrap();
    // Let the page settle before the picture (the list grows as organisations are read).
    tokio::time::sleep(Duration::from_millis(500)).await;
    let summary = app
        .texts("[data-testid=checkup-summary]")
        .await
        .unwrap()
        .join(" ");
    assert!(summary.contains("Warnings"), "{summary}");
    app.screenshot("checkup-demo").await.unwrap();

    // The organisation's fix is on its Users page, where another legal representative is
    // appointed.
    let mut followed = false;
    for section in app
        .client
        .find_all(Locator::Css("[data-testid=checkup-organisation]"))
        .await
        .unwrap()
    {
        if section.text().await.unwrap().contains(&org.name) {
            let fix = format!("{single} [data-testid=finding-fix]");
            section
                .find(Locator::Css(&fix))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
            followed = true;
            break;
        }
    }
    assert!(followed, "no finding for {}", org.name);
    app.wait_for("#users-org", WAIT).await.unwrap();
    let hash = app
        .client
        .execute("return window.location.hash", vec![])
        .await
        .unwrap();
    assert_eq!(hash.as_str(), Some(format!("#/users/{}", org.id).as_str()));
    // The organisation the finding is about is the one shown.
    let shown = app
        .client
        .execute("return document.querySelector('#users-org').value", vec![])
        .await
        .unwrap();
    assert_eq!(shown.as_str(), Some(org.id.to_string().as_str()));
    let title = app.texts("h1").await.unwrap().join(" ");
    assert!(title.contains("Users"), "{title}");
    app.screenshot("checkup-fix-followed").await.unwrap();
    app.close().await;
}
