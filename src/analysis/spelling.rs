//! Spelling clusters and findings. (Being written; the API is the contract.)

use std::ops::Range;

use crate::corpus::config::Severity;

use super::index::{DocId, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingCode {
    /// Letters differ beyond orthography (باشنيان / باشينيان, كاراباخ / قره باغ).
    InconsistentSpelling,
    /// Differs only in hamza/alef forms, ى/ي or ة/ه (اذربيجان / أذربيجان).
    OrthographicVariant,
}

impl FindingCode {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::InconsistentSpelling => "inconsistent-spelling",
            FindingCode::OrthographicVariant => "orthographic-variant",
        }
    }
}

/// A canonical mention elsewhere, shown as related information.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub doc: DocId,
    pub span: Range<usize>,
}

/// One mention whose spelling differs from its cluster's canonical spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The name without its proclitic, in bytes of the document text.
    pub span: Range<usize>,
    pub code: FindingCode,
    pub severity: Severity,
    /// The spelling as a key (L0, standalone form: ال restored for the لل form).
    pub variant: String,
    /// The canonical spelling (standalone form).
    pub canonical: String,
    /// The exact text that replaces `span` (canonical, with the alef elided after لل).
    pub replacement: String,
    pub canonical_mentions: u32,
    pub canonical_docs: u32,
    pub message: String,
    pub related: Vec<Related>,
}

pub fn findings(_ws: &Workspace, _doc: DocId) -> Vec<Finding> {
    Vec::new()
}
