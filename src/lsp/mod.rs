//! The language server (thin): positions, protocol, document store.
//!
//! Built on tower-lsp-server; all judgement is the core's (`analysis`). Files:
//! - `position`: every LSP position ↔ byte offset conversion (negotiated utf-8/utf-16).
//! - `framing`: a guard that keeps a malformed frame from stopping the server, answers it,
//!   and finds the next frame.
//! - `state`: open documents (ropes), roots, configuration layers, the core's `Workspace`.
//! - `diagnostics`: findings → diagnostics, and what to publish after a change.
//! - `entities`: hover, references, rename, symbols and semantic tokens of entities.
//! - `actions`: quick fixes (replace one / all in file / all in corpus, accept a spelling).
//! - `quotes`: repeated quotes (definition, references, hover, code lenses).
//! - `backend`: the `LanguageServer` implementation and its background tasks.
//!
//! [`run_stdio`] serves stdin/stdout; [`serve`] and [`serve_service`] serve any pair of
//! streams, which is how the tests run the server in-process over `tokio::io::duplex`.

mod actions;
mod backend;
mod diagnostics;
mod entities;
mod framing;
mod quotes;
pub mod position;
mod state;

pub use backend::{Backend, Probe};
pub use diagnostics::FixData;
pub use framing::MALFORMED_METHOD;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{ClientSocket, LspService, Server};

/// How many messages the framework may handle at once. Notifications finish in their first
/// poll, so this bounds concurrent requests only.
const CONCURRENCY: usize = 32;

/// The service and its client socket, ready for [`serve_service`].
pub fn service() -> (LspService<Backend>, ClientSocket) {
    LspService::build(Backend::new).custom_method(MALFORMED_METHOD, Backend::malformed).finish()
}

/// Serve one session over `input`/`output` until `exit` (or the end of `input`).
/// Returns the process exit code the protocol asks for: 0 when `shutdown` came first, else 1.
pub async fn serve_service<I, O>(service: LspService<Backend>, socket: ClientSocket, input: I, mut output: O) -> i32
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin,
{
    let probe = service.inner().probe();
    let shutdown_seen = Arc::new(AtomicBool::new(false));
    let (input, answers) = framing::guard(input, shutdown_seen.clone());
    // the server's frames pass through the guard's pump, which writes its answers to bad
    // messages between them
    let (server_output, from_server) = tokio::io::duplex(64 * 1024);
    let server = Server::new(input, server_output, socket).concurrency_level(CONCURRENCY).serve(service);
    tokio::join!(server, framing::pump(from_server, answers, &mut output));
    probe.stop_background_tasks();
    if probe.shutdown_received() || shutdown_seen.load(Ordering::SeqCst) { 0 } else { 1 }
}

/// [`serve_service`] with a fresh service.
pub async fn serve<I, O>(input: I, output: O) -> i32
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin,
{
    let (service, socket) = service();
    serve_service(service, socket, input, output).await
}

/// `isnad lsp`: serve on stdin/stdout; returns the exit code (0 after shutdown + exit).
pub fn run_stdio() -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("isnad: cannot start the async runtime: {e}");
            return 2;
        }
    };
    let code = runtime.block_on(async {
        // On a worker thread, so the framework's loop never shares a thread with block_on.
        tokio::spawn(serve(tokio::io::stdin(), tokio::io::stdout())).await.unwrap_or(1)
    });
    // The stdin reader may still be blocked in a read: do not wait for it.
    runtime.shutdown_timeout(std::time::Duration::from_millis(100));
    code
}
