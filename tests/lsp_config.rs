//! Configuration (isnad.toml, initializationOptions, workspace/configuration,
//! didChangeConfiguration) and files created, changed and deleted behind the editor's back.

use crate::common::*;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread")]
async fn malformed_isnad_toml_is_shown_with_line_and_column_and_defaults_apply() {
    let dir = corpus(&[
        ("a.txt", A),
        ("b.txt", A),
        ("c.txt", A),
        ("d.txt", D),
        ("isnad.toml", "# style\n[severity]\ninconsistent_spelling = \"loud\"\n"),
    ]);
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    let shown = c.wait_notification("window/showMessage", |_| true).await;
    assert_eq!(shown["params"]["type"], 1);
    let msg = shown["params"]["message"].as_str().unwrap();
    assert!(msg.starts_with("isnad: isnad.toml:3:25: "), "{msg}");
    assert!(msg.ends_with("(running on defaults)"), "{msg}");
    // still serving, on the defaults
    let d = c.open(&path_of(&dir, "d.txt"), 1).await;
    let diags = c.diagnostics(&d, 1).await;
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["severity"], 2);
    // fixing the file (reported by the watcher) takes effect
    std::fs::write(path_of(&dir, "isnad.toml"), "[severity]\ninconsistent_spelling = \"error\"\n").unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&path_of(&dir, "isnad.toml")), "type": 2}]}))
        .await;
    c.wait_for("severity error", |c| {
        c.publications(&d).last().filter(|(_, d)| d.len() == 1 && d[0]["severity"] == 1).map(|_| ())
    })
    .await;
    assert_eq!(c.shutdown_and_exit().await, 0);
}

/// A client that cannot register file watchers (Neovim on Linux) never reports isnad.toml's
/// changes: the server watches it itself, so a spelling accepted in the file is no longer
/// flagged, without a restart and without didChangeWatchedFiles.
#[tokio::test(flavor = "multi_thread")]
async fn isnad_toml_is_watched_by_the_server_when_the_client_cannot() {
    let dir = corpus(&[("a.txt", A), ("b.txt", A), ("c.txt", A), ("d.txt", D), ("isnad.toml", "# corpus\n")]);
    let mut caps = capabilities(&["utf-16"]);
    caps["workspace"]["didChangeWatchedFiles"]["dynamicRegistration"] = json!(false);
    let c = TestClient::start_with_capabilities(dir.path(), caps).await;
    assert!(c.server_requests().iter().all(|m| m["method"] != "client/registerCapability"), "no watcher registration for this client");
    let d = c.open(&path_of(&dir, "d.txt"), 1).await;
    assert_eq!(c.diagnostics(&d, 1).await.len(), 1, "باشنيان is flagged");
    // an editor saving the file: a new file renamed over the old one
    let tmp = path_of(&dir, ".isnad.toml.swp");
    std::fs::write(&tmp, "[spelling]\naccepted = [\"باشنيان\"]\n").unwrap();
    std::fs::rename(&tmp, path_of(&dir, "isnad.toml")).unwrap();
    c.wait_for("the accepted spelling no longer flagged", |c| c.publications(&d).last().filter(|(_, d)| d.is_empty()).map(|_| ())).await;
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn initialization_options_layer_over_the_file() {
    let dir = corpus(&[
        ("a.txt", A),
        ("b.txt", A),
        ("c.txt", A),
        ("d.txt", D),
        ("isnad.toml", "[severity]\ninconsistent_spelling = \"hint\"\n"),
    ]);
    let c = TestClient::start();
    c.initialize(Some(dir.path()), &["utf-16"], json!({"isnad": {"severity": {"inconsistentSpelling": "error"}}})).await;
    c.notify("initialized", json!({})).await;
    c.wait_indexed().await;
    let d = c.open(&path_of(&dir, "d.txt"), 1).await;
    let diags = c.diagnostics(&d, 1).await;
    assert_eq!(diags[0]["severity"], 1, "editor settings win over the file");
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn workspace_configuration_is_pulled_at_start_and_after_did_change_configuration() {
    let dir = seed_like();
    let c = TestClient::start();
    *c.settings.lock().unwrap() = json!({"severity": {"inconsistentSpelling": "off"}});
    c.initialize(Some(dir.path()), &["utf-16"], Value::Null).await;
    c.notify("initialized", json!({})).await;
    c.wait_indexed().await;
    let d = c.open(&path_of(&dir, "d.txt"), 1).await;
    assert!(c.diagnostics(&d, 1).await.is_empty(), "severity off: nothing reported");
    let pulls: Vec<Value> = c
        .server_requests()
        .into_iter()
        .filter(|r| r["method"] == "workspace/configuration")
        .map(|r| r["params"].clone())
        .collect();
    assert_eq!(pulls, vec![json!({"items": [{"section": "isnad"}]})]);

    *c.settings.lock().unwrap() = json!({"severity": {"inconsistentSpelling": "information"}});
    c.notify("workspace/didChangeConfiguration", json!({"settings": null})).await;
    let diags = c
        .wait_for("re-published", |c| c.publications(&d).last().filter(|(_, d)| !d.is_empty()).map(|(_, d)| d.clone()))
        .await;
    assert_eq!(diags[0]["severity"], 3);
    // a malformed setting is shown and ignored
    *c.settings.lock().unwrap() = json!({"severity": 3});
    c.notify("workspace/didChangeConfiguration", json!({"settings": null})).await;
    let shown = c.wait_notification("window/showMessage", |_| true).await;
    assert!(shown["params"]["message"].as_str().unwrap().starts_with("isnad: settings: "), "{shown}");
    assert_eq!(c.probe.config().severity.inconsistent_spelling, isnad::corpus::config::Severity::Information);
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn corpus_globs_from_settings_rescan() {
    let dir = corpus(&[("a.txt", A), ("b.txt", A), ("c.txt", A), ("drafts/d.txt", D)]);
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    assert_eq!(c.probe.workspace_keys(), vec!["a.txt", "b.txt", "c.txt", "drafts/d.txt"]);
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"isnad": {"corpus": {"exclude": ["drafts/**"]}}}}))
        .await;
    c.wait_for("rescan", |c| (c.probe.workspace_keys().len() == 3 && c.probe.indexed()).then_some(())).await;
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn watched_files_created_changed_and_deleted() {
    let dir = seed_like();
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    let d = c.open(&path_of(&dir, "d.txt"), 1).await;
    assert_eq!(c.diagnostics(&d, 1).await.len(), 1);

    // created: a new file writing the variant, and one that must be skipped
    let f = path_of(&dir, "new/f.txt");
    std::fs::create_dir_all(f.parent().unwrap()).unwrap();
    std::fs::write(&f, D).unwrap();
    let bin = path_of(&dir, "bin.txt");
    std::fs::write(&bin, b"x\0y").unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&f), "type": 1}, {"uri": uri(&bin), "type": 1}]}))
        .await;
    c.wait_for("f.txt indexed", |c| c.probe.workspace_keys().contains(&"new/f.txt".to_string()).then_some(())).await;
    assert!(!c.probe.workspace_keys().contains(&"bin.txt".to_string()));
    c.wait_for("skip logged", |c| c.messages().into_iter().find(|m| m.contains("bin.txt") && m.contains("binary"))).await;

    // changed: the disk is re-read
    std::fs::write(&f, A).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&f), "type": 2}]})).await;
    c.wait_for("f.txt re-read", |c| (c.probe.workspace_text("new/f.txt").as_deref() == Some(A)).then_some(())).await;

    // an open document is the editor's: a change on disk is ignored until it closes
    std::fs::write(path_of(&dir, "d.txt"), A).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": d, "type": 2}]})).await;
    assert_eq!(c.probe.workspace_text("d.txt").as_deref(), Some(D));
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": d}})).await;
    c.wait_for("d.txt from disk", |c| (c.probe.workspace_text("d.txt").as_deref() == Some(A)).then_some(())).await;
    // closing clears the document's diagnostics
    c.wait_for("cleared", |c| {
        c.publications(&d).last().filter(|(v, diags)| v.is_null() && diags.is_empty()).map(|_| ())
    })
    .await;

    // deleted: a file, then a folder
    std::fs::remove_file(path_of(&dir, "a.txt")).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&path_of(&dir, "a.txt")), "type": 3}]}))
        .await;
    let new_dir_uri = uri(&path_of(&dir, "new"));
    std::fs::remove_dir_all(path_of(&dir, "new")).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": new_dir_uri, "type": 3}]})).await;
    c.wait_for("deleted", |c| (c.probe.workspace_keys() == vec!["b.txt", "c.txt", "d.txt"]).then_some(())).await;
    assert_eq!(c.shutdown_and_exit().await, 0);
}

/// Files that are no regular files, announced as created or left behind a closed document
/// (issue 13, H1/H2 and the unbounded read): named in the log, never read, and the server
/// answers the next request at once.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread")]
async fn fifos_and_devices_in_the_corpus_are_skipped_without_blocking() {
    let dir = seed_like();
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    let d = c.open(&path_of(&dir, "d.txt"), 1).await;
    assert_eq!(c.diagnostics(&d, 1).await.len(), 1);
    let fifo = path_of(&dir, "x.txt");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs").success());
    let zero = path_of(&dir, "z.txt");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&fifo), "type": 1}, {"uri": uri(&zero), "type": 1}]}))
        .await;
    c.wait_for("FIFO named", |c| c.messages().into_iter().find(|m| m.contains("x.txt") && m.contains("FIFO"))).await;
    // (a link to a device leads outside the corpus: never followed)
    c.wait_for("link named", |c| c.messages().into_iter().find(|m| m.contains("z.txt") && m.contains("outside the corpus, to /dev/zero"))).await;
    assert!(!c.probe.workspace_keys().iter().any(|k| k == "x.txt" || k == "z.txt"));
    // a FIFO the editor opened and closed: closing re-reads the disk, which is refused
    let x = c.open_text(&fifo, "نص", 1).await;
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": x}})).await;
    let hover = c.request("textDocument/hover", json!({"textDocument": {"uri": d}, "position": {"line": 0, "character": 0}})).await;
    assert!(hover.get("error").is_none(), "{hover}");
    assert_eq!(c.shutdown_and_exit().await, 0);
}
