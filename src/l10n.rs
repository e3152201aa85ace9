//! The message catalogue: every sentence isnad shows a person, in English and Arabic.
//!
//! The messages are data (`data/l10n/en.ftl`, `data/l10n/ar.ftl`, Project Fluent syntax),
//! formatted by `fluent-bundle`, which knows Arabic's six plural forms. The core knows no
//! protocol: the server picks the language from the client's locale or the `isnad.language`
//! setting, the CLI from `LC_ALL` / `LC_MESSAGES` / `LANG`. Arguments are inserted as given:
//! Fluent's own bidi isolation is off, because only some clients render the isolate
//! characters (the server wraps names itself where they do).

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

const EN: &str = include_str!("../data/l10n/en.ftl");
const AR: &str = include_str!("../data/l10n/ar.ftl");

/// A language isnad speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Ar,
}

impl Lang {
    /// The language of a locale tag or POSIX locale (`ar`, `ar-EG`, `ar_EG.UTF-8`, `en_US`),
    /// or `None` for a language isnad does not speak.
    pub fn from_locale(tag: &str) -> Option<Lang> {
        let lang = tag.trim().split(['-', '_', '.', '@']).next()?.to_ascii_lowercase();
        match lang.as_str() {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the process's locale, as POSIX reads it: `LC_ALL`, then `LC_MESSAGES`,
    /// then `LANG` (the first one set and not empty decides); English otherwise.
    pub fn from_env() -> Lang {
        Lang::from_env_vars(|k| std::env::var(k).ok())
    }

    fn from_env_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| var(k).filter(|v| !v.is_empty()))
            .and_then(|v| Lang::from_locale(&v))
            .unwrap_or_default()
    }

    /// The `isnad.language` setting: `auto` (or nothing) defers to the locale.
    pub fn from_setting(value: &str) -> Result<Option<Lang>, String> {
        match value.trim().to_ascii_lowercase().as_str() {
            "" | "auto" => Ok(None),
            "ar" | "arabic" => Ok(Some(Lang::Ar)),
            "en" | "english" => Ok(Some(Lang::En)),
            other => Err(format!("unknown language «{other}» (auto, ar or en)")),
        }
    }

    /// The language's BCP 47 tag (its plural rules in the catalogue).
    fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }
}

/// One argument of a message: text, a number (numbers choose the plural form), or another
/// message of the catalogue (a kind's name inside a sentence), put in the same language.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
    Message(&'static str),
}

/// A message not yet put into words: the core says what it found (`isnad explain`'s evidence,
/// the rule that kept two spellings apart) and each front end renders it in its user's
/// language. Serialised (JSON output) as its English sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg<'static>)>,
}

impl Said {
    pub fn new(id: &'static str) -> Said {
        Said { id, args: Vec::new() }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg<'static>>) -> Said {
        self.args.push((name, value.into()));
        self
    }

    pub fn render(&self, lang: Lang) -> String {
        tr_args(lang, self.id, &self.args)
    }
}

impl serde::Serialize for Said {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.render(Lang::En))
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(u32, u64, usize, i32, i64);

struct Catalogue {
    en: FluentBundle<FluentResource>,
    ar: FluentBundle<FluentResource>,
}

/// The CLDR plural category of a number in `lang`. Arabic's selectors call it as
/// `PLURAL($n)`: the rules fluent-bundle takes from intl_pluralrules 7.0.2 put every Arabic
/// number from 100 up in `other`, where CLDR reads the last two digits (103 مقالات, 111 مقالًا).
fn plural_category(lang: Lang, n: f64) -> &'static str {
    if n.fract() != 0.0 || !n.is_finite() {
        return "other";
    }
    let n = n.abs() as u64;
    match lang {
        Lang::En => if n == 1 { "one" } else { "other" },
        Lang::Ar => match (n, n % 100) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        },
    }
}

fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    // a broken catalogue is caught by the unit tests below; at run time the entries that
    // parsed are kept and a missing message falls back to its id
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    let mut bundle = FluentBundle::new_concurrent(vec![lang.tag().parse().unwrap_or_default()]);
    bundle.set_use_isolating(false);
    let _ = bundle.add_function("PLURAL", move |positional: &[FluentValue], _: &FluentArgs| match positional.first() {
        Some(FluentValue::Number(n)) => FluentValue::from(plural_category(lang, n.value)),
        _ => FluentValue::from("other"),
    });
    let _ = bundle.add_resource(resource);
    bundle
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue { en: bundle(Lang::En, EN), ar: bundle(Lang::Ar, AR) })
}

/// The message `id` in `lang` with its arguments. A message missing from the language's
/// catalogue falls back to English, then to its id (never a panic).
pub fn tr_args(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let c = catalogue();
    let primary = match lang {
        Lang::En => &c.en,
        Lang::Ar => &c.ar,
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Text(s) => FluentValue::from(s.as_ref()),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Message(id) => FluentValue::from(tr(lang, id)),
        };
        fluent_args.set(*name, value);
    }
    for bundle in [primary, &c.en] {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
        }
    }
    id.to_string()
}

/// The message `id` in `lang`, without arguments.
pub fn tr(lang: Lang, id: &str) -> String {
    tr_args(lang, id, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;

    /// Message ids and, for each, the variables it uses.
    fn messages(source: &str) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("the catalogue does not parse: {errors:?}"));
        let mut out = std::collections::BTreeMap::new();
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = std::collections::BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                out.insert(m.id.name.to_string(), vars);
            }
        }
        out
    }

    fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut std::collections::BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                expression_vars(expression, vars);
            }
        }
    }

    fn expression_vars(e: &ast::Expression<&str>, vars: &mut std::collections::BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
            ast::Expression::Inline(i) => inline_vars(i, vars),
        }
    }

    fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut std::collections::BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_vars(a, vars);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn both_catalogues_have_the_same_messages_with_the_same_variables() {
        let en = messages(EN);
        let ar = messages(AR);
        assert!(en.len() > 40, "{} messages", en.len());
        assert_eq!(en.keys().collect::<Vec<_>>(), ar.keys().collect::<Vec<_>>(), "message ids differ between en.ftl and ar.ftl");
        for (id, vars) in &en {
            assert_eq!(vars, &ar[id], "«{id}» uses other variables in ar.ftl");
        }
    }

    /// Every `tr("…")` / `tr_args(…, "…")` in the source names a message of the catalogue.
    #[test]
    fn every_message_the_code_asks_for_exists() {
        let en = messages(EN);
        let mut asked = 0;
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("src is readable").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("source is UTF-8");
                // this file's own tests ask for missing ids on purpose
                let text = if path.ends_with("l10n.rs") { text.split("#[cfg(test)]").next().unwrap_or_default().to_string() } else { text };
                for call in ["tr(", "tr_args(", "say(", "label(", "Said::new(", "Arg::Message(", "Err(", "&'static str = "] {
                    for (at, _) in text.match_indices(call) {
                        // a call of ours, not str(…) or attr(…)
                        if text[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                            continue;
                        }
                        // the id is the first string literal of the call
                        let rest = &text[at + call.len()..];
                        let Some(open) = rest.find('"') else { continue };
                        // the id is the literal right after the call's first argument (tr, tr_args)
                        // or its first argument (the others); an id in a variable is not checked here
                        let before = &rest[..open];
                        let (mut depth, mut commas) = (0i32, 0usize);
                        for c in before.chars() {
                            match c {
                                '(' => depth += 1,
                                ')' => depth -= 1,
                                ',' if depth == 0 => commas += 1,
                                _ => {}
                            }
                        }
                        let id_first = !call.starts_with("tr");
                        if (id_first && !before.trim().is_empty()) || depth != 0 || before.contains([';', '{']) || commas != usize::from(!id_first) {
                            continue;
                        }
                        let Some(len) = rest[open + 1..].find('"') else { continue };
                        let id = &rest[open + 1..open + 1 + len];
                        // Err(…) holds a message id only in the analysis's look-alike rules
                        if (call == "Err(" || call.starts_with('&')) && !id.starts_with("why-") {
                            continue;
                        }
                        asked += 1;
                        if !en.contains_key(id) {
                            missing.push(format!("{}: {id}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(asked > 40, "only {asked} messages asked for: the scan is broken");
        assert!(missing.is_empty(), "messages missing from the catalogue: {missing:?}");
    }

    #[test]
    fn arabic_plural_forms() {
        let line = |n: u32| tr_args(Lang::Ar, "hover-mentioned-in", &[("docs", n.into())]);
        assert_eq!(line(1), "يرد في مقال واحد.");
        assert_eq!(line(2), "يرد في مقالين.");
        assert_eq!(line(3), "يرد في 3 مقالات.");
        assert_eq!(line(11), "يرد في 11 مقالًا.");
        assert_eq!(line(100), "يرد في 100 مقال.");
        assert_eq!(line(103), "يرد في 103 مقالات.");
        assert_eq!(line(2930), "يرد في 2930 مقالًا.");
        let summary = tr_args(Lang::Ar, "cli-summary", &[("findings", 24u32.into()), ("with", 4u32.into()), ("docs", 5u32.into()), ("corpus", "".into()), ("words", 2930u32.into()), ("seconds", "0.2".into())]);
        assert_eq!(summary, "isnad: 24 ملاحظةً في 4 من 5 مقالات، 2930 كلمةً، 0.2 ث");
        assert_eq!(tr_args(Lang::En, "hover-mentioned-in", &[("docs", 1u32.into())]), "Mentioned in 1 document.");
        assert_eq!(tr_args(Lang::En, "hover-mentioned-in", &[("docs", 5u32.into())]), "Mentioned in 5 documents.");
    }

    #[test]
    fn no_isolates_inserted_and_unknown_ids_fall_back() {
        let s = tr_args(Lang::Ar, "action-replace", &[("canonical", "باشينيان".into())]);
        assert_eq!(s, "استبدل بـ«باشينيان»");
        assert!(!s.contains('\u{2068}'));
        assert_eq!(tr(Lang::Ar, "no-such-message"), "no-such-message");
        // a leading space kept where the message says so
        assert!(tr_args(Lang::En, "cli-against-corpus", &[("docs", 5u32.into())]).starts_with(" ("));
        assert_eq!(tr(Lang::Ar, "list-separator"), "، ");
    }

    #[test]
    fn locales() {
        assert_eq!(Lang::from_locale("ar_EG.UTF-8"), Some(Lang::Ar));
        assert_eq!(Lang::from_locale("ar-SA"), Some(Lang::Ar));
        assert_eq!(Lang::from_locale("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_locale("fr_FR"), None);
        assert_eq!(Lang::from_locale(""), None);
        let env = |pairs: &'static [(&'static str, &'static str)]| move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string());
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "ar_EG.UTF-8")])), Lang::Ar);
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "ar_EG.UTF-8"), ("LC_MESSAGES", "C")])), Lang::En);
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "ar_SA.UTF-8")])), Lang::Ar);
        assert_eq!(Lang::from_env_vars(env(&[("LC_ALL", ""), ("LANG", "ar")])), Lang::Ar);
        assert_eq!(Lang::from_env_vars(env(&[])), Lang::En);
        assert_eq!(Lang::from_setting("auto"), Ok(None));
        assert_eq!(Lang::from_setting("AR"), Ok(Some(Lang::Ar)));
        assert!(Lang::from_setting("fr").is_err());
    }
}
