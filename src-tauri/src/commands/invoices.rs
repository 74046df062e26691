//! Invoices: the list, the prepaid history, and their PDFs. The webview may neither open dialogs
//! nor touch files: these commands ask where (native dialogs), download and write.

use super::AppState;
use crate::dialogs::{self, Kind};
use crate::error::IpcError;
use desk::invoices::{InvoicesSnapshot, PrepaidSnapshot, YearProgress, YearSaved};
use desk::{ErrorCode, ProfileId};
use infomaniak::{AccountId, InvoiceId};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

/// The invoices of an organisation.
#[tauri::command]
#[specta::specta]
pub async fn invoices(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
) -> Result<InvoicesSnapshot, IpcError> {
    let invoices = state.desk.organisation(&profile_id, account_id).invoices();
    Ok(invoices.list().await?)
}

/// The prepaid account history of an organisation.
#[tauri::command]
#[specta::specta]
pub async fn prepaid_history(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
) -> Result<PrepaidSnapshot, IpcError> {
    let invoices = state.desk.organisation(&profile_id, account_id).invoices();
    Ok(invoices.prepaid_history().await?)
}

/// Asks where to save an invoice's PDF, then saves it. `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn save_invoice_as(
    app: AppHandle,
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    invoice_id: InvoiceId,
) -> Result<Option<String>, IpcError> {
    let invoices = state.desk.organisation(&profile_id, account_id).invoices();
    let name = invoices.file_name(invoice_id);
    let Some(path) = dialogs::save_path(&app, name, Kind::Pdf).await? else {
        return Ok(None);
    };
    invoices.save(invoice_id, &path).await?;
    Ok(Some(path.display().to_string()))
}

/// Saves an invoice's PDF in the user's private folder for opened files and opens it in the
/// system's PDF viewer.
#[tauri::command]
#[specta::specta]
pub async fn open_invoice(
    app: AppHandle,
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    invoice_id: InvoiceId,
) -> Result<(), IpcError> {
    let invoices = state.desk.organisation(&profile_id, account_id).invoices();
    let path = invoices.open_copy(invoice_id).await?;
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
    account_ids: Vec<AccountId>,
    year: i32,
    on_progress: Channel<YearProgress>,
) -> Result<Option<YearSaved>, IpcError> {
    let Some(folder) = dialogs::folder(&app).await? else {
        return Ok(None);
    };
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
