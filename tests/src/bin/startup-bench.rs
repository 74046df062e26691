//! Cold start to the organisation list painted, and resident memory of all the app's processes,
//! against a bare Tauri window measured the same way. Prints a Markdown table.
//!
//! Both are timed from the WebDriver session request (which launches the binary) to the first
//! element that proves the page is ready; the WebDriver overhead is in both figures alike.

// It is a report printer: stdout is its output.
#![allow(clippy::print_stdout)]

use e2e::{App, Launch, procs};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const RUNS: usize = 7;

struct Sample {
    start_ms: f64,
    rss_mib: f64,
}

async fn measure(binary: PathBuf, args: Vec<String>, ready: &str) -> Vec<Sample> {
    let mut samples = Vec::new();
    for _ in 0..RUNS {
        let began = Instant::now();
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
        if let Err(e) = app.wait_for(ready, Duration::from_secs(60)).await {
            eprintln!(
                "startup-bench: {} never showed {ready}: {e}",
                binary.display()
            );
            std::process::exit(2);
        }
        let start_ms = began.elapsed().as_secs_f64() * 1000.0;
        // Let the page settle before reading memory, as a person would see it.
        tokio::time::sleep(Duration::from_secs(2)).await;
        let rss_mib = procs::descendants_rss_kib(app.driver_pid()) as f64 / 1024.0;
        samples.push(Sample { start_ms, rss_mib });
        app.close().await;
    }
    samples
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
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
        "| cold start to ready | {os:.0} ms | {bs:.0} ms | {:.2}x | ≤ 1.5x |",
        os / bs
    );
    println!(
        "| resident memory, all processes | {om:.0} MiB | {bm:.0} MiB | {:.2}x | ≤ 1.5x |",
        om / bm
    );
}
