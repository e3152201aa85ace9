//! Quotes in the protocol: definition (source copy), references (every copy), hover and code
//! lenses. (Being written.)

use tower_lsp_server::ls_types::{Hover, Location, Position, Uri};

use super::state::State;

/// Hover on a quote, or `None` when the position is not inside a known quote.
pub fn hover(_st: &State, _uri: &Uri, _pos: Position) -> Option<Hover> {
    None
}

/// Every copy of the quote at the position, source first; `None` when not inside a quote.
pub fn references(_st: &State, _uri: &Uri, _pos: Position) -> Option<Vec<Location>> {
    None
}
