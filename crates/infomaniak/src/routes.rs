//! Every route the app knows, with its tier: the one table to edit when a route is confirmed or moved.

use std::fmt;

/// How much is known about a route (see the API document, "tiers").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tier {
    /// In Infomaniak's published OpenAPI: a failure is a real error.
    Documented,
    /// Not published, but seen answering on the live API.
    Observed,
    /// This project's reading of the conventions: may answer `404 method_not_found`.
    Unverified,
}

impl Tier {
    /// Whether a `404 method_not_found` is an expected answer (the feature degrades to the Manager).
    pub fn may_be_missing(self) -> bool {
        !matches!(self, Tier::Documented)
    }

    /// The name used in tables and diagnostics.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Documented => "documented",
            Tier::Observed => "observed",
            Tier::Unverified => "unverified",
        }
    }
}

/// An HTTP method, as the route table needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    /// Only reads may be replayed after a failure.
    pub fn is_idempotent_read(self) -> bool {
        matches!(self, Method::Get)
    }

    pub(crate) fn to_reqwest(self) -> reqwest::Method {
        match self {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        })
    }
}

macro_rules! routes {
    ($($variant:ident => ($method:ident, $path:literal, $tier:ident, $feature:literal)),+ $(,)?) => {
        /// A known route of the API.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Route { $($variant),+ }

        impl Route {
            /// Every route, in the order of the API document.
            pub const ALL: &'static [Route] = &[$(Route::$variant),+];

            /// The HTTP method.
            pub fn method(self) -> Method {
                match self { $(Route::$variant => Method::$method),+ }
            }

            /// The path template, with `{placeholders}`.
            pub fn template(self) -> &'static str {
                match self { $(Route::$variant => $path),+ }
            }

            /// What is known of the route.
            pub fn tier(self) -> Tier {
                match self { $(Route::$variant => Tier::$tier),+ }
            }

            /// The feature of the app that depends on it (for diagnostics).
            pub fn feature(self) -> &'static str {
                match self { $(Route::$variant => $feature),+ }
            }
        }
    };
}

routes! {
    Profile => (Get, "/2/profile", Documented, "profile"),
    Accounts => (Get, "/1/accounts", Documented, "organisations"),
    Account => (Get, "/1/accounts/{account_id}", Documented, "organisations"),
    AccountUsers => (Get, "/2/accounts/{account_id}/users", Documented, "users"),
    UserAppAccesses => (Get, "/2/accounts/{account_id}/users/{user_id}/app_accesses", Documented, "users"),
    InvitationCreate => (Post, "/1/accounts/{account_id}/invitations", Documented, "invitations"),
    InvitationGet => (Get, "/1/accounts/{account_id}/invitations/{invitation_id}", Documented, "invitations"),
    InvitationUpdate => (Patch, "/1/accounts/{account_id}/invitations/{invitation_id}", Documented, "invitations"),
    InvitationCancel => (Delete, "/1/accounts/{account_id}/invitations/{invitation_id}", Documented, "invitations"),
    UserInvitations => (Get, "/1/accounts/{account_id}/invitations/users/{user_id}", Documented, "invitations"),
    Teams => (Get, "/1/accounts/{account_id}/teams", Documented, "teams"),
    TeamCreate => (Post, "/1/accounts/{account_id}/teams", Documented, "teams"),
    TeamGet => (Get, "/1/accounts/{account_id}/teams/{team_id}", Documented, "teams"),
    TeamUpdate => (Patch, "/1/accounts/{account_id}/teams/{team_id}", Documented, "teams"),
    TeamDelete => (Delete, "/1/accounts/{account_id}/teams/{team_id}", Documented, "teams"),
    TeamUsers => (Get, "/1/accounts/{account_id}/teams/{team_id}/users", Documented, "teams"),
    TeamUsersAdd => (Post, "/1/accounts/{account_id}/teams/{team_id}/users", Documented, "teams"),
    TeamUsersRemove => (Delete, "/1/accounts/{account_id}/teams/{team_id}/users", Documented, "teams"),
    Products => (Get, "/1/products", Documented, "products"),
    AccountProducts => (Get, "/1/accounts/{account_id}/products", Documented, "products"),
    AccountServices => (Get, "/1/accounts/{account_id}/services", Documented, "products"),
    Invoices => (Get, "/2/invoicing/account/{account_id}/invoices", Observed, "invoices"),
    PrepaidHistory => (Get, "/1/invoicing/{account_id}/payment/prepay/history", Observed, "prepaid"),
    Renewals => (Get, "/1/accounts/{account_id}/renewals", Unverified, "renewals"),
    AutoRenewSet => (Put, "/1/accounts/{account_id}/renewals/auto_renew", Unverified, "renewals"),
    SupportAccesses => (Get, "/2/profile/support_accesses", Unverified, "support_access"),
    SupportAccessSet => (Put, "/2/profile/support_accesses/{content}", Unverified, "support_access"),
    MemberUpdate => (Patch, "/2/accounts/{account_id}/users/{user_id}", Unverified, "members"),
    MemberRemove => (Delete, "/2/accounts/{account_id}/users/{user_id}", Unverified, "members"),
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method(), self.template())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_is_versioned() {
        for route in Route::ALL {
            let t = route.template();
            assert!(
                t.starts_with("/1/") || t.starts_with("/2/"),
                "{route} lacks a version"
            );
        }
    }

    #[test]
    fn unverified_routes_are_exactly_the_six_manager_features() {
        let unverified: Vec<_> = Route::ALL
            .iter()
            .filter(|r| r.tier() == Tier::Unverified)
            .collect();
        assert_eq!(unverified.len(), 6);
        assert!(Route::Profile.tier() == Tier::Documented && !Tier::Documented.may_be_missing());
        assert!(Route::Invoices.tier().may_be_missing());
    }
}
