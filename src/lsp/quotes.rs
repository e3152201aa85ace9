//! Quotes in the protocol: definition (source copy), references (every copy), hover and code
//! lenses. The judgement is `analysis::quotes`; this file converts positions and shapes replies.
//!
//! Callers flush the open documents first, so the workspace's text is the editor's text and
//! positions convert through it (open documents and files on disk alike).
//!
//! Code lens command: `editor.action.showReferences` with the arguments VS Code's command
//! takes — `[uri, position, locations]` (the document's URI string, the quote's start as an
//! LSP `Position`, every copy as LSP `Location`s, source first). A VS Code extension that uses
//! vscode-languageclient converts them with `client.protocol2CodeConverter` (asUri,
//! asPosition, asLocation) in a middleware before running the command.

use tower_lsp_server::ls_types::{
    CodeLens, Command, GotoDefinitionResponse, Hover, HoverContents, Location, LocationLink, MarkupContent, MarkupKind,
    Position, Range, Uri,
};

use crate::analysis::quotes::{self as core, Group, Occurrence};
use crate::analysis::DocId;
use crate::l10n::{tr, tr_args, Lang};

use super::position::LineIndex;
use super::state::{State, file_path};

/// The command a code lens runs (VS Code's built-in references peek).
pub const SHOW_REFERENCES: &str = "editor.action.showReferences";

/// Workspace document of a URI: an open document, or a file of the corpus on disk.
fn doc_of(st: &State, uri: &Uri) -> Option<DocId> {
    if let Some(id) = st.open_doc_id(uri) {
        return Some(id);
    }
    let path = file_path(uri)?;
    st.workspace.doc_id(&st.key_for_disk(&path)?)
}

fn offset(st: &State, doc: DocId, pos: Position) -> Option<usize> {
    let d = st.workspace.doc(doc)?;
    Some(LineIndex::new(&d.text).offset(pos, st.encoding))
}

fn uri_of(st: &State, doc: DocId) -> Option<Uri> {
    let d = st.workspace.doc(doc)?;
    match st.open_uri_for_path(&d.abs_path) {
        Some(open) => Some(open.uri.clone()),
        None => Uri::from_file_path(&d.abs_path),
    }
}

fn range_of(st: &State, o: &Occurrence) -> Option<Range> {
    let d = st.workspace.doc(o.doc)?;
    Some(LineIndex::new(&d.text).range(o.span.clone(), st.encoding))
}

fn location(st: &State, o: &Occurrence) -> Option<Location> {
    Some(Location { uri: uri_of(st, o.doc)?, range: range_of(st, o)? })
}

fn group_at(st: &State, uri: &Uri, pos: Position) -> Option<Group> {
    let doc = doc_of(st, uri)?;
    let off = offset(st, doc, pos)?;
    core::group_at(&st.workspace, doc, off)
}

/// Every copy of the quote at the position, source first; `None` when not inside a quote.
pub fn references(st: &State, uri: &Uri, pos: Position) -> Option<Vec<Location>> {
    let g = group_at(st, uri, pos)?;
    Some(g.copies.iter().filter_map(|o| location(st, o)).collect())
}

/// The source copy of the quote at the position (a link from the quote's range when the client
/// takes links). `None` outside quotes and for quotes printed once.
pub fn definition(st: &State, uri: &Uri, pos: Position, links: bool) -> Option<GotoDefinitionResponse> {
    let g = group_at(st, uri, pos)?;
    let src = g.source();
    if !links {
        return Some(GotoDefinitionResponse::Scalar(location(st, src)?));
    }
    let target = range_of(st, src)?;
    Some(GotoDefinitionResponse::Link(vec![LocationLink {
        origin_selection_range: range_of(st, &g.copies[g.origin]),
        target_uri: uri_of(st, src.doc)?,
        target_range: target,
        target_selection_range: target,
    }]))
}

fn describe_doc(st: &State, doc: DocId) -> String {
    let Some(d) = st.workspace.doc(doc) else { return String::new() };
    let name = d.rel_path.rsplit('/').next().unwrap_or(&d.rel_path);
    let mut s = match &d.meta.title {
        Some(t) => format!("*{}* (`{name}`)", t.trim()),
        None => format!("`{name}`"),
    };
    if let Some(o) = &d.meta.outlet {
        s.push_str(&format!(" — {}", o.trim()));
    }
    if let Some(date) = &d.meta.date {
        s.push_str(&format!(", {date}"));
    }
    s
}

fn words_list(w: &[String], lang: Lang) -> String {
    let shown: Vec<String> = w.iter().take(8).map(|x| format!("«{x}»")).collect();
    let more = if w.len() > 8 { format!(" {}", tr_args(lang, "quote-and-more", &[("count", (w.len() - 8).into())])) } else { String::new() };
    format!("{}{more}", shown.join(" "))
}

fn speaker(st: &State, o: &Occurrence) -> Option<String> {
    let q = st.workspace.quotes().doc(o.doc)?.quotes.get(o.quote?)?;
    q.speaker.clone()
}

/// Hover on a quote, or `None` when the position is not inside a known quote.
pub fn hover(st: &State, uri: &Uri, pos: Position) -> Option<Hover> {
    let g = group_at(st, uri, pos)?;
    let origin = &g.copies[g.origin];
    let src = g.source();
    let lang = st.ui.lang();
    let mut md = tr_args(lang, "quote-title", &[("copies", g.copies.len().into())]);
    md.push_str("\n\n");
    let which = if g.origin == 0 { "quote-source-self" } else { "quote-source" };
    md.push_str(&tr_args(lang, which, &[("doc", describe_doc(st, src.doc).into())]));
    md.push_str("\n\n");
    if let Some(s) = speaker(st, origin).or_else(|| g.copies.iter().find_map(|o| speaker(st, o))) {
        md.push_str(&tr_args(lang, "quote-speaker", &[("speaker", s.into())]));
        md.push_str("\n\n");
    }
    if g.origin != 0 {
        let (added, removed) = core::diff(&st.workspace, src, origin);
        if added.is_empty() && removed.is_empty() {
            md.push_str(&tr(lang, "quote-same-words"));
            md.push('\n');
        } else {
            md.push_str(&tr_args(lang, "quote-against-source", &[("added", added.len().into()), ("removed", removed.len().into())]));
            if !added.is_empty() {
                md.push_str(&format!("\n\n- {}", tr_args(lang, "quote-added", &[("words", words_list(&added, lang).into())])));
            }
            if !removed.is_empty() {
                md.push_str(&format!("\n- {}", tr_args(lang, "quote-removed", &[("words", words_list(&removed, lang).into())])));
            }
            md.push('\n');
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: md }),
        range: range_of(st, origin),
    })
}

/// A lens above each quote printed in more than one document: "source: … · N copies", opening
/// the references (see the module docs for the command).
pub fn code_lenses(st: &State, uri: &Uri) -> Option<Vec<CodeLens>> {
    let doc = doc_of(st, uri)?;
    let n = st.workspace.quotes().doc(doc)?.quotes.len();
    let mut out = Vec::new();
    for qi in 0..n {
        let Some(g) = core::group_of(&st.workspace, doc, qi) else { continue };
        let origin = &g.copies[g.origin];
        let Some(range) = range_of(st, origin) else { continue };
        let locations: Vec<Location> = g.copies.iter().filter_map(|o| location(st, o)).collect();
        let source = if g.origin == 0 {
            tr(st.ui.lang(), "lens-this-document")
        } else {
            let d = st.workspace.doc(g.source().doc)?;
            let name = d.rel_path.rsplit('/').next().unwrap_or(&d.rel_path).to_string();
            match (&d.meta.outlet, &d.meta.date) {
                (Some(o), Some(date)) => format!("{} ({date})", o.trim()),
                (Some(o), None) => o.trim().to_string(),
                (None, Some(date)) => format!("{name} ({date})"),
                (None, None) => name,
            }
        };
        let title = tr_args(st.ui.lang(), "lens-quote", &[("source", source.into()), ("copies", g.copies.len().into())]);
        let args = vec![
            serde_json::to_value(uri.clone()).ok()?,
            serde_json::to_value(range.start).ok()?,
            serde_json::to_value(&locations).ok()?,
        ];
        out.push(CodeLens {
            range,
            command: Some(Command { title, command: SHOW_REFERENCES.into(), arguments: Some(args) }),
            data: None,
        });
    }
    Some(out)
}
