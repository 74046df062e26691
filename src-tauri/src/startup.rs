//! Starting up: the checks that turn a missing display into one sentence, and the Tauri builder.

use crate::args::{Args, Early};
use crate::commands::AppState;
use crate::events::DataChanged;
use desk::attention::wording;
use desk::settings::Locale;
use std::process::ExitCode;
use tauri::Manager;
use tauri_specta::Event;

/// Prints help, version or a refusal for flags that stop the start.
#[allow(
    clippy::print_stdout,
    reason = "--help and --version answer on standard output"
)]
pub fn report_early(early: &Early) -> ExitCode {
    match early {
        Early::Help => {
            println!("{}", early_text(early, Locale::of_system()));
            ExitCode::SUCCESS
        }
        Early::Version => {
            println!("{}", early_text(early, Locale::of_system()));
            ExitCode::SUCCESS
        }
        Early::Unknown(_) | Early::ApiBaseNeedsUrl => {
            eprintln!("{}", early_text(early, Locale::of_system()));
            ExitCode::from(2)
        }
    }
}

/// What the command line answers for `early`, in the system's language (no window and no
/// settings yet: the app's own language choice is not known before the store opens).
pub fn early_text(early: &Early, locale: Locale) -> String {
    let cli = wording::messages(locale).cli;
    match early {
        Early::Help => cli.usage.to_owned(),
        Early::Version => format!("ik-desk {}", env!("CARGO_PKG_VERSION")),
        Early::Unknown(flag) => format!(
            "ik-desk: {}\n\n{}",
            wording::fill(cli.unknown_option, &[("option", flag)]),
            cli.usage
        ),
        Early::ApiBaseNeedsUrl => format!("ik-desk: {}\n\n{}", cli.api_base_needs_url, cli.usage),
    }
}

/// Why the app cannot start at all.
#[derive(Debug, thiserror::Error)]
pub enum StartupProblem {
    #[error("no graphical session")]
    NoDisplay,
}

impl StartupProblem {
    /// The sentence for the terminal, in `locale`.
    pub fn text(&self, locale: Locale) -> &'static str {
        match self {
            StartupProblem::NoDisplay => wording::messages(locale).cli.no_display,
        }
    }
}

/// Refuses to start, in one sentence, where no window can open.
pub fn check_environment() -> Result<(), StartupProblem> {
    #[cfg(target_os = "linux")]
    {
        let has = |v: &str| std::env::var_os(v).is_some_and(|s| !s.is_empty());
        if !has("DISPLAY") && !has("WAYLAND_DISPLAY") {
            return Err(StartupProblem::NoDisplay);
        }
    }
    Ok(())
}

/// Logs to stderr at `info` unless `RUST_LOG` says otherwise (`debug`, `ik_desk_lib=trace,info`).
/// Nothing logged carries a token.
pub fn init_logging() {
    use tracing_subscriber::layer::SubscriberExt as _;
    use tracing_subscriber::util::SubscriberInitExt as _;
    let (filter, unread) = log_filter(std::env::var("RUST_LOG").ok().as_deref());
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(tracing::Level::TRACE)
        .finish()
        .with(filter)
        .try_init();
    if let Some(problem) = unread {
        tracing::warn!("{problem}");
    }
}

/// `RUST_LOG`'s targets and levels; `info` when it is unset or cannot be read, and then why.
fn log_filter(var: Option<&str>) -> (tracing_subscriber::filter::Targets, Option<String>) {
    let info = || tracing_subscriber::filter::Targets::new().with_default(tracing::Level::INFO);
    match var.map(str::trim).filter(|v| !v.is_empty()) {
        None => (info(), None),
        Some(v) => match v.parse() {
            Ok(filter) => (filter, None),
            Err(e) => (
                info(),
                Some(format!(
                    "RUST_LOG={v:?} could not be read ({e}); logging at info. \
                     Write a level (debug) or target=level pairs separated by commas \
                     (ik_desk_lib=trace,warn)"
                )),
            ),
        },
    }
}

/// Builds and runs the app.
pub fn launch(args: &Args) -> ExitCode {
    let specta = crate::bindings::builder();
    let demo = args.demo;
    let api_base = args
        .api_base
        .clone()
        .or_else(|| std::env::var(API_BASE_VAR).ok())
        .filter(|b| !b.is_empty());
    let hidden = args.hidden;
    let mut builder = tauri::Builder::default();
    if let Some(id) = single_instance_id() {
        // First, so that a second launch hands over before anything else starts.
        builder = builder.plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(id)
                .callback(|app, _args, _cwd| crate::attention::show_window(app))
                .build(),
        );
    }
    let result = builder
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec!["--hidden"]),
        ))
        .invoke_handler(specta.invoke_handler())
        .setup(move |app| {
            specta.mount_events(app);
            let desk = match desk::Desk::open(desk_config(app.handle(), demo, api_base.clone())?) {
                Ok(desk) => desk,
                Err(e) => {
                    cannot_start(app.handle(), &e);
                    return Ok(());
                }
            };
            forward_events(app.handle().clone(), &desk);
            // The demo starts while the window loads; the session answer waits for it, so the
            // demo is what the window shows first.
            let demo_ready = demo.then(|| {
                let (done, ready) = tokio::sync::watch::channel(false);
                let desk = desk.clone();
                tauri::async_runtime::spawn(async move {
                    if let Err(e) = desk.start_demo().await {
                        tracing::error!("the demo could not start: {e}");
                    }
                    let _ = done.send(true);
                });
                ready
            });
            if let Some(window) = app.get_webview_window("main") {
                crate::renderer::apply(&window);
                crate::attention::hide_instead_of_closing(&window, desk.clone());
                if hidden {
                    window.hide()?;
                }
            }
            app.manage(AppState {
                desk: desk.clone(),
                demo_ready,
            });
            crate::attention::start(app.handle(), desk);
            Ok(())
        })
        .build(tauri::generate_context!())
        .map(|app| {
            app.run(|app, event| {
                if let tauri::RunEvent::Exit = event
                    && let Some(state) = app.try_state::<AppState>()
                {
                    state.desk.clear_opened_files();
                }
            });
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ik-desk: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Says in a native dialog why the app cannot start (no window shows), then exits once it is read.
fn cannot_start(app: &tauri::AppHandle, error: &desk::Error) {
    use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
    tracing::error!("cannot start: {error}");
    eprintln!("ik-desk: {error}");
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.hide();
    }
    let (title, text) =
        desk::session::startup::cannot_start(desk::settings::Locale::of_system(), error);
    let app = app.clone();
    app.clone()
        .dialog()
        .message(text)
        .title(title)
        .kind(MessageDialogKind::Error)
        .show(move |_| app.exit(2));
}

/// The name a running instance answers to on the session bus, one per user data folder: a
/// second launch on the same data shows the first one's window instead of opening the store
/// twice. `None` without a session bus (nothing to coordinate through; the app still starts).
fn single_instance_id() -> Option<String> {
    #[cfg(target_os = "linux")]
    {
        let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
            || std::env::var_os("XDG_RUNTIME_DIR")
                .is_some_and(|d| std::path::Path::new(&d).join("bus").exists());
        if !has_bus {
            return None;
        }
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .or_else(|| std::env::var_os("HOME"))
        .unwrap_or_default();
    // FNV-1a: stable across runs and versions, unlike the standard library's hasher.
    let hash = data
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        });
    Some(format!("app.ikdesk.desktop.h{hash:016x}"))
}

/// The demo's local API with faults, to see the app on a bad network: the share of answers that
/// fail (0 to 1) in `IK_DESK_DEMO_FAULT_RATE`, their seed in `IK_DESK_DEMO_FAULT_SEED`.
const DEMO_FAULT_RATE_VAR: &str = "IK_DESK_DEMO_FAULT_RATE";
const DEMO_FAULT_SEED_VAR: &str = "IK_DESK_DEMO_FAULT_SEED";

fn demo_faults() -> Option<(f64, u64)> {
    let rate = std::env::var(DEMO_FAULT_RATE_VAR).ok()?;
    let seed = std::env::var(DEMO_FAULT_SEED_VAR).ok();
    match crate::args::demo_faults(&rate, seed.as_deref()) {
        Ok(faults) => {
            tracing::warn!(
                rate = faults.0,
                seed = faults.1,
                "the demo's API answers with faults"
            );
            Some(faults)
        }
        Err(why) => {
            eprintln!("ik-desk: {DEMO_FAULT_RATE_VAR} ignored: {why}");
            None
        }
    }
}

/// Like `--api-base`: points sign-ins at another API than Infomaniak's. Shown in the window.
const API_BASE_VAR: &str = "IK_DESK_API_BASE";

fn desk_config(
    app: &tauri::AppHandle,
    demo: bool,
    api_base: Option<String>,
) -> Result<desk::DeskConfig, tauri::Error> {
    let mut config = if demo {
        desk::DeskConfig::in_memory()
    } else {
        desk::DeskConfig::at(app.path().app_data_dir()?.join("ik-desk.sqlite3"))
    };
    if demo {
        config.demo_faults = demo_faults();
    }
    // Invoices opened in the PDF viewer: the user's own cache folder, emptied at start and exit.
    config.opened_dir = Some(app.path().app_cache_dir()?.join("opened-invoices"));
    if let Some(base) = api_base {
        tracing::warn!("signing in to {base} instead of Infomaniak's API");
        config.api_base = base;
    }
    Ok(config)
}

fn forward_events(app: tauri::AppHandle, desk: &desk::Desk) {
    let mut changes = desk.subscribe();
    tauri::async_runtime::spawn(async move {
        loop {
            match changes.recv().await {
                Ok(change) => {
                    if let Err(e) = DataChanged::from(change).emit(&app) {
                        tracing::warn!("could not tell the window about new data: {e}");
                    }
                }
                // Missed some: the pages re-read on the next one anyway.
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Locale; 5] = [Locale::En, Locale::Fr, Locale::De, Locale::It, Locale::Es];

    #[test]
    fn rust_log_sets_levels_per_target_and_info_is_the_default() {
        use tracing::Level;
        let unset = log_filter(None).0;
        assert!(unset.would_enable("ik_desk_lib::sync", &Level::INFO));
        assert!(!unset.would_enable("ik_desk_lib::sync", &Level::DEBUG));
        assert!(
            log_filter(Some("trace"))
                .0
                .would_enable("desk::store", &Level::TRACE)
        );
        let (scoped, fine) = log_filter(Some("ik_desk_lib=debug"));
        assert_eq!(fine, None);
        assert!(scoped.would_enable("ik_desk_lib::attention", &Level::DEBUG));
        assert!(!scoped.would_enable("zbus::connection", &Level::ERROR));
        let mixed = log_filter(Some(" ik_desk_lib=trace,warn ")).0;
        assert!(mixed.would_enable("ik_desk_lib", &Level::TRACE));
        assert!(mixed.would_enable("reqwest", &Level::WARN));
        assert!(!mixed.would_enable("reqwest", &Level::INFO));
        for (value, said) in [("", false), ("  ", false), ("ik_desk_lib=loud", true)] {
            let (filter, problem) = log_filter(Some(value));
            assert!(filter.would_enable("desk", &Level::INFO), "{value:?}");
            assert!(!filter.would_enable("desk", &Level::DEBUG), "{value:?}");
            assert_eq!(problem.is_some(), said, "{value:?}");
        }
        let problem = log_filter(Some("ik_desk_lib=loud")).1.unwrap_or_default();
        assert!(
            problem.contains("ik_desk_lib=loud") && problem.contains("logging at info"),
            "{problem}"
        );
    }

    #[test]
    fn the_command_line_answers_in_the_systems_language() {
        let english = early_text(&Early::Help, Locale::En);
        for locale in ALL {
            let help = early_text(&Early::Help, locale);
            for flag in [
                "--demo",
                "--hidden",
                "--api-base URL",
                "--help",
                "--version",
            ] {
                assert!(help.contains(flag), "{locale:?} help lacks {flag}");
            }
            if locale != Locale::En {
                assert_ne!(help, english, "{locale:?} help is not translated");
            }
            let refusal = early_text(&Early::Unknown("--demi".into()), locale);
            assert!(
                refusal.contains("--demi") && refusal.contains(&help),
                "{locale:?}"
            );
            if locale != Locale::En {
                assert_ne!(
                    StartupProblem::NoDisplay.text(locale),
                    StartupProblem::NoDisplay.text(Locale::En),
                    "{locale:?}"
                );
            }
        }
        assert!(
            StartupProblem::NoDisplay
                .text(Locale::De)
                .contains("keine grafische Sitzung")
        );
    }
}
