//! The corpus index: every document, and corpus-wide word statistics kept up to date
//! incrementally (a document's contribution is subtracted and re-added when it changes).
//!
//! Judgements that depend on the whole corpus (which words are names, clusters, canonical
//! spellings) are derived from these statistics on demand, see `spelling`.

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::corpus::config::Config;
use crate::corpus::document::Document;

use super::lexicon::Lexicon;
use super::names::{self, DocSummary, WordCounts};

pub type DocId = u32;
pub type WordId = u32;

/// Corpus-wide statistics of one surface word (L0 form, clitics attached) or bigram.
#[derive(Debug, Clone, Default)]
pub struct WordStats {
    pub count: u32,
    /// Mentions in a name slot after a title, place or organisation word.
    pub cue: u32,
    /// Mentions as a nisba adjective between a title and a name.
    pub nisba: u32,
    /// Documents containing the word, sorted.
    pub docs: Vec<DocId>,
}

struct DocEntry {
    doc: Document,
    /// (word, counts) for every distinct word of the document.
    contribution: Vec<(WordId, WordCounts)>,
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
    /// Bumped on every change; derived results are cached per generation.
    generation: u64,
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
            generation: 0,
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Replace the configuration (style guide, accepted spellings, severities). Documents stay.
    pub fn set_config(&mut self, config: Config) {
        self.lexicon = Arc::new(Lexicon::with_config(&config));
        self.config = config;
        self.generation += 1;
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Add many documents at once (the initial index), summarising them in parallel.
    /// Each item is (relative path, absolute path, text).
    pub fn load(&mut self, files: Vec<(String, PathBuf, String)>) {
        let lexicon = self.lexicon.clone();
        let summaries: Vec<(Document, DocSummary)> = files
            .into_par_iter()
            .map(|(rel, abs, text)| {
                let doc = Document::new(rel, abs, Arc::from(text));
                let summary = names::summarize(&doc.text, doc.body_start, &lexicon);
                (doc, summary)
            })
            .collect();
        for (doc, summary) in summaries {
            self.insert(doc, summary);
        }
    }

    /// Add or replace one document.
    pub fn upsert(&mut self, rel_path: String, abs_path: PathBuf, text: Arc<str>) -> DocId {
        let doc = Document::new(rel_path, abs_path, text);
        let summary = names::summarize(&doc.text, doc.body_start, &self.lexicon);
        self.insert(doc, summary)
    }

    fn insert(&mut self, doc: Document, summary: DocSummary) -> DocId {
        let id = match self.by_path.get(&doc.rel_path) {
            Some(&id) => {
                self.subtract(id);
                id
            }
            None => {
                let id = match self.free_ids.pop() {
                    Some(id) => id,
                    None => {
                        self.docs.push(None);
                        (self.docs.len() - 1) as DocId
                    }
                };
                self.by_path.insert(doc.rel_path.clone(), id);
                id
            }
        };
        let mut contribution = Vec::with_capacity(summary.words.len());
        for (word, counts) in summary.words {
            let wid = self.intern(word);
            let st = &mut self.stats[wid as usize];
            st.count += counts.count;
            st.cue += counts.cue;
            st.nisba += counts.nisba;
            if let Err(pos) = st.docs.binary_search(&id) {
                st.docs.insert(pos, id);
            }
            contribution.push((wid, counts));
        }
        self.docs[id as usize] = Some(DocEntry { doc, contribution });
        self.generation += 1;
        id
    }

    fn subtract(&mut self, id: DocId) {
        let Some(entry) = self.docs.get_mut(id as usize).and_then(Option::take) else { return };
        for (wid, counts) in entry.contribution {
            let st = &mut self.stats[wid as usize];
            st.count -= counts.count;
            st.cue -= counts.cue;
            st.nisba -= counts.nisba;
            if let Ok(pos) = st.docs.binary_search(&id) {
                st.docs.remove(pos);
            }
        }
        self.generation += 1;
    }

    /// Remove a document (deleted on disk, or excluded). Returns whether it was there.
    pub fn remove(&mut self, rel_path: &str) -> bool {
        match self.by_path.remove(rel_path) {
            Some(id) => {
                self.subtract(id);
                self.free_ids.push(id);
                true
            }
            None => false,
        }
    }

    fn intern(&mut self, word: String) -> WordId {
        if let Some(&id) = self.words.get(word.as_str()) {
            return id;
        }
        let id = self.word_text.len() as WordId;
        let boxed: Box<str> = word.into_boxed_str();
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

    /// Every document, in source order (date, then relative path).
    pub fn docs_in_order(&self) -> Vec<DocId> {
        let mut ids: Vec<DocId> = self.by_path.values().copied().collect();
        ids.sort_by(|&a, &b| self.doc(a).map(|d| d.order_key()).cmp(&self.doc(b).map(|d| d.order_key())));
        ids
    }

    pub fn doc_count(&self) -> usize {
        self.by_path.len()
    }

    pub fn total_bytes(&self) -> usize {
        self.docs.iter().flatten().map(|e| e.doc.text.len()).sum()
    }

    /// Statistics of a surface word or bigram (L0 form, words joined by one space).
    pub fn word_stats(&self, word: &str) -> Option<&WordStats> {
        self.words.get(word).map(|&id| &self.stats[id as usize])
    }

    /// Spelling findings of one document.
    pub fn spelling_findings(&self, doc: DocId) -> Vec<super::Finding> {
        super::spelling::findings(self, doc)
    }
}
