//! `isnad check` prints the same findings as the server publishes, and keeps its exit codes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/seeds")
}

/// `isnad` in an English locale, whatever the developer's own (the language follows
/// `LC_ALL` / `LC_MESSAGES` / `LANG`).
fn english() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_isnad"));
    c.env("LC_ALL", "C.UTF-8");
    c
}

fn isnad(args: &[&str]) -> (i32, String) {
    let out = english().args(args).output().expect("isnad runs");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).expect("UTF-8 output"))
}

/// Byte offset of an LSP position in UTF-8 encoding (lines break at \n, \r\n, \r).
fn byte_offset(text: &str, line: u64, character: u64) -> usize {
    let b = text.as_bytes();
    let mut starts = vec![0usize];
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
            i += 1;
        }
        if b[i] == b'\n' || b[i] == b'\r' {
            starts.push(i + 1);
        }
        i += 1;
    }
    starts[line as usize] + character as usize
}

#[tokio::test]
async fn check_prints_what_the_server_publishes() {
    let (code, out) = isnad(&["check", seeds().to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1, "findings give exit code 1");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let from_cli: BTreeSet<(String, u64, u64, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let file = Path::new(f["file"].as_str().unwrap()).file_name().unwrap().to_string_lossy().to_string();
            (file, f["byte_start"].as_u64().unwrap(), f["byte_end"].as_u64().unwrap(), f["code"].as_str().unwrap().to_string())
        })
        .collect();
    assert!(from_cli.len() >= 20, "{from_cli:?}");

    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(seeds()).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    let client = TestClient::start_on(dir.path(), &["utf-8"]).await;
    let mut from_server = BTreeSet::new();
    let mut names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let u = client.open(&path, 1).await;
        for d in client.diagnostics(&u, 1).await {
            let r = &d["range"];
            let s = byte_offset(&text, r["start"]["line"].as_u64().unwrap(), r["start"]["character"].as_u64().unwrap());
            let e = byte_offset(&text, r["end"]["line"].as_u64().unwrap(), r["end"]["character"].as_u64().unwrap());
            let file = path.file_name().unwrap().to_string_lossy().to_string();
            from_server.insert((file, s as u64, e as u64, d["code"].as_str().unwrap().to_string()));
        }
    }
    assert_eq!(from_cli, from_server);
}

#[test]
fn text_format_and_exit_codes() {
    let (code, out) = isnad(&["check", seeds().to_str().unwrap()]);
    assert_eq!(code, 1);
    let first = out.lines().next().unwrap();
    // file:line:col: severity code message
    let mut parts = first.splitn(4, ':');
    assert!(parts.next().unwrap().ends_with(".txt"));
    assert!(parts.next().unwrap().parse::<usize>().is_ok());
    assert!(parts.next().unwrap().parse::<usize>().is_ok());
    let rest = parts.next().unwrap().trim_start();
    assert!(rest.starts_with("warning inconsistent-spelling «") || rest.starts_with("info orthographic-variant «"), "{rest}");

    let clean = tempfile::tempdir().unwrap();
    std::fs::write(clean.path().join("a.txt"), "قال الرئيس إن الاجتماع انتهى.").unwrap();
    assert_eq!(isnad(&["check", clean.path().to_str().unwrap()]).0, 0, "a clean corpus exits 0");
    assert_eq!(isnad(&["check", "/nonexistent/isnad-corpus"]).0, 2, "a missing path exits 2");
    assert_eq!(isnad(&["check", "--format", "yaml"]).0, 2, "a usage error exits 2");
    let (code, out) = isnad(&["--version"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("isnad "));
}

fn isnad_with_stderr(args: &[&str]) -> (i32, String, String) {
    let out = english().args(args).output().expect("isnad runs");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).expect("UTF-8 output"), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The findings of one file in a text report, without the path.
fn findings_of(out: &str, file: &str) -> Vec<String> {
    out.lines().filter(|l| l.contains(file)).map(|l| l.split_once(".txt:").map_or(l, |(_, rest)| rest).to_string()).collect()
}

#[test]
fn a_named_file_is_checked_against_the_corpus_around_it() {
    let seed = "000_f41e951d80783e7b.txt";
    let (_, whole, _) = isnad_with_stderr(&["check", seeds().to_str().unwrap()]);
    let expected = findings_of(&whole, seed);
    assert!(!expected.is_empty());
    // its own folder is the corpus: the same findings as in the whole folder's report, and no other file's
    let (code, out, err) = isnad_with_stderr(&["check", seeds().join(seed).to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(findings_of(&out, seed), expected);
    assert_eq!(out.lines().count(), expected.len(), "only the named file's findings: {out}");
    assert!(err.contains(&format!("{} findings in 1 of 1 document (against a corpus of 5 documents)", expected.len())), "{err}");
    // below the folder of the nearest isnad.toml, that folder is the corpus
    let root = tempfile::tempdir().unwrap();
    std::fs::write(root.path().join("isnad.toml"), "").unwrap();
    std::fs::create_dir(root.path().join("sub")).unwrap();
    for entry in std::fs::read_dir(seeds()).unwrap() {
        let p = entry.unwrap().path();
        let to = if p.file_name().unwrap() == seed { root.path().join("sub").join(seed) } else { root.path().join(p.file_name().unwrap()) };
        std::fs::copy(&p, to).unwrap();
    }
    // (the file now sorts last, so a tie between two spellings may turn the other way)
    let (_, whole, _) = isnad_with_stderr(&["check", root.path().to_str().unwrap()]);
    let expected = findings_of(&whole, seed);
    assert!(!expected.is_empty());
    let (code, out, err) = isnad_with_stderr(&["check", root.path().join("sub").join(seed).to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(findings_of(&out, seed), expected, "{err}");
    assert!(err.contains("against a corpus of 5 documents"), "{err}");
}

#[test]
fn a_summary_line_and_a_skipped_named_file() {
    let clean = tempfile::tempdir().unwrap();
    std::fs::write(clean.path().join("a.txt"), "قال الرئيس إن الاجتماع انتهى.").unwrap();
    let (code, out, err) = isnad_with_stderr(&["check", clean.path().to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(err.starts_with("isnad: no findings in 1 document, 5 words, "), "{err}");
    let (code, _, err) = isnad_with_stderr(&["check", seeds().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains(" findings in 4 of 5 documents, "), "{err}");
    // a named file that cannot be read: the rest is checked, and the exit code says so
    std::fs::write(clean.path().join("binary.txt"), b"\0\0\0 not text").unwrap();
    let (code, _, err) = isnad_with_stderr(&["check", clean.path().join("a.txt").to_str().unwrap(), clean.path().join("binary.txt").to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("binary.txt: binary file"), "{err}");
}

/// A reader that goes away early (`isnad explain … | head -1`) ends the output without a
/// panic: the process exits normally, with nothing on stderr.
#[test]
fn explain_into_a_closed_pipe_ends_quietly() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(["explain", seeds().to_str().unwrap(), "باشينيان", "أرمينيا", "أذربيجان"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("isnad runs");
    // close the read end before anything is written
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("isnad ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

/// `isnad explain` says in words why a word is a name (no Rust debug output), counts in
/// plain English, and asks for a word when none is given.
#[test]
fn explain_speaks_plainly_and_wants_a_word() {
    let out = english().args(["explain", seeds().to_str().unwrap(), "باشينيان"]).output().expect("isnad runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(!text.contains("Evidence {") && !text.contains("Some("), "{text}");
    assert!(text.contains("a name: yes"), "{text}");
    assert!(!text.contains(" 1 documents") && !text.contains("(1 documents"), "{text}");
    // a word inside a name is no mention of it (ان in يريفان)
    let part = english().args(["explain", seeds().to_str().unwrap(), "ان"]).output().expect("isnad runs");
    let part = String::from_utf8_lossy(&part.stdout);
    assert!(part.contains("entity: none") && !part.contains("يريفان"), "{part}");
    let none = english().args(["explain", seeds().to_str().unwrap()]).output().expect("isnad runs");
    assert_ne!(none.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&none.stderr).contains("required"), "{}", String::from_utf8_lossy(&none.stderr));
}

/// `isnad check --format sarif` is a SARIF 2.1.0 log with one result per finding of the JSON
/// form: the same rule, place (code-point columns) and quick fix. (Its validation against the
/// SARIF schema is `tools/sarif/validate.mjs`, run by the test command.)
#[test]
fn sarif_has_every_finding_with_its_place_and_fix() {
    let seeds = seeds();
    let (code, sarif) = isnad(&["check", seeds.to_str().unwrap(), "--format", "sarif"]);
    assert_eq!(code, 1, "{sarif}");
    let (_, json) = isnad(&["check", seeds.to_str().unwrap(), "--format", "json"]);
    let log: serde_json::Value = serde_json::from_str(&sarif).expect("SARIF is JSON");
    let findings: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "isnad");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules: Vec<&str> = run["tool"]["driver"]["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    let results = run["results"].as_array().unwrap();
    let findings = findings["findings"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (r, f) in results.iter().zip(findings) {
        assert_eq!(r["ruleId"], f["code"]);
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize], f["code"].as_str().unwrap());
        assert_eq!(r["message"]["text"], f["message"]);
        let loc = &r["locations"][0]["physicalLocation"];
        // an absolute path named on the command line stays a file: URI
        assert!(loc["artifactLocation"]["uri"].as_str().unwrap().starts_with("file:///"), "{loc:#}");
        assert_eq!(loc["region"]["startLine"], f["line"]);
        assert_eq!(loc["region"]["startColumn"], f["column"]);
        assert_eq!(loc["region"]["endColumn"], f["end_column"]);
        let fix = &r["fixes"][0]["artifactChanges"][0]["replacements"][0];
        assert_eq!(fix["insertedContent"]["text"], f["replacement"]);
        assert_eq!(fix["deletedRegion"], loc["region"]);
        assert!(matches!(r["level"].as_str(), Some("warning" | "note")), "{r:#}");
    }
}

/// `isnad explain --format json` gives the same explanation as data: the cluster, the evidence,
/// the look-alikes weighed and the entity, one object per word asked.
#[test]
fn explain_as_json() {
    let (code, out) = isnad(&["explain", seeds().to_str().unwrap(), "كاراباخ", "الذي", "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("explain --format json prints JSON");
    assert_eq!(v["corpus_documents"], 5);
    let karabakh = &v["words"][0];
    assert_eq!(karabakh["word"], "كاراباخ");
    assert_eq!(karabakh["name"], true);
    assert_eq!(karabakh["cluster"]["canonical"], "قره باغ");
    assert_eq!(karabakh["entity"]["kind"], "place");
    assert_eq!(karabakh["entity"]["latin"], "Karabakh");
    assert!(karabakh["look_alikes"].as_array().unwrap().iter().any(|l| l["spelling"] == "قره باغ" && l["linked"] == true), "{karabakh:#}");
    assert!(!karabakh["evidence"].as_array().unwrap().is_empty(), "{karabakh:#}");
    let function_word = &v["words"][1];
    assert_eq!(function_word["name"], false);
    assert!(function_word["cluster"].is_null() && function_word["entity"].is_null(), "{function_word:#}");
}

/// A FIFO or a device named on the command line or standing for `isnad.toml` is reported for
/// what it is, and nothing blocks on it.
#[cfg(unix)]
#[test]
fn special_files_are_named_and_never_block() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.txt"), "قال الرئيس التركي رجب طيب أردوغان إن").unwrap();
    for fifo in ["isnad.toml", "b.txt"] {
        let status = Command::new("mkfifo").arg(root.join(fifo)).status().expect("mkfifo runs");
        assert!(status.success());
    }
    let run = |args: Vec<String>| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("isnad runs");
        for _ in 0..100 {
            if child.try_wait().unwrap().is_some() {
                let out = child.wait_with_output().unwrap();
                return (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned());
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        child.kill().unwrap();
        panic!("isnad {args:?} still runs after 10 s");
    };
    let (code, stderr) = run(vec!["check".into(), root.display().to_string()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("a FIFO (named pipe), not a regular file; using defaults"), "{stderr}");
    let (code, stderr) = run(vec!["check".into(), root.join("b.txt").display().to_string()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("b.txt: a FIFO (named pipe), not a regular file"), "{stderr}");
    let (code, stderr) = run(vec!["check".into(), "/dev/null".into()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("/dev/null: a device, not a regular file"), "{stderr}");
}

/// With an Arabic locale (`LANG=ar_EG.UTF-8`, as a user's shell has it) the findings, the
/// summary and `isnad explain` are in Arabic, with Arabic plural forms; `LC_ALL` wins over
/// `LANG`, as POSIX says.
#[test]
fn an_arabic_locale_puts_the_command_line_in_arabic() {
    let seeds = seeds();
    let run = |vars: &[(&str, &str)], args: &[&str]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_isnad"));
        c.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
        for (k, v) in vars {
            c.env(k, v);
        }
        let out = c.args(args).output().expect("isnad runs");
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (code, out, err) = run(&[("LANG", "ar_EG.UTF-8")], &["check", seeds.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(out.lines().any(|l| l.contains("«ارمينا»: تكتبه هذه المجموعة «أرمينيا»")), "{out}");
    assert!(!out.contains("this corpus writes"), "{out}");
    // 5 articles: the few form (مقالات); the words' count in its own form
    assert!(err.contains("isnad: ") && err.contains(" من 5 مقالات") && err.contains(" ث"), "{err}");
    let (_, out, _) = run(&[("LANG", "ar_EG.UTF-8")], &["explain", seeds.to_str().unwrap(), "باشينيان"]);
    assert!(out.contains("الشواهد: ") && out.contains("اسم: نعم") && out.contains("الكيان: "), "{out}");
    assert!(!out.contains("evidence") && !out.contains("a name:"), "{out}");
    // LC_ALL before LANG; a locale isnad does not speak is English
    let (_, out, _) = run(&[("LANG", "ar_EG.UTF-8"), ("LC_ALL", "C")], &["check", seeds.to_str().unwrap()]);
    assert!(out.contains("this corpus writes"), "{out}");
    let (_, out, _) = run(&[("LANG", "fr_FR.UTF-8")], &["check", seeds.to_str().unwrap()]);
    assert!(out.contains("this corpus writes"), "{out}");
}

/// `isnad report`: one HTML page, written to the file named and nowhere else, with the corpus's
/// markup shown as text; a missing corpus, no `-o` or an output folder that does not exist exit 2
/// with a clear message and write nothing.
#[test]
fn report_writes_one_escaped_page() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let evil = "<script>alert('x')</script>";
    let articles = [
        ("2021-03-01", "Outlet <A>", "أذربيجان"),
        ("2021-03-02", "قناة ب", "اذربيجان"),
        ("2022-01-05", "قناة ب", "أذربيجان"),
    ];
    for (i, (date, outlet, name)) in articles.iter().enumerate() {
        let text = format!(
            "---\ndate: {date}\noutlet: {outlet}\n---\nأعلنت {name} اليوم موقفها. وقال الوزير في بيان: «إن الحكومة لن تقبل أي تدخل في شؤونها الداخلية {evil} مهما كان مصدره».\n"
        );
        std::fs::write(corpus.join(format!("{i}.txt")), text).unwrap();
    }
    let c = corpus.to_str().unwrap();
    let page = dir.path().join("report.html");

    let (code, _, err) = isnad_with_stderr(&["report", "/nonexistent/isnad-corpus", "-o", page.to_str().unwrap()]);
    assert_eq!(code, 2, "a missing corpus exits 2: {err}");
    assert!(err.contains("/nonexistent/isnad-corpus: no such file or folder"), "{err}");
    let (code, _, err) = isnad_with_stderr(&["report", c]);
    assert_eq!(code, 2, "no output file exits 2: {err}");
    assert!(err.contains("report needs an output file") && err.contains("-o report.html"), "{err}");
    let (code, _, err) = isnad_with_stderr(&["report", c, "-o", dir.path().join("no/such/folder/r.html").to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no such folder for the report"), "{err}");
    let article = corpus.join("0.txt");
    let before = std::fs::read_to_string(&article).unwrap();
    let (code, _, err) = isnad_with_stderr(&["report", c, "-o", article.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("a document of the corpus"), "{err}");
    assert_eq!(std::fs::read_to_string(&article).unwrap(), before, "an article is never overwritten");
    assert!(!page.exists(), "nothing written on an error");

    let (code, out, err) = isnad_with_stderr(&["report", c, "-o", page.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty(), "the page goes to the file: {out}");
    assert!(err.contains("report of 3 documents") && err.contains("report.html"), "{err}");
    // the page and nothing else: the corpus folder as it was
    let mut written: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    written.sort();
    assert_eq!(written, ["corpus", "report.html"]);
    assert_eq!(std::fs::read_dir(&corpus).unwrap().count(), 3);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"), "{}", &html[..200.min(html.len())]);
    assert!(html.contains("<meta charset=\"utf-8\">"));
    // markup of the articles (text and front matter) is text: no element, no script
    assert!(!html.contains(evil) && !html.contains("<A>"), "unescaped markup on the page");
    assert!(!html.to_ascii_lowercase().contains("<script"), "a script on the page");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "the quote's markup shown as text");
    assert!(html.contains("Outlet &lt;A&gt;"));
    // nothing loaded from elsewhere
    assert!(!html.contains("src=") && !html.contains("http://") && !html.contains("https://") && !html.contains("url("));
    for section in ["id=\"totals\"", "id=\"clusters\"", "id=\"quotes\""] {
        assert!(html.contains(section), "{section}");
    }
    // the variant under its canonical spelling, the years and outlets of the front matter
    let clusters = &html[html.find("id=\"clusters\"").unwrap()..html.find("id=\"quotes\"").unwrap()];
    assert!(clusters.contains(">أذربيجان<") && clusters.contains(">اذربيجان<"), "{clusters}");
    assert!(clusters.contains(">2021<") && clusters.contains(">2022<") && clusters.contains("قناة ب"), "{clusters}");
    // the quote's timeline: the source first, from the earliest date
    let quotes = &html[html.find("id=\"quotes\"").unwrap()..];
    let (first, second) = (quotes.find("2021-03-01").unwrap(), quotes.find("2021-03-02").unwrap());
    assert!(first < second && quotes.contains("class=\"source\""), "{quotes}");

    // `-o -` writes the same page to standard output
    let (code, out, err) = isnad_with_stderr(&["report", c, "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, html);
}
