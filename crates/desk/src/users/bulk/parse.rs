//! Reading an invitation file: a CSV with a header row in any of the five languages or English,
//! separated by commas, semicolons (what spreadsheets write in most of Europe) or tabs.

use super::words::{self, Column};
use crate::error::Error;

/// Beyond this many rows a file is refused: at 60 requests a minute it would take hours.
pub const MOST_ROWS: usize = 2_000;

/// One row of the file as written, before any check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct RawRow {
    /// The row's line in the file (the header is line 1), as a spreadsheet numbers it.
    pub line: u32,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub role: String,
    pub language: String,
    pub teams: String,
    pub billing: String,
}

fn invalid(reason: &'static str) -> Error {
    Error::Invalid {
        field: "file",
        reason,
    }
}

/// The separator the header row uses: the most frequent of `,`, `;` and tab.
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|s| header.bytes().filter(|b| b == s).count())
        .unwrap_or(b',')
}

/// The rows of an invitation file; blank rows are left out.
///
/// # Errors
/// [`Error::Invalid`] on `file` when the text is not a CSV with an e-mail column, or has more
/// than [`MOST_ROWS`] rows.
pub(super) fn rows(text: &str) -> Result<Vec<RawRow>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|_| invalid("not a CSV file"))?
        .clone();
    let columns: Vec<Option<Column>> = headers.iter().map(words::column).collect();
    if !columns.contains(&Some(Column::Email)) {
        return Err(invalid("no e-mail column in the first row"));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| invalid("not a CSV file"))?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        if rows.len() == MOST_ROWS {
            return Err(invalid("more than 2000 rows"));
        }
        // Counted from the bytes: the reader's own line count leaves out the blank lines it
        // skips, and a person looks for the row by the number their spreadsheet shows.
        let start = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        // The reader's position may point at the blank lines it skipped before the record.
        let blank = text.get(start..).map_or(0, |rest| {
            rest.len() - rest.trim_start_matches(['\r', '\n']).len()
        });
        let before = text.get(..start + blank).unwrap_or(text);
        let line = u32::try_from(before.matches('\n').count() + 1).unwrap_or(u32::MAX);
        let mut row = RawRow {
            line,
            ..RawRow::default()
        };
        for (column, cell) in columns.iter().zip(record.iter()) {
            let slot = match column {
                Some(Column::Email) => &mut row.email,
                Some(Column::FirstName) => &mut row.first_name,
                Some(Column::LastName) => &mut row.last_name,
                Some(Column::Role) => &mut row.role,
                Some(Column::Language) => &mut row.language,
                Some(Column::Teams) => &mut row.teams,
                Some(Column::Billing) => &mut row.billing,
                // A column the app does not know (a note, a phone number) is left aside.
                None => continue,
            };
            cell.clone_into(slot);
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Team names as written in one cell: separated by `;`, `,` or `|` (whichever the file's own
/// separator left free).
pub(super) fn team_names(cell: &str) -> Vec<String> {
    cell.split([';', ',', '|'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}
