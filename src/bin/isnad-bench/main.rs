//! `isnad-bench`: the synthetic benchmark corpus and the in-process benchmark, a development
//! tool kept out of the product binary (`isnad`): the generator alone is 2,000 lines.
//!
//!     cargo run --release --features bench --bin isnad-bench -- gen-corpus /tmp/isnad-bench-corpus
//!     cargo run --release --features bench --bin isnad-bench -- bench /tmp/isnad-bench-corpus --edits 100

mod generate;
mod run;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

// the allocator the product binary runs with, so that the numbers are the server's
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser, Debug)]
#[command(name = "isnad-bench", version, about = "Benchmarks of isnad: a deterministic synthetic corpus, and indexing, edit latency and memory on any corpus")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Write a deterministic synthetic corpus for benchmarks.
    GenCorpus {
        out: PathBuf,
        #[arg(long, default_value_t = 30_000)]
        articles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Benchmark cold indexing, didChange → diagnostics latency and memory on a corpus.
    Bench {
        /// Corpus folder (see gen-corpus), or any folder of articles.
        corpus: PathBuf,
        /// Number of edits for the latency measurement (0: measure indexing only).
        #[arg(long, default_value_t = 200)]
        edits: usize,
    },
}

fn main() {
    let code = match Cli::parse().command {
        Command::GenCorpus { out, articles, seed } => run::run_generate(&out, articles, seed),
        Command::Bench { corpus, edits } => run::run_bench(&corpus, edits),
    };
    std::process::exit(code);
}
