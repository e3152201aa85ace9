//! Document synchronisation: incremental edits applied strictly in arrival order, positions in
//! the negotiated encoding with emoji before Arabic text, and debounced publication.

use crate::common::*;
use serde_json::{Value, json};

/// A client-side model of the document, converting char offsets to LSP positions.
fn position(text: &str, char_offset: usize, utf8: bool) -> Value {
    let mut line = 0;
    let mut col = 0;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < char_offset {
        match chars[i] {
            '\r' if chars.get(i + 1) == Some(&'\n') && i + 1 < char_offset => {
                line += 1;
                col = 0;
                i += 1;
            }
            '\n' | '\r' => {
                line += 1;
                col = 0;
            }
            c => col += if utf8 { c.len_utf8() } else { c.len_utf16() },
        }
        i += 1;
    }
    json!({"line": line, "character": col})
}

/// Move an offset off the middle of a CRLF pair (not a position in LSP); `up` moves past it.
fn off_crlf(text: &str, i: usize, up: bool) -> usize {
    let chars: Vec<char> = text.chars().collect();
    if i > 0 && i < chars.len() && chars[i - 1] == '\r' && chars[i] == '\n' {
        if up { i + 1 } else { i - 1 }
    } else {
        i
    }
}

fn splice(text: &str, a: usize, b: usize, new: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars[..a].iter().collect::<String>() + new + &chars[b..].iter().collect::<String>()
}

/// Tiny deterministic generator (no dependency).
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Hundreds of edits sent without waiting, then all undone, then one known edit: the server
/// ends with exactly the client's text, and the diagnostics of the last version point at the
/// one variant left, after the emoji.
async fn storm(encoding: &str) {
    let utf8 = encoding == "utf-8";
    let dir = seed_like();
    let c = TestClient::start_on(dir.path(), &[encoding]).await;
    let path = path_of(&dir, "storm.txt");
    // CRLF pairs stay whole (no lone CR, no edit boundary inside a pair): a position between
    // CR and LF does not exist in the protocol. Lone CRs are covered by the unit tests.
    let start = format!("😀 {A}\r\nسطر\nثالث 😀");
    let u = c.open_text(&path, &start, 1).await;
    assert!(c.diagnostics(&u, 1).await.is_empty());

    let pieces = ["ب", "باشنيان ", "😀", "قره باغ", "\n", "\r\n", "«اقتباس»", " ", "e\u{301}", "ـ"];
    let mut rng = Lcg(7);
    let mut text = start.clone();
    let mut version = 1;
    let mut undo: Vec<(usize, usize, String)> = Vec::new();
    let mut sent = 0;
    for _ in 0..250 {
        let n = text.chars().count();
        let (a, b, new) = if rng.below(10) < 6 || n < 10 {
            let at = off_crlf(&text, rng.below(n + 1), false);
            let ins = pieces[rng.below(pieces.len())];
            undo.push((at, at + ins.chars().count(), String::new()));
            (at, at, ins.to_string())
        } else {
            let a = off_crlf(&text, rng.below(n), false);
            let b = off_crlf(&text, (a + 1 + rng.below(11)).min(n), true);
            undo.push((a, a, text.chars().skip(a).take(b - a).collect()));
            (a, b, String::new())
        };
        let range = json!({"start": position(&text, a, utf8), "end": position(&text, b, utf8)});
        text = splice(&text, a, b, &new);
        version += 1;
        c.notify("textDocument/didChange", json!({"textDocument": {"uri": u, "version": version},
                                                   "contentChanges": [{"range": range, "text": new}]}))
            .await;
        sent += 1;
    }
    for (a, b, old) in undo.into_iter().rev() {
        let range = json!({"start": position(&text, a, utf8), "end": position(&text, b, utf8)});
        text = splice(&text, a, b, &old);
        version += 1;
        c.notify("textDocument/didChange", json!({"textDocument": {"uri": u, "version": version},
                                                   "contentChanges": [{"range": range, "text": old}]}))
            .await;
        sent += 1;
    }
    assert_eq!(text, start);
    // one known variant, right after the leading emoji
    let at = 2; // after "😀 "
    let range = json!({"start": position(&text, at, utf8), "end": position(&text, at, utf8)});
    assert_eq!(range["start"]["character"], if utf8 { 5 } else { 3 });
    version += 1;
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": u, "version": version},
        "contentChanges": [{"range": range, "text": format!("الأرميني نيكول {VARIANT} ")}]}))
        .await;
    sent += 1;
    text = splice(&text, at, at, &format!("الأرميني نيكول {VARIANT} "));
    assert!(sent >= 300);

    let diags = c.diagnostics(&u, version).await;
    assert_eq!(c.probe.open_text(&u).unwrap(), text);
    assert_eq!(c.probe.open_version(&u), Some(version as i32));
    let key = "storm.txt";
    assert_eq!(c.probe.workspace_text(key).unwrap(), text);
    let before = |s: &str| if utf8 { s.len() } else { u16len(s) as usize };
    let col = before("😀 الأرميني نيكول ");
    let end = col + before(VARIANT);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["range"], json!({"start": {"line": 0, "character": col}, "end": {"line": 0, "character": end}}));
    // debounced: far fewer publications than edits, the last with the last version
    let pubs = c.publications(&u);
    assert!(pubs.len() < sent / 2, "{} publications for {sent} edits", pubs.len());
    assert_eq!(pubs.last().unwrap().0, json!(version));
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn edit_storm_applies_in_order_utf16() {
    storm("utf-16").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn edit_storm_applies_in_order_utf8() {
    storm("utf-8").await;
}

/// Diagnostics and edits in a line that starts with emoji, in both encodings.
async fn emoji_before_arabic(encoding: &str) {
    let utf8 = encoding == "utf-8";
    let dir = seed_like();
    let c = TestClient::start_on(dir.path(), &[encoding]).await;
    let path = path_of(&dir, "emoji.txt");
    let prefix = "😀😀 الرئيس الأرميني نيكول ";
    let text = format!("سطر أول\r\n{prefix}{VARIANT} 👍\n");
    let u = c.open_text(&path, &text, 1).await;
    let units = |s: &str| if utf8 { s.len() as u32 } else { u16len(s) };
    let col = units(prefix);
    let diags = c.diagnostics(&u, 1).await;
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0]["range"],
        json!({"start": {"line": 1, "character": col}, "end": {"line": 1, "character": col + units(VARIANT)}})
    );
    assert_eq!(diags[0]["code"], "inconsistent-spelling");
    assert_eq!(diags[0]["data"]["replacement"], CANONICAL);
    // insert ي after باش: the variant becomes the canonical spelling
    let at = json!({"line": 1, "character": col + units("باش")});
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": u, "version": 2},
        "contentChanges": [{"range": {"start": at, "end": at}, "text": "ي"}]}))
        .await;
    let d2 = c.diagnostics(&u, 2).await;
    assert!(d2.is_empty(), "{d2:#?} {:?}", c.probe.open_text(&u));
    assert_eq!(c.probe.open_text(&u).unwrap(), format!("سطر أول\r\n{prefix}{CANONICAL} 👍\n"));
    // a full-text change is accepted too
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": u, "version": 3},
        "contentChanges": [{"text": format!("{prefix}{VARIANT}")}]}))
        .await;
    let diags = c.diagnostics(&u, 3).await;
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["range"]["start"], json!({"line": 0, "character": col}));
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn positions_with_emoji_before_arabic_utf16() {
    emoji_before_arabic("utf-16").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn positions_with_emoji_before_arabic_utf8() {
    emoji_before_arabic("utf-8").await;
}

/// A change of the canonical form elsewhere reaches the other open documents.
#[tokio::test(flavor = "multi_thread")]
async fn an_edit_republishes_other_open_documents_it_affects() {
    let dir = seed_like();
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    let d = c.open(&path_of(&dir, "d.txt"), 1).await;
    let a = c.open(&path_of(&dir, "a.txt"), 1).await;
    assert_eq!(c.diagnostics(&d, 1).await.len(), 1);
    assert!(c.diagnostics(&a, 1).await.is_empty());
    // a.txt now writes باشنيان too: no longer a clear majority for باشينيان... and after a
    // closing edit of the other way, d.txt's diagnostics change without d.txt being edited.
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": u16len(A)}});
    let a_text = format!("{} {}", A.replace(CANONICAL, VARIANT), D);
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": a, "version": 2},
        "contentChanges": [{"range": whole, "text": a_text}]}))
        .await;
    c.diagnostics(&a, 2).await;
    let d_pubs = c.wait_for("d.txt re-published", |c| Some(c.publications(&d)).filter(|p| p.len() >= 2)).await;
    assert_eq!(d_pubs.last().unwrap().0, json!(1), "d.txt keeps its version");
    assert_ne!(d_pubs.first().unwrap().1, d_pubs.last().unwrap().1);
    assert_eq!(c.shutdown_and_exit().await, 0);
}

/// A request waiting behind a slow one (the state held, as a long analysis holds it) answers
/// RequestCancelled as soon as the editor cancels it, without waiting for the state; one about
/// a document edited after it arrived answers ContentModified, and the edit's diagnostics
/// follow. Requests run off the async threads, so neither holds the protocol back.
// (While the test holds the state, the edit's handler waits for it on a worker thread: spare
// workers keep the runtime's timers going, and the test waits with the thread's own sleep.)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_cancelled_or_overtaken_request_answers_its_error_code() {
    let (_dir, c, a, name) = a_opened_at_its_name().await;
    let at = json!({"textDocument": {"uri": a}, "position": {"line": 0, "character": name}, "context": {"includeDeclaration": true}});
    let answer = c.request("textDocument/references", at.clone()).await;
    assert!(answer["result"].as_array().is_some_and(|r| r.len() >= 2), "{answer}");
    let in_time = |what: &'static str| move |r: Result<Result<Value, _>, _>| -> Value {
        r.unwrap_or_else(|_| panic!("{what}: no answer")).unwrap_or_else(|_| panic!("{what}: dropped"))
    };

    // cancelled while it waits: answered at once, the state still held
    let held = c.probe.hold_state();
    let (id, pending) = c.send_request("textDocument/references", at.clone()).await;
    // (once the server holds the request: a cancel for a request it does not know is ignored)
    std::thread::sleep(std::time::Duration::from_millis(50));
    c.notify("$/cancelRequest", json!({"id": id})).await;
    let answer = in_time("cancelled")(tokio::time::timeout(std::time::Duration::from_secs(5), pending).await);
    assert_eq!(answer["error"]["code"], -32800, "{answer}");
    drop(held);

    // overtaken by an edit of its document
    let held = c.probe.hold_state();
    let (_, pending) = c.send_request("textDocument/references", at.clone()).await;
    std::thread::sleep(std::time::Duration::from_millis(50));
    append_a_word(&c, &a).await;
    std::thread::sleep(std::time::Duration::from_millis(50));
    drop(held);
    let answer = in_time("overtaken")(tokio::time::timeout(TIMEOUT, pending).await);
    assert_eq!(answer["error"]["code"], -32801, "{answer}");
    c.diagnostics(&a, 2).await;
    // and a request after the edit is answered
    let answer = c.request("textDocument/references", at).await;
    assert!(answer["result"].as_array().is_some_and(|r| r.len() >= 2), "{answer}");
    assert_eq!(c.shutdown_and_exit().await, 0);
}

/// The seed-like corpus served, a.txt open with its diagnostics in, and the UTF-16 column
/// inside a.txt's first canonical name.
async fn a_opened_at_its_name() -> (tempfile::TempDir, TestClient, String, u32) {
    let dir = seed_like();
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    let a = c.open(&path_of(&dir, "a.txt"), 1).await;
    c.diagnostics(&a, 1).await;
    let name = u16len(&A[..A.find(CANONICAL).unwrap()]) + 2;
    (dir, c, a, name)
}

/// a.txt, version 2: a word written at its end.
async fn append_a_word(c: &TestClient, a: &str) {
    let end = json!({"line": 0, "character": u16len(A)});
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": a, "version": 2},
        "contentChanges": [{"range": {"start": end, "end": end}, "text": " نعم"}]}))
        .await;
}

/// Requests that only read the state (hover, references, symbols) are answered beside one
/// another and beside the findings of a round of diagnostics: while the state is held for
/// reading, as a slow references lookup holds it, a hover and references are answered. An
/// edit waits for the reader; its diagnostics follow.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_request_that_reads_is_answered_beside_another_reader() {
    let (_dir, c, a, name) = a_opened_at_its_name().await;
    let position = json!({"line": 0, "character": name});
    let in_time = TIMEOUT;
    // (no round of diagnostics still to come: a writer waiting for the state would keep every
    // reader after it out while the test holds the state, as it would behind a slow reader
    // that did not give way)
    c.probe.wait_until_published();
    let held = c.probe.read_state();
    let hover = tokio::time::timeout(in_time, c.request("textDocument/hover", json!({"textDocument": {"uri": a}, "position": position})))
        .await
        .expect("a hover answered while the state is read");
    assert!(hover["result"]["contents"]["value"].as_str().is_some_and(|v| v.contains(CANONICAL)), "{hover}");
    let refs = tokio::time::timeout(
        in_time,
        c.request("textDocument/references", json!({"textDocument": {"uri": a}, "position": position, "context": {"includeDeclaration": true}})),
    )
    .await
    .expect("references answered while the state is read");
    assert!(refs["result"].as_array().is_some_and(|r| r.len() >= 2), "{refs}");
    append_a_word(&c, &a).await;
    std::thread::sleep(std::time::Duration::from_millis(50));
    drop(held);
    c.diagnostics(&a, 2).await;
    assert_eq!(c.shutdown_and_exit().await, 0);
}

/// A slow request that reads (a references look-up over a large archive; padded here with
/// `Probe::slow_readers`) does not hold back the diagnostics of an edit that comes while it
/// runs: it gives way to the edit and to the round of diagnostics, then answers, from the
/// edited state, with its result (no error: the edit was of another document).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_slow_request_does_not_hold_back_the_next_edits_diagnostics() {
    let (dir, c, a, name) = a_opened_at_its_name().await;
    let b = c.open(&path_of(&dir, "b.txt"), 1).await;
    c.diagnostics(&b, 1).await;
    let slow = std::time::Duration::from_secs(2);
    c.probe.slow_readers(slow);
    // (the whole exchange inside the time a request gives way for, however slow the machine)
    c.probe.give_way_for(std::time::Duration::from_secs(10));
    let asked = std::time::Instant::now();
    let at = json!({"textDocument": {"uri": b}, "position": {"line": 0, "character": name}, "context": {"includeDeclaration": true}});
    let (_, pending) = c.send_request("textDocument/references", at).await;
    // (the request is in its padding by now)
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    append_a_word(&c, &a).await;
    c.diagnostics(&a, 2).await;
    assert!(asked.elapsed() < slow, "the edit's diagnostics came after the slow request: {:?}", asked.elapsed());
    let answer = tokio::time::timeout(TIMEOUT, pending).await.expect("the slow request answered").unwrap();
    let found = answer["result"].as_array().unwrap_or_else(|| panic!("{answer}"));
    assert!(found.iter().any(|l| l["uri"] == a.as_str()) && found.iter().any(|l| l["uri"] == b.as_str()), "{answer}");
    assert_eq!(c.shutdown_and_exit().await, 0);
}
