//! The first read of the products and their renewals, in steps the board can be painted between.
//!
//! A reseller's 500 organisations hold 20,000 products (40 pages) and need one renewals read each:
//! some 540 requests, nine minutes of the 60-a-minute budget. Nothing cached yet, the board does
//! not wait for all of them: the page's own read spends a few requests at the person's priority,
//! lands what arrived, and a background read goes on from there, landing again every few
//! organisations, with a progress note the page shows ("12 of 500 organisations read").

use crate::Desk;
use crate::error::{Error, ErrorCode};
use crate::products::{CachedProduct, CachedRenewal, OrgRenewals, RenewalsState};
use crate::session::ProfileId;
use crate::sync::priority;
use crate::sync::{Area, WHOLE_AREA};
use infomaniak::{AccountId, MAX_PAGES, MAX_PER_PAGE, Route};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::oneshot;

/// Requests the page's own read may spend before the board is painted: with the profile and the
/// organisations list, the first paint stays within ten.
pub(crate) const FIRST_PAINT_REQUESTS: usize = 6;
/// A background read lands the renewals read so far after this many organisations: often enough
/// for the board to fill as it goes, seldom enough not to rewrite 20,000 renewals each time.
const LAND_EVERY: usize = 10;
/// After the page's own read has answered, the background read waits this long before its first
/// request: the window builds and paints the board meanwhile (a few hundred milliseconds for a
/// reseller's first pages on a slow machine), and the requests counted before that first paint
/// are the page's own. It costs the whole read three seconds of its nine minutes.
const PAINT_ROOM: Duration = Duration::from_secs(3);
/// The store's name for the progress of a first read under way (absent or `null`: none).
const PROGRESS_AREA: &str = "board_progress";

/// Which part of the first read is under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum BoardStep {
    /// Pages of the products list (`done` of `total` pages).
    Products,
    /// Organisations whose renewals were read (`done` of `total` organisations).
    Renewals,
}

/// How far a first read of the products and their renewals has come: the board shows what has
/// arrived and says how much is still to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BoardProgress {
    pub step: BoardStep,
    pub done: u32,
    pub total: u32,
}

/// Where a first read stands: what it has and what it reads next.
#[derive(Debug, Default)]
pub(crate) struct BoardRead {
    products: Vec<CachedProduct>,
    seen: HashSet<u64>,
    /// The next products page (from 1), and how many there are once the first has said.
    next_page: u64,
    pages: Option<u64>,
    /// Organisations whose renewals are still to read, in order, once the products are in.
    accounts: Vec<AccountId>,
    next_account: usize,
    renewals: Vec<OrgRenewals>,
    /// The renewals route is missing: the rest need no request.
    missing: bool,
    /// Products arrived since they were last written to the store.
    products_unsaved: bool,
    /// Products of the pages read that could not be read (lacking their id, say): left out.
    skipped: usize,
}

impl BoardRead {
    /// From the start, or from complete cached products (then only the renewals are read).
    fn new(products: Option<Vec<CachedProduct>>) -> Self {
        let mut read = Self {
            next_page: 1,
            ..Self::default()
        };
        if let Some(products) = products {
            read.seen = products.iter().map(|p| p.id).collect();
            read.products = products;
            read.products_unsaved = false;
            read.next_page = 0;
            read.start_renewals();
        }
        read
    }

    fn products_done(&self) -> bool {
        self.next_page == 0
    }

    fn start_renewals(&mut self) {
        self.next_page = 0;
        let accounts: BTreeSet<AccountId> =
            self.products.iter().filter_map(|p| p.account_id).collect();
        self.accounts = accounts.into_iter().collect();
    }

    fn progress(&self) -> BoardProgress {
        let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        if self.products_done() {
            BoardProgress {
                step: BoardStep::Renewals,
                done: n(self.next_account),
                total: n(self.accounts.len()),
            }
        } else {
            let done = self.next_page.saturating_sub(1);
            BoardProgress {
                step: BoardStep::Products,
                done: u32::try_from(done).unwrap_or(u32::MAX),
                total: u32::try_from(self.pages.unwrap_or(done + 1)).unwrap_or(u32::MAX),
            }
        }
    }

    fn finished(&self) -> bool {
        self.products_done() && self.next_account >= self.accounts.len()
    }
}

impl Desk {
    /// How far the first read of the board has come; `None` when the cache holds it all.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn board_progress(&self, profile: &ProfileId) -> Result<Option<BoardProgress>, Error> {
        Ok(self
            .store
            .cached::<Option<BoardProgress>>(profile, PROGRESS_AREA, WHOLE_AREA)?
            .and_then(|c| c.value))
    }

    /// Whether a read of the board (first or not) is under way for the profile.
    pub(crate) fn board_read_running(&self, profile: &ProfileId) -> bool {
        let running = self.in_flight();
        running.contains(&(profile.clone(), Area::Products))
            || running.contains(&(profile.clone(), Area::Renewals))
    }

    /// Whether the board has nothing complete in the cache: no products, no renewals, or a first
    /// read that stopped half-way (the app quit).
    pub(crate) fn board_incomplete(&self, profile: &ProfileId) -> Result<bool, Error> {
        Ok(self.cached_products(profile)?.is_none()
            || self.cached_renewals(profile)?.is_none()
            || self.board_progress(profile)?.is_some())
    }

    /// The page's read of a board with nothing complete cached: a few requests now, at the
    /// caller's priority, then the rest in the background. Returns once the board can be painted,
    /// with the signal the page sends once its answer is built (or drops, if it fails): the
    /// background read starts [`PAINT_ROOM`] after it, so that the board's first paint does not
    /// wait behind the background's requests. `None` when no background read follows.
    ///
    /// # Errors
    /// The first products page's error (nothing to paint without it).
    pub(crate) async fn first_board_read(
        self: &Arc<Self>,
        profile: &ProfileId,
    ) -> Result<Option<oneshot::Sender<()>>, Error> {
        if !self.claim_board(profile) {
            return Ok(None);
        }
        let complete = match self.board_progress(profile)? {
            None => self.cached_products(profile)?,
            // A first read that stopped half-way starts again: its products may be partial.
            Some(_) => None,
        };
        let mut read = BoardRead::new(complete);
        let outcome = self
            .read_board(profile, &mut read, FIRST_PAINT_REQUESTS)
            .await;
        if let Err(e) = outcome {
            self.release_board(profile);
            return Err(e);
        }
        if read.finished() {
            self.release_board(profile);
            return Ok(None);
        }
        let (answered, page_answered) = oneshot::channel();
        let desk = Arc::clone(self);
        let profile = profile.clone();
        tokio::spawn(async move {
            // Dropped unsent, the page failed or gave up: the read goes on all the same.
            let _ = page_answered.await;
            tokio::time::sleep(PAINT_ROOM).await;
            let rest = priority::in_background(desk.read_board(&profile, &mut read, usize::MAX));
            let stopped = rest.await.err();
            desk.release_board(&profile);
            if let Some(e) = stopped {
                tracing::warn!(%profile, "the board's first read stopped: {e}");
                // The page waits for news rather than polling: a read that stopped is news too.
                desk.announce(&profile, Area::Renewals);
            }
        });
        Ok(Some(answered))
    }

    /// The background sync's read of the board: progressive when nothing complete is cached,
    /// otherwise a refresh of both areas; nothing when a read is already under way.
    ///
    /// # Errors
    /// The API's error.
    pub(crate) async fn refresh_board(&self, profile: &ProfileId) -> Result<(), Error> {
        if !self.claim_board(profile) {
            return Ok(());
        }
        let outcome = if self.board_incomplete(profile)? {
            let mut read = BoardRead::new(match self.board_progress(profile)? {
                None => self.cached_products(profile)?,
                Some(_) => None,
            });
            self.read_board(profile, &mut read, usize::MAX).await
        } else {
            match self.refresh(profile, Area::Products).await {
                Ok(()) => self.refresh(profile, Area::Renewals).await,
                Err(e) => Err(e),
            }
        };
        self.release_board(profile);
        outcome
    }

    /// Marks the board as being read; false when it already is.
    fn claim_board(&self, profile: &ProfileId) -> bool {
        let mut running = self.in_flight();
        let keys = [
            (profile.clone(), Area::Products),
            (profile.clone(), Area::Renewals),
        ];
        if keys.iter().any(|k| running.contains(k)) {
            return false;
        }
        running.extend(keys);
        true
    }

    fn release_board(&self, profile: &ProfileId) {
        let mut running = self.in_flight();
        running.remove(&(profile.clone(), Area::Products));
        running.remove(&(profile.clone(), Area::Renewals));
    }

    /// Reads on from `read` for at most `allowance` requests, landing what arrived whenever it
    /// stops and every [`LAND_EVERY`] organisations. Done when `read.finished()`.
    async fn read_board(
        &self,
        profile: &ProfileId,
        read: &mut BoardRead,
        allowance: usize,
    ) -> Result<(), Error> {
        let client = self.client(profile).await?;
        let mut spent = 0;
        let mut landed_at = read.next_account;
        while !read.finished() && spent < allowance {
            if read.products_done() {
                if self.read_renewals_of_next(profile, &client, read).await? {
                    spent += 1;
                }
                if read.next_account - landed_at >= LAND_EVERY {
                    self.land_board(profile, read)?;
                    landed_at = read.next_account;
                }
            } else {
                spent += 1;
                self.read_products_page(profile, &client, read).await?;
                self.land_board(profile, read)?;
            }
        }
        self.land_board(profile, read)
    }

    async fn read_products_page(
        &self,
        profile: &ProfileId,
        client: &infomaniak::Client,
        read: &mut BoardRead,
    ) -> Result<(), Error> {
        let answer = client
            .products()
            .per_page(MAX_PER_PAGE)
            .page(read.next_page)
            .await;
        self.note(profile, Route::Products, &answer);
        let page = self.watch(profile, answer)?;
        let pages = page.pages.clamp(1, MAX_PAGES);
        read.pages = Some(pages);
        read.skipped += page.skipped;
        let before = read.products.len();
        for product in page.items {
            if read.seen.insert(product.id.0) {
                read.products.push(CachedProduct::from(product));
            }
        }
        read.products_unsaved = true;
        // A page with nothing new ends the list whatever `pages` said.
        if read.next_page >= pages || read.products.len() == before {
            read.start_renewals();
        } else {
            read.next_page += 1;
        }
        Ok(())
    }

    async fn read_renewals_of_next(
        &self,
        profile: &ProfileId,
        client: &infomaniak::Client,
        read: &mut BoardRead,
    ) -> Result<bool, Error> {
        let Some(&account_id) = read.accounts.get(read.next_account) else {
            return Ok(false);
        };
        read.next_account += 1;
        let sent = !read.missing;
        let (state, items) = if read.missing {
            (RenewalsState::Missing, Vec::new())
        } else {
            let answer = client.renewals(account_id).all().await;
            self.note(profile, Route::Renewals, &answer);
            match self.watch(profile, answer) {
                Ok(items) => (
                    RenewalsState::Known,
                    items.into_iter().map(CachedRenewal::from).collect(),
                ),
                Err(e) if e.code() == ErrorCode::NotSupportedByApi => {
                    read.missing = true;
                    (RenewalsState::Missing, Vec::new())
                }
                Err(e) if e.code() == ErrorCode::AuthExpired => return Err(e),
                Err(e) => {
                    tracing::info!(account_id = account_id.0, "renewals unreadable: {e}");
                    (RenewalsState::Unreadable, Vec::new())
                }
            }
        };
        read.renewals.push(OrgRenewals {
            account_id,
            state,
            items,
        });
        Ok(sent)
    }

    /// Writes what has arrived and how far the read has come, then says so once.
    fn land_board(&self, profile: &ProfileId, read: &mut BoardRead) -> Result<(), Error> {
        let progress = (!read.finished()).then(|| read.progress());
        if read.products_unsaved {
            self.put_skipped_products(profile, read.skipped)?;
            if !self.put_if_known(profile, Area::Products.as_str(), WHOLE_AREA, &read.products)? {
                return Ok(());
            }
            read.products_unsaved = false;
        }
        let known =
            self.put_if_known(profile, Area::Renewals.as_str(), WHOLE_AREA, &read.renewals)?
                && self.put_if_known(profile, PROGRESS_AREA, WHOLE_AREA, &progress)?;
        if known {
            self.announce(profile, Area::Renewals);
        }
        Ok(())
    }
}
