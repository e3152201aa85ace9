//! Per-document extraction: the words of a document with their counts and name evidence.
//! (Being written.)

use super::lexicon::Lexicon;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordCounts {
    pub count: u32,
    pub cue: u32,
    pub nisba: u32,
}

#[derive(Debug, Clone, Default)]
pub struct DocSummary {
    pub words: Vec<(String, WordCounts)>,
}

pub fn summarize(_text: &str, _body_start: usize, _lex: &Lexicon) -> DocSummary {
    DocSummary::default()
}
