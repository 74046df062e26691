//! The activity log: every change the app made or tried at Infomaniak, with who, where, on what
//! and the API's answer.
//!
//! - [`Desk::audited`]: runs a change under the log, intent first, then done or failed.
//! - [`Desk::activity`]: the log of a profile, newest first, as the Activity page shows it.

use crate::Desk;
use crate::error::Error;
use crate::session::ProfileId;
use crate::store::audit::AuditIntent;
pub use crate::store::audit::{AuditEntry, AuditResult};
use infomaniak::AccountId;
use std::future::Future;

/// What an audited change is: its action name, its account and its target, named for people.
#[derive(Debug, Clone)]
pub struct Change<'a> {
    /// e.g. `support_access.revoke`, `auto_renew.off`, `member.remove`.
    pub action: &'a str,
    pub account_id: Option<AccountId>,
    /// A product's name, a person's e-mail, a team's name…
    pub target: &'a str,
}

impl Desk {
    /// Writes the intent, runs `send`, then records how it ended. The caller has already
    /// checked the organisation's rules: this only records.
    ///
    /// # Errors
    /// `send`'s error (recorded as failed with its code), or [`Error::Store`].
    pub async fn audited<T, F>(
        &self,
        profile: &ProfileId,
        change: Change<'_>,
        send: F,
    ) -> Result<T, Error>
    where
        F: Future<Output = Result<T, Error>>,
    {
        let actor = self.actor(profile);
        let intent = AuditIntent {
            profile,
            actor: &actor,
            account_id: change.account_id,
            action: change.action,
            target: change.target,
        };
        let id = self.store.audit_intent(&intent, self.clock.unix_now())?;
        let result = send.await;
        match &result {
            Ok(_) => self.store.audit_outcome(id, AuditResult::Done, None)?,
            Err(e) => {
                let code = match e {
                    Error::Api(api) => api.api_failure().map(|f| f.code.clone()),
                    other => Some(format!("{:?}", other.code())),
                };
                self.store
                    .audit_outcome(id, AuditResult::Failed, code.as_deref())?;
            }
        }
        result
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
