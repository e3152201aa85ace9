//! `isnad check`: the server's analysis in batch, as `file:line:col: severity code message`
//! lines or one JSON document. Exit 0 when clean, 1 with findings, 2 on usage or I/O errors.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::json;

use super::Format;
use crate::analysis::{Finding, Workspace};
use crate::corpus::config::{Config, Severity, CONFIG_FILE};
use crate::corpus::scan::{read_text_file, scan, FileFilter};

pub fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information => "info",
        Severity::Hint => "hint",
        Severity::Off => "off",
    }
}

/// Load the corpus given on the command line into one workspace. Relative paths of files
/// under a folder are relative to that folder; the printed path is folder + relative path.
pub fn load(paths: &[PathBuf]) -> Result<(Workspace, Vec<String>), String> {
    let (config, files, warnings) = read(paths)?;
    let mut ws = Workspace::new(config);
    ws.load(files);
    Ok((ws, warnings))
}

/// The configuration and files of the corpus given on the command line, with warnings
/// (skipped files, a configuration that did not parse).
#[allow(clippy::type_complexity)]
pub fn read(paths: &[PathBuf]) -> Result<(Config, Vec<(String, PathBuf, String)>, Vec<String>), String> {
    let config_dir = paths.iter().find(|p| p.is_dir()).cloned().unwrap_or_else(|| PathBuf::from("."));
    let mut warnings = Vec::new();
    let config = match crate::corpus::scan::read_config_text(&config_dir.join(CONFIG_FILE)) {
        Ok(Some(text)) => Config::from_toml(&text).unwrap_or_else(|e| {
            warnings.push(format!("{}: {e}; using defaults", config_dir.display()));
            Config::default()
        }),
        Ok(None) => Config::default(),
        Err(e) => {
            warnings.push(format!("{}: {e}; using defaults", config_dir.join(CONFIG_FILE).display()));
            Config::default()
        }
    };
    let filter = FileFilter::new(&config.corpus)?;
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let r = scan(p, &filter);
            for s in r.skipped {
                warnings.push(format!("skipped {}: {}", s.path.display(), s.reason));
            }
            for (rel, abs, text) in r.files {
                files.push((display_path(p, &rel), abs, text));
            }
        } else if p.is_file() {
            match read_text_file(p, filter.max_file_size) {
                Ok(text) => files.push((p.display().to_string(), p.clone(), text)),
                Err(reason) => warnings.push(format!("skipped {}: {reason}", p.display())),
            }
        } else if p.exists() {
            // a FIFO, a device, a socket (or a link to one): there, but nothing to read
            let reason = read_text_file(p, filter.max_file_size).err().unwrap_or_else(|| "not a regular file".into());
            return Err(format!("{}: {reason}", p.display()));
        } else {
            return Err(format!("{}: no such file or folder", p.display()));
        }
    }
    Ok((config, files, warnings))
}

fn display_path(root: &Path, rel: &str) -> String {
    if root == Path::new(".") { rel.to_string() } else { root.join(rel).display().to_string() }
}

/// [`load`] for a command: warnings and errors go to stderr; `None` means exit code 2.
pub fn load_reporting(paths: &[PathBuf]) -> Option<(Workspace, Vec<String>)> {
    report(load(paths))
}

/// [`load_reporting`] of a words-only workspace ([`Workspace::load_words_only`]).
pub fn load_words_only_reporting(paths: &[PathBuf]) -> Option<(Workspace, Vec<String>)> {
    report(read(paths).map(|(config, files, warnings)| (Workspace::load_words_only(config, files), warnings)))
}

fn report(loaded: Result<(Workspace, Vec<String>), String>) -> Option<(Workspace, Vec<String>)> {
    match loaded {
        Ok((ws, warnings)) => {
            for w in &warnings {
                eprintln!("isnad: {w}");
            }
            Some((ws, warnings))
        }
        Err(e) => {
            eprintln!("isnad: {e}");
            None
        }
    }
}

pub fn run(paths: &[PathBuf], format: Format) -> i32 {
    let Some((ws, warnings)) = load_reporting(paths) else { return 2 };
    let mut all: Vec<(String, (usize, usize), (usize, usize), Finding)> = Vec::new();
    for id in ws.docs_in_order() {
        let doc = ws.doc(id).expect("listed documents exist");
        let mut path_sorted = Vec::new();
        for f in ws.spelling_findings(id) {
            let start = doc.line_col(f.span.start);
            let end = doc.line_col(f.span.end);
            path_sorted.push((doc.rel_path.clone(), start, end, f));
        }
        all.extend(path_sorted);
    }
    all.sort_by(|a, b| (a.0.as_str(), a.1).cmp(&(b.0.as_str(), b.1)));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = match format {
        Format::Text => all.iter().try_for_each(|(path, (l, c), _, f)| {
            writeln!(out, "{path}:{l}:{c}: {} {} {}", severity_label(f.severity), f.code.as_str(), f.message)
        }),
        Format::Json => {
            let findings: Vec<_> = all
                .iter()
                .map(|(path, (l, c), (el, ec), f)| {
                    json!({
                        "file": path, "line": l, "column": c, "end_line": el, "end_column": ec,
                        "byte_start": f.span.start, "byte_end": f.span.end,
                        "severity": severity_label(f.severity), "code": f.code.as_str(), "message": f.message,
                        "variant": f.variant, "canonical": f.canonical, "replacement": f.replacement,
                    })
                })
                .collect();
            let doc = json!({"documents": ws.doc_count(), "findings": findings, "warnings": warnings});
            writeln!(out, "{}", serde_json::to_string_pretty(&doc).unwrap_or_default())
        }
    };
    if result.is_err() {
        return 2;
    }
    if all.is_empty() { 0 } else { 1 }
}

pub fn explain(corpus: &Path, words: &[String]) -> i32 {
    let Some((ws, _)) = load_reporting(&[corpus.to_path_buf()]) else { return 2 };
    let an = crate::analysis::spelling::Analyzer::new(&ws);
    // written through a locked handle: a reader that goes away (`isnad explain … | head`)
    // ends the output quietly instead of a panic in println!
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for w in words {
        let w = crate::text::normalize::l0(w);
        if writeln!(out, "{}", an.explain(&w)).is_err() {
            return 0;
        }
        // the entity of the word's first mention: a mention that has the word as one of its
        // words, a proclitic allowed (ان is no mention of يريفان)
        let is_the_word = |t: &str| {
            let t = crate::text::normalize::l0(t.trim_matches(|c: char| !c.is_alphanumeric()));
            t == w || ["و", "ف", "ب", "ل", "ك"].iter().any(|p| t.strip_prefix(p) == Some(w.as_str()))
        };
        let found = ws.docs_in_order().into_iter().find_map(|d| {
            an.entity_mentions(d).into_iter().find(|m| *m.spelling == *w || ws.doc(d).is_some_and(|doc| doc.text.get(m.span.clone()).is_some_and(|t| t.split_whitespace().any(is_the_word))))
        });
        let written = match found.and_then(|m| an.entity(&m.key, Some(m.doc)).map(|e| (m, e))) {
            Some((_, e)) => {
                let plural = crate::analysis::spelling::plural;
                writeln!(
                    out,
                    "  entity: {} ({}){}, in {}; spellings: {}",
                    e.name,
                    e.kind.label(),
                    e.latin.map(|l| format!(", {l}")).unwrap_or_default(),
                    plural(e.docs, "document"),
                    e.spellings.iter().map(|s| format!("{} ({} in {})", s.text, plural(s.mentions, "mention"), plural(s.docs, "document"))).collect::<Vec<_>>().join(", "),
                )
            }
            None => writeln!(out, "  entity: none"),
        };
        if written.is_err() {
            return 0;
        }
    }
    0
}
