//! isnad: a language server for folders of news articles.
//!
//! Layers, each using only the ones above it in this list:
//! `text` (normalise, tokenize; byte spans in, byte spans out) → `corpus` (documents,
//! configuration, workspace scan) → `analysis` (names, spelling clusters, findings) →
//! `lsp` and `cli` (thin front ends). `l10n`, the message catalogue, turns findings and labels
//! into sentences in English or Arabic for both front ends. See ARCHITECTURE.md.

pub mod analysis;
pub mod cli;
pub mod corpus;
pub mod l10n;
pub mod lsp;
pub mod text;
