//! `isnad check`: the server's analysis in batch, as `file:line:col: severity code message`
//! lines (and a summary on stderr) or one JSON document. A named file is checked against the
//! corpus around it. Exit 0 when clean, 1 with findings, 2 on usage or I/O errors and when a
//! named file could not be read.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::json;

use super::{CheckFormat, Format};
use crate::analysis::{DocId, Finding, Workspace};
use crate::corpus::config::{Config, EntityKind, Severity, CONFIG_FILE};
use crate::corpus::scan::{read_text_file, scan, FileFilter};
use crate::l10n::{tr, tr_args, Arg, Lang};

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
    let lang = Lang::from_env();
    let using_defaults = |path: &Path, e: &dyn std::fmt::Display| tr_args(lang, "cli-using-defaults", &[("path", path.display().to_string().into()), ("error", e.to_string().into())]);
    let mut warnings = Vec::new();
    let config = match crate::corpus::scan::read_config_text(&config_dir.join(CONFIG_FILE)) {
        Ok(Some(text)) => Config::from_toml(&text).unwrap_or_else(|e| {
            warnings.push(using_defaults(&config_dir, &e));
            Config::default()
        }),
        Ok(None) => Config::default(),
        Err(e) => {
            warnings.push(using_defaults(&config_dir.join(CONFIG_FILE), &e));
            Config::default()
        }
    };
    let filter = FileFilter::new(&config.corpus)?;
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let r = scan(p, &filter);
            for s in r.skipped {
                warnings.push(skipped(lang, &s.path, &s.reason));
            }
            for (rel, abs, text) in r.files {
                files.push((display_path(p, &rel), abs, text));
            }
        } else if p.is_file() {
            match read_text_file(p, filter.max_file_size) {
                Ok(text) => files.push((p.display().to_string(), p.clone(), text)),
                Err(reason) => warnings.push(skipped(lang, p, &reason)),
            }
        } else if p.exists() {
            // a FIFO, a device, a socket (or a link to one): there, but nothing to read
            let reason = read_text_file(p, filter.max_file_size).err().unwrap_or_else(|| "not a regular file".into());
            return Err(format!("{}: {reason}", p.display()));
        } else {
            return Err(tr_args(lang, "cli-no-such-path", &[("path", p.display().to_string().into())]));
        }
    }
    Ok((config, files, warnings))
}

/// "skipped PATH: why", in the user's language (the reason itself stays as the scan gives it).
fn skipped(lang: Lang, path: &Path, reason: &str) -> String {
    tr_args(lang, "cli-skipped", &[("path", path.display().to_string().into()), ("reason", reason.into())])
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

/// The folder whose corpus a named file belongs to: the nearest folder above it that holds an
/// `isnad.toml` (absolute), else the file's own folder as written.
fn corpus_around(file: &Path) -> PathBuf {
    let parent = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(canonical) = parent.canonicalize() else { return parent };
    match canonical.ancestors().position(|dir| dir.join(CONFIG_FILE).is_file()) {
        Some(0) | None => parent,
        Some(ups) => canonical.ancestors().nth(ups).map_or(parent, Path::to_path_buf),
    }
}

/// Whether two paths name the same file or folder on disk.
fn same_file(a: &Path, b: &Path) -> bool {
    a.file_name() == b.file_name() && matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// `isnad check PATHS`: folders are corpora, reported whole; a named file is checked against
/// the corpus around it ([`corpus_around`]) and only its findings are reported. Exit 0 when
/// clean, 1 with findings, 2 when a named input could not be read (findings still printed).
pub fn run(paths: &[PathBuf], format: CheckFormat) -> i32 {
    let started = std::time::Instant::now();
    let lang = Lang::from_env();
    let named_dirs: Vec<PathBuf> = paths.iter().filter(|p| p.is_dir()).cloned().collect();
    let named_files: Vec<PathBuf> = paths.iter().filter(|p| !p.is_dir()).cloned().collect();
    // a special or missing path is an error before anything is read
    for f in named_files.iter().filter(|f| !f.is_file()) {
        if let Err(e) = read(std::slice::from_ref(f)) {
            eprintln!("isnad: {e}");
            return 2;
        }
    }
    let canonical_dirs: Vec<PathBuf> = named_dirs.iter().filter_map(|d| d.canonicalize().ok()).collect();
    let mut roots = named_dirs.clone();
    for f in &named_files {
        let inside_named = f.canonicalize().is_ok_and(|c| canonical_dirs.iter().any(|d| c.starts_with(d)));
        let around = corpus_around(f);
        if !inside_named && !roots.iter().any(|r| same_file(r, &around) || r == &around) {
            roots.push(around);
        }
    }
    let (config, mut files, mut warnings) = match read(&roots) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("isnad: {e}");
            return 2;
        }
    };
    // which files are reported: those under a named folder, and the named files (read here
    // when the corpus's filter left them out)
    let under_named = |abs: &Path| abs.canonicalize().is_ok_and(|c| canonical_dirs.iter().any(|d| c.starts_with(d)));
    // (with only folders named, every file is theirs: no path to resolve)
    let mut reported: Vec<bool> = if named_files.is_empty() { vec![true; files.len()] } else { files.iter().map(|(_, abs, _)| under_named(abs)).collect() };
    let mut skipped_named = false;
    for f in &named_files {
        if let Some(k) = files.iter().position(|(_, abs, _)| same_file(abs, f)) {
            reported[k] = true;
            continue;
        }
        match read_text_file(f, config.corpus.max_file_size) {
            Ok(text) => {
                files.push((f.display().to_string(), f.clone(), text));
                reported.push(true);
            }
            Err(reason) => {
                warnings.push(skipped(lang, f, &reason));
                skipped_named = true;
            }
        }
    }
    for w in &warnings {
        eprintln!("isnad: {w}");
    }
    let chosen: std::collections::HashSet<String> = files.iter().zip(&reported).filter(|(_, r)| **r).map(|((rel, _, _), _)| rel.clone()).collect();
    // (the word count is for the text summary only: an archive's 90 MB read once more)
    let words: usize = if format == CheckFormat::Text {
        use rayon::prelude::*;
        files.par_iter().map(|(_, _, text)| text.split_whitespace().count()).sum()
    } else {
        0
    };
    let mut ws = Workspace::new(config);
    ws.load(files);
    let mut all: Vec<(String, (usize, usize), (usize, usize), Finding)> = Vec::new();
    let mut documents = 0u32;
    let mut with_findings = 0u32;
    let ids: Vec<DocId> = ws.docs_in_order().into_iter().filter(|&id| ws.doc(id).is_some_and(|d| chosen.contains(&d.rel_path))).collect();
    let found = ws.spelling_findings_of(&ids);
    for (&id, findings) in ids.iter().zip(found) {
        let doc = ws.doc(id).expect("listed documents exist");
        documents += 1;
        with_findings += u32::from(!findings.is_empty());
        for f in findings {
            let start = doc.line_col(f.span.start);
            let end = doc.line_col(f.span.end);
            all.push((doc.rel_path.clone(), start, end, f));
        }
    }
    all.sort_by(|a, b| (a.0.as_str(), a.1).cmp(&(b.0.as_str(), b.1)));
    let stdout = std::io::stdout();
    // (buffered: stdout alone writes a line at a time, and a report has hundreds of thousands)
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = match format {
        CheckFormat::Text => all.iter().try_for_each(|(path, (l, c), _, f)| {
            writeln!(out, "{path}:{l}:{c}: {} {} {}", severity_label(f.severity), f.code.as_str(), f.message(lang))
        }),
        CheckFormat::Sarif => writeln!(out, "{}", serde_json::to_string_pretty(&sarif_log(&all, lang)).unwrap_or_default()),
        CheckFormat::Json => {
            // written as it is serialised, not built as one value first (a quarter of a GB
            // for an archive's findings)
            let report = JsonReport { corpus_documents: ws.doc_count(), documents, findings: JsonFindings(&all, lang), warnings: &warnings };
            serde_json::to_writer_pretty(&mut out, &report).map_err(std::io::Error::from).and_then(|()| writeln!(out))
        }
    };
    let result = result.and_then(|()| out.flush());
    if result.is_err() {
        return 2;
    }
    // the summary goes to stderr: stdout stays one finding per line for tools
    if format == CheckFormat::Text {
        let corpus = if ws.doc_count() as u32 == documents { String::new() } else { tr_args(lang, "cli-against-corpus", &[("docs", ws.doc_count().into())]) };
        let seconds = format!("{:.1}", started.elapsed().as_secs_f64());
        let mut args: Vec<(&str, Arg)> = vec![("docs", documents.into()), ("corpus", corpus.into()), ("words", words.into()), ("seconds", seconds.into())];
        let summary = if all.is_empty() {
            tr_args(lang, "cli-summary-clean", &args)
        } else {
            args.extend([("findings", all.len().into()), ("with", with_findings.into())]);
            tr_args(lang, "cli-summary", &args)
        };
        eprintln!("{summary}");
    }
    let clean = all.is_empty();
    // The process ends with this command: the workspace and the report are left to it, not
    // freed piece by piece (an archive's index is millions of allocations, a third of a
    // second to free).
    std::mem::forget(ws);
    std::mem::forget(all);
    if skipped_named {
        2
    } else if clean {
        0
    } else {
        1
    }
}

/// `isnad check --format json`: the fields in the order they are printed (by name).
#[derive(serde::Serialize)]
struct JsonReport<'a> {
    corpus_documents: usize,
    documents: u32,
    findings: JsonFindings<'a>,
    warnings: &'a [String],
}

/// The findings of a JSON report, each serialised as it is written.
struct JsonFindings<'a>(&'a [(String, (usize, usize), (usize, usize), Finding)], Lang);

#[derive(serde::Serialize)]
struct JsonFinding<'a> {
    byte_end: usize,
    byte_start: usize,
    canonical: &'a str,
    code: &'a str,
    column: usize,
    end_column: usize,
    end_line: usize,
    file: &'a str,
    line: usize,
    message: String,
    replacement: &'a str,
    severity: &'a str,
    variant: &'a str,
}

impl serde::Serialize for JsonFindings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let lang = self.1;
        serializer.collect_seq(self.0.iter().map(|(path, (line, column), (end_line, end_column), f)| JsonFinding {
            byte_end: f.span.end,
            byte_start: f.span.start,
            canonical: &f.canonical,
            code: f.code.as_str(),
            column: *column,
            end_column: *end_column,
            end_line: *end_line,
            file: path,
            line: *line,
            message: f.message(lang),
            replacement: &f.replacement,
            severity: severity_label(f.severity),
            variant: &f.variant,
        }))
    }
}

/// The rules of `isnad check`'s findings, for SARIF: (id, short description, full description).
const SARIF_RULES: [(&str, &str, &str); 2] = [
    (
        "inconsistent-spelling",
        "A name spelt otherwise than the corpus spells it",
        "The corpus writes this name in more than one way; the finding proposes the canonical spelling (the style guide's, else the corpus majority's).",
    ),
    (
        "orthographic-variant",
        "A name written with other hamzas, alefs or final letters",
        "The same name as the canonical spelling, written with another hamza or alef, or ى/ي, ة/ه at its end (wire copy that drops hamzas).",
    ),
];

/// A SARIF 2.1.0 log of `isnad check`'s findings (OASIS Static Analysis Results Interchange
/// Format), as GitHub code scanning and other CI tools read it: one run of the tool `isnad`,
/// its two rules, one result per finding with its region in code-point columns and the quick
/// fix to the canonical spelling. Relative paths stay relative to `%SRCROOT%` (the working
/// folder), so a repository's findings point into it.
fn sarif_log(all: &[(String, (usize, usize), (usize, usize), Finding)], lang: Lang) -> serde_json::Value {
    let cwd = std::env::current_dir().ok();
    let results: Vec<serde_json::Value> = all
        .iter()
        .map(|(path, (l, c), (el, ec), f)| {
            let rule = SARIF_RULES.iter().position(|(id, _, _)| *id == f.code.as_str()).unwrap_or(0);
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Information | Severity::Hint | Severity::Off => "note",
            };
            let artifact = sarif_artifact(Path::new(path));
            let region = json!({ "startLine": l, "startColumn": c, "endLine": el, "endColumn": ec });
            json!({
                "ruleId": f.code.as_str(),
                "ruleIndex": rule,
                "level": level,
                "message": { "text": f.message(lang) },
                "locations": [{ "physicalLocation": { "artifactLocation": artifact, "region": region } }],
                "fixes": [{
                    "description": { "text": tr_args(lang, "action-replace", &[("canonical", f.canonical.as_str().into())]) },
                    "artifactChanges": [{ "artifactLocation": artifact, "replacements": [{ "deletedRegion": region, "insertedContent": { "text": f.replacement } }] }],
                }],
                "properties": { "variant": f.variant, "canonical": f.canonical },
            })
        })
        .collect();
    let mut run = json!({
        "tool": { "driver": {
            "name": "isnad",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": SARIF_RULES.iter().map(|(id, short, full)| json!({
                "id": id, "shortDescription": { "text": short }, "fullDescription": { "text": full },
                "defaultConfiguration": { "level": if *id == "inconsistent-spelling" { "warning" } else { "note" } },
            })).collect::<Vec<_>>(),
        } },
        "columnKind": "unicodeCodePoints",
        "results": results,
    });
    if let Some(root) = cwd.as_deref().and_then(|d| file_uri(d, true)) {
        run["originalUriBaseIds"] = json!({ "%SRCROOT%": { "uri": root } });
    }
    json!({ "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run] })
}

/// Where a finding's file is, for SARIF: a relative path as a URI reference below `%SRCROOT%`,
/// an absolute one as a `file:` URI.
fn sarif_artifact(path: &Path) -> serde_json::Value {
    if path.is_absolute() {
        return json!({ "uri": file_uri(path, false).unwrap_or_default() });
    }
    let rel: Vec<String> = path.components().filter_map(|c| match c {
        std::path::Component::Normal(s) => Some(percent_encode(&s.to_string_lossy())),
        std::path::Component::ParentDir => Some("..".to_string()),
        _ => None,
    }).collect();
    json!({ "uri": rel.join("/"), "uriBaseId": "%SRCROOT%" })
}

/// A `file:` URI of an absolute path, as the server writes them (a folder's with a final slash).
fn file_uri(path: &Path, folder: bool) -> Option<String> {
    let uri = tower_lsp_server::ls_types::Uri::from_file_path(path)?.as_str().to_string();
    Some(if folder && !uri.ends_with('/') { format!("{uri}/") } else { uri })
}

/// A path segment with every byte outside RFC 3986's unreserved characters percent-encoded
/// (Arabic file names too).
fn percent_encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn explain(corpus: &Path, words: &[String], format: Format) -> i32 {
    let Some((ws, _)) = load_reporting(&[corpus.to_path_buf()]) else { return 2 };
    let an = crate::analysis::spelling::Analyzer::new(&ws);
    let explained: Vec<ExplainedWord> = words.iter().map(|w| {
        let w = crate::text::normalize::l0(w);
        // the entity of the word's first mention: a mention that has the word as one of its
        // words, a proclitic allowed (ان is no mention of يريفان)
        let is_the_word = |t: &str| {
            let t = crate::text::normalize::l0(t.trim_matches(|c: char| !c.is_alphanumeric()));
            t == w || ["و", "ف", "ب", "ل", "ك"].iter().any(|p| t.strip_prefix(p) == Some(w.as_str()))
        };
        let found = ws.docs_in_order().into_iter().find_map(|d| {
            an.entity_mentions(d).into_iter().find(|m| *m.spelling == *w || ws.doc(d).is_some_and(|doc| doc.text.get(m.span.clone()).is_some_and(|t| t.split_whitespace().any(is_the_word))))
        });
        let entity = found.and_then(|m| an.entity(&m.key, Some(m.doc))).map(|e| ExplainedEntity {
            name: e.name.to_string(),
            kind: e.kind,
            latin: e.latin.map(|l| l.to_string()),
            documents: e.docs,
            spellings: e.spellings.iter().map(|s| EntitySpelling { spelling: s.text.to_string(), mentions: s.mentions, documents: s.docs }).collect(),
        });
        ExplainedWord { explanation: an.explain(&w), entity }
    }).collect();
    // written through a locked handle: a reader that goes away (`isnad explain … | head`)
    // ends the output quietly instead of a panic in println!
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = match format {
        Format::Json => serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "corpus_documents": ws.docs_in_order().len(), "words": explained }))
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Text => {
            let lang = Lang::from_env();
            explained.iter().try_for_each(|x| {
                let entity = match &x.entity {
                    Some(e) => {
                        let spellings: Vec<String> = e
                            .spellings
                            .iter()
                            .map(|s| tr_args(lang, "explain-entity-spelling", &[("spelling", s.spelling.as_str().into()), ("mentions", s.mentions.into()), ("docs", s.documents.into())]))
                            .collect();
                        let args = [
                            ("name", e.name.as_str().into()),
                            ("kind", Arg::Message(e.kind.message_id())),
                            ("latin", e.latin.as_ref().map(|l| format!(", {l}")).unwrap_or_default().into()),
                            ("docs", e.documents.into()),
                            ("spellings", spellings.join(&tr(lang, "list-separator")).into()),
                        ];
                        tr_args(lang, "explain-entity-value", &args)
                    }
                    None => tr(lang, "explain-none"),
                };
                writeln!(out, "{}\n  {}: {entity}", x.explanation.to_text(lang), tr(lang, "explain-entity"))
            })
        }
    };
    0
}

/// One word of `isnad explain`: the analysis's explanation and the entity of its first mention.
#[derive(serde::Serialize)]
struct ExplainedWord {
    #[serde(flatten)]
    explanation: crate::analysis::spelling::Explanation,
    entity: Option<ExplainedEntity>,
}

#[derive(serde::Serialize)]
struct ExplainedEntity {
    name: String,
    kind: EntityKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    latin: Option<String>,
    documents: u32,
    spellings: Vec<EntitySpelling>,
}

#[derive(serde::Serialize)]
struct EntitySpelling {
    spelling: String,
    mentions: u32,
    documents: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sarif_locations_are_uri_references() {
        // relative paths stay relative to %SRCROOT%, Arabic names percent-encoded
        assert_eq!(sarif_artifact(Path::new("أخبار/مقال 1.txt")), json!({ "uri": "%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D9%85%D9%82%D8%A7%D9%84%201.txt", "uriBaseId": "%SRCROOT%" }));
        assert_eq!(sarif_artifact(Path::new("./news/a.txt")), json!({ "uri": "news/a.txt", "uriBaseId": "%SRCROOT%" }));
        assert_eq!(sarif_artifact(Path::new("/srv/news/a b.txt")), json!({ "uri": "file:///srv/news/a%20b.txt" }));
        assert_eq!(file_uri(Path::new("/srv/news"), true).as_deref(), Some("file:///srv/news/"));
        assert_eq!(file_uri(Path::new("/"), true).as_deref(), Some("file:///"));
    }
}
