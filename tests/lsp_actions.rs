//! Diagnostics and quick fixes on a small corpus: replace one, replace all in the file,
//! replace across the corpus (versioned documentChanges for open documents), and accept the
//! variant in isnad.toml (an edit of the existing file, or CreateFile + insert).

use crate::common::*;
use serde_json::{Value, json};

/// d.txt writes باشنيان twice, e.txt once; a, b, c write باشينيان twice each.
const D2: &str = "الرئيس الأرميني، نيكول باشنيان. وقال باشنيان إن أرمينيا مستعدة.";
const E: &str = "وصرح رئيس الوزراء الأرميني نيكول باشنيان للصحفيين.";

fn corpus_with(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let mut files = vec![("a.txt", A), ("b.txt", A), ("c.txt", A), ("d.txt", D2), ("e.txt", E)];
    files.extend_from_slice(extra);
    corpus(&files)
}

fn range_of(text: &str, nth: usize, needle: &str) -> Value {
    let start = text.match_indices(needle).nth(nth).unwrap().0;
    let a = u16len(&text[..start]);
    json!({"start": {"line": 0, "character": a}, "end": {"line": 0, "character": a + u16len(needle)}})
}

async fn actions(c: &TestClient, uri: &str, range: Value, diagnostics: Vec<Value>) -> Vec<Value> {
    let r = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": diagnostics}}),
        )
        .await;
    r["result"].as_array().unwrap_or_else(|| panic!("{r}")).clone()
}

fn titles(actions: &[Value]) -> Vec<&str> {
    actions.iter().map(|a| a["title"].as_str().unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn diagnostics_carry_code_severity_related_information_and_fix_data() {
    let dir = corpus_with(&[]);
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    let d = c.open(&path_of(&dir, "d.txt"), 1).await;
    let diags = c.diagnostics(&d, 1).await;
    assert_eq!(diags.len(), 2, "{diags:#?}");
    for (i, dg) in diags.iter().enumerate() {
        assert_eq!(dg["range"], range_of(D2, i, VARIANT));
        assert_eq!(dg["severity"], 2);
        assert_eq!(dg["code"], "inconsistent-spelling");
        assert_eq!(dg["source"], "isnad");
        assert_eq!(dg["data"], json!({"variant": VARIANT, "canonical": CANONICAL, "replacement": CANONICAL}));
        assert!(dg["message"].as_str().unwrap().contains(CANONICAL), "{dg}");
        // related information points at canonical mentions in files that are not open
        let related = dg["relatedInformation"].as_array().expect("relatedInformation");
        assert!(!related.is_empty());
        for r in related {
            let target = r["location"]["uri"].as_str().unwrap();
            let name = ["a.txt", "b.txt", "c.txt"].into_iter().find(|n| uri(&path_of(&dir, n)) == target);
            assert!(name.is_some(), "related location {target}");
            let range = &r["location"]["range"];
            assert!(range_of(A, 0, CANONICAL) == *range || range_of(A, 1, CANONICAL) == *range, "{range}");
        }
    }
    let e_uri = uri(&path_of(&dir, "e.txt"));
    assert!(c.publications(&e_uri).is_empty(), "documents that are not open get no diagnostics");
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn quick_fixes_replace_one_all_in_file_and_all_in_corpus() {
    let dir = corpus_with(&[]);
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    let d = c.open(&path_of(&dir, "d.txt"), 1).await;
    let diags = c.diagnostics(&d, 1).await;
    assert_eq!(diags.len(), 2);
    let first = diags[0].clone();
    let acts = actions(&c, &d, first["range"].clone(), vec![first.clone()]).await;
    assert_eq!(
        titles(&acts),
        vec![
            "Replace with «باشينيان»",
            "Replace all 2 «باشنيان» in this file with «باشينيان»",
            "Replace «باشنيان» with «باشينيان» in all 2 files of the corpus",
            "Accept «باشنيان» as a correct spelling",
        ]
    );
    // 1. exactly the variant, versioned, preferred, linked to its diagnostic
    assert_eq!(
        acts[0],
        json!({
            "title": "Replace with «باشينيان»",
            "kind": "quickfix",
            "diagnostics": [first],
            "isPreferred": true,
            "edit": {"documentChanges": [{
                "textDocument": {"uri": d, "version": 1},
                "edits": [{"range": range_of(D2, 0, VARIANT), "newText": CANONICAL}]
            }]}
        })
    );
    // 2. both mentions in d.txt
    let edits = edits_for(&acts[1]["edit"], &d);
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0].0, json!(1));
    assert_eq!(apply_edits(D2, &edits[0].1), D2.replace(VARIANT, CANONICAL));
    assert_eq!(acts[1]["kind"], "quickfix");
    assert!(acts[1].get("isPreferred").is_none());
    // 3. d.txt (open: its version) and e.txt (not open: no version), in one edit
    let all = &acts[2]["edit"];
    assert_eq!(all["documentChanges"].as_array().unwrap().len(), 2, "{all}");
    let d_edits = edits_for(all, &d);
    assert_eq!(d_edits[0].0, json!(1));
    assert_eq!(apply_edits(D2, &d_edits[0].1), D2.replace(VARIANT, CANONICAL));
    let e = uri(&path_of(&dir, "e.txt"));
    let e_edits = edits_for(all, &e);
    assert_eq!(e_edits[0].0, Value::Null);
    assert_eq!(apply_edits(E, &e_edits[0].1), E.replace(VARIANT, CANONICAL));

    // without diagnostics in the context, the findings under the range are used
    let cursor = range_of(D2, 1, VARIANT)["start"].clone();
    let acts2 = actions(&c, &d, json!({"start": cursor, "end": cursor}), vec![]).await;
    assert_eq!(titles(&acts2), titles(&acts));
    assert!(acts2[0].get("diagnostics").is_none());
    assert_eq!(edits_for(&acts2[0]["edit"], &d)[0].1, vec![(range_of(D2, 1, VARIANT), CANONICAL.to_string())]);
    // nothing under the cursor, or only other kinds asked for: no actions
    let zero = json!({"line": 0, "character": 0});
    assert!(actions(&c, &d, json!({"start": zero, "end": zero}), vec![]).await.is_empty());
    let r = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": d}, "range": first["range"],
                   "context": {"diagnostics": [first], "only": ["refactor"]}}),
        )
        .await;
    assert_eq!(r["result"], json!([]));

    // the editor applies the corpus-wide fix: d.txt by didChange, e.txt on disk
    let (_, d_fix) = &d_edits[0];
    let changes: Vec<Value> = {
        let mut v: Vec<&(Value, String)> = d_fix.iter().collect();
        v.sort_by_key(|(r, _)| std::cmp::Reverse(r["start"]["character"].as_u64()));
        v.into_iter().map(|(r, t)| json!({"range": r, "text": t})).collect()
    };
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": d, "version": 2}, "contentChanges": changes}))
        .await;
    std::fs::write(path_of(&dir, "e.txt"), E.replace(VARIANT, CANONICAL)).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": e, "type": 2}]})).await;
    // (d.txt's version 2 may first be published before e.txt's change is read: the corpus
    // still wrote the variant there; the last publication is clean)
    c.wait_for("d.txt clean at version 2", |c| {
        c.publications(&d).last().filter(|(version, diags)| *version == json!(2) && diags.is_empty()).map(|_| ())
    })
    .await;
    // (d.txt's clean publication does not wait for e.txt's read from disk: its own finding
    // went with its own edit)
    let fixed = E.replace(VARIANT, CANONICAL);
    c.wait_for("e.txt read again from disk", |c| (c.probe.workspace_text("e.txt").as_deref() == Some(fixed.as_str())).then_some(())).await;
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn accept_creates_isnad_toml_when_missing() {
    let dir = corpus_with(&[]);
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    let d = c.open(&path_of(&dir, "d.txt"), 1).await;
    let diags = c.diagnostics(&d, 1).await;
    let acts = actions(&c, &d, diags[0]["range"].clone(), vec![diags[0].clone()]).await;
    let accept = acts.iter().find(|a| a["title"] == "Accept «باشنيان» as a correct spelling").unwrap();
    let toml_path = path_of(&dir, "isnad.toml");
    let toml_uri = uri(&toml_path);
    let new_text = isnad::corpus::config::with_accepted_spelling(None, VARIANT).unwrap();
    assert_eq!(
        accept["edit"],
        json!({"documentChanges": [
            {"kind": "create", "uri": toml_uri, "options": {"overwrite": false, "ignoreIfExists": true}},
            {"textDocument": {"uri": toml_uri, "version": null},
             "edits": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "newText": new_text}]}
        ]})
    );
    assert!(!toml_path.exists(), "the server never writes files itself");
    // the editor applies it; the watcher reports it; the variant is accepted
    std::fs::write(&toml_path, &new_text).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": toml_uri, "type": 1}]})).await;
    c.wait_for("accepted", |c| {
        let pubs = c.publications(&d);
        pubs.last().filter(|(_, diags)| diags.is_empty()).map(|_| ())
    })
    .await;
    assert_eq!(c.probe.config().spelling.accepted, vec![VARIANT]);
    assert_eq!(c.shutdown_and_exit().await, 0);
}

/// Accept is offered to every client when isnad.toml is missing: one that can create files but
/// announces no documentChanges (Neovim) gets the create operation, one that can do neither
/// (eglot) the text as an edit of the new file's URI.
#[tokio::test(flavor = "multi_thread")]
async fn accept_without_isnad_toml_reaches_every_client() {
    for (workspace_edit, creates) in [(json!({"resourceOperations": ["rename", "create", "delete"]}), true), (json!({}), false)] {
        let dir = corpus_with(&[]);
        let mut caps = capabilities(&["utf-16"]);
        caps["workspace"]["workspaceEdit"] = workspace_edit.clone();
        let c = TestClient::start_with_capabilities(dir.path(), caps).await;
        let d = c.open(&path_of(&dir, "d.txt"), 1).await;
        let diags = c.diagnostics(&d, 1).await;
        let acts = actions(&c, &d, diags[0]["range"].clone(), vec![diags[0].clone()]).await;
        let accept = acts.iter().find(|a| a["title"] == "Accept «باشنيان» as a correct spelling").unwrap_or_else(|| panic!("no Accept for {workspace_edit}: {acts:#?}"));
        let toml_uri = uri(&path_of(&dir, "isnad.toml"));
        let new_text = isnad::corpus::config::with_accepted_spelling(None, VARIANT).unwrap();
        let insert = json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "newText": new_text});
        if creates {
            assert_eq!(accept["edit"]["documentChanges"][0], json!({"kind": "create", "uri": toml_uri, "options": {"overwrite": false, "ignoreIfExists": true}}));
            assert_eq!(accept["edit"]["documentChanges"][1]["edits"][0], insert);
        } else {
            assert_eq!(accept["edit"], json!({"changes": {toml_uri: [insert]}}));
        }
        assert_eq!(c.shutdown_and_exit().await, 0);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn accept_edits_the_existing_isnad_toml_and_plain_changes_without_document_changes() {
    let existing = "# house style\n[severity]\northographic_variant = \"hint\"\n";
    let dir = corpus_with(&[("isnad.toml", existing)]);
    // a client without documentChanges support gets `changes`
    let mut caps = capabilities(&["utf-16"]);
    caps["workspace"]["workspaceEdit"] = json!({});
    let c = TestClient::start_with_capabilities(dir.path(), caps).await;
    let d = c.open(&path_of(&dir, "d.txt"), 1).await;
    let diags = c.diagnostics(&d, 1).await;
    let acts = actions(&c, &d, diags[0]["range"].clone(), vec![diags[0].clone()]).await;
    assert_eq!(
        acts[0]["edit"],
        json!({"changes": {d.clone(): [{"range": range_of(D2, 0, VARIANT), "newText": CANONICAL}]}})
    );
    let toml_uri = uri(&path_of(&dir, "isnad.toml"));
    let accept = acts.iter().find(|a| a["title"] == "Accept «باشنيان» as a correct spelling").unwrap();
    let new_text = isnad::corpus::config::with_accepted_spelling(Some(existing), VARIANT).unwrap();
    assert!(new_text.starts_with("# house style\n"));
    assert_eq!(
        accept["edit"],
        json!({"changes": {toml_uri: [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 3, "character": 0}},
                                       "newText": new_text}]}})
    );
    // corpus-wide edit as `changes` too
    let all = &acts[2]["edit"]["changes"];
    assert_eq!(all.as_object().unwrap().len(), 2);
    assert_eq!(c.shutdown_and_exit().await, 0);
}
