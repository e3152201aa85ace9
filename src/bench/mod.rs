//! Benchmark corpus generator and benchmark runner.
