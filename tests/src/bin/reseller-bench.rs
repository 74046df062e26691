//! A reseller's world (500 organisations, 50,000 people, 20,000 products) in the release app, beside
//! the 50-organisation world: requests until the organisations list and the renewals board are first
//! painted, how long the board's first read takes to land everything, the app's peak memory meanwhile
//! and the store's size once it has. Prints a Markdown section for docs/benchmarks.md.

// It is a report printer: stdout is its output.
#![allow(clippy::print_stdout)]

use e2e::{App, Launch, procs};
use sandbox::{Sandbox, SandboxConfig, Scale, tokens};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
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
    /// Requests the local API had received when the page painted the board (its own clock).
    board_requests: usize,
    /// The same, read when WebDriver found the board (its polling comes some time later).
    seen_requests: usize,
    progress_shown: bool,
    fill_s: f64,
    fill_requests: usize,
    peak_mib: f64,
    /// The highest resident set of each kind of process (the app, WebKit's web process…), in MiB,
    /// from the kernel's own high-water mark (`VmHWM`): which process the peak belongs to.
    peak_by_process: BTreeMap<String, f64>,
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
    // Each process's high-water mark, kept as last read: a process that exits keeps its figure.
    let marks = Arc::new(Mutex::new(BTreeMap::<String, u64>::new()));
    let sampler = {
        let (peak, marks, root) = (Arc::clone(&peak), Arc::clone(&marks), app.driver_pid());
        tokio::spawn(async move {
            let started = Instant::now();
            for tick in 0u64.. {
                peak.fetch_max(procs::descendants_rss_kib(root), Ordering::Relaxed);
                let now = procs::descendants_by_name(root);
                // Every ten seconds, what each process holds, on stderr: how memory grows, not
                // only how high it went.
                if tick % 20 == 0 {
                    let line: Vec<String> = now
                        .iter()
                        .map(|(name, (rss, _))| format!("{name} {} MiB", rss / 1024))
                        .collect();
                    eprintln!(
                        "{:>5.0} s  {}",
                        started.elapsed().as_secs_f64(),
                        line.join(", ")
                    );
                }
                {
                    let mut marks = marks.lock().unwrap_or_else(PoisonError::into_inner);
                    for (name, (_, hwm)) in now {
                        let mark = marks.entry(name).or_default();
                        *mark = (*mark).max(hwm);
                    }
                }
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

    let (board_requests, seen_requests) = board_paint(app, api).await?;
    let began = Instant::now();
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
    let mut peak_by_process = marks.lock().unwrap_or_else(PoisonError::into_inner).clone();
    for (name, (_, hwm)) in procs::descendants_by_name(app.driver_pid()) {
        let mark = peak_by_process.entry(name).or_default();
        *mark = (*mark).max(hwm);
    }
    Ok(Run {
        organisations: api.world().organisations.len(),
        orgs_requests,
        board_requests,
        seen_requests,
        progress_shown,
        fill_s,
        fill_requests,
        peak_mib: peak.load(Ordering::Relaxed) as f64 / 1024.0,
        peak_by_process: peak_by_process
            .into_iter()
            .map(|(name, kib)| (name, kib as f64 / 1024.0))
            .collect(),
        store_mib: size_of(&app.home.join("data")) as f64 / 1_048_576.0,
    })
}

/// Marks the moment the page paints the board: once its view switch is in the document, the
/// frame that shows it is painted and the next task records the wall clock.
const PAINT_WATCH: &str = "
    window.__boardPaintedAt = null;
    const board = () => document.querySelector('[data-testid=view-board]');
    const watch = new MutationObserver(() => {
        if (!board()) return;
        watch.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__boardPaintedAt = Date.now(); }, 0));
    });
    watch.observe(document.body, { childList: true, subtree: true });
";

/// Milliseconds since the Unix epoch, the clock the page's `Date.now()` reads.
fn wall_ms() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

/// Opens the Products page and counts the requests the local API had received when the page
/// painted the board, and when WebDriver saw it. WebDriver polls: by the time it finds the board,
/// requests sent after the paint have arrived too, so the count is taken from the page's clock,
/// against the local API's request count sampled every two milliseconds meanwhile.
async fn board_paint(app: &App, api: &Sandbox) -> Result<(usize, usize), BenchError> {
    app.client.execute(PAINT_WATCH, vec![]).await?;
    let samples = Mutex::new(vec![(wall_ms(), api.requests().len())]);
    let stop = std::sync::atomic::AtomicBool::new(false);
    let sampling = async {
        while !stop.load(Ordering::Relaxed) {
            let count = api.requests().len();
            samples
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push((wall_ms(), count));
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    };
    let driving = async {
        let result = async {
            app.click("a[href='#/products']", WAIT).await?;
            app.wait_for("[data-testid=view-board]", WAIT).await?;
            let seen = api.requests().len();
            let painted = loop {
                let at = app
                    .client
                    .execute("return window.__boardPaintedAt;", vec![])
                    .await?;
                if let Some(ms) = at.as_f64() {
                    break ms as u128;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            };
            Ok::<_, BenchError>((painted, seen))
        }
        .await;
        stop.store(true, Ordering::Relaxed);
        result
    };
    let ((), result) = tokio::join!(sampling, driving);
    let (painted, seen) = result?;
    let samples = samples.into_inner().unwrap_or_else(PoisonError::into_inner);
    let at_paint = samples
        .iter()
        .filter(|(ms, _)| *ms <= painted)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    Ok((at_paint, seen))
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
        "| requests until the renewals board is first painted (all so far, at the page's paint) | {} | ≤ 10 | {} |",
        col(&|r| r.board_requests.to_string()),
        if reseller.board_requests <= 10 {
            "yes"
        } else {
            "no"
        }
    );
    println!(
        "| the same, when WebDriver's polling found the board | {} | — | — |",
        col(&|r| r.seen_requests.to_string())
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
        "| of which, by process (each one's own highest resident set) | {} | — | — |",
        col(&|r| r
            .peak_by_process
            .iter()
            .filter(|(_, mib)| **mib >= 1.0)
            .map(|(name, mib)| format!("{name} {mib:.0} MiB"))
            .collect::<Vec<_>>()
            .join(", "))
    );
    println!(
        "| the store on disk once the board is complete | {} | — | — |",
        col(&|r| format!("{:.1} MiB", r.store_mib))
    );
}
