//! The machinery every list builder shares: paging, de-duplication and streaming.

use crate::call::Call;
use crate::client::Client;
use crate::error::Error;
use crate::paging::{DEFAULT_PER_PAGE, Keyed, Listed, MAX_PER_PAGE, Page, Walker};
use futures::{Stream, StreamExt, TryStreamExt, stream};
use serde::de::DeserializeOwned;

/// Sort direction of a list (`order=asc|desc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    /// Smallest first (the API's default).
    #[default]
    Asc,
    /// Largest first.
    Desc,
}

impl Direction {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Direction::Asc => "asc",
            Direction::Desc => "desc",
        }
    }
}

/// A list request: the call with its filters, and the page size.
#[derive(Debug, Clone)]
pub(crate) struct Listing {
    client: Client,
    call: Call,
    per_page: u32,
}

impl Listing {
    pub(crate) fn new(client: &Client, call: Call) -> Self {
        Self {
            client: client.clone(),
            call,
            per_page: DEFAULT_PER_PAGE,
        }
    }

    pub(crate) fn call_mut(&mut self) -> &mut Call {
        &mut self.call
    }

    pub(crate) fn set_per_page(&mut self, per_page: u32) {
        self.per_page = per_page.clamp(1, MAX_PER_PAGE);
    }

    /// Sends `page` where the spec declares it, so that the API answers with its counters. Where
    /// it does not, the first page is asked plainly (the answer is the whole list); a further page
    /// only when that answer's counters announce one.
    pub(crate) async fn page<T: DeserializeOwned>(&self, page: u64) -> Result<Page<T>, Error> {
        let mut call = self.call.clone();
        if page > 1 || self.call.route.declares_paging() {
            call.set("page", page.max(1));
            call.set("per_page", self.per_page);
        }
        let envelope = self.client.send::<Vec<serde_json::Value>>(&call).await?;
        Ok(Page::from_envelope(page.max(1), envelope))
    }

    pub(crate) fn stream<T>(self) -> impl Stream<Item = Result<T, Error>> + Send + 'static
    where
        T: DeserializeOwned + Keyed + Send + 'static,
    {
        stream::try_unfold((self, Walker::new()), |(listing, mut walker)| async move {
            let Some(n) = walker.next_page() else {
                return Ok::<_, Error>(None);
            };
            let page = listing.page::<T>(n).await?;
            let fresh = walker.accept(n, page);
            Ok(Some((stream::iter(fresh).map(Ok), (listing, walker))))
        })
        .try_flatten()
    }

    pub(crate) async fn all<T>(self) -> Result<Vec<T>, Error>
    where
        T: DeserializeOwned + Keyed + Send + 'static,
    {
        self.stream().try_collect().await
    }

    pub(crate) async fn all_counted<T>(self) -> Result<Listed<T>, Error>
    where
        T: DeserializeOwned + Keyed,
    {
        let mut walker = Walker::new();
        let mut listed = Listed {
            items: Vec::new(),
            skipped: 0,
        };
        while let Some(n) = walker.next_page() {
            let page = self.page::<T>(n).await?;
            listed.skipped += page.skipped;
            listed.items.extend(walker.accept(n, page));
        }
        Ok(listed)
    }
}

/// `per_page`, `page`, `all` and `stream` for a list builder holding a `list: Listing`.
macro_rules! paged {
    ($query:ty, $item:ty) => {
        impl $query {
            /// Items per page, 1 to [`MAX_PER_PAGE`](crate::MAX_PER_PAGE) (default
            /// [`DEFAULT_PER_PAGE`](crate::DEFAULT_PER_PAGE)).
            #[must_use]
            pub fn per_page(mut self, per_page: u32) -> Self {
                self.list.set_per_page(per_page);
                self
            }

            /// One page (from 1), with the API's counters.
            ///
            /// # Errors
            /// Any [`Error`](crate::Error) of the route.
            pub async fn page(&self, page: u64) -> Result<crate::Page<$item>, crate::Error> {
                self.list.page(page).await
            }

            /// Every page, following the API's `pages`, each item once (the first occurrence of
            /// an id wins), stopping at [`MAX_PAGES`](crate::MAX_PAGES) at the latest.
            ///
            /// # Errors
            /// The first [`Error`](crate::Error) of any page; the pages before it are dropped.
            pub async fn all(self) -> Result<Vec<$item>, crate::Error> {
                self.list.all().await
            }

            /// As [`Self::all`], with how many items could not be read and were left out.
            ///
            /// # Errors
            /// The first [`Error`](crate::Error) of any page; the pages before it are dropped.
            pub async fn all_counted(self) -> Result<crate::Listed<$item>, crate::Error> {
                self.list.all_counted().await
            }

            /// The same items as [`Self::all`], yielded as each page arrives.
            ///
            /// # Errors
            /// A page that fails yields its [`Error`](crate::Error) and ends the stream.
            pub fn stream(
                self,
            ) -> impl futures::Stream<Item = Result<$item, crate::Error>> + Send + 'static {
                self.list.stream()
            }
        }
    };
}

pub(crate) use paged;
