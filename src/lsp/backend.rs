//! The `LanguageServer` implementation and its background tasks: corpus indexing with
//! work-done progress, configuration, file watching, and the debounced publisher.
//!
//! Notification handlers never `.await`: they lock the state, mutate, unlock and wake the
//! publisher, all within their first poll, so they take effect in arrival order (see
//! `state`). Requests are answered off the async threads ([`Backend::answer`]), under an
//! interrupt that the editor's `$/cancelRequest` or an edit of the document they ask about
//! raises. Anything that must wait for the client (progress tokens, configuration pulls,
//! capability registration) runs in a spawned task, never in a handler, so a handler cannot
//! hold up the framework's message queue while the client's answer waits in it.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

use ropey::Rope;
use tokio::sync::Notify;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::analysis::interrupt::{self, Interrupt};
use crate::analysis::Workspace;
use crate::corpus::config::Config;
use crate::corpus::scan::{self, FileFilter};
use crate::l10n::{tr, tr_args, Lang};

use super::actions;
use super::diagnostics::{self, Round};
use super::entities;
use super::position::{Encoding, rope_char};
use super::state::{
    ClientCaps, ConfigChange, DiskRead, FileEvent, Logger, Note, OpenDoc, ReadFile, State, editor_settings, file_path, guarded, read_config_file,
    split_ui_settings, guarded_interruptible,
};

/// Quiet time after the last edit before diagnostics are computed, once publishing costs
/// more than `CHEAP` or edits pile up.
const DEBOUNCE: Duration = Duration::from_millis(10);
/// A round of publication this fast goes out at once after the next edit (unless edits came
/// in during it): well under the time between two keystrokes of a fast typist (60 ms and
/// more), so waiting for more of them would only delay the diagnostics.
const CHEAP: Duration = Duration::from_millis(30);
/// The background look-up of references waits for the editor to be this quiet.
const WARM_QUIET: Duration = Duration::from_millis(300);
/// Under a continuous stream of edits, publish at least this often.
const MAX_DELAY: Duration = Duration::from_millis(250);
/// How long re-publishing an unedited document waits for the requests in flight.
const REQUESTS_FIRST: Duration = Duration::from_millis(20);
/// How long a request that reads gives way to writers (see `Backend::answer_read`): after
/// this it answers before the next writer is let in, so that an editor that never pauses
/// cannot keep it from answering. A trade between the two: on ant2018 with a keystroke every
/// 50 ms, giving way for 200 ms halved the keystrokes' diagnostics p95 (about 280 → 125–160
/// ms) and made references p95 about a third slower (130–140 → 165–200 ms); for 1 s, the
/// widest answers (60–100 ms of work, never done between two keystrokes) took a second.
const GIVE_WAY_FOR: Duration = Duration::from_millis(200);
/// Skipped files logged one by one, up to this many.
const MAX_SKIPPED_LOGGED: usize = 1000;

pub(crate) struct Shared {
    client: Client,
    /// Written by edits, configuration and indexing (and by requests that must hand edits
    /// over first); read by the requests that only look (hover, references, symbols) and by
    /// the diagnostics being computed, side by side.
    state: RwLock<State>,
    /// How many wait for the write lock: a request that reads gives way while any does (see
    /// `Backend::answer_read`).
    writers_waiting: AtomicU64,
    /// Requests that read take at least this long (in steps that give way as their analysis
    /// does), as a look-up over a large archive does: set only by in-process tests (`Probe`).
    slow_readers: Mutex<Duration>,
    /// How long a request that reads gives way to writers: `GIVE_WAY_FOR`, or what an
    /// in-process test sets (`Probe`).
    give_way_for: Mutex<Duration>,
    log: Logger,
    notes: Mutex<Option<tokio::sync::mpsc::UnboundedReceiver<Note>>>,
    /// Wakes the publisher.
    wake: Notify,
    /// Bumped by every change; the publisher waits until it stops moving.
    changes: AtomicU64,
    /// The count of `changes` whose round of diagnostics (of the edited documents) is out: a
    /// request that gave way to an edit waits for it before it reads again.
    published: AtomicU64,
    /// The count of `changes` whose whole round (the other open documents too) is out: for
    /// in-process tests that need the server idle (`Probe::wait_until_published`).
    all_published: AtomicU64,
    tasks_started: AtomicBool,
    shutdown: AtomicBool,
    /// The session is over: the publisher and the log forwarder end (they hold the state,
    /// which a server run in process would otherwise keep after `exit`).
    stopped: AtomicBool,
    stop: Notify,
    /// Held from computing a batch of diagnostics to sending it, so batches go out in the
    /// order they were computed (the publisher and the indexer both publish).
    publishing: tokio::sync::Mutex<()>,
    /// Counts the edits of open documents as they arrive (before they wait for the state),
    /// with the count at each document's last edit: a request about a document edited after
    /// it arrived is stale.
    edits: AtomicU64,
    last_edit: Mutex<HashMap<Uri, u64>>,
    /// Counts the requests as they arrive: background work gives way to them.
    requests: AtomicU64,
    /// Requests arrived and not yet answered: re-publishing the documents nobody edited waits
    /// for them (a moment at most), so a hover does not queue behind other documents' rounds.
    in_flight: AtomicU64,
}

impl Shared {
    fn lock(&self) -> RwLockWriteGuard<'_, State> {
        // (counted while it waits: the readers holding the lock give way at their next look
        // at their interrupt instead of making this wait for their whole answer)
        self.writers_waiting.fetch_add(1, Ordering::SeqCst);
        // A panic while locked is already logged (see `guarded`); keep serving.
        let locked = self.state.write().unwrap_or_else(|e| e.into_inner());
        self.writers_waiting.fetch_sub(1, Ordering::SeqCst);
        locked
    }

    /// The write lock for work that can wait for the requests that read: they do not give way
    /// to it (the publication of documents nobody edited).
    fn lock_unhurried(&self) -> RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Wait until no writer waits for the lock and, once the reader has given way, until
    /// the diagnostics of the changes so far are out (for `GIVE_WAY_FOR` after `asked` at
    /// most). The lock lets a reader in between the last reader's leaving and the waiting
    /// writer's entering, and a reader that gave way would otherwise take it back at once;
    /// and a reader that starts again while the round is still being worked out shares the
    /// cores with it, then gives way again to its end.
    fn let_writers_pass(&self, asked: Instant, gave_way: bool) {
        let busy = || {
            self.writers_waiting.load(Ordering::SeqCst) > 0
                || (gave_way && self.published.load(Ordering::SeqCst) != self.changes.load(Ordering::SeqCst))
        };
        let budget = self.give_way_budget();
        while busy() && asked.elapsed() < budget {
            std::thread::sleep(Duration::from_micros(100));
        }
    }

    fn read(&self) -> RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    /// An edit of `uri` arrived: requests about it that came before are stale.
    fn editing(&self, uri: &Uri) {
        let n = self.edits.fetch_add(1, Ordering::SeqCst) + 1;
        self.last_edit.lock().unwrap_or_else(|e| e.into_inner()).insert(uri.clone(), n);
    }

    /// Whether `uri` was edited after the edit count was `since`.
    fn edited_since(&self, uri: &Uri, since: u64) -> bool {
        // (no edit at all since: the common case, asked between every two documents an
        // analysis reads, on every core)
        self.edits.load(Ordering::SeqCst) != since
            && self.last_edit.lock().unwrap_or_else(|e| e.into_inner()).get(uri).is_some_and(|&n| n > since)
    }

    fn give_way_budget(&self) -> Duration {
        *self.give_way_for.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The padding of a request that reads (`slow_readers`), in steps that look at the
    /// interrupt as an analysis does.
    fn pad_reader(&self) {
        let d = *self.slow_readers.lock().unwrap_or_else(|e| e.into_inner());
        let start = Instant::now();
        while start.elapsed() < d {
            interrupt::check();
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// What the editor has sent that background work gives way to: edits and requests.
    fn editor_activity(&self) -> (u64, u64) {
        (self.edits.load(Ordering::SeqCst), self.requests.load(Ordering::SeqCst))
    }

    /// Something changed: (re)publish soon.
    fn changed(&self) {
        self.changes.fetch_add(1, Ordering::SeqCst);
        self.wake.notify_one();
    }
}

pub struct Backend {
    shared: Arc<Shared>,
}

/// A look inside a running server, for in-process tests.
#[derive(Clone)]
pub struct Probe(Arc<Shared>);

impl Probe {
    /// The text of an open document as the server holds it.
    pub fn open_text(&self, uri: &str) -> Option<String> {
        let uri: Uri = uri.parse().ok()?;
        self.0.lock().docs.get(&uri).map(|d| d.rope.to_string())
    }
    /// The version of an open document.
    pub fn open_version(&self, uri: &str) -> Option<i32> {
        let uri: Uri = uri.parse().ok()?;
        self.0.lock().docs.get(&uri).map(|d| d.version)
    }
    /// The text the core holds under a workspace key (open documents flushed first).
    pub fn workspace_text(&self, key: &str) -> Option<String> {
        let mut st = self.0.lock();
        st.flush();
        let id = st.workspace.doc_id(key)?;
        st.workspace.doc(id).map(|d| d.text.to_string())
    }
    /// Every workspace key, in source order.
    pub fn workspace_keys(&self) -> Vec<String> {
        let mut st = self.0.lock();
        st.flush();
        let ws = &st.workspace;
        ws.docs_in_order().into_iter().filter_map(|id| ws.doc(id).map(|d| d.rel_path.clone())).collect()
    }
    /// The initial index is complete.
    pub fn indexed(&self) -> bool {
        let st = self.0.lock();
        st.indexed && !st.scanning
    }
    /// The configuration in effect (file layered with editor settings).
    pub fn config(&self) -> Config {
        self.0.lock().config.clone()
    }
    pub fn shutdown_received(&self) -> bool {
        self.0.shutdown.load(Ordering::SeqCst)
    }
    /// Hold the state's lock until the value is dropped, as a slow request would: for tests
    /// of what waits for it and what does not.
    pub fn hold_state(&self) -> impl Drop + '_ {
        self.0.lock()
    }
    /// Hold the state for reading until the value is dropped, as a slow request that only
    /// reads (or a round of findings) holds it.
    pub fn read_state(&self) -> impl Drop + '_ {
        self.0.read()
    }
    /// Wait (10 s at most) until every change so far has had its whole round of diagnostics:
    /// no writer is about to want the state, until the next change.
    pub fn wait_until_published(&self) {
        let start = std::time::Instant::now();
        while self.0.all_published.load(Ordering::SeqCst) != self.0.changes.load(Ordering::SeqCst) && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    /// Make every request that reads take at least `d` (see `Shared::slow_readers`).
    pub fn slow_readers(&self, d: Duration) {
        *self.0.slow_readers.lock().unwrap_or_else(|e| e.into_inner()) = d;
    }
    /// How long a request that reads gives way to writers (see `Backend::answer_read`).
    pub fn give_way_for(&self, d: Duration) {
        *self.0.give_way_for.lock().unwrap_or_else(|e| e.into_inner()) = d;
    }
    /// The session ended: stop the background tasks that would keep the state alive.
    pub fn stop_background_tasks(&self) {
        self.0.stopped.store(true, Ordering::SeqCst);
        self.0.stop.notify_waiters();
    }
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        let (log, notes) = Logger::new();
        Backend {
            shared: Arc::new(Shared {
                client,
                state: RwLock::new(State::new(log.clone())),
                writers_waiting: AtomicU64::new(0),
                slow_readers: Mutex::new(Duration::ZERO),
                give_way_for: Mutex::new(GIVE_WAY_FOR),
                log,
                notes: Mutex::new(Some(notes)),
                wake: Notify::new(),
                changes: AtomicU64::new(0),
                published: AtomicU64::new(0),
                all_published: AtomicU64::new(0),
                tasks_started: AtomicBool::new(false),
                shutdown: AtomicBool::new(false),
                stopped: AtomicBool::new(false),
                stop: Notify::new(),
                publishing: tokio::sync::Mutex::new(()),
                edits: AtomicU64::new(0),
                last_edit: Mutex::new(HashMap::new()),
                requests: AtomicU64::new(0),
                in_flight: AtomicU64::new(0),
            }),
        }
    }

    pub fn probe(&self) -> Probe {
        Probe(self.shared.clone())
    }

    /// Answer a request off the async threads: `f` runs on a blocking thread under the state's
    /// write lock and under an interrupt (see `analysis::interrupt`) raised when the editor cancels
    /// the request or edits `about` (the document whose positions it reads) after it arrived.
    /// A cancelled request answers RequestCancelled (the framework does, once it drops this
    /// future, which raises the interrupt), an overtaken one ContentModified; a failure is
    /// logged and answers nothing.
    async fn answer<T: Send + 'static>(&self, what: &'static str, about: Option<Uri>, f: impl FnOnce(&mut State) -> T + Send + 'static) -> Result<Option<T>> {
        self.request(what, about, move |shared| f(&mut shared.lock())).await
    }

    /// A request that only reads the state (hover, references, symbols) about a document:
    /// answered under the read lock, beside the diagnostics being computed and other such
    /// requests, when every edit is in the workspace already; else (an edit still to hand
    /// over, a document from outside every root) as `answer` does, under the write lock.
    ///
    /// A reader gives way to writers: when an edit (or a round of diagnostics, or anything
    /// else) waits for the write lock, the reader stops at its next look at its interrupt,
    /// lets the writer in, and reads anew on the state the writer left (what it had worked
    /// out is kept in the caches, as far as the write left it true). So a slow look-up never
    /// holds back the next keystroke's diagnostics, and its answer is of the newest state.
    /// It gives way for `GIVE_WAY_FOR` at most, then answers before the next writer.
    async fn answer_read<T: Send + 'static>(&self, what: &'static str, about: Uri, f: impl Fn(&State) -> T + Send + 'static) -> Result<Option<T>> {
        self.answer_read_then(what, about, f, |found| found).await
    }

    /// `answer_read`, and `then` turns what `f` found into the answer once the lock is let go
    /// (still under the request's interrupt): converting positions.
    async fn answer_read_then<F: Send + 'static, T: Send + 'static>(
        &self,
        what: &'static str,
        about: Uri,
        f: impl Fn(&State) -> F + Send + 'static,
        then: impl FnOnce(F) -> T + Send + 'static,
    ) -> Result<Option<T>> {
        let uri = about.clone();
        self.request(what, Some(about), move |shared| then(read_giving_way(shared, &uri, f)))
        .await
    }

    /// Run a request's work (`answer`, `answer_read`) on a blocking thread under the
    /// interrupt, and turn the outcome into the answer.
    async fn request<T: Send + 'static>(&self, what: &'static str, about: Option<Uri>, run: impl FnOnce(&Arc<Shared>) -> T + Send + 'static) -> Result<Option<T>> {
        /// Raises the interrupt when the request's future is dropped: cancelled, or done.
        struct RaiseOnDrop(Arc<AtomicBool>);
        impl Drop for RaiseOnDrop {
            fn drop(&mut self) {
                self.0.store(true, Ordering::SeqCst);
            }
        }
        /// Counts the request out when its future is dropped: answered, or cancelled.
        struct InFlight(Arc<Shared>);
        impl Drop for InFlight {
            fn drop(&mut self) {
                self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
            }
        }
        self.shared.requests.fetch_add(1, Ordering::SeqCst);
        self.shared.in_flight.fetch_add(1, Ordering::SeqCst);
        let _in_flight = InFlight(self.shared.clone());
        let since = self.shared.edits.load(Ordering::SeqCst);
        let dropped = Arc::new(AtomicBool::new(false));
        let _raise = RaiseOnDrop(dropped.clone());
        let shared = self.shared.clone();
        let raised = {
            let (shared, dropped) = (shared.clone(), dropped.clone());
            move || dropped.load(Ordering::SeqCst) || about.as_ref().is_some_and(|uri| shared.edited_since(uri, since))
        };
        let work = tokio::task::spawn_blocking(move || {
            guarded_interruptible(&shared.log, what, Interrupt::new(raised), || {
                // (edited while it waited: its positions are stale)
                interrupt::check();
                run(&shared)
            })
        });
        match work.await {
            Ok(Ok(answer)) => Ok(answer),
            Ok(Err(())) => Err(Error::new(ErrorCode::ContentModified)),
            Err(e) => {
                self.shared.log.log(MessageType::ERROR, format!("isnad: {what} failed: {e}"));
                Ok(None)
            }
        }
    }

    /// `$/isnad/malformedMessage`: a frame that was not a JSON-RPC message (see `framing`).
    pub async fn malformed(&self, params: serde_json::Value) {
        let reason = params.get("reason").and_then(|r| r.as_str()).unwrap_or("unknown");
        self.shared.log.warn(format!("isnad: {reason}"));
    }
}

/// What `f` finds under the read lock, giving way to writers (see `Backend::answer_read`).
fn read_giving_way<F>(shared: &Arc<Shared>, uri: &Uri, f: impl Fn(&State) -> F) -> F {
    let asked = Instant::now();
    let budget = shared.give_way_budget();
    let mut gave_way = false;
    loop {
        let gives_way = asked.elapsed() < budget;
        if gives_way {
            shared.let_writers_pass(asked, gave_way);
        }
        let st = shared.read();
        if !st.readable_for(uri) {
            drop(st);
            let mut st = shared.lock();
            if !gives_way || st.outside_the_corpus(uri) {
                return st.in_scope(uri, |st| {
                    shared.pad_reader();
                    f(st)
                });
            }
            // (the edits handed over, the lock is let go: the answer is worked out
            // beside the round of diagnostics the edits are for, not before it)
            st.flush();
            gave_way = true;
            continue;
        }
        let padded = || {
            shared.pad_reader();
            f(&st)
        };
        if !gives_way {
            return padded();
        }
        let waiting = shared.clone();
        let give_way = move || waiting.writers_waiting.load(Ordering::SeqCst) > 0;
        if let Some(answer) = interrupt::giving_way(give_way, padded) {
            return answer;
        }
        gave_way = true;
        // (a writer waits: the read lock is let go here, and taken again after it)
    }
}

fn client_caps(c: &ClientCapabilities) -> ClientCaps {
    let ws = c.workspace.as_ref();
    let edit = ws.and_then(|w| w.workspace_edit.as_ref());
    ClientCaps {
        document_changes: edit.and_then(|e| e.document_changes).unwrap_or(false),
        create_files: edit
            .and_then(|e| e.resource_operations.as_ref())
            .is_some_and(|ops| ops.contains(&ResourceOperationKind::Create)),
        work_done_progress: c.window.as_ref().and_then(|w| w.work_done_progress).unwrap_or(false),
        configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
        watched_files_dynamic: ws
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        related_information: c
            .text_document
            .as_ref()
            .and_then(|t| t.publish_diagnostics.as_ref())
            .and_then(|p| p.related_information)
            .unwrap_or(false),
        definition_links: c.text_document.as_ref().and_then(|t| t.definition.as_ref()).and_then(|d| d.link_support).unwrap_or(false),
    }
}

fn folder_name(path: &std::path::Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "root".into())
}

/// Roots from `initialize`: workspace folders, else `rootUri`, else `rootPath`.
#[allow(deprecated)]
fn initial_roots(params: &InitializeParams, log: &Logger) -> Vec<(PathBuf, String)> {
    let mut roots = Vec::new();
    if let Some(folders) = params.workspace_folders.as_ref().filter(|f| !f.is_empty()) {
        for f in folders {
            match file_path(&f.uri) {
                Some(p) => roots.push((p, f.name.clone())),
                None => log.info(format!("isnad: ignoring workspace folder {}: not a file: URI", f.uri.as_str())),
            }
        }
    } else if let Some(p) = params.root_uri.as_ref().and_then(file_path) {
        roots.push((p.clone(), folder_name(&p)));
    } else if let Some(p) = params.root_path.as_ref().filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        roots.push((p.clone(), folder_name(&p)));
    }
    roots
}

/// Read settings sent by the editor into the editor layer and the display settings (errors
/// shown, the previous values kept). Returns whether the display settings changed (every
/// open document's diagnostics then need their messages again).
fn set_editor_settings(st: &mut State, value: &serde_json::Value, origin: &str) -> bool {
    let Some(section) = editor_settings(value) else { return false };
    let (ui, rest) = split_ui_settings(section);
    let before = st.ui;
    match ui {
        Ok((language, isolates)) => {
            st.ui.language = language;
            st.ui.isolates = isolates;
        }
        Err(e) => st.log.show(MessageType::ERROR, tr_args(st.ui.lang(), "server-config-ignored", &[("origin", origin.into()), ("error", e.into())])),
    }
    match Config::from_json(&rest) {
        Ok(c) => st.editor_config = c,
        Err(e) => st.log.show(MessageType::ERROR, tr_args(st.ui.lang(), "server-config-ignored", &[("origin", origin.into()), ("error", e.message.into())])),
    }
    st.ui != before
}

/// Re-read `isnad.toml` of the first root into the file layer.
fn load_config_file(st: &mut State) {
    let Some(root) = st.roots.first().map(|r| r.path.clone()) else { return };
    let (config, error) = read_config_file(&root, st.ui.lang());
    if let Some(e) = error {
        st.log.show(MessageType::ERROR, e);
    }
    st.file_config = config;
}

fn after_config_change(shared: &Arc<Shared>, change: ConfigChange) {
    match change {
        ConfigChange::None => {}
        ConfigChange::Analysis => shared.changed(),
        ConfigChange::Corpus => {
            shared.lock().rekey_open_docs();
            start_index(shared);
        }
    }
}

/// Ask the client for the `isnad` section (when it answers `workspace/configuration`).
/// Apply file events: under the lock, what each asks for; the files to read are read with
/// the lock released, then brought into the corpus under it. Returns whether `isnad.toml`
/// changed.
fn file_events(shared: &Arc<Shared>, events: Vec<(PathBuf, FileChangeType)>) -> bool {
    let mut reload = false;
    let mut reads = Vec::new();
    {
        let mut st = shared.lock();
        for (path, typ) in events {
            match st.file_event(&path, typ) {
                FileEvent::Config => reload = true,
                FileEvent::Read(read) => reads.push(read),
                FileEvent::Done => {}
            }
        }
    }
    if !reads.is_empty() {
        let files: Vec<ReadFile> = reads.into_iter().map(DiskRead::read).collect();
        let mut st = shared.lock();
        for file in files {
            st.apply_read(file);
        }
    }
    reload
}

async fn pull_config(shared: &Arc<Shared>) -> Option<serde_json::Value> {
    if !shared.lock().caps.configuration {
        return None;
    }
    let item = ConfigurationItem { scope_uri: None, section: Some("isnad".into()) };
    match shared.client.configuration(vec![item]).await {
        Ok(mut values) if !values.is_empty() => Some(values.swap_remove(0)).filter(|v| !v.is_null()),
        Ok(_) => None,
        Err(e) => {
            shared.log.info(format!("isnad: workspace/configuration failed: {}", e.message));
            None
        }
    }
}

/// Start a (re)scan of the roots; a newer scan supersedes an older one still running.
fn start_index(shared: &Arc<Shared>) {
    let epoch = {
        let mut st = shared.lock();
        if st.roots.is_empty() {
            return;
        }
        st.index_epoch += 1;
        st.scanning = true;
        st.index_epoch
    };
    tokio::spawn(index(shared.clone(), epoch));
}

async fn index(shared: Arc<Shared>, epoch: u64) {
    let (roots, config, progress_supported, lang) = {
        let st = shared.lock();
        (st.roots.clone(), st.config.clone(), st.caps.work_done_progress, st.ui.lang())
    };
    let client = &shared.client;
    let mut progress = None;
    if progress_supported {
        let token = NumberOrString::String(format!("isnad/index/{epoch}"));
        if client.create_work_done_progress(token.clone()).await.is_ok() {
            progress = Some(client.progress(token, "isnad").with_message(tr(lang, "progress-scanning")).begin().await);
        }
    }
    let t0 = Instant::now();
    let filter = FileFilter::new(&config.corpus).unwrap_or_else(|_| FileFilter::new(&Config::default().corpus).unwrap());
    let multi = roots.len() > 1;
    let scan_roots = roots.clone();
    let scanned = tokio::task::spawn_blocking(move || {
        let mut files = Vec::new();
        let mut skipped = Vec::new();
        let mut bytes = 0u64;
        for root in &scan_roots {
            let r = scan::scan(&root.path, &filter);
            bytes += r.bytes;
            skipped.extend(r.skipped);
            for (rel, abs, text) in r.files {
                let key = if multi { format!("{}/{rel}", root.name) } else { rel };
                files.push((key, abs, text));
            }
        }
        (files, skipped, bytes)
    })
    .await;
    let (files, skipped, bytes) = scanned.unwrap_or_else(|e| {
        shared.log.log(MessageType::ERROR, format!("isnad: the corpus scan failed: {e}"));
        (Vec::new(), Vec::new(), 0)
    });
    let count = files.len();
    let scan_secs = t0.elapsed().as_secs_f64();
    if let Some(p) = &progress {
        p.report(tr_args(lang, "progress-analysing", &[("count", count.into())])).await;
    }
    let log = shared.log.clone();
    let load_config = config.clone();
    let loaded = tokio::task::spawn_blocking(move || {
        let mut ws = Workspace::new(load_config);
        guarded(&log, "indexing the corpus", || ws.load(files));
        ws
    })
    .await;
    let workspace = loaded.unwrap_or_else(|_| Workspace::new(config));

    let queued = {
        let mut st = shared.lock();
        if st.index_epoch != epoch {
            None // superseded by a newer scan
        } else {
            let mut ws = workspace;
            if ws.config() != &st.config {
                let c = st.config.clone();
                guarded(&st.log, "applying the configuration", || ws.set_config(c));
            }
            st.workspace = ws;
            st.indexed = true;
            st.scanning = false;
            st.rekey_open_docs();
            st.flush();
            Some(std::mem::take(&mut st.queued_events))
        }
    };
    let Some(queued) = queued else {
        if let Some(p) = progress {
            p.finish_with_message("superseded").await;
        }
        return;
    };
    if file_events(&shared, queued) {
        let change = {
            let mut st = shared.lock();
            load_config_file(&mut st);
            st.apply_config()
        };
        after_config_change(&shared, change);
    }
    let secs = t0.elapsed().as_secs_f64();
    let summary = format!(
        "isnad: indexed {count} documents, {bytes} bytes, in {secs:.2} s (scan {scan_secs:.2} s; {} skipped) under {}",
        skipped.len(),
        roots.iter().map(|r| r.path.display().to_string()).collect::<Vec<_>>().join(", ")
    );
    shared.log.info(summary.clone());
    for s in skipped.iter().take(MAX_SKIPPED_LOGGED) {
        shared.log.info(format!("isnad: skipped {}: {}", s.path.display(), s.reason));
    }
    if skipped.len() > MAX_SKIPPED_LOGGED {
        shared.log.info(format!("isnad: ... and {} more skipped files", skipped.len() - MAX_SKIPPED_LOGGED));
    }
    // the open documents' diagnostics go out before the progress ends
    publish_now(&shared, Round::All).await;
    if let Some(p) = progress {
        p.finish_with_message(tr_args(lang, "progress-done", &[("count", count.into()), ("seconds", format!("{secs:.2}").into())])).await;
    }
    warm_references(shared, epoch).await;
}

/// Look up the references of the most widespread names once, in the background, so that a
/// user's first lookup of one does not read thousands of documents (see
/// `Analyzer::widespread_entities`). One entity per read lock, given up at the next edit, request
/// or writer. A newer index (or a panic) stops it.
async fn warm_references(shared: Arc<Shared>, epoch: u64) {
    use crate::analysis::entities::{WARM_LIMIT, WARM_MIN_DOCS};
    let s = shared.clone();
    // (under the read lock, as requests that read: the look-ups only read, and a request is
    // answered beside them)
    let keys = tokio::task::spawn_blocking(move || {
        let st = s.read();
        if st.index_epoch != epoch {
            return Vec::new();
        }
        st.workspace.with_analyzer(|an| an.widespread_entities(WARM_MIN_DOCS, WARM_LIMIT))
    })
    .await
    .unwrap_or_default();
    for key in keys {
        // The editor comes first: each look-up starts once it has been quiet for a moment and
        // yields the state to its next edit or request (interrupted, it starts again; what it
        // had completed, the clusters it read, stays kept).
        loop {
            let Some(since) = editor_quiet(&shared).await else { return };
            let (s, key) = (shared.clone(), key.clone());
            let looked_up = tokio::task::spawn_blocking(move || {
                let st = s.read();
                if st.index_epoch != epoch {
                    return None;
                }
                let watched = s.clone();
                // (and to a writer, as a request that reads gives way)
                let raised = move || {
                    watched.editor_activity() != since || watched.writers_waiting.load(Ordering::SeqCst) > 0 || watched.shutdown.load(Ordering::SeqCst)
                };
                let looked_up = guarded_interruptible(&st.log, "looking up references ahead", Interrupt::new(raised), || st.workspace.with_analyzer(|an| an.references(&key)));
                // (Some(true): done, Some(false): interrupted by an edit or a request)
                Some(looked_up.is_ok())
            })
            .await
            .unwrap_or(None);
            match looked_up {
                Some(true) => break,
                Some(false) => continue,
                None => return,
            }
        }
    }
}

/// Wait until the editor has sent no edit and no request for `WARM_QUIET`; what it had sent
/// by then (`Shared::editor_activity`), or `None` once the session ends.
async fn editor_quiet(shared: &Shared) -> Option<(u64, u64)> {
    loop {
        if shared.shutdown.load(Ordering::SeqCst) || shared.stopped.load(Ordering::SeqCst) {
            return None;
        }
        let seen = shared.editor_activity();
        tokio::time::sleep(WARM_QUIET).await;
        if shared.editor_activity() == seen {
            return Some(seen);
        }
    }
}

/// Compute and send one batch of diagnostics (see `diagnostics::begin`). False on failure.
async fn publish_now(shared: &Arc<Shared>, round: Round) -> bool {
    let _order = shared.publishing.lock().await;
    let s = shared.clone();
    // (the findings under the read lock: hovers and references are answered meanwhile)
    // (the documents nobody edited are published behind the requests in flight: those do
    // not give way to them)
    let urgent = !matches!(round, Round::One(_));
    fn lock(s: &Shared, urgent: bool) -> RwLockWriteGuard<'_, State> {
        if urgent { s.lock() } else { s.lock_unhurried() }
    }
    let compute = move || {
        let Some(mut out) = diagnostics::begin(&mut lock(&s, urgent)) else { return Vec::new() };
        let found = diagnostics::corpus_round(&s.read(), &round);
        let mut st = lock(&s, urgent);
        // (an edit came between the two locks: the round is computed under this one)
        let found = found.or_else(|| {
            st.flush();
            diagnostics::corpus_round(&st, &round)
        });
        out.extend(diagnostics::finish(&mut st, found.unwrap_or_default()));
        out
    };
    match tokio::task::spawn_blocking(compute).await {
        Ok(batch) => {
            for (uri, version, diags) in batch {
                shared.client.publish_diagnostics(uri, diags, version).await;
            }
            true
        }
        Err(e) => {
            shared.log.log(MessageType::ERROR, format!("isnad: computing diagnostics failed: {e}"));
            false
        }
    }
}

/// Publish diagnostics; the last state is always published, with its version. Publishing
/// adapts to its cost: while a round is cheap (`CHEAP`) and no edit came in during it, the
/// next change is published at once; once rounds cost more, or edits pile up during one,
/// the publisher waits for the edits to settle (`DEBOUNCE`, at most `MAX_DELAY`), so that a
/// storm of keystrokes costs one round.
async fn publisher(shared: Arc<Shared>) {
    let mut settle = false;
    loop {
        let stopping = shared.stop.notified();
        if shared.stopped.load(Ordering::SeqCst) {
            return;
        }
        tokio::select! {
            _ = shared.wake.notified() => {}
            _ = stopping => return,
        }
        let start = Instant::now();
        if settle {
            loop {
                let seen = shared.changes.load(Ordering::SeqCst);
                tokio::time::sleep(DEBOUNCE).await;
                if shared.changes.load(Ordering::SeqCst) == seen || start.elapsed() >= MAX_DELAY {
                    break;
                }
            }
        }
        // the edited documents first, then the others their edits may have changed, one by
        // one (a request waits for one document's findings at most)
        let round = shared.changes.load(Ordering::SeqCst);
        let began = Instant::now();
        // (listed first: the edited ones were just looked at, in the same state)
        let s = shared.clone();
        let others = tokio::task::spawn_blocking(move || diagnostics::unedited(&s.read())).await.unwrap_or_default();
        let edited_out = publish_now(&shared, Round::Edited).await;
        shared.published.store(round, Ordering::SeqCst);
        if edited_out {
            for uri in others {
                if shared.changes.load(Ordering::SeqCst) != round {
                    break; // more edits came: the next round covers everything
                }
                requests_first(&shared.in_flight).await;
                publish_now(&shared, Round::One(uri)).await;
            }
        }
        settle = began.elapsed() >= CHEAP || shared.changes.load(Ordering::SeqCst) != round;
        shared.all_published.store(round, Ordering::SeqCst);
    }
}

/// Let the requests in flight have the state first, for `REQUESTS_FIRST` at most (a client
/// that asks without pause must not keep the other documents' diagnostics back for long).
async fn requests_first(in_flight: &AtomicU64) {
    let start = Instant::now();
    while in_flight.load(Ordering::SeqCst) > 0 && start.elapsed() < REQUESTS_FIRST {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

/// Forward log and show messages queued by synchronous code.
async fn forward_notes(shared: Arc<Shared>) {
    let Some(mut rx) = shared.notes.lock().unwrap_or_else(|e| e.into_inner()).take() else { return };
    loop {
        let stopping = shared.stop.notified();
        if shared.stopped.load(Ordering::SeqCst) {
            return;
        }
        let note = tokio::select! {
            note = rx.recv() => note,
            _ = stopping => return,
        };
        let Some(note) = note else { return };
        match note {
            Note::Log(typ, msg) => shared.client.log_message(typ, msg).await,
            Note::Show(typ, msg) => shared.client.show_message(typ, msg).await,
        }
    }
}

async fn register_watchers(shared: Arc<Shared>) {
    let watchers = ["**/*.txt", "**/*.md", "**/isnad.toml"]
        .into_iter()
        .map(|g| FileSystemWatcher { glob_pattern: GlobPattern::String(g.into()), kind: None })
        .collect();
    let options = DidChangeWatchedFilesRegistrationOptions { watchers };
    let registration = Registration {
        id: "isnad/watched-files".into(),
        method: "workspace/didChangeWatchedFiles".into(),
        register_options: serde_json::to_value(options).ok(),
    };
    if let Err(e) = shared.client.register_capability(vec![registration]).await {
        shared.log.info(format!("isnad: could not register file watchers: {}", e.message));
    }
}

/// Files changed on disk, as the client's watchers or the server's own report them: read and
/// applied (`file_events`), the configuration reloaded when `isnad.toml` was among them.
fn changed_on_disk(shared: &Arc<Shared>, events: Vec<(PathBuf, FileChangeType)>) {
    let change = if file_events(shared, events) {
        let mut st = shared.lock();
        load_config_file(&mut st);
        st.apply_config()
    } else {
        ConfigChange::None
    };
    after_config_change(shared, change);
    shared.changed();
}

/// A client that cannot register file watchers (Neovim on Linux) never says that `isnad.toml`
/// changed, so an accepted spelling would stay flagged until a restart: the server watches
/// each root's `isnad.toml` itself (the root folder, not recursively: an editor saves by
/// writing a new file and renaming it over the old one) and takes a change as
/// `workspace/didChangeWatchedFiles` brings it. The corpus's articles are not watched: the
/// editor says what it opens and edits.
fn watch_config_files(shared: &Arc<Shared>) {
    let roots: Vec<PathBuf> = shared.lock().roots.iter().map(|r| r.path.clone()).collect();
    if roots.is_empty() {
        return;
    }
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<PathBuf>();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        for path in event.map(|e| e.paths).unwrap_or_default() {
            if path.file_name().is_some_and(|n| n == crate::corpus::config::CONFIG_FILE) {
                let _ = tx.send(path);
            }
        }
    });
    let mut watcher = match watcher {
        Ok(w) => w,
        Err(e) => {
            shared.log.info(format!("isnad: cannot watch isnad.toml ({e}); edit it and run the restart command"));
            return;
        }
    };
    for root in &roots {
        if let Err(e) = notify::Watcher::watch(&mut watcher, root, notify::RecursiveMode::NonRecursive) {
            shared.log.info(format!("isnad: cannot watch {} for isnad.toml: {e}", root.display()));
        }
    }
    shared.log.info(format!("isnad: the client registers no file watchers; watching isnad.toml in {}", roots.iter().map(|r| r.display().to_string()).collect::<Vec<_>>().join(", ")));
    let shared = shared.clone();
    tokio::spawn(async move {
        // (the watcher lives as long as this task)
        let _watcher = watcher;
        while let Some(first) = rx.recv().await {
            // one save is several events (write, rename, attributes): take them together
            tokio::time::sleep(Duration::from_millis(50)).await;
            let mut paths = vec![first];
            while let Ok(p) = rx.try_recv() {
                if !paths.contains(&p) {
                    paths.push(p);
                }
            }
            changed_on_disk(&shared, paths.into_iter().map(|p| (p, FileChangeType::CHANGED)).collect());
        }
    });
}

/// After `initialized`: settings, `isnad.toml`, watchers, then the initial index.
async fn startup(shared: Arc<Shared>) {
    if shared.lock().caps.watched_files_dynamic {
        tokio::spawn(register_watchers(shared.clone()));
    } else {
        watch_config_files(&shared);
    }
    let pulled = pull_config(&shared).await;
    let (first_index, change) = {
        let mut st = shared.lock();
        // before the first index nothing is published yet: a change of language needs no
        // re-publication here
        if let Some(v) = pulled {
            let _ = set_editor_settings(&mut st, &v, "workspace/configuration");
        }
        load_config_file(&mut st);
        (st.index_epoch == 0, st.apply_config())
    };
    if first_index {
        // with no root yet, the first opened file's folder becomes the root (did_open)
        shared.lock().rekey_open_docs();
        start_index(&shared);
    } else {
        after_config_change(&shared, change);
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = Encoding::negotiate(params.capabilities.general.as_ref().and_then(|g| g.position_encodings.as_deref()));
        {
            let mut st = self.shared.lock();
            st.encoding = encoding;
            st.caps = client_caps(&params.capabilities);
            st.ui.locale = params.locale.as_deref().and_then(Lang::from_locale);
            let roots = initial_roots(&params, &st.log);
            st.set_roots(roots);
            if let Some(v) = &params.initialization_options {
                let _ = set_editor_settings(&mut st, v, "initializationOptions");
            }
        }
        let capabilities = ServerCapabilities {
            position_encoding: Some(encoding.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                ..Default::default()
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            definition_provider: Some(OneOf::Left(true)),
            code_lens_provider: Some(CodeLensOptions { resolve_provider: Some(false) }),
            references_provider: Some(OneOf::Left(true)),
            rename_provider: Some(OneOf::Right(RenameOptions { prepare_provider: Some(true), work_done_progress_options: Default::default() })),
            document_symbol_provider: Some(OneOf::Left(true)),
            workspace_symbol_provider: Some(OneOf::Left(true)),
            semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(SemanticTokensOptions {
                legend: super::entities::legend(),
                range: Some(true),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                work_done_progress_options: Default::default(),
            })),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                ..Default::default()
            })),
            workspace: Some(WorkspaceServerCapabilities {
                workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                    supported: Some(true),
                    change_notifications: Some(OneOf::Left(true)),
                }),
                file_operations: None,
            }),
            ..Default::default()
        };
        Ok(InitializeResult {
            capabilities,
            server_info: Some(ServerInfo { name: "isnad".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
            ..Default::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if !self.shared.tasks_started.swap(true, Ordering::SeqCst) {
            tokio::spawn(forward_notes(self.shared.clone()));
            tokio::spawn(publisher(self.shared.clone()));
            tokio::spawn(startup(self.shared.clone()));
        }
    }

    async fn shutdown(&self) -> Result<()> {
        self.shared.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        self.shared.editing(&doc.uri);
        let Some(path) = file_path(&doc.uri) else {
            self.shared.log.info(format!("isnad: ignoring {}: only file: documents are analysed", doc.uri.as_str()));
            return;
        };
        let adopt_root = {
            let mut st = self.shared.lock();
            let adopt = st.roots.is_empty() && st.index_epoch == 0;
            if adopt {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    st.set_roots(vec![(parent.to_path_buf(), folder_name(parent))]);
                    load_config_file(&mut st);
                    st.apply_config();
                    st.rekey_open_docs();
                    st.log.info(format!("isnad: no workspace folder; using {} as the corpus", parent.display()));
                }
            }
            let (key, outside) = st.key_for_open(&path);
            if outside {
                st.log.info(format!("isnad: {} is outside the corpus: analysed alone, never part of the corpus", path.display()));
            }
            let seq = st.next_seq();
            let uri = doc.uri.clone();
            st.docs.insert(
                uri,
                OpenDoc {
                    uri: doc.uri,
                    rope: Rope::from_str(&doc.text),
                    version: doc.version,
                    path,
                    key,
                    outside,
                    dirty: true,
                    oversize: false,
                    seq,
                },
            );
            adopt && !st.roots.is_empty()
        };
        // Only once `initialized` has run (startup starts the first index otherwise).
        if adopt_root && self.shared.tasks_started.load(Ordering::SeqCst) {
            start_index(&self.shared);
        }
        self.shared.changed();
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        self.shared.editing(&params.text_document.uri);
        {
            let mut st = self.shared.lock();
            let enc = st.encoding;
            let seq = st.next_seq();
            let uri = &params.text_document.uri;
            let Some(doc) = st.docs.get_mut(uri) else {
                let msg = format!("isnad: didChange for a document that is not open: {}", uri.as_str());
                st.log.info(msg);
                return;
            };
            for change in params.content_changes {
                match change.range {
                    Some(range) => {
                        let a = rope_char(&doc.rope, range.start, enc);
                        let b = rope_char(&doc.rope, range.end, enc);
                        let (a, b) = (a.min(b), a.max(b));
                        doc.rope.remove(a..b);
                        doc.rope.insert(a, &change.text);
                    }
                    None => doc.rope = Rope::from_str(&change.text),
                }
            }
            let version = params.text_document.version;
            let stale = version <= doc.version;
            doc.version = version;
            doc.dirty = true;
            doc.seq = seq;
            if stale {
                let msg = format!("isnad: version {version} of {} does not increase", uri.as_str());
                st.log.info(msg);
            }
        }
        self.shared.changed();
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.shared.editing(&params.text_document.uri);
        let read = self.shared.lock().close(&params.text_document.uri);
        // (the disk is read without the lock)
        if let Some(file) = read.map(DiskRead::read) {
            self.shared.lock().apply_read(file);
        }
        self.shared.changed();
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let pushed = params.settings.get("isnad").cloned();
        let shared = self.shared.clone();
        tokio::spawn(async move {
            let pulled = pull_config(&shared).await;
            let (change, ui_changed) = {
                let mut st = shared.lock();
                let ui_changed = pulled.or(pushed).is_some_and(|v| set_editor_settings(&mut st, &v, "settings"));
                (st.apply_config(), ui_changed)
            };
            if ui_changed && change == ConfigChange::None {
                // the same findings, in other words: published again
                shared.changed();
            }
            after_config_change(&shared, change);
        });
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let mut events = Vec::new();
        for event in params.changes {
            match file_path(&event.uri) {
                Some(path) => events.push((path, event.typ)),
                None => self.shared.log.info(format!("isnad: ignoring a change of {}", event.uri.as_str())),
            }
        }
        changed_on_disk(&self.shared, events);
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        {
            let mut st = self.shared.lock();
            let mut roots: Vec<(PathBuf, String)> = st.roots.iter().map(|r| (r.path.clone(), r.name.clone())).collect();
            for f in &params.event.removed {
                if let Some(p) = file_path(&f.uri) {
                    roots.retain(|(r, _)| *r != p);
                }
            }
            for f in &params.event.added {
                if let Some(p) = file_path(&f.uri) {
                    roots.push((p, f.name.clone()));
                }
            }
            st.set_roots(roots);
            load_config_file(&mut st);
            st.apply_config();
            st.rekey_open_docs();
        }
        start_index(&self.shared);
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let uri = p.text_document.uri;
        self.answer_read("definition", uri.clone(), move |st| super::quotes::definition(st, &uri, p.position, st.caps.definition_links))
        .await
        .map(Option::flatten)
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let uri = params.text_document.uri;
        self.answer_read("codeLens", uri.clone(), move |st| super::quotes::code_lenses(st, &uri)).await.map(Option::flatten)
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        let uri = p.text_document.uri;
        self.answer_read("hover", uri.clone(), move |st| super::quotes::hover(st, &uri, p.position).or_else(|| entities::hover(st, &uri, p.position)))
        .await
        .map(Option::flatten)
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let uri = p.text_document.uri;
        /// A quote's copies (a few, converted at once), or an entity's mentions (thousands,
        /// converted once the lock is let go).
        enum Found {
            Copies(Vec<Location>),
            Mentions(diagnostics::DetachedSpans),
        }
        let about = uri.clone();
        let find = move |st: &State| match super::quotes::references(st, &uri, p.position) {
            Some(copies) => Some(Found::Copies(copies)),
            None => entities::references(st, &uri, p.position).map(Found::Mentions),
        };
        let convert = |found: Option<Found>| {
            found.map(|f| match f {
                Found::Copies(copies) => copies,
                Found::Mentions(mentions) => mentions.locations(),
            })
        };
        self.answer_read_then("references", about, find, convert).await.map(Option::flatten)
    }

    async fn prepare_rename(&self, params: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
        let uri = params.text_document.uri;
        self.answer("prepareRename", Some(uri.clone()), move |st| st.in_scope(&uri, |st| entities::prepare_rename(st, &uri, params.position)))
            .await
            .map(Option::flatten)
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        let uri = p.text_document.uri;
        let new_name = params.new_name;
        match self.answer("rename", Some(uri.clone()), move |st| st.in_scope(&uri, |st| entities::rename(st, &uri, p.position, &new_name))).await? {
            Some(Ok(edit)) => Ok(edit),
            Some(Err(message)) => Err(Error::invalid_params(message)),
            None => Ok(None),
        }
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        let uri = params.text_document.uri;
        self.answer_read("documentSymbol", uri.clone(), move |st| entities::document_symbols(st, &uri)).await.map(Option::flatten)
    }

    async fn symbol(&self, params: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        let found = self.answer("workspace/symbol", None, move |st| entities::workspace_symbols(st, &params.query)).await?;
        Ok(Some(WorkspaceSymbolResponse::Flat(found.unwrap_or_default())))
    }

    async fn semantic_tokens_full(&self, params: SemanticTokensParams) -> Result<Option<SemanticTokensResult>> {
        let uri = params.text_document.uri;
        let t = self.answer_read("semanticTokens/full", uri.clone(), move |st| entities::semantic_tokens(st, &uri, None)).await?;
        Ok(t.flatten().map(SemanticTokensResult::Tokens))
    }

    async fn semantic_tokens_range(&self, params: SemanticTokensRangeParams) -> Result<Option<SemanticTokensRangeResult>> {
        let uri = params.text_document.uri;
        let range = params.range;
        let t = self.answer_read("semanticTokens/range", uri.clone(), move |st| entities::semantic_tokens(st, &uri, Some(range))).await?;
        Ok(t.flatten().map(SemanticTokensRangeResult::Tokens))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let actions = self.answer("computing code actions", Some(uri.clone()), move |st| st.in_scope(&uri, |st| actions::code_actions(st, &params))).await?;
        Ok(Some(actions.unwrap_or_default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Re-publishing an unedited document waits for the requests in flight, and for
    /// `REQUESTS_FIRST` at most.
    #[tokio::test]
    async fn republishing_gives_way_to_requests_for_a_moment() {
        let none = AtomicU64::new(0);
        let start = Instant::now();
        requests_first(&none).await;
        assert!(start.elapsed() < Duration::from_millis(5), "waited with no request in flight");

        let one = Arc::new(AtomicU64::new(1));
        let answered = one.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(8)).await;
            answered.store(0, Ordering::SeqCst);
        });
        let start = Instant::now();
        requests_first(&one).await;
        assert!(start.elapsed() >= Duration::from_millis(8), "did not wait for the request");
        assert!(start.elapsed() < REQUESTS_FIRST + Duration::from_secs(1));

        let endless = AtomicU64::new(1);
        let start = Instant::now();
        requests_first(&endless).await;
        assert!(start.elapsed() >= REQUESTS_FIRST && start.elapsed() < REQUESTS_FIRST + Duration::from_secs(1), "{:?}", start.elapsed());
    }
}
