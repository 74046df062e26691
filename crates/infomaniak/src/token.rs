//! The API token, kept out of every log, error and serialised form.

use std::fmt;

/// A personal API token.
///
/// It has no `Serialize` implementation and its `Debug` and `Display` print `<redacted>`, so it cannot
/// leak through a log line, an error message or an IPC payload by accident. The only way to read it is
/// [`ApiToken::expose`], which the transport calls when it builds the `Authorization` header.
///
/// It cannot be serialised, so it cannot be put in an IPC answer, an event or the store:
///
/// ```compile_fail
/// fn needs_serialize<T: serde::Serialize>(_: &T) {}
/// needs_serialize(&infomaniak::ApiToken::new("secret"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ApiToken(String);

impl ApiToken {
    /// Wraps a token as pasted by the user; surrounding whitespace is dropped.
    pub fn new(raw: impl Into<String>) -> Self {
        Self(raw.into().trim().to_owned())
    }

    /// Whether the token is empty after trimming (a form left blank).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The secret itself. Call sites are kept few on purpose: the transport and the keyring.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiToken(<redacted>)")
    }
}

impl fmt::Display for ApiToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_secret() {
        let token = ApiToken::new("  s3cr3t-value-123  ");
        assert_eq!(token.expose(), "s3cr3t-value-123");
        assert!(!format!("{token:?}").contains("s3cr3t"));
        assert!(!format!("{token}").contains("s3cr3t"));
        assert!(!format!("{:?}", Some(&token)).contains("s3cr3t"));
    }

    #[test]
    fn blank_input_is_empty() {
        assert!(ApiToken::new("   \n").is_empty());
    }
}
