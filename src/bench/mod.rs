//! Benchmark corpus generator and benchmark runner.

pub mod generate;
pub mod run;
pub use run::{run_bench, run_generate};
