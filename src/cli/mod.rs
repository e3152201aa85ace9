//! Command-line front ends on the same core: `lsp`, `check`, `quotes`, `explain`, `report`.
//! (The benchmark corpus generator and the benchmark are `isnad-bench`, src/bin/isnad-bench.)

pub mod check;
pub mod quotes;
pub mod report;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(name = "isnad", version, about = "A language server for folders of news articles: consistent name spellings, entities, repeated quotes")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Serve the Language Server Protocol on stdio (what VS Code's client appends).
    #[arg(long, global = false)]
    stdio: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// `isnad check`'s output: text, JSON, or SARIF 2.1.0 (for code scanning in CI).
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum CheckFormat {
    Text,
    Json,
    Sarif,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the Language Server Protocol on stdio.
    Lsp {
        /// Accepted for clients that append it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Check a corpus (folders and files) and print its findings.
    Check {
        /// Folders or files; a folder is a corpus root (isnad.toml there is read).
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// List the reuse groups of a corpus: quotes printed in more than one document, source first.
    Quotes {
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write one self-contained HTML page about a corpus: totals, names spelt more than one
    /// way by outlet and year, reprinted quotes as timelines.
    Report {
        /// A corpus folder (isnad.toml there is read) or a single file.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// The HTML file to write (`-` for standard output); required.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Show why words of a corpus are (or are not) treated as names, and their clusters.
    Explain {
        corpus: PathBuf,
        /// The words to explain (at least one).
        #[arg(required = true)]
        words: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        None if cli.stdio => lsp_entry(),
        None => {
            eprintln!("{}", crate::l10n::tr(crate::l10n::Lang::from_env(), "cli-no-command"));
            2
        }
        Some(Command::Lsp { .. }) => lsp_entry(),
        Some(Command::Check { paths, format }) => check::run(&paths, format),
        Some(Command::Quotes { paths, format }) => quotes::run(&paths, format),
        Some(Command::Report { path, output }) => report::run(&path, output.as_deref()),
        Some(Command::Explain { corpus, words, format }) => check::explain(&corpus, &words, format),
    }
}

fn lsp_entry() -> i32 {
    crate::lsp::run_stdio()
}
