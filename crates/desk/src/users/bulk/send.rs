//! Sending the checked rows: one invitation at a time, each on the token's budget and under the
//! audit log, with a result per row and a stop between rows.

use super::check::check;
use super::parse::{self, RawRow};
use super::{BulkOutcome, BulkPreview, BulkProgress, BulkReport, BulkResult, BulkRow, seconds_for};
use crate::Desk;
use crate::activity::Change;
use crate::error::{Error, ErrorCode};
use crate::organisations::OrganisationHandle;
use crate::session::ProfileId;
use crate::users::rules::check_invite;
use crate::users::{InviteForm, Role, Users};
use infomaniak::{AccountId, InvitationId, Route};
use std::path::Path;
use std::sync::PoisonError;
use std::sync::atomic::{AtomicBool, Ordering};

/// Files larger than this are not invitation lists (2,000 rows fit in well under a megabyte).
const MOST_BYTES: u64 = 4 * 1024 * 1024;

impl Users<'_> {
    /// Checks every row of an invitation file's text against the cached people and teams.
    /// Nothing is sent; `default_locale` goes to rows without a language.
    ///
    /// # Errors
    /// [`Error::Invalid`] on `file` when the text is no invitation list; [`Error::Refused`] when
    /// the caller may not invite in this organisation; the fetch's error when nothing is cached.
    pub async fn preview_invitations(
        &self,
        text: &str,
        default_locale: &str,
    ) -> Result<BulkPreview, Error> {
        let raw = parse::rows(text)?;
        let rows = self.checked(&raw, default_locale).await?;
        let ready = rows.iter().filter(|r| r.problems.is_empty()).count();
        Ok(BulkPreview {
            ready: u32::try_from(ready).unwrap_or(u32::MAX),
            seconds: seconds_for(ready),
            rows,
        })
    }

    /// The same for a file on this computer.
    ///
    /// # Errors
    /// [`Error::File`] when it cannot be read; [`Error::Invalid`] on `file` when it is too large
    /// or not UTF-8 text; then as [`Users::preview_invitations`].
    pub async fn preview_invitation_file(
        &self,
        path: &Path,
        default_locale: &str,
    ) -> Result<BulkPreview, Error> {
        let unreadable = |source| Error::File {
            path: path.display().to_string(),
            source,
        };
        let size = std::fs::metadata(path).map_err(unreadable)?.len();
        if size > MOST_BYTES {
            return Err(Error::Invalid {
                field: "file",
                reason: "larger than 4 MB",
            });
        }
        let bytes = std::fs::read(path).map_err(unreadable)?;
        let text = String::from_utf8(bytes).map_err(|_| Error::Invalid {
            field: "file",
            reason: "not UTF-8 text: save it as CSV UTF-8",
        })?;
        self.preview_invitations(&text, default_locale).await
    }

    async fn checked(&self, raw: &[RawRow], default_locale: &str) -> Result<Vec<BulkRow>, Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        let caller = desk.relation_to(profile, account).await?;
        check_invite(caller, Role::Collaborator)?;
        let people = self.list().await?.items;
        let teams = desk
            .organisation(profile, account)
            .teams()
            .list()
            .await?
            .items;
        Ok(check(raw, &people, &teams, caller, default_locale))
    }

    /// Asks a run of [`Users::send_invitations`] in this organisation to end after the
    /// invitation under way.
    pub fn stop_invitations(&self) {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        desk.bulk_stops
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert((profile.clone(), account));
    }

    fn stop_asked(&self) -> bool {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        desk.bulk_stops
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&(profile.clone(), account))
    }

    /// Sends the rows, checked again first (the window's copy is not trusted, and the cache may
    /// have changed since the preview): a row with a problem is skipped. Each invitation is
    /// audited; a lost answer is read back before the next row, so an address is never
    /// invited twice. `progress` is told after each row.
    ///
    /// # Errors
    /// As [`Users::preview_invitations`] before the first row; afterwards every row has a
    /// result, and a token that stopped working ends the run (the rest `Stopped`).
    pub async fn send_invitations(
        &self,
        rows: &[BulkRow],
        progress: impl Fn(BulkProgress),
    ) -> Result<BulkReport, Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        // A stop asked before this run belongs to an earlier one.
        self.stop_asked();
        let raw: Vec<RawRow> = rows.iter().map(RawRow::from).collect();
        let rows = self.checked(&raw, "en_GB").await?;
        let mut to_send = rows.iter().filter(|r| r.problems.is_empty()).count();
        let total = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        let mut results = Vec::with_capacity(rows.len());
        let mut stopped = false;
        let mut sent_any = false;
        for row in &rows {
            let outcome = if let Some(problem) = row.problems.first() {
                BulkOutcome::Skipped {
                    problem: problem.clone(),
                }
            } else if stopped || self.stop_asked() {
                stopped = true;
                BulkOutcome::Stopped
            } else {
                to_send -= 1;
                let (outcome, token_failed) = desk.invite_row(profile, account, row).await;
                sent_any |= matches!(
                    outcome,
                    BulkOutcome::Sent { .. } | BulkOutcome::Confirmed { .. } | BulkOutcome::Unknown
                );
                // A token that no longer works fails every row the same way: stop there.
                stopped |= token_failed;
                outcome
            };
            let result = BulkResult {
                line: row.line,
                email: row.email.clone(),
                outcome,
            };
            progress(BulkProgress {
                done: u32::try_from(results.len() + 1).unwrap_or(u32::MAX),
                total,
                seconds_left: seconds_for(to_send),
                result: result.clone(),
            });
            results.push(result);
        }
        if sent_any {
            desk.reread_users(profile, account).await;
        }
        Ok(BulkReport { results, stopped })
    }
}

impl Desk {
    /// Sends one row's invitation under the audit log and says truthfully how it ended, and
    /// whether the token itself failed (expired, or lacking the scope).
    async fn invite_row(
        self: &std::sync::Arc<Self>,
        profile: &ProfileId,
        account: AccountId,
        row: &BulkRow,
    ) -> (BulkOutcome, bool) {
        let form = InviteForm {
            email: row.email.clone(),
            first_name: row.first_name.clone(),
            last_name: row.last_name.clone(),
            locale: row.locale.clone(),
            role: row.role,
            billing_access: row.billing_access,
            contact_billing: false,
            contact_products: false,
            team_ids: row.team_ids.clone(),
            silent: false,
            strict: false,
            product_access: Vec::new(),
        };
        let invitation = match form.validate() {
            Ok(i) => i,
            Err(e) => return refused(&e),
        };
        let client = match self.client(profile).await {
            Ok(c) => c,
            Err(e) => return refused(&e),
        };
        let change = Change {
            action: "invitation.create",
            account_id: Some(account),
            target: invitation.email.as_str(),
            route: Route::InvitationCreate,
        };
        let send = async {
            let answer = client.invite(account, &invitation).await;
            self.note(profile, Route::InvitationCreate, &answer);
            self.watch(profile, answer).map(|sent| sent.id)
        };
        // Set when reading back, not the answer, showed the invitation: the row then says so.
        let read_back_showed = AtomicBool::new(false);
        let (invitation, shown) = (&invitation, &read_back_showed);
        let read_back = move || async move {
            let people = self.fetch_people(profile, account).await?;
            let found: Option<InvitationId> = people
                .iter()
                .filter(|p| p.pending && p.email.eq_ignore_ascii_case(&invitation.email))
                .find_map(|p| p.invitation_id);
            shown.store(found.is_some(), Ordering::SeqCst);
            Ok(found)
        };
        let outcome = match self.audited(profile, change, send, read_back).await {
            Ok(invitation_id) if read_back_showed.load(Ordering::SeqCst) => {
                BulkOutcome::Confirmed { invitation_id }
            }
            Ok(invitation_id) => BulkOutcome::Sent { invitation_id },
            Err(Error::Unconfirmed { .. }) => BulkOutcome::Unknown,
            // `audited` hands a lost answer back only once reading back showed nothing sent.
            Err(Error::Api(lost)) if lost.may_have_been_applied() => BulkOutcome::NotSent {
                code: lost.api_failure().map(|f| f.code.clone()),
            },
            Err(e) if e.code() == ErrorCode::RateLimited => BulkOutcome::NotSent {
                code: Some("RateLimited".to_owned()),
            },
            Err(e) => return refused(&e),
        };
        (outcome, false)
    }
}

/// A refusal with the API's own code (else the app's), and whether it is the token's.
fn refused(e: &Error) -> (BulkOutcome, bool) {
    let code = match e {
        Error::Api(api) => api.api_failure().map(|f| f.code.clone()),
        other => Some(format!("{:?}", other.code())),
    };
    let outcome = BulkOutcome::Refused {
        code,
        message: e.to_string(),
    };
    (
        outcome,
        matches!(e.code(), ErrorCode::AuthExpired | ErrorCode::MissingScope),
    )
}
