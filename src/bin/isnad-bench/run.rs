//! `isnad-bench gen-corpus` and `isnad-bench bench`.
//!
//! The benchmark measures what a user feels, on the core the server runs: cold indexing of
//! the whole corpus (scan + read + summarise + aggregate), and the time from one edit of an
//! open document to the diagnostics of every open document (upsert + findings, as the
//! server's publish step computes them), and peak resident memory.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use isnad::analysis::Workspace;
use isnad::corpus::config::Config;
use isnad::corpus::scan::{scan, FileFilter};

use super::generate::{generate, GenOptions};

pub fn run_generate(out: &Path, articles: usize, seed: u64) -> i32 {
    let defaults = GenOptions::default();
    let scale = articles as f64 / defaults.articles as f64;
    let opts = GenOptions {
        articles,
        seed,
        target_bytes: (defaults.target_bytes as f64 * scale) as u64,
        vocabulary: ((defaults.vocabulary as f64 * scale.min(1.0)) as usize).max(1000),
        names: ((defaults.names as f64 * scale.min(1.0)) as usize).max(100),
    };
    let t = Instant::now();
    match generate(out, &opts) {
        Ok(r) => {
            println!(
                "wrote {} articles, {:.1} MB, {} word types, {} names ({} variant spellings), {} shared quotes to {} in {:.1} s",
                r.articles,
                r.bytes as f64 / 1e6,
                r.word_types,
                r.names,
                r.variant_spellings,
                r.shared_quotes,
                out.display(),
                t.elapsed().as_secs_f64()
            );
            0
        }
        Err(e) => {
            eprintln!("isnad: cannot write {}: {e}", out.display());
            2
        }
    }
}

/// Peak resident set size of this process (VmHWM), in MiB.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((p * (sorted.len() - 1) as f64).round() as usize).min(sorted.len() - 1)]
}

pub fn run_bench(corpus: &Path, edits: usize) -> i32 {
    if !corpus.is_dir() {
        eprintln!("isnad: {} is not a folder (make one with `isnad-bench gen-corpus`)", corpus.display());
        return 2;
    }
    let config = Config::default();
    let filter = match FileFilter::new(&config.corpus) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("isnad: {e}");
            return 2;
        }
    };
    let t0 = Instant::now();
    let scanned = scan(corpus, &filter);
    let t_scan = t0.elapsed().as_secs_f64();
    let bytes = scanned.bytes;
    let mut ws = Workspace::new(config);
    ws.load(scanned.files);
    let t_index = t0.elapsed().as_secs_f64();
    println!(
        "cold index: {} documents, {:.1} MB in {:.2} s (scan+read {:.2} s, analysis {:.2} s)",
        ws.doc_count(),
        bytes as f64 / 1e6,
        t_index,
        t_scan,
        t_index - t_scan
    );
    let rss_after_index = peak_rss_mib();
    let (spellings, bigrams, postings, skeletons) = ws.index_sizes();
    println!("index: {spellings} spellings ({bigrams} two-word), {postings} document postings, {skeletons} skeleton keys");

    // "Open" a handful of documents, as an editor session would, and edit one of them.
    let order = ws.docs_in_order();
    if order.is_empty() {
        eprintln!("isnad: no documents in {}", corpus.display());
        return 2;
    }
    let open: Vec<u32> = order.iter().step_by((order.len() / 8).max(1)).take(8).copied().collect();
    let t = Instant::now();
    let mut total_findings = 0;
    for &id in &open {
        total_findings += ws.spelling_findings(id).len();
    }
    println!("first diagnostics of {} open documents: {} findings in {:.1} ms", open.len(), total_findings, t.elapsed().as_secs_f64() * 1e3);

    if edits == 0 {
        // indexing only
        if let (Some(a), Some(b)) = (rss_after_index, peak_rss_mib()) {
            println!("peak RSS: {a:.0} MiB after indexing, {b:.0} MiB at the end");
        }
        return 0;
    }
    let edited = open[0];
    let doc = ws.doc(edited).expect("open document exists").clone();
    let mut text = doc.text.to_string();
    let mut latencies = Vec::with_capacity(edits);
    for i in 0..edits {
        // type at the end of the document: a letter, then a space, alternately
        text.push(if i % 2 == 0 { 'ب' } else { ' ' });
        let t = Instant::now();
        ws.upsert(doc.rel_path.clone(), doc.abs_path.clone(), Arc::from(text.as_str()));
        for &id in &open {
            std::hint::black_box(ws.spelling_findings(id));
        }
        latencies.push(t.elapsed().as_secs_f64() * 1e3);
    }
    latencies.sort_by(f64::total_cmp);
    println!(
        "didChange -> diagnostics of {} open documents ({} edits): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        open.len(),
        edits,
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.95),
        latencies.last().copied().unwrap_or(0.0)
    );
    bench_quotes(&mut ws);
    bench_entities(&ws, &open);
    match (rss_after_index, peak_rss_mib()) {
        (Some(a), Some(b)) => println!("peak RSS: {a:.0} MiB after indexing, {b:.0} MiB at the end"),
        _ => println!("peak RSS: not available on this platform"),
    }
    0
}

/// Entities: hover (mention at a position + entity description), references and workspace
/// symbol search, on the mentions of the open documents.
fn bench_entities(ws: &Workspace, open: &[u32]) {
    // what the server does in the background after its first diagnostics
    let t = Instant::now();
    let warmed = ws.with_analyzer(|an| {
        let keys = an.widespread_entities(isnad::analysis::entities::WARM_MIN_DOCS, isnad::analysis::entities::WARM_LIMIT);
        for k in &keys {
            std::hint::black_box(an.references(k));
        }
        keys.len()
    });
    println!(
        "references looked up ahead (server, in the background after indexing): {warmed} widespread entities in {:.2} s, positions kept {:.1} MiB",
        t.elapsed().as_secs_f64(),
        ws.hit_cache_bytes() as f64 / (1 << 20) as f64
    );
    let mentions: Vec<_> = ws.with_analyzer(|an| open.iter().flat_map(|&d| an.entity_mentions(d)).collect());
    let sample: Vec<_> = mentions.iter().step_by((mentions.len() / 200).max(1)).take(200).collect();
    let (mut hover, mut refs, mut search) = (Vec::new(), Vec::new(), Vec::new());
    // the first lookup of an entity reads its documents; later ones reuse the positions found
    let (mut first_refs, mut looked_up) = (Vec::new(), std::collections::HashSet::new());
    let mut total_refs = 0;
    let mut full_scan_differs = 0;
    let mut slowest = Vec::new();
    for m in &sample {
        let t = Instant::now();
        let e = ws.with_analyzer(|an| an.mention_at(m.doc, m.span.start).and_then(|x| an.entity(&x.key, Some(m.doc))));
        std::hint::black_box(e);
        hover.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let found = ws.with_analyzer(|an| an.references(&m.key));
        refs.push(t.elapsed().as_secs_f64() * 1e3);
        slowest.push((t.elapsed().as_secs_f64() * 1e3, m.key.clone(), found.len()));
        if looked_up.insert(m.key.clone()) {
            first_refs.push(t.elapsed().as_secs_f64() * 1e3);
        }
        total_refs += found.len();
        let t = Instant::now();
        std::hint::black_box(ws.with_analyzer(|an| an.search(&m.spelling, 50)));
        search.push(t.elapsed().as_secs_f64() * 1e3);
    }
    // The literal search must find exactly what reading every document finds. Checked after
    // the timings: a full scan reads tens of megabytes and would leave every timed lookup
    // after it with cold CPU caches.
    for key in &looked_up {
        if ws.with_analyzer(|an| an.references_full_scan(key) != an.references(key)) {
            full_scan_differs += 1;
        }
    }
    for v in [&mut hover, &mut refs, &mut first_refs, &mut search] {
        v.sort_by(f64::total_cmp);
    }
    println!(
        "entities ({} mentions sampled): hover p50 {:.2} ms, p95 {:.2} ms; references p50 {:.2} ms, p95 {:.2} ms, max {:.1} ms ({} locations; first lookup of each of {} entities p50 {:.2} ms, p95 {:.2} ms); workspace symbol p50 {:.2} ms, p95 {:.2} ms",
        sample.len(),
        percentile(&hover, 0.5),
        percentile(&hover, 0.95),
        percentile(&refs, 0.5),
        percentile(&refs, 0.95),
        refs.last().copied().unwrap_or(0.0),
        total_refs,
        first_refs.len(),
        percentile(&first_refs, 0.5),
        percentile(&first_refs, 0.95),
        percentile(&search, 0.5),
        percentile(&search, 0.95)
    );
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let slowest: Vec<String> = slowest.iter().take(3).map(|(ms, key, n)| format!("{key:?} {ms:.1} ms ({n} mentions)")).collect();
    println!("slowest references: {}", slowest.join("; "));
    println!("references' kept match positions: {:.1} MiB", ws.hit_cache_bytes() as f64 / (1 << 20) as f64);
    if full_scan_differs > 0 {
        println!("WARNING: references differ from a full scan for {full_scan_differs} of {} entities", looked_up.len());
    }
}

/// Repeated quotes: index size, definition/references latency (the core call the server makes:
/// the quote's group), and an edit inside a reprinted quote followed by a lookup.
fn bench_quotes(ws: &mut Workspace) {
    use isnad::analysis::quotes::group_at;
    let (docs, quotes, words, postings, bytes) = ws.quotes().sizes();
    println!(
        "quote index: {quotes} quotes in {docs} documents, {words} word fingerprints, {postings} postings, ~{:.0} MiB",
        bytes as f64 / 1048576.0
    );
    let order = ws.docs_in_order();
    // what quotes add to the cold index: extraction (parallel in `load`) and insertion, on a sample
    let sample: Vec<u32> = order.iter().step_by(10).copied().collect();
    let t = Instant::now();
    let extracted: Vec<_> = sample.iter().filter_map(|&d| ws.doc(d)).map(|d| isnad::analysis::quotes::extract(d, ws.lexicon())).collect();
    let t_extract = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut fresh = isnad::analysis::quotes::QuoteIndex::default();
    for (d, q) in sample.iter().zip(extracted) {
        fresh.insert(*d, q);
    }
    let t_insert = t.elapsed().as_secs_f64();
    drop(fresh);
    let scale = order.len() as f64 / sample.len().max(1) as f64;
    println!(
        "quote indexing cost, extrapolated from {} documents: extraction {:.2} s CPU (parallel in load), insertion {:.2} s",
        sample.len(),
        t_extract * scale,
        t_insert * scale
    );
    let mut lat = Vec::new();
    let mut linked = Vec::new();
    for &d in order.iter().step_by((order.len() / 300).max(1)) {
        let Some(dq) = ws.quotes().doc(d) else { continue };
        for q in dq.quotes.clone() {
            let mid = (q.span.start + q.span.end) / 2;
            let t = Instant::now();
            let g = group_at(ws, d, mid);
            lat.push(t.elapsed().as_secs_f64() * 1e3);
            if g.is_some_and(|g| g.copies.len() > 1) {
                linked.push((d, q.span.clone()));
            }
        }
    }
    lat.sort_by(f64::total_cmp);
    println!(
        "quote definition/references ({} lookups, {} in reprinted quotes): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        lat.len(),
        linked.len(),
        percentile(&lat, 0.5),
        percentile(&lat, 0.95),
        lat.last().copied().unwrap_or(0.0)
    );
    let mut edit_lat = Vec::new();
    for (i, (d, span)) in linked.iter().take(100).enumerate() {
        let Some(doc) = ws.doc(*d).cloned() else { continue };
        let mut text = doc.text.to_string();
        let at = isnad::corpus::document::floor_char_boundary(&text, (span.start + span.end) / 2);
        text.insert_str(at, if i % 2 == 0 { "ب" } else { " كلمة " });
        let t = Instant::now();
        ws.upsert(doc.rel_path.clone(), doc.abs_path.clone(), Arc::from(text.as_str()));
        std::hint::black_box(group_at(ws, *d, span.start + 1));
        edit_lat.push(t.elapsed().as_secs_f64() * 1e3);
        ws.upsert(doc.rel_path.clone(), doc.abs_path.clone(), doc.text.clone());
    }
    edit_lat.sort_by(f64::total_cmp);
    println!(
        "edit inside a reprinted quote -> re-linked ({} edits): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        edit_lat.len(),
        percentile(&edit_lat, 0.5),
        percentile(&edit_lat, 0.95),
        edit_lat.last().copied().unwrap_or(0.0)
    );
}
