//! The Users table of one organisation of 10,000 people: requests spent opening the page cold and
//! warm, and time from a keystroke in the search box to the filtered rows painted, measured in the
//! page. Prints a Markdown section for docs/benchmarks.md.

// It is a report printer: stdout is its output.
#![allow(clippy::print_stdout)]

use e2e::{App, Launch};
use fantoccini::Locator;
use sandbox::{Sandbox, SandboxConfig, Scale, tokens};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const PEOPLE: u32 = 10_000;
const WAIT: Duration = Duration::from_secs(120);
/// How long the request log must stay still before a count is read: background refreshes included.
const QUIET: Duration = Duration::from_secs(3);

/// What a person types and deletes: a name, a name and surname, a mail domain, then another name.
/// Each entry is the search box's value after one keystroke (50 in all).
fn keystrokes() -> Vec<String> {
    let mut values = Vec::new();
    let mut typed = String::new();
    let type_text = |values: &mut Vec<String>, typed: &mut String, text: &str| {
        for c in text.chars() {
            typed.push(c);
            values.push(typed.clone());
        }
    };
    let delete = |values: &mut Vec<String>, typed: &mut String, n: usize| {
        for _ in 0..n {
            typed.pop();
            values.push(typed.clone());
        }
    };
    type_text(&mut values, &mut typed, "sophie");
    type_text(&mut values, &mut typed, " müller");
    delete(&mut values, &mut typed, 13);
    type_text(&mut values, &mut typed, "bluewin");
    delete(&mut values, &mut typed, 7);
    type_text(&mut values, &mut typed, "reto favre");
    values
}

/// Waits for the next painted frame, and times 20 such waits with nothing to do.
macro_rules! after_paint_js {
    () => {
        r#"
const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve(performance.now());
  channel.port2.postMessage(null);
}));
const idleFrames = async () => {
  const idle = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    idle.push((await afterPaint()) - start);
  }
  return idle;
};
"#
    };
}

/// Runs in the page. For each value: sets it on the search box and sends `input` as typing does,
/// then stamps (1) when the page's own work is done (the UI flushes its updates in a microtask;
/// the layout is forced) and (2) when the next frame has been painted (a message posted from the
/// frame's `requestAnimationFrame` callback runs once that frame is out). The same wait with no
/// keystroke first tells what the frame cadence alone costs.
const KEYSTROKES_JS: &str = concat!(
    after_paint_js!(),
    r#"
const [values, done] = [arguments[0], arguments[arguments.length - 1]];
const box = document.querySelector('[data-testid=users-search]');
const table = () => document.querySelector('table[aria-rowcount]');
const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
(async () => {
  const out = [];
  const idle = await idleFrames();
  // The floor: the search box repaints with a new value, but the page is not told (no event).
  const ignored = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    setValue.call(box, i % 2 ? 'x' : '');
    ignored.push((await afterPaint()) - start);
  }
  setValue.call(box, '');
  for (const value of values) {
    const start = performance.now();
    setValue.call(box, value);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    const dispatched = performance.now();
    await Promise.resolve();
    const flushed = performance.now();
    const t = table();
    if (t) void t.offsetHeight;
    const updated = performance.now();
    const painted = await afterPaint();
    out.push({
      value,
      updatedMs: updated - start,
      dispatchMs: dispatched - start,
      flushMs: flushed - dispatched,
      paintedMs: painted - start,
      rows: t ? Number(t.getAttribute('aria-rowcount')) - 1 : 0,
      painted: document.querySelectorAll('[data-testid=person-row]').length,
    });
  }
  done({ idle, ignored, out });
})().catch((e) => done({ error: String(e) }));
"#
);

/// The frame cadence of whatever page is open, for comparison.
const IDLE_JS: &str = concat!(
    after_paint_js!(),
    "idleFrames().then(arguments[arguments.length - 1]);"
);

#[derive(Debug, thiserror::Error)]
enum BenchError {
    #[error("the local API did not start: {0}")]
    Api(#[from] sandbox::SandboxError),
    #[error("the app did not start: {0}")]
    Launch(#[from] e2e::LaunchError),
    #[error("WebDriver: {0}")]
    Driver(#[from] fantoccini::error::CmdError),
    #[error("the keystroke script answered no samples")]
    NoSamples,
    #[error(
        "the filter did not act as typed: {samples} samples for {typed} keystrokes, back to every row: {back_to_all}"
    )]
    FilterMismatch {
        samples: usize,
        typed: usize,
        back_to_all: bool,
    },
    #[error("the table announces no row count (aria-rowcount {announced:?})")]
    RowCount { announced: String },
}

struct Open {
    requests: usize,
    /// The requests by route, ids left out: `GET /2/accounts/{id}/users ×10`.
    routes: String,
    shown_ms: f64,
}

fn routes(records: &[sandbox::RequestRecord]) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for r in records {
        let path: Vec<&str> = r
            .path
            .split('/')
            .enumerate()
            // The first part is the API's version, the others' numbers are ids.
            .map(|(i, part)| {
                if i > 1 && !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) {
                    "{id}"
                } else {
                    part
                }
            })
            .collect();
        let route = format!("{} {}", r.method, path.join("/"));
        match counts.iter_mut().find(|(k, _)| *k == route) {
            Some((_, n)) => *n += 1,
            None => counts.push((route, 1)),
        }
    }
    counts
        .iter()
        .map(|(route, n)| format!("`{route}` ×{n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Waits until the API has seen no request for [`QUIET`], and answers how many it has seen.
async fn settled(api: &Sandbox) -> usize {
    let mut last = api.requests().len();
    let mut since = Instant::now();
    while since.elapsed() < QUIET {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now = api.requests().len();
        if now != last {
            last = now;
            since = Instant::now();
        }
    }
    last
}

async fn open_users(app: &App, api: &Sandbox) -> Result<Open, BenchError> {
    let before = settled(api).await;
    let began = Instant::now();
    app.click("a[href='#/users']", WAIT).await?;
    app.time_until("[data-testid=person-row]", WAIT).await?;
    let shown_ms = began.elapsed().as_secs_f64() * 1000.0;
    let after = settled(api).await;
    let log = api.requests();
    Ok(Open {
        requests: after - before,
        routes: routes(log.get(before..after).unwrap_or_default()),
        shown_ms,
    })
}

#[derive(Debug, Clone, Copy)]
struct Stats {
    median: f64,
    worst: f64,
}

fn stats(mut v: Vec<f64>) -> Stats {
    v.sort_by(f64::total_cmp);
    Stats {
        median: v.get(v.len() / 2).copied().unwrap_or(f64::NAN),
        worst: v.last().copied().unwrap_or(f64::NAN),
    }
}

struct Report {
    cold: Open,
    warm: Open,
    baseline: Stats,
    settle_s: f64,
    idle: Stats,
    ignored: Stats,
    updated: Stats,
    painted: Stats,
    strokes: usize,
    most_painted: u64,
    all_rows: u64,
    /// Requests sent by opening the Check-up once the Users page has cached the people.
    checkup_requests: usize,
}

async fn run() -> Result<Report, BenchError> {
    let api = Sandbox::start(SandboxConfig {
        scale: Scale::OneLargeOrganisation(PEOPLE),
        ..SandboxConfig::demo()
    })
    .await?;
    // WebKitWebDriver does not pass its environment on to the app: the flag does.
    let app = App::launch(Launch {
        args: vec!["--api-base".into(), api.base_url()],
        ..Launch::default()
    })
    .await?;
    let report = measure(&app, &api).await;
    app.close().await;
    api.shutdown().await;
    report
}

async fn measure(app: &App, api: &Sandbox) -> Result<Report, BenchError> {
    app.wait_for("[data-testid=token-input]", WAIT).await?;
    app.type_into("[data-testid=token-input]", tokens::DEMO)
        .await?;
    app.click("[data-testid=sign-in-submit]", WAIT).await?;
    app.wait_for("[data-testid=org-name]", WAIT).await?;

    let baseline = app.client.execute_async(IDLE_JS, Vec::new()).await?;
    let baseline = stats(numbers(&baseline));
    let cold = open_users(app, api).await?;
    app.click("a[href='#/organisations']", WAIT).await?;
    app.wait_for("[data-testid=org-name]", WAIT).await?;
    let warm = open_users(app, api).await?;

    let settle_s = frames_settled(app, baseline.median).await?;
    let all_rows = rows_announced(app).await?;
    let values: Vec<Value> = keystrokes().into_iter().map(Value::from).collect();
    let strokes = values.len();
    let out = app
        .client
        .execute_async(KEYSTROKES_JS, vec![json!(values)])
        .await?;
    let idle = stats(numbers(&out["idle"]));
    let ignored = stats(numbers(&out["ignored"]));
    let Some(samples) = out["out"].as_array() else {
        return Err(BenchError::NoSamples);
    };
    let field = |name: &str| -> Vec<f64> {
        samples
            .iter()
            .filter_map(|s| s.get(name).and_then(Value::as_f64))
            .collect()
    };
    if std::env::var_os("USERS_BENCH_DUMP").is_some() {
        eprintln!("{out}");
    }
    let most_painted = samples
        .iter()
        .filter_map(|s| s.get("painted").and_then(Value::as_u64))
        .max()
        .unwrap_or(0);
    let back_to_all = samples
        .iter()
        .any(|s| s["value"] == "" && s["rows"].as_u64() == Some(all_rows));
    if samples.len() != strokes || !back_to_all {
        return Err(BenchError::FilterMismatch {
            samples: samples.len(),
            typed: strokes,
            back_to_all,
        });
    }
    // The Check-up works from what the pages cached: opening it must cost nothing.
    let before = settled(api).await;
    app.click("a[href='#/checkup']", WAIT).await?;
    app.wait_for(
        "[data-testid=checkup-summary], [data-testid=checkup-empty]",
        WAIT,
    )
    .await?;
    let checkup_requests = settled(api).await - before;
    Ok(Report {
        checkup_requests,
        cold,
        warm,
        baseline,
        settle_s,
        idle,
        ignored,
        updated: stats(field("updatedMs")),
        painted: stats(field("paintedMs")),
        strokes,
        most_painted,
        all_rows,
    })
}

/// Seconds until the page paints at the cadence the Organisations page does: right after it opens,
/// WebKit is still busy with the new page for a moment and a person would not have typed yet.
async fn frames_settled(app: &App, cadence_ms: f64) -> Result<f64, BenchError> {
    let began = Instant::now();
    while began.elapsed() < Duration::from_secs(30) {
        let idle = app.client.execute_async(IDLE_JS, Vec::new()).await?;
        if stats(numbers(&idle)).median <= cadence_ms * 1.25 + 1.0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    Ok(began.elapsed().as_secs_f64())
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .map(|v| v.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

async fn rows_announced(app: &App) -> Result<u64, BenchError> {
    let table = app
        .client
        .find(Locator::Css("table[aria-rowcount]"))
        .await?;
    let count = table.attr("aria-rowcount").await?.unwrap_or_default();
    count
        .parse::<u64>()
        .map(|n| n - 1)
        .map_err(|_| BenchError::RowCount { announced: count })
}

#[tokio::main]
async fn main() {
    let r = match run().await {
        Ok(r) => r,
        Err(e) => {
            eprintln!("users-bench: {e}");
            std::process::exit(2);
        }
    };
    println!(
        "| measure ({} people in one organisation) | result | target |",
        r.all_rows
    );
    println!("|---|---|---|");
    println!(
        "| requests opening the Users page cold (first visit after signing in) | {} | — |",
        r.cold.requests
    );
    println!(
        "| requests opening it warm (away and back, inside the freshness window) | {} | 0 |",
        r.warm.requests
    );
    println!(
        "| cold open to first rows shown (WebDriver, polling included) | {:.0} ms | — |",
        r.cold.shown_ms
    );
    println!(
        "| warm open to first rows shown (WebDriver, polling included) | {:.0} ms | — |",
        r.warm.shown_ms
    );
    println!(
        "| keystroke → filtered rows painted, median of {} | {:.1} ms | < 16 ms |",
        r.strokes, r.painted.median
    );
    println!(
        "| keystroke → filtered rows painted, worst of {} | {:.1} ms | — |",
        r.strokes, r.painted.worst
    );
    println!(
        "| the same wait with no keystroke (frame cadence), Users page / Organisations page, median | {:.1} / {:.1} ms | — |",
        r.idle.median, r.baseline.median
    );
    println!(
        "| a new value in the search box the page is not told of → painted, median (the floor) | {:.1} ms | — |",
        r.ignored.median
    );
    println!(
        "| warm open to steady frames (measured before typing) | {:.1} s | — |",
        r.settle_s
    );
    println!(
        "| keystroke → page updated and laid out (before painting), median / worst | {:.1} / {:.1} ms | — |",
        r.updated.median, r.updated.worst
    );
    println!(
        "| rows in the page at most (of {}) | {} | a window |",
        r.all_rows, r.most_painted
    );
    println!(
        "| requests opening the Check-up afterwards (it reads what the pages cached) | {} | 0 |",
        r.checkup_requests
    );
    println!();
    println!("Cold open, by route: {}.", r.cold.routes);
    if r.warm.requests > 0 {
        println!("Warm open, by route: {}.", r.warm.routes);
    }
}
