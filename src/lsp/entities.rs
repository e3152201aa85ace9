//! Entities in the protocol: hover, references, rename, document and workspace symbols,
//! semantic tokens. The judgement is the core's (`analysis::entities`); this file converts
//! positions and renders.

use std::collections::HashMap;

use tower_lsp_server::ls_types::*;

use super::diagnostics::{DetachedSpans, Locator};
use super::position::{rope_offset, rope_range, Encoding};
use super::state::{State, Ui};
use crate::l10n::{tr, tr_args, Lang};
use crate::analysis::entities::{document_entities, EntityInfo, EntityKey, Mention};
use crate::analysis::DocId;
use crate::corpus::config::EntityKind;

/// Token types of the semantic-token legend, in legend order.
pub const TOKEN_TYPES: [&str; 4] = ["person", "place", "organization", "quote"];

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TOKEN_TYPES.iter().map(|t| SemanticTokenType::new(t)).collect(),
        token_modifiers: vec![],
    }
}

fn kind_label(kind: EntityKind, lang: Lang) -> String {
    tr(lang, kind.message_id())
}

/// The workspace document and byte offset at a position of an open document (its edits
/// handed to the workspace already: `State::in_scope`, or a request under the read lock).
fn at(st: &State, uri: &Uri, pos: Position) -> Option<(DocId, usize)> {
    let id = st.open_doc_id(uri)?;
    let doc = st.docs.get(uri)?;
    Some((id, rope_offset(&doc.rope, pos, st.encoding)))
}

fn mention_at(st: &State, uri: &Uri, pos: Position) -> Option<(DocId, Mention)> {
    let (id, offset) = at(st, uri, pos)?;
    st.workspace.with_analyzer(|an| an.mention_at(id, offset)).map(|m| (id, m))
}

pub fn hover(st: &State, uri: &Uri, pos: Position) -> Option<Hover> {
    let (id, m) = mention_at(st, uri, pos)?;
    let e = st.workspace.with_analyzer(|an| an.entity(&m.key, Some(id)))?;
    let mut loc = Locator::new(st);
    let text = render(&e, st.ui, &mut loc, st);
    let range = loc.ranges(id, [m.span.clone()]).and_then(|(_, _, mut r)| r.pop());
    Some(Hover { contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: text }), range })
}

fn render(e: &EntityInfo, ui: Ui, loc: &mut Locator, st: &State) -> String {
    let lang = ui.lang();
    let kind = kind_label(e.kind, lang);
    let mut out = format!("**{}** — {kind}", ui.name(&e.name));
    if let Some(latin) = &e.latin {
        out.push_str(&format!(" · {latin}"));
    }
    out.push_str("\n\n");
    if let Some(d) = &e.description {
        out.push_str(&format!("{d}\n\n"));
    }
    let list = |out: &mut String, label: &str, items: &[crate::analysis::entities::Spelling]| {
        out.push_str(&format!("{label}:\n"));
        for s in items {
            let counts = tr_args(lang, "hover-spelling-line", &[("mentions", s.mentions.into()), ("docs", s.docs.into())]);
            out.push_str(&format!("- {} — {counts}\n", ui.name(&s.text)));
        }
    };
    list(&mut out, &tr(lang, "hover-spellings"), &e.spellings);
    if !e.short_names.is_empty() {
        out.push('\n');
        list(&mut out, &tr(lang, "hover-short-names"), &e.short_names);
    }
    if let Some((doc, offset)) = e.first {
        if let Some(d) = st.workspace.doc(doc) {
            let line = loc.location(doc, offset..offset).map(|l| l.range.start.line + 1).unwrap_or(1);
            let target = Uri::from_file_path(&d.abs_path).map(|u| format!("{}#L{line}", u.as_str())).unwrap_or_default();
            out.push_str(&format!("\n{}: [{}:{line}]({target})\n", tr(lang, "hover-first-mention"), d.rel_path));
        }
    }
    out.push('\n');
    out.push_str(&tr_args(lang, "hover-mentioned-in", &[("docs", e.docs.into())]));
    if let Some((read, candidates)) = e.sampled {
        out.push(' ');
        out.push_str(&tr_args(lang, "hover-counted-in-first", &[("read", read.into()), ("docs", candidates.into())]));
    }
    out
}

/// The references of the entity at the position, as spans to convert once the lock is let go
/// (`DetachedSpans::locations`).
pub fn references(st: &State, uri: &Uri, pos: Position) -> Option<DetachedSpans> {
    let (_, m) = mention_at(st, uri, pos)?;
    let refs = st.workspace.with_analyzer(|an| an.references(&m.key));
    let mut by_doc: Vec<(DocId, Vec<std::ops::Range<usize>>)> = Vec::new();
    for m in refs {
        match by_doc.last_mut() {
            Some((d, v)) if *d == m.doc => v.push(m.span),
            _ => by_doc.push((m.doc, vec![m.span])),
        }
    }
    Some(DetachedSpans::new(st, by_doc))
}

pub fn prepare_rename(st: &mut State, uri: &Uri, pos: Position) -> Option<PrepareRenameResponse> {
    let (id, m) = mention_at(st, uri, pos)?;
    let mut loc = Locator::new(st);
    let (_, _, mut ranges) = loc.ranges(id, [m.span.clone()])?;
    let placeholder = match &m.key {
        EntityKey::Cluster(c) => c.clone(),
        // a short name offers the full name it stands for
        EntityKey::Phrase(_) if m.short => st.workspace.with_analyzer(|an| an.entity(&m.key, Some(id))).map_or(m.spelling.clone(), |e| e.name.into()),
        EntityKey::Phrase(_) | EntityKey::Local(..) => m.spelling.clone(),
    };
    Some(PrepareRenameResponse::RangeWithPlaceholder { range: ranges.pop()?, placeholder: placeholder.to_string() })
}

/// Rename every mention of the entity; each mention keeps its proclitic (لأذربيجان stays
/// ل + the new name), and after لل a new name with the article loses its alef.
pub fn rename(st: &mut State, uri: &Uri, pos: Position, new_name: &str) -> std::result::Result<Option<WorkspaceEdit>, String> {
    let new_name = crate::text::normalize::l0(new_name.trim()).trim().to_string();
    if new_name.is_empty() || new_name.chars().any(|c| c == '\n' || c == '\r') {
        return Err(tr(st.ui.lang(), "rename-bad-name"));
    }
    let Some((_, m)) = mention_at(st, uri, pos) else { return Ok(None) };
    let refs = st.workspace.with_analyzer(|an| an.references(&m.key));
    let document_changes = st.caps.document_changes;
    let mut loc = Locator::new(st);
    let mut by_doc: Vec<(DocId, Vec<(std::ops::Range<usize>, String)>)> = Vec::new();
    // a short name (المرصد for المرصد السوري لحقوق الإنسان) refers to the entity without
    // spelling its name: it stays as written
    for r in refs.into_iter().filter(|r| !r.short) {
        let text = if r.lil { new_name.strip_prefix('ا').filter(|_| new_name.starts_with("ال")).unwrap_or(&new_name).to_string() } else { new_name.clone() };
        match by_doc.last_mut() {
            Some((d, v)) if *d == r.doc => v.push((r.span, text)),
            _ => by_doc.push((r.doc, vec![(r.span, text)])),
        }
    }
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    let mut doc_changes = Vec::new();
    for (doc, edits) in by_doc {
        let spans: Vec<_> = edits.iter().map(|(s, _)| s.clone()).collect();
        let Some((uri, version, ranges)) = loc.ranges(doc, spans) else { continue };
        let text_edits: Vec<TextEdit> = ranges.into_iter().zip(edits).map(|(range, (_, t))| TextEdit { range, new_text: t }).collect();
        if document_changes {
            doc_changes.push(TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version },
                edits: text_edits.into_iter().map(OneOf::Left).collect(),
            });
        } else {
            changes.insert(uri, text_edits);
        }
    }
    Ok(Some(if document_changes {
        WorkspaceEdit { document_changes: Some(DocumentChanges::Edits(doc_changes)), ..Default::default() }
    } else {
        WorkspaceEdit { changes: Some(changes), ..Default::default() }
    }))
}

fn symbol_kind(kind: EntityKind) -> SymbolKind {
    match kind {
        EntityKind::Person => SymbolKind::VARIABLE,
        EntityKind::Place => SymbolKind::NAMESPACE,
        EntityKind::Organization => SymbolKind::CLASS,
        EntityKind::Other => SymbolKind::KEY,
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be spelled out
pub fn document_symbols(st: &State, uri: &Uri) -> Option<DocumentSymbolResponse> {
    let id = st.open_doc_id(uri)?;
    let lang = st.ui.lang();
    let entities = document_entities(&st.workspace, id);
    let mut loc = Locator::new(st);
    let groups = [
        (EntityKind::Person, tr(lang, "symbols-people")),
        (EntityKind::Place, tr(lang, "symbols-places")),
        (EntityKind::Organization, tr(lang, "symbols-organizations")),
        (EntityKind::Other, tr(lang, "symbols-other")),
    ];
    let mut out = Vec::new();
    for (kind, label) in groups {
        let mut children = Vec::new();
        for (e, spans) in entities.iter().filter(|(e, _)| e.kind == kind) {
            let Some((_, _, ranges)) = loc.ranges(id, spans.iter().cloned()) else { continue };
            let Some(first) = ranges.first().copied() else { continue };
            children.push(DocumentSymbol {
                name: e.name.clone(),
                detail: Some(format!("{} × {}", kind_label(kind, lang), spans.len())),
                kind: symbol_kind(kind),
                tags: None,
                deprecated: None,
                range: first,
                selection_range: first,
                children: None,
            });
        }
        if children.is_empty() {
            continue;
        }
        let start = children.iter().map(|c| c.range.start).min_by_key(|p| (p.line, p.character))?;
        let end = children.iter().map(|c| c.range.end).max_by_key(|p| (p.line, p.character))?;
        let total: usize = entities.iter().filter(|(e, _)| e.kind == kind).map(|(_, s)| s.len()).sum();
        out.push(DocumentSymbol {
            name: format!("{label} ({})", children.len()),
            detail: Some(format!("{total}")),
            kind: SymbolKind::MODULE,
            tags: None,
            deprecated: None,
            range: Range::new(start, end),
            selection_range: children[0].range,
            children: Some(children),
        });
    }
    Some(DocumentSymbolResponse::Nested(out))
}

#[allow(deprecated)]
pub fn workspace_symbols(st: &mut State, query: &str) -> Vec<SymbolInformation> {
    st.flush();
    let lang = st.ui.lang();
    let entities: Vec<EntityInfo> =
        st.workspace.with_analyzer(|an| an.search(query, 50).into_iter().filter_map(|k| an.entity(&k, None)).collect());
    let mut loc = Locator::new(st);
    let mut out = Vec::new();
    for e in entities {
        let Some((doc, offset)) = e.first else { continue };
        let Some(location) = loc.location(doc, offset..offset + 1) else { continue };
        out.push(SymbolInformation {
            name: e.name.clone(),
            kind: symbol_kind(e.kind),
            tags: None,
            deprecated: None,
            location,
            container_name: Some(kind_label(e.kind, lang)),
        });
    }
    out
}

/// Semantic tokens of the entity mentions (and, once known, quotes) in a document, optionally
/// only those overlapping `range`.
pub fn semantic_tokens(st: &State, uri: &Uri, range: Option<Range>) -> Option<SemanticTokens> {
    let id = st.open_doc_id(uri)?;
    let enc: Encoding = st.encoding;
    let mentions: Vec<(Mention, EntityKind)> = st.workspace.with_analyzer(|an| {
        let mut kinds: HashMap<EntityKey, EntityKind> = HashMap::new();
        an.entity_mentions(id)
            .into_iter()
            // a one-word short name (الوزارة, المرصد) is a common noun standing in for a
            // name: hover, references and symbols know it, but it is not coloured as a name
            // (a surname standing for a full name, سولانا, is a name)
            .filter(|m| !(m.short && !m.spelling.contains(' ') && matches!(m.key, EntityKey::Phrase(_))))
            .map(|m| {
                // a name read at the mention carries its kind (no corpus lookup)
                let kind = match &m.key {
                    EntityKey::Local(kind, _) => *kind,
                    key => *kinds.entry(key.clone()).or_insert_with(|| an.entity(key, Some(id)).map(|e| e.kind).unwrap_or_default()),
                };
                (m, kind)
            })
            .collect()
    });
    let doc = st.docs.get(uri)?;
    let window = range.map(|r| rope_offset(&doc.rope, r.start, enc)..rope_offset(&doc.rope, r.end, enc));
    let mut data = Vec::new();
    let (mut last_line, mut last_start) = (0u32, 0u32);
    for (m, kind) in mentions {
        if let Some(w) = &window {
            if m.span.end <= w.start || m.span.start >= w.end {
                continue;
            }
        }
        let token_type = match kind {
            EntityKind::Person => 0,
            EntityKind::Place => 1,
            EntityKind::Organization => 2,
            EntityKind::Other => continue,
        };
        let r = rope_range(&doc.rope, m.span.clone(), enc);
        if r.start.line != r.end.line || r.end.character <= r.start.character {
            continue;
        }
        let delta_line = r.start.line - last_line;
        let delta_start = if delta_line == 0 { r.start.character - last_start } else { r.start.character };
        data.push(SemanticToken {
            delta_line,
            delta_start,
            length: r.end.character - r.start.character,
            token_type,
            token_modifiers_bitset: 0,
        });
        last_line = r.start.line;
        last_start = r.start.character;
    }
    Some(SemanticTokens { result_id: None, data })
}
