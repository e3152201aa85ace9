//! The corpus boundary over the protocol: a document from outside every root (opened from
//! elsewhere, reached through `..`, or a symlink inside a root to a file elsewhere) never
//! joins the corpus. It is analysed alone, as a corpus of one, and it appears in no corpus
//! document's references or rename edits; the URIs the server returns are built on the root
//! as the client sent it, with `.` and `..` resolved.

use std::path::Path;

use crate::common::*;
use serde_json::{Value, json};

/// UTF-16 position of the first `needle` in `text` (one line).
fn pos_of(text: &str, needle: &str) -> Value {
    let at = text.find(needle).expect("needle in text") + 2;
    json!({"line": 0, "character": u16len(&text[..at])})
}

/// The URIs a references request and a rename at the first باشينيان of `a.txt` touch.
async fn reached_from_the_corpus(c: &TestClient, root: &Path) -> Vec<String> {
    let a = c.open(&root.join("a.txt"), 1).await;
    let pos = pos_of(A, CANONICAL);
    let refs = c.request("textDocument/references", json!({"textDocument": {"uri": a}, "position": pos, "context": {"includeDeclaration": true}})).await;
    let mut uris: Vec<String> = refs["result"].as_array().expect("references").iter().map(|l| l["uri"].as_str().unwrap().to_string()).collect();
    assert!(uris.len() >= 6, "the corpus's own mentions: {refs}");
    let rename = c.request("textDocument/rename", json!({"textDocument": {"uri": a}, "position": pos, "newName": "باشينيانو"})).await;
    let edit = &rename["result"];
    if let Some(changes) = edit["changes"].as_object() {
        uris.extend(changes.keys().cloned());
    }
    for dc in edit["documentChanges"].as_array().into_iter().flatten() {
        uris.extend(dc["textDocument"]["uri"].as_str().map(str::to_string));
    }
    uris.sort();
    uris.dedup();
    uris
}

/// What `text` gets as the only document of a corpus: the diagnostics an outside document
/// must get (message and range).
async fn alone(text: &str) -> Vec<(Value, Value)> {
    let dir = corpus(&[("x.txt", text)]);
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    let u = c.open(&dir.path().join("x.txt"), 1).await;
    let d = c.diagnostics(&u, 1).await;
    d.into_iter().map(|d| (d["message"].clone(), d["range"].clone())).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_document_opened_from_outside_is_analysed_alone_and_never_joins_the_corpus() {
    let root = seed_like();
    let elsewhere = corpus(&[]);
    // both spellings: alone, the document flags its own variant
    let text = format!("{A} {D}");
    let x = elsewhere.path().join("x.txt");
    std::fs::write(&x, &text).unwrap();
    let expected = alone(&text).await;
    assert!(!expected.is_empty(), "the text flags its variant alone");

    let c = TestClient::start_on(root.path(), &["utf-16"]).await;
    let ux = c.open(&x, 1).await;
    let got: Vec<(Value, Value)> = c.diagnostics(&ux, 1).await.into_iter().map(|d| (d["message"].clone(), d["range"].clone())).collect();
    assert_eq!(got, expected, "as a corpus of one");
    let reached = reached_from_the_corpus(&c, root.path()).await;
    assert!(!reached.contains(&ux), "{reached:?}");
    assert!(c.probe.workspace_keys().iter().all(|k| !k.contains("x.txt")), "{:?}", c.probe.workspace_keys());
    // a request on the outside document sees it alone
    let refs = c.request("textDocument/references", json!({"textDocument": {"uri": ux}, "position": pos_of(&text, CANONICAL), "context": {"includeDeclaration": true}})).await;
    let uris: Vec<&str> = refs["result"].as_array().expect("references").iter().map(|l| l["uri"].as_str().unwrap()).collect();
    assert!(!uris.is_empty() && uris.iter().all(|u| *u == ux), "{refs}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_path_that_leaves_the_root_through_dot_dot_is_outside() {
    let root = seed_like();
    let elsewhere = corpus(&[("x.txt", D)]);
    let name = elsewhere.path().file_name().unwrap().to_string_lossy().to_string();
    let c = TestClient::start_on(root.path(), &["utf-16"]).await;
    let sneaky = format!("{}/../{name}/x.txt", uri(root.path()));
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": sneaky, "languageId": "plaintext", "version": 1, "text": D}})).await;
    assert!(c.diagnostics(&sneaky, 1).await.is_empty(), "alone, the one spelling is consistent");
    let reached = reached_from_the_corpus(&c, root.path()).await;
    assert!(reached.iter().all(|u| !u.contains("x.txt") && !u.contains("..")), "{reached:?}");
    assert!(c.probe.workspace_keys().iter().all(|k| !k.contains("x.txt")), "{:?}", c.probe.workspace_keys());
}

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread")]
async fn a_symlink_inside_the_root_to_a_file_elsewhere_is_not_read_into_the_corpus() {
    let root = seed_like();
    let elsewhere = corpus(&[("x.txt", D)]);
    let c = TestClient::start_on(root.path(), &["utf-16"]).await;
    let leak = root.path().join("leak.txt");
    std::os::unix::fs::symlink(elsewhere.path().join("x.txt"), &leak).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&leak), "type": 1}]})).await;
    let reached = reached_from_the_corpus(&c, root.path()).await;
    assert!(reached.iter().all(|u| !u.contains("leak.txt")), "{reached:?}");
    assert!(c.probe.workspace_keys().iter().all(|k| k != "leak.txt"), "{:?}", c.probe.workspace_keys());
    // opened in the editor, it is a document of its own
    let ul = c.open(&leak, 1).await;
    assert!(c.diagnostics(&ul, 1).await.is_empty());
    assert!(c.probe.workspace_keys().iter().all(|k| k != "leak.txt"), "{:?}", c.probe.workspace_keys());
}

#[tokio::test(flavor = "multi_thread")]
async fn uris_are_returned_on_the_root_with_dot_dot_resolved() {
    let root = seed_like();
    std::fs::create_dir(root.path().join("sub")).unwrap();
    let c = TestClient::start_on(&root.path().join("sub/.."), &["utf-16"]).await;
    let reached = reached_from_the_corpus(&c, root.path()).await;
    let corpus_uris: Vec<String> = ["a.txt", "b.txt", "c.txt", "d.txt"].iter().map(|n| uri(&root.path().join(n))).collect();
    assert!(reached.iter().all(|u| corpus_uris.contains(u)), "{reached:?}");
}
