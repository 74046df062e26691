//! Native file dialogs, asked from Rust (the window itself may neither open dialogs nor touch
//! files). One place turns the dialog's answer into a path, for every command that saves.

// The IPC error is what a command answers; boxing it here would only add noise.
#![allow(clippy::result_large_err)]

use crate::error::IpcError;
use desk::ErrorCode;
use std::path::PathBuf;
use tauri::AppHandle;
use tauri_plugin_dialog::{DialogExt, FilePath};

/// What kind of file a save dialog proposes.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Csv,
    Pdf,
    Ics,
}

impl Kind {
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Kind::Csv => ("CSV", &["csv"]),
            Kind::Pdf => ("PDF", &["pdf"]),
            Kind::Ics => ("iCalendar", &["ics"]),
        }
    }
}

/// Asks where to save a file, proposing `name`. `None` when the person closed the dialog.
///
/// # Errors
/// When the dialog answered something that is not a path on this computer.
pub async fn save_path(
    app: &AppHandle,
    name: String,
    kind: Kind,
) -> Result<Option<PathBuf>, IpcError> {
    let (label, extensions) = kind.filter();
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_file_name(name)
        .add_filter(label, extensions)
        .save_file(move |chosen| {
            // The receiver only goes away if the command itself was dropped.
            let _ = tx.send(chosen);
        });
    rx.await.ok().flatten().map(into_path).transpose()
}

/// Asks for a file to read. `None` when the person closed the dialog.
///
/// # Errors
/// When the dialog answered something that is not a path on this computer.
pub async fn open_path(app: &AppHandle, kind: Kind) -> Result<Option<PathBuf>, IpcError> {
    let (label, extensions) = kind.filter();
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .add_filter(label, extensions)
        .pick_file(move |chosen| {
            let _ = tx.send(chosen);
        });
    rx.await.ok().flatten().map(into_path).transpose()
}

/// Asks for a folder. `None` when the person closed the dialog.
///
/// # Errors
/// When the dialog answered something that is not a path on this computer.
pub async fn folder(app: &AppHandle) -> Result<Option<PathBuf>, IpcError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog().file().pick_folder(move |chosen| {
        let _ = tx.send(chosen);
    });
    rx.await.ok().flatten().map(into_path).transpose()
}

fn into_path(chosen: FilePath) -> Result<PathBuf, IpcError> {
    chosen
        .into_path()
        .map_err(|e| IpcError::refused(ErrorCode::Unknown, format!("not a file path: {e}")))
}
