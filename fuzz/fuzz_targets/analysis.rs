//! A document in a small corpus, analysed whole: its spelling findings, entity mentions and
//! quotes, after an edit too. Every span lies in the text on char boundaries.
#![no_main]

use std::path::PathBuf;
use std::sync::Arc;

use isnad::analysis::Workspace;
use isnad::corpus::config::Config;
use libfuzzer_sys::fuzz_target;

const OTHER: &str = "طلب رئيس الوزراء الأرميني نيكول باشينيان من الرئيس الروسي. وقال باشينيان إن أرمينيا مستعدة.";

fn check_spans(ws: &Workspace, text: &str) {
    let doc = ws.docs_in_order()[0];
    for f in ws.spelling_findings(doc) {
        assert!(f.span.end <= text.len() && text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end), "a finding off the text");
    }
    for m in ws.with_analyzer(|an| an.entity_mentions(doc)) {
        assert!(m.span.end <= text.len() && text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end), "a mention off the text");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut ws = Workspace::new(Config::default());
    ws.load(vec![
        ("a.txt".into(), PathBuf::from("/corpus/a.txt"), text.to_string()),
        ("b.txt".into(), PathBuf::from("/corpus/b.txt"), OTHER.to_string()),
        ("c.txt".into(), PathBuf::from("/corpus/c.txt"), format!("{OTHER} {text}")),
    ]);
    check_spans(&ws, text);
    let _ = isnad::analysis::quotes::all_groups(&ws);
    // an edit: the text cut in half
    let half = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let edited: Arc<str> = text[..half].into();
    ws.upsert("a.txt".into(), PathBuf::from("/corpus/a.txt"), edited.clone());
    check_spans(&ws, &edited);
});
