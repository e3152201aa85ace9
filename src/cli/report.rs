//! `isnad report PATH -o FILE`: one self-contained HTML page that gives an editor-in-chief a
//! picture of a corpus before any file is opened: its totals, the names it spells more than
//! one way (by outlet and by year), and the quotes it reprints, as timelines from their source.
//!
//! The page loads nothing: no network, no script, no external style, font or image (inline CSS,
//! system fonts). Article text is untrusted and every string is HTML-escaped. The page is
//! `dir="rtl"` because its content is Arabic; Latin or mixed strings (paths, dates, outlet
//! names, the English labels) sit in `<bdi>` so that they never scramble inside RTL text.
//!
//! Exit 0 when the page is written, 2 on usage or I/O errors (a missing corpus, an output that
//! cannot be written). Findings do not change the exit code: a report is no gate
//! (`isnad check` is). Nothing is written but the output file, once, at the end.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::analysis::quotes::{all_groups, Group};
use crate::analysis::{DocId, Workspace};
use crate::corpus::document::Document;
use crate::l10n::{tr, tr_args, Arg, Lang};

/// Every visible label and heading of the page, from the message catalogue (`report-*` in
/// `data/l10n/*.ftl`), in the language of the command line ([`Labels::label`]). Labels with
/// values are messages formatted by [`Labels::say`], where numbers choose the plural form.
pub struct Labels {
    lang: Lang,
}

impl Labels {
    pub fn new(lang: Lang) -> Labels {
        Labels { lang }
    }

    /// A label of the page, from the catalogue (a `report-*` id).
    fn label(&self, id: &str) -> String {
        tr(self.lang, id)
    }

    /// A message with values as HTML: the sentence escaped and isolated (see [`bdi`]), numbers
    /// given to the catalogue (they choose the plural form), HTML values (a path as an LTR
    /// token, a speaker's name escaped) put in after escaping, at their placeholders.
    fn say(&self, id: &str, values: &[(&str, Val)]) -> String {
        let markers: Vec<String> = values.iter().map(|(k, _)| format!("\u{E000}{k}\u{E001}")).collect();
        let args: Vec<(&str, Arg)> = values
            .iter()
            .zip(&markers)
            .map(|((k, v), m)| (*k, match v {
                Val::Num(n) => Arg::from(*n),
                Val::Html(_) => Arg::from(m),
            }))
            .collect();
        let text = tr_args(self.lang, id, &args);
        let html = values.iter().zip(&markers).fold(esc(&text), |s, ((_, v), m)| match v {
            Val::Html(h) => s.replace(m.as_str(), h),
            Val::Num(_) => s,
        });
        format!("<bdi>{html}</bdi>")
    }
}

/// A value in a sentence of the page: a number, or HTML already escaped.
enum Val {
    Num(usize),
    Html(String),
}

/// The page's caps. A 31k-article archive has thousands of clusters and quote groups; all of
/// them make a page of tens of MB that no one reads to the end. The most telling ones are
/// shown and the rest counted on the page.
const MAX_CLUSTERS: usize = 300;
const MAX_GROUPS: usize = 150;
const MAX_COPIES: usize = 30;
/// Outlet (or year) columns of one cluster's table; the rest go under "other".
const MAX_COLUMNS: usize = 8;
/// Words of a quotation shown (an unclosed quote can run to 200).
const QUOTE_WORDS: usize = 80;
/// Warnings (skipped files) listed on the page.
const MAX_WARNINGS: usize = 50;

/// HTML-escaped text (element content and attribute values alike).
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A label or any text of unknown direction, isolated: English labels read left to right
/// inside the RTL page (their punctuation and numbers stay in place), Arabic ones later right
/// to left, with no change here.
fn bdi(s: &str) -> String {
    format!("<bdi>{}</bdi>", esc(s))
}

/// A path, date or other left-to-right token inside RTL text.
fn ltr(s: &str) -> String {
    format!("<bdi dir=\"ltr\">{}</bdi>", esc(s))
}

/// A number with thousands separators (31,523).
fn num(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The outlet a document is counted under: its front matter's `outlet:` (`None`: unknown).
fn outlet_of(doc: &Document) -> Option<&str> {
    doc.meta.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty())
}

/// The year a document is counted under: from its front matter's `date:` (validated
/// YYYY-MM-DD; `None`: unknown).
fn year_of(doc: &Document) -> Option<&str> {
    doc.meta.date.as_deref().and_then(|d| d.get(..4))
}

/// A breakdown of the corpus: by outlet or by year.
#[derive(Clone, Copy)]
enum Dim {
    Outlet,
    Year,
}

impl Dim {
    fn key(self, doc: &Document) -> Option<&str> {
        match self {
            Dim::Outlet => outlet_of(doc),
            Dim::Year => year_of(doc),
        }
    }
}

/// One outlet's or year's share of the corpus.
#[derive(Default, Clone)]
struct Tally {
    docs: usize,
    words: usize,
    docs_with_findings: usize,
    findings: usize,
}

/// One spelling of a cluster.
struct Spelling {
    text: String,
    canonical: bool,
    mentions: usize,
    /// Documents that write it, sorted.
    docs: Vec<DocId>,
}

/// A name spelt more than one way: the canonical spelling first, then its variants.
struct Cluster {
    spellings: Vec<Spelling>,
    /// Documents that write a non-canonical spelling (the ranking key).
    variant_docs: usize,
    variant_mentions: usize,
}

/// Everything the page shows, gathered in one pass over the corpus.
struct Facts<'w> {
    ws: &'w Workspace,
    total: Tally,
    by_outlet: BTreeMap<Option<&'w str>, Tally>,
    by_year: BTreeMap<Option<&'w str>, Tally>,
    /// Outlets in the page's order: most documents first, unknown last.
    outlet_order: Vec<Option<&'w str>>,
    /// Years in time order, unknown last.
    year_order: Vec<Option<&'w str>>,
    dates: Option<(&'w str, &'w str)>,
    clusters: Vec<Cluster>,
    groups: Vec<Group>,
}

/// `isnad report PATH -o FILE` (`-o -`: standard output).
pub fn run(path: &Path, output: Option<&Path>) -> i32 {
    let started = std::time::Instant::now();
    let lang = Lang::from_env();
    let Some(output) = output else {
        eprintln!("{}", tr_args(lang, "cli-report-no-output", &[("path", path.display().to_string().into())]));
        return 2;
    };
    let to_stdout = output == Path::new("-");
    // a page that cannot be written is said before minutes of analysis, not after
    if !to_stdout {
        if output.is_dir() {
            let args = [("path", output.display().to_string().into()), ("example", output.join("report.html").display().to_string().into())];
            eprintln!("{}", tr_args(lang, "cli-report-folder", &args));
            return 2;
        }
        let parent = output.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        if !parent.is_dir() {
            eprintln!("{}", tr_args(lang, "cli-report-no-folder", &[("path", parent.display().to_string().into())]));
            return 2;
        }
    }
    let Some((ws, warnings)) = super::check::load_reporting(std::slice::from_ref(&path.to_path_buf())) else { return 2 };
    // `-o article.txt` by a slip of the hand would put HTML over an article of the corpus
    // (only the articles of the output's file name are asked for their real path: an archive
    // is tens of thousands of them)
    if let (Ok(out), Some(name)) = (output.canonicalize(), output.file_name()) {
        let same_name = |d: &&Document| d.abs_path.file_name() == Some(name);
        if ws.docs_in_order().into_iter().filter_map(|d| ws.doc(d)).filter(same_name).any(|d| d.abs_path.canonicalize().is_ok_and(|p| p == out)) {
            eprintln!("{}", tr_args(lang, "cli-report-over-article", &[("path", output.display().to_string().into())]));
            return 2;
        }
    }
    let facts = gather(&ws);
    let page = render(&facts, &Labels::new(lang), path, &warnings);
    let written = if to_stdout {
        use std::io::Write;
        std::io::stdout().lock().write_all(page.as_bytes())
    } else {
        std::fs::write(output, page.as_bytes())
    };
    if let Err(e) = written {
        eprintln!("isnad: {}: {e}", output.display());
        return 2;
    }
    let target = if to_stdout { tr(lang, "cli-report-stdout") } else { output.display().to_string() };
    let args = [
        ("docs", facts.total.docs.into()),
        ("findings", facts.total.findings.into()),
        ("names", facts.clusters.len().into()),
        ("quotes", facts.groups.len().into()),
        ("target", target.into()),
        ("kb", page.len().div_ceil(1024).into()),
        ("seconds", format!("{:.1}", started.elapsed().as_secs_f64()).into()),
    ];
    eprintln!("{}", tr_args(lang, "cli-report-written", &args));
    0
}

fn gather(ws: &Workspace) -> Facts<'_> {
    // The findings and the quote groups are found at once, on the same pool of threads, so
    // the report costs little more than `check` alone. (The groups are those of `isnad
    // quotes`: the full workspace's quote index is the words-only one's.)
    let (spellings, mut groups) = rayon::join(|| read_findings(ws), || all_groups(ws));
    let Spellings { total, by_outlet, by_year, dates, clusters } = spellings;
    // most reprinted first (documents that print it), then source order (kept: stable sort)
    groups.sort_by_cached_key(|g| Reverse(distinct_docs(g)));
    let mut outlet_order: Vec<Option<&str>> = by_outlet.keys().copied().collect();
    outlet_order.sort_by_key(|o| (o.is_none(), Reverse(by_outlet.get(o).map_or(0, |t| t.docs)), *o));
    let mut year_order: Vec<Option<&str>> = by_year.keys().copied().collect();
    year_order.sort_by_key(|y| (y.is_none(), *y));
    Facts { ws, total, by_outlet, by_year, outlet_order, year_order, dates, clusters, groups }
}

/// What the spelling findings give the page: the totals, and the clusters ranked.
struct Spellings<'w> {
    total: Tally,
    by_outlet: BTreeMap<Option<&'w str>, Tally>,
    by_year: BTreeMap<Option<&'w str>, Tally>,
    dates: Option<(&'w str, &'w str)>,
    clusters: Vec<Cluster>,
}

/// A cluster's variants as the findings give them: spelling → (mentions, documents).
type Variants = BTreeMap<String, (usize, Vec<DocId>)>;

fn read_findings(ws: &Workspace) -> Spellings<'_> {
    let mut total = Tally::default();
    let mut by_outlet: BTreeMap<Option<&str>, Tally> = BTreeMap::new();
    let mut by_year: BTreeMap<Option<&str>, Tally> = BTreeMap::new();
    let mut dates: Option<(&str, &str)> = None;
    // canonical → (its mentions in the corpus, variant → (mentions, documents))
    let mut clusters: BTreeMap<String, (u32, Variants)> = BTreeMap::new();
    let ids = ws.docs_in_order();
    for (&id, findings) in ids.iter().zip(ws.spelling_findings_of(&ids)) {
        let Some(doc) = ws.doc(id) else { continue };
        let words = doc.body().split_whitespace().count();
        for t in [&mut total, by_outlet.entry(outlet_of(doc)).or_default(), by_year.entry(year_of(doc)).or_default()] {
            t.docs += 1;
            t.words += words;
            t.findings += findings.len();
            t.docs_with_findings += usize::from(!findings.is_empty());
        }
        if let Some(d) = doc.meta.date.as_deref() {
            dates = Some(dates.map_or((d, d), |(a, b)| (a.min(d), b.max(d))));
        }
        for f in findings {
            let (canonical_mentions, variants) = clusters.entry(f.canonical).or_default();
            *canonical_mentions = f.canonical_mentions;
            let (mentions, docs) = variants.entry(f.variant).or_default();
            *mentions += 1;
            if docs.last() != Some(&id) {
                docs.push(id);
            }
        }
    }
    let mut clusters: Vec<Cluster> = clusters
        .into_iter()
        .map(|(canonical, (canonical_mentions, variants))| {
            // the canonical spelling's documents are those the index counts for it (as the
            // findings' "N times in M documents" do): the findings flag variants only
            let canonical_docs = ws.word_stats(&canonical).map(|s| s.docs.clone()).unwrap_or_default();
            let mut spellings = vec![Spelling { text: canonical, canonical: true, mentions: canonical_mentions as usize, docs: canonical_docs }];
            let mut variant_docs: Vec<DocId> = Vec::new();
            let mut variant_mentions = 0;
            let mut rows: Vec<Spelling> = variants
                .into_iter()
                .map(|(text, (mentions, mut docs))| {
                    docs.sort_unstable();
                    variant_docs.extend(&docs);
                    variant_mentions += mentions;
                    Spelling { text, canonical: false, mentions, docs }
                })
                .collect();
            rows.sort_by(|a, b| (Reverse(a.docs.len()), Reverse(a.mentions), &a.text).cmp(&(Reverse(b.docs.len()), Reverse(b.mentions), &b.text)));
            spellings.extend(rows);
            variant_docs.sort_unstable();
            variant_docs.dedup();
            Cluster { spellings, variant_docs: variant_docs.len(), variant_mentions }
        })
        .collect();
    // Most inconsistent first: by the number of documents that write a variant, because that
    // is how many articles an editor would correct (one article repeating a slip ten times is
    // one slip); then by variant mentions, then by the canonical spelling for a stable order.
    clusters.sort_by(|a, b| {
        (Reverse(a.variant_docs), Reverse(a.variant_mentions), &a.spellings[0].text).cmp(&(Reverse(b.variant_docs), Reverse(b.variant_mentions), &b.spellings[0].text))
    });
    Spellings { total, by_outlet, by_year, dates, clusters }
}

fn distinct_docs(g: &Group) -> usize {
    let mut docs: Vec<DocId> = g.copies.iter().map(|o| o.doc).collect();
    docs.sort_unstable();
    docs.dedup();
    docs.len()
}

/// Style of the page: system fonts only (an Arabic face where the system has one), a column
/// of readable width, logical properties so that the layout follows `dir`.
const STYLE: &str = r#"
:root { --ink: #1c2329; --muted: #5d6972; --line: #dfe4e8; --bg: #f5f6f8; --card: #fff;
  --accent: #0d6b73; --accent-bg: #e5f2f2; --warn: #a8431a; --warn-bg: #fcebe2; }
* { box-sizing: border-box; }
html { background: var(--bg); }
body { margin: 0; color: var(--ink); line-height: 1.65; font-size: 16px;
  font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Segoe UI", "Tahoma",
    "Arabic Typesetting", "DejaVu Sans", "Arial", sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 24px 48px; }
header { border-block-end: 3px solid var(--accent); margin-block-end: 20px; padding-block-end: 10px; }
h1 { margin: 0; font-size: 1.9em; color: var(--accent); }
h2 { font-size: 1.35em; margin: 36px 0 8px; padding-block-end: 4px; border-block-end: 1px solid var(--line); }
h3 { margin: 0 0 6px; font-size: 1.1em; }
p.sub, p.intro, .meta { color: var(--muted); font-size: .9em; margin: 4px 0; }
.row { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 14px; }
nav { margin-block-start: 8px; font-size: .9em; }
nav a { color: var(--accent); text-decoration: none; margin-inline-end: 18px; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .82em; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin: 12px 0 18px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.card .v { display: block; font-size: 1.6em; font-weight: 700; font-variant-numeric: tabular-nums; }
.card .v.small { font-size: 1em; padding-block: 9px; white-space: nowrap; }
.card .k { display: block; color: var(--muted); font-size: .85em; }
.tables { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
table { border-collapse: collapse; background: var(--card); border: 1px solid var(--line); margin: 6px 0; }
th, td { padding: 4px 10px; border-block-end: 1px solid var(--line); text-align: start; vertical-align: top; }
thead th { background: #eef1f3; font-size: .82em; font-weight: 600; color: var(--muted); }
thead th.cols { text-align: center; border-inline-start: 1px solid var(--line); }
td.n, th.n { text-align: center; font-variant-numeric: tabular-nums; }
td.first { border-inline-start: 1px solid var(--line); }
td.zero { color: #c2c9ce; }
.cluster { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 14px 0; }
.cluster table { border: none; width: auto; min-width: 60%; }
.name { font-size: 1.35em; font-weight: 700; }
td.sp { white-space: nowrap; }
tr.canonical td.sp { font-weight: 700; color: var(--accent); }
tr.variant td.sp { color: var(--warn); }
tr.variant td.hit { background: var(--warn-bg); color: var(--warn); font-weight: 600; }
.badge { display: inline-block; font-size: .72em; padding: 0 7px; border-radius: 9px; margin-inline-start: 6px; white-space: nowrap;
  background: var(--accent-bg); color: var(--accent); font-weight: 600; vertical-align: middle; }
.badge.copy { background: #eceff1; color: var(--muted); }
.badge.warn { background: var(--warn-bg); color: var(--warn); }
.group { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 14px 0; }
ol.timeline { list-style: none; margin: 10px 0 0; padding-inline-start: 22px; border-inline-start: 3px solid var(--line); }
ol.timeline li { position: relative; margin: 0 0 12px; }
ol.timeline li::before { content: ""; position: absolute; inset-inline-start: -33px; top: 7px; width: 13px; height: 13px;
  border-radius: 50%; background: var(--card); border: 3px solid var(--line); }
ol.timeline li.source::before { border-color: var(--accent); background: var(--accent); }
blockquote { margin: 4px 0 0; padding: 6px 12px; background: #fafbfc; border-inline-start: 3px solid var(--line); font-size: 1.05em; }
li.source blockquote { border-inline-start-color: var(--accent); background: var(--accent-bg); }
.more { color: var(--muted); font-style: italic; }
footer { margin-block-start: 40px; color: var(--muted); font-size: .8em; }
@media (max-width: 720px) { .cards { grid-template-columns: repeat(2, 1fr); } }
@media print { html { background: #fff; } .cluster, .group { break-inside: avoid; } }
"#;

fn render(f: &Facts, l: &Labels, corpus: &Path, warnings: &[String]) -> String {
    let mut h = String::with_capacity(1 << 20);
    h.push_str("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(h, "<title>{} — {}</title>", esc(&l.label("report-page-title")), esc(&corpus.display().to_string()));
    let _ = writeln!(h, "<style>{STYLE}</style>\n</head>\n<body>\n<main>");
    // the corpus path goes in as an LTR token of its own, not as part of the sentence
    let written_by = l.say("report-written-by", &[("version", Val::Html(esc(env!("CARGO_PKG_VERSION")))), ("path", Val::Html(ltr(&corpus.display().to_string())))]);
    let _ = writeln!(
        h,
        "<header><h1>{}</h1><p class=\"sub\">{written_by}</p>\n<nav><a href=\"#totals\">{}</a><a href=\"#clusters\">{}</a><a href=\"#quotes\">{}</a></nav></header>",
        bdi(&l.label("report-heading")),
        bdi(&l.label("report-totals")),
        bdi(&l.label("report-clusters")),
        bdi(&l.label("report-quotes"))
    );
    render_totals(&mut h, f, l);
    render_clusters(&mut h, f, l);
    render_quotes(&mut h, f, l, corpus);
    if !warnings.is_empty() {
        let _ = writeln!(h, "<section id=\"warnings\"><h2>{} ({})</h2><ul>", bdi(&l.label("report-warnings")), num(warnings.len()));
        for w in warnings.iter().take(MAX_WARNINGS) {
            let _ = writeln!(h, "<li>{}</li>", ltr(w));
        }
        if warnings.len() > MAX_WARNINGS {
            let _ = writeln!(h, "<li class=\"more\">…</li>");
        }
        h.push_str("</ul></section>\n");
    }
    let _ = writeln!(h, "<footer>{}</footer>\n</main>\n</body>\n</html>", ltr(&format!("isnad {}", env!("CARGO_PKG_VERSION"))));
    h
}

fn card(h: &mut String, value: &str, key: &str) {
    let _ = write!(h, "<div class=\"card\"><span class=\"v\">{value}</span><span class=\"k\">{}</span></div>", bdi(key));
}

fn render_totals(h: &mut String, f: &Facts, l: &Labels) {
    let t = &f.total;
    let _ = writeln!(h, "<section id=\"totals\"><h2>{}</h2><div class=\"cards\">", bdi(&l.label("report-totals")));
    card(h, &num(t.docs), &l.label("report-documents"));
    card(h, &num(t.words), &l.label("report-words"));
    card(h, &num(t.findings), &l.label("report-findings"));
    card(h, &num(t.docs_with_findings), &l.label("report-documents-with-findings"));
    card(h, &num(f.clusters.len()), &l.label("report-variant-clusters"));
    card(h, &num(f.groups.len()), &l.label("report-quote-groups"));
    card(h, &num(f.by_outlet.keys().filter(|o| o.is_some()).count()), &l.label("report-outlets"));
    let range = match f.dates {
        Some((a, b)) if a == b => ltr(a),
        Some((a, b)) => ltr(&format!("{a} – {b}")),
        None => bdi(&l.label("report-no-dates")),
    };
    let _ = write!(h, "<div class=\"card\"><span class=\"v small\">{range}</span><span class=\"k\">{}</span></div>", bdi(&l.label("report-date-range")));
    h.push_str("</div>\n<div class=\"tables\">\n");
    for (dim, order) in [(Dim::Outlet, &f.outlet_order), (Dim::Year, &f.year_order)] {
        let (head, tallies, none) = match dim {
            Dim::Outlet => (&l.label("report-outlet"), &f.by_outlet, &l.label("report-no-outlets")),
            Dim::Year => (&l.label("report-year"), &f.by_year, &l.label("report-no-years")),
        };
        if no_metadata(order) {
            let _ = writeln!(h, "<p class=\"meta\">{}</p>", bdi(none));
            continue;
        }
        let _ = write!(h, "<table class=\"{}\"><thead><tr><th>{}</th>", match dim { Dim::Outlet => "by-outlet", Dim::Year => "by-year" }, bdi(head));
        for k in [&l.label("report-documents"), &l.label("report-words"), &l.label("report-documents-with-findings"), &l.label("report-share-with-findings"), &l.label("report-findings")] {
            let _ = write!(h, "<th class=\"n\">{}</th>", bdi(k));
        }
        h.push_str("</tr></thead><tbody>\n");
        for key in order.iter() {
            let Some(t) = tallies.get(key) else { continue };
            let share = if t.docs == 0 { 0.0 } else { 100.0 * t.docs_with_findings as f64 / t.docs as f64 };
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                key_label(*key, l),
                num(t.docs),
                num(t.words),
                num(t.docs_with_findings),
                ltr(&format!("{share:.0}%")),
                num(t.findings)
            );
        }
        h.push_str("</tbody></table>\n");
    }
    h.push_str("</div></section>\n");
}

/// Whether no document of the corpus gives an outlet (or a date): a breakdown would be one
/// "unknown" column, so the page says so instead.
fn no_metadata(order: &[Option<&str>]) -> bool {
    order.iter().all(Option::is_none)
}

/// An outlet's or year's name in a cell: isolated (a Latin outlet inside RTL), "unknown"
/// for documents without one.
fn key_label(key: Option<&str>, l: &Labels) -> String {
    match key {
        Some(k) => bdi(k),
        None => format!("<span class=\"more\">{}</span>", bdi(&l.label("report-unknown"))),
    }
}

/// The columns of one breakdown in a cluster's table: the keys present in the cluster, in the
/// page's order (so that an outlet has the same place in every table), at most
/// [`MAX_COLUMNS`] of them (those with most of the cluster's documents); whether an "other"
/// column gathers the rest.
fn columns<'w>(order: &[Option<&'w str>], counts: &HashMap<Option<&'w str>, usize>) -> (Vec<Option<&'w str>>, bool) {
    let present: Vec<Option<&str>> = order.iter().copied().filter(|k| counts.contains_key(k)).collect();
    if present.len() <= MAX_COLUMNS {
        return (present, false);
    }
    let mut by_count = present.clone();
    by_count.sort_by_key(|k| Reverse(counts.get(k).copied().unwrap_or(0)));
    by_count.truncate(MAX_COLUMNS);
    (present.into_iter().filter(|k| by_count.contains(k)).collect(), true)
}

fn render_clusters(h: &mut String, f: &Facts, l: &Labels) {
    let _ = writeln!(h, "<section id=\"clusters\"><h2>{}</h2><p class=\"intro\">{}</p>", bdi(&l.label("report-clusters")), bdi(&l.label("report-clusters-intro")));
    if f.clusters.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", bdi(&l.label("report-no-clusters")));
    }
    for c in f.clusters.iter().take(MAX_CLUSTERS) {
        // documents of every spelling, per outlet and per year
        let counts_of = |dim: Dim, docs: &[DocId]| -> HashMap<Option<&str>, usize> {
            let mut m = HashMap::new();
            for d in docs.iter().filter_map(|&d| f.ws.doc(d)) {
                *m.entry(dim.key(d)).or_insert(0) += 1;
            }
            m
        };
        let per_row: Vec<[HashMap<Option<&str>, usize>; 2]> =
            c.spellings.iter().map(|s| [counts_of(Dim::Outlet, &s.docs), counts_of(Dim::Year, &s.docs)]).collect();
        let mut cols = Vec::new();
        for (i, order) in [&f.outlet_order, &f.year_order].into_iter().enumerate() {
            let mut all: HashMap<Option<&str>, usize> = HashMap::new();
            for row in &per_row {
                for (k, n) in &row[i] {
                    *all.entry(*k).or_insert(0) += n;
                }
            }
            cols.push(if no_metadata(order) { (Vec::new(), false) } else { columns(order, &all) });
        }
        let canonical = &c.spellings[0].text;
        let summary = l.say("report-cluster-summary", &[("docs", Val::Num(c.variant_docs)), ("mentions", Val::Num(c.variant_mentions))]);
        let _ = writeln!(h, "<article class=\"cluster\"><h3><span class=\"name\" lang=\"ar\">{}</span></h3><p class=\"meta\">{}</p>", esc(canonical), summary);
        // a second header row names the outlets and years, when the corpus gives any
        let two_rows = cols.iter().any(|(keys, other)| !keys.is_empty() || *other);
        let rs = if two_rows { " rowspan=\"2\"" } else { "" };
        let _ = write!(h, "<table><thead><tr><th{rs}>{}</th><th{rs} class=\"n\">{}</th><th{rs} class=\"n\">{}</th>", bdi(&l.label("report-spelling")), bdi(&l.label("report-mentions")), bdi(&l.label("report-documents")));
        for ((keys, other), head) in cols.iter().zip([&l.label("report-documents-by-outlet"), &l.label("report-documents-by-year")]) {
            if !keys.is_empty() || *other {
                let _ = write!(h, "<th class=\"cols\" colspan=\"{}\">{}</th>", keys.len() + usize::from(*other), bdi(head));
            }
        }
        if two_rows {
            h.push_str("</tr><tr>");
        }
        for (keys, other) in &cols {
            for k in keys {
                let _ = write!(h, "<th class=\"n\">{}</th>", key_label(*k, l));
            }
            if *other {
                let _ = write!(h, "<th class=\"n\">{}</th>", bdi(&l.label("report-other")));
            }
        }
        h.push_str("</tr></thead><tbody>\n");
        for (s, row) in c.spellings.iter().zip(&per_row) {
            let (class, badge) = if s.canonical { ("canonical", format!("<span class=\"badge\">{}</span>", bdi(&l.label("report-canonical")))) } else { ("variant", String::new()) };
            let _ = write!(
                h,
                "<tr class=\"{class}\"><td class=\"sp\"><span lang=\"ar\">{}</span>{badge}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>",
                esc(&s.text),
                num(s.mentions),
                num(s.docs.len())
            );
            for (i, (keys, other)) in cols.iter().enumerate() {
                let mut cells: Vec<usize> = keys.iter().map(|k| row[i].get(k).copied().unwrap_or(0)).collect();
                if *other {
                    cells.push(s.docs.len().saturating_sub(cells.iter().sum()));
                }
                for (j, n) in cells.into_iter().enumerate() {
                    let first = if j == 0 { " first" } else { "" };
                    let class = if n == 0 { "zero" } else { "hit" };
                    let _ = write!(h, "<td class=\"n {class}{first}\">{}</td>", if n == 0 { "·".to_string() } else { num(n) });
                }
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody></table></article>\n");
    }
    if f.clusters.len() > MAX_CLUSTERS {
        let _ = writeln!(h, "<p class=\"more\">{}</p>", l.say("report-more-clusters", &[("n", Val::Num(f.clusters.len() - MAX_CLUSTERS))]));
    }
    h.push_str("</section>\n");
}

/// A document's path on the page: below the corpus folder the header names (the seeds'
/// `000_f41e951d80783e7b.txt`, not `tests/corpus/seeds/000_f41e951d80783e7b.txt`).
fn shown_path(corpus: &Path, path: &str) -> String {
    match Path::new(path).strip_prefix(corpus) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.display().to_string(),
        _ => path.to_string(),
    }
}

fn render_quotes(h: &mut String, f: &Facts, l: &Labels, corpus: &Path) {
    let _ = writeln!(h, "<section id=\"quotes\"><h2>{}</h2><p class=\"intro\">{}</p>", bdi(&l.label("report-quotes")), bdi(&l.label("report-quotes-intro")));
    if f.groups.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", bdi(&l.label("report-no-quotes")));
    }
    for g in f.groups.iter().take(MAX_GROUPS) {
        let source = g.source();
        // the same facts of a copy as `isnad quotes --format json` prints
        let copies: Vec<serde_json::Value> = g.copies.iter().take(MAX_COPIES).map(|o| super::quotes::copy_json(f.ws, o, source)).collect();
        let Some(first) = copies.first() else { continue };
        let title = super::quotes::excerpt(first["text"].as_str().unwrap_or(""), 12);
        let summary = l.say("report-group-summary", &[("copies", Val::Num(g.copies.len())), ("docs", Val::Num(distinct_docs(g)))]);
        let _ = write!(h, "<article class=\"group\"><h3 lang=\"ar\">«{}»</h3><div class=\"meta row\"><span>{}</span>", esc(&title), summary);
        // (over every copy, shown or not)
        let dates: Vec<&str> = g.copies.iter().filter_map(|o| f.ws.doc(o.doc)?.meta.date.as_deref()).collect();
        if let (Some(a), Some(b)) = (dates.iter().min(), dates.iter().max()) {
            if a != b {
                let _ = write!(h, "<span>{}</span>", l.say("report-group-dates", &[("first", Val::Html(ltr(a))), ("last", Val::Html(ltr(b)))]));
            }
        }
        if let Some(s) = first["speaker"].as_str() {
            let _ = write!(h, "<span>{}</span>", l.say("report-speaker", &[("speaker", Val::Html(bdi(s)))]));
        }
        h.push_str("</div>\n<ol class=\"timeline\">\n");
        for (k, (v, o)) in copies.iter().zip(&g.copies).enumerate() {
            let (class, badge) = if k == 0 { ("source", format!("<span class=\"badge\">{}</span>", bdi(&l.label("report-source")))) } else { ("copy", format!("<span class=\"badge copy\">{}</span>", bdi(&l.label("report-copy")))) };
            let date = v["date"].as_str().map_or_else(|| format!("<span class=\"more\">{}</span>", bdi(&l.label("report-undated"))), ltr);
            let outlet = v["outlet"].as_str().map(str::trim).filter(|o| !o.is_empty()).map_or_else(|| format!("<span class=\"more\">{}</span>", bdi(&l.label("report-unknown"))), bdi);
            let place = format!("{}:{}", shown_path(corpus, v["path"].as_str().unwrap_or("")), v["line"]);
            // one item each, so that a line that wraps never breaks an item
            let _ = write!(h, "<li class=\"{class}\"><div class=\"meta row\">{badge}<span>{date}</span><span>{outlet}</span><code>{}</code>", ltr(&place));
            if o.quote.is_none() {
                let _ = write!(h, "<span class=\"badge warn\">{}</span>", bdi(&l.label("report-unquoted")));
            }
            let (added, removed) = (v["words_added"].as_array().map_or(0, Vec::len), v["words_removed"].as_array().map_or(0, Vec::len));
            if added + removed > 0 {
                let _ = write!(h, "<span>{}</span>", l.say("report-words-changed", &[("added", Val::Num(added)), ("removed", Val::Num(removed))]));
            }
            let text = super::quotes::excerpt(v["text"].as_str().unwrap_or(""), QUOTE_WORDS);
            let _ = writeln!(h, "</div><blockquote lang=\"ar\" dir=\"rtl\">{}</blockquote></li>", esc(&text));
        }
        h.push_str("</ol>\n");
        if g.copies.len() > MAX_COPIES {
            let _ = writeln!(h, "<p class=\"more\">{}</p>", l.say("report-more-copies", &[("n", Val::Num(g.copies.len() - MAX_COPIES))]));
        }
        h.push_str("</article>\n");
    }
    if f.groups.len() > MAX_GROUPS {
        let _ = writeln!(h, "<p class=\"more\">{}</p>", l.say("report-more-groups", &[("n", Val::Num(f.groups.len() - MAX_GROUPS))]));
    }
    h.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_numbers() {
        assert_eq!(esc("<script>alert('x')</script> & \"q\""), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assert_eq!(num(0), "0");
        assert_eq!(num(999), "999");
        assert_eq!(num(31523), "31,523");
        assert_eq!(num(1234567), "1,234,567");
        // numbers choose the plural form; HTML values go in after the sentence is escaped
        let l = Labels::new(Lang::En);
        assert_eq!(l.say("report-group-summary", &[("copies", Val::Num(3)), ("docs", Val::Num(1))]), "<bdi>Copies: 3 in 1 document</bdi>");
        let written = l.say("report-written-by", &[("version", Val::Html("<b>1</b>".into())), ("path", Val::Html(ltr("a<b")))]);
        assert_eq!(written, "<bdi>Written by isnad <b>1</b> from <bdi dir=\"ltr\">a&lt;b</bdi></bdi>");
        let ar = Labels::new(Lang::Ar);
        assert_eq!(ar.say("report-group-summary", &[("copies", Val::Num(4)), ("docs", Val::Num(103))]), "<bdi>النسخ: 4 في 103 مقالات</bdi>");
    }

    #[test]
    fn columns_keep_the_page_order_and_cap() {
        let order: Vec<Option<&str>> = (0..12).map(|i| Some(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"][i])).chain([None]).collect();
        let counts: HashMap<Option<&str>, usize> = [(Some("c"), 1), (None, 5), (Some("a"), 2)].into_iter().collect();
        assert_eq!(columns(&order, &counts), (vec![Some("a"), Some("c"), None], false));
        let many: HashMap<Option<&str>, usize> = order.iter().enumerate().map(|(i, k)| (*k, i + 1)).collect();
        let (keys, other) = columns(&order, &many);
        assert!(other);
        assert_eq!(keys.len(), MAX_COLUMNS);
        // the keys with most documents, in the page's order
        assert_eq!(keys.first(), Some(&Some("f")));
        assert_eq!(keys.last(), Some(&None));
    }
}
