//! Documents, front matter, configuration and the workspace scan.

pub mod config;
pub mod document;
pub mod scan;
