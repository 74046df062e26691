//! Cold start to the organisation list painted, and resident memory of all the app's processes,
//! against a bare Tauri window measured the same way. Prints a Markdown table.
//!
//! Both are timed from the WebDriver session request (which launches the binary) to the first
//! element that proves the page is ready, looked for every 10 ms; the WebDriver overhead is in both
//! figures alike. It also prints where the time goes, from the marks each window sets on its own
//! timeline (`ui/src/lib/startup.ts`; the bare window's `painted.js`) placed against the launch, and
//! times both to the frame drawn after the ready one: finding an element does not wait for paint.

// It is a report printer: stdout is its output.
#![allow(clippy::print_stdout)]

use e2e::{App, Launch, procs};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const RUNS: usize = 7;

struct Sample {
    start_ms: f64,
    rss_mib: f64,
    /// Each step of the window's timeline, in ms since the launch.
    steps: BTreeMap<String, f64>,
}

/// The window's timeline: when its document began (ms since the epoch), the navigation's own
/// steps and the app's start-up marks (ms since that beginning).
const TIMELINE_JS: &str = r#"
const nav = performance.getEntriesByType('navigation')[0];
const steps = {};
if (nav) {
  steps['document received'] = nav.responseEnd;
  steps['document parsed (scripts loaded)'] = nav.domInteractive;
}
for (const m of performance.getEntriesByType('mark')) {
  if (m.name.startsWith('startup:')) steps[m.name.slice(8)] = m.startTime;
}
return { origin: performance.timeOrigin, steps };
"#;

fn now_epoch_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// What each mark of `ui/src/lib/startup.ts` means, for the table.
fn step_name(mark: &str) -> String {
    match mark {
        "script" => "the UI's script runs",
        "locale" => "language and formats known",
        "session" => "session answered",
        "organisations" => "organisations answered",
        "mounted" => "shell built",
        "shown" => "organisations in the document",
        "painted" => "that frame drawn",
        other => other,
    }
    .to_owned()
}

async fn timeline(app: &App, launched_ms: f64) -> BTreeMap<String, f64> {
    let Ok(found) = app.client.execute(TIMELINE_JS, Vec::new()).await else {
        return BTreeMap::new();
    };
    let origin = found
        .get("origin")
        .and_then(Value::as_f64)
        .unwrap_or(f64::NAN);
    let mut steps = BTreeMap::from([("window's document begins".to_owned(), origin - launched_ms)]);
    if let Some(marks) = found.get("steps").and_then(Value::as_object) {
        for (name, at) in marks {
            if let Some(at) = at.as_f64() {
                steps.insert(step_name(name), origin + at - launched_ms);
            }
        }
    }
    steps
}

async fn measure(binary: PathBuf, args: Vec<String>, ready: &str) -> Vec<Sample> {
    let mut samples = Vec::new();
    for _ in 0..RUNS {
        let began = Instant::now();
        let launched_ms = now_epoch_ms();
        let app = match App::launch(Launch {
            args: args.clone(),
            binary: Some(binary.clone()),
            ..Launch::default()
        })
        .await
        {
            Ok(app) => app,
            Err(e) => {
                eprintln!("startup-bench: {e}");
                std::process::exit(2);
            }
        };
        if let Err(e) = app.time_until(ready, Duration::from_secs(60)).await {
            eprintln!(
                "startup-bench: {} never showed {ready}: {e}",
                binary.display()
            );
            std::process::exit(2);
        }
        let start_ms = began.elapsed().as_secs_f64() * 1000.0;
        // Let the page settle before reading memory, as a person would see it (and its frame
        // be drawn before its timeline is read).
        tokio::time::sleep(Duration::from_secs(2)).await;
        let mut steps = timeline(&app, launched_ms).await;
        steps.insert("ready element found".into(), start_ms);
        let rss_mib = procs::descendants_rss_kib(app.driver_pid()) as f64 / 1024.0;
        samples.push(Sample {
            start_ms,
            rss_mib,
            steps,
        });
        app.close().await;
    }
    samples
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Each step's median over the runs, in the order they happened.
fn timeline_table(label: &str, samples: &[Sample]) {
    let mut names: Vec<&String> = samples.iter().flat_map(|s| s.steps.keys()).collect();
    names.sort();
    names.dedup();
    let mut rows: Vec<(f64, &String)> = names
        .into_iter()
        .map(|n| {
            let at = median(
                samples
                    .iter()
                    .filter_map(|s| s.steps.get(n).copied())
                    .collect(),
            );
            (at, n)
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!();
    println!("| {label}: step (median of {RUNS} runs) | ms since launch | since the step before |");
    println!("|---|---:|---:|");
    let mut before = 0.0;
    for (at, name) in rows {
        println!("| {name} | {at:.0} | {:.0} |", at - before);
        before = at;
    }
}

#[tokio::main]
async fn main() {
    let app = std::env::var_os("IK_DESK_APP").map(PathBuf::from);
    let bare = std::env::var_os("BARE_WINDOW_APP").map(PathBuf::from);
    let (Some(app), Some(bare)) = (app, bare) else {
        eprintln!("startup-bench: set IK_DESK_APP and BARE_WINDOW_APP (make bench does)");
        std::process::exit(2);
    };
    let ours = measure(app, vec!["--demo".into()], "[data-testid=org-name]").await;
    let base = measure(bare, Vec::new(), "[data-testid=ready]").await;
    let (os, om) = (
        median(ours.iter().map(|s| s.start_ms).collect()),
        median(ours.iter().map(|s| s.rss_mib).collect()),
    );
    let (bs, bm) = (
        median(base.iter().map(|s| s.start_ms).collect()),
        median(base.iter().map(|s| s.rss_mib).collect()),
    );
    println!(
        "| measure (median of {RUNS} runs) | IK Desk (demo, organisations painted) | bare Tauri window | ratio | target |"
    );
    println!("|---|---|---|---|---|");
    println!(
        "| cold start to ready (found in the document) | {os:.0} ms | {bs:.0} ms | {:.2}x | ≤ 1.5x |",
        os / bs
    );
    let painted = |samples: &[Sample]| {
        median(
            samples
                .iter()
                .filter_map(|s| s.steps.get(&step_name("painted")).copied())
                .collect(),
        )
    };
    let (op, bp) = (painted(&ours), painted(&base));
    println!(
        "| cold start to that frame drawn | {op:.0} ms | {bp:.0} ms | {:.2}x | ≤ 1.5x |",
        op / bp
    );
    println!(
        "| resident memory, all processes | {om:.0} MiB | {bm:.0} MiB | {:.2}x | ≤ 1.5x |",
        om / bm
    );
    timeline_table("IK Desk", &ours);
    timeline_table("bare Tauri window", &base);
}
