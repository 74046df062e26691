//! A reseller's world (500 organisations, 50,000 people, 20,000 products) in the release app, beside
//! the 50-organisation world: requests until the organisations list and the renewals board are first
//! painted, how long the board's first read takes to land everything, the app's peak memory meanwhile
//! and the store's size once it has. Prints a Markdown section for docs/benchmarks.md.

// It is a report printer: stdout is its output.
#![allow(clippy::print_stdout)]

use e2e::{App, Launch, procs};
use sandbox::{Sandbox, SandboxConfig, Scale, tokens};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(120);
/// The reseller's board needs some 540 requests: nine minutes of the budget, and some margin.
const FILL_WAIT: Duration = Duration::from_secs(20 * 60);

#[derive(Debug, thiserror::Error)]
enum BenchError {
    #[error("the local API did not start: {0}")]
    Api(#[from] sandbox::SandboxError),
    #[error("the app did not start: {0}")]
    Launch(#[from] e2e::LaunchError),
    #[error("WebDriver: {0}")]
    Driver(#[from] fantoccini::error::CmdError),
    #[error("the board's first read did not end within {0:?}")]
    NeverFilled(Duration),
}

struct Run {
    organisations: usize,
    orgs_requests: usize,
    board_requests: usize,
    progress_shown: bool,
    fill_s: f64,
    fill_requests: usize,
    peak_mib: f64,
    store_mib: f64,
}

/// Bytes of every file under `dir` (the app's data folder: the store and its journal).
fn size_of(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => size_of(&e.path()),
            _ => e.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}

async fn run(scale: Scale) -> Result<Run, BenchError> {
    let api = Sandbox::start(SandboxConfig {
        scale,
        ..SandboxConfig::demo()
    })
    .await?;
    let app = App::launch(Launch {
        args: vec!["--api-base".into(), api.base_url()],
        ..Launch::default()
    })
    .await?;
    let run = measure(&app, &api).await;
    app.close().await;
    api.shutdown().await;
    run
}

async fn measure(app: &App, api: &Sandbox) -> Result<Run, BenchError> {
    // Resident memory of every process of the app, sampled twice a second; the highest is kept.
    let peak = Arc::new(AtomicU64::new(0));
    let sampler = {
        let (peak, root) = (Arc::clone(&peak), app.driver_pid());
        tokio::spawn(async move {
            loop {
                peak.fetch_max(procs::descendants_rss_kib(root), Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        })
    };
    app.wait_for("[data-testid=token-input]", WAIT).await?;
    app.type_into("[data-testid=token-input]", tokens::DEMO)
        .await?;
    app.click("[data-testid=sign-in-submit]", WAIT).await?;
    app.wait_for("[data-testid=org-name]", WAIT).await?;
    let orgs_requests = api.requests().len();

    app.click("a[href='#/products']", WAIT).await?;
    let began = Instant::now();
    app.wait_for("[data-testid=view-board]", WAIT).await?;
    let board_requests = api.requests().len();
    let progress_shown = shown(app, "[data-testid=board-progress]").await?;
    while shown(app, "[data-testid=board-progress]").await? {
        if began.elapsed() > FILL_WAIT {
            sampler.abort();
            return Err(BenchError::NeverFilled(FILL_WAIT));
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    let fill_s = began.elapsed().as_secs_f64();
    let fill_requests = api.requests().len();
    // The last landing is written and painted; then the memory is read once more.
    tokio::time::sleep(Duration::from_secs(3)).await;
    sampler.abort();
    peak.fetch_max(
        procs::descendants_rss_kib(app.driver_pid()),
        Ordering::Relaxed,
    );
    Ok(Run {
        organisations: api.world().organisations.len(),
        orgs_requests,
        board_requests,
        progress_shown,
        fill_s,
        fill_requests,
        peak_mib: peak.load(Ordering::Relaxed) as f64 / 1024.0,
        store_mib: size_of(&app.home.join("data")) as f64 / 1_048_576.0,
    })
}

/// Whether the page holds an element matching `css`, asked in the page itself: the board repaints
/// as the read lands, and an element found a moment ago may be gone by the time it is read.
async fn shown(app: &App, css: &str) -> Result<bool, BenchError> {
    let found = app
        .client
        .execute(
            "return document.querySelector(arguments[0]) !== null;",
            vec![serde_json::json!(css)],
        )
        .await?;
    Ok(found.as_bool().unwrap_or(false))
}

#[tokio::main]
async fn main() {
    let mut runs = Vec::new();
    for scale in [Scale::Large(50), Scale::Reseller] {
        match run(scale).await {
            Ok(r) => runs.push(r),
            Err(e) => {
                eprintln!("reseller-bench: {e}");
                std::process::exit(2);
            }
        }
    }
    let [large, reseller] = &runs[..] else {
        return;
    };
    let col = |f: &dyn Fn(&Run) -> String| format!("{} | {}", f(large), f(reseller));
    println!(
        "| measure | {} organisations | {} organisations (reseller) | target | met |",
        large.organisations, reseller.organisations
    );
    println!("|---|---:|---:|---|---|");
    println!(
        "| requests until the organisations list is painted (signing in included) | {} | ≤ 10 | {} |",
        col(&|r| r.orgs_requests.to_string()),
        if reseller.orgs_requests <= 10 {
            "yes"
        } else {
            "no"
        }
    );
    println!(
        "| requests until the renewals board is first painted (all so far) | {} | ≤ 10 | {} |",
        col(&|r| r.board_requests.to_string()),
        if reseller.board_requests <= 10 {
            "yes"
        } else {
            "no"
        }
    );
    println!(
        "| the board painted with a progress note (a read still under way) | {} | — | — |",
        col(&|r| if r.progress_shown {
            "yes".into()
        } else {
            "no".into()
        })
    );
    println!(
        "| board first painted → everything landed (real time) | {} | — | — |",
        col(&|r| format!("{:.0} s", r.fill_s))
    );
    println!(
        "| requests in all by then | {} | — | — |",
        col(&|r| r.fill_requests.to_string())
    );
    println!(
        "| peak resident memory, all processes of the app | {} | ≤ 1.5× the 50-organisation world | {} |",
        col(&|r| format!("{:.0} MiB", r.peak_mib)),
        if reseller.peak_mib <= 1.5 * large.peak_mib {
            format!("yes ({:.2}×)", reseller.peak_mib / large.peak_mib)
        } else {
            format!("no ({:.2}×)", reseller.peak_mib / large.peak_mib)
        }
    );
    println!(
        "| the store on disk once the board is complete | {} | — | — |",
        col(&|r| format!("{:.1} MiB", r.store_mib))
    );
}
