//! The activity log: every change the app made or tried at Infomaniak, with who, where, on what
//! and the API's answer.
//!
//! - [`Desk::audited`]: runs a change under the log: intent first, then done, failed, or unknown
//!   until a read shows which.
//! - [`Desk::activity`]: the log of a profile, newest first, as the Activity page shows it.

use crate::Desk;
use crate::error::Error;
use crate::session::ProfileId;
use crate::store::audit::AuditIntent;
pub use crate::store::audit::{AuditEntry, AuditResult};
use infomaniak::{AccountId, Route, Tier};
use std::future::Future;

/// What an audited change is: its action name, its account and its target, named for people.
#[derive(Debug, Clone)]
pub struct Change<'a> {
    /// e.g. `support_access.revoke`, `auto_renew.off`, `member.remove`.
    pub action: &'a str,
    pub account_id: Option<AccountId>,
    /// A product's name, a person's e-mail, a team's name…
    pub target: &'a str,
    /// The route that carries it: its tier says whether a success is believed or read back.
    pub route: Route,
}

/// The audit codes of what reading back showed.
const READ_BACK_APPLIED: &str = "confirmed_by_reading_back";
const READ_BACK_NOT_APPLIED: &str = "not_applied_by_reading_back";
const READ_BACK_FAILED: &str = "reading_back_failed";
const NOTHING_CHANGED: &str = "answered_ok_but_nothing_changed";
const ANSWER_LOST: &str = "answer_lost";

/// The code the audit log keeps for a failure: the API's own, else the app's.
fn error_code(e: &Error) -> Option<String> {
    match e {
        Error::Api(api) => api.api_failure().map(|f| f.code.clone()),
        other => Some(format!("{:?}", other.code())),
    }
}

impl Desk {
    /// Runs a change under the log and says only what is known of it:
    /// - an earlier identical change whose outcome is still unknown is read back first: if the
    ///   read shows it applied, nothing is sent again;
    /// - a refusal is `failed`; a success is `done`, except on a route outside the published
    ///   API, where a success has been seen to change nothing: it is read back, and `done` only
    ///   when the read shows it ([`Error::NothingChanged`] otherwise);
    /// - a lost answer is `unknown` until `read_back` shows whether it was applied
    ///   ([`Error::Unconfirmed`] when the read fails too).
    ///
    /// `read_back` answers `Some(value)` when the change shows as applied, `None` when it does not.
    /// The caller has already checked the organisation's rules: this only sends and records.
    ///
    /// # Errors
    /// `send`'s error, [`Error::Unconfirmed`], [`Error::NothingChanged`], or [`Error::Store`].
    pub async fn audited<T, R>(
        &self,
        profile: &ProfileId,
        change: Change<'_>,
        send: impl Future<Output = Result<T, Error>>,
        mut read_back: impl FnMut() -> R,
    ) -> Result<T, Error>
    where
        R: Future<Output = Result<Option<T>, Error>>,
    {
        let actor = self.actor(profile);
        let intent = AuditIntent {
            profile,
            actor: &actor,
            account_id: change.account_id,
            action: change.action,
            target: change.target,
        };
        if let Some(earlier) = self.store.unsettled(&intent)? {
            match read_back().await {
                Ok(Some(value)) => {
                    self.store.audit_outcome(
                        earlier,
                        AuditResult::Done,
                        Some(READ_BACK_APPLIED),
                    )?;
                    return Ok(value);
                }
                Ok(None) => {
                    self.store.audit_outcome(
                        earlier,
                        AuditResult::Failed,
                        Some(READ_BACK_NOT_APPLIED),
                    )?;
                }
                // Nothing can read it back: only changes that are the same when sent twice (a
                // grant) say so, and sending again is then harmless.
                Err(Error::NoReadBack { .. }) => {}
                Err(e) => {
                    tracing::info!(
                        action = change.action,
                        "an earlier change is still unread: {e}"
                    );
                    return Err(Error::Unconfirmed {
                        route: change.route,
                    });
                }
            }
        }
        let id = self.store.audit_intent(&intent, self.clock.unix_now())?;
        match send.await {
            Ok(value) if change.route.tier() == Tier::Documented => {
                self.store.audit_outcome(id, AuditResult::Done, None)?;
                Ok(value)
            }
            Ok(value) => match read_back().await {
                Ok(Some(_)) | Err(Error::NoReadBack { .. }) => {
                    self.store.audit_outcome(id, AuditResult::Done, None)?;
                    Ok(value)
                }
                Ok(None) => {
                    self.store
                        .audit_outcome(id, AuditResult::Failed, Some(NOTHING_CHANGED))?;
                    Err(Error::NothingChanged {
                        route: change.route,
                    })
                }
                Err(e) => {
                    self.store
                        .audit_outcome(id, AuditResult::Unknown, Some(READ_BACK_FAILED))?;
                    {
                        tracing::info!(action = change.action, "reading back failed: {e}");
                        Err(Error::Unconfirmed {
                            route: change.route,
                        })
                    }
                }
            },
            Err(Error::Api(lost)) if lost.may_have_been_applied() => {
                let code = Some(
                    lost.api_failure()
                        .map_or_else(|| ANSWER_LOST.to_owned(), |f| f.code.clone()),
                );
                self.store
                    .audit_outcome(id, AuditResult::Unknown, code.as_deref())?;
                match read_back().await {
                    Ok(Some(value)) => {
                        self.store
                            .audit_outcome(id, AuditResult::Done, Some(READ_BACK_APPLIED))?;
                        Ok(value)
                    }
                    Ok(None) => {
                        self.store
                            .audit_outcome(id, AuditResult::Failed, code.as_deref())?;
                        Err(Error::Api(lost))
                    }
                    Err(e) => {
                        tracing::info!(action = change.action, "reading back failed: {e}");
                        Err(Error::Unconfirmed {
                            route: change.route,
                        })
                    }
                }
            }
            Err(e) => {
                self.store
                    .audit_outcome(id, AuditResult::Failed, error_code(&e).as_deref())?;
                Err(e)
            }
        }
    }

    /// Who is signed in on a profile, as the audit log names them.
    fn actor(&self, profile: &ProfileId) -> String {
        self.session()
            .ok()
            .and_then(|s| s.profiles.into_iter().find(|p| &p.id == profile))
            .map_or_else(
                || profile.to_string(),
                |p| format!("{} <{}>", p.display_name, p.email),
            )
    }

    /// The activity log of a profile, newest first (the last thousand changes).
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn activity(&self, profile: &ProfileId) -> Result<Vec<AuditEntry>, Error> {
        self.store.audit_log(profile, 1_000)
    }
}
