//! The app in German, as a person in German-speaking Switzerland gets it with no choice made: the
//! system's locale (read by the core, not the webview) sets the window's language and the
//! notifications'. German is the longest of the five languages, so each page is checked at the
//! default window size for a sideways scroll or a clipped label. Then the organisations page in
//! each of the five languages, for the README.

use e2e::notification_server::NotificationServer;
use e2e::{App, Launch};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);

/// What overflows on the current page: the main region or a region inside it (a table's) scrolling
/// sideways, or a label, button, link, heading or table header whose text is wider than its box.
const OVERFLOWS: &str = r"
const bad = [];
const main = document.getElementById('main');
if (!main) return ['no main region'];
if (main.scrollWidth > main.clientWidth + 1) {
  bad.push(`main region scrolls sideways: ${main.scrollWidth} > ${main.clientWidth}`);
}
for (const el of main.querySelectorAll('*')) {
  const x = getComputedStyle(el).overflowX;
  if ((x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
    bad.push(`${el.tagName.toLowerCase()}.${el.className} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}`);
  }
}
// A table's header wraps onto two lines: wider than its box, one of its words is cut.
for (const el of document.querySelectorAll('label, button, nav a, h1, h2, th, thead .ellipsis, select, summary')) {
  // Not shown, or shown to screen readers only (a 1-pixel box, clipped on purpose).
  if (el.getClientRects().length === 0 || el.clientWidth <= 2) continue;
  if (el.scrollWidth > el.clientWidth + 1) {
    bad.push(`${el.tagName.toLowerCase()} '${el.textContent.trim().slice(0, 60)}': ${el.scrollWidth} > ${el.clientWidth}`);
  }
}
return bad;
";

/// Whether `text` holds a date written dd.mm.yyyy.
fn has_swiss_date(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(10).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            2 | 5 => *c == '.',
            _ => c.is_ascii_digit(),
        })
    })
}

async fn script_text(app: &App, script: &str) -> String {
    app.client
        .execute(script, vec![])
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn overflows(app: &App) -> Vec<String> {
    let found = app.client.execute(OVERFLOWS, vec![]).await.unwrap();
    serde_json::from_value(found).unwrap()
}

/// What overflows on each page the navigation offers, opened in turn and measured after `settle`;
/// each problem starts with its page's address.
async fn overflows_on_every_page(app: &App, settle: Duration) -> Vec<String> {
    let mut found = Vec::new();
    for page in pages(app).await {
        app.click(&format!("nav a[href='{page}']"), WAIT)
            .await
            .unwrap();
        app.wait_for("#main h1", WAIT).await.unwrap();
        tokio::time::sleep(settle).await;
        for problem in overflows(app).await {
            found.push(format!("{page}: {problem}"));
        }
    }
    found
}

/// The pages the navigation offers, by address.
async fn pages(app: &App) -> Vec<String> {
    let found = app
        .client
        .execute(
            "return [...document.querySelectorAll('nav a[href^=\"#/\"]')].map(a => a.getAttribute('href'))",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(found).unwrap()
}

/// Chooses `language` in Settings, as a person does.
async fn choose_language(app: &App, language: &str) {
    app.click("a[href='#/settings']", WAIT).await.unwrap();
    app.wait_for("select#language", WAIT).await.unwrap();
    app.client
        .execute(
            "const s = document.getElementById('language'); s.value = arguments[0]; s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![serde_json::json!(language)],
        )
        .await
        .unwrap();
    let end = Instant::now() + WAIT;
    while script_text(app, "return document.documentElement.lang").await != language {
        assert!(
            Instant::now() < end,
            "the window never switched to {language}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_swiss_german_system_gets_the_demo_in_german_and_no_language_overflows() {
    let server = NotificationServer::start().await.unwrap();
    let app = App::launch(Launch {
        args: vec!["--demo".into()],
        env: vec![
            ("LC_ALL".into(), "de_CH.UTF-8".into()),
            ("LANG".into(), "de_CH.UTF-8".into()),
        ],
        ..Launch::default()
    })
    .await
    .unwrap();
    app.wait_for("[data-testid=org-name]", WAIT).await.unwrap();

    // No language was chosen: the system's is taken.
    assert_eq!(
        script_text(&app, "return document.documentElement.lang").await,
        "de"
    );
    let nav = app.texts("nav a").await.unwrap();
    assert!(nav.iter().any(|l| l == "Organisationen"), "{nav:?}");
    app.screenshot("organisations-de").await.unwrap();

    // The renewals board, in German.
    app.click("a[href='#/products']", WAIT).await.unwrap();
    app.wait_for(
        "[data-testid=board-group-expired] [data-testid=board-row]",
        WAIT,
    )
    .await
    .unwrap();
    let headings = app.texts("[data-testid=renewal-board] h2").await.unwrap();
    assert!(
        headings.iter().any(|h| h.starts_with("Abgelaufen")),
        "{headings:?}"
    );
    let expired = app
        .texts("[data-testid=board-group-expired] [data-testid=board-row-next]")
        .await
        .unwrap();
    for next in &expired {
        assert!(
            next.starts_with("Am ") && next.contains(" abgelaufen. Unbezahlte"),
            "{next}"
        );
        // The date as Switzerland writes it (the system's region): 24.11.2026.
        assert!(has_swiss_date(next), "{next}");
    }
    app.screenshot("renewals-board-de").await.unwrap();

    // The digest of what is due, in German, as the desktop shows it.
    let end = Instant::now() + WAIT;
    let german = loop {
        let found = server.received().into_iter().find(|n| {
            n.summary
                .ends_with("Verlängerungen erfordern Ihre Aufmerksamkeit")
        });
        if let Some(n) = found {
            break n;
        }
        assert!(
            Instant::now() < end,
            "no German digest: {:#?}\n{}",
            server.received(),
            app.log()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(german.app_name, "IK Desk");
    assert_eq!(german.actions[..2], ["default", "Öffnen"]);
    // Each line names a product and says when, in German; the last may count the rest.
    for line in german.body.lines() {
        let when = line.rsplit(" — ").next().unwrap_or_default();
        let german_when = ["heute", "morgen", "gestern abgelaufen"].contains(&when)
            || (when.starts_with("in ") && when.ends_with(" Tagen"))
            || (when.starts_with("vor ") && when.ends_with(" Tagen abgelaufen"))
            || (line.starts_with("und ") && line.ends_with(" weitere"));
        assert!(german_when, "{line:?} in {german:#?}");
    }

    // At the default size, no page scrolls sideways or clips a label in German.
    let width = app
        .client
        .execute("return window.innerWidth", vec![])
        .await
        .unwrap();
    assert_eq!(width, serde_json::json!(1200), "the default window width");
    // Let each page's data arrive and paint before measuring.
    let clipped = overflows_on_every_page(&app, Duration::from_millis(1500)).await;
    assert!(clipped.is_empty(), "in German:\n{}", clipped.join("\n"));
    // The measure itself sees a clipped button when there is one.
    app.client
        .execute(
            "const b = document.createElement('button'); b.id = 'too-narrow'; b.style.cssText = 'width: 40px; overflow: hidden; white-space: nowrap'; b.textContent = 'Einstellungen speichern'; document.getElementById('main').append(b);",
            vec![],
        )
        .await
        .unwrap();
    let seen = overflows(&app).await;
    assert!(
        seen.iter().any(|p| p.contains("Einstellungen speichern")),
        "{seen:?}"
    );
    app.client
        .execute("document.getElementById('too-narrow').remove()", vec![])
        .await
        .unwrap();

    // The four other languages: every page without overflow (French words are the longest in
    // the tables' headers), and the organisations page for the README.
    let mut clipped = Vec::new();
    for language in ["en", "fr", "it", "es"] {
        choose_language(&app, language).await;
        // The data is cached by now; each page only has to paint.
        for problem in overflows_on_every_page(&app, Duration::from_millis(700)).await {
            clipped.push(format!("{language} {problem}"));
        }
        app.click("a[href='#/organisations']", WAIT).await.unwrap();
        app.wait_for("[data-testid=org-name]", WAIT).await.unwrap();
        tokio::time::sleep(Duration::from_millis(500)).await;
        app.screenshot(&format!("organisations-{language}"))
            .await
            .unwrap();
    }
    assert!(clipped.is_empty(), "{}", clipped.join("\n"));
    app.close().await;
}
