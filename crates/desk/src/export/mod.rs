//! Files the app writes for people: CSV exports of what a page shows, and the one atomic write
//! every saved file goes through (CSV, invoice PDFs), so a crash or a full disk never leaves half
//! a file where the person asked for a whole one.

use crate::error::Error;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
///
/// # Errors
/// [`Error::File`] when the folder refuses the file or the disk is full; the temporary
/// file is removed then.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail = |source| Error::File {
        path: path.display().to_string(),
        source,
    };
    let folder = path.parent().unwrap_or_else(|| Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let temp = folder.join(format!(".{name}.{}.part", std::process::id()));
    let written = std::fs::File::create_new(&temp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    let result = written.and_then(|()| std::fs::rename(&temp, path));
    if let Err(e) = result {
        // Best effort: the temporary file may not even exist when the folder refused it.
        let _ = std::fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}

/// Writes `bytes` as `name` in `dir`, a folder only the user may enter (0700), the file readable
/// by the user only (0600): for files handed to another app, such as an invoice opened in the
/// PDF viewer. Answers the file's path.
///
/// # Errors
/// [`Error::File`] when the folder or the file cannot be made.
pub fn write_private(dir: &Path, name: &str, bytes: &[u8]) -> Result<std::path::PathBuf, Error> {
    let fail = |at: &Path| {
        let at = at.display().to_string();
        move |source| Error::File { path: at, source }
    };
    std::fs::create_dir_all(dir).map_err(fail(dir))?;
    restrict(dir, 0o700).map_err(fail(dir))?;
    let path = dir.join(name);
    write_atomically(&path, bytes)?;
    restrict(&path, 0o600).map_err(fail(&path))?;
    Ok(path)
}

/// Empties a private folder of handed-over files (at start and at exit); what cannot be removed
/// (a viewer still holding it on Windows) is left for the next time.
pub fn clear_private_folder(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if let Err(e) = std::fs::remove_file(entry.path()) {
            tracing::debug!(file = %entry.path().display(), "not removed yet: {e}");
        }
    }
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> std::io::Result<()> {
    // The per-user cache folder is private on Windows already.
    Ok(())
}

/// A name a save dialog can propose on every system, always ending in `.csv`.
pub fn csv_file_name(suggested: &str) -> String {
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

/// Writes `rows` (header first) as CSV at `path`.
///
/// # Errors
/// [`Error::File`] when the file cannot be written.
pub fn save_csv(path: &Path, rows: &[Vec<String>]) -> Result<(), Error> {
    write_atomically(path, csv(rows).as_bytes())
}

/// RFC 4180 text with CRLF line ends; cells a spreadsheet would run as formulas are neutralised
/// here too, whatever the window sent.
pub fn csv(rows: &[Vec<String>]) -> String {
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
    // A byte-order mark is quoted too: a reader drops one that opens the file.
    if value.contains([',', '"', '\n', '\r', '\u{feff}']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn quotes_commas_quotes_and_newlines() {
        let text = csv(&[
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
            csv(&[row(&["=1+1", "+41", "-x", "@SUM(A1)", "'=kept"])]),
            "'=1+1,'+41,'-x,'@SUM(A1),'=kept\r\n"
        );
    }

    #[test]
    fn proposes_a_safe_csv_name() {
        assert_eq!(
            csv_file_name("users/Atelier: 2026"),
            "users-Atelier- 2026.csv"
        );
        assert_eq!(csv_file_name("activity.csv"), "activity.csv");
        assert_eq!(csv_file_name(" .. "), "export.csv");
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_the_users_only_and_cleared() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("opened");
        let path = write_private(&dir, "invoice.pdf", b"%PDF-1.4").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&path), 0o600);
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.4");
        clear_private_folder(&dir);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    }

    #[test]
    fn writes_the_whole_file_and_leaves_no_part_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old").unwrap();
        save_csv(&path, &[row(&["a", "b"])]).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a,b\r\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    proptest::proptest! {
        #[test]
        // Rows of two cells or more, as every export has: a lone empty cell is an empty line,
        // which readers skip.
        fn any_cells_read_back_as_written_by_a_csv_reader(
            rows in proptest::collection::vec(proptest::collection::vec(".*", 2..5), 1..5)
        ) {
            let text = csv(&rows);
            let mut reader = ::csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            let read: Vec<Vec<String>> = reader
                .records()
                .map(|r| r.unwrap().iter().map(str::to_owned).collect())
                .collect();
            let expected: Vec<Vec<String>> = rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|c| {
                            if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                                format!("'{c}")
                            } else {
                                c.clone()
                            }
                        })
                        .collect()
                })
                .collect();
            proptest::prop_assert_eq!(read, expected);
        }
    }
}
