//! Invoices: the list, the prepaid history, and their PDFs. The webview may neither open dialogs
//! nor touch files: these commands ask where (native dialogs), download and write.

use super::AppState;
use crate::error::IpcError;
use desk::invoice_files::{YearProgress, YearSaved};
use desk::invoices::{InvoicesSnapshot, PrepaidSnapshot};
use desk::{ErrorCode, ProfileId};
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::{DialogExt, FilePath};
use tauri_plugin_opener::OpenerExt;

/// The invoices of an organisation.
#[tauri::command]
#[specta::specta]
pub async fn invoices(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
) -> Result<InvoicesSnapshot, IpcError> {
    Ok(state.desk.invoices(&profile_id, account_id).await?)
}

/// The prepaid account history of an organisation.
#[tauri::command]
#[specta::specta]
pub async fn prepaid_history(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
) -> Result<PrepaidSnapshot, IpcError> {
    Ok(state.desk.prepaid_history(&profile_id, account_id).await?)
}

fn chosen_path(chosen: FilePath) -> Result<PathBuf, IpcError> {
    chosen
        .into_path()
        .map_err(|e| IpcError::refused(ErrorCode::Unknown, format!("not a file path: {e}")))
}

/// Asks where to save an invoice's PDF, then saves it. `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn save_invoice_as(
    app: AppHandle,
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
    invoice_id: u32,
) -> Result<Option<String>, IpcError> {
    let name = state
        .desk
        .invoice_file_name(&profile_id, account_id, invoice_id);
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_file_name(name)
        .add_filter("PDF", &["pdf"])
        .save_file(move |chosen| {
            // The receiver only goes away if the command itself was dropped.
            let _ = tx.send(chosen);
        });
    let Some(chosen) = rx.await.ok().flatten() else {
        return Ok(None);
    };
    let path = chosen_path(chosen)?;
    state
        .desk
        .save_invoice(&profile_id, account_id, invoice_id, &path)
        .await?;
    Ok(Some(path.display().to_string()))
}

/// Saves an invoice's PDF to a temporary file and opens it in the system's PDF viewer.
#[tauri::command]
#[specta::specta]
pub async fn open_invoice(
    app: AppHandle,
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
    invoice_id: u32,
) -> Result<(), IpcError> {
    let folder = std::env::temp_dir().join("ik-desk-invoices");
    std::fs::create_dir_all(&folder).map_err(|e| {
        IpcError::refused(
            ErrorCode::Unknown,
            format!("no temporary folder for the PDF: {e}"),
        )
    })?;
    let path = folder.join(
        state
            .desk
            .invoice_file_name(&profile_id, account_id, invoice_id),
    );
    state
        .desk
        .save_invoice(&profile_id, account_id, invoice_id, &path)
        .await?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| {
            IpcError::refused(
                ErrorCode::Unknown,
                format!("the PDF viewer could not be opened: {e}"),
            )
        })
}

/// Asks for a folder, then saves every invoice of `year` of the organisations into it, telling
/// `on_progress` after each file. `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn save_invoice_year(
    app: AppHandle,
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_ids: Vec<u32>,
    year: i32,
    on_progress: Channel<YearProgress>,
) -> Result<Option<YearSaved>, IpcError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog().file().pick_folder(move |chosen| {
        let _ = tx.send(chosen);
    });
    let Some(chosen) = rx.await.ok().flatten() else {
        return Ok(None);
    };
    let folder = chosen_path(chosen)?;
    let saved = state
        .desk
        .save_year(
            &profile_id,
            &account_ids,
            i64::from(year),
            &folder,
            |progress| {
                // A closed window stops listening; the files are written all the same.
                let _ = on_progress.send(progress);
            },
        )
        .await?;
    Ok(Some(saved))
}
