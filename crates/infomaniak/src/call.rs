//! What to ask, separate from how it is sent: a route, its path, its query and its body.

use crate::error::{Error, RequestError};
use crate::routes::Route;
use serde::Serialize;
use std::fmt;
use url::Url;

/// A request before it is sent.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub route: Route,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Option<serde_json::Value>,
    /// A pre-signed URL, fetched as is and without the bearer token.
    pub signed: Option<Url>,
}

impl Call {
    pub(crate) fn new(route: Route, path: String) -> Self {
        Self {
            route,
            path,
            query: Vec::new(),
            body: None,
            signed: None,
        }
    }

    /// The route's own path, its placeholders filled in order.
    pub(crate) fn to(route: Route, values: &[&dyn fmt::Display]) -> Self {
        Self::new(route, route.fill(values))
    }

    /// A pre-signed download: the URL carries its own authorisation.
    pub(crate) fn signed(route: Route, url: Url) -> Self {
        Self {
            path: url.path().to_owned(),
            signed: Some(url),
            ..Self::new(route, String::new())
        }
    }

    pub(crate) fn query(mut self, key: &str, value: impl ToString) -> Self {
        self.push(key, value);
        self
    }

    /// Adds a parameter, keeping earlier ones of the same name (`filter[x][]=a&filter[x][]=b`).
    pub(crate) fn push(&mut self, key: &str, value: impl ToString) {
        self.query.push((key.to_owned(), value.to_string()));
    }

    /// Sets a parameter, replacing any earlier value, so a builder called twice sends one.
    pub(crate) fn set(&mut self, key: &str, value: impl ToString) {
        self.query.retain(|(k, _)| k != key);
        self.push(key, value);
    }

    /// The JSON body.
    ///
    /// # Errors
    /// [`Error::Request`] when the body cannot be serialised (it never happens for this crate's
    /// own body types, whose fields are plain data).
    pub(crate) fn json(mut self, body: &impl Serialize) -> Result<Self, Error> {
        let value = serde_json::to_value(body).map_err(|source| RequestError::Body {
            route: self.route,
            source,
        })?;
        self.body = Some(value);
        Ok(self)
    }

    /// Whether the bearer token goes with it.
    pub(crate) fn needs_token(&self) -> bool {
        self.signed.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_replaces_and_push_keeps() {
        let mut call = Call::to(Route::AccountProducts, &[&3]);
        call.set("search", "a");
        call.set("search", "b");
        call.push("filter[service_names][]", "domain");
        call.push("filter[service_names][]", "drive");
        assert_eq!(call.path, "/1/accounts/3/products");
        assert_eq!(
            call.query,
            vec![
                ("search".to_owned(), "b".to_owned()),
                ("filter[service_names][]".to_owned(), "domain".to_owned()),
                ("filter[service_names][]".to_owned(), "drive".to_owned()),
            ]
        );
    }
}
