//! The audit log: every change the app attempts at Infomaniak, written before it is sent.

use super::Store;
use crate::error::Error;
use crate::session::ProfileId;
use infomaniak::AccountId;
use rusqlite::types::Type;
use serde::Serialize;

/// How an audited action ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AuditResult {
    /// Written before the request: a crash leaves this trace.
    Intent,
    /// Infomaniak accepted it.
    Done,
    /// Infomaniak refused it, or it could not be sent.
    Failed,
    /// Its answer was lost and no read has shown yet whether it was applied.
    Unknown,
}

impl AuditResult {
    fn as_str(self) -> &'static str {
        match self {
            AuditResult::Intent => "intent",
            AuditResult::Done => "done",
            AuditResult::Failed => "failed",
            AuditResult::Unknown => "unknown",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "done" => AuditResult::Done,
            "failed" => AuditResult::Failed,
            "unknown" => AuditResult::Unknown,
            _ => AuditResult::Intent,
        }
    }
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    // u32 in TypeScript: an f64 would be typed `number | null` (NaN serialises to null).
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub id: i64,
    /// When (Unix seconds).
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub at: i64,
    pub profile_id: ProfileId,
    /// Who was signed in (display name and e-mail).
    pub actor: String,
    pub account_id: Option<AccountId>,
    /// What was done, e.g. `support_access.revoke`.
    pub action: String,
    /// On what, named as a person would (a product's name, an e-mail).
    pub target: String,
    pub result: AuditResult,
    /// The API's error code when it failed.
    pub error_code: Option<String>,
}

/// What an action is about to do, for [`Store::audit_intent`].
#[derive(Debug, Clone)]
pub struct AuditIntent<'a> {
    pub profile: &'a ProfileId,
    pub actor: &'a str,
    pub account_id: Option<AccountId>,
    pub action: &'a str,
    pub target: &'a str,
}

impl Store {
    /// Records an action before it is sent; returns the line to complete.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn audit_intent(&self, intent: &AuditIntent<'_>, at: i64) -> Result<i64, Error> {
        let account = intent
            .account_id
            .map(|a| i64::try_from(a.0))
            .transpose()
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        let conn = self.conn();
        conn.execute(
            "INSERT INTO audit (at, profile_id, actor, account_id, action, target, result)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'intent')",
            (
                at,
                intent.profile.as_str(),
                intent.actor,
                account,
                intent.action,
                intent.target,
            ),
        )?;
        Ok(conn.last_insert_rowid())
    }

    /// Completes an audit line with how the action ended.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn audit_outcome(
        &self,
        id: i64,
        result: AuditResult,
        error_code: Option<&str>,
    ) -> Result<(), Error> {
        self.conn().execute(
            "UPDATE audit SET result = ?2, error_code = ?3 WHERE id = ?1",
            (id, result.as_str(), error_code),
        )?;
        Ok(())
    }

    /// The latest line of the same change (profile, organisation, action, target) whose outcome is
    /// still unknown: that change must be read back before it is sent again.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn unsettled(&self, intent: &AuditIntent<'_>) -> Result<Option<i64>, Error> {
        let account = intent
            .account_id
            .map(|a| i64::try_from(a.0))
            .transpose()
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        let conn = self.conn();
        let found = conn.query_row(
            "SELECT id FROM audit WHERE profile_id = ?1 AND account_id IS ?2 AND action = ?3
               AND target = ?4 AND result = 'unknown' ORDER BY id DESC LIMIT 1",
            (
                intent.profile.as_str(),
                account,
                intent.action,
                intent.target,
            ),
            |r| r.get(0),
        );
        match found {
            Ok(id) => Ok(Some(id)),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The audit log of a profile, newest first.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn audit_log(&self, profile: &ProfileId, limit: u32) -> Result<Vec<AuditEntry>, Error> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT id, at, profile_id, actor, account_id, action, target, result, error_code
             FROM audit WHERE profile_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map((profile.as_str(), limit), |r| {
            Ok(AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                profile_id: ProfileId::new(r.get::<_, String>(2)?),
                actor: r.get(3)?,
                account_id: r
                    .get::<_, Option<i64>>(4)?
                    .map(|v| u64::try_from(v).map(AccountId))
                    .transpose()
                    .map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(4, Type::Integer, Box::new(e))
                    })?,
                action: r.get(5)?,
                target: r.get(6)?,
                result: AuditResult::parse(&r.get::<_, String>(7)?),
                error_code: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
