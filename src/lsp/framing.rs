//! A guard in front of the framework's reader, so that one bad frame cannot stop the server.
//!
//! tower-lsp-server reads `Content-Length` frames with a tokio-util `FramedRead`, which ends
//! the stream after the first decoding error: a frame whose body is not a JSON-RPC message
//! (or a header block without `Content-Length`) would make the server stop reading and exit.
//! JSON-RPC asks a server to answer a parse error and carry on, so every frame is checked
//! here first: well-formed messages are passed through unchanged (with normalised headers);
//! a bad one is replaced by the notification [`MALFORMED_METHOD`], which the backend logs.
//!
//! It also notes a `shutdown` request passing through: the framework cancels requests still
//! pending when `exit` arrives, so a client that sends `exit` right after `shutdown` without
//! waiting could otherwise get exit code 1.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::json;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tower_lsp_server::jsonrpc::{Request, Response};

/// Sent to the backend in place of a frame that is not a JSON-RPC message.
pub const MALFORMED_METHOD: &str = "$/isnad/malformedMessage";

/// A header line longer than this is garbage.
const MAX_HEADER_LINE: u64 = 8 * 1024;

/// Whether `body` is a message the framework's codec will accept; notes `shutdown`.
fn is_message(body: &[u8], shutdown: &AtomicBool) -> bool {
    match serde_json::from_slice::<Request>(body) {
        Ok(req) => {
            if req.method() == "shutdown" && req.id().is_some() {
                shutdown.store(true, Ordering::SeqCst);
            }
            true
        }
        Err(_) => serde_json::from_slice::<Response>(body).is_ok(),
    }
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn notice(reason: String) -> Vec<u8> {
    let msg = json!({"jsonrpc": "2.0", "method": MALFORMED_METHOD, "params": {"reason": reason}});
    frame(msg.to_string().as_bytes())
}

/// Read frames from `input` and hand only well-formed ones on through the returned stream;
/// `shutdown` is set when a `shutdown` request passes. Must be called inside a tokio runtime
/// (it spawns the pump). The stream ends when `input` does; the pump stops when the reader
/// side is dropped.
pub fn guard<R>(input: R, shutdown: Arc<AtomicBool>) -> DuplexStream
where
    R: AsyncRead + Unpin + Send + 'static,
{
    let (mut tx, rx) = tokio::io::duplex(64 * 1024);
    tokio::spawn(async move {
        let mut reader = BufReader::with_capacity(64 * 1024, input);
        let mut line = Vec::new();
        loop {
            // Header block: lines up to an empty one. Blank lines before any header are skipped.
            let mut content_length: Option<usize> = None;
            let mut bad_header: Option<String> = None;
            let mut seen = false;
            loop {
                line.clear();
                match (&mut reader).take(MAX_HEADER_LINE).read_until(b'\n', &mut line).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
                let text = String::from_utf8_lossy(&line);
                let text = text.trim_end_matches(['\r', '\n']);
                if text.is_empty() {
                    if seen {
                        break;
                    }
                    continue;
                }
                seen = true;
                match text.split_once(':') {
                    Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                        match value.trim().parse::<usize>() {
                            Ok(n) => content_length = Some(n),
                            Err(_) => bad_header = Some(format!("bad Content-Length {:?}", value.trim())),
                        }
                    }
                    Some(_) => {} // Content-Type and others: the body is UTF-8 JSON either way
                    None => bad_header = Some(format!("not a header line: {:.60?}", text)),
                }
            }
            let out = match content_length {
                None => notice(bad_header.unwrap_or_else(|| "header without Content-Length".into())),
                Some(n) => {
                    let mut body = Vec::with_capacity(n.min(1 << 20));
                    match (&mut reader).take(n as u64).read_to_end(&mut body).await {
                        Ok(got) if got == n => {}
                        _ => return, // end of input inside a body
                    }
                    if is_message(&body, &shutdown) {
                        frame(&body)
                    } else {
                        let shown = String::from_utf8_lossy(&body[..body.len().min(60)]).into_owned();
                        notice(format!("a {n}-byte body that is not a JSON-RPC message: {shown:?}"))
                    }
                }
            };
            if tx.write_all(&out).await.is_err() {
                return; // the server stopped reading (exit)
            }
        }
    });
    rx
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn run(input: &'static [u8]) -> String {
        let mut out = guard(input, Arc::default());
        let mut s = String::new();
        out.read_to_string(&mut s).await.unwrap();
        s
    }

    #[tokio::test]
    async fn passes_messages_and_replaces_garbage() {
        let ok = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = format!(
            "Content-Length: {}\r\ncontent-type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{ok}\
             Content-Length: 12\r\n\r\n{{not json!!}}\
             Content-Length: 8\r\n\r\n{{\"a\": 1}}\
             garbage\r\n\r\n\
             Content-Length: {}\r\n\r\n{ok}",
            ok.len(),
            ok.len()
        );
        let out = run(Box::leak(input.into_bytes().into_boxed_slice())).await;
        let frames: Vec<&str> = out.split("Content-Length: ").filter(|f| !f.is_empty()).collect();
        assert_eq!(frames.len(), 5, "{out}");
        assert!(frames[0].ends_with(ok));
        assert!(frames[1].contains(MALFORMED_METHOD) && frames[1].contains("not json"));
        assert!(frames[3].contains("not a header line"), "{}", frames[3]);
        assert!(frames[4].ends_with(ok));
        assert!(!frames[0].contains("content-type"));
    }

    #[tokio::test]
    async fn ends_with_the_input() {
        assert_eq!(run(b"Content-Length: 50\r\n\r\n{\"jsonrpc\"").await, "");
        assert_eq!(run(b"").await, "");
    }
}
