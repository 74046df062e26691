//! Saving a table as CSV: the window hands over the rows, the shell asks where and writes the file.
//! The webview itself may neither open dialogs nor touch files.

use crate::error::IpcError;
use desk::ErrorCode;
use std::io::Write;
use std::path::{Path, PathBuf};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// Asks where to save `rows` (header first) and writes them as CSV. `None` when the person
/// closed the dialog; otherwise the file written.
#[tauri::command]
#[specta::specta]
pub async fn export_csv(
    app: AppHandle,
    suggested_name: String,
    rows: Vec<Vec<String>>,
) -> Result<Option<String>, IpcError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_file_name(file_name(&suggested_name))
        .add_filter("CSV", &["csv"])
        .save_file(move |chosen| {
            // The receiver only goes away if the command itself was dropped.
            let _ = tx.send(chosen);
        });
    let Some(chosen) = rx.await.ok().flatten() else {
        return Ok(None);
    };
    let path = chosen
        .into_path()
        .map_err(|e| IpcError::refused(ErrorCode::Unknown, format!("not a file path: {e}")))?;
    let text = encode(&rows);
    tokio::task::spawn_blocking(move || write_atomically(&path, text.as_bytes()).map(|()| path))
        .await
        .map_err(|e| IpcError::refused(ErrorCode::Unknown, e.to_string()))?
        .map(|p| Some(p.display().to_string()))
        .map_err(|e| {
            IpcError::refused(
                ErrorCode::Unknown,
                format!("the file could not be saved: {e}"),
            )
        })
}

/// A name the dialog can propose on every system, always ending in `.csv`.
fn file_name(suggested: &str) -> String {
    let clean: String = suggested
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let clean = clean.trim().trim_matches('.');
    let stem = if clean.is_empty() { "export" } else { clean };
    if stem.to_ascii_lowercase().ends_with(".csv") {
        stem.to_owned()
    } else {
        format!("{stem}.csv")
    }
}

/// RFC 4180 text with CRLF line ends; cells a spreadsheet would run as formulas are neutralised
/// here too, whatever the window sent.
pub fn encode(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn cell(raw: &str) -> String {
    let value = if raw.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{raw}")
    } else {
        raw.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// Written beside the target then renamed over it: a crash never leaves half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut temp = PathBuf::from(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    temp.set_file_name(format!(".{name}.{}.part", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn quotes_commas_quotes_and_newlines() {
        let text = encode(&[
            row(&["Name", "Note"]),
            row(&["Dupont, Anne", "says \"hi\""]),
            row(&["Two\nlines", "plain"]),
        ]);
        assert_eq!(
            text,
            "Name,Note\r\n\"Dupont, Anne\",\"says \"\"hi\"\"\"\r\n\"Two\nlines\",plain\r\n"
        );
    }

    #[test]
    fn neutralises_formulas_once() {
        assert_eq!(
            encode(&[row(&["=1+1", "+41", "-x", "@SUM(A1)", "'=kept"])]),
            "'=1+1,'+41,'-x,'@SUM(A1),'=kept\r\n"
        );
    }

    #[test]
    fn proposes_a_safe_csv_name() {
        assert_eq!(file_name("users/Atelier: 2026"), "users-Atelier- 2026.csv");
        assert_eq!(file_name("activity.csv"), "activity.csv");
        assert_eq!(file_name(" .. "), "export.csv");
    }

    #[test]
    fn writes_the_whole_file_and_leaves_no_part_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"a,b\r\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a,b\r\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
