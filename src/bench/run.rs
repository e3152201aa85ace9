//! `isnad gen-corpus` and `isnad bench`. (Being written.)

use std::path::Path;

pub fn run_generate(_out: &Path, _articles: usize, _seed: u64) -> i32 {
    eprintln!("isnad: gen-corpus is not wired yet");
    2
}

pub fn run_bench(_corpus: &Path, _edits: usize) -> i32 {
    eprintln!("isnad: bench is not wired yet");
    2
}
