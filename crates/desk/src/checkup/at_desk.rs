//! The check-up of a profile, from the cache alone.

use super::{
    Finding, organisation_findings, people_findings, product_findings, scope_findings,
    support_findings,
};
use crate::Desk;
use crate::error::Error;
use crate::organisations::Organisation;
use crate::products::{CachedProduct, OrgRenewals, rows};
use crate::session::ProfileId;
use crate::support_access::{Held, views};
use crate::sync::{Area, WHOLE_AREA};
use crate::users::Person;
use infomaniak::AccountId;
use serde::Serialize;

/// An organisation the check-up looked at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CheckedOrganisation {
    pub account_id: AccountId,
    pub name: String,
}

/// The check-up's answer: findings, most severe first within each organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Checkup {
    pub organisations: Vec<CheckedOrganisation>,
    pub findings: Vec<Finding>,
    /// Products were in the cache: without them the product rules could not run.
    pub products_known: bool,
    /// Organisations whose people were in the cache (their Users page was opened): the people
    /// rules ran for these only.
    pub people_checked: u32,
}

impl Desk {
    /// What is risky or will cost money soon in each organisation, computed from the cache:
    /// nothing is requested (the pages fetch; the check-up reads what they left).
    ///
    /// # Errors
    /// [`Error::Store`] or [`Error::Cache`] when the cache cannot be read.
    pub fn checkup(&self, profile: &ProfileId) -> Result<Checkup, Error> {
        let organisations: Vec<Organisation> = self
            .store
            .cached(profile, Area::Organisations.as_str(), WHOLE_AREA)?
            .map(|c| c.value)
            .unwrap_or_default();
        let products: Option<Vec<CachedProduct>> = self
            .store
            .cached(profile, Area::Products.as_str(), WHOLE_AREA)?
            .map(|c| c.value);
        let renewals: Vec<OrgRenewals> = self
            .store
            .cached(profile, Area::Renewals.as_str(), WHOLE_AREA)?
            .map(|c| c.value)
            .unwrap_or_default();
        let held: Vec<Held> = self
            .store
            .cached(profile, Area::SupportAccess.as_str(), WHOLE_AREA)?
            .map(|c| c.value)
            .unwrap_or_default();
        let now = self.clock.unix_now();
        let products_known = products.is_some();
        let product_rows = rows(
            now,
            &products.unwrap_or_default(),
            &renewals,
            &organisations,
        );
        let mut findings = Vec::new();
        let mut people_checked = 0u32;
        for o in &organisations {
            let mut of_org = organisation_findings(o);
            // Only organisations whose Users page was opened have their people cached.
            let people: Option<Vec<Person>> = self
                .store
                .cached(profile, Area::Users.as_str(), &o.id.to_string())?
                .map(|c| c.value);
            if people.is_some() {
                people_checked += 1;
            }
            of_org.extend(people_findings(now, o, &people.unwrap_or_default()));
            of_org.extend(
                product_rows
                    .iter()
                    .filter_map(|p| product_findings(now, o, p)),
            );
            of_org.sort_by_key(|f| f.severity);
            findings.extend(of_org);
        }
        findings.extend(support_findings(&views(&held, now)));
        // What the token was refused for lack of a scope, as the diagnostics learned it.
        findings.extend(scope_findings(&self.diagnostics(profile)?.missing_scopes));
        Ok(Checkup {
            organisations: organisations
                .iter()
                .map(|o| CheckedOrganisation {
                    account_id: o.id,
                    name: o.name.clone(),
                })
                .collect(),
            findings,
            products_known,
            people_checked,
        })
    }
}
