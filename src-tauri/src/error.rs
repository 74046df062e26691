//! The one error that crosses IPC: a closed code the UI branches on, and a sentence.

use desk::ErrorCode;
use serde::Serialize;

/// What a failed command tells the UI. Built from the core's errors only, which never carry a
/// token; the message is for people and the UI never parses it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
    /// The form field a validation error concerns.
    pub field: Option<String>,
    /// The scope a token lacks.
    pub scope: Option<String>,
    /// The Manager page that can do what the app could not.
    pub manager_url: Option<String>,
    /// People a refusal names (who else could be appointed), for the UI's sentence.
    pub names: Vec<String>,
}

impl From<desk::Error> for IpcError {
    fn from(e: desk::Error) -> Self {
        tracing::info!(code = ?e.code(), "command failed: {e}");
        Self {
            code: e.code(),
            field: e.field().map(str::to_owned),
            scope: e.scope().map(str::to_owned),
            manager_url: desk::handoff::page_for(&e),
            names: match &e {
                desk::Error::Refused(refusal) => refusal.names(),
                _ => Vec::new(),
            },
            message: e.to_string(),
        }
    }
}

impl IpcError {
    /// A refusal that is not the API's: the code and a sentence.
    pub fn refused(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            field: None,
            scope: None,
            manager_url: None,
            names: Vec::new(),
        }
    }
}

impl IpcError {
    /// A background task of the command stopped before it finished (the app is closing).
    pub fn interrupted(e: tokio::task::JoinError) -> Self {
        Self::refused(ErrorCode::Unknown, format!("the work was interrupted: {e}"))
    }

    /// The desktop refused to change starting at login (an unwritable autostart folder).
    pub fn start_at_login(e: tauri_plugin_autostart::Error) -> Self {
        tracing::info!("start at login: {e}");
        Self::refused(
            ErrorCode::Unknown,
            format!("Starting at login could not be changed: {e}"),
        )
    }
}
