//! The language server (thin): positions, protocol, document store.
