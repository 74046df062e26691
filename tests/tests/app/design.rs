//! The look, checked by tools rather than by eye: axe-core on every page in light and dark, and
//! no sideways scroll or clipped text at the default and the minimum window sizes.

use e2e::App;
use serde_json::{Value, json};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);
/// axe-core, from the UI's dev dependencies: injected through WebDriver, which the page's CSP
/// does not govern, so the app itself never carries it.
const AXE: &str = include_str!("../../../ui/node_modules/axe-core/axe.min.js");

/// Every page of the sidebar, by its address.
const PAGES: [&str; 10] = [
    "organisations",
    "users",
    "teams",
    "products",
    "invoices",
    "support-access",
    "checkup",
    "activity",
    "diagnostics",
    "settings",
];

async fn open(app: &App, page: &str) {
    app.client
        .execute(
            "location.hash = '#/' + arguments[0]; return 1;",
            vec![json!(page)],
        )
        .await
        .unwrap();
    app.wait_for("main h1", WAIT).await.unwrap();
    // Let the page's first answers arrive (the demo's API is local and fast).
    for _ in 0..50 {
        let busy = app
            .client
            .execute(
                "return document.querySelectorAll('main [aria-busy=true], main .spinner').length;",
                vec![],
            )
            .await
            .unwrap();
        if busy == json!(0) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    tokio::time::sleep(Duration::from_millis(600)).await;
}

async fn set_theme(app: &App, theme: &str) {
    app.client
        .execute(
            "document.documentElement.dataset.theme = arguments[0]; return 1;",
            vec![json!(theme)],
        )
        .await
        .unwrap();
}

/// The serious and critical violations axe finds on the page, one line each.
async fn serious_violations(app: &App) -> Vec<String> {
    app.client
        .execute(&format!("{AXE}; return axe.version;"), vec![])
        .await
        .unwrap();
    let found = app
        .client
        .execute_async(
            r"const done = arguments[arguments.length - 1];
              axe.run(document, { resultTypes: ['violations'] })
                 .then(r => done(r.violations), e => done([{ id: 'axe-failed', impact: 'critical', nodes: [{ target: [String(e)] }] }]));",
            vec![],
        )
        .await
        .unwrap();
    let Value::Array(violations) = found else {
        panic!("axe answered {found:?}");
    };
    violations
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v| {
            let targets: Vec<String> = v["nodes"]
                .as_array()
                .map(|nodes| {
                    nodes
                        .iter()
                        .take(3)
                        .map(|n| n["target"].to_string())
                        .collect()
                })
                .unwrap_or_default();
            format!("{} ({}): {}", v["id"], v["impact"], targets.join(", "))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_passes_axe_in_light_and_dark() {
    let app = App::demo().await.unwrap();
    app.wait_for("[data-testid=org-row]", WAIT).await.unwrap();
    // On Linux the type tokens name fontconfig's default font by its generic name (cheaper to
    // look up than system-ui, which WebKitGTK resolves to the same font).
    let font = app
        .client
        .execute("return getComputedStyle(document.body).fontFamily", vec![])
        .await
        .unwrap();
    assert_eq!(font.as_str(), Some("sans-serif"));
    let mut failures = Vec::new();
    let mut controls = 0;
    for theme in ["light", "dark"] {
        set_theme(&app, theme).await;
        for page in PAGES {
            open(&app, page).await;
            // The README's screenshots, light and dark.
            if matches!(page, "organisations" | "users" | "products") {
                app.screenshot(&format!("{page}-{theme}")).await.unwrap();
            }
            for violation in serious_violations(&app).await {
                failures.push(format!("{page} in {theme}: {violation}"));
            }
            let (count, wrong) = foreign_controls(&app).await;
            controls += count;
            for control in wrong {
                failures.push(format!("{page} in {theme}: {control}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The users' selection boxes and Settings' radios and boxes, in both themes.
    assert!(
        controls >= 8,
        "only {controls} check boxes and radios were seen"
    );
    app.close().await;
}

/// Check boxes and radio buttons the system draws itself (a white square in the dark theme on
/// Linux), or whose box is not the theme's surface, or the accent once set.
const FOREIGN_CONTROLS: &str = r"
  const colour = (token) => {
    const probe = document.createElement('span');
    probe.style.backgroundColor = `var(${token})`;
    document.body.append(probe);
    const value = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return value;
  };
  const surface = colour('--surface'), accent = colour('--accent');
  const out = [];
  const controls = [...document.querySelectorAll('input[type=checkbox], input[type=radio]')]
    .filter((el) => el.getClientRects().length > 0);
  for (const el of controls) {
    const style = getComputedStyle(el);
    const set = el.checked || el.indeterminate;
    const want = set ? accent : surface;
    const name = el.getAttribute('aria-label') || el.name || el.id || el.type;
    if (style.appearance !== 'none') out.push(`${el.type} «${name}» drawn by the system (${style.appearance})`);
    else if (style.backgroundColor !== want) out.push(`${el.type} «${name}» is ${style.backgroundColor}, not ${want}`);
  }
  return { count: controls.length, out };";

/// How many check boxes and radio buttons are on screen, and those drawn wrong.
async fn foreign_controls(app: &App) -> (u64, Vec<String>) {
    let found = app.client.execute(FOREIGN_CONTROLS, vec![]).await.unwrap();
    let out = found["out"]
        .as_array()
        .map(|out| {
            out.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_else(|| vec![format!("the controls could not be read: {found}")]);
    (found["count"].as_u64().unwrap_or(0), out)
}

/// What overflows: the main region, any text that does not fit its box and is not an ellipsis
/// (those show their full text on hover and focus), or a table header with a word cut.
const OVERFLOW: &str = r"
  const main = document.querySelector('main');
  const out = [];
  if (main.scrollWidth > main.clientWidth + 1) out.push('main scrolls sideways: ' + main.scrollWidth + ' > ' + main.clientWidth);
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) out.push('the window scrolls sideways: ' + doc.scrollWidth + ' > ' + doc.clientWidth);
  for (const el of main.querySelectorAll('*')) {
    const x = getComputedStyle(el).overflowX;
    if ((x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
      out.push(el.tagName.toLowerCase() + '.' + el.className + ' scrolls sideways: ' + el.scrollWidth + ' > ' + el.clientWidth);
    }
  }
  for (const el of main.querySelectorAll('h1, h2, h3, p, label, legend, th, td, button, a, dt, dd, li')) {
    if (el.closest('.ellipsis, .visually-hidden, [hidden], details:not([open])')) continue;
    if (el.getClientRects().length === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
      out.push(el.tagName.toLowerCase() + ' «' + el.textContent.trim().slice(0, 40) + '» ' + el.scrollWidth + ' > ' + el.clientWidth);
    }
  }
  // A table's header wraps onto two lines (hyphenated): wider than its box, one of its words is cut.
  for (const el of main.querySelectorAll('thead .ellipsis')) {
    if (el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth + 1) {
      out.push('header «' + el.textContent.trim() + '» cut: ' + el.scrollWidth + ' > ' + el.clientWidth);
    }
  }
  return out;";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_page_scrolls_sideways_or_clips_text_at_the_default_and_minimum_sizes() {
    let app = App::demo().await.unwrap();
    app.wait_for("[data-testid=org-row]", WAIT).await.unwrap();
    let mut failures = Vec::new();
    for (width, height) in [(1200, 780), (880, 560)] {
        app.client.set_window_size(width, height).await.unwrap();
        tokio::time::sleep(Duration::from_millis(500)).await;
        for page in PAGES {
            open(&app, page).await;
            let found = app.client.execute(OVERFLOW, vec![]).await.unwrap();
            for problem in found.as_array().into_iter().flatten() {
                failures.push(format!(
                    "{page} at {width}×{height}: {}",
                    problem.as_str().unwrap_or_default()
                ));
            }
        }
        app.screenshot(&format!("settings-{width}x{height}"))
            .await
            .unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    app.close().await;
}
