//! What each feature can do for a profile, learned from real answers: it works, the route is
//! missing (`404 method_not_found`), or the token needs a scope. The UI turns a missing route into
//! the Manager hand-off.
//!
//! - [`Desk::diagnostics`]: every route with its tier and what was learned for the profile.
//! - [`Desk::check_now`]: probes the API's reads once, its cost said first.
//! - [`Desk::diagnostics_report`]: the text of a bug report (version, platform, what was learned).

mod report;
pub use report::Platform;

use crate::Desk;
use crate::error::Error;
use crate::session::ProfileId;
use infomaniak::{AccountId, Method, Route};
use serde::Serialize;

/// What is known of one route for one profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CapabilityState {
    Works,
    /// The API has no such route (yet): the feature hands off to the Manager.
    Missing,
    /// The token lacks a scope (named beside).
    NeedsScope,
    /// Not called yet with this profile.
    NotTried,
}

/// One route of the API as the Diagnostics page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RouteStatus {
    /// `GET /1/accounts`.
    pub route: String,
    /// The app's feature it serves (`organisations`, `renewals`…).
    pub feature: String,
    /// `documented`, `observed` or `unverified`.
    pub tier: String,
    pub state: CapabilityState,
    pub scope: Option<String>,
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub checked_at: Option<i64>,
}

/// The Diagnostics page of a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Diagnostics {
    pub routes: Vec<RouteStatus>,
    /// Scopes the API said the token lacks.
    pub missing_scopes: Vec<String>,
    /// How many requests "Check now" will spend.
    pub probe_cost: u32,
}

/// The reads "Check now" probes: those that need at most an organisation's id.
const PROBED: &[Route] = &[
    Route::Profile,
    Route::Accounts,
    Route::Account,
    Route::AccountUsers,
    Route::Teams,
    Route::Products,
    Route::AccountProducts,
    Route::AccountServices,
    Route::Invoices,
    Route::PrepaidHistory,
    Route::Renewals,
    Route::SupportAccesses,
];

impl Desk {
    /// Learns from a call's outcome. Transient failures teach nothing and are not recorded.
    pub(crate) fn note<T>(
        &self,
        profile: &ProfileId,
        route: Route,
        result: &Result<T, infomaniak::Error>,
    ) {
        let (state, scope) = match result {
            Ok(_) => ("works", None),
            Err(e) if e.is_method_not_found() => ("missing", None),
            Err(e) if e.missing_scope().is_some() => ("needs_scope", e.missing_scope()),
            Err(_) => return,
        };
        if let Err(e) = self.store.learn(
            profile,
            &route.to_string(),
            state,
            scope,
            self.clock.unix_now(),
        ) {
            tracing::warn!("could not record what {route} showed: {e}");
        }
    }

    /// Whether a route was found missing for this profile: its control is the Manager hand-off.
    pub fn route_missing(&self, profile: &ProfileId, route: Route) -> bool {
        let key = route.to_string();
        self.store
            .learned(profile)
            .is_ok_and(|l| l.iter().any(|l| l.route == key && l.state == "missing"))
    }

    /// Every route with its tier and what was learned about it.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn diagnostics(&self, profile: &ProfileId) -> Result<Diagnostics, Error> {
        let learned = self.store.learned(profile)?;
        let mut missing_scopes: Vec<String> = Vec::new();
        let routes = Route::ALL
            .iter()
            .map(|route| {
                let key = route.to_string();
                let found = learned.iter().find(|l| l.route == key);
                let (state, scope, at) = match found {
                    Some(l) => (parse_state(&l.state), l.scope.clone(), Some(l.at)),
                    None => (CapabilityState::NotTried, None, None),
                };
                if let Some(s) = scope.as_ref().filter(|s| !missing_scopes.contains(s)) {
                    missing_scopes.push(s.clone());
                }
                RouteStatus {
                    route: key,
                    feature: route.feature().to_owned(),
                    tier: route.tier().as_str().to_owned(),
                    state,
                    scope,
                    checked_at: at,
                }
            })
            .collect();
        let probe_cost = u32::try_from(PROBED.len()).unwrap_or(u32::MAX);
        Ok(Diagnostics {
            routes,
            missing_scopes,
            probe_cost,
        })
    }

    /// Probes every read in [`PROBED`] once, on the budget, using the first organisation for
    /// the routes that need one; then answers the updated diagnostics.
    ///
    /// # Errors
    /// [`Error::SignedOut`] and friends; the probes' own failures are what is being learned.
    pub async fn check_now(&self, profile: &ProfileId) -> Result<Diagnostics, Error> {
        let client = self.client(profile).await?;
        let first_org = match client.accounts().await {
            Ok(accounts) => accounts.first().map(|a| a.id),
            Err(_) => None,
        };
        for route in PROBED {
            debug_assert_eq!(route.method(), Method::Get);
            self.probe(profile, &client, *route, first_org).await;
        }
        self.diagnostics(profile)
    }

    async fn probe(
        &self,
        profile: &ProfileId,
        c: &infomaniak::Client,
        route: Route,
        org: Option<AccountId>,
    ) {
        macro_rules! learn {
            ($call:expr) => {{
                let result = $call.await;
                self.note(profile, route, &result);
            }};
        }
        match (route, org) {
            (Route::Profile, _) => learn!(c.profile()),
            (Route::Accounts, _) => learn!(c.accounts()),
            (Route::Products, _) => learn!(c.products().per_page(1).page(1)),
            (Route::SupportAccesses, _) => learn!(c.support_accesses()),
            (Route::Account, Some(a)) => learn!(c.account(a)),
            (Route::AccountUsers, Some(a)) => learn!(c.users(a).per_page(1).page(1)),
            (Route::Teams, Some(a)) => learn!(c.teams(a).per_page(1).page(1)),
            (Route::AccountProducts, Some(a)) => learn!(c.account_products(a).per_page(1).page(1)),
            (Route::AccountServices, Some(a)) => learn!(c.services(a)),
            (Route::Invoices, Some(a)) => learn!(c.invoices(a).per_page(1).page(1)),
            (Route::PrepaidHistory, Some(a)) => learn!(c.prepaid_history(a).per_page(1).page(1)),
            (Route::Renewals, Some(a)) => learn!(c.renewals(a).per_page(1).page(1)),
            _ => {}
        }
    }
}

fn parse_state(s: &str) -> CapabilityState {
    match s {
        "works" => CapabilityState::Works,
        "missing" => CapabilityState::Missing,
        "needs_scope" => CapabilityState::NeedsScope,
        _ => CapabilityState::NotTried,
    }
}
