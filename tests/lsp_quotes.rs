//! Repeated quotes over the protocol: definition (source copy), references, hover, code
//! lenses; edits re-link or unlink at once; a front-matter date changes the source; nested and
//! unbalanced quote marks.

use crate::common::*;
use serde_json::{Value, json};

const Q: &str = "ستوفر روسيا ليريفان كل المساعدة الضرورية في حال وقعت مواجهات مباشرة على أراضي أرمينيا";

/// LSP position (UTF-16) of the middle of the first `needle` in `text`.
fn pos_in(text: &str, needle: &str) -> Value {
    let at = text.find(needle).expect("needle in text") + needle.len() / 2;
    let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap();
    let before = &text[..at];
    let line = before.matches('\n').count();
    let col = u16len(before.rsplit('\n').next().unwrap_or(""));
    json!({"line": line, "character": col})
}

async fn definition(c: &TestClient, uri: &str, pos: Value) -> Value {
    c.request("textDocument/definition", json!({"textDocument": {"uri": uri}, "position": pos})).await["result"].clone()
}

async fn references(c: &TestClient, uri: &str, pos: Value) -> Value {
    c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri}, "position": pos, "context": {"includeDeclaration": true}}),
    )
    .await["result"]
        .clone()
}

async fn change(c: &TestClient, uri: &str, version: i64, text: &str) {
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
    )
    .await;
}

fn target(def: &Value) -> String {
    let loc = if def.is_array() { &def[0] } else { def };
    loc.get("uri").or_else(|| loc.get("targetUri")).and_then(Value::as_str).unwrap_or("").to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edited_quote_relinks_or_unlinks_immediately() {
    let a = format!("وقالت وزارة الخارجية «{Q}».\n");
    let b = format!("وقالت الوزارة في بيان \"{Q}\".\n");
    let dir = corpus(&[("a.txt", &a), ("b.txt", &b), ("c.txt", "نص آخر لا اقتباس فيه.\n")]);
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    let ub = c.open(&path_of(&dir, "b.txt"), 1).await;
    let ua = uri(&path_of(&dir, "a.txt"));

    let def = definition(&c, &ub, pos_in(&b, "مواجهات")).await;
    assert_eq!(target(&def), ua, "{def}");
    let refs = references(&c, &ub, pos_in(&b, "مواجهات")).await;
    let uris: Vec<&str> = refs.as_array().unwrap().iter().map(|l| l["uri"].as_str().unwrap()).collect();
    assert_eq!(uris, vec![ua.as_str(), ub.as_str()], "source first");
    // the source's range covers the quote in a.txt
    let start = &refs[0]["range"]["start"];
    assert_eq!(start, &pos_in(&a, "ستوفر").as_object().map(|_| json!({"line": 0, "character": u16len("وقالت وزارة الخارجية «")})).unwrap());

    // rewrite the quote: no copy any more
    let b2 = "وقالت الوزارة في بيان \"سنراقب الوضع عن كثب ونتخذ ما يلزم من خطوات في الوقت المناسب\".\n";
    change(&c, &ub, 2, b2).await;
    assert_eq!(definition(&c, &ub, pos_in(b2, "الوضع")).await, Value::Null);
    assert_eq!(definition(&c, &ua, pos_in(&a, "مواجهات")).await, Value::Null, "the other copy unlinks too");

    // a one-word edit of the original links again
    let b3 = format!("وقالت الوزارة «{}».\n", Q.replace("الضرورية", "اللازمة"));
    change(&c, &ub, 3, &b3).await;
    assert_eq!(target(&definition(&c, &ub, pos_in(&b3, "مواجهات")).await), ua);
    let hover = c.request("textDocument/hover", json!({"textDocument": {"uri": ub}, "position": pos_in(&b3, "مواجهات")})).await;
    let md = hover["result"]["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(md.contains("2 copies") && md.contains("a.txt") && md.contains("اللازمة") && md.contains("الضرورية"), "{md}");
    assert!(md.contains("وزارة الخارجية") || md.contains("الوزارة"), "speaker: {md}");
    c.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dated_front_matter_changes_the_source() {
    let a = format!("قالت الوزارة «{Q}».\n");
    let b = format!("قالت الخارجية «{Q}».\n");
    let dir = corpus(&[("a.txt", &a), ("b.txt", &b)]);
    let c = TestClient::start_on(dir.path(), &["utf-16"]).await;
    let ua = uri(&path_of(&dir, "a.txt"));
    let ub = c.open(&path_of(&dir, "b.txt"), 1).await;
    assert_eq!(target(&definition(&c, &ub, pos_in(&b, "روسيا")).await), ua);
    // b is dated: dated copies come before undated ones
    let b2 = format!("---\ntitle: بيان\ndate: 2020-10-31\noutlet: وكالة\n---\n{b}");
    change(&c, &ub, 2, &b2).await;
    assert_eq!(target(&definition(&c, &ua, pos_in(&a, "روسيا")).await), ub, "a (closed) now points at b");
    let def = definition(&c, &ub, pos_in(&b2, "روسيا")).await;
    assert_eq!(target(&def), ub, "the source's definition is itself");
    let lenses = c.request("textDocument/codeLens", json!({"textDocument": {"uri": ua}})).await["result"].clone();
    let lens = &lenses[0];
    assert_eq!(lens["command"]["command"], "editor.action.showReferences");
    let title = lens["command"]["title"].as_str().unwrap();
    assert!(title.contains("2 copies") && title.contains("وكالة") && title.contains("2020-10-31"), "{title}");
    assert_eq!(lens["command"]["arguments"][2].as_array().unwrap().len(), 2);
    c.shutdown_and_exit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn nested_and_unbalanced_quote_marks() {
    let a = format!("قالت الوزارة «{Q}».\n");
    // the copy is nested inside another quote; an unclosed mark ends at its paragraph
    let b = format!(
        "وقال المحلل «إن عبارة \"{Q}\" كانت رسالة واضحة إلى أنقرة وباكو».\nوقال آخر «{}\nفقرة جديدة تماما {}.\n",
        "هذا كلام لم تغلق علامته أبدا في هذا السطر الطويل",
        Q
    );
    let dir = corpus(&[("a.txt", &a), ("b.txt", &b)]);
    let c = TestClient::start_on(dir.path(), &["utf-8", "utf-16"]).await;
    let ua = uri(&path_of(&dir, "a.txt"));
    let ub = c.open(&path_of(&dir, "b.txt"), 1).await;
    // utf-8 negotiated: characters are bytes within the line
    let pos8 = |text: &str, needle: &str| {
        let at = text.find(needle).unwrap();
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        json!({"line": text[..at].matches('\n').count(), "character": at - line_start + 2})
    };
    assert_eq!(target(&definition(&c, &ub, pos8(&b, "روسيا")).await), ua, "inner quote links");
    // the outer quote carries the whole copy, so it leads to the source as well
    assert_eq!(target(&definition(&c, &ub, pos8(&b, "أنقرة")).await), ua);
    // the unbalanced quote stops at its line: the next paragraph is not quoted, and its
    // unquoted passage is a copy of a's quote, but never the origin of a jump
    assert_eq!(definition(&c, &ub, pos8(&b, "فقرة")).await, Value::Null);
    let refs = references(&c, &ua, pos8(&a, "روسيا")).await;
    assert_eq!(refs.as_array().map(Vec::len), Some(2), "{refs}");
    c.shutdown_and_exit().await;
}
