//! A guard in front of the framework's reader and writer, so that no frame can stop the
//! server or leave a client waiting.
//!
//! tower-lsp-server reads `Content-Length` frames with a tokio-util `FramedRead`, which ends
//! the stream after the first decoding error: a frame whose body is not a JSON-RPC message
//! (or a header block without `Content-Length`) would make the server stop reading and exit.
//! So every frame is checked here first: well-formed messages are passed through unchanged
//! (with normalised headers); a bad one is logged (the notification [`MALFORMED_METHOD`] to
//! the backend) and answered as JSON-RPC 2.0 asks, with `id: null` unless the message has a
//! usable one: −32700 when the body is not JSON (or not UTF-8), −32600 when it is JSON but no
//! request, notification or response (an id that is a float, a boolean, an object or beyond
//! 64 bits; a batch array). The answers reach the client through [`Replies`], which writes
//! them between the server's own frames.
//!
//! Framing resynchronises: a `Content-Length` header is found wherever it starts (after a frame
//! whose declared length was too short, the rest of its body is glued to the next header), and
//! a frame longer than [`max_message_bytes`] is answered and skipped line by line without being
//! kept, until the next header. A message whose strings hold unpaired UTF-16 surrogates
//! (`\ud800`, which serde_json refuses) is passed on with U+FFFD in their place, and logged.
//!
//! It also notes a `shutdown` request passing through: the framework cancels requests still
//! pending when `exit` arrives, so a client that sends `exit` right after `shutdown` without
//! waiting could otherwise get exit code 1.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Request, Response};

/// Sent to the backend in place of a frame that is not a JSON-RPC message (and beside one
/// that was repaired), with a sentence for the log as `reason`.
pub const MALFORMED_METHOD: &str = "$/isnad/malformedMessage";

/// A header line longer than this is garbage (read in pieces of this size).
const MAX_HEADER_LINE: u64 = 8 * 1024;

/// The default longest message, in MiB: a document of the corpus is at most a few MiB.
const DEFAULT_MAX_MESSAGE_MIB: usize = 64;

/// The longest message read: `ISNAD_MAX_MESSAGE_MIB` (whole MiB, at least 1), else 64 MiB.
pub fn max_message_bytes() -> usize {
    let mib = std::env::var("ISNAD_MAX_MESSAGE_MIB").ok().and_then(|v| v.trim().parse::<usize>().ok()).filter(|&m| m >= 1);
    mib.unwrap_or(DEFAULT_MAX_MESSAGE_MIB).saturating_mul(1 << 20)
}

/// What the guard makes of one frame's body.
#[derive(Debug, PartialEq)]
enum Verdict {
    /// A message for the framework: the body as received.
    Pass,
    /// A message for the framework once its unpaired surrogates are replaced: the repaired body.
    Repaired(Vec<u8>),
    /// Not a message: what to log, and the error to answer (none to a broken response).
    Reject { reason: String, answer: Option<Value> },
}

fn error_answer(id: Value, code: i64, message: String) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

/// The id to answer an invalid request with: its own when usable (a string, or an integer
/// that fits 64 bits), else null.
fn usable_id(v: &Value) -> Value {
    match v.get("id") {
        Some(id @ Value::String(_)) => id.clone(),
        Some(id @ Value::Number(n)) if n.is_i64() => id.clone(),
        _ => Value::Null,
    }
}

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

/// `\uXXXX` escapes of unpaired UTF-16 surrogates replaced by `\ufffd`; None when there is none.
fn without_lone_surrogates(body: &[u8]) -> Option<Vec<u8>> {
    let hex = |at: usize| -> Option<u16> {
        let digits = body.get(at..at + 4)?;
        u16::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
    };
    // the code unit of a `\u` escape starting at `at` (the backslash)
    let escape = |at: usize| -> Option<u16> { (body.get(at..at + 2)? == b"\\u").then(|| hex(at + 2)).flatten() };
    let mut out = Vec::with_capacity(body.len());
    let mut changed = false;
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'\\' {
            match escape(i) {
                Some(0xD800..=0xDBFF) if escape(i + 6).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low)) => {
                    out.extend_from_slice(&body[i..i + 12]);
                    i += 12;
                }
                Some(0xD800..=0xDFFF) => {
                    out.extend_from_slice(b"\\ufffd");
                    changed = true;
                    i += 6;
                }
                _ => {
                    // any other escape, kept whole (an escaped backslash must not start a \u)
                    let n = if body.get(i + 1) == Some(&b'u') { 6 } else { 2 };
                    let end = (i + n).min(body.len());
                    out.extend_from_slice(&body[i..end]);
                    i = end;
                }
            }
        } else {
            out.push(body[i]);
            i += 1;
        }
    }
    changed.then_some(out)
}

fn judge(body: &[u8], shutdown: &AtomicBool) -> Verdict {
    if is_message(body, shutdown) {
        return Verdict::Pass;
    }
    let shown = || String::from_utf8_lossy(&body[..body.len().min(60)]).into_owned();
    let n = body.len();
    if let Some(repaired) = without_lone_surrogates(body) {
        if is_message(&repaired, shutdown) {
            return Verdict::Repaired(repaired);
        }
    }
    match serde_json::from_slice::<Value>(body) {
        Err(e) => Verdict::Reject {
            reason: format!("a {n}-byte body that is not JSON ({e}): {:?}", shown()),
            answer: Some(error_answer(Value::Null, -32700, format!("Parse error: {e}"))),
        },
        // a response the client sent that the framework cannot read: nobody waits for an answer
        Ok(v) if v.get("method").is_none() && (v.get("result").is_some() || v.get("error").is_some()) => Verdict::Reject {
            reason: format!("a {n}-byte response that is not a JSON-RPC response: {:?}", shown()),
            answer: None,
        },
        Ok(v) => {
            let what = if v.is_array() { "a batch, which the Language Server Protocol does not use" } else { "not a JSON-RPC request or notification" };
            Verdict::Reject {
                reason: format!("a {n}-byte body that is {what}: {:?}", shown()),
                answer: Some(error_answer(usable_id(&v), -32600, format!("Invalid Request: {what}"))),
            }
        }
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

/// The `Content-Length` value of a header line, wherever the header starts in it (the rest
/// of a body whose declared length was short comes before it), case-insensitive.
fn content_length_in(line: &str) -> Option<Result<usize, String>> {
    let at = line.to_ascii_lowercase().find("content-length:")?;
    let value = line[at + "content-length:".len()..].trim();
    Some(value.parse::<usize>().map_err(|_| format!("bad Content-Length {value:?}")))
}

/// Answers for the client that the guard wrote (parse errors, invalid requests).
pub type Replies = mpsc::UnboundedReceiver<Vec<u8>>;

/// Read frames from `input` and hand only well-formed ones on through the returned stream;
/// answers to bad ones come out of the returned [`Replies`], to be written with [`pump`].
/// `shutdown` is set when a `shutdown` request passes. Must be called inside a tokio runtime
/// (it spawns the reader). The stream ends when `input` does; the reader stops when the
/// stream is dropped.
pub fn guard<R>(input: R, shutdown: Arc<AtomicBool>) -> (DuplexStream, Replies)
where
    R: AsyncRead + Unpin + Send + 'static,
{
    let (mut tx, rx) = tokio::io::duplex(64 * 1024);
    let (answer_tx, answers) = mpsc::unbounded_channel();
    let max_body = max_message_bytes();
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
                match content_length_in(text) {
                    Some(Ok(n)) => content_length = Some(n),
                    Some(Err(e)) => bad_header = Some(e),
                    None if text.contains(':') => {} // Content-Type and others: the body is UTF-8 JSON either way
                    None => bad_header = Some(format!("not a header line: {:.60?}", text)),
                }
            }
            let mut out = Vec::new();
            match content_length {
                None => out.extend(notice(format!("ignored a malformed message: {}", bad_header.as_deref().unwrap_or("header without Content-Length")))),
                Some(n) if n > max_body => {
                    // not read: what follows is skipped line by line up to the next header
                    out.extend(notice(format!("ignored a malformed message: a frame of {n} bytes, over the limit of {max_body} (ISNAD_MAX_MESSAGE_MIB)")));
                    let message = format!("Invalid Request: a message of {n} bytes, over the server's limit of {max_body}");
                    let _ = answer_tx.send(frame(error_answer(Value::Null, -32600, message).to_string().as_bytes()));
                }
                Some(n) => {
                    let mut body = Vec::with_capacity(n.min(1 << 20));
                    match (&mut reader).take(n as u64).read_to_end(&mut body).await {
                        Ok(got) if got == n => {}
                        _ => return, // end of input inside a body
                    }
                    match judge(&body, &shutdown) {
                        // (every message passes here: no copy of its body, no second look)
                        Verdict::Pass => out.extend(frame(&body)),
                        Verdict::Repaired(message) => {
                            out.extend(notice("read a message with unpaired UTF-16 surrogates, with U+FFFD in their place".to_string()));
                            out.extend(frame(&message));
                        }
                        Verdict::Reject { reason, answer } => {
                            out.extend(notice(format!("ignored a malformed message: {reason}")));
                            if let Some(answer) = answer {
                                let _ = answer_tx.send(frame(answer.to_string().as_bytes()));
                            }
                        }
                    }
                }
            }
            if tx.write_all(&out).await.is_err() {
                return; // the server stopped reading (exit)
            }
        }
    });
    (rx, answers)
}

/// Copy the server's frames from `from` to `output`, and the guard's answers between them,
/// until the server's side ends; answers still queued then are written before returning.
pub async fn pump<O>(mut from: DuplexStream, mut answers: Replies, output: &mut O)
where
    O: AsyncWrite + Unpin,
{
    let mut pending: Vec<u8> = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut answers_open = true;
    loop {
        tokio::select! {
            read = from.read(&mut buf) => match read {
                Ok(0) | Err(_) => break,
                Ok(k) => {
                    pending.extend_from_slice(&buf[..k]);
                    let whole = complete_frames(&pending);
                    if whole > 0 {
                        if output.write_all(&pending[..whole]).await.is_err() || output.flush().await.is_err() {
                            return;
                        }
                        pending.drain(..whole);
                    }
                }
            },
            answer = answers.recv(), if answers_open => match answer {
                Some(bytes) => {
                    if output.write_all(&bytes).await.is_err() || output.flush().await.is_err() {
                        return;
                    }
                }
                None => answers_open = false,
            },
        }
    }
    let _ = output.write_all(&pending).await;
    while let Ok(bytes) = answers.try_recv() {
        let _ = output.write_all(&bytes).await;
    }
    let _ = output.flush().await;
}

/// How many leading bytes of `buf` are whole frames (`Content-Length: n`, a blank line, n bytes).
fn complete_frames(buf: &[u8]) -> usize {
    let mut at = 0;
    loop {
        let rest = &buf[at..];
        let Some(end) = rest.windows(4).position(|w| w == b"\r\n\r\n") else { return at };
        let header = String::from_utf8_lossy(&rest[..end]);
        let Some(Ok(n)) = header.lines().find_map(content_length_in) else {
            // the framework's own output is always well framed; pass anything else on whole
            return buf.len();
        };
        let total = end + 4 + n;
        if rest.len() < total {
            return at;
        }
        at += total;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The frames handed to the framework and the answers for the client.
    async fn run(input: &'static [u8]) -> (String, Vec<Value>) {
        let (mut out, mut answers) = guard(input, Arc::default());
        let mut s = String::new();
        out.read_to_string(&mut s).await.unwrap();
        let mut replies = Vec::new();
        while let Some(bytes) = answers.recv().await {
            let body = &bytes[bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4..];
            replies.push(serde_json::from_slice(body).unwrap());
        }
        (s, replies)
    }

    fn frames(out: &str) -> Vec<&str> {
        out.split("Content-Length: ").filter(|f| !f.is_empty()).collect()
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
        let (out, answers) = run(Box::leak(input.into_bytes().into_boxed_slice())).await;
        let frames = frames(&out);
        assert_eq!(frames.len(), 5, "{out}");
        assert!(frames[0].ends_with(ok));
        assert!(frames[1].contains(MALFORMED_METHOD) && frames[1].contains("not JSON"));
        assert!(frames[3].contains("not a header line"), "{}", frames[3]);
        assert!(frames[4].ends_with(ok));
        assert!(!frames[0].contains("content-type"));
        let codes: Vec<(i64, Value)> = answers.iter().map(|a| (a["error"]["code"].as_i64().unwrap(), a["id"].clone())).collect();
        assert_eq!(codes, [(-32700, Value::Null), (-32600, Value::Null)]);
    }

    #[tokio::test]
    async fn every_kind_of_bad_message_is_answered() {
        let bodies = [
            (r#"{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}"#, -32600, Value::Null),
            (r#"{"jsonrpc":"2.0","id":true,"method":"shutdown"}"#, -32600, Value::Null),
            (r#"{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}"#, -32600, Value::Null),
            (r#"{"jsonrpc":"2.0","id":[1],"method":"shutdown"}"#, -32600, Value::Null),
            (r#"{"jsonrpc":"2.0","id":1180591620717411303424,"method":"shutdown"}"#, -32600, Value::Null),
            (r#"[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]"#, -32600, Value::Null),
            (r#"{"jsonrpc":"2.0","id":7,"method":5}"#, -32600, json!(7)),
            ("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"x\",\"params\":\"\u{7f}\"", -32700, Value::Null),
        ];
        let mut input = Vec::new();
        for (body, _, _) in &bodies {
            input.extend(frame(body.as_bytes()));
        }
        // bytes that are not UTF-8
        input.extend(frame(b"{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"\xff\xfe\"}"));
        let (out, answers) = run(Box::leak(input.into_boxed_slice())).await;
        assert_eq!(frames(&out).len(), bodies.len() + 1, "each one logged: {out}");
        let got: Vec<(i64, Value)> = answers.iter().map(|a| (a["error"]["code"].as_i64().unwrap(), a["id"].clone())).collect();
        let mut want: Vec<(i64, Value)> = bodies.iter().map(|(_, code, id)| (*code, id.clone())).collect();
        want.push((-32700, Value::Null));
        assert_eq!(got, want);
    }

    #[tokio::test]
    async fn a_short_content_length_loses_one_message_not_the_rest() {
        let ok = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let shutdown = r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#;
        let input = format!("Content-Length: {}\r\n\r\n{ok}Content-Length: {}\r\n\r\n{shutdown}", ok.len() - 5, shutdown.len());
        let (out, answers) = run(Box::leak(input.into_bytes().into_boxed_slice())).await;
        let frames = frames(&out);
        assert_eq!(frames.len(), 2, "{out}");
        assert!(frames[0].contains(MALFORMED_METHOD));
        assert!(frames[1].ends_with(shutdown), "the next message is found again: {out}");
        assert_eq!(answers.len(), 1);
    }

    #[tokio::test]
    async fn an_oversized_frame_is_answered_and_skipped_without_reading_it() {
        let ok = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = format!("Content-Length: 1099511627776\r\n\r\n{{\"jsonrpc\":\"2.0\"\r\nContent-Length: {}\r\n\r\n{ok}", ok.len());
        let (out, answers) = run(Box::leak(input.into_bytes().into_boxed_slice())).await;
        let frames = frames(&out);
        assert!(frames[0].contains("over the limit"), "{out}");
        assert!(frames.last().unwrap().ends_with(ok), "{out}");
        assert_eq!(answers[0]["error"]["code"], -32600);
        assert_eq!(answers[0]["id"], Value::Null);
    }

    #[tokio::test]
    async fn unpaired_surrogates_become_replacement_characters() {
        let open = r#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.txt","languageId":"plaintext","version":1,"text":"a\ud800b\\ud800 \ud83d\ude00"}}}"#;
        let (out, answers) = run(Box::leak(frame(open.as_bytes()).into_boxed_slice())).await;
        let frames = frames(&out);
        assert_eq!(frames.len(), 2, "{out}");
        assert!(frames[0].contains("surrogates"), "logged: {out}");
        let body = &frames[1][frames[1].find("\r\n\r\n").unwrap() + 4..];
        let v: Value = serde_json::from_str(body).unwrap();
        assert_eq!(v["params"]["textDocument"]["text"], "a\u{fffd}b\\ud800 😀", "an escaped backslash is no escape; a pair stays");
        assert!(answers.is_empty());
    }

    #[tokio::test]
    async fn ends_with_the_input() {
        assert_eq!(run(b"Content-Length: 50\r\n\r\n{\"jsonrpc\"").await.0, "");
        assert_eq!(run(b"").await.0, "");
    }

    #[tokio::test]
    async fn the_pump_writes_answers_between_whole_frames() {
        let (mut server_side, from) = tokio::io::duplex(1024);
        let (answer_tx, answers) = mpsc::unbounded_channel();
        let mut output = Vec::new();
        let writer = async move {
            let f = frame(br#"{"jsonrpc":"2.0","id":1,"result":null}"#);
            server_side.write_all(&f[..10]).await.unwrap();
            answer_tx.send(frame(br#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"#)).unwrap();
            tokio::task::yield_now().await;
            server_side.write_all(&f[10..]).await.unwrap();
            drop(server_side);
            drop(answer_tx);
        };
        tokio::join!(writer, pump(from, answers, &mut output));
        let out = String::from_utf8(output).unwrap();
        let frames = frames(&out);
        assert_eq!(frames.len(), 2, "{out}");
        assert!(frames.iter().all(|f| f.ends_with('}')), "no frame cut by an answer: {out}");
    }
}
