//! The Manager hand-off: opening the exact Manager page for what the app cannot do.

use crate::error::IpcError;
use desk::ErrorCode;
use tauri_plugin_opener::OpenerExt;

/// Opens a Manager page in the system browser. Only https pages of Infomaniak hosts are opened:
/// the webview itself has no permission to open anything.
#[tauri::command]
#[specta::specta]
pub fn open_manager(app: tauri::AppHandle, url: String) -> Result<(), IpcError> {
    if !desk::handoff::is_allowed(&url) {
        return Err(IpcError::refused(
            ErrorCode::Unknown,
            "only Infomaniak Manager pages can be opened",
        ));
    }
    app.opener().open_url(url, None::<&str>).map_err(|e| {
        IpcError::refused(
            ErrorCode::Unknown,
            format!("the browser could not be opened: {e}"),
        )
    })
}
