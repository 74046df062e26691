//! The Products & renewals page's view: every product with its organisation, its renewal and its
//! place on the renewals board, classified at the time of the read.

use crate::Desk;
use crate::error::{Error, ErrorCode};
use crate::organisations::Organisation;
use crate::products::renewals::{self, RenewalGroup};
use crate::products::{
    BoardProgress, BoardStep, CachedProduct, CachedRenewal, OrgRenewals, RenewalsState,
};
use crate::session::ProfileId;
use crate::sync::WHOLE_AREA;
use crate::sync::{Area, Freshness};
use infomaniak::AccountId;
use infomaniak::Route;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A renewal price. `currency` is `None` for a currency this version does not know.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PriceView {
    pub amount: f64,
    pub currency: Option<String>,
}

/// One product row of the table and the board.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProductRow {
    // Product ids are far below 2^32; typed as such for the UI, which needs a plain number.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub id: u64,
    pub account_id: Option<AccountId>,
    /// The organisation's name; `None` when the organisation is not in the list.
    pub organisation: Option<String>,
    pub name: String,
    pub service: String,
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub expires_at: Option<i64>,
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub days_left: Option<i64>,
    /// `None` when the renewal could not be read.
    pub auto_renew: Option<bool>,
    /// When the automatic payment is (or was) tried.
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub payment_attempt_at: Option<i64>,
    /// Automatic renewal may still be switched on (more than 14 days before expiry).
    pub can_switch_on: bool,
    pub payment_method: Option<String>,
    pub price: Option<PriceView>,
    pub locked: bool,
    pub maintenance: bool,
    pub trial: bool,
    pub free: bool,
    pub operation_in_progress: bool,
    pub group: RenewalGroup,
    /// The organisation's renewal page in the Manager.
    pub renewal_page: Option<String>,
    /// The product this one hangs under; the table shows it beneath that one.
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub parent_id: Option<u64>,
    pub parent_service: Option<String>,
    /// The caller's rights on it forbid renewing it (no `sale` right): renewal actions are
    /// disabled, saying why.
    pub renew_forbidden: bool,
    /// The periods (months) its renewal is offered for: how often it recurs, for the costs
    /// forecast. Not sent to the window, which does not show it.
    #[serde(skip)]
    pub periods: Vec<u32>,
}

#[cfg(test)]
impl ProductRow {
    /// A plain row for the rules' tests: `name` of `service` in organisation `account`, no
    /// expiry, price nor renewal; each test sets what it is about.
    pub(crate) fn sample(id: u64, account: u64, name: &str, service: &str) -> Self {
        Self {
            id,
            account_id: Some(AccountId(account)),
            organisation: None,
            name: name.to_owned(),
            service: service.to_owned(),
            expires_at: None,
            days_left: None,
            auto_renew: None,
            payment_attempt_at: None,
            can_switch_on: false,
            payment_method: None,
            price: None,
            locked: false,
            maintenance: false,
            trial: false,
            free: false,
            operation_in_progress: false,
            group: RenewalGroup::Later,
            renewal_page: None,
            parent_id: None,
            parent_service: None,
            renew_forbidden: false,
            periods: Vec::new(),
        }
    }
}

/// An organisation with products, and whether its renewals could be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProductOrganisation {
    pub account_id: AccountId,
    pub name: Option<String>,
    pub renewals: RenewalsState,
    pub renewal_page: String,
}

/// The page's data.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProductsView {
    /// Soonest expiry first; products that never expire last.
    pub items: Vec<ProductRow>,
    pub organisations: Vec<ProductOrganisation>,
    /// The API has no automatic-renewal switch: the control is the Manager's renewal page.
    pub auto_renew_in_manager: bool,
    /// The instant the rows were classified at (Unix seconds, within 32 bits until 2106).
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub now: i64,
    pub freshness: Freshness,
    /// A first read still under way: the board shows what has arrived, and how much is to come.
    pub progress: Option<BoardProgress>,
    /// Products the API sent that could not be read (lacking their id, say): left out of
    /// `items`; the page says once how many.
    pub skipped: u32,
}

impl Desk {
    /// Every product of the profile with its renewal: cached at once, refreshed when stale; when
    /// never seen, what a few requests bring, the rest landing in the background (`progress`).
    ///
    /// # Errors
    /// [`Error::UnknownProfile`], or the first products page's error when nothing is cached yet.
    pub async fn products(self: &Arc<Self>, profile: &ProfileId) -> Result<ProductsView, Error> {
        // Nothing complete cached: a few requests now, the rest landing as the board shows it.
        // The background read it leaves waits for this answer, so the board paints first.
        let answered = if self.board_incomplete(profile)? && !self.board_read_running(profile) {
            self.first_board_read(profile).await?
        } else {
            None
        };
        // A read under way that has landed nothing yet (the background sync's) is still a read:
        // the board waits for it rather than reading everything a second time.
        let progress = match self.board_progress(profile)? {
            None if self.board_read_running(profile) && self.board_incomplete(profile)? => {
                Some(BoardProgress {
                    step: BoardStep::Products,
                    done: 0,
                    total: 1,
                })
            }
            known => known,
        };
        let (items, p_at): (Vec<CachedProduct>, i64) = match progress {
            Some(_) => self.cached_or_empty(profile, Area::Products)?,
            None => self.area_now(profile, Area::Products).await?,
        };
        // Renewals that cannot be read leave the products listed, each "renewal unknown".
        let (org_renewals, r_at): (Vec<OrgRenewals>, i64) = match progress {
            Some(_) => self.cached_or_empty(profile, Area::Renewals)?,
            None => match self.area_now(profile, Area::Renewals).await {
                Ok(r) => r,
                Err(e) if e.code() == ErrorCode::AuthExpired => return Err(e),
                Err(_) => (Vec::new(), self.clock.unix_now()),
            },
        };
        let organisations = match self.store.cached::<Vec<Organisation>>(
            profile,
            Area::Organisations.as_str(),
            WHOLE_AREA,
        )? {
            Some(c) => c.value,
            // Names only: the table still shows products if organisations cannot be listed.
            None => match self.refresh(profile, Area::Organisations).await {
                Ok(()) => self
                    .store
                    .cached(profile, Area::Organisations.as_str(), WHOLE_AREA)?
                    .map(|c| c.value)
                    .unwrap_or_default(),
                Err(_) => Vec::new(),
            },
        };
        let freshness = match progress {
            // The read under way lands more, and says so; no second read is started beside it.
            Some(_) => Freshness {
                fetched_at: Some(p_at.min(r_at)),
                refreshing: self.board_read_running(profile),
            },
            None => self.oldest(profile, (Area::Products, p_at), (Area::Renewals, r_at)),
        };
        let now = self.clock.unix_now();
        let view = ProductsView {
            items: rows(now, &items, &org_renewals, &organisations),
            organisations: orgs(&items, &org_renewals, &organisations, progress.is_some()),
            auto_renew_in_manager: self.route_missing(profile, Route::AutoRenewSet)
                || self.route_missing(profile, Route::Renewals),
            now,
            freshness,
            progress,
            skipped: self.skipped_products(profile)?,
        };
        if let Some(answered) = answered {
            // The background read may have stopped already (a failed request): nobody to tell.
            let _ = answered.send(());
        }
        Ok(view)
    }

    /// An area's cached value and its time, or nothing yet.
    fn cached_or_empty<T: serde::de::DeserializeOwned + Default>(
        &self,
        profile: &ProfileId,
        area: Area,
    ) -> Result<(T, i64), Error> {
        Ok(self
            .store
            .cached::<T>(profile, area.as_str(), WHOLE_AREA)?
            .map_or_else(
                || (T::default(), self.clock.unix_now()),
                |c| (c.value, c.fetched_at),
            ))
    }

    /// An area's cached value and its time, fetched now when never seen.
    async fn area_now<T: serde::de::DeserializeOwned + Default>(
        &self,
        profile: &ProfileId,
        area: Area,
    ) -> Result<(T, i64), Error> {
        if let Some(c) = self.store.cached::<T>(profile, area.as_str(), WHOLE_AREA)? {
            return Ok((c.value, c.fetched_at));
        }
        self.refresh(profile, area).await?;
        let c = self.store.cached::<T>(profile, area.as_str(), WHOLE_AREA)?;
        Ok(c.map_or_else(
            || (T::default(), self.clock.unix_now()),
            |c| (c.value, c.fetched_at),
        ))
    }

    /// The freshness of the older of two areas; either one that is stale is refreshed.
    fn oldest(self: &Arc<Self>, profile: &ProfileId, a: (Area, i64), b: (Area, i64)) -> Freshness {
        let fa = self.freshness(profile, a.0, a.1);
        let fb = self.freshness(profile, b.0, b.1);
        Freshness {
            fetched_at: fa.fetched_at.min(fb.fetched_at),
            refreshing: fa.refreshing || fb.refreshing,
        }
    }
}

fn org_name(organisations: &[Organisation], account_id: Option<AccountId>) -> Option<String> {
    let id = account_id?;
    organisations
        .iter()
        .find(|o| o.id == id)
        .map(|o| o.name.clone())
}

pub(crate) fn rows(
    now: i64,
    items: &[CachedProduct],
    renewals: &[OrgRenewals],
    organisations: &[Organisation],
) -> Vec<ProductRow> {
    // Looked up once per product: indexed, so 20,000 products of 500 organisations stay cheap.
    let names: HashMap<AccountId, &str> = organisations
        .iter()
        .map(|o| (o.id, o.name.as_str()))
        .collect();
    let by_product: HashMap<(AccountId, u64), &CachedRenewal> = renewals
        .iter()
        .flat_map(|o| {
            o.items
                .iter()
                .map(move |r| ((o.account_id, r.product_id), r))
        })
        .rev()
        .collect();
    let mut rows: Vec<ProductRow> = items
        .iter()
        .map(|p| {
            let renewal = p
                .account_id
                .and_then(|a| by_product.get(&(a, p.id)).copied());
            let expires_at = renewals::expiry(p, renewal);
            let auto_renew = renewal.map(|r| r.auto_renew);
            ProductRow {
                id: p.id,
                account_id: p.account_id,
                organisation: p
                    .account_id
                    .and_then(|a| names.get(&a).map(|n| (*n).to_owned())),
                name: p.name.clone(),
                service: p.service.clone(),
                expires_at,
                days_left: expires_at.map(|e| renewals::days_left(now, e)),
                auto_renew,
                payment_attempt_at: renewal
                    .filter(|r| r.auto_renew)
                    .and_then(|r| r.next_payment_attempt_at)
                    .or_else(|| {
                        expires_at
                            .filter(|_| auto_renew == Some(true))
                            .map(renewals::first_payment_attempt)
                    }),
                can_switch_on: renewals::can_switch_on(now, expires_at),
                payment_method: renewal.and_then(|r| r.payment_method.clone()),
                price: renewal.and_then(|r| {
                    r.amount.map(|amount| PriceView {
                        amount,
                        currency: r.currency.clone(),
                    })
                }),
                locked: p.locked,
                maintenance: p.maintenance,
                trial: p.trial,
                free: p.free,
                operation_in_progress: p.operation_in_progress,
                group: renewals::classify(now, p, renewal),
                renewal_page: p.account_id.map(renewals::renewal_page),
                parent_id: p.parent_id,
                parent_service: p.parent_service.clone(),
                renew_forbidden: p.may_renew == Some(false),
                periods: renewal.map(|r| r.periods.clone()).unwrap_or_default(),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.expires_at.is_none(), a.expires_at, &a.name).cmp(&(
            b.expires_at.is_none(),
            b.expires_at,
            &b.name,
        ))
    });
    under_parents(rows)
}

/// Each sub-product right beneath its parent (in expiry order among siblings); a sub-product
/// whose parent is not listed keeps its own place.
fn under_parents(rows: Vec<ProductRow>) -> Vec<ProductRow> {
    let listed: HashSet<u64> = rows.iter().map(|r| r.id).collect();
    let (children, top): (Vec<ProductRow>, Vec<ProductRow>) = rows
        .into_iter()
        .partition(|r| r.parent_id.is_some_and(|p| listed.contains(&p)));
    // Indexed by parent: a reseller's 20,000 rows are not scanned once per row.
    let mut by_parent: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, c) in children.iter().enumerate() {
        if let Some(p) = c.parent_id {
            by_parent.entry(p).or_default().push(i);
        }
    }
    let mut children: Vec<Option<ProductRow>> = children.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(top.len() + children.len());
    for row in top {
        let id = row.id;
        out.push(row);
        for i in by_parent.remove(&id).unwrap_or_default() {
            out.extend(children.get_mut(i).and_then(Option::take));
        }
    }
    // Children of children: keep them rather than lose them.
    out.extend(children.into_iter().flatten());
    out
}

fn orgs(
    items: &[CachedProduct],
    renewals: &[OrgRenewals],
    organisations: &[Organisation],
    reading: bool,
) -> Vec<ProductOrganisation> {
    let unread = if reading {
        RenewalsState::Pending
    } else {
        RenewalsState::Unreadable
    };
    let mut ids: Vec<AccountId> = items.iter().filter_map(|p| p.account_id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .map(|account_id| ProductOrganisation {
            account_id,
            name: org_name(organisations, Some(account_id)),
            renewals: renewals
                .iter()
                .find(|o| o.account_id == account_id)
                .map_or(unread, |o| o.state),
            renewal_page: renewals::renewal_page(account_id),
        })
        .collect()
}
