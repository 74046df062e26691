//! The shell: wires the core to Tauri (state, commands, events, plugins, window). No logic here.

mod args;
pub mod attention;
pub mod bindings;
mod commands;
mod dialogs;
mod error;
mod events;
mod renderer;
mod startup;

use std::process::ExitCode;

/// Starts the app; returns when its last window closes.
pub fn run() -> ExitCode {
    let args = match args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(early) => return startup::report_early(&early),
    };
    if let Err(problem) = startup::check_environment() {
        eprintln!(
            "ik-desk: {}",
            problem.text(desk::settings::Locale::of_system())
        );
        return ExitCode::from(2);
    }
    startup::init_logging();
    startup::launch(&args)
}
