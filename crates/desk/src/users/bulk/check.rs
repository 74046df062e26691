//! The checks a file's rows go through before anything is sent: pure, from the cache.

use super::parse::{RawRow, team_names};
use super::{BulkRow, RowProblem, words};
use crate::organisations::Relation;
use crate::teams::TeamRow;
use crate::users::invitations::plausible_email;
use crate::users::{Person, Role};
use std::collections::HashMap;

/// Every row checked: its address, names, role, language, teams and billing right, then
/// duplicates within the file and people already in the organisation or already invited.
/// `default_locale` is used where the file gives no language.
pub(super) fn check(
    raw: &[RawRow],
    people: &[Person],
    teams: &[TeamRow],
    caller: Relation,
    default_locale: &str,
) -> Vec<BulkRow> {
    let mut first_line: HashMap<String, u32> = HashMap::new();
    raw.iter()
        .map(|r| {
            let mut problems = Vec::new();
            let email = r.email.trim().to_owned();
            if email.is_empty() {
                problems.push(RowProblem::MissingEmail);
            } else if !plausible_email(&email) {
                problems.push(RowProblem::BadAddress);
            }
            if r.first_name.trim().is_empty() {
                problems.push(RowProblem::MissingFirstName);
            }
            if r.last_name.trim().is_empty() {
                problems.push(RowProblem::MissingLastName);
            }
            let role = if r.role.trim().is_empty() {
                Role::Collaborator
            } else {
                words::role(&r.role).unwrap_or(Role::Unknown)
            };
            if role == Role::Unknown {
                problems.push(RowProblem::UnknownRole {
                    value: r.role.clone(),
                });
            } else if role == Role::LegalRepresentative && caller != Relation::Owner {
                problems.push(RowProblem::RoleNotAllowed);
            }
            let locale = if r.language.trim().is_empty() {
                Some(default_locale)
            } else {
                words::locale(&r.language)
            };
            if locale.is_none() {
                problems.push(RowProblem::UnknownLanguage {
                    value: r.language.clone(),
                });
            }
            let names = team_names(&r.teams);
            let mut team_ids = Vec::new();
            for name in &names {
                match teams
                    .iter()
                    .find(|t| t.name.trim().eq_ignore_ascii_case(name))
                {
                    Some(t) if !team_ids.contains(&t.id) => team_ids.push(t.id),
                    Some(_) => {}
                    None => problems.push(RowProblem::UnknownTeam { name: name.clone() }),
                }
            }
            let billing_access = words::yes_no(&r.billing);
            if billing_access.is_none() {
                problems.push(RowProblem::UnknownBilling {
                    value: r.billing.clone(),
                });
            }
            if !email.is_empty() {
                let key = email.to_lowercase();
                if let Some(line) = first_line.get(&key) {
                    problems.push(RowProblem::DuplicateInFile { line: *line });
                } else {
                    first_line.insert(key, r.line);
                }
                let known = people
                    .iter()
                    .find(|p| p.email.trim().eq_ignore_ascii_case(&email));
                match known {
                    Some(p) if p.pending => problems.push(RowProblem::AlreadyInvited),
                    Some(_) => problems.push(RowProblem::AlreadyMember),
                    None => {}
                }
            }
            BulkRow {
                line: r.line,
                email,
                first_name: r.first_name.trim().to_owned(),
                last_name: r.last_name.trim().to_owned(),
                role,
                locale: locale.map_or_else(|| r.language.clone(), str::to_owned),
                teams: names,
                team_ids,
                billing_access: billing_access.unwrap_or(false),
                problems,
            }
        })
        .collect()
}

impl From<&BulkRow> for RawRow {
    /// A row as the window sends it back to be sent: checked again, as written.
    fn from(row: &BulkRow) -> Self {
        let role = match row.role {
            Role::Administrator => "admin",
            Role::Collaborator => "normal",
            Role::LegalRepresentative => "owner",
            Role::Unknown => "?",
        };
        RawRow {
            line: row.line,
            email: row.email.clone(),
            first_name: row.first_name.clone(),
            last_name: row.last_name.clone(),
            role: role.to_owned(),
            language: row.locale.clone(),
            teams: row.teams.join(";"),
            billing: if row.billing_access { "yes" } else { "no" }.to_owned(),
        }
    }
}
