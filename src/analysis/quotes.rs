//! Repeated quotes: detection and the corpus-wide reuse index. (Being written; the hooks
//! below are how the workspace keeps it up to date.)

use crate::corpus::document::Document;

use super::index::DocId;

/// What one document contributes to the quote index.
#[derive(Debug, Default)]
pub struct DocQuotes {}

/// Quote detection for one document (pure; run in parallel during the initial index).
pub fn extract(_doc: &Document) -> DocQuotes {
    DocQuotes::default()
}

#[derive(Debug, Default)]
pub struct QuoteIndex {}

impl QuoteIndex {
    /// Add (or replace) a document's quotes.
    pub fn insert(&mut self, _doc: DocId, _quotes: DocQuotes) {}

    /// Remove a document's quotes.
    pub fn remove(&mut self, _doc: DocId) {}
}
