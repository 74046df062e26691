//! The Manager hand-off: which Manager page to open instead, and which pages may be opened at all.

use crate::error::{Error, ErrorCode};

/// Where the user creates a new token (scopes cannot be added to an existing one).
pub const TOKEN_PAGE: &str = "https://manager.infomaniak.com/v3/ng/profile/user/token/list";
/// The Manager's users page (current organisation).
pub const USERS_PAGE: &str = "https://manager.infomaniak.com/v3/ng/accounts/rights/users/list";
/// Support access to Mail, kDrive and kChat content.
pub const SUPPORT_ACCESS_PAGE: &str =
    "https://manager.infomaniak.com/v3/ng/profile/user/helpdesk-access";
/// Prepaid account and payment methods.
pub const PAYMENT_METHODS_PAGE: &str =
    "https://manager.infomaniak.com/v3/invoicing/payment-methods";

/// Hosts the app may open in the system browser.
const ALLOWED_HOSTS: &[&str] = &["manager.infomaniak.com", "www.infomaniak.com"];

/// Whether `url` may be opened: https on an Infomaniak host, nothing else.
pub fn is_allowed(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| {
        u.scheme() == "https"
            && u.username().is_empty()
            && u.password().is_none()
            && u.port().is_none()
            && u.host_str().is_some_and(|h| ALLOWED_HOSTS.contains(&h))
    })
}

/// The Manager page that does what failed, when the app cannot.
pub fn page_for(error: &Error) -> Option<String> {
    match error.code() {
        ErrorCode::MissingScope => Some(TOKEN_PAGE.to_owned()),
        _ if matches!(error, Error::SupportAccessInManager) => Some(SUPPORT_ACCESS_PAGE.to_owned()),
        ErrorCode::NotSupportedByApi | ErrorCode::NothingChanged => {
            let route = match error {
                Error::Api(api) => api.route()?,
                Error::NothingChanged { route } => *route,
                _ => return None,
            };
            let page = match route.feature() {
                "users" | "invitations" | "members" | "teams" => USERS_PAGE,
                "support_access" => SUPPORT_ACCESS_PAGE,
                "invoices" | "prepaid" | "renewals" => PAYMENT_METHODS_PAGE,
                _ => return None,
            };
            Some(page.to_owned())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_infomaniak_pages_may_be_opened() {
        assert!(is_allowed(TOKEN_PAGE));
        assert!(is_allowed("https://manager.infomaniak.com/v3/1234/ng/home"));
        for bad in [
            "http://manager.infomaniak.com/v3/",
            "https://manager.infomaniak.com.evil.example/",
            "https://evil.example/?manager.infomaniak.com",
            "https://user:pw@manager.infomaniak.com/",
            "https://manager.infomaniak.com:8443/",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "not a url",
        ] {
            assert!(!is_allowed(bad), "{bad} must be refused");
        }
    }
}
