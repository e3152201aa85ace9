//! Entities over the protocol, on a copy of the seed corpus: references across spellings,
//! rename with proclitics kept, workspace symbols by a variant spelling, document symbols
//! by kind, and every label in the user's language (client locale or `isnad.language`), with
//! bidi isolates only where the client renders them.

use std::path::{Path, PathBuf};

use crate::common::*;
use serde_json::{Value, json};

fn seed_copy() -> tempfile::TempDir {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/seeds");
    let mut files = Vec::new();
    for e in std::fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        files.push((p.file_name().unwrap().to_string_lossy().to_string(), std::fs::read_to_string(&p).unwrap()));
    }
    let refs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    corpus(&refs)
}

fn file(dir: &Path, prefix: &str) -> PathBuf {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix)).unwrap()
}

/// UTF-16 position of the middle of the first whole-word `needle` after `context`.
fn pos_of(text: &str, context: &str, needle: &str) -> Value {
    let base = text.find(context).expect("context in text");
    let at = base + context.find(needle).expect("needle in context") + needle.len() / 2;
    let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap();
    let before = &text[..at];
    let line = before.matches('\n').count();
    let col = u16len(before.rsplit('\n').next().unwrap_or(""));
    json!({"line": line, "character": col})
}

/// Whole-word occurrences of any of `spellings` (a proclitic may be attached), as
/// (line, UTF-16 start) pairs.
fn occurrences(text: &str, spellings: &[&str]) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    for s in spellings {
        for (i, _) in text.match_indices(s) {
            let end = i + s.len();
            if text[end..].chars().next().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let word_start = text[..i].char_indices().rev().take_while(|(_, c)| c.is_alphanumeric()).last().map(|(k, _)| k).unwrap_or(i);
            let prefix = &text[word_start..i];
            if !["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"].contains(&prefix) {
                continue;
            }
            let before = &text[..i];
            out.push((before.matches('\n').count() as u64, u16len(before.rsplit('\n').next().unwrap_or("")) as u64));
        }
    }
    out.sort();
    out
}

async fn client(dir: &Path, locale: &str) -> TestClient {
    client_with(dir, json!(locale), Value::Null).await
}

/// A client with this `locale` (null: none, as Neovim) and these `initializationOptions`.
async fn client_with(dir: &Path, locale: Value, init_options: Value) -> TestClient {
    let c = TestClient::start();
    let r = c
        .request(
            "initialize",
            json!({
                "processId": null, "rootUri": uri(dir), "locale": locale,
                "workspaceFolders": [{"uri": uri(dir), "name": "seeds"}],
                "capabilities": capabilities(&["utf-16"]),
                "initializationOptions": init_options,
            }),
        )
        .await;
    assert!(r.get("result").is_some(), "{r}");
    c.notify("initialized", json!({})).await;
    c.wait_indexed().await;
    c
}

#[tokio::test(flavor = "multi_thread")]
async fn references_cover_every_spelling_across_the_corpus() {
    let dir = seed_copy();
    let c = client(dir.path(), "en").await;
    let p002 = file(dir.path(), "002_");
    let text = std::fs::read_to_string(&p002).unwrap();
    let u = c.open(&p002, 1).await;
    let r = c
        .request(
            "textDocument/references",
            json!({"textDocument": {"uri": u}, "position": pos_of(&text, "نيكول باشنيان من", "باشنيان"), "context": {"includeDeclaration": true}}),
        )
        .await;
    let locs = r["result"].as_array().expect("locations").clone();
    let mut expected = 0;
    for e in std::fs::read_dir(dir.path()).unwrap() {
        let p = e.unwrap().path();
        let t = std::fs::read_to_string(&p).unwrap();
        let want = occurrences(&t, &["باشينيان", "باشنيان"]);
        expected += want.len();
        let got: Vec<(u64, u64)> = locs
            .iter()
            .filter(|l| l["uri"] == uri(&p))
            .map(|l| (l["range"]["start"]["line"].as_u64().unwrap(), l["range"]["start"]["character"].as_u64().unwrap()))
            .collect();
        let mut got = got;
        got.sort();
        // a reference may start at the given name (نيكول باشينيان is one mention)
        for w in &want {
            assert!(got.iter().any(|g| g.0 == w.0 && g.1 <= w.1 && w.1 - g.1 <= 6), "{}: missing {w:?} in {got:?}", p.display());
        }
    }
    assert_eq!(locs.len(), expected, "{locs:#?}");
    assert!(expected >= 10);
}

#[tokio::test(flavor = "multi_thread")]
async fn rename_rewrites_every_mention_and_keeps_proclitics() {
    let dir = seed_copy();
    let c = client(dir.path(), "en").await;
    let p002 = file(dir.path(), "002_");
    let text = std::fs::read_to_string(&p002).unwrap();
    let u = c.open(&p002, 1).await;
    let pos = pos_of(&text, "منطقة ناغورنو كاراباخ", "كاراباخ");
    let prep = c.request("textDocument/prepareRename", json!({"textDocument": {"uri": u}, "position": pos})).await;
    assert_eq!(prep["result"]["placeholder"], "قره باغ", "{prep}");
    let r = c.request("textDocument/rename", json!({"textDocument": {"uri": u}, "position": pos, "newName": "كاراباخ"})).await;
    let edit = &r["result"];
    for e in std::fs::read_dir(dir.path()).unwrap() {
        let p = e.unwrap().path();
        let original = std::fs::read_to_string(&p).unwrap();
        let edits: Vec<(Value, String)> = edits_for(edit, &uri(&p)).into_iter().flat_map(|(_, v)| v).collect();
        let got = apply_edits(&original, &edits);
        let want = original.replace("قره باغ", "كاراباخ");
        assert_eq!(got, want, "{}", p.display());
    }
    assert!(c.request("textDocument/rename", json!({"textDocument": {"uri": u}, "position": pos, "newName": "  "})).await.get("error").is_some());
}

#[tokio::test(flavor = "multi_thread")]
async fn workspace_symbol_finds_an_entity_by_a_variant_spelling() {
    let dir = seed_copy();
    let c = client(dir.path(), "en").await;
    for query in ["كاراباخ", "قرة باغ"] {
        let r = c.request("workspace/symbol", json!({"query": query})).await;
        let found = r["result"].as_array().unwrap();
        assert!(found.iter().any(|s| s["name"] == "قره باغ" && s["containerName"] == "place"), "{query}: {r}");
    }
    let r = c.request("workspace/symbol", json!({"query": "أذربيجان"})).await;
    assert!(r["result"].as_array().unwrap().iter().any(|s| s["name"] == "أذربيجان"), "{r}");
}

#[tokio::test(flavor = "multi_thread")]
async fn document_symbols_group_people_places_and_organisations() {
    let dir = seed_copy();
    let c = client(dir.path(), "en").await;
    let p000 = file(dir.path(), "000_");
    let u = c.open(&p000, 1).await;
    let r = c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": u}})).await;
    let groups = r["result"].as_array().unwrap();
    let names = |prefix: &str| -> Vec<String> {
        groups
            .iter()
            .find(|g| g["name"].as_str().unwrap().starts_with(prefix))
            .map(|g| g["children"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect())
            .unwrap_or_default()
    };
    let (people, places, orgs) = (names("People"), names("Places"), names("Organizations"));
    for p in ["نيكول باشينيان", "فلاديمير بوتين", "إلهام علييف", "جاستن ترودو"] {
        assert!(people.contains(&p.to_string()), "{p} not in people {people:?}");
    }
    for p in ["أرمينيا", "أذربيجان", "يريفان", "موسكو", "كندا", "أوتاوا"] {
        assert!(places.contains(&p.to_string()), "{p} not in places {places:?}");
    }
    for o in ["مجموعة مينسك", "منظمة معاهدة الأمن الجماعي", "بايكار"] {
        assert!(orgs.contains(&o.to_string()), "{o} not in organizations {orgs:?}");
    }
    for wrong in ["أرمينيا", "مجموعة مينسك"] {
        assert!(!people.contains(&wrong.to_string()), "{wrong} is not a person");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn hover_labels_follow_the_client_locale_and_semantic_tokens_have_kinds() {
    let dir = seed_copy();
    let c = client(dir.path(), "ar").await;
    let p003 = file(dir.path(), "003_");
    let text = std::fs::read_to_string(&p003).unwrap();
    let u = c.open(&p003, 1).await;
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": u}, "position": pos_of(&text, "سيرغي لافروف،", "لافروف")})).await;
    let md = r["result"]["contents"]["value"].as_str().unwrap().to_string();
    assert!(md.contains("سيرغي لافروف") && md.contains("شخص") && md.contains("الكتابات"), "{md}");
    assert!(!md.contains("person"), "{md}");
    let t = c.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": u}})).await;
    let data = t["result"]["data"].as_array().unwrap();
    assert!(data.len() >= 5 * 5 && data.len() % 5 == 0, "{t}");
    let types: Vec<u64> = data.chunks(5).map(|c| c[3].as_u64().unwrap()).collect();
    assert!(types.contains(&0) && types.contains(&1), "people and places are colored: {types:?}");
}

/// Seed 000 names the Russian foreign ministry in full, then as وزارة الخارجية; seed 004
/// names it الخارجية الروسية (بالخارجية الروسية) before its spokeswoman's باسم وزارة الخارجية.
#[tokio::test(flavor = "multi_thread")]
async fn a_short_name_is_a_reference_of_the_full_name_and_rename_leaves_it() {
    let dir = seed_copy();
    let c = client(dir.path(), "en").await;
    let (p000, p004) = (file(dir.path(), "000_"), file(dir.path(), "004_"));
    let (t000, t004) = (std::fs::read_to_string(&p000).unwrap(), std::fs::read_to_string(&p004).unwrap());
    let u000 = c.open(&p000, 1).await;
    let u004 = c.open(&p004, 1).await;
    // hover on the short name names the ministry it stands for
    let short = pos_of(&t000, "وقالت وزارة الخارجية \"", "الخارجية");
    let h = c.request("textDocument/hover", json!({"textDocument": {"uri": u000}, "position": short})).await;
    let md = h["result"]["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(md.starts_with("**وزارة الخارجية الروسية**"), "{md}");
    assert!(md.contains("Short names after the full name") && md.contains("- وزارة الخارجية — 2 mentions, 2 documents"), "{md}");
    // references from the full name reach the short names in both documents
    let full = pos_of(&t000, "أعلنت وزارة الخارجية الروسية", "الروسية");
    let r = c.request("textDocument/references", json!({"textDocument": {"uri": u000}, "position": full, "context": {"includeDeclaration": true}})).await;
    let locs = r["result"].as_array().expect("locations").clone();
    let at = |u: &str, t: &str, context: &str, word: &str| {
        let p = pos_of(t, context, word);
        locs.iter().any(|l| l["uri"] == u && l["range"]["start"]["line"] == p["line"] && l["range"]["start"]["character"].as_u64() <= p["character"].as_u64() && l["range"]["end"]["character"].as_u64() >= p["character"].as_u64())
    };
    assert!(at(&u000, &t000, "وقالت وزارة الخارجية \"", "وزارة"), "{locs:#?}");
    assert!(at(&u004, &t004, "باسم وزارة الخارجية ماريا", "وزارة"), "{locs:#?}");
    assert!(at(&u004, &t004, "بالخارجية الروسية", "الروسية"), "{locs:#?}");
    // rename rewrites the full names and leaves the short ones as written
    let r = c.request("textDocument/rename", json!({"textDocument": {"uri": u000}, "position": full, "newName": "الخارجية الروسية"})).await;
    let edit = &r["result"];
    for (p, original) in [(&p000, &t000), (&p004, &t004)] {
        let edits: Vec<(Value, String)> = edits_for(edit, &uri(p)).into_iter().flat_map(|(_, v)| v).collect();
        let got = apply_edits(original, &edits);
        assert!(!got.contains("وزارة الخارجية الروسية"), "{got}");
        assert_eq!(got.matches("وزارة الخارجية").count(), original.matches("وزارة الخارجية").count() - original.matches("وزارة الخارجية الروسية").count(), "{}", p.display());
    }
}

fn hover_text(r: &Value) -> String {
    r["result"]["contents"]["value"].as_str().unwrap_or_default().to_string()
}

/// `isnad.language = "ar"` for a client that sends no locale (Neovim): hovers, diagnostics,
/// quick fixes and symbols in Arabic, with no isolate characters unless `bidiIsolates` asks for
/// them; a `didChangeConfiguration` to English re-publishes the diagnostics in English.
#[tokio::test(flavor = "multi_thread")]
async fn the_language_setting_puts_every_label_in_arabic_and_isolates_follow_their_setting() {
    let dir = seed_copy();
    let c = client_with(dir.path(), Value::Null, json!({"language": "ar"})).await;
    let p000 = file(dir.path(), "000_");
    let t000 = std::fs::read_to_string(&p000).unwrap();
    let u = c.open(&p000, 1).await;
    let diags = c.diagnostics(&u, 1).await;
    let d = diags.iter().find(|d| d["message"].as_str().unwrap_or_default().contains("«ارمينا»")).unwrap_or_else(|| panic!("{diags:#?}"));
    let msg = d["message"].as_str().unwrap();
    assert!(msg.contains("تكتبه هذه المجموعة «أرمينيا»") && msg.contains("مقال"), "{msg}");
    assert!(!msg.contains("corpus") && !msg.contains('\u{2068}'), "{msg}");
    // the quick fixes
    let r = c.request("textDocument/codeAction", json!({"textDocument": {"uri": u}, "range": d["range"], "context": {"diagnostics": [d]}})).await;
    let titles: Vec<String> = r["result"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap().to_string()).collect();
    assert!(titles.contains(&"استبدل بـ«أرمينيا»".to_string()), "{titles:?}");
    assert!(titles.iter().any(|t| t.starts_with("اعتمد «ارمينا»")), "{titles:?}");
    // hover: Arabic labels, no raw isolates
    let h = c.request("textDocument/hover", json!({"textDocument": {"uri": u}, "position": pos_of(&t000, "نيكول باشينيان", "باشينيان")})).await;
    let md = hover_text(&h);
    assert!(md.contains("شخص") && md.contains("الكتابات") && md.contains("يرد في"), "{md}");
    assert!(!md.contains('\u{2068}') && !md.contains('\u{2069}') && !md.contains("person"), "{md}");
    // document symbols grouped under Arabic headings
    let s = c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": u}})).await;
    let groups: Vec<String> = s["result"].as_array().unwrap().iter().map(|g| g["name"].as_str().unwrap().to_string()).collect();
    assert!(groups.iter().any(|g| g.starts_with("أشخاص")) && groups.iter().any(|g| g.starts_with("أماكن")), "{groups:?}");

    // switched to English (and isolates on) without a restart: the same diagnostic, re-published
    *c.settings.lock().unwrap() = json!({"language": "en", "bidiIsolates": true});
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"isnad": {"language": "en", "bidiIsolates": true}}})).await;
    c.wait_for("the diagnostics in English", |c| {
        let pubs = c.publications(&u);
        let (_, last) = pubs.last()?;
        last.iter().any(|d| d["message"].as_str().is_some_and(|m| m.contains("«ارمينا»: this corpus writes «أرمينيا»"))).then_some(())
    })
    .await;
    let h = c.request("textDocument/hover", json!({"textDocument": {"uri": u}, "position": pos_of(&t000, "نيكول باشينيان", "باشينيان")})).await;
    let md = hover_text(&h);
    assert!(md.contains("person") && md.contains("\u{2068}") && md.contains("Spellings"), "{md}");
}

/// A locale isnad does not speak falls back to English; `isnad.language` wins over the locale,
/// and a bad value is reported without losing the rest of the settings.
#[tokio::test(flavor = "multi_thread")]
async fn the_language_setting_wins_over_the_locale_and_a_bad_value_is_reported() {
    let dir = seed_copy();
    let c = client_with(dir.path(), json!("fr-FR"), json!({"language": "xx", "severity": {"orthographic_variant": "off"}})).await;
    let p000 = file(dir.path(), "000_");
    let u = c.open(&p000, 1).await;
    let diags = c.diagnostics(&u, 1).await;
    assert!(!diags.is_empty() && diags.iter().all(|d| d["message"].as_str().unwrap().contains("this corpus writes")), "{diags:#?}");
    assert!(diags.iter().all(|d| d["code"] != "orthographic-variant"), "the severity setting still applies: {diags:#?}");
    assert!(c.messages().iter().any(|m| m.contains("unknown language «xx»")), "{:?}", c.messages());
    let c2 = client_with(dir.path(), json!("ar-EG"), json!({"language": "en"})).await;
    let u2 = c2.open(&p000, 1).await;
    let diags = c2.diagnostics(&u2, 1).await;
    assert!(diags.iter().all(|d| d["message"].as_str().unwrap().contains("this corpus writes")), "{diags:#?}");
}
