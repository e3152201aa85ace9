//! Configuration: `isnad.toml` at the workspace root, and the same settings from the editor
//! (`initializationOptions`, `workspace/configuration` section `isnad`) as JSON.
//!
//! Both formats deserialize into [`Config`]; keys are snake_case, camelCase is accepted as
//! an alias so editor settings read naturally. A malformed file yields a [`ConfigError`]
//! with line and column, and the caller keeps running on defaults.

use serde::{Deserialize, Serialize};

pub const CONFIG_FILE: &str = "isnad.toml";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    #[default]
    Warning,
    Information,
    Hint,
    /// Do not report this kind of finding.
    Off,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CorpusConfig {
    /// Globs (relative to the root) of files that belong to the corpus.
    pub include: Vec<String>,
    /// Globs of files to leave out (on top of .gitignore).
    pub exclude: Vec<String>,
    /// Files larger than this many bytes are skipped.
    #[serde(alias = "maxFileSize")]
    pub max_file_size: u64,
}

impl Default for CorpusConfig {
    fn default() -> Self {
        CorpusConfig { include: vec!["**/*.txt".into(), "**/*.md".into()], exclude: vec![], max_file_size: 5 * 1024 * 1024 }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SeverityConfig {
    #[serde(alias = "inconsistentSpelling", alias = "inconsistent-spelling")]
    pub inconsistent_spelling: Severity,
    #[serde(alias = "orthographicVariant", alias = "orthographic-variant")]
    pub orthographic_variant: Severity,
}

impl Default for SeverityConfig {
    fn default() -> Self {
        SeverityConfig { inconsistent_spelling: Severity::Warning, orthographic_variant: Severity::Information }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SpellingConfig {
    /// Spellings accepted as correct: never flagged, and never proposed as a replacement target.
    pub accepted: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    #[serde(alias = "organisation")]
    Organization,
    #[default]
    Other,
}

impl EntityKind {
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
            EntityKind::Other => "other",
        }
    }

    /// The kind's name in the message catalogue (`l10n`), for people.
    pub fn message_id(self) -> &'static str {
        match self {
            EntityKind::Person => "kind-person",
            EntityKind::Place => "kind-place",
            EntityKind::Organization => "kind-organization",
            EntityKind::Other => "kind-other",
        }
    }
}

/// A style-guide entry: the house spelling of one entity.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EntityEntry {
    pub canonical: String,
    pub kind: EntityKind,
    pub latin: Option<String>,
    /// Known misspellings that should be rewritten to `canonical`.
    pub variants: Vec<String>,
    /// Other correct names of the same entity (not misspellings).
    pub aliases: Vec<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub corpus: CorpusConfig,
    pub severity: SeverityConfig,
    pub spelling: SpellingConfig,
    #[serde(alias = "entities")]
    pub entity: Vec<EntityEntry>,
    pub quotes: QuotesConfig,
}

/// Repeated quotes (see `analysis::quotes`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuotesConfig {
    /// Quotes with fewer words are scare quotes («الضرورية»): never linked.
    #[serde(alias = "minWords")]
    pub min_words: usize,
}

impl Default for QuotesConfig {
    fn default() -> Self {
        QuotesConfig { min_words: 4 }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub message: String,
    /// 1-based line and column in the file, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{CONFIG_FILE}:{l}:{c}: {}", self.message),
            _ => write!(f, "{CONFIG_FILE}: {}", self.message),
        }
    }
}

impl Config {
    /// Parse `isnad.toml` text.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        toml::from_str::<Config>(text).map_err(|e| {
            let (line, column) = match e.span() {
                Some(span) => {
                    let before = &text[..span.start.min(text.len())];
                    let line = before.matches('\n').count() + 1;
                    let col = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
                    (Some(line), Some(col))
                }
                None => (None, None),
            };
            ConfigError { message: e.message().to_string(), line, column }
        })
    }

    /// Settings sent by the editor. `null` or an empty object gives the defaults.
    pub fn from_json(value: &serde_json::Value) -> Result<Config, ConfigError> {
        if value.is_null() {
            return Ok(Config::default());
        }
        serde_json::from_value(value.clone()).map_err(|e| ConfigError { message: e.to_string(), line: None, column: None })
    }

    /// Layer editor settings over the file: the editor's non-default sections win, lists of
    /// accepted spellings and style-guide entries are combined.
    pub fn merged_with(&self, editor: &Config) -> Config {
        let defaults = Config::default();
        let mut out = self.clone();
        if editor.corpus != defaults.corpus {
            out.corpus = editor.corpus.clone();
        }
        if editor.severity != defaults.severity {
            out.severity = editor.severity.clone();
        }
        for s in &editor.spelling.accepted {
            if !out.spelling.accepted.contains(s) {
                out.spelling.accepted.push(s.clone());
            }
        }
        out.entity.extend(editor.entity.iter().cloned());
        if editor.quotes != defaults.quotes {
            out.quotes = editor.quotes.clone();
        }
        out
    }
}

/// The text of `isnad.toml` after accepting `spelling` as correct: the existing file (or a
/// new one) edited in place, comments and layout kept. The server hands this to the editor as
/// a WorkspaceEdit; it never writes the file itself.
pub fn with_accepted_spelling(existing: Option<&str>, spelling: &str) -> Result<String, ConfigError> {
    let src = existing.unwrap_or("");
    let mut doc: toml_edit::DocumentMut = src.parse().map_err(|e: toml_edit::TomlError| {
        let (line, column) = match e.span() {
            Some(span) => {
                let before = &src[..span.start.min(src.len())];
                (Some(before.matches('\n').count() + 1), Some(before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1))
            }
            None => (None, None),
        };
        ConfigError { message: e.message().to_string(), line, column }
    })?;
    let spelling_table = doc
        .entry("spelling")
        .or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new()))
        .as_table_mut()
        .ok_or_else(|| ConfigError { message: "`spelling` is not a table".into(), line: None, column: None })?;
    let accepted = spelling_table
        .entry("accepted")
        .or_insert_with(|| toml_edit::value(toml_edit::Array::new()))
        .as_array_mut()
        .ok_or_else(|| ConfigError { message: "`spelling.accepted` is not an array".into(), line: None, column: None })?;
    if !accepted.iter().any(|v| v.as_str() == Some(spelling)) {
        accepted.push(spelling);
    }
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let c = Config::default();
        assert_eq!(c.severity.inconsistent_spelling, Severity::Warning);
        assert_eq!(c.severity.orthographic_variant, Severity::Information);
        assert_eq!(c.corpus.max_file_size, 5 * 1024 * 1024);
    }

    #[test]
    fn parses_a_full_file() {
        let c = Config::from_toml(
            r#"
[corpus]
include = ["news/**/*.txt"]
exclude = ["drafts/**"]
max_file_size = 1000

[severity]
inconsistent_spelling = "error"
orthographic_variant = "off"

[spelling]
accepted = ["باشنيان"]

[[entity]]
canonical = "أذربيجان"
kind = "place"
latin = "Azerbaijan"
variants = ["اذربيجان"]
aliases = []
"#,
        )
        .unwrap();
        assert_eq!(c.corpus.max_file_size, 1000);
        assert_eq!(c.severity.orthographic_variant, Severity::Off);
        assert_eq!(c.entity[0].kind, EntityKind::Place);
        assert_eq!(c.spelling.accepted, vec!["باشنيان"]);
    }

    #[test]
    fn malformed_file_reports_line_and_column() {
        let e = Config::from_toml("[severity]\ninconsistent_spelling = \"loud\"\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.to_string().starts_with("isnad.toml:2:"), "{e}");
        let e = Config::from_toml("[corpus\n").unwrap_err();
        assert_eq!(e.line, Some(1));
    }

    #[test]
    fn json_settings_accept_camel_case() {
        let v = serde_json::json!({"severity": {"inconsistentSpelling": "hint"}, "corpus": {"maxFileSize": 10}});
        let c = Config::from_json(&v).unwrap();
        assert_eq!(c.severity.inconsistent_spelling, Severity::Hint);
        assert_eq!(c.corpus.max_file_size, 10);
        assert!(Config::from_json(&serde_json::json!({"severity": 3})).is_err());
        let q = Config::from_json(&serde_json::json!({"quotes": {"minWords": 6}})).unwrap();
        assert_eq!(q.quotes.min_words, 6);
        assert_eq!(Config::from_toml("[quotes]\nmin_words = 3\n").unwrap().quotes.min_words, 3);
        assert!(Config::from_toml("[quotes]\nmin_wordz = 3\n").is_err());
    }

    #[test]
    fn accepting_a_spelling_keeps_the_file() {
        let before = "# house style\n[severity]\northographic_variant = \"hint\"\n";
        let after = with_accepted_spelling(Some(before), "باشنيان").unwrap();
        assert!(after.starts_with("# house style\n"));
        let c = Config::from_toml(&after).unwrap();
        assert_eq!(c.spelling.accepted, vec!["باشنيان"]);
        assert_eq!(c.severity.orthographic_variant, Severity::Hint);
        // idempotent, and works without a file
        assert_eq!(with_accepted_spelling(Some(&after), "باشنيان").unwrap(), after);
        let fresh = with_accepted_spelling(None, "كيومري").unwrap();
        assert_eq!(Config::from_toml(&fresh).unwrap().spelling.accepted, vec!["كيومري"]);
    }
}
