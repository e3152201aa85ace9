//! The judgement: which words are names, how their spellings cluster, which spelling is
//! canonical, and the findings that follow. Turns documents into findings with byte spans;
//! knows nothing of the protocol.

pub mod dictionary;
pub mod entities;
mod hits;
pub mod index;
pub mod interrupt;
pub mod lexicon;
mod memo;
pub mod names;
pub mod org_names;
pub mod person_names;
pub mod place_names;
pub mod quotes;
mod short_names;
pub mod spelling;
#[cfg(test)]
mod testing;

pub use index::{DocId, Workspace};
pub use spelling::{Finding, FindingCode, Related};
