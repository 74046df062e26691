//! Path parameters, parsed so that a malformed id answers like an unknown one.

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;

use crate::envelope::ApiError;

#[derive(Debug)]
pub(crate) struct Ids(Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for Ids {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let raw = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::method_not_found())?;
        Ok(Self(
            raw.iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
        ))
    }
}

impl Ids {
    pub(crate) fn text(&self, name: &str) -> Result<&str, ApiError> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .ok_or_else(ApiError::method_not_found)
    }

    /// A numeric id; anything else is an object that cannot exist.
    pub(crate) fn id(&self, name: &str) -> Result<u64, ApiError> {
        let what = name.trim_end_matches("_id").replace('_', " ");
        self.text(name)?
            .parse()
            .map_err(|_| ApiError::not_found(&what))
    }
}
