//! A protocol-level mutation fuzzer: whole sessions against an in-process server, their
//! messages mutated (positions, strings, types, ids, URIs, missing fields) and their framing
//! broken (a wrong Content-Length, bytes before a header, invalid UTF-8 in a body). A session
//! fails on any panic (caught ones too: the panic hook counts them), on a request left
//! unanswered for 5 s after the mutated messages, or on a server that does not exit with 0
//! after `shutdown` and `exit`; a session that fails without a panic is replayed once (it
//! sends the same bytes), so only a hang that happens again fails the run.
//!
//! It runs a fixed list of seeds, then random seeds (each printed) until its time is up:
//! `ISNAD_FUZZ_SECS` (default 60); `ISNAD_FUZZ_SEED=n` replays one seed. A longer run:
//! `ISNAD_FUZZ_SECS=1800 cargo test --release --test protocol_fuzz -- --nocapture`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::{Value, json};

/// How long the server may take to answer once the mutated messages are sent.
const REPLY: Duration = Duration::from_secs(5);
/// Seeds every run goes through before the random ones.
const FIXED_SEEDS: std::ops::RangeInclusive<u64> = 1..=12;

static PANICS: AtomicUsize = AtomicUsize::new(0);

fn count_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            previous(info);
        }));
    });
}

/// Strings that have broken parsers before: empty, huge, controls, lone marks, bidi, NUL,
/// Arabic with tatweel and diacritics, a URI of another scheme or outside the corpus.
fn nasty_string(rng: &mut fastrand::Rng) -> String {
    let pick = [
        String::new(),
        "\u{0}".to_string(),
        "ـــ".to_string(),
        "\u{064B}\u{0650}\u{0651}".to_string(),
        "\u{202E}\u{2066}باشينيان\u{2069}".to_string(),
        "\r\n\r\n".to_string(),
        "Content-Length: 5\r\n\r\n".to_string(),
        "😀".repeat(3),
        "file:///etc/passwd".to_string(),
        "file:///../../x.txt".to_string(),
        "untitled:Untitled-1".to_string(),
        "file://host/share/%00%ff.txt".to_string(),
        "باشنيان".repeat(2000),
        "x".repeat(rng.usize(1..70_000)),
    ];
    pick[rng.usize(..pick.len())].clone()
}

fn nasty_number(rng: &mut fastrand::Rng) -> Value {
    let pick = [json!(-1), json!(0), json!(u32::MAX), json!(i64::MAX), json!(1e300), json!(-0.5), json!(2.5), json!(u64::MAX)];
    pick[rng.usize(..pick.len())].clone()
}

/// The paths to every node of `v` (object keys and array indices).
fn node_paths(v: &Value, path: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(path.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                path.push(json!(k));
                node_paths(child, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                path.push(json!(i));
                node_paths(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Replace, remove or retype one node of `v`, every node as likely: a number rather by
/// another number (a position past the end, negative, a float), a string by another string.
fn mutate(v: &mut Value, rng: &mut fastrand::Rng) {
    let mut paths = Vec::new();
    node_paths(v, &mut Vec::new(), &mut paths);
    let path = &paths[rng.usize(..paths.len())];
    let mut node = v;
    for (depth, step) in path.iter().enumerate() {
        if depth + 1 == path.len() && rng.u8(..8) == 0 {
            if let (Value::Object(m), Some(k)) = (&mut *node, step.as_str()) {
                m.remove(k);
                return;
            }
        }
        node = match step {
            Value::String(k) => node.get_mut(k.as_str()).unwrap(),
            _ => node.get_mut(step.as_u64().unwrap() as usize).unwrap(),
        };
    }
    let new = match (&*node, rng.u8(..10)) {
        (Value::Number(_), 0..=4) => nasty_number(rng),
        (Value::String(_), 0..=4) => Value::String(nasty_string(rng)),
        (_, 0) => Value::Null,
        (_, 1) => json!(rng.bool()),
        (_, 2 | 5) => nasty_number(rng),
        (_, 3 | 6) => Value::String(nasty_string(rng)),
        (_, 4) => json!([]),
        (_, 7) => json!({}),
        _ => json!([node.clone(), node.clone()]),
    };
    *node = new;
}

/// The messages a session draws from: every request and notification the server handles,
/// and some it does not.
fn templates(a: &str, d: &str, outside: &str) -> Vec<Value> {
    let pos = json!({"line": 0, "character": 30});
    let range = json!({"start": {"line": 0, "character": 3}, "end": {"line": 0, "character": 40}});
    let doc = |uri: &str| json!({"uri": uri});
    let req = |method: &str, params: Value| json!({"jsonrpc": "2.0", "id": 0, "method": method, "params": params});
    let note = |method: &str, params: Value| json!({"jsonrpc": "2.0", "method": method, "params": params});
    vec![
        note("textDocument/didOpen", json!({"textDocument": {"uri": a, "languageId": "plaintext", "version": 1, "text": A}})),
        note("textDocument/didOpen", json!({"textDocument": {"uri": outside, "languageId": "plaintext", "version": 1, "text": D}})),
        note("textDocument/didChange", json!({"textDocument": {"uri": a, "version": 2}, "contentChanges": [{"range": range, "text": "باشنيان"}]})),
        note("textDocument/didChange", json!({"textDocument": {"uri": a, "version": 3}, "contentChanges": [{"text": D}]})),
        note("textDocument/didClose", json!({"textDocument": doc(a)})),
        note("textDocument/didSave", json!({"textDocument": doc(d)})),
        note("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": d, "type": 2}, {"uri": outside, "type": 1}]})),
        note("workspace/didChangeConfiguration", json!({"settings": {"isnad": {"severity": {"orthographic-variant": "warning"}}}})),
        note("$/cancelRequest", json!({"id": 1})),
        note("$/setTrace", json!({"value": "verbose"})),
        req("textDocument/hover", json!({"textDocument": doc(a), "position": pos})),
        req("textDocument/definition", json!({"textDocument": doc(a), "position": pos})),
        req("textDocument/references", json!({"textDocument": doc(a), "position": pos, "context": {"includeDeclaration": true}})),
        req("textDocument/prepareRename", json!({"textDocument": doc(a), "position": pos})),
        req("textDocument/rename", json!({"textDocument": doc(a), "position": pos, "newName": "باشينيانو"})),
        req("textDocument/documentSymbol", json!({"textDocument": doc(a)})),
        req("textDocument/semanticTokens/full", json!({"textDocument": doc(a)})),
        req("textDocument/semanticTokens/range", json!({"textDocument": doc(a), "range": range})),
        req("textDocument/codeAction", json!({"textDocument": doc(d), "range": range, "context": {"diagnostics": []}})),
        req("textDocument/codeLens", json!({"textDocument": doc(a)})),
        req("workspace/symbol", json!({"query": "باشن"})),
        req("textDocument/formatting", json!({"textDocument": doc(a), "options": {"tabSize": 4, "insertSpaces": true}})),
        req("isnad/unknown", json!({"x": 1})),
    ]
}

/// A message as a frame, correct or broken.
fn frame(msg: &Value, rng: &mut fastrand::Rng) -> Vec<u8> {
    let mut body = serde_json::to_vec(msg).unwrap();
    let mut len = body.len() as i64;
    let mut out = Vec::new();
    match rng.u8(..12) {
        // a Content-Length off by a little
        0 => len += rng.i64(-20..=20),
        // bytes before the header
        1 => out.extend((0..rng.usize(1..40)).map(|_| rng.u8(..))),
        // invalid UTF-8 in the body
        2 if !body.is_empty() => {
            let i = rng.usize(..body.len());
            body[i] = 0xFF;
        }
        // a body that is no JSON at all
        3 => {
            body = b"{\"jsonrpc\": \"2.0\", \"id\": ".to_vec();
            len = body.len() as i64;
        }
        _ => {}
    }
    out.extend(format!("Content-Length: {}\r\n\r\n", len.max(0)).as_bytes());
    out.extend(&body);
    out
}

struct Outcome {
    messages: usize,
}

/// One session: initialize, up to 40 messages (mutated or not), then a request that must be
/// answered, shutdown and exit.
async fn session(seed: u64, root: &std::path::Path, outside: &std::path::Path) -> Result<Outcome, String> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let c = TestClient::start();
    let encodings: &[&str] = if rng.bool() { &["utf-8", "utf-16"] } else { &["utf-16"] };
    let init = c.initialize(Some(root), encodings, Value::Null).await;
    if init.get("result").is_none() {
        return Err(format!("initialize: {init}"));
    }
    c.notify("initialized", json!({})).await;
    let (a, d, x) = (uri(&root.join("a.txt")), uri(&root.join("d.txt")), uri(&outside.join("x.txt")));
    let templates = templates(&a, &d, &x);
    let n = rng.usize(5..40);
    for i in 0..n {
        let mut msg = templates[rng.usize(..templates.len())].clone();
        if msg.get("id").is_some() {
            msg["id"] = json!(1_000_000 + i as i64);
        }
        for _ in 0..rng.usize(0..4) {
            mutate(&mut msg, &mut rng);
        }
        c.send_raw(&frame(&msg, &mut rng)).await;
    }
    // whatever a broken frame left pending is consumed by this padding, then the reader
    // finds the next header
    c.send_raw(&b"\r\n".repeat(2048)).await;
    let probe = tokio::time::timeout(REPLY, c.request("workspace/symbol", json!({"query": "باشينيان"}))).await;
    if probe.is_err() {
        return Err(format!("no answer within {REPLY:?} after {n} messages"));
    }
    let code = tokio::time::timeout(REPLY * 2, c.shutdown_and_exit()).await.map_err(|_| "shutdown and exit took too long".to_string())?;
    if code != 0 {
        return Err(format!("exit code {code} after shutdown and exit"));
    }
    Ok(Outcome { messages: n + 4 })
}

#[tokio::test(flavor = "multi_thread")]
async fn mutated_sessions_never_panic_hang_or_exit_badly() {
    count_panics();
    let root = seed_like();
    let outside = corpus(&[("x.txt", D)]);
    let secs: u64 = std::env::var("ISNAD_FUZZ_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let budget = Duration::from_secs(secs);
    let replay: Option<u64> = std::env::var("ISNAD_FUZZ_SEED").ok().and_then(|s| s.parse().ok());
    let random_start = fastrand::u64(..);
    let seeds: Box<dyn Iterator<Item = u64>> = match replay {
        Some(s) => Box::new(std::iter::once(s)),
        None => Box::new(FIXED_SEEDS.chain((0..).map(move |k: u64| random_start.wrapping_add(k)))),
    };
    if replay.is_none() {
        println!("fuzz: random seeds start at {random_start} (ISNAD_FUZZ_SEED=n replays one)");
    }
    let t0 = Instant::now();
    let (mut sessions, mut messages) = (0usize, 0usize);
    for seed in seeds {
        let fixed = FIXED_SEEDS.contains(&seed);
        if !fixed && t0.elapsed() >= budget {
            break;
        }
        let before = PANICS.load(Ordering::SeqCst);
        let mut outcome = session(seed, root.path(), outside.path()).await;
        if let Err(e) = &outcome {
            // a session replays exactly: a hang does again, a machine busy with something
            // else (a compiler on both cores) does not
            if PANICS.load(Ordering::SeqCst) == before {
                println!("fuzz: seed {seed}: {e}; replaying it");
                outcome = session(seed, root.path(), outside.path()).await;
            }
        }
        let panics = PANICS.load(Ordering::SeqCst) - before;
        match outcome {
            Ok(o) if panics == 0 => {
                sessions += 1;
                messages += o.messages;
            }
            Ok(_) => panic!("seed {seed}: {panics} panic(s) in the server (see above)"),
            Err(e) => panic!("seed {seed}: {e} ({panics} panic(s))"),
        }
    }
    println!("fuzz: {sessions} sessions, {messages} messages in {:.0?}, no panic, hang or bad exit", t0.elapsed());
    assert!(sessions > 0);
}
