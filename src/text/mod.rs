//! Text handling with exact byte spans: normalisation levels, tokenization, proclitics.
//! No I/O and no knowledge of documents or the protocol.

pub mod clitics;
pub mod normalize;
pub mod search;
pub mod tokenize;
