//! Protocol hygiene: capabilities and encoding negotiation, progress and logging of the
//! initial index, clean shutdown/exit, and odd input that must get answers, not a crash.

use crate::common::*;
use serde_json::{Value, json};

fn expected_initialize(id: i64, encoding: &str) -> Value {
    json!({
        "jsonrpc": "2.0",
        "id": id,
        "result": {
            "capabilities": {
                "positionEncoding": encoding,
                "textDocumentSync": {"openClose": true, "change": 2},
                "codeActionProvider": {"codeActionKinds": ["quickfix"]},
                "codeLensProvider": {"resolveProvider": false},
                "definitionProvider": true,
                "hoverProvider": true,
                "referencesProvider": true,
                "renameProvider": {"prepareProvider": true},
                "documentSymbolProvider": true,
                "workspaceSymbolProvider": true,
                "semanticTokensProvider": {
                    "full": true,
                    "range": true,
                    "legend": {"tokenModifiers": [], "tokenTypes": ["person", "place", "organization", "quote"]}
                },
                "workspace": {"workspaceFolders": {"supported": true, "changeNotifications": true}}
            },
            "serverInfo": {"name": "isnad", "version": env!("CARGO_PKG_VERSION")}
        }
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn initialize_negotiates_utf8_when_offered() {
    let c = TestClient::start();
    let r = c.initialize(None, &["utf-16", "utf-8"], Value::Null).await;
    assert_eq!(r, expected_initialize(1, "utf-8"));
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn initialize_falls_back_to_utf16() {
    for offered in [&["utf-32", "utf-16"][..], &[][..]] {
        let c = TestClient::start();
        let r = c.initialize(None, offered, Value::Null).await;
        assert_eq!(r, expected_initialize(1, "utf-16"), "offered {offered:?}");
        assert_eq!(c.shutdown_and_exit().await, 0);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn exit_without_shutdown_is_exit_code_1() {
    let mut c = TestClient::start();
    c.initialize(None, &[], Value::Null).await;
    c.notify("initialized", json!({})).await;
    assert_eq!(c.exit().await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn shutdown_and_exit_sent_without_waiting_is_exit_code_0() {
    let mut c = TestClient::start();
    c.initialize(None, &[], Value::Null).await;
    c.notify("initialized", json!({})).await;
    let shutdown = br#"{"jsonrpc":"2.0","id":99,"method":"shutdown"}"#;
    let exit = br#"{"jsonrpc":"2.0","method":"exit"}"#;
    let mut bytes = format!("Content-Length: {}\r\n\r\n", shutdown.len()).into_bytes();
    bytes.extend_from_slice(shutdown);
    bytes.extend_from_slice(format!("Content-Length: {}\r\n\r\n", exit.len()).as_bytes());
    bytes.extend_from_slice(exit);
    c.send_raw(&bytes).await;
    assert_eq!(c.wait_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn initial_index_reports_progress_logs_a_summary_and_skipped_files() {
    let dir = corpus(&[("a.txt", A), ("sub/b.md", A), ("bin.txt", "ab\0cd"), ("code.rs", "fn main() {}")]);
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    // progress: created, then begin ... end on that token
    let create = c
        .wait_for("progress token", |c| {
            c.server_requests().into_iter().find(|r| r["method"] == "window/workDoneProgress/create")
        })
        .await;
    let token = create["params"]["token"].clone();
    let end = c.wait_notification("$/progress", |p| p["token"] == token && p["value"]["kind"] == "end").await;
    assert!(end["params"]["value"]["message"].as_str().unwrap().starts_with("2 documents in "), "{end}");
    let kinds: Vec<Value> = c
        .notifications()
        .into_iter()
        .filter(|n| n["method"] == "$/progress" && n["params"]["token"] == token)
        .map(|n| n["params"]["value"]["kind"].clone())
        .collect();
    assert_eq!(kinds, vec![json!("begin"), json!("report"), json!("end")]);
    // one summary line, and the skipped file with its reason
    let summary = c
        .wait_for("summary", |c| c.messages().into_iter().find(|m| m.starts_with("isnad: indexed ")))
        .await;
    assert!(summary.starts_with("isnad: indexed 2 documents, "), "{summary}");
    assert!(summary.contains(" bytes, in ") && summary.contains(" s; 1 skipped) under "), "{summary}");
    let skipped = c.wait_for("skipped", |c| c.messages().into_iter().find(|m| m.contains("bin.txt"))).await;
    assert!(skipped.starts_with("isnad: skipped ") && skipped.ends_with("binary file (NUL bytes)"), "{skipped}");
    assert_eq!(c.probe.workspace_keys(), vec!["a.txt", "sub/b.md"]);
    // watchers registered dynamically
    let reg = c
        .wait_for("registration", |c| c.server_requests().into_iter().find(|r| r["method"] == "client/registerCapability"))
        .await;
    assert_eq!(
        reg["params"],
        json!({"registrations": [{
            "id": "isnad/watched-files",
            "method": "workspace/didChangeWatchedFiles",
            "registerOptions": {"watchers": [{"globPattern": "**/*.txt"}, {"globPattern": "**/*.md"}, {"globPattern": "**/isnad.toml"}]}
        }]})
    );
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn without_folders_the_first_opened_file_gives_the_root() {
    let dir = seed_like();
    let c = TestClient::start();
    c.initialize(None, &["utf-16"], Value::Null).await;
    c.notify("initialized", json!({})).await;
    let d = c.open(&path_of(&dir, "d.txt"), 1).await;
    c.wait_indexed().await;
    assert_eq!(c.probe.workspace_keys(), vec!["a.txt", "b.txt", "c.txt", "d.txt"]);
    let diags = c.diagnostics(&d, 1).await;
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(c.shutdown_and_exit().await, 0);
}

/// Each kind of message a client can get wrong is answered as JSON-RPC 2.0 asks, and the
/// messages after it are read (before, a short Content-Length made the server deaf for good,
/// and bad messages were never answered, so a client waited forever).
#[tokio::test(flavor = "multi_thread")]
async fn bad_messages_are_answered_and_reading_goes_on() {
    let dir = seed_like();
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    let frame = |body: &[u8]| {
        let mut f = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        f.extend_from_slice(body);
        f
    };
    c.send_raw(&frame(b"{not json")).await;
    c.send_raw(&frame(b"{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"shutdown\"}")).await;
    c.send_raw(&frame(b"[{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}]")).await;
    c.send_raw(&frame(b"{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"\xff\"}")).await;
    let codes = c
        .wait_for("four answers", |c| {
            let a = c.unaddressed_answers();
            (a.len() == 4).then(|| a.iter().map(|m| m["error"]["code"].as_i64().unwrap()).collect::<Vec<_>>())
        })
        .await;
    assert_eq!(codes, [-32700, -32600, -32600, -32700]);

    // a frame 5 bytes shorter than its body: the next request is still read and answered
    let hover = json!({"jsonrpc": "2.0", "id": 900, "method": "textDocument/hover",
                       "params": {"textDocument": {"uri": "file:///nowhere.txt"}, "position": {"line": 0, "character": 0}}})
    .to_string();
    c.send_raw(format!("Content-Length: {}\r\n\r\n{hover}", hover.len() - 5).as_bytes()).await;
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": "file:///nowhere.txt"}, "position": {"line": 0, "character": 0}})).await;
    assert!(r.get("result").is_some() || r.get("error").is_some(), "{r}");

    // a frame declared far over the limit and never sent: answered, and the next one is read
    c.send_raw(b"Content-Length: 1099511627776\r\n\r\n").await;
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": "file:///nowhere.txt"}, "position": {"line": 0, "character": 0}})).await;
    assert!(r.get("result").is_some() || r.get("error").is_some(), "{r}");
    c.wait_for("the oversized frame answered", |c| {
        c.unaddressed_answers().iter().any(|a| a["error"]["message"].as_str().unwrap().contains("over the server's limit")).then_some(())
    })
    .await;

    // a document with an unpaired surrogate is opened, with U+FFFD in its place
    let odd = path_of(&dir, "surrogate.txt");
    let open = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{}","languageId":"plaintext","version":1,"text":"نص \ud800 نص"}}}}}}"#,
        uri(&odd)
    );
    c.send_raw(&frame(open.as_bytes())).await;
    let text = c.wait_for("the document opened", |c| c.probe.open_text(&uri(&odd))).await;
    assert_eq!(text, "نص \u{fffd} نص");
    // (the log message travels apart from the document: wait for it)
    c.wait_for("the surrogates logged", |c| c.messages().iter().any(|m| m.contains("surrogates")).then_some(())).await;
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn odd_input_gets_answers_not_a_crash() {
    let dir = seed_like();
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    let d = c.open(&path_of(&dir, "d.txt"), 1).await;
    c.diagnostics(&d, 1).await;

    // a frame that is not JSON, and one that is JSON but not JSON-RPC
    c.send_raw(b"Content-Length: 12\r\n\r\n{not json!!}").await;
    c.send_raw(b"Content-Length: 8\r\n\r\n{\"a\": 1}").await;
    c.wait_for("malformed log", |c| {
        (c.messages().iter().filter(|m| m.starts_with("isnad: ignored a malformed message")).count() == 2).then_some(())
    })
    .await;

    // unknown document, positions far past the end, non-file URIs
    let r = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": "file:///nonexistent/x.txt"},
                   "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                   "context": {"diagnostics": []}}),
        )
        .await;
    assert_eq!(r["result"], json!([]));
    let huge = json!({"line": 4_000_000_000u32, "character": 4_000_000_000u32});
    let r = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": d}, "range": {"start": huge, "end": huge}, "context": {"diagnostics": []}}),
        )
        .await;
    // clamped to the end of the text, which is the end of the variant: its fixes
    assert_eq!(r["result"][0]["title"], "Replace with «باشينيان»", "{r}");
    // hover is not implemented yet: an error answer, not a hang
    let r = c
        .request("textDocument/hover", json!({"textDocument": {"uri": d}, "position": {"line": -1, "character": -5}}))
        .await;
    assert!(r.get("error").is_some(), "{r}");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": "untitled:Untitled-1", "languageId": "plaintext", "version": 1, "text": "نص"}}),
    )
    .await;
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///nowhere/y.txt", "version": 2},
               "contentChanges": [{"range": {"start": huge, "end": huge}, "text": "x"}]}),
    )
    .await;
    // an edit far past the end appends at the end
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": d, "version": 2}, "contentChanges": [{"range": {"start": huge, "end": huge}, "text": "!"}]}),
    )
    .await;
    // a document with a huge line, tatweel, bidi marks and emoji
    let odd = path_of(&dir, "odd.txt");
    let text = format!("\u{feff}{}\r\n\r{}\u{202b}\u{200f}{}", "ـ".repeat(5000), "😀".repeat(300), "أ".repeat(100_000));
    let odd_uri = c.open_text(&odd, &text, 1).await;
    c.diagnostics(&odd_uri, 1).await;
    assert_eq!(c.probe.open_text(&d).unwrap(), format!("{D}!"));
    assert!(c.messages().iter().any(|m| m.contains("untitled:Untitled-1")));
    assert_eq!(c.shutdown_and_exit().await, 0);
}
