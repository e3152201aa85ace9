//! In-process test harness: the real server over two `tokio::io::duplex` pipes, with
//! Content-Length framing, answering the server's requests the way an editor does.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, WriteHalf};
use tokio::sync::{Mutex, Notify, oneshot};
use tokio::task::JoinHandle;

pub use isnad::lsp::Probe;

pub const TIMEOUT: Duration = Duration::from_secs(20);

/// Four files in the style of the seed corpus: three write باشينيان twice each, one writes
/// باشنيان (once the core lands: an `inconsistent-spelling` finding, replacement باشينيان).
pub const A: &str = "طلب رئيس الوزراء الأرميني نيكول باشينيان من الرئيس الروسي. وقال باشينيان إن أرمينيا مستعدة.";
pub const D: &str = "الرئيس الأرميني، نيكول باشنيان";
pub const VARIANT: &str = "باشنيان";
pub const CANONICAL: &str = "باشينيان";

/// A temporary corpus folder (not hidden: the scan skips hidden folders).
pub fn corpus(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::Builder::new().prefix("isnad-lsp-").tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// The seed-like corpus: a.txt, b.txt, c.txt = [`A`], d.txt = [`D`].
pub fn seed_like() -> tempfile::TempDir {
    corpus(&[("a.txt", A), ("b.txt", A), ("c.txt", A), ("d.txt", D)])
}

/// `file://` URI of a path, encoded as the server encodes the paths it finds on disk.
pub fn uri(path: &Path) -> String {
    tower_lsp_server::ls_types::Uri::from_file_path(path).unwrap().as_str().to_string()
}

/// UTF-16 length, the unit of `character` unless utf-8 was negotiated.
pub fn u16len(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

/// Client capabilities like the evaluation client's (and VS Code's).
pub fn capabilities(encodings: &[&str]) -> Value {
    json!({
        "general": {"positionEncodings": encodings},
        "window": {"workDoneProgress": true},
        "workspace": {
            "configuration": true, "workspaceFolders": true, "applyEdit": true,
            "didChangeWatchedFiles": {"dynamicRegistration": true},
            "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create", "rename", "delete"]}
        },
        "textDocument": {
            "synchronization": {"dynamicRegistration": false},
            "publishDiagnostics": {"relatedInformation": true, "versionSupport": true, "dataSupport": true},
            "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["", "quickfix"]}},
                           "isPreferredSupport": true, "dataSupport": true}
        }
    })
}

type Writer = Arc<Mutex<WriteHalf<DuplexStream>>>;

pub struct TestClient {
    writer: Writer,
    pending: Arc<Mutex<HashMap<i64, oneshot::Sender<Value>>>>,
    /// Every notification from the server, in order.
    notifications: Arc<std::sync::Mutex<Vec<Value>>>,
    /// Every request from the server, in order.
    server_requests: Arc<std::sync::Mutex<Vec<Value>>>,
    /// Answers with `id: null` (to messages the server could not read), in order.
    unaddressed: Arc<std::sync::Mutex<Vec<Value>>>,
    arrived: Arc<Notify>,
    next_id: AtomicI64,
    /// What `workspace/configuration` answers for the `isnad` section.
    pub settings: Arc<std::sync::Mutex<Value>>,
    pub probe: Probe,
    server: Option<JoinHandle<i32>>,
}

async fn write_frame(writer: &Writer, msg: &Value) {
    let body = serde_json::to_vec(msg).unwrap();
    write_raw(writer, &[format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes(), &body].concat()).await;
}

/// Write to the server. A server that has already exited (an answer to its last request
/// racing its exit) is not the client's error: what the server did is checked by replies.
async fn write_raw(writer: &Writer, bytes: &[u8]) {
    let mut w = writer.lock().await;
    if w.write_all(bytes).await.is_ok() {
        let _ = w.flush().await;
    }
}

impl TestClient {
    /// Start a server in-process.
    pub fn start() -> TestClient {
        let (client_side, server_side) = tokio::io::duplex(1 << 20);
        let (server_in, server_out) = tokio::io::split(server_side);
        let (client_in, client_out) = tokio::io::split(client_side);
        let (service, socket) = isnad::lsp::service();
        let probe = service.inner().probe();
        let server = tokio::spawn(isnad::lsp::serve_service(service, socket, server_in, server_out));

        let writer: Writer = Arc::new(Mutex::new(client_out));
        let pending: Arc<Mutex<HashMap<i64, oneshot::Sender<Value>>>> = Arc::default();
        let notifications: Arc<std::sync::Mutex<Vec<Value>>> = Arc::default();
        let server_requests: Arc<std::sync::Mutex<Vec<Value>>> = Arc::default();
        let unaddressed: Arc<std::sync::Mutex<Vec<Value>>> = Arc::default();
        let arrived = Arc::new(Notify::new());
        let settings = Arc::new(std::sync::Mutex::new(Value::Null));
        {
            let (writer, pending, notifications, server_requests, unaddressed, arrived, settings) = (
                writer.clone(),
                pending.clone(),
                notifications.clone(),
                server_requests.clone(),
                unaddressed.clone(),
                arrived.clone(),
                settings.clone(),
            );
            tokio::spawn(async move {
                let mut reader = BufReader::new(client_in);
                loop {
                    let mut len = None;
                    loop {
                        let mut line = String::new();
                        if reader.read_line(&mut line).await.unwrap_or(0) == 0 {
                            arrived.notify_waiters();
                            return;
                        }
                        let line = line.trim_end();
                        if line.is_empty() {
                            break;
                        }
                        if let Some(v) = line.strip_prefix("Content-Length: ") {
                            len = Some(v.parse::<usize>().unwrap());
                        }
                    }
                    let mut body = vec![0; len.expect("Content-Length")];
                    reader.read_exact(&mut body).await.unwrap();
                    let msg: Value = serde_json::from_slice(&body).expect("server sent JSON");
                    match (msg.get("id"), msg.get("method")) {
                        (Some(Value::Null), None) => unaddressed.lock().unwrap().push(msg),
                        (Some(id), None) => {
                            if let Some(tx) = pending.lock().await.remove(&id.as_i64().unwrap_or(-1)) {
                                let _ = tx.send(msg);
                            }
                        }
                        (Some(id), Some(method)) => {
                            let result = match method.as_str().unwrap() {
                                "workspace/configuration" => {
                                    let n = msg["params"]["items"].as_array().map_or(0, |a| a.len());
                                    let s = settings.lock().unwrap().clone();
                                    Value::Array(vec![s; n])
                                }
                                "workspace/applyEdit" => json!({"applied": true}),
                                _ => Value::Null,
                            };
                            let answer = json!({"jsonrpc": "2.0", "id": id, "result": result});
                            server_requests.lock().unwrap().push(msg);
                            write_frame(&writer, &answer).await;
                        }
                        (None, Some(_)) => notifications.lock().unwrap().push(msg),
                        (None, None) => panic!("odd message {msg}"),
                    }
                    arrived.notify_waiters();
                }
            });
        }
        TestClient {
            writer,
            pending,
            notifications,
            server_requests,
            unaddressed,
            arrived,
            next_id: AtomicI64::new(1),
            settings,
            probe,
            server: Some(server),
        }
    }

    /// Send a request and return the whole response message.
    pub async fn request(&self, method: &str, params: Value) -> Value {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        let (tx, rx) = oneshot::channel();
        self.pending.lock().await.insert(id, tx);
        write_frame(&self.writer, &json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})).await;
        tokio::time::timeout(TIMEOUT, rx).await.unwrap_or_else(|_| panic!("{method}: no answer")).unwrap()
    }

    /// Send a request without waiting: its id, and where its response will arrive.
    pub async fn send_request(&self, method: &str, params: Value) -> (i64, oneshot::Receiver<Value>) {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        let (tx, rx) = oneshot::channel();
        self.pending.lock().await.insert(id, tx);
        write_frame(&self.writer, &json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})).await;
        (id, rx)
    }

    pub async fn notify(&self, method: &str, params: Value) {
        write_frame(&self.writer, &json!({"jsonrpc": "2.0", "method": method, "params": params})).await;
    }

    pub async fn send_raw(&self, bytes: &[u8]) {
        write_raw(&self.writer, bytes).await;
    }

    pub fn notifications(&self) -> Vec<Value> {
        self.notifications.lock().unwrap().clone()
    }

    pub fn server_requests(&self) -> Vec<Value> {
        self.server_requests.lock().unwrap().clone()
    }

    /// Answers with `id: null`: errors for messages the server could not read.
    pub fn unaddressed_answers(&self) -> Vec<Value> {
        self.unaddressed.lock().unwrap().clone()
    }

    /// Wait until `pred` holds for the messages seen so far; returns what it returned.
    pub async fn wait_for<T>(&self, what: &str, mut pred: impl FnMut(&TestClient) -> Option<T>) -> T {
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            let notified = self.arrived.notified();
            if let Some(v) = pred(self) {
                return v;
            }
            if tokio::time::Instant::now() >= deadline {
                panic!("timed out waiting for {what}; notifications: {:#?}", self.notifications());
            }
            // woken by a message from the server, or polling (for state seen through the probe)
            let _ = tokio::time::timeout(std::time::Duration::from_millis(10), notified).await;
        }
    }

    /// Wait for a notification of `method` matching `pred`.
    pub async fn wait_notification(&self, method: &str, pred: impl Fn(&Value) -> bool) -> Value {
        self.wait_for(method, |c| c.notifications().into_iter().find(|n| n["method"] == method && pred(&n["params"])))
            .await
    }

    /// The last published diagnostics of `uri`, once a publication carries `version`.
    pub async fn diagnostics(&self, uri: &str, version: i64) -> Vec<Value> {
        self.wait_for(&format!("diagnostics of {uri} v{version}"), |c| {
            let last = c
                .notifications()
                .into_iter()
                .rev()
                .find(|n| n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri)?;
            (last["params"]["version"] == version).then(|| last["params"]["diagnostics"].as_array().unwrap().clone())
        })
        .await
    }

    /// Every publication of `uri` so far: (version, diagnostics).
    pub fn publications(&self, uri: &str) -> Vec<(Value, Vec<Value>)> {
        self.notifications()
            .into_iter()
            .filter(|n| n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri)
            .map(|n| (n["params"]["version"].clone(), n["params"]["diagnostics"].as_array().unwrap().clone()))
            .collect()
    }

    /// Log and show messages so far.
    pub fn messages(&self) -> Vec<String> {
        self.notifications()
            .into_iter()
            .filter(|n| n["method"] == "window/logMessage" || n["method"] == "window/showMessage")
            .map(|n| n["params"]["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// `initialize` with `root` as the workspace folder; returns the whole response.
    pub async fn initialize(&self, root: Option<&Path>, encodings: &[&str], init_options: Value) -> Value {
        let folders = root.map(|r| json!([{"uri": uri(r), "name": "corpus"}])).unwrap_or(Value::Null);
        self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root.map(uri),
                "workspaceFolders": folders,
                "capabilities": capabilities(encodings),
                "initializationOptions": init_options,
            }),
        )
        .await
    }

    /// `start_on` for a client with these capabilities (a client that cannot do what
    /// `capabilities` says), with `root` as its workspace folder.
    pub async fn start_with_capabilities(root: &Path, caps: Value) -> TestClient {
        let c = TestClient::start();
        let folders = json!([{"uri": uri(root), "name": "corpus"}]);
        let r = c.request("initialize", json!({"processId": null, "rootUri": uri(root), "workspaceFolders": folders, "capabilities": caps})).await;
        assert!(r.get("result").is_some(), "{r}");
        c.notify("initialized", json!({})).await;
        c.wait_indexed().await;
        c
    }

    /// initialize + initialized, then wait for the initial index.
    pub async fn start_on(root: &Path, encodings: &[&str]) -> TestClient {
        let c = TestClient::start();
        let r = c.initialize(Some(root), encodings, Value::Null).await;
        assert!(r.get("result").is_some(), "{r}");
        c.notify("initialized", json!({})).await;
        c.wait_indexed().await;
        c
    }

    pub async fn wait_indexed(&self) {
        let probe = self.probe.clone();
        self.wait_for("the index", |_| probe.indexed().then_some(())).await;
    }

    /// Open a file of the corpus with its text on disk.
    pub async fn open(&self, path: &Path, version: i64) -> String {
        let text = std::fs::read_to_string(path).unwrap();
        self.open_text(path, &text, version).await
    }

    pub async fn open_text(&self, path: &Path, text: &str, version: i64) -> String {
        let u = uri(path);
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": u, "languageId": "plaintext", "version": version, "text": text}}),
        )
        .await;
        u
    }

    /// shutdown + exit; returns the server's exit code.
    pub async fn shutdown_and_exit(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null).await;
        assert_eq!(r, json!({"jsonrpc": "2.0", "id": r["id"], "result": null}));
        self.exit().await
    }

    /// exit; returns the server's exit code.
    pub async fn exit(&mut self) -> i32 {
        self.notify("exit", Value::Null).await;
        self.wait_exit().await
    }

    /// Wait for the server to stop; returns its exit code.
    pub async fn wait_exit(&mut self) -> i32 {
        let server = self.server.take().unwrap();
        tokio::time::timeout(TIMEOUT, server).await.expect("server exits").unwrap()
    }
}

/// The edits of a WorkspaceEdit for one document: (version, [(range, newText)]).
pub fn edits_for(edit: &Value, uri: &str) -> Vec<(Value, Vec<(Value, String)>)> {
    let mut out = Vec::new();
    if let Some(changes) = edit.get("changes").and_then(|c| c.get(uri)) {
        let edits = changes.as_array().unwrap().iter().map(|e| (e["range"].clone(), e["newText"].as_str().unwrap().to_string()));
        out.push((Value::Null, edits.collect()));
    }
    for dc in edit.get("documentChanges").and_then(|d| d.as_array()).into_iter().flatten() {
        if dc["textDocument"]["uri"] == uri {
            let edits = dc["edits"].as_array().unwrap().iter().map(|e| (e["range"].clone(), e["newText"].as_str().unwrap().to_string()));
            out.push((dc["textDocument"]["version"].clone(), edits.collect()));
        }
    }
    out
}

/// Apply LSP text edits (UTF-16 positions) to a text.
pub fn apply_edits(text: &str, edits: &[(Value, String)]) -> String {
    let idx = |pos: &Value| -> usize {
        let (line, ch) = (pos["line"].as_u64().unwrap() as usize, pos["character"].as_u64().unwrap() as usize);
        let mut start = 0;
        for _ in 0..line {
            start += text[start..].find('\n').map(|i| i + 1).unwrap_or(text.len() - start);
        }
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= ch || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, &str)> =
        edits.iter().map(|(r, t)| (idx(&r["start"]), idx(&r["end"]), t.as_str())).collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (a, b, t) in spans {
        out.replace_range(a..b, t);
    }
    out
}

pub fn path_of(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}
