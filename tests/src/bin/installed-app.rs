//! Starts the INSTALLED app the way a desktop would, from its `.desktop` entry's `Exec` line (with
//! `--demo` added), and waits for the demo's organisations to be painted. `make test-package` runs
//! it after installing the `.deb`; it exits non-zero, saying why, when the app does not come up.
//!
//! Usage: installed-app /usr/share/applications/<name>.desktop

// A command-line check: it reports on stdout and stderr.
#![allow(clippy::print_stdout)]

use e2e::{App, Launch};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// The program and arguments of a desktop entry's `Exec` key, field codes (`%U`, `%f`…) removed.
/// Quoting follows the desktop entry specification's simple case (double quotes around a word).
fn exec_line(entry: &str) -> Option<Vec<String>> {
    let line = entry
        .lines()
        .skip_while(|l| l.trim() != "[Desktop Entry]")
        .find_map(|l| l.strip_prefix("Exec="))?;
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.retain(|w| !(w.len() == 2 && w.starts_with('%')));
    (!words.is_empty()).then_some(words)
}

/// Where a desktop would find `program`: itself when it is a path, otherwise the first match in PATH.
fn on_path(program: &str) -> Option<PathBuf> {
    if program.contains('/') {
        return Some(PathBuf::from(program));
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// Why the installed app did not come up.
#[derive(Debug, thiserror::Error)]
enum NotUp {
    #[error("cannot read {path}: {source}")]
    Entry {
        path: String,
        source: std::io::Error,
    },
    #[error("{0} has no Exec line")]
    NoExec(String),
    #[error("Exec names {0}, which is not on PATH")]
    NotOnPath(String),
    #[error("{binary} did not start: {source}")]
    Launch {
        binary: String,
        source: e2e::LaunchError,
    },
    #[error("the organisation list is empty")]
    Empty,
    #[error("the organisations never showed: {error}\n{log}")]
    NeverShowed { error: String, log: String },
}

async fn check(desktop: &Path) -> Result<String, NotUp> {
    let entry = std::fs::read_to_string(desktop).map_err(|source| NotUp::Entry {
        path: desktop.display().to_string(),
        source,
    })?;
    let mut words =
        exec_line(&entry).ok_or_else(|| NotUp::NoExec(desktop.display().to_string()))?;
    let program = words.remove(0);
    let binary = on_path(&program).ok_or_else(|| NotUp::NotOnPath(program.clone()))?;
    words.push("--demo".into());
    let app = App::launch(Launch {
        args: words,
        binary: Some(binary.clone()),
        ..Launch::default()
    })
    .await
    .map_err(|source| NotUp::Launch {
        binary: binary.display().to_string(),
        source,
    })?;
    let painted = app
        .wait_for("[data-testid=org-name]", Duration::from_secs(60))
        .await;
    let names = app
        .texts("[data-testid=org-name]")
        .await
        .unwrap_or_default();
    let log = app.log();
    let _ = app.screenshot("installed-app-demo").await;
    app.close().await;
    match painted {
        Ok(()) if !names.is_empty() => Ok(format!(
            "{} painted {} organisations ({})",
            binary.display(),
            names.len(),
            names.join(", ")
        )),
        Ok(()) => Err(NotUp::Empty),
        Err(e) => Err(NotUp::NeverShowed {
            error: e.to_string(),
            log,
        }),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let Some(desktop) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: installed-app /usr/share/applications/<name>.desktop");
        return ExitCode::from(2);
    };
    match check(&desktop).await {
        Ok(said) => {
            println!("installed-app: {said}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("installed-app: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::exec_line;

    #[test]
    fn the_exec_line_loses_its_field_codes_and_keeps_quoted_words_whole() {
        let entry = "[Desktop Entry]\nName=X\nExec=\"/opt/IK Desk/ik-desk\" --hidden %U\n";
        assert_eq!(
            exec_line(entry).unwrap(),
            vec!["/opt/IK Desk/ik-desk".to_owned(), "--hidden".to_owned()]
        );
    }

    #[test]
    fn an_entry_without_exec_has_none() {
        assert_eq!(exec_line("[Desktop Entry]\nName=X\n"), None);
    }
}
