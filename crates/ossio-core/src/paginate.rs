//! Pagination as a sans-IO state machine: feed each page in, get the next request out. The
//! Rust client, Python and Node all drive this one implementation.

use crate::error::{Error, ParseError};
use crate::ops::Operation;
use std::collections::HashSet;

/// An operation whose output may continue on another page.
pub trait Paginated: Operation + Clone {
    /// One listed item.
    type Item;
    /// The token of the next page, if the output says there is one.
    fn next_token(output: &Self::Output) -> Option<String>;
    /// This operation, continued at `token`.
    fn with_token(&self, token: String) -> Self;
    /// The items of one page.
    fn items(output: Self::Output) -> Vec<Self::Item>;
}

/// Walks the pages of a listing.
///
/// ```
/// use ossio_core::ops::{ListAccessPoints, Operation};
/// use ossio_core::paginate::Pages;
/// let mut pages = Pages::new(ListAccessPoints::for_bucket("bucket"));
/// while let Some(op) = pages.next_op() {
///     let request = op.to_request().unwrap();
///     // ... send it, parse the page with op.parse_response(...), then:
///     # let page = ossio_core::ops::ListAccessPointsOutput::default();
///     pages.feed(&page).unwrap();
/// }
/// assert!(pages.is_done());
/// ```
#[derive(Debug, Clone)]
pub struct Pages<O: Paginated> {
    next: Option<O>,
    seen: HashSet<String>,
    pages: usize,
}

impl<O: Paginated> Pages<O> {
    /// Starts at `first`.
    pub fn new(first: O) -> Self {
        Pages {
            next: Some(first),
            seen: HashSet::new(),
            pages: 0,
        }
    }

    /// The operation that fetches the next page, or `None` when the listing is complete.
    pub fn next_op(&self) -> Option<&O> {
        self.next.as_ref()
    }

    /// Records a page. A token seen before would loop forever: that is an error.
    pub fn feed(&mut self, output: &O::Output) -> Result<(), Error> {
        let Some(current) = self.next.take() else {
            return Ok(());
        };
        self.pages += 1;
        match O::next_token(output).filter(|t| !t.is_empty()) {
            None => Ok(()),
            Some(token) => {
                if !self.seen.insert(token.clone()) {
                    return Err(Error::Parse(ParseError {
                        status: 200,
                        request_id: None,
                        reason: format!(
                            "{} returned the continuation token {token:?} twice; stopping instead of looping",
                            O::NAME
                        ),
                    }));
                }
                self.next = Some(current.with_token(token));
                Ok(())
            }
        }
    }

    /// Whether every page has been fed.
    pub fn is_done(&self) -> bool {
        self.next.is_none()
    }

    /// Pages fed so far.
    pub fn pages(&self) -> usize {
        self.pages
    }
}
