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
    /// A read.
    Get,
    /// A creation.
    Post,
    /// A replacement or switch.
    Put,
    /// A partial change.
    Patch,
    /// A removal (may carry a body).
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
    ($($variant:ident => ($method:ident, $path:literal, $tier:ident, $feature:literal, $scope:literal)),+ $(,)?) => {
        /// A known route of the API.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Route {
            $(
                #[doc = concat!("`", stringify!($method), " ", $path, "` (", stringify!($tier), ")")]
                $variant
            ),+
        }

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

            /// Whether the published spec lets this read be asked page by page (`page`,
            /// `per_page`). The others are asked without them and answer with the whole list; a
            /// later page is asked only if the answer's own counters say there is one.
            pub fn declares_paging(self) -> bool {
                !matches!(self, Route::Accounts | Route::AccountProducts)
            }

            /// The feature of the app that depends on it (for diagnostics).
            pub fn feature(self) -> &'static str {
                match self { $(Route::$variant => $feature),+ }
            }

            /// The token scope the route is expected to need (`None`: no bearer token is sent).
            /// Only `user_info` and `accounts` are confirmed; the others are the best reading of
            /// the API document and of what the API names in its 403 answers.
            pub fn scope(self) -> Option<&'static str> {
                match self { $(Route::$variant => Some($scope).filter(|s| !s.is_empty())),+ }
            }
        }
    };
}

routes! {
    Profile => (Get, "/2/profile", Documented, "profile", "user_info"),
    Accounts => (Get, "/1/accounts", Documented, "organisations", "accounts"),
    Account => (Get, "/1/accounts/{account_id}", Documented, "organisations", "accounts"),
    AccountUsers => (Get, "/2/accounts/{account_id}/users", Documented, "users", "users"),
    UserAppAccesses => (Get, "/2/accounts/{account_id}/users/{user_id}/app_accesses", Documented, "users", "users"),
    InvitationCreate => (Post, "/1/accounts/{account_id}/invitations", Documented, "invitations", "users"),
    InvitationGet => (Get, "/1/accounts/{account_id}/invitations/{invitation_id}", Documented, "invitations", "users"),
    InvitationUpdate => (Patch, "/1/accounts/{account_id}/invitations/{invitation_id}", Documented, "invitations", "users"),
    InvitationCancel => (Delete, "/1/accounts/{account_id}/invitations/{invitation_id}", Documented, "invitations", "users"),
    UserInvitations => (Get, "/1/accounts/{account_id}/invitations/users/{user_id}", Documented, "invitations", "users"),
    InvitationDriveAdd => (Post, "/1/accounts/{account_id}/invitations/{invitation_id}/drive", Documented, "invitations", "users"),
    InvitationDriveUpdate => (Patch, "/1/accounts/{account_id}/invitations/{invitation_id}/drive/{drive_id}", Documented, "invitations", "users"),
    InvitationDriveRemove => (Delete, "/1/accounts/{account_id}/invitations/{invitation_id}/drive/{drive_id}", Documented, "invitations", "users"),
    InvitationMailboxInvite => (Post, "/1/accounts/{account_id}/invitations/{invitation_id}/mailbox/invite", Documented, "invitations", "users"),
    InvitationMailboxAdd => (Post, "/1/accounts/{account_id}/invitations/{invitation_id}/mailbox/{mail_id}", Documented, "invitations", "users"),
    InvitationMailboxUpdate => (Patch, "/1/accounts/{account_id}/invitations/{invitation_id}/mailbox/{mail_id}", Documented, "invitations", "users"),
    InvitationMailboxRemove => (Delete, "/1/accounts/{account_id}/invitations/{invitation_id}/mailbox/{mail_id}", Documented, "invitations", "users"),
    InvitationKchatUpdate => (Patch, "/1/accounts/{account_id}/invitations/{invitation_id}/kchat", Documented, "invitations", "users"),
    InvitationKsuiteAdd => (Post, "/1/accounts/{account_id}/invitations/{invitation_id}/ksuite", Documented, "invitations", "users"),
    InvitationKsuiteRemove => (Delete, "/1/accounts/{account_id}/invitations/{invitation_id}/ksuite", Documented, "invitations", "users"),
    Teams => (Get, "/1/accounts/{account_id}/teams", Documented, "teams", "users"),
    TeamCreate => (Post, "/1/accounts/{account_id}/teams", Documented, "teams", "users"),
    TeamGet => (Get, "/1/accounts/{account_id}/teams/{team_id}", Documented, "teams", "users"),
    TeamUpdate => (Patch, "/1/accounts/{account_id}/teams/{team_id}", Documented, "teams", "users"),
    TeamDelete => (Delete, "/1/accounts/{account_id}/teams/{team_id}", Documented, "teams", "users"),
    TeamUsers => (Get, "/1/accounts/{account_id}/teams/{team_id}/users", Documented, "teams", "users"),
    TeamUsersAdd => (Post, "/1/accounts/{account_id}/teams/{team_id}/users", Documented, "teams", "users"),
    TeamUsersRemove => (Delete, "/1/accounts/{account_id}/teams/{team_id}/users", Documented, "teams", "users"),
    Products => (Get, "/1/products", Documented, "products", "accounts"),
    AccountProducts => (Get, "/1/accounts/{account_id}/products", Documented, "products", "accounts"),
    AccountServices => (Get, "/1/accounts/{account_id}/services", Documented, "products", "accounts"),
    Invoices => (Get, "/2/invoicing/account/{account_id}/invoices", Observed, "invoices", "invoicing"),
    InvoicePdf => (Get, "/2/invoicing/invoice/pdf/{signed_path}", Observed, "invoices", ""),
    PrepaidHistory => (Get, "/1/invoicing/{account_id}/payment/prepay/history", Observed, "prepaid", "invoicing"),
    Renewals => (Get, "/1/accounts/{account_id}/renewals", Unverified, "renewals", "accounts"),
    AutoRenewSet => (Put, "/1/accounts/{account_id}/renewals/auto_renew", Unverified, "renewals", "accounts"),
    SupportAccesses => (Get, "/2/profile/support_accesses", Unverified, "support_access", "user_info"),
    SupportAccessSet => (Put, "/2/profile/support_accesses/{content}", Unverified, "support_access", "user_info"),
    MemberUpdate => (Patch, "/2/accounts/{account_id}/users/{user_id}", Unverified, "members", "users"),
    MemberRemove => (Delete, "/2/accounts/{account_id}/users/{user_id}", Unverified, "members", "users"),
}

impl Route {
    /// The path with its placeholders replaced, in order, by `values`, so that the table above
    /// stays the only place a path is written.
    pub(crate) fn fill(self, values: &[&dyn fmt::Display]) -> String {
        let template = self.template();
        let mut path = String::with_capacity(template.len() + 16);
        let mut values = values.iter();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            path.push_str(&rest[..open]);
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
            match values.next() {
                Some(value) => path.push_str(&value.to_string()),
                None => path.push_str(&rest[open..close]),
            }
            rest = &rest[close..];
        }
        path.push_str(rest);
        path
    }
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
    fn placeholders_are_filled_in_order() {
        assert_eq!(
            Route::TeamUsers.fill(&[&7, &42]),
            "/1/accounts/7/teams/42/users"
        );
        assert_eq!(Route::Profile.fill(&[]), "/2/profile");
        for route in Route::ALL {
            let n = route.template().matches('{').count();
            let values: Vec<&dyn fmt::Display> = vec![&1; n];
            assert!(!route.fill(&values).contains('{'), "{route}");
        }
    }

    #[test]
    fn every_route_with_a_bearer_names_a_scope() {
        for route in Route::ALL {
            assert_eq!(
                route.scope().is_none(),
                *route == Route::InvoicePdf,
                "{route}"
            );
        }
    }

    #[test]
    fn the_readme_table_lists_every_route_with_its_tier_and_scope() {
        let readme = include_str!("../README.md");
        for route in Route::ALL {
            let scope = route
                .scope()
                .map_or_else(|| "none (pre-signed)".to_owned(), |s| format!("`{s}`"));
            let row = format!(
                "| {} | `{}` | {} | {scope} |",
                route.method(),
                route.template(),
                route.tier().as_str()
            );
            assert!(readme.contains(&row), "README lacks {row}");
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
