//! The corpus index: every document, and corpus-wide word statistics kept up to date
//! incrementally (a document's contribution is subtracted and re-added when it changes).
//!
//! Judgements that depend on the whole corpus (which words are names, clusters, canonical
//! spellings) are derived from these statistics on demand, see `spelling`.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::corpus::config::Config;
use crate::corpus::document::Document;

use super::hits::HitCache;
use super::lexicon::Lexicon;
use super::names::{self, DocSummary, Literal, WordCounts};
use crate::text::search::Needles;
use super::quotes::{self, DocQuotes, QuoteIndex};
use super::spelling::Caches;
use crate::text::normalize::{bag_key, skeleton, to_l1};

pub type DocId = u32;
pub type WordId = u32;

/// Corpus-wide statistics of one spelling: a surface word (L0 form), a clitic remainder,
/// or a bigram (two L0 words joined by a space).
#[derive(Debug, Clone, Default)]
pub struct WordStats {
    pub counts: WordCounts,
    /// Documents containing the spelling (whole or after a proclitic), sorted.
    pub docs: Vec<DocId>,
}

struct DocEntry {
    doc: Document,
    /// See `DocSummary::literal`.
    literal: Literal,
}

fn order_key_of(doc: &Document) -> (u8, String, String) {
    let (a, b, c) = doc.order_key();
    (a, b.to_string(), c.to_string())
}

/// Lookup keys of a spelling, for finding its variants: L1 form, transliteration skeleton,
/// and the skeleton's sorted classes.
pub(crate) fn spelling_keys(l0: &str) -> (String, String, String) {
    let l1 = to_l1(l0);
    let sk = skeleton(l0.split(' '));
    let bag = bag_key(&sk);
    (l1, sk, bag)
}

/// A document's summary: with the name evidence, or (a words-only workspace) only which
/// words it holds.
fn summarize_doc(doc: &Document, lexicon: &Lexicon, names_indexed: bool, ordinary: &dyn Fn(&str) -> bool) -> DocSummary {
    if names_indexed {
        names::summarize(&doc.text, doc.body_start, lexicon, ordinary)
    } else {
        names::summarize_words(&doc.text, doc.body_start)
    }
}

pub struct Workspace {
    config: Config,
    pub(crate) lexicon: Arc<Lexicon>,
    docs: Vec<Option<DocEntry>>,
    by_path: FxHashMap<String, DocId>,
    free_ids: Vec<DocId>,
    words: FxHashMap<Box<str>, WordId>,
    word_text: Vec<Box<str>>,
    stats: Vec<WordStats>,
    /// Spellings by L1 form, skeleton and bag key (only spellings of 3+ letters).
    pub(crate) by_l1: FxHashMap<Box<str>, Vec<WordId>>,
    pub(crate) by_skeleton: FxHashMap<Box<str>, Vec<WordId>>,
    pub(crate) by_bag: FxHashMap<Box<str>, Vec<WordId>>,
    /// Bumped on every change; derived results are cached per generation.
    generation: u64,
    /// Repeated quotes, kept in step with the documents.
    pub(crate) quotes: QuoteIndex,
    /// Derived results (clusters, evidence, related mentions), shared by requests and
    /// threads and invalidated precisely when the statistics they read change.
    caches: Caches,
    /// Each document's rank in source order (by id), computed when first needed and dropped
    /// when a document is added or removed or its date or path changes. Sorting thousands of
    /// documents by rank instead of by (date, path) strings keeps references fast.
    source_ranks: Mutex<Option<Arc<Vec<u32>>>>,
    /// Where references' literal search found its needles, kept until a document changes.
    hits: Mutex<HitCache>,
    /// False for a workspace loaded by [`Workspace::load_words_only`]: its word statistics
    /// hold which documents carry which words, no name evidence and no look-alike keys.
    names_indexed: bool,
    /// The word counts of the documents edited last, with the text they were read from: the
    /// next edit of one subtracts them without reading the old text again.
    recent: RecentCounts,
    /// The counts of each sentence of the documents edited last: the next edit reads only
    /// the sentences it changed (`names::summarize_again`).
    recent_sentences: RecentSentences,
}

/// What is kept for the documents edited last (at most `RECENT_DOCS`, each of at most
/// `RECENT_MAX_BYTES`: a larger one is read whole again at each edit), the oldest dropped
/// first.
struct Recent<T>(Vec<(DocId, T)>);

impl<T> Default for Recent<T> {
    fn default() -> Recent<T> {
        Recent(Vec::new())
    }
}

const RECENT_DOCS: usize = 8;
const RECENT_MAX_BYTES: usize = 256 * 1024;

impl<T> Recent<T> {
    fn keep(&mut self, id: DocId, text_len: usize, value: T) {
        self.0.retain(|(d, _)| *d != id);
        if text_len > RECENT_MAX_BYTES {
            return;
        }
        if self.0.len() == RECENT_DOCS {
            self.0.remove(0);
        }
        self.0.push((id, value));
    }

    /// What is kept for document `id`, taken out.
    fn take(&mut self, id: DocId) -> Option<T> {
        let at = self.0.iter().position(|(d, _)| *d == id)?;
        Some(self.0.remove(at).1)
    }
}

/// Word counts kept with the text they were read from, so that typing in a document
/// summarises its text once per edit, not twice. A kept text is compared by identity
/// (`Arc::ptr_eq`; held here, so its address cannot be reused): counts are only ever taken
/// for the very text they were read from (`Workspace::recent_counts`).
type RecentCounts = Recent<(Arc<str>, Vec<(String, WordCounts)>)>;

/// The sentence counts of the documents edited last (about a hundred bytes a word). Counts
/// are filed under their sentence's text, so they hold for any document that writes it (an
/// id reused, a text another edit changed since): no text is compared.
type RecentSentences = Recent<names::SentenceCounts>;

/// The counts kept for exactly `text` of document `id`, taken out (refused for any other
/// text, and taken out still).
fn recent_counts(recent: &mut RecentCounts, id: DocId, text: &Arc<str>) -> Option<Vec<(String, WordCounts)>> {
    let (kept, words) = recent.take(id)?;
    Arc::ptr_eq(&kept, text).then_some(words)
}

/// The documents in every one of `lists` (each sorted), the shortest read first.
pub fn in_every(mut lists: Vec<&[DocId]>) -> Vec<DocId> {
    lists.sort_by_key(|l| l.len());
    let Some((first, rest)) = lists.split_first() else { return Vec::new() };
    let mut docs = first.to_vec();
    for l in rest {
        docs.retain(|d| l.binary_search(d).is_ok());
    }
    docs
}

impl Workspace {
    pub fn new(config: Config) -> Workspace {
        let lexicon = Arc::new(Lexicon::with_config(&config));
        Workspace {
            config,
            lexicon,
            docs: Vec::new(),
            by_path: FxHashMap::default(),
            free_ids: Vec::new(),
            words: FxHashMap::default(),
            word_text: Vec::new(),
            stats: Vec::new(),
            by_l1: FxHashMap::default(),
            by_skeleton: FxHashMap::default(),
            by_bag: FxHashMap::default(),
            generation: 0,
            quotes: QuoteIndex::default(),
            caches: Caches::default(),
            source_ranks: Mutex::new(None),
            hits: Mutex::new(HitCache::default()),
            names_indexed: true,
            recent: RecentCounts::default(),
            recent_sentences: RecentSentences::default(),
        }
    }

    /// A workspace of `files` for what reads only the words' documents and the quotes
    /// (`isnad quotes`): no name evidence is gathered, so spelling and entity answers from it
    /// would be wrong, and asking for them panics in debug builds. A fraction of [`load`]'s
    /// cost on a large archive.
    ///
    /// [`load`]: Workspace::load
    pub fn load_words_only(config: Config, files: Vec<(String, PathBuf, String)>) -> Workspace {
        let mut ws = Workspace::new(config);
        ws.names_indexed = false;
        ws.load(files);
        ws
    }

    /// A document's summary, as this workspace gathers them.
    fn summarize(&self, doc: &Document) -> DocSummary {
        summarize_doc(doc, &self.lexicon, self.names_indexed, &super::dictionary::ordinary_restored)
    }

    /// Whether name evidence was gathered (not a [`Workspace::load_words_only`] workspace).
    pub fn names_indexed(&self) -> bool {
        self.names_indexed
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Replace the configuration (style guide, accepted spellings, severities). Documents stay.
    pub fn set_config(&mut self, config: Config) {
        self.lexicon = Arc::new(Lexicon::with_config(&config));
        self.config = config;
        // (summaries read the lexicon the configuration builds: counts read with the old one
        // are not what the new one would subtract)
        self.recent = RecentCounts::default();
        self.recent_sentences = RecentSentences::default();
        // (the style guide's names are names between quote marks too)
        let docs = &self.docs;
        self.quotes.mark_names_again(|d| docs.get(d as usize).and_then(Option::as_ref).map(|e| &*e.doc.text), &self.lexicon);
        self.generation += 1;
        self.clear_caches();
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Add many documents at once (the initial index), summarising them in parallel.
    /// Each item is (relative path, absolute path, text).
    pub fn load(&mut self, files: Vec<(String, PathBuf, String)>) {
        let lexicon = self.lexicon.clone();
        let names_indexed = self.names_indexed;
        // In chunks: summaries are large next to the text they describe, so only a chunk's
        // worth is alive at a time. A chunk is added to the aggregate (one thread: the
        // counters, new spellings) while the next one is summarised, so the cores are not
        // left idle by the sequential part.
        let summarize_chunk = |chunk: Vec<(String, PathBuf, String)>| -> Vec<(Document, DocSummary, DocQuotes)> {
            let ordinary = super::dictionary::ordinary_restored;
            chunk
                .into_par_iter()
                .map(|(rel, abs, text)| {
                    let doc = Document::new(rel, abs, Arc::from(text));
                    let summary = summarize_doc(&doc, &lexicon, names_indexed, &ordinary);
                    let quotes = quotes::extract(&doc, &lexicon);
                    (doc, summary, quotes)
                })
                .collect()
        };
        let mut files = files.into_iter();
        let mut summarized = Vec::new();
        loop {
            let chunk: Vec<_> = files.by_ref().take(1024).collect();
            if chunk.is_empty() && summarized.is_empty() {
                break;
            }
            let ready = std::mem::take(&mut summarized);
            summarized = rayon::join(|| summarize_chunk(chunk), || self.add_summaries(ready)).0;
        }
    }

    /// Add summarised documents to the index, in their order.
    fn add_summaries(&mut self, summaries: Vec<(Document, DocSummary, DocQuotes)>) {
        for (doc, summary, quotes) in summaries {
            let id = if self.by_path.contains_key(&doc.rel_path) { self.insert(doc, summary) } else { self.insert_new(doc, summary) };
            self.quotes.insert(id, quotes);
        }
    }

    /// A document id for a new path (a freed one when there is one).
    fn allocate(&mut self, rel_path: &str) -> DocId {
        let id = match self.free_ids.pop() {
            Some(id) => id,
            None => {
                self.docs.push(None);
                (self.docs.len() - 1) as DocId
            }
        };
        self.by_path.insert(rel_path.to_string(), id);
        self.forget_source_ranks();
        id
    }

    /// Add a document that is not in the index yet.
    fn insert_new(&mut self, doc: Document, summary: DocSummary) -> DocId {
        let id = self.allocate(&doc.rel_path);
        let mut changed: Vec<&str> = Vec::new();
        for (word, counts) in &summary.words {
            let wid = self.intern(word);
            let st = &mut self.stats[wid as usize];
            st.counts.add(counts);
            match st.docs.last() {
                Some(&last) if last < id => st.docs.push(id),
                None => st.docs.push(id),
                _ => {
                    if let Err(pos) = st.docs.binary_search(&id) {
                        st.docs.insert(pos, id);
                    }
                }
            }
            changed.push(word);
        }
        self.invalidate(&changed, id);
        self.docs[id as usize] = Some(DocEntry { doc, literal: summary.literal });
        self.generation += 1;
        id
    }

    /// Add or replace one document.
    pub fn upsert(&mut self, rel_path: String, abs_path: PathBuf, text: Arc<str>) -> DocId {
        let doc = Document::new(rel_path, abs_path, text);
        // (an edited document is read again at once, for its findings: its words are kept)
        let scanned = self.names_indexed.then(|| Arc::new(names::scan_words(&doc.text, doc.body_start)));
        let (before, text_len) = (self.by_path.get(&doc.rel_path).copied(), doc.text.len());
        let (summary, sentences) = match &scanned {
            Some(words) => {
                let kept = before.and_then(|id| self.recent_sentences.take(id)).unwrap_or_default();
                let (summary, sentences) = names::summarize_again(&doc.text, words, &self.lexicon, &super::dictionary::ordinary_restored, &kept);
                (summary, Some(sentences))
            }
            None => (self.summarize(&doc), None),
        };
        let quotes = quotes::extract(&doc, &self.lexicon);
        let id = self.insert(doc, summary);
        self.quotes.insert(id, quotes);
        if let Some(sentences) = sentences {
            self.recent_sentences.keep(id, text_len, sentences);
        }
        if let Some(words) = scanned {
            self.caches.keep_scan(id, words);
        }
        id
    }

    fn insert(&mut self, doc: Document, summary: DocSummary) -> DocId {
        let large_before = super::spelling::large_corpus(self.doc_count());
        let (id, old) = match self.by_path.get(&doc.rel_path) {
            // (the postings of the words the new text still has are kept: a frequent word's
            // list of thousands of documents is not shifted out and back on every keystroke)
            Some(&id) => (id, self.subtract(id, true)),
            None => (self.allocate(&doc.rel_path), None),
        };
        let order_changed = old.as_ref().is_some_and(|(_, key)| *key != order_key_of(&doc));
        let text = doc.text.clone();
        for (word, counts) in &summary.words {
            let wid = self.intern(word);
            let st = &mut self.stats[wid as usize];
            st.counts.add(counts);
            if let Err(pos) = st.docs.binary_search(&id) {
                st.docs.insert(pos, id);
            }
        }
        let now: rustc_hash::FxHashSet<&str> = summary.words.iter().map(|(w, _)| w.as_str()).collect();
        if let Some((old_words, _)) = &old {
            for (word, _) in old_words.iter().filter(|(w, _)| !now.contains(w.as_str())) {
                let Some(&wid) = self.words.get(word.as_str()) else { continue };
                let docs = &mut self.stats[wid as usize].docs;
                if let Ok(pos) = docs.binary_search(&id) {
                    docs.remove(pos);
                }
            }
        }
        self.docs[id as usize] = Some(DocEntry { doc, literal: summary.literal });
        self.generation += 1;
        if order_changed {
            self.forget_source_ranks();
            self.clear_caches();
        } else if large_before != super::spelling::large_corpus(self.doc_count()) {
            // what is read differently in a large corpus is read anew
            self.clear_caches();
        } else {
            // Only the spellings whose counts moved can change derived results.
            let old_words = old.map(|(w, _)| w).unwrap_or_default();
            let before: FxHashMap<&str, &WordCounts> = old_words.iter().map(|(w, c)| (w.as_str(), c)).collect();
            let mut changed: Vec<&str> = Vec::new();
            for (w, c) in &summary.words {
                if before.get(w.as_str()) != Some(&c) {
                    changed.push(w);
                }
            }
            changed.extend(old_words.iter().map(|(w, _)| w.as_str()).filter(|w| !now.contains(w)));
            self.invalidate(&changed, id);
        }
        self.recent.keep(id, text.len(), (text, summary.words));
        id
    }

    /// Subtract a document's contribution; returns it with the document's source-order key.
    /// `keep_postings`: the document stays in its words' document lists (it is put back at
    /// once: `insert` drops it from the lists of the words it no longer has).
    fn subtract(&mut self, id: DocId, keep_postings: bool) -> Option<(Vec<(String, WordCounts)>, (u8, String, String))> {
        let entry = self.docs.get_mut(id as usize).and_then(Option::take)?;
        self.hit_cache().forget_doc(id);
        // The contribution is recomputed from the old text rather than stored: summarising
        // one document costs far less than keeping every document's word list in memory
        // (but for the few edited last).
        let old_words = match recent_counts(&mut self.recent, id, &entry.doc.text) {
            Some(words) => words,
            None => self.summarize(&entry.doc).words,
        };
        for (word, counts) in &old_words {
            let Some(&wid) = self.words.get(word.as_str()) else { continue };
            let st = &mut self.stats[wid as usize];
            st.counts.sub(counts);
            if keep_postings {
                continue;
            }
            if let Ok(pos) = st.docs.binary_search(&id) {
                st.docs.remove(pos);
            }
        }
        self.generation += 1;
        Some((old_words, order_key_of(&entry.doc)))
    }

    fn clear_caches(&self) {
        self.caches.clear();
    }

    pub(crate) fn caches(&self) -> &Caches {
        &self.caches
    }

    /// Drop cached results that read the statistics of any of `changed`, or positions in `doc`.
    fn invalidate(&self, changed: &[&str], doc: DocId) {
        let caches = &self.caches;
        if caches.is_empty() {
            return;
        }
        let mut keys: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
        // the changed words and the spellings whose dictionary verdict reads their statistics
        let mut forms: Vec<String> = Vec::new();
        for w in changed {
            super::spelling::dictionary_dependents(w, |form| {
                if self.words.contains_key(form) {
                    forms.push(form.to_string());
                }
            });
        }
        let changed: Vec<&str> = changed.iter().copied().chain(forms.iter().map(String::as_str)).collect();
        let changed = changed.as_slice();
        for w in changed {
            let (l1, sk, bag) = spelling_keys(w);
            for &m in self.by_l1.get(l1.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
                let (_, msk, mbag) = spelling_keys(&self.word_text[m as usize]);
                keys.insert(msk);
                keys.insert(mbag);
            }
            keys.insert(sk);
            keys.insert(bag);
            keys.insert(l1);
        }
        keys.insert(super::spelling::doc_dependency(doc));
        caches.invalidate(&keys, changed, doc);
    }

    /// Remove a document (deleted on disk, or excluded). Returns whether it was there.
    pub fn remove(&mut self, rel_path: &str) -> bool {
        match self.by_path.remove(rel_path) {
            Some(id) => {
                // (the path is out of `by_path` already: the count before is one more)
                let large_before = super::spelling::large_corpus(self.doc_count() + 1);
                if let Some((words, _)) = self.subtract(id, false) {
                    let changed: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
                    self.invalidate(&changed, id);
                }
                if large_before != super::spelling::large_corpus(self.doc_count()) {
                    self.clear_caches();
                }
                self.quotes.remove(id);
                self.free_ids.push(id);
                self.forget_source_ranks();
                true
            }
            None => false,
        }
    }

    fn intern(&mut self, word: &str) -> WordId {
        if let Some(&id) = self.words.get(word) {
            return id;
        }
        let id = self.word_text.len() as WordId;
        let boxed: Box<str> = word.into();
        if self.names_indexed && boxed.chars().filter(|c| *c != ' ').count() >= 3 {
            let (l1, sk, bag) = spelling_keys(&boxed);
            self.by_l1.entry(l1.into_boxed_str()).or_default().push(id);
            if sk.len() >= 2 {
                self.by_skeleton.entry(sk.into_boxed_str()).or_default().push(id);
                self.by_bag.entry(bag.into_boxed_str()).or_default().push(id);
            }
        }
        self.words.insert(boxed.clone(), id);
        self.word_text.push(boxed);
        self.stats.push(WordStats::default());
        id
    }

    pub fn doc_id(&self, rel_path: &str) -> Option<DocId> {
        self.by_path.get(rel_path).copied()
    }

    pub fn doc(&self, id: DocId) -> Option<&Document> {
        self.docs.get(id as usize).and_then(|e| e.as_ref()).map(|e| &e.doc)
    }

    /// Whether a literal search of the document's text ([`Workspace::find_in_body`]) finds
    /// every word containing a spelling (`DocSummary::literal`).
    pub(crate) fn is_literal(&self, id: DocId) -> bool {
        self.docs.get(id as usize).and_then(|e| e.as_ref()).is_some_and(|e| matches!(e.literal, Literal::Except(_)))
    }

    /// Every match of the `which` needles in the body of a document whose words a literal
    /// search finds (else `None`), as byte ranges of its text, sorted. A word written with
    /// marks, tatweel or joiners between its letters is searched in its L0 form, and its
    /// matches are given as the spans of the letters matched; matches in the text as written
    /// are all found there too. The callers' word-boundary tests skip what L0 drops.
    pub(crate) fn find_in_body(&self, id: DocId, needles: &Needles, which: impl IntoIterator<Item = usize> + Clone, out: &mut Vec<(usize, usize)>) -> Option<()> {
        let entry = self.docs.get(id as usize)?.as_ref()?;
        let Literal::Except(marked) = &entry.literal else { return None };
        let text = &entry.doc.text[..];
        let body = crate::corpus::document::floor_char_boundary(text, entry.doc.body_start);
        let start = out.len();
        needles.find_some(&text[body..], which.clone(), out);
        for hit in &mut out[start..] {
            *hit = (hit.0 + body, hit.1 + body);
        }
        if marked.is_empty() {
            return Some(());
        }
        let mut found = Vec::new();
        for &(a, b) in marked.iter().filter(|&&(a, _)| a as usize >= body) {
            let (a, b) = (a as usize, b as usize);
            let folded = crate::text::normalize::fold_l0(&text[a..b], a);
            found.clear();
            needles.find_some(&folded.text, which.clone(), &mut found);
            for &(fa, fb) in &found {
                let first = folded.text[..fa].chars().count();
                let last = first + folded.text[fa..fb].chars().count() - 1;
                let (Some(&from), Some(&to)) = (folded.origins.get(first), folded.origins.get(last)) else { continue };
                let to = to + text[to..].chars().next().map_or(0, char::len_utf8);
                out.push((from, to));
            }
        }
        let mut tail = out.split_off(start);
        tail.sort_unstable();
        tail.dedup();
        out.append(&mut tail);
        Some(())
    }

    /// Every document, in source order (date, then relative path).
    pub fn docs_in_order(&self) -> Vec<DocId> {
        let mut ids: Vec<DocId> = self.by_path.values().copied().collect();
        self.sort_in_source_order(&mut ids);
        ids
    }

    /// Sort document ids in source order (date, then relative path).
    pub fn sort_in_source_order(&self, ids: &mut [DocId]) {
        let ranks = self.source_ranks();
        ids.sort_unstable_by_key(|&id| ranks.get(id as usize).copied().unwrap_or(u32::MAX));
    }

    /// A document's position in source order (0 = first); `u32::MAX` for no document.
    pub fn source_rank(&self, id: DocId) -> u32 {
        self.source_ranks().get(id as usize).copied().unwrap_or(u32::MAX)
    }

    /// Every document's source-order rank, by id (`u32::MAX` for a free id): one lock for a
    /// caller that ranks many documents.
    pub(crate) fn source_ranks(&self) -> Arc<Vec<u32>> {
        let mut slot = self.source_ranks.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(ranks) = &*slot {
            return ranks.clone();
        }
        let mut ids: Vec<DocId> = self.by_path.values().copied().filter(|&id| self.doc(id).is_some()).collect();
        ids.sort_by(|&a, &b| self.doc(a).map(|d| d.order_key()).cmp(&self.doc(b).map(|d| d.order_key())));
        let mut ranks = vec![u32::MAX; self.docs.len()];
        for (rank, &id) in ids.iter().enumerate() {
            ranks[id as usize] = rank as u32;
        }
        let ranks = Arc::new(ranks);
        *slot = Some(ranks.clone());
        ranks
    }

    /// Positions found by references' literal search (see `hits`).
    pub(crate) fn hit_cache(&self) -> std::sync::MutexGuard<'_, HitCache> {
        self.hits.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Bytes held by the kept positions of references' search (an estimate).
    pub fn hit_cache_bytes(&self) -> usize {
        self.hit_cache().bytes()
    }

    fn forget_source_ranks(&self) {
        *self.source_ranks.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// (distinct spellings, of which bigrams, total document postings, skeleton keys)
    pub fn index_sizes(&self) -> (usize, usize, usize, usize) {
        let bigrams = self.word_text.iter().filter(|w| w.contains(' ')).count();
        let postings = self.stats.iter().map(|s| s.docs.len()).sum();
        (self.word_text.len(), bigrams, postings, self.by_skeleton.len())
    }

    pub fn doc_count(&self) -> usize {
        self.by_path.len()
    }

    pub fn total_bytes(&self) -> usize {
        self.docs.iter().flatten().map(|e| e.doc.text.len()).sum()
    }

    /// Spellings found in at least `min_docs` documents, most widespread first.
    pub(crate) fn widespread_words(&self, min_docs: usize) -> Vec<WordId> {
        let mut ids: Vec<WordId> = (0..self.stats.len() as WordId).filter(|&id| self.stats[id as usize].docs.len() >= min_docs).collect();
        ids.sort_by_key(|&id| std::cmp::Reverse(self.stats[id as usize].docs.len()));
        ids
    }

    /// Statistics of a surface word or bigram (L0 form, words joined by one space).
    pub fn word_stats(&self, word: &str) -> Option<&WordStats> {
        self.words.get(word).map(|&id| &self.stats[id as usize])
    }

    pub(crate) fn word_id(&self, word: &str) -> Option<WordId> {
        self.words.get(word).copied()
    }

    pub(crate) fn word(&self, id: WordId) -> (&str, &WordStats) {
        (&self.word_text[id as usize], &self.stats[id as usize])
    }

    /// The documents holding a word of under three letters (L1), which `by_l1` does not
    /// index, by its spellings as written (L0: each letter L1 folds, unfolded: ا as أ, إ…, ي
    /// as ى, ه as ة); never after a proclitic (no remainder that short is counted). `None`
    /// when the word has too many spellings to look up.
    pub fn docs_with_short_l1(&self, l1: &str) -> Option<Vec<DocId>> {
        const MAX_SPELLINGS: usize = 64;
        let mut spellings: Vec<String> = vec![String::new()];
        for c in l1.chars() {
            let forms = crate::text::normalize::l1_unfolded(c);
            if spellings.len() * forms.len() > MAX_SPELLINGS {
                return None;
            }
            spellings = spellings.iter().flat_map(|s| forms.iter().map(move |f| format!("{s}{f}"))).collect();
        }
        let mut docs: Vec<DocId> = spellings.iter().filter_map(|s| self.word_stats(s)).flat_map(|st| st.docs.iter().copied()).collect();
        docs.sort_unstable();
        docs.dedup();
        Some(docs)
    }

    /// Documents containing a spelling with this L1 form (whole or after a proclitic).
    pub fn docs_with_l1(&self, l1: &str) -> Vec<DocId> {
        let mut docs: Vec<DocId> =
            self.by_l1.get(l1).into_iter().flatten().flat_map(|&id| self.stats[id as usize].docs.iter().copied()).collect();
        docs.sort_unstable();
        docs.dedup();
        docs
    }

    pub fn quotes(&self) -> &QuoteIndex {
        &self.quotes
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Spelling findings of one document.
    pub fn spelling_findings(&self, doc: DocId) -> Vec<super::Finding> {
        self.with_analyzer(|an| an.findings(doc))
    }

    /// Spelling findings of many documents, in their order, on every core (the analyzers
    /// of the threads share the workspace's caches).
    pub fn spelling_findings_of(&self, docs: &[DocId]) -> Vec<Vec<super::Finding>> {
        use rayon::prelude::*;
        debug_assert!(self.names_indexed, "names are not indexed in a words-only workspace");
        // (each document under the caller's interrupt, on whichever of the pool's threads)
        let interrupt = super::interrupt::current();
        docs.par_iter().map_init(|| super::spelling::Analyzer::new(self), |an, &doc| super::interrupt::run(interrupt.clone(), || an.findings(doc))).collect()
    }

    /// Run `f` with an analyzer that shares this workspace's cached results.
    pub fn with_analyzer<R>(&self, f: impl FnOnce(&super::spelling::Analyzer) -> R) -> R {
        debug_assert!(self.names_indexed, "names are not indexed in a words-only workspace");
        f(&super::spelling::Analyzer::new(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every spelling's counts and number of documents, as the index holds them.
    fn counts(ws: &Workspace) -> Vec<(String, WordCounts, usize)> {
        let mut out: Vec<_> = ws.word_text.iter().zip(&ws.stats).filter(|(_, s)| !s.docs.is_empty() || s.counts != WordCounts::default()).map(|(w, s)| (w.to_string(), s.counts, s.docs.len())).collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    fn fresh(texts: &[(&str, &str)], config: &Config) -> Workspace {
        let mut ws = Workspace::new(config.clone());
        ws.load(texts.iter().map(|(p, t)| (p.to_string(), PathBuf::from(format!("/c/{p}")), t.to_string())).collect());
        ws
    }

    /// Findings of many documents on the pool's threads stop when the caller's interrupt is
    /// raised: the pool's threads have none of their own.
    #[test]
    fn findings_on_every_core_stop_at_the_callers_interrupt() {
        let texts: Vec<(String, String)> = (0..64).map(|i| (format!("{i}.txt"), "قال الرئيس نيكول باشينيان".to_string())).collect();
        let refs: Vec<(&str, &str)> = texts.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let ws = fresh(&refs, &Config::default());
        let docs: Vec<DocId> = refs.iter().filter_map(|(p, _)| ws.doc_id(p)).collect();
        let raised = super::super::interrupt::Interrupt::new(|| true);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| super::super::interrupt::run(raised, || ws.spelling_findings_of(&docs))));
        let payload = outcome.expect_err("a raised interrupt stops the findings");
        assert!(super::super::interrupt::is_interruption(payload.as_ref()));
        assert_eq!(ws.spelling_findings_of(&docs).len(), docs.len(), "without one they run");
    }

    /// The counts kept for the documents edited last are subtracted in place of the old text's
    /// summary: after edits, a removal and a reused id, the index is the one a fresh load of
    /// the same texts gives.
    #[test]
    fn edits_subtract_exactly_what_the_old_text_added() {
        let config = Config::default();
        let mut ws = fresh(&[("a.txt", "قال الرئيس نيكول باشينيان"), ("b.txt", "الرئيس الأذري إلهام علييف")], &config);
        for text in ["قال الرئيس نيكول باشينيان إن", "وقال الرئيس نيكول باشنيان", "قال رئيس الوزراء نيكول باشنيان في يريفان"] {
            ws.upsert("a.txt".into(), PathBuf::from("/c/a.txt"), Arc::from(text));
            assert_eq!(counts(&ws), counts(&fresh(&[("a.txt", text), ("b.txt", "الرئيس الأذري إلهام علييف")], &config)));
        }
        ws.upsert("a.txt".into(), PathBuf::from("/c/a.txt"), Arc::from("باشنيان"));
        assert!(ws.remove("a.txt"));
        ws.upsert("c.txt".into(), PathBuf::from("/c/c.txt"), Arc::from("وصل باشينيان إلى موسكو"));
        ws.upsert("c.txt".into(), PathBuf::from("/c/c.txt"), Arc::from("وصل باشينيان إلى موسكو أمس"));
        assert_eq!(counts(&ws), counts(&fresh(&[("b.txt", "الرئيس الأذري إلهام علييف"), ("c.txt", "وصل باشينيان إلى موسكو أمس")], &config)));
    }

    #[test]
    fn at_most_a_few_documents_keep_their_counts() {
        let mut recent = RecentCounts::default();
        let texts: Vec<Arc<str>> = (0..RECENT_DOCS + 3).map(|i| Arc::from(format!("نص {i}"))).collect();
        for (i, t) in texts.iter().enumerate() {
            recent.keep(i as DocId, t.len(), (t.clone(), Vec::new()));
        }
        assert_eq!(recent.0.len(), RECENT_DOCS);
        assert!(recent_counts(&mut recent, 0, &texts[0]).is_none(), "the oldest went first");
        let last = (RECENT_DOCS + 2) as DocId;
        assert!(recent_counts(&mut recent, last, &Arc::from("نص آخر")).is_none(), "another text of the same document is not the one counted");
        assert!(recent_counts(&mut recent, last, &texts[last as usize]).is_none(), "taken out even when refused");
        let big: Arc<str> = Arc::from("ب".repeat(RECENT_MAX_BYTES));
        recent.keep(1, big.len(), (big.clone(), Vec::new()));
        assert!(recent_counts(&mut recent, 1, &big).is_none(), "a large document is summarised again instead");
    }

    #[test]
    fn at_most_a_few_documents_keep_their_sentences() {
        let lex = Lexicon::with_config(&Config::default());
        let counted = |text: &str| {
            let words = names::scan_words(text, 0);
            names::summarize_again(text, &words, &lex, &crate::analysis::dictionary::ordinary_restored, &names::SentenceCounts::default()).1
        };
        let mut recent = RecentSentences::default();
        for i in 0..RECENT_DOCS + 3 {
            recent.keep(i as DocId, 100, counted("قال الرئيس. وصل الوزير"));
        }
        assert_eq!(recent.0.len(), RECENT_DOCS);
        assert!(recent.take(0).is_none(), "the oldest went first");
        assert!(recent.take((RECENT_DOCS + 2) as DocId).is_some_and(|c| !c.is_empty()));
        assert!(recent.take((RECENT_DOCS + 2) as DocId).is_none(), "taken out");
        recent.keep(1, RECENT_MAX_BYTES + 1, counted("قال الرئيس"));
        assert!(recent.take(1).is_none(), "a large document is summarised whole instead");
    }
}
