//! `isnad gen-corpus` and `isnad bench`.
//!
//! The benchmark measures what a user feels, on the core the server runs: cold indexing of
//! the whole corpus (scan + read + summarise + aggregate), and the time from one edit of an
//! open document to the diagnostics of every open document (upsert + findings, as the
//! server's publish step computes them), and peak resident memory.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use crate::analysis::Workspace;
use crate::corpus::config::Config;
use crate::corpus::scan::{scan, FileFilter};

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
        eprintln!("isnad: {} is not a folder (make one with `isnad gen-corpus`)", corpus.display());
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
    match (rss_after_index, peak_rss_mib()) {
        (Some(a), Some(b)) => println!("peak RSS: {a:.0} MiB after indexing, {b:.0} MiB at the end"),
        _ => println!("peak RSS: not available on this platform"),
    }
    0
}
