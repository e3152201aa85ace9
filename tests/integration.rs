//! Every integration test in one test binary: the release profile links each test binary with
//! LTO, and one link instead of ten cut the test command's build by minutes on two cores
//! (Cargo.toml: `autotests = false` and the one `[[test]]`). Each file below is a module; they
//! share `common` (the in-process test client).

mod common;

mod check_cli;
mod lsp_actions;
mod lsp_boundary;
mod lsp_config;
mod lsp_entities;
mod lsp_protocol;
mod lsp_quotes;
mod lsp_sync;
mod protocol_fuzz;
mod seed_eval;
