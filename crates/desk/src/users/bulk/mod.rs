//! Invitations in bulk: a CSV file of people, checked row by row before anything is sent, then
//! sent one invitation at a time on the token's budget, each under the audit log.
//!
//! - `preview_invitations` / `preview_invitation_file`: every row checked against the cache
//!   (`check.rs`), nothing sent.
//! - `send_invitations`: the rows that passed, paced, with a result per row (`send.rs`); a lost
//!   answer is read back before anything else is sent for that address.
//! - `stop_invitations`: the run ends after the invitation under way.
//!
//! The file's headers and values are read in English and the Manager's five languages
//! (`words.rs`, `parse.rs`).

mod check;
mod parse;
mod send;
#[cfg(test)]
mod tests;
mod words;

pub use parse::MOST_ROWS;

use crate::users::Role;
use infomaniak::{InvitationId, TeamId};
use serde::{Deserialize, Serialize};

/// Why a row of the file will not be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowProblem {
    MissingEmail,
    BadAddress,
    MissingFirstName,
    MissingLastName,
    UnknownRole {
        value: String,
    },
    /// Only a legal representative may invite another one.
    RoleNotAllowed,
    UnknownLanguage {
        value: String,
    },
    UnknownTeam {
        name: String,
    },
    UnknownBilling {
        value: String,
    },
    /// The same address on an earlier row of the file.
    DuplicateInFile {
        line: u32,
    },
    AlreadyMember,
    AlreadyInvited,
}

/// One row of the file, read and checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BulkRow {
    /// The row's line in the file, the header being line 1.
    pub line: u32,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    /// `Unknown` when the file's word was not understood (then a problem says so).
    pub role: Role,
    /// The Manager's locale (`fr_FR`…), or what the file said when it was not understood.
    pub locale: String,
    /// Team names as written.
    pub teams: Vec<String>,
    /// The teams found under those names.
    pub team_ids: Vec<TeamId>,
    pub billing_access: bool,
    /// Empty when the row can be sent.
    pub problems: Vec<RowProblem>,
}

/// A checked file: every row, and what sending the good ones will take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BulkPreview {
    pub rows: Vec<BulkRow>,
    /// Rows without a problem.
    pub ready: u32,
    /// How long sending them takes at the API's 60 requests a minute.
    pub seconds: u32,
}

/// How one row ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BulkOutcome {
    Sent {
        invitation_id: InvitationId,
    },
    /// The answer was lost; reading the invitations back showed it had been sent.
    Confirmed {
        invitation_id: InvitationId,
    },
    /// The answer was lost; reading back showed nothing was sent: it may be sent again.
    NotSent {
        code: Option<String>,
    },
    /// The answer was lost and could not be read back: check the Users page before sending again.
    Unknown,
    /// Infomaniak refused it.
    Refused {
        code: Option<String>,
        message: String,
    },
    /// The check found a problem: not sent.
    Skipped {
        problem: RowProblem,
    },
    /// The run was stopped before this row.
    Stopped,
}

/// One row's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BulkResult {
    pub line: u32,
    pub email: String,
    pub outcome: BulkOutcome,
}

/// Told after each row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BulkProgress {
    pub done: u32,
    pub total: u32,
    /// What is left, at the API's pace.
    pub seconds_left: u32,
    pub result: BulkResult,
}

/// A finished (or stopped) run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BulkReport {
    pub results: Vec<BulkResult>,
    pub stopped: bool,
}

/// Seconds that `invitations` take at 60 requests a minute: one request each, and one to read
/// the users again at the end.
pub fn seconds_for(invitations: usize) -> u32 {
    if invitations == 0 {
        return 0;
    }
    u32::try_from(invitations + 1).unwrap_or(u32::MAX)
}
