//! The server's state behind one `std::sync::Mutex`: open documents (ropes with versions),
//! the corpus roots, the configuration layers and the core's [`Workspace`].
//!
//! Everything here is synchronous. Handlers lock, mutate and unlock before their first
//! `.await`, which is what keeps edits in arrival order: tower-lsp-server polls handler
//! futures concurrently, but polls each one for the first time in the order the messages
//! arrived, so work done before the first `.await` happens in that order.
//!
//! Open documents reach the core lazily: an edit changes the rope and marks the document
//! dirty; [`State::flush`] hands the text of dirty documents to `Workspace::upsert` before
//! anything reads the workspace (diagnostics, code actions). A storm of keystrokes thus costs
//! one upsert, not one per keystroke, and every reader still sees every edit.
//!
//! Workspace keys (`Document::rel_path`): a file under a corpus root is keyed by its path
//! relative to that root, with forward slashes (with several roots, prefixed by the root's
//! folder name). A file opened from outside every root is keyed by its absolute path (forward
//! slashes), which never collides with a relative key. It never joins the corpus: it is
//! analysed alone, as a corpus of one, in a workspace of its own (`State::outside`), and
//! requests on it run against that workspace ([`State::in_scope`]), so it appears in no
//! corpus document's references, rename or fix-all edits. A path is under a root when it is
//! there with `.` and `..` resolved and its canonical path (symlinks followed) is under the
//! root's canonical path: a link inside a root to a file elsewhere is outside. A file is
//! analysed only if the corpus globs match it (relative path under a root, file name outside)
//! and it is within the size cap.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::ls_types::{Diagnostic, FileChangeType, MessageType, Uri};

use crate::analysis::interrupt::{self, Interrupt};
use crate::analysis::{DocId, Finding, Workspace};
use crate::corpus::config::{CONFIG_FILE, Config, Severity};
use crate::corpus::scan::{self, FileFilter};
use crate::l10n::{tr_args, Lang};

use super::position::Encoding;

/// A message for the client, sent by the logging task (synchronous code cannot `.await`).
#[derive(Debug, Clone)]
pub enum Note {
    /// `window/logMessage`.
    Log(MessageType, String),
    /// `window/showMessage`.
    Show(MessageType, String),
}

#[derive(Debug, Clone)]
pub struct Logger(tokio::sync::mpsc::UnboundedSender<Note>);

impl Logger {
    pub fn new() -> (Logger, tokio::sync::mpsc::UnboundedReceiver<Note>) {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        (Logger(tx), rx)
    }
    pub fn log(&self, typ: MessageType, msg: impl Into<String>) {
        let _ = self.0.send(Note::Log(typ, msg.into()));
    }
    pub fn info(&self, msg: impl Into<String>) {
        self.log(MessageType::INFO, msg)
    }
    pub fn warn(&self, msg: impl Into<String>) {
        self.log(MessageType::WARNING, msg)
    }
    pub fn show(&self, typ: MessageType, msg: impl Into<String>) {
        let _ = self.0.send(Note::Show(typ, msg.into()));
    }
}

/// Run a call into the core, turning a panic into a log line: one bad document or one bug
/// in a rule must not take the editor's server down.
pub fn guarded<T>(log: &Logger, what: &str, f: impl FnOnce() -> T) -> Option<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(v) => Some(v),
        // an interrupted request is no failure: its caller answers for it
        Err(e) if interrupt::is_interruption(&*e) => std::panic::resume_unwind(e),
        Err(e) => {
            let msg = e
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| e.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            log.log(MessageType::ERROR, format!("isnad: internal error while {what}: {msg}"));
            None
        }
    }
}

/// [`guarded`] under an interrupt (see `analysis::interrupt`): `Err(())` when it was raised
/// and the analysis stopped, caught here so that whoever holds the state keeps it as it was.
pub fn guarded_interruptible<T>(log: &Logger, what: &str, interrupt: Interrupt, f: impl FnOnce() -> T) -> Result<Option<T>, ()> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| guarded(log, what, || interrupt::run(interrupt, f)))).map_err(|_| ())
}

/// The findings the user sees: severity not `off`.
fn reported(findings: Vec<Finding>) -> Vec<Finding> {
    findings.into_iter().filter(|f| f.severity != Severity::Off).collect()
}

/// What the client can do, read once from `initialize`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClientCaps {
    /// `workspace.workspaceEdit.documentChanges`: versioned edits.
    pub document_changes: bool,
    /// `workspace.workspaceEdit.resourceOperations` holds `create`.
    pub create_files: bool,
    pub work_done_progress: bool,
    pub configuration: bool,
    pub watched_files_dynamic: bool,
    pub related_information: bool,
    /// `textDocument.definition.linkSupport`: definitions answered as `LocationLink`s.
    pub definition_links: bool,
}

/// How the server speaks to its user: the language of every message and label, and whether
/// names in hovers are wrapped in bidi isolates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ui {
    /// The client's `locale` from `initialize`, when isnad speaks that language.
    pub locale: Option<Lang>,
    /// `isnad.language`; `None` is `auto` (the locale, else English: Neovim sends none).
    pub language: Option<Lang>,
    /// `isnad.bidiIsolates`: off unless the editor says it renders U+2068…U+2069 (VS Code
    /// does; Neovim's floats show them as `<2068>`).
    pub isolates: bool,
}

impl Ui {
    pub fn lang(&self) -> Lang {
        self.language.or(self.locale).unwrap_or_default()
    }

    /// A name as hovers show it: isolated where the client renders isolates, so that an Arabic
    /// name keeps its letters in order inside left-to-right text.
    pub fn name(&self, s: &str) -> String {
        if self.isolates { format!("\u{2068}{s}\u{2069}") } else { s.to_string() }
    }
}

/// The display settings inside the editor's `isnad` section (`language`, `bidiIsolates` /
/// `bidi_isolates`), and the section without them (what `Config` reads).
pub fn split_ui_settings(section: &serde_json::Value) -> (Result<(Option<Lang>, bool), String>, serde_json::Value) {
    let mut rest = section.clone();
    let Some(map) = rest.as_object_mut() else { return (Ok((None, false)), rest) };
    let language = map.remove("language");
    let (camel, snake) = (map.remove("bidiIsolates"), map.remove("bidi_isolates"));
    let isolates = camel.or(snake);
    let language = match language {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => Lang::from_setting(&s),
        Some(other) => Err(format!("language: expected \"auto\", \"ar\" or \"en\", got {other}")),
    };
    let isolates = match isolates {
        None | Some(serde_json::Value::Null) => Ok(false),
        Some(serde_json::Value::Bool(b)) => Ok(b),
        Some(other) => Err(format!("bidiIsolates: expected true or false, got {other}")),
    };
    (language.and_then(|l| isolates.map(|i| (l, i))), rest)
}

#[derive(Debug, Clone)]
pub struct Root {
    /// As the client sent it (`.` and `..` resolved): the returned URIs are built on it.
    pub path: PathBuf,
    pub name: String,
    /// Symlinks resolved, for telling what is really inside it.
    pub canonical: PathBuf,
}

#[derive(Debug)]
pub struct OpenDoc {
    pub uri: Uri,
    pub rope: Rope,
    pub version: i32,
    pub path: PathBuf,
    /// Workspace key when the document is analysed.
    pub key: Option<String>,
    /// Outside every root: analysed alone, in its own workspace (`State::outside`).
    pub outside: bool,
    /// The rope changed since the workspace last saw it.
    pub dirty: bool,
    /// Over the size cap (not analysed); remembered so it is logged once.
    pub oversize: bool,
    /// Global edit sequence number of the last change (most recently edited publish first).
    pub seq: u64,
}

/// A file of the corpus to read from disk, without the state lock held (a slow disk then
/// delays no other request).
#[derive(Debug)]
pub struct DiskRead {
    path: PathBuf,
    key: String,
    max_size: u64,
}

impl DiskRead {
    /// Read the file (regular files only, never beyond the size cap).
    pub fn read(self) -> ReadFile {
        let text = scan::read_text_file(&self.path, self.max_size);
        ReadFile { path: self.path, key: self.key, text }
    }
}

/// A file read for the corpus, for [`State::apply_read`].
#[derive(Debug)]
pub struct ReadFile {
    path: PathBuf,
    key: String,
    text: Result<String, String>,
}

/// What a file event asks for (see [`State::file_event`]).
#[derive(Debug)]
pub enum FileEvent {
    /// `isnad.toml` changed: reload the configuration.
    Config,
    /// Read this file into the corpus.
    Read(DiskRead),
    Done,
}

/// The findings of one variant across the corpus, for "replace in all files":
/// [(document, [(span, replacement)])], documents in source order.
pub type VariantFindings = Vec<(DocId, Vec<(std::ops::Range<usize>, String)>)>;

pub struct State {
    pub log: Logger,
    pub encoding: Encoding,
    pub caps: ClientCaps,
    pub ui: Ui,
    pub roots: Vec<Root>,
    /// `isnad.toml` (defaults when missing or malformed).
    pub file_config: Config,
    /// Editor settings: `initializationOptions`, replaced by `workspace/configuration`.
    pub editor_config: Config,
    /// The two layered; what the workspace runs on.
    pub config: Config,
    pub filter: FileFilter,
    pub workspace: Workspace,
    /// The workspaces of open documents from outside every root, one document each.
    pub outside: HashMap<Uri, Workspace>,
    /// `workspace` holds an outside document's workspace for the request running now.
    scoped: bool,
    /// The initial index is complete: diagnostics may be published.
    pub indexed: bool,
    /// Bumped by every (re)scan; a scan whose epoch is no longer current is discarded.
    pub index_epoch: u64,
    pub scanning: bool,
    /// File events that arrived during a scan, replayed after it.
    pub queued_events: Vec<(PathBuf, FileChangeType)>,
    pub docs: HashMap<Uri, OpenDoc>,
    pub seq: u64,
    /// What was last published per document: (version, diagnostics).
    pub published: HashMap<Uri, (Option<i32>, Vec<Diagnostic>)>,
    /// Closed documents whose diagnostics must be cleared.
    pub to_clear: Vec<Uri>,
    /// Per workspace generation: variant -> its findings across the corpus.
    variant_cache: (u64, HashMap<String, Arc<VariantFindings>>),
}

/// The path of a `file:` URI (percent-encoding decoded), `.` and `..` resolved by its
/// components, not through the file system: `file:///corpus/../elsewhere/x.txt` is
/// `/elsewhere/x.txt`, outside `/corpus`.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    uri.to_file_path().map(|p| lexically_normal(&p))
}

/// `path` with `.` components dropped and each `..` taking away the component before it
/// (never above the root).
pub fn lexically_normal(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Where `path` really is: its canonical path, or for a file not yet on disk its folder's
/// canonical path and its name; `None` when neither resolves.
fn real_path(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = std::fs::canonicalize(path) {
        return Some(p);
    }
    let (parent, name) = (path.parent()?, path.file_name()?);
    std::fs::canonicalize(parent).ok().map(|p| p.join(name))
}

/// `isnad.toml` of a root: (config, error message). A missing file is the defaults.
pub fn read_config_file(root: &Path, lang: Lang) -> (Config, Option<String>) {
    let path = root.join(CONFIG_FILE);
    match crate::corpus::scan::read_config_text(&path) {
        Ok(Some(text)) => match Config::from_toml(&text) {
            Ok(c) => (c, None),
            Err(e) => (Config::default(), Some(tr_args(lang, "server-config-defaults", &[("error", e.to_string().into())]))),
        },
        Ok(None) => (Config::default(), None),
        Err(e) => {
            let args = [("path", path.display().to_string().into()), ("error", e.to_string().into())];
            (Config::default(), Some(tr_args(lang, "server-config-unreadable", &args)))
        }
    }
}

/// Editor settings: either the `isnad` section itself or an object holding it.
pub fn editor_settings(value: &serde_json::Value) -> Option<&serde_json::Value> {
    match value.get("isnad") {
        Some(v) => Some(v),
        None if value.is_null() => None,
        None => Some(value),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigChange {
    None,
    /// Severities, accepted spellings, style guide: re-publish.
    Analysis,
    /// Globs or size cap: rescan.
    Corpus,
}

impl State {
    pub fn new(log: Logger) -> State {
        let config = Config::default();
        State {
            log,
            encoding: Encoding::Utf16,
            caps: ClientCaps::default(),
            ui: Ui::default(),
            roots: Vec::new(),
            file_config: Config::default(),
            editor_config: Config::default(),
            filter: FileFilter::new(&config.corpus).expect("default globs compile"),
            workspace: Workspace::new(config.clone()),
            outside: HashMap::new(),
            scoped: false,
            config,
            indexed: false,
            index_epoch: 0,
            scanning: false,
            queued_events: Vec::new(),
            docs: HashMap::new(),
            seq: 0,
            published: HashMap::new(),
            to_clear: Vec::new(),
            variant_cache: (u64::MAX, HashMap::new()),
        }
    }

    /// Set the corpus roots (folder names made unique, for keys with several roots).
    pub fn set_roots(&mut self, roots: Vec<(PathBuf, String)>) {
        let mut out: Vec<Root> = Vec::new();
        for (path, name) in roots {
            let path = lexically_normal(&path);
            if out.iter().any(|r| r.path == path) {
                continue;
            }
            let mut unique = name.clone();
            let mut n = 2;
            while out.iter().any(|r| r.name == unique) {
                unique = format!("{name}~{n}");
                n += 1;
            }
            let canonical = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            out.push(Root { path, name: unique, canonical });
        }
        self.roots = out;
    }

    /// Where `isnad.toml` lives: the first root.
    pub fn config_path(&self) -> Option<PathBuf> {
        self.roots.first().map(|r| r.path.join(CONFIG_FILE))
    }

    /// The innermost root holding `path`, and the path relative to it: under the root by
    /// its components, and by its canonical path too (a symlink to a file elsewhere is not).
    fn root_of(&self, path: &Path) -> Option<(usize, String)> {
        let (i, rel) = self.lexical_root_of(path)?;
        self.leads_outside(i, path).is_none().then_some((i, rel))
    }

    /// The innermost root holding `path` by its components alone.
    fn lexical_root_of(&self, path: &Path) -> Option<(usize, String)> {
        self.roots
            .iter()
            .enumerate()
            .filter(|(_, r)| path.starts_with(&r.path) && path != r.path)
            .max_by_key(|(_, r)| r.path.as_os_str().len())
            .map(|(i, r)| (i, scan::rel_path(&r.path, path)))
    }

    /// Where `path`, under root `i` by its components, really leads when that is outside
    /// the root (a symlink to a file elsewhere, or to a device).
    fn leads_outside(&self, i: usize, path: &Path) -> Option<PathBuf> {
        real_path(path).filter(|p| !p.starts_with(&self.roots[i].canonical))
    }

    fn prefixed(&self, root: usize, rel: String) -> String {
        if self.roots.len() > 1 { format!("{}/{}", self.roots[root].name, rel) } else { rel }
    }

    /// Workspace key of an open document, or `None` when it is not analysed, and whether it
    /// lies outside every root (see module docs).
    pub fn key_for_open(&self, path: &Path) -> (Option<String>, bool) {
        match self.root_of(path) {
            Some((i, rel)) => (self.filter.matches(&rel).then(|| self.prefixed(i, rel)), false),
            None => {
                let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
                (self.filter.matches(&name).then(|| path.to_string_lossy().replace('\\', "/")), true)
            }
        }
    }

    /// Workspace key of a file on disk under a root, as the scan would key it (`None` outside
    /// the roots, in hidden folders, or not matching the globs).
    pub fn key_for_disk(&self, path: &Path) -> Option<String> {
        let (i, rel) = self.root_of(path)?;
        if rel.split('/').any(|c| c.starts_with('.')) || !self.filter.matches(&rel) {
            return None;
        }
        Some(self.prefixed(i, rel))
    }

    /// Key of any path under a root, globs ignored (for deletions of folders).
    fn raw_key(&self, path: &Path) -> Option<String> {
        self.root_of(path).map(|(i, rel)| self.prefixed(i, rel))
    }

    pub fn is_open_path(&self, path: &Path) -> bool {
        self.docs.values().any(|d| d.path == path)
    }

    pub fn open_uri_for_path(&self, path: &Path) -> Option<&OpenDoc> {
        self.docs.values().find(|d| d.path == path)
    }

    pub fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// Recompute the keys of open documents (roots or globs changed) and mark them dirty.
    pub fn rekey_open_docs(&mut self) {
        let keys: Vec<(Uri, (Option<String>, bool))> =
            self.docs.values().map(|d| (d.uri.clone(), self.key_for_open(&d.path))).collect();
        for (uri, (key, outside)) in keys {
            if !outside {
                self.outside.remove(&uri);
            }
            if let Some(d) = self.docs.get_mut(&uri) {
                d.key = key;
                d.outside = outside;
                d.dirty = true;
                d.oversize = false;
            }
        }
    }

    /// Hand the text of edited open documents to the workspace (see module docs).
    pub fn flush(&mut self) {
        // (in scope of an outside document, `workspace` is not the corpus: flushed before)
        if !self.indexed || self.scoped {
            return;
        }
        let State { docs, workspace, outside, config, log, .. } = self;
        for doc in docs.values_mut().filter(|d| d.dirty) {
            doc.dirty = false;
            let Some(key) = &doc.key else { continue };
            let workspace = if doc.outside {
                outside.entry(doc.uri.clone()).or_insert_with(|| Workspace::new(config.clone()))
            } else {
                &mut *workspace
            };
            let len = doc.rope.len_bytes() as u64;
            if len > config.corpus.max_file_size {
                if !doc.oversize {
                    doc.oversize = true;
                    log.info(format!(
                        "isnad: not analysing {}: {len} bytes is over the size cap of {} bytes",
                        doc.path.display(),
                        config.corpus.max_file_size
                    ));
                }
                workspace.remove(key);
                continue;
            }
            doc.oversize = false;
            let text: Arc<str> = Arc::from(doc.rope.to_string());
            let (key, path) = (key.clone(), doc.path.clone());
            guarded(log, "indexing an edited document", || workspace.upsert(key, path, text));
        }
    }

    /// The document was closed: the editor no longer owns it, so the corpus goes back to
    /// the file on disk (or forgets a file from outside the roots). Returns the read to do,
    /// without the lock, and hand to [`State::apply_read`].
    pub fn close(&mut self, uri: &Uri) -> Option<DiskRead> {
        let Some(doc) = self.docs.remove(uri) else {
            self.log.info(format!("isnad: didClose for a document that is not open: {}", uri.as_str()));
            return None;
        };
        self.published.remove(uri);
        self.to_clear.push(uri.clone());
        self.outside.remove(uri);
        if !self.indexed || doc.outside {
            return None;
        }
        if let Some(key) = doc.key {
            self.workspace.remove(&key);
        }
        self.disk_read(&doc.path)
    }

    /// The read that brings the file at `path` into the corpus, if it belongs there.
    fn disk_read(&self, path: &Path) -> Option<DiskRead> {
        let key = self.key_for_disk(path)?;
        Some(DiskRead { path: path.to_path_buf(), key, max_size: self.config.corpus.max_file_size })
    }

    /// Bring a file read from disk into the corpus, unless things changed while it was read
    /// (the editor opened it, a scan started, the roots or globs changed).
    pub fn apply_read(&mut self, read: ReadFile) {
        let ReadFile { path, key, text } = read;
        if !self.indexed || self.scanning || self.is_open_path(&path) || self.key_for_disk(&path).as_deref() != Some(key.as_str()) {
            return;
        }
        match text {
            Ok(text) => {
                let log = self.log.clone();
                let ws = &mut self.workspace;
                guarded(&log, "indexing a changed file", || ws.upsert(key, path, Arc::from(text)));
            }
            Err(reason) => {
                if self.workspace.remove(&key) || path.exists() {
                    self.log.info(format!("isnad: skipped {}: {reason}", path.display()));
                }
            }
        }
    }

    /// A file changed on disk: `isnad.toml` (reload the configuration), a file to read into
    /// the corpus (without the lock: [`DiskRead::read`], then [`State::apply_read`]), or
    /// nothing more to do.
    pub fn file_event(&mut self, path: &Path, typ: FileChangeType) -> FileEvent {
        if self.config_path().as_deref() == Some(path) {
            return FileEvent::Config;
        }
        if self.scanning {
            self.queued_events.push((path.to_path_buf(), typ));
            return FileEvent::Done;
        }
        if !self.indexed {
            return FileEvent::Done; // no corpus yet: the first scan will read the disk
        }
        if self.is_open_path(path) {
            return FileEvent::Done; // the editor's text wins; the disk is read again on close
        }
        if typ == FileChangeType::DELETED {
            let Some(key) = self.raw_key(path) else { return FileEvent::Done };
            if !self.workspace.remove(&key) {
                // a folder: everything under it that is not open
                let prefix = format!("{key}/");
                let gone: Vec<String> = self
                    .workspace
                    .docs_in_order()
                    .into_iter()
                    .filter_map(|id| self.workspace.doc(id))
                    .filter(|d| d.rel_path.starts_with(&prefix) && !self.is_open_path(&d.abs_path))
                    .map(|d| d.rel_path.clone())
                    .collect();
                for k in gone {
                    self.workspace.remove(&k);
                }
            }
        } else if let Some(read) = self.disk_read(path) {
            return FileEvent::Read(read);
        } else if let Some(real) = self.lexical_root_of(path).and_then(|(i, _)| self.leads_outside(i, path)) {
            self.log.info(format!("isnad: skipped {}: it leads outside the corpus, to {}", path.display(), real.display()));
        }
        FileEvent::Done
    }

    /// Layer the editor settings over the file and hand the result to the workspace.
    pub fn apply_config(&mut self) -> ConfigChange {
        let effective = self.file_config.merged_with(&self.editor_config);
        if effective == self.config {
            return ConfigChange::None;
        }
        let corpus_changed = effective.corpus != self.config.corpus;
        if corpus_changed {
            match FileFilter::new(&effective.corpus) {
                Ok(f) => self.filter = f,
                Err(e) => {
                    self.log.show(MessageType::ERROR, tr_args(self.ui.lang(), "server-bad-globs", &[("error", e.to_string().into())]));
                    self.filter = FileFilter::new(&Config::default().corpus).expect("default globs compile");
                }
            }
        }
        self.config = effective.clone();
        let log = self.log.clone();
        for ws in std::iter::once(&mut self.workspace).chain(self.outside.values_mut()) {
            guarded(&log, "applying the configuration", || ws.set_config(effective.clone()));
        }
        if corpus_changed { ConfigChange::Corpus } else { ConfigChange::Analysis }
    }

    /// The findings of one document that are reported (severity not `off`).
    pub fn findings(&self, id: DocId) -> Vec<Finding> {
        reported(guarded(&self.log, "computing findings", || self.workspace.spelling_findings(id)).unwrap_or_default())
    }

    /// [`State::findings`] of several documents, in their order, on every core (the first
    /// diagnostics of the documents an editor opens are each a second of work on an archive).
    pub fn findings_of(&self, ids: &[DocId]) -> Vec<Vec<Finding>> {
        let found = guarded(&self.log, "computing findings", || self.workspace.spelling_findings_of(ids)).unwrap_or_else(|| vec![Vec::new(); ids.len()]);
        found.into_iter().map(reported).collect()
    }

    /// Whether a request about `uri` that only reads can run on the state as it is: every
    /// edit handed to the workspace (nothing for `flush` to do), and `uri` from the corpus
    /// (not a document from outside every root, whose workspace `in_scope` puts in place).
    pub fn readable_for(&self, uri: &Uri) -> bool {
        let flushed = !self.indexed || self.scoped || !self.docs.values().any(|d| d.dirty);
        flushed && !self.outside_the_corpus(uri)
    }

    /// Whether `uri` is an open document from outside every root (with a workspace of its own).
    pub fn outside_the_corpus(&self, uri: &Uri) -> bool {
        self.outside.contains_key(uri)
    }

    /// Run `f` on the workspace of the open document `uri`: the corpus, or for a document from
    /// outside every root its own workspace, put in `workspace`'s place while `f` runs (so
    /// every request on it sees that document alone and nothing of it reaches the corpus).
    pub fn in_scope<R>(&mut self, uri: &Uri, f: impl FnOnce(&mut State) -> R) -> R {
        self.flush();
        let Some(mut ws) = self.outside.remove(uri) else { return f(self) };
        std::mem::swap(&mut self.workspace, &mut ws);
        // (the variant cache is keyed by the corpus's generation)
        let cache = std::mem::replace(&mut self.variant_cache, (u64::MAX, HashMap::new()));
        self.scoped = true;
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self)));
        self.scoped = false;
        self.variant_cache = cache;
        std::mem::swap(&mut self.workspace, &mut ws);
        self.outside.insert(uri.clone(), ws);
        r.unwrap_or_else(|e| std::panic::resume_unwind(e))
    }

    /// Workspace id of an open document (after a flush).
    pub fn open_doc_id(&self, uri: &Uri) -> Option<DocId> {
        let key = self.docs.get(uri)?.key.as_ref()?;
        self.workspace.doc_id(key)
    }

    /// Reported findings of one variant across the corpus, documents in source order; cached
    /// per workspace generation. Only documents the core's statistics list for the spelling
    /// (standalone or after a proclitic, the لل form included) are examined, so this costs
    /// the variant's documents, not the corpus.
    pub fn variant_findings(&mut self, variant: &str) -> Arc<VariantFindings> {
        let generation = self.workspace.generation();
        if self.variant_cache.0 != generation {
            self.variant_cache = (generation, HashMap::new());
        }
        if let Some(v) = self.variant_cache.1.get(variant) {
            return v.clone();
        }
        let ws = &self.workspace;
        let mut ids: Vec<DocId> = ws.word_stats(variant).map(|s| s.docs.clone()).unwrap_or_default();
        ws.sort_in_source_order(&mut ids);
        let mut out = Vec::new();
        for id in ids {
            let spans: Vec<(std::ops::Range<usize>, String)> =
                self.findings(id).into_iter().filter(|f| f.variant == variant).map(|f| (f.span, f.replacement)).collect();
            if !spans.is_empty() {
                out.push((id, spans));
            }
        }
        let out = Arc::new(out);
        self.variant_cache.1.insert(variant.to_string(), out.clone());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open_doc(uri: Uri, path: PathBuf) -> OpenDoc {
        OpenDoc { uri, rope: Rope::from_str("نص"), version: 1, path, key: None, outside: false, dirty: false, oversize: false, seq: 0 }
    }

    /// A file event's read runs without the lock; what changed meanwhile wins over it.
    #[test]
    fn a_file_read_without_the_lock_is_dropped_when_the_editor_opened_it_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        std::fs::write(&a, "نص على القرص").unwrap();
        std::fs::write(&b, "نص آخر").unwrap();
        let (log, _notes) = Logger::new();
        let mut st = State::new(log);
        st.set_roots(vec![(dir.path().to_path_buf(), "corpus".to_string())]);
        st.indexed = true;
        let read = |st: &mut State, p: &Path| match st.file_event(p, FileChangeType::CREATED) {
            FileEvent::Read(r) => r.read(),
            other => panic!("{other:?}"),
        };
        let (ra, rb) = (read(&mut st, &a), read(&mut st, &b));
        // the editor opens a.txt before the read is applied: its text wins
        let uri = Uri::from_file_path(&a).unwrap();
        st.docs.insert(uri.clone(), open_doc(uri, a.clone()));
        st.apply_read(ra);
        st.apply_read(rb);
        assert_eq!(st.workspace.doc_id("a.txt"), None);
        assert!(st.workspace.doc_id("b.txt").is_some());
    }
}
