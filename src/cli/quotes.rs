//! `isnad quotes`: the reuse groups of a corpus (every quote printed in more than one
//! document), source first, as text or one JSON document. Exit 0, or 2 on usage/I/O errors.

use std::io::Write;
use std::path::PathBuf;

use serde_json::json;

use super::Format;
use crate::analysis::quotes::{all_groups, diff, Occurrence};
use crate::analysis::Workspace;
use crate::l10n::{tr, tr_args, Lang};

/// The first `words` words of `s` (whitespace made single spaces), `…` when cut.
pub(super) fn excerpt(s: &str, words: usize) -> String {
    let mut it = s.split_whitespace();
    let mut out: Vec<&str> = it.by_ref().take(words).collect();
    if it.next().is_some() {
        out.push("…");
    }
    out.join(" ")
}

/// One copy of a reuse group as `--format json` prints it (`isnad report` reads the same).
pub(super) fn copy_json(ws: &Workspace, o: &Occurrence, source: &Occurrence) -> serde_json::Value {
    let doc = ws.doc(o.doc).expect("grouped documents exist");
    let (line, column) = doc.line_col(o.span.start);
    let (end_line, end_column) = doc.line_col(o.span.end);
    let quote = o.quote.and_then(|i| ws.quotes().doc(o.doc)?.quotes.get(i));
    let (added, removed) = if o == source { (Vec::new(), Vec::new()) } else { diff(ws, source, o) };
    json!({
        "path": doc.rel_path, "line": line, "column": column, "end_line": end_line, "end_column": end_column,
        "start": o.span.start, "end": o.span.end, "text": &doc.text[o.span.clone()],
        "quoted": o.quote.is_some(), "speaker": quote.and_then(|q| q.speaker.clone()),
        "date": doc.meta.date, "title": doc.meta.title, "outlet": doc.meta.outlet,
        "words_added": added, "words_removed": removed,
    })
}

pub fn run(paths: &[PathBuf], format: Format) -> i32 {
    // (quotes read which documents hold which words, not the names: no name evidence)
    let Some((ws, _)) = super::check::load_words_only_reporting(paths) else { return 2 };
    let groups = all_groups(&ws);
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let v: Vec<serde_json::Value> = groups
                .iter()
                .map(|g| json!({"copies": g.copies.iter().map(|o| copy_json(&ws, o, g.source())).collect::<Vec<_>>()}))
                .collect();
            let _ = writeln!(out, "{}", serde_json::to_string_pretty(&json!({"groups": v})).unwrap_or_default());
        }
        Format::Text => {
            let lang = Lang::from_env();
            let (source, copy) = (tr(lang, "cli-quote-source"), tr(lang, "cli-quote-copy"));
            // the two labels padded to one width, so that the paths line up
            let width = source.chars().count().max(copy.chars().count());
            let pad = |s: &str| format!("{s}{}", " ".repeat(width - s.chars().count()));
            let (source, copy) = (pad(&source), pad(&copy));
            for (n, g) in groups.iter().enumerate() {
                let _ = writeln!(out, "{}", tr_args(lang, "cli-quote-group", &[("n", (n + 1).into()), ("copies", g.copies.len().into())]));
                for (k, o) in g.copies.iter().enumerate() {
                    let v = copy_json(&ws, o, g.source());
                    let mut line = format!(
                        "  {} {}:{}:{}: «{}»",
                        if k == 0 { &source } else { &copy },
                        v["path"].as_str().unwrap_or(""),
                        v["line"],
                        v["column"],
                        excerpt(v["text"].as_str().unwrap_or(""), 12)
                    );
                    if let Some(d) = v["date"].as_str() {
                        line.push_str(&format!(" [{d}]"));
                    }
                    if let Some(s) = v["speaker"].as_str() {
                        line.push_str(&format!(" — {s}"));
                    }
                    if o.quote.is_none() {
                        line.push(' ');
                        line.push_str(&tr(lang, "cli-quote-unquoted"));
                    }
                    let (a, r) = (v["words_added"].as_array().map_or(0, Vec::len), v["words_removed"].as_array().map_or(0, Vec::len));
                    if a + r > 0 {
                        line.push(' ');
                        line.push_str(&tr_args(lang, "cli-quote-words", &[("added", a.into()), ("removed", r.into())]));
                    }
                    let _ = writeln!(out, "{line}");
                }
            }
            let _ = writeln!(out, "{}", tr_args(lang, "cli-quote-groups", &[("groups", groups.len().into())]));
        }
    }
    0
}
