//! Walking a paged list: which page comes next, when to stop, and which items were already seen.

use crate::envelope::Envelope;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashSet;

/// Items per page when the caller does not say: the largest size public clients use, so a full
/// list costs as few requests of the 60-a-minute budget as possible.
pub const DEFAULT_PER_PAGE: u32 = 500;
/// The largest `per_page` sent (the API documents no maximum; 500 is the largest seen answering).
pub const MAX_PER_PAGE: u32 = 500;
/// No list is read past this many pages, whatever the server says about `pages`.
pub const MAX_PAGES: u64 = 1_000;

/// One page of a list, with the API's counters.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The items of this page, in the API's order.
    pub items: Vec<T>,
    /// This page's number, from 1.
    pub page: u64,
    /// How many pages the API says there are (1 when it sent no counters).
    pub pages: u64,
    /// How many items the API says there are, when it said.
    pub total: Option<u64>,
    /// Items of this page that could not be read (one lacking its id, say): left out, so that
    /// one odd item never fails the page.
    pub skipped: usize,
}

/// A whole list, and how many of its items could not be read and were left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed<T> {
    /// The items read, each once.
    pub items: Vec<T>,
    /// Items left out because they could not be read; say so once where the list is shown.
    pub skipped: usize,
}

impl<T: DeserializeOwned> Page<T> {
    /// Reads each item on its own: one that does not decode is counted in `skipped`.
    pub(crate) fn from_envelope(asked: u64, envelope: Envelope<Vec<Value>>) -> Self {
        let page = envelope.page.unwrap_or(asked);
        let received = envelope.data.len();
        let items: Vec<T> = envelope
            .data
            .into_iter()
            .filter_map(|item| match serde_json::from_value(item) {
                Ok(item) => Some(item),
                Err(e) => {
                    tracing::warn!(error = %e, "left out a list item that could not be read");
                    None
                }
            })
            .collect();
        Self {
            skipped: received - items.len(),
            items,
            page,
            // Without counters the API answered with everything at once.
            pages: envelope.pages.unwrap_or(page),
            total: envelope.total,
        }
    }
}

impl<T> Page<T> {
    /// Whether the API says pages follow this one.
    pub fn has_next(&self) -> bool {
        self.page < self.pages
    }
}

/// An item's identity in its list: a kind (users and pending invitations share one list) and an id.
pub(crate) type ItemKey = (u8, u64);

/// Items a list can recognise when the API sends them twice.
pub(crate) trait Keyed {
    /// `None` for an item without an id: it is always kept.
    fn key(&self) -> Option<ItemKey>;
}

/// Decides the next page and filters out repeated items, away from any I/O so it can be tested
/// against servers that misbehave.
#[derive(Debug)]
pub(crate) struct Walker {
    next: Option<u64>,
    seen: HashSet<ItemKey>,
}

impl Walker {
    pub(crate) fn new() -> Self {
        Self {
            next: Some(1),
            seen: HashSet::new(),
        }
    }

    /// The page to fetch next, or `None` when the list is complete.
    pub(crate) fn next_page(&self) -> Option<u64> {
        self.next
    }

    /// Takes a fetched page and returns its items not seen before, in order.
    pub(crate) fn accept<T: Keyed>(&mut self, asked: u64, page: Page<T>) -> Vec<T> {
        let received = page.items.len();
        let fresh: Vec<T> = page
            .items
            .into_iter()
            .filter(|item| item.key().is_none_or(|key| self.seen.insert(key)))
            .collect();
        let more = asked < page.pages
            && received > 0
            // A page of nothing but repeats: the server ignores `page`, asking again would loop.
            && (asked == 1 || !fresh.is_empty());
        self.next = if !more {
            None
        } else if asked >= MAX_PAGES {
            tracing::warn!(
                pages = page.pages,
                "stopped reading a list at {MAX_PAGES} pages"
            );
            None
        } else {
            Some(asked + 1)
        };
        fresh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Item(u64);

    impl Keyed for Item {
        fn key(&self) -> Option<ItemKey> {
            Some((0, self.0))
        }
    }

    fn page(page: u64, pages: u64, ids: &[u64]) -> Page<Item> {
        Page {
            items: ids.iter().map(|id| Item(*id)).collect(),
            page,
            pages,
            total: None,
            skipped: 0,
        }
    }

    fn walk(server: impl Fn(u64) -> Page<Item>) -> (Vec<u64>, u64) {
        let mut walker = Walker::new();
        let mut ids = Vec::new();
        let mut fetched = 0;
        while let Some(n) = walker.next_page() {
            fetched += 1;
            ids.extend(walker.accept(n, server(n)).into_iter().map(|i| i.0));
        }
        (ids, fetched)
    }

    #[test]
    fn follows_pages_and_keeps_the_first_of_repeated_ids() {
        let (ids, fetched) = walk(|n| match n {
            1 => page(1, 3, &[1, 2, 3]),
            2 => page(2, 3, &[3, 4, 5]),
            _ => page(3, 3, &[5, 6]),
        });
        assert_eq!(ids, vec![1, 2, 3, 4, 5, 6]);
        assert_eq!(fetched, 3);
    }

    #[test]
    fn an_answer_without_counters_is_the_whole_list() {
        let (ids, fetched) = walk(|n| Page {
            pages: n,
            ..page(n, n, &[1, 2])
        });
        assert_eq!((ids, fetched), (vec![1, 2], 1));
    }

    #[test]
    fn a_server_that_repeats_one_page_is_read_twice_not_forever() {
        let (ids, fetched) = walk(|n| page(n, 50, &[1, 2, 3]));
        assert_eq!((ids, fetched), (vec![1, 2, 3], 2));
    }

    #[test]
    fn a_server_that_never_ends_is_cut_at_the_hard_cap() {
        let (ids, fetched) = walk(|n| page(n, u64::MAX, &[n]));
        assert_eq!(fetched, MAX_PAGES);
        assert_eq!(ids.len(), usize::try_from(MAX_PAGES).unwrap());
    }

    #[test]
    fn an_empty_page_ends_the_list_even_if_more_are_announced() {
        let (ids, fetched) = walk(|n| {
            if n == 1 {
                page(1, 9, &[1])
            } else {
                page(n, 9, &[])
            }
        });
        assert_eq!((ids, fetched), (vec![1], 2));
    }

    proptest::proptest! {
        /// Whatever the server says of its pages (a `pages` that lies, items repeated across
        /// pages, empty pages), the walk ends within the page cap, never yields an item twice,
        /// and yields only items the server sent.
        #[test]
        fn any_answers_end_the_walk_without_repeats(
            server in proptest::collection::vec(
                (0u64..2_000, proptest::collection::vec(0u64..40, 0..8)),
                0..30,
            )
        ) {
            let mut walker = Walker::new();
            let mut out = Vec::new();
            let mut asked_pages = 0u64;
            while let Some(asked) = walker.next_page() {
                asked_pages += 1;
                proptest::prop_assert!(asked_pages <= MAX_PAGES);
                let index = usize::try_from(asked - 1).unwrap();
                let (pages, ids) = server.get(index).cloned().unwrap_or((asked, Vec::new()));
                out.extend(walker.accept(asked, page(asked, pages, &ids)));
            }
            let mut seen = std::collections::HashSet::new();
            for item in &out {
                proptest::prop_assert!(seen.insert(item.0), "{} came twice", item.0);
                proptest::prop_assert!(server.iter().any(|(_, ids)| ids.contains(&item.0)));
            }
        }
    }
}
