//! Invitations from a file, end to end in the demo: a 5-row CSV with one bad address, chosen
//! through the native open dialog (answered with xdotool, since WebDriver only reaches the web
//! page), checked, sent: four invitations sent, one row refused by the check.

use e2e::App;
use fantoccini::Locator;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);
const ROW: &str = "[data-testid=bulk-row]";

/// Why the native open dialog could not be answered.
#[derive(Debug, thiserror::Error)]
enum DialogError {
    #[error("xdotool: {0} (install the package xdotool)")]
    Xdotool(#[from] std::io::Error),
    #[error("no open dialog appeared")]
    NoDialog,
}

/// Drives GTK's open dialog as a person does: focus it, open the location field, type the
/// path, press Enter until the dialog is gone (the field completes as it is typed, and an Enter
/// that comes too early is taken by the completion).
fn answer_open_dialog(path: &std::path::Path) -> Result<(), DialogError> {
    let xdotool = |args: &[&str]| std::process::Command::new("xdotool").args(args).output();
    let find = || -> Result<Option<String>, DialogError> {
        let found = xdotool(&["search", "--onlyvisible", "--name", "Open|Select"])?;
        let ids = String::from_utf8_lossy(&found.stdout).to_string();
        Ok(ids
            .lines()
            .last()
            .filter(|l| !l.is_empty())
            .map(str::to_owned))
    };
    for _ in 0..100 {
        if let Some(dialog) = find()? {
            // The dialog shows a moment before it takes keys.
            std::thread::sleep(Duration::from_secs(1));
            xdotool(&["windowfocus", "--sync", &dialog])?;
            xdotool(&["key", "--clearmodifiers", "ctrl+l"])?;
            xdotool(&["type", "--delay", "20", &path.display().to_string()])?;
            for _ in 0..10 {
                std::thread::sleep(Duration::from_millis(700));
                if find()?.is_none() {
                    return Ok(());
                }
                xdotool(&["windowfocus", "--sync", &dialog])?;
                xdotool(&["key", "Return"])?;
            }
            return Err(DialogError::NoDialog);
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Err(DialogError::NoDialog)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_five_people_with_one_bad_address() {
    let org = crate::demo_sole_owner_org().await;
    let app = App::demo().await.unwrap();
    let file = app.home.join("people.csv");
    std::fs::write(
        &file,
        "E-mail;Prénom;Nom;Rôle;Langue;Équipes;Facturation\n\
         anna.bulk@example.ch;Anna;Bulk;collaborateur;fr;;non\n\
         ben.bulk@example.ch;Ben;Bulk;administrateur;de;;oui\n\
         not an address;Carl;Bulk;;;;\n\
         dora.bulk@example.ch;Dora;Bulk;;it;;\n\
         emil.bulk@example.ch;Emil;Bulk;;en;;\n",
    )
    .unwrap();

    app.click("a[href='#/users']", WAIT).await.unwrap();
    app.wait_for("#users-org", WAIT).await.unwrap();
    let select = app.client.find(Locator::Css("#users-org")).await.unwrap();
    select.select_by_value(&org.id.to_string()).await.unwrap();
    app.wait_for("[data-testid=person-row]", WAIT)
        .await
        .unwrap();
    app.click("[data-testid=bulk-open]", WAIT).await.unwrap();
    app.click("[data-testid=bulk-choose]", WAIT).await.unwrap();
    let answered = {
        let file = file.clone();
        tokio::task::spawn_blocking(move || answer_open_dialog(&file))
    };
    answered.await.unwrap().unwrap();

    if let Err(e) = app.wait_count(ROW, 5, WAIT).await {
        app.screenshot("users-bulk-no-preview").await.unwrap();
        panic!("{e:?}\n{}", app.log());
    }
    let summary = app
        .texts("[data-testid=bulk-summary]")
        .await
        .unwrap()
        .join(" ");
    assert!(summary.contains("4 ready, 1 with a problem"), "{summary}");
    app.screenshot("users-bulk-preview").await.unwrap();

    app.click("[data-testid=bulk-send]", WAIT).await.unwrap();
    app.wait_for("[data-testid=bulk-done]", Duration::from_secs(90))
        .await
        .unwrap();
    let done = app
        .texts("[data-testid=bulk-done]")
        .await
        .unwrap()
        .join(" ");
    assert!(
        done.contains("4 sent") && done.contains("1 not sent because of a problem"),
        "{done}"
    );
    let states = app.texts("[data-testid=bulk-row-state]").await.unwrap();
    assert_eq!(
        states.iter().filter(|s| s.as_str() == "Sent").count(),
        4,
        "{states:?}"
    );
    assert!(states[2].contains("Not an e-mail address"), "{states:?}");
    app.screenshot("users-bulk-sent").await.unwrap();

    // The four show in the Users list as pending invitations (searched for: the list paints only
    // the rows in view).
    app.click("[data-testid=bulk-close]", WAIT).await.unwrap();
    app.type_into("[data-testid=users-search]", "bulk@example.ch")
        .await
        .unwrap();
    app.wait_count("[data-testid=person-row][data-pending=true]", 4, WAIT)
        .await
        .unwrap();
    app.wait_for(
        "[data-testid=person-row][data-email='emil.bulk@example.ch'][data-pending=true]",
        WAIT,
    )
    .await
    .unwrap();
    app.close().await;
}
