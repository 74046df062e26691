//! The walking skeleton, end to end: the built app, its demo API, the cache, the command, the page.

use e2e::{App, Launch};
use std::time::Duration;

/// The organisations of the demo world, as the local API itself knows them.
async fn demo_world() -> sandbox::WorldSummary {
    let api = sandbox::Sandbox::start(sandbox::SandboxConfig::demo())
        .await
        .unwrap();
    let world = api.world();
    api.shutdown().await;
    world
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[tokio::test]
async fn demo_mode_shows_the_person_and_every_organisation_of_the_demo_world() {
    let world = demo_world().await;
    let app = App::demo().await.unwrap();
    let shown = sorted(app.texts("[data-testid=org-name]").await.unwrap());
    let expected = sorted(world.organisations.iter().map(|o| o.name.clone()).collect());
    assert_eq!(shown, expected);

    let who = app
        .texts("[data-testid=signed-in-as]")
        .await
        .unwrap()
        .join(" ");
    assert!(who.contains(&world.display_name), "header shows {who:?}");

    app.screenshot("demo-organisations").await.unwrap();
    app.close().await;
}

#[tokio::test]
async fn try_the_demo_from_the_first_screen() {
    let world = demo_world().await;
    let app = App::launch(Launch::default()).await.unwrap();

    app.wait_for("[data-testid=try-demo]", Duration::from_secs(30))
        .await
        .unwrap();
    app.screenshot("first-screen").await.unwrap();
    app.client
        .find(fantoccini::Locator::Css("[data-testid=try-demo]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    app.wait_for("[data-testid=org-name]", Duration::from_secs(30))
        .await
        .unwrap();
    let shown = app.texts("[data-testid=org-name]").await.unwrap();
    assert_eq!(shown.len(), world.organisations.len());
    app.close().await;
}
