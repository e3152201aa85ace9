//! Quick fixes for spelling findings. For each finding under the cursor, in this order:
//!
//! 1. "Replace with «canonical»" (preferred): exactly the finding's span, with its replacement.
//! 2. "Replace all N «variant» in this file" (when N > 1).
//! 3. "Replace «variant» in all M files of the corpus" (when other files have it too): one
//!    WorkspaceEdit over every document with a finding of this variant; open documents are
//!    edited through their rope and version, the others through their text on disk.
//! 4. "Accept «variant» as a correct spelling": an edit of `<root>/isnad.toml` whose new text
//!    comes from `corpus::config::with_accepted_spelling` (the whole file replaced, or created
//!    and filled when missing: a `CreateFile` operation for clients that can create files, else
//!    the text as an edit of the new file's URI, for the editor to save). Offered to every
//!    client. The server never writes files itself.
//!
//! Edits are versioned `documentChanges` when the client supports them, `changes` otherwise.
//! Findings come from the diagnostics in the request (their `data`) when present, else from
//! the findings overlapping the requested range.

use std::collections::HashMap;
use std::ops::Range;

use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CreateFile, CreateFileOptions, Diagnostic,
    DocumentChangeOperation, DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier, Position, ResourceOp,
    TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use crate::corpus::config::with_accepted_spelling;
use crate::l10n::tr_args;

use super::diagnostics::{FixData, Locator, SOURCE};
use super::position::{LineIndex, rope_range, rope_span};
use super::state::State;

/// One finding to fix: where, what it is, what replaces it.
#[derive(Debug, Clone)]
struct Target {
    span: Range<usize>,
    variant: String,
    canonical: String,
    replacement: String,
    diagnostic: Option<Diagnostic>,
}

/// Edits of one document: (uri, version when open, edits).
type DocEdits = (Uri, Option<i32>, Vec<TextEdit>);

fn workspace_edit(st: &State, docs: Vec<DocEdits>) -> WorkspaceEdit {
    if st.caps.document_changes {
        let edits = docs
            .into_iter()
            .map(|(uri, version, edits)| TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            })
            .collect();
        WorkspaceEdit { document_changes: Some(DocumentChanges::Edits(edits)), ..Default::default() }
    } else {
        let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
        for (uri, _, edits) in docs {
            changes.entry(uri).or_default().extend(edits);
        }
        WorkspaceEdit { changes: Some(changes), ..Default::default() }
    }
}

fn quickfix(title: String, edit: WorkspaceEdit, diagnostic: &Option<Diagnostic>, preferred: bool) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: diagnostic.clone().map(|d| vec![d]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..Default::default()
    })
}

/// Whether the client's `only` filter lets quick fixes through.
fn wants_quickfix(only: &Option<Vec<CodeActionKind>>) -> bool {
    let Some(kinds) = only else { return true };
    let q = CodeActionKind::QUICKFIX;
    kinds.iter().any(|k| k.as_str().is_empty() || k.as_str() == q.as_str() || q.as_str().starts_with(&format!("{}.", k.as_str())))
}

pub fn code_actions(st: &mut State, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
    let uri = &params.text_document.uri;
    if !wants_quickfix(&params.context.only) {
        return Vec::new();
    }
    st.flush();
    let Some(doc) = st.docs.get(uri) else {
        st.log.info(format!("isnad: code actions asked for a document that is not open: {}", uri.as_str()));
        return Vec::new();
    };
    let Some(id) = st.open_doc_id(uri) else { return Vec::new() };
    let enc = st.encoding;
    let findings = st.findings(id);

    // What to fix: our diagnostics from the request, matched to current findings; else
    // the findings overlapping the range.
    let mut targets: Vec<Target> = Vec::new();
    for d in params.context.diagnostics.iter().filter(|d| d.source.as_deref() == Some(SOURCE)) {
        let span = rope_span(&doc.rope, d.range, enc);
        let data: Option<FixData> = d.data.clone().and_then(|v| serde_json::from_value(v).ok());
        let current = findings
            .iter()
            .find(|f| f.span == span && data.as_ref().is_none_or(|x| x.variant == f.variant));
        let target = match (current, data) {
            (Some(f), _) => Target {
                span: f.span.clone(),
                variant: f.variant.clone(),
                canonical: f.canonical.clone(),
                replacement: f.replacement.clone(),
                diagnostic: Some(d.clone()),
            },
            (None, Some(x)) => Target {
                span,
                variant: x.variant,
                canonical: x.canonical,
                replacement: x.replacement,
                diagnostic: Some(d.clone()),
            },
            (None, None) => continue,
        };
        if !targets.iter().any(|t| t.span == target.span) {
            targets.push(target);
        }
    }
    if targets.is_empty() {
        let range = rope_span(&doc.rope, params.range, enc);
        for f in &findings {
            let hit = if range.is_empty() {
                f.span.start <= range.start && range.start <= f.span.end
            } else {
                f.span.start < range.end && range.start < f.span.end
            };
            if hit {
                targets.push(Target {
                    span: f.span.clone(),
                    variant: f.variant.clone(),
                    canonical: f.canonical.clone(),
                    replacement: f.replacement.clone(),
                    diagnostic: None,
                });
            }
        }
    }
    if targets.is_empty() {
        return Vec::new();
    }

    let (doc_uri, doc_version) = (doc.uri.clone(), doc.version);
    let lang = st.ui.lang();
    let mut actions = Vec::new();
    let mut variants_done: Vec<String> = Vec::new();
    for t in &targets {
        // 1. this mention
        let doc = &st.docs[uri];
        let edit = TextEdit::new(rope_range(&doc.rope, t.span.clone(), enc), t.replacement.clone());
        actions.push(quickfix(
            tr_args(lang, "action-replace", &[("canonical", t.canonical.as_str().into())]),
            workspace_edit(st, vec![(doc_uri.clone(), Some(doc_version), vec![edit])]),
            &t.diagnostic,
            true,
        ));
        if variants_done.contains(&t.variant) {
            continue;
        }
        variants_done.push(t.variant.clone());

        // 2. every mention of the variant in this file
        let same: Vec<&crate::analysis::Finding> = findings.iter().filter(|f| f.variant == t.variant).collect();
        if same.len() > 1 {
            let edits =
                same.iter().map(|f| TextEdit::new(rope_range(&doc.rope, f.span.clone(), enc), f.replacement.clone())).collect();
            actions.push(quickfix(
                tr_args(lang, "action-replace-file", &[("count", same.len().into()), ("variant", t.variant.as_str().into()), ("canonical", t.canonical.as_str().into())]),
                workspace_edit(st, vec![(doc_uri.clone(), Some(doc_version), edits)]),
                &t.diagnostic,
                false,
            ));
        }

        // 3. every document of the corpus
        let docs = st.variant_findings(&t.variant);
        if docs.len() > 1 {
            let mut loc = Locator::new(st);
            let mut all: Vec<DocEdits> = Vec::new();
            for (id, spans) in docs.iter() {
                let Some((u, version, ranges)) = loc.ranges(*id, spans.iter().map(|(s, _)| s.clone())) else {
                    continue;
                };
                let edits = ranges.into_iter().zip(spans).map(|(r, (_, rep))| TextEdit::new(r, rep.clone())).collect();
                all.push((u, version, edits));
            }
            actions.push(quickfix(
                tr_args(lang, "action-replace-corpus", &[("variant", t.variant.as_str().into()), ("canonical", t.canonical.as_str().into()), ("files", all.len().into())]),
                workspace_edit(st, all),
                &t.diagnostic,
                false,
            ));
        }

        // 4. accept the variant
        if let Some(a) = accept_action(st, t) {
            actions.push(a);
        }
    }
    actions
}

fn accept_action(st: &State, t: &Target) -> Option<CodeActionOrCommand> {
    let path = st.config_path()?;
    let enc = st.encoding;
    let (uri, version, existing) = match st.open_uri_for_path(&path) {
        Some(open) => (open.uri.clone(), Some(open.version), Some(open.rope.to_string())),
        None => {
            let uri = Uri::from_file_path(&path)?;
            match crate::corpus::scan::read_config_text(&path) {
                Ok(text) => (uri, None, text),
                Err(e) => {
                    st.log.warn(format!("isnad: cannot read {}: {e}", path.display()));
                    return None;
                }
            }
        }
    };
    let new_text = match with_accepted_spelling(existing.as_deref(), &t.variant) {
        Ok(text) => text,
        Err(e) => {
            st.log.warn(format!("isnad: cannot add «{}» to {}: {e}", t.variant, path.display()));
            return None;
        }
    };
    let title = tr_args(st.ui.lang(), "action-accept", &[("variant", t.variant.as_str().into())]);
    let edit = match existing {
        Some(old) => {
            let end = LineIndex::new(&old).end(enc);
            let edit = TextEdit::new(tower_lsp_server::ls_types::Range::new(Position::new(0, 0), end), new_text);
            workspace_edit(st, vec![(uri, version, vec![edit])])
        }
        None => {
            let insert = TextEdit::new(tower_lsp_server::ls_types::Range::new(Position::new(0, 0), Position::new(0, 0)), new_text);
            // a client that cannot create files (eglot) gets the text as an edit of the new
            // file's URI: it opens a buffer for it, and saving the buffer writes the file
            if !st.caps.create_files {
                return Some(quickfix(title, WorkspaceEdit { changes: Some(HashMap::from([(uri, vec![insert])])), ..Default::default() }, &t.diagnostic, false));
            }
            // creating a file is a resource operation, which only documentChanges carries:
            // a client that can create files reads them (Neovim, which does not announce
            // documentChanges itself)
            WorkspaceEdit {
                document_changes: Some(DocumentChanges::Operations(vec![
                    DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                        uri: uri.clone(),
                        options: Some(CreateFileOptions { overwrite: Some(false), ignore_if_exists: Some(true) }),
                        annotation_id: None,
                    })),
                    DocumentChangeOperation::Edit(TextDocumentEdit {
                        text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                        edits: vec![OneOf::Left(insert)],
                    }),
                ])),
                ..Default::default()
            }
        }
    };
    Some(quickfix(title, edit, &t.diagnostic, false))
}
