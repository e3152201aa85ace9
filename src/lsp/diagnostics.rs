//! Findings to diagnostics, and which documents to publish after a change.
//!
//! A diagnostic carries `source: "isnad"`, the finding's code, its severity (`off` findings
//! are not reported), the message, related information pointing at canonical mentions, and
//! `data` ([`FixData`]) holding what the quick fix needs, so a code action does not depend
//! on recomputing the finding.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri,
};

use crate::analysis::{DocId, Finding};
use crate::corpus::config::Severity;
use crate::l10n::{tr_args, Lang};

use super::position::{Encoding, LineIndex, rope_range};
use super::state::{OpenDoc, State};

pub const SOURCE: &str = "isnad";

/// `Diagnostic.data`: the finding's variant, canonical spelling and exact replacement text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixData {
    pub variant: String,
    pub canonical: String,
    pub replacement: String,
}

pub fn severity(s: Severity) -> Option<DiagnosticSeverity> {
    match s {
        Severity::Error => Some(DiagnosticSeverity::ERROR),
        Severity::Warning => Some(DiagnosticSeverity::WARNING),
        Severity::Information => Some(DiagnosticSeverity::INFORMATION),
        Severity::Hint => Some(DiagnosticSeverity::HINT),
        Severity::Off => None,
    }
}

/// Turns spans of workspace documents into locations: through the rope for open documents,
/// through a line index (built once per document) for the others.
pub struct Locator<'a> {
    st: &'a State,
    /// The open documents by the length of their path: references reach thousands of
    /// documents, and hashing each one's path to find the few open ones was a tenth of
    /// converting their positions.
    open: HashMap<usize, Vec<&'a OpenDoc>>,
    /// Per document: its URI, and the line starts of its text up to the end of the last span
    /// asked so far (a mention near the top reads no further).
    indexes: HashMap<DocId, (Uri, LineIndex<'a>)>,
}

impl<'a> Locator<'a> {
    pub fn new(st: &'a State) -> Locator<'a> {
        let mut open: HashMap<usize, Vec<&'a OpenDoc>> = HashMap::new();
        for d in st.docs.values() {
            open.entry(d.path.as_os_str().len()).or_default().push(d);
        }
        Locator { st, open, indexes: HashMap::new() }
    }

    /// The open document behind a workspace document, if it is open.
    pub fn open_doc(&self, id: DocId) -> Option<&'a OpenDoc> {
        let path: &Path = &self.st.workspace.doc(id)?.abs_path;
        self.open.get(&path.as_os_str().len())?.iter().find(|d| d.path == path).copied()
    }

    /// The ranges of `spans` in document `id`, with its URI and, when open, its version.
    pub fn ranges(
        &mut self,
        id: DocId,
        spans: impl IntoIterator<Item = Range<usize>>,
    ) -> Option<(Uri, Option<i32>, Vec<tower_lsp_server::ls_types::Range>)> {
        // (the widest answers convert thousands of documents: a request may stop wanting
        // them, or give way to an edit, between two)
        crate::analysis::interrupt::check();
        let enc = self.st.encoding;
        if let Some(open) = self.open_doc(id) {
            let ranges = spans.into_iter().map(|s| rope_range(&open.rope, s, enc)).collect();
            return Some((open.uri.clone(), Some(open.version), ranges));
        }
        let spans: Vec<Range<usize>> = spans.into_iter().collect();
        let until = spans_end(&spans);
        if !self.indexes.get(&id).is_some_and(|(_, idx)| idx.covers(until)) {
            let doc = self.st.workspace.doc(id)?;
            let uri = match self.indexes.remove(&id) {
                Some((uri, _)) => uri,
                None => Uri::from_file_path(&doc.abs_path)?,
            };
            self.indexes.insert(id, (uri, LineIndex::up_to(&doc.text, until)));
        }
        let (uri, idx) = self.indexes.get(&id)?;
        Some((uri.clone(), None, spans.into_iter().map(|s| idx.range(s, enc)).collect()))
    }

    pub fn location(&mut self, id: DocId, span: Range<usize>) -> Option<Location> {
        let (uri, _, mut ranges) = self.ranges(id, [span])?;
        Some(Location::new(uri, ranges.pop()?))
    }

    pub fn encoding(&self) -> Encoding {
        self.st.encoding
    }
}

/// Where the last of `spans` ends: how far a line index must read to convert them.
fn spans_end(spans: &[Range<usize>]) -> usize {
    spans.iter().map(|s| s.start.max(s.end)).max().unwrap_or(0)
}

/// Spans of documents to turn into locations once the state's lock is let go: what the
/// conversion needs, taken from the state (a document's text is shared, an open document's
/// rope a cheap copy), so that the widest answers (10,000 locations in as many documents)
/// hold the lock only to find their mentions, not to convert them.
pub struct DetachedSpans {
    enc: Encoding,
    docs: Vec<(DetachedDoc, Vec<Range<usize>>)>,
}

enum DetachedDoc {
    Open { uri: Uri, rope: ropey::Rope },
    Disk { path: std::path::PathBuf, text: std::sync::Arc<str> },
}

impl DetachedSpans {
    /// `spans` of each document, in the order given.
    pub fn new(st: &State, spans: Vec<(DocId, Vec<Range<usize>>)>) -> DetachedSpans {
        let loc = Locator::new(st);
        let docs = spans
            .into_iter()
            .filter_map(|(id, spans)| {
                let doc = match loc.open_doc(id) {
                    Some(open) => DetachedDoc::Open { uri: open.uri.clone(), rope: open.rope.clone() },
                    None => {
                        let d = st.workspace.doc(id)?;
                        DetachedDoc::Disk { path: d.abs_path.clone(), text: d.text.clone() }
                    }
                };
                Some((doc, spans))
            })
            .collect();
        DetachedSpans { enc: st.encoding, docs }
    }

    /// The locations, document by document (under the caller's interrupt, as `Locator`).
    pub fn locations(self) -> Vec<Location> {
        let mut out = Vec::new();
        for (doc, spans) in self.docs {
            crate::analysis::interrupt::check();
            match doc {
                DetachedDoc::Open { uri, rope } => out.extend(spans.into_iter().map(|s| Location::new(uri.clone(), rope_range(&rope, s, self.enc)))),
                DetachedDoc::Disk { path, text } => {
                    let Some(uri) = Uri::from_file_path(&path) else { continue };
                    let until = spans_end(&spans);
                    let idx = LineIndex::up_to(&text, until);
                    out.extend(spans.into_iter().map(|s| Location::new(uri.clone(), idx.range(s, self.enc))));
                }
            }
        }
        out
    }
}

pub fn diagnostic(f: &Finding, doc: &OpenDoc, loc: &mut Locator, with_related: bool, lang: Lang) -> Option<Diagnostic> {
    let severity = severity(f.severity)?;
    let related_information = if with_related {
        let related: Vec<DiagnosticRelatedInformation> = f
            .related
            .iter()
            .filter_map(|r| {
                Some(DiagnosticRelatedInformation {
                    location: loc.location(r.doc, r.span.clone())?,
                    message: tr_args(lang, "related-canonical", &[("canonical", f.canonical.as_str().into())]),
                })
            })
            .collect();
        (!related.is_empty()).then_some(related)
    } else {
        None
    };
    let data = FixData { variant: f.variant.clone(), canonical: f.canonical.clone(), replacement: f.replacement.clone() };
    Some(Diagnostic {
        range: rope_range(&doc.rope, f.span.clone(), loc.encoding()),
        severity: Some(severity),
        code: Some(NumberOrString::String(f.code.as_str().to_string())),
        source: Some(SOURCE.to_string()),
        message: f.message(lang),
        related_information,
        data: serde_json::to_value(data).ok(),
        ..Default::default()
    })
}

/// One publication: (document, version, diagnostics).
pub type Publication = (Uri, Option<i32>, Vec<Diagnostic>);

/// The diagnostics of one open document, from the workspace `st` holds now.
fn document_diagnostics(st: &State, doc: &OpenDoc, loc: &mut Locator) -> Vec<Diagnostic> {
    match corpus_id(st, doc) {
        Some(id) => to_diagnostics(st, doc, &st.findings(id), loc),
        None => Vec::new(),
    }
}

/// The workspace document behind an open one, unless it is over the size cap.
fn corpus_id(st: &State, doc: &OpenDoc) -> Option<DocId> {
    doc.key.as_ref().and_then(|k| st.workspace.doc_id(k)).filter(|_| !doc.oversize)
}

fn to_diagnostics(st: &State, doc: &OpenDoc, findings: &[Finding], loc: &mut Locator) -> Vec<Diagnostic> {
    findings.iter().filter_map(|f| diagnostic(f, doc, loc, st.caps.related_information, st.ui.lang())).collect()
}

/// Which open documents a round of publication looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Round {
    /// Every open document.
    All,
    /// Only documents whose version was not published yet.
    Edited,
    /// One document (the publisher looks at the others after an edit one by one, so that a
    /// request waits for one document's findings at most).
    One(Uri),
}

/// Whether an open document's diagnostics went out for its current version.
fn version_published(st: &State, doc: &OpenDoc) -> bool {
    st.published.get(&doc.uri).map(|p| p.0) == Some(Some(doc.version))
}

/// The open documents whose current version's diagnostics went out: those an edit of another
/// may have changed ([`Round::Edited`] looks at the rest).
pub fn unedited(st: &State) -> Vec<Uri> {
    st.docs.values().filter(|d| version_published(st, d)).map(|d| d.uri.clone()).collect()
}

/// One open document's diagnostics as last computed: (version, diagnostics).
type Entry = (Option<i32>, Vec<Diagnostic>);

/// What [`corpus_round`] found: the changed entries of the corpus's documents, and the
/// documents from outside every root (computed by [`finish`], in their own workspace).
#[derive(Default)]
pub struct RoundFound {
    fresh: Vec<(Uri, Entry)>,
    outside: Vec<Uri>,
}

/// What to publish now comes in three steps: [`begin`] (write lock), [`corpus_round`] (read
/// lock: requests are answered meanwhile), [`finish`] (write lock). Clears for closed
/// documents, then every open document of the round whose (version, diagnostics) differ
/// from what it last got, most recently edited first. Nothing before the initial index is
/// complete.
///
/// The first step: the edits handed to the workspace, and clears for the documents closed
/// since. `None` before the initial index is complete.
pub fn begin(st: &mut State) -> Option<Vec<Publication>> {
    if !st.indexed {
        st.to_clear.clear();
        return None;
    }
    st.flush();
    Some(
        std::mem::take(&mut st.to_clear)
            .into_iter()
            .filter(|uri| !st.docs.contains_key(uri))
            .map(|uri| (uri, None, Vec::new()))
            .collect(),
    )
}

/// The round's documents of the corpus whose (version, diagnostics) changed: reads the state
/// only, so that requests are answered beside it. `None` when an open document has an edit
/// the workspace does not have yet (`flush` first).
pub fn corpus_round(st: &State, round: &Round) -> Option<RoundFound> {
    if st.docs.values().any(|d| d.dirty) {
        return None;
    }
    let mut found = RoundFound::default();
    let mut order: Vec<&OpenDoc> = st
        .docs
        .values()
        .filter(|d| match round {
            Round::All => true,
            Round::Edited => !version_published(st, d),
            Round::One(uri) => d.uri == *uri,
        })
        .collect();
    order.sort_by_key(|d| std::cmp::Reverse(d.seq));
    let (outside_docs, order): (Vec<&OpenDoc>, Vec<&OpenDoc>) = order.into_iter().partition(|d| d.outside);
    found.outside.extend(outside_docs.into_iter().map(|d| d.uri.clone()));
    // the findings of all of them at once, on every core; then their positions
    let ids: Vec<Option<DocId>> = order.iter().map(|doc| corpus_id(st, doc)).collect();
    let mut findings = st.findings_of(&ids.iter().flatten().copied().collect::<Vec<_>>()).into_iter();
    let mut loc = Locator::new(st);
    for (doc, id) in order.into_iter().zip(ids) {
        let findings = id.and_then(|_| findings.next()).unwrap_or_default();
        let entry = (Some(doc.version), to_diagnostics(st, doc, &findings, &mut loc));
        if st.published.get(&doc.uri) != Some(&entry) {
            found.fresh.push((doc.uri.clone(), entry));
        }
    }
    Some(found)
}

/// The last step of a round (write lock): the documents from outside every root, against
/// their own workspaces; then what changed is recorded as published. An entry whose document
/// was edited or closed since it was computed is dropped: the round that edit brings
/// publishes it.
pub fn finish(st: &mut State, found: RoundFound) -> Vec<Publication> {
    let RoundFound { mut fresh, outside } = found;
    fresh.retain(|(uri, (version, _))| st.docs.get(uri).is_some_and(|d| Some(d.version) == *version && !d.dirty));
    // a document from outside every root, against its own workspace
    for uri in outside {
        let entry = st.in_scope(&uri, |st| {
            let doc = st.docs.get(&uri)?;
            let mut loc = Locator::new(st);
            Some((Some(doc.version), document_diagnostics(st, doc, &mut loc)))
        });
        if let Some(entry) = entry.filter(|e| st.published.get(&uri) != Some(e)) {
            fresh.push((uri, entry));
        }
    }
    let mut out = Vec::new();
    for (uri, (version, diags)) in fresh {
        st.published.insert(uri.clone(), (version, diags.clone()));
        out.push((uri, version, diags));
    }
    out
}
