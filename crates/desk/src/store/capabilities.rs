//! What was learned, per profile, about each route: it works, it does not exist, it needs a scope.

use super::Store;
use crate::error::Error;
use crate::session::ProfileId;

/// What one call to a route showed, for one profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Learned {
    /// `GET /1/accounts`.
    pub route: String,
    /// `works`, `missing` or `needs_scope`.
    pub state: String,
    pub scope: Option<String>,
    pub at: i64,
}

impl Store {
    /// Records what a call to `route` showed.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn learn(
        &self,
        profile: &ProfileId,
        route: &str,
        state: &str,
        scope: Option<&str>,
        at: i64,
    ) -> Result<(), Error> {
        self.conn().execute(
            "INSERT INTO capabilities (profile_id, route, state, scope, at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (profile_id, route) DO UPDATE SET state = excluded.state,
               scope = excluded.scope, at = excluded.at",
            (profile.as_str(), route, state, scope, at),
        )?;
        Ok(())
    }

    /// Everything learned for a profile.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn learned(&self, profile: &ProfileId) -> Result<Vec<Learned>, Error> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare("SELECT route, state, scope, at FROM capabilities WHERE profile_id = ?1")?;
        let rows = stmt.query_map([profile.as_str()], |r| {
            Ok(Learned {
                route: r.get(0)?,
                state: r.get(1)?,
                scope: r.get(2)?,
                at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
