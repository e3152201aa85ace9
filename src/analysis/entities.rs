//! Entities: the people, places and organisations behind name mentions.
//!
//! An entity is either a spelling cluster (one name in all its spellings, see `spelling`) or
//! a multiword name the gazetteer or style guide knows (مجموعة مينسك, فرانس برس). Its kind
//! comes from the style guide, then the gazetteer, then the corpus's context cues (titles,
//! place and organisation words, verbs of saying, appositive titles), else "other". A person
//! known by a surname (بوتين) gets the full name the corpus gives it (فلاديمير بوتين): the
//! given name seen before the surname in this document, else elsewhere.

use std::ops::Range;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::hits::DocHits;
use super::index::{in_every, DocId, Workspace};
use super::names::{bigram_key, is_bigram_candidate, scan_words, scan_words_range, words_span, Word};
use super::org_names::{org_names, quoted_org_names};
use super::person_names::person_names;
use super::place_names::place_names;
use super::spelling::{Analyzer, ClusterInfo};
use crate::corpus::config::EntityKind;
use crate::text::normalize::{dropped_at_l0, l0, to_l1};
use crate::text::tokenize::{token_span_at, Gap};

/// Which entity a mention belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKey {
    /// A spelling cluster, by its canonical spelling.
    Cluster(Arc<str>),
    /// A multiword name from the gazetteer or style guide, by its L1 form.
    Phrase(Arc<str>),
    /// A name read at the mention from the words around it: a person after a role or a
    /// listed given name (`person_names`) whose surname is no person of the corpus, an
    /// organisation after its head noun (`org_names`); by its kind and L1 form.
    Local(EntityKind, Arc<str>),
}

/// One mention of an entity in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub doc: DocId,
    /// The name without its proclitic (bytes).
    pub span: Range<usize>,
    /// The spelling as written (L0, standalone form). Shared: references of a frequent name
    /// make tens of thousands of mentions.
    pub spelling: Arc<str>,
    /// The لل form (the name's alef is elided in the text).
    pub lil: bool,
    pub key: EntityKey,
    /// A short name standing for the entity's full name in this document (المرصد, وزارة
    /// الخارجية after وزارة الخارجية الروسية): a reference, not a spelling, so rename leaves
    /// it as written.
    pub short: bool,
}

#[derive(Debug, Clone)]
pub struct Spelling {
    pub text: String,
    pub mentions: u32,
    pub docs: u32,
}

#[derive(Debug, Clone)]
pub struct EntityInfo {
    pub key: EntityKey,
    /// The canonical full name (given name + canonical surname for a person when known).
    pub name: String,
    pub kind: EntityKind,
    pub latin: Option<String>,
    pub description: Option<String>,
    /// Canonical spelling first.
    pub spellings: Vec<Spelling>,
    /// Short names that stand for it after the full name (المرصد, الوزارة), most frequent
    /// first: references, not spellings.
    pub short_names: Vec<Spelling>,
    /// Documents that mention the entity.
    pub docs: u32,
    /// Counted in the first of the documents that may name it only (a hover reads no more):
    /// (documents read, documents that may name it).
    pub sampled: Option<(u32, u32)>,
    /// First mention in source order.
    pub first: Option<(DocId, usize)>,
}

/// Documents a hover reads for a name the index cannot count (a phrase, a local name): the
/// first that may name it, in source order.
const HOVER_DOCS: usize = 24;

/// Names spelled in at least this many documents are looked up ahead (see
/// `Analyzer::widespread_entities`): below it, a first lookup reads little text.
pub const WARM_MIN_DOCS: usize = 1000;
/// At most this many of them.
pub const WARM_LIMIT: usize = 64;

impl<'a> Analyzer<'a> {
    /// Every entity mention of a document, in text order.
    pub fn entity_mentions(&self, doc_id: DocId) -> Vec<Mention> {
        let ws = self.workspace();
        let Some(doc) = ws.doc(doc_id) else { return Vec::new() };
        let words = self.words_of(doc_id, doc);
        let locals = self.local_names(&doc.text, &words);
        let mut next_local = locals.iter().peekable();
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            while next_local.next_if(|p| p.words.start < i).is_some() {}
            if let Some((n, m)) = self.phrase_at(doc_id, &words, i) {
                out.push(m);
                i += n;
                continue;
            }
            let w = &words[i];
            if w.tanween {
                i += 1;
                continue;
            }
            if let Some(next) = words.get(i + 1) {
                if is_bigram_candidate(w, next, self.lexicon()) {
                    let key = bigram_key(w.l0(), next.l0());
                    if let Some(c) = self.cluster(&key) {
                        out.push(Mention {
                            doc: doc_id,
                            span: w.token.start..next.token.end,
                            spelling: key.into(),
                            lil: false,
                            key: EntityKey::Cluster(c.canonical.as_str().into()),
                            short: false,
                        });
                        i += 2;
                        continue;
                    }
                }
            }
            if let Some(p) = next_local.next_if(|p| p.words.start == i) {
                out.push(self.local_mention(doc_id, &words, p));
                i = p.words.end;
                continue;
            }
            out.extend(self.entity_word_mention(doc_id, w));
            i += 1;
        }
        let out = self.join_given_names(out, &doc.text);
        let out = self.with_given_names(out, &words);
        let walked = self.short_names_in(doc_id, &words, 0..words.len(), None);
        merge_walked(out, walked)
    }

    /// The people, organisations and places a document's words name at their mention
    /// (`person_names`, `org_names`, `place_names`), in text order, none overlapping (the
    /// earlier wins), and the words that stand for them again later (`with_echoes`).
    fn local_names(&self, text: &str, words: &[Word]) -> Vec<LocalName> {
        let lex = self.lexicon();
        let ordinary = |l0: &str| self.known_restored(l0);
        let cluster_of = |w: &Word| {
            let (_, name, _) = self.resolve_word(w);
            self.cluster(&name)
        };
        let named = |w: &Word| cluster_of(w).is_some();
        // (a word of the corpus's organisations and places is no person's family name)
        let other_name = |w: &Word| cluster_of(w).is_some_and(|c| matches!(self.cluster_kind(&c), EntityKind::Organization | EntityKind::Place));
        let mut all: Vec<LocalName> = person_names(words, lex, &ordinary, &other_name)
            .into_iter()
            .map(|p| LocalName { kind: EntityKind::Person, words: p.words, prefix_chars: p.prefix_chars, echo_of: None })
            .chain(org_names(text, words, lex, &ordinary, &named).into_iter().chain(quoted_org_names(text, words, lex, &ordinary)).map(|o| LocalName { kind: EntityKind::Organization, words: o.words, prefix_chars: o.prefix_chars, echo_of: None }))
            .chain(place_names(words, lex, &ordinary, &named).into_iter().map(|p| LocalName { kind: EntityKind::Place, words: p.words, prefix_chars: p.prefix_chars, echo_of: None }))
            .collect();
        all.sort_by_key(|n| (n.words.start, std::cmp::Reverse(n.words.end)));
        let mut out: Vec<LocalName> = Vec::with_capacity(all.len());
        for n in all {
            if out.last().is_none_or(|last| last.words.end <= n.words.start) {
                out.push(n);
            }
        }
        self.with_echoes(words, out)
    }

    /// After a person's full name, or an organisation's or a place's name, the document may
    /// name it by its last word alone (خافيير سولانا ... سولانا, حزب الليكود ... الليكود):
    /// those words are short references to it too, where the word can be nothing but a name
    /// (the dictionary rejects it, the gazetteer lists it and no ordinary word, or it has a
    /// foreign name's shape) and the document gives it to no other name.
    fn with_echoes(&self, words: &[Word], names: Vec<LocalName>) -> Vec<LocalName> {
        let lex = self.lexicon();
        // last word (L1) -> the first name ending in it (kind, words, proclitic letters);
        // None when two different names end in it. Compound surnames by their two words.
        let mut compounds: FxHashMap<(&str, &str), (EntityKind, Range<usize>, usize)> = FxHashMap::default();
        let mut last_words: FxHashMap<String, Option<(EntityKind, Range<usize>, usize, bool)>> = FxHashMap::default();
        // a country whose name is an ordinary word too (المغرب "sunset", قطر "diameter"), read
        // as the country at one mention -> that mention
        let mut country_words: FxHashMap<String, Option<(EntityKind, Range<usize>, usize)>> = FxHashMap::default();
        // a person's family name that is an ordinary word too -> the first full name ending in it
        let mut slot_words: FxHashMap<String, Option<(EntityKind, Range<usize>, usize)>> = FxHashMap::default();
        // listed by the gazetteer as a name of that kind, and no ordinary word (not المغرب)
        let listed_as = |kind: EntityKind, l1: &str| kind != EntityKind::Person && lex.gazetteer(l1).is_some_and(|g| g.kind.entity_kind() == kind && !g.ambiguous);
        // an organisation the gazetteer lists that is an ordinary word too (حماس
        // "enthusiasm", الجزيرة "the island"), read here as that organisation by the words
        // at one mention (حركة حماس, مراسل الجزيرة, ( حماس ) after its full name): one
        // sense per document, so its other mentions name it too. Alone, or after its head
        // noun (تنظيم القاعدة); not as the last word of a longer name (جامعة الدول العربية)
        let read_org_word = |n: &LocalName| {
            let last = &words[n.words.end - 1];
            let l1: String = if n.words.len() == 1 { last.l1.chars().skip(n.prefix_chars).collect() } else { last.l1.clone() };
            let head = || {
                let first: String = words[n.words.start].l1.chars().skip(n.prefix_chars).collect();
                lex.is_org_head(&first)
            };
            n.kind == EntityKind::Organization
                && (n.words.len() == 1 || n.words.len() == 2 && head())
                && lex.listed_org(&l1)
        };
        // a name's words in L1, the proclitic of its first word left out
        let name_l1 = |n: &LocalName| -> Vec<String> {
            words[n.words.clone()].iter().enumerate().map(|(i, w)| if i == 0 { w.l1.chars().skip(n.prefix_chars).collect() } else { w.l1.clone() }).collect()
        };
        for n in &names {
            let last = &words[n.words.end - 1];
            let last_l1: String = if n.words.len() == 1 { last.l1.chars().skip(n.prefix_chars).collect() } else { last.l1.clone() };
            let last_l0: String = if n.words.len() == 1 { last.l0().chars().skip(n.prefix_chars).collect() } else { last.l0().to_string() };
            // a compound surname (نصر الله, شمس الدين) stands alone as its two words
            if n.kind == EntityKind::Person && n.words.len() >= 3 && COMPOUND_ENDS.contains(&last.l1.as_str()) {
                let before = &words[n.words.end - 2];
                if before.letters() >= 3 && !lex.is_function_word(&before.l1) {
                    let this = (n.kind, n.words.clone(), n.prefix_chars);
                    compounds.entry((before.l1.as_str(), last.l1.as_str())).or_insert(this);
                }
                continue;
            }
            // a word that is nothing but a name (the dictionary rejects it, the gazetteer lists
            // it and no ordinary word, or it has a foreign name's shape): لصالح after مدحت
            // صالح is "in favour of", صلاة المغرب after في المغرب is the sunset prayer
            let stands_alone = last_l1.chars().count() >= 3 && !lex.is_function_word(&last_l1) && !lex.is_cue_word(&last_l1) && !lex.is_person_role(&last_l1)
                && !lex.country_adjective(&last_l1)
                && (!self.known_restored(&last_l0)
                    || listed_as(n.kind, &last_l1)
                    || read_org_word(n)
                    || n.kind == EntityKind::Person && (lex.looks_foreign(&last_l1) || super::names::high_vowel_share(&last_l1)));
            // a one-word person is a surname already; a one-word organisation or place is
            // its name
            let own_word = n.kind != EntityKind::Person || n.words.len() > 1;
            // a person's family name that is an ordinary word too (نجيب محفوظ, علي عبد الله
            // صالح): that person where it stands in a subject's slot (`subject_slot`)
            let ordinary_surname = n.kind == EntityKind::Person && n.words.len() > 1 && !stands_alone
                && last_l1.chars().count() >= 3 && !last_l1.starts_with("ال") && !lex.is_function_word(&last_l1) && !lex.is_cue_word(&last_l1)
                && !lex.is_person_role(&last_l1) && !lex.country_adjective(&last_l1) && !lex.is_saying_verb(&last_l1);
            if ordinary_surname {
                let this = (n.kind, n.words.clone(), n.prefix_chars);
                // (two different full names ending in it: neither)
                let same = |(kind, w, p): &(EntityKind, Range<usize>, usize)| name_l1(&LocalName { kind: *kind, words: w.clone(), prefix_chars: *p, echo_of: None }) == name_l1(n);
                slot_words.entry(last_l1.clone()).and_modify(|e| if !e.as_ref().is_some_and(same) { *e = None }).or_insert(Some(this));
            }
            let word_country = n.kind == EntityKind::Place && n.words.len() == 1 && !stands_alone
                && lex.gazetteer(&last_l1).is_some_and(|g| g.kind == super::lexicon::GazKind::Country);
            if word_country {
                country_words.entry(last_l1.clone()).or_insert(Some((n.kind, n.words.clone(), n.prefix_chars)));
            }
            if !stands_alone || !own_word {
                continue;
            }
            // a name the gazetteer lists as such (حماس, a word too) is that name anywhere in
            // the document, before its full mention too
            let anywhere = listed_as(n.kind, &last_l1) || read_org_word(n);
            let this_name = name_l1(n);
            let same_name = |(kind, w, p, _): &(EntityKind, Range<usize>, usize, bool)| {
                *kind == n.kind && name_l1(&LocalName { kind: *kind, words: w.clone(), prefix_chars: *p, echo_of: None }) == this_name
            };
            last_words.entry(last_l1).and_modify(|e| if !e.as_ref().is_some_and(same_name) { *e = None }).or_insert(Some((n.kind, n.words.clone(), n.prefix_chars, anywhere)));
        }
        // two names ending in one word: neither
        for (word, full) in &mut slot_words {
            if last_words.get(word).is_some() {
                *full = None;
            }
        }
        if last_words.values().all(Option::is_none) && compounds.is_empty() && slot_words.values().all(Option::is_none) && country_words.is_empty() {
            return names;
        }
        let mut out: Vec<LocalName> = Vec::with_capacity(names.len());
        let mut next = names.into_iter().peekable();
        let mut k = 0;
        while k < words.len() {
            if let Some(n) = next.next_if(|n| n.words.start <= k) {
                k = k.max(n.words.end);
                out.push(n);
                continue;
            }
            let w = &words[k];
            let bare = ['و', 'ف', 'ب', 'ل', 'ك'].iter().find_map(|p| w.l1.strip_prefix(*p));
            if let Some(next) = words.get(k + 1).filter(|n| n.token.gap_before == Gap::Space && !compounds.is_empty()) {
                let compound = [(0, Some(w.l1.as_str())), (1, bare)].into_iter().find_map(|(prefix, l1)| Some((prefix, compounds.get(&(l1?, next.l1.as_str()))?)));
                if let Some((prefix_chars, (kind, full, full_prefix))) = compound.filter(|(_, (_, full, _))| full.end <= k && !w.tanween && !next.tanween) {
                    out.push(LocalName { kind: *kind, words: k..k + 2, prefix_chars, echo_of: Some((full.clone(), *full_prefix)) });
                    k += 2;
                    continue;
                }
            }
            let echo = [(0, Some(w.l1.as_str())), (1, bare)].into_iter().find_map(|(prefix, l1)| Some((prefix, last_words.get(l1?)?.as_ref()?)));
            // a name that is an ordinary word too, right after a definite word, is that word's
            // adjective (العالم العربي, المجتمع الأهلي beside the club's العربي, الأهلي)
            let adjective = || {
                w.l0().starts_with("ال")
                    && lex.gazetteer(&w.l1).is_some_and(|g| g.ambiguous)
                    && k > 0
                    && w.token.gap_before == Gap::Space
                    && words[k - 1].l0().starts_with("ال")
            };
            // after the full name, or anywhere for a listed name
            if let Some((prefix_chars, (kind, full, full_prefix, _))) = echo.filter(|(_, (_, full, _, anywhere))| (full.end <= k || *anywhere) && !w.tanween && !adjective()) {
                out.push(LocalName { kind: *kind, words: k..k + 1, prefix_chars, echo_of: Some((full.clone(), *full_prefix)) });
            } else if let Some((prefix_chars, (kind, full, full_prefix))) = country_mention(w, &country_words).filter(|(p, _)| !w.tanween && (*p > 0 && w.l1.starts_with(['ب', 'ل', 'ك']) || country_slot(words, k, lex))) {
                out.push(LocalName { kind: *kind, words: k..k + 1, prefix_chars, echo_of: Some((full.clone(), *full_prefix)) });
            } else if let Some((kind, full, full_prefix)) = slot_words.get(w.l1.as_str()).and_then(Option::as_ref).filter(|(_, full, _)| full.end <= k && !w.tanween && subject_slot(words, k, lex)) {
                out.push(LocalName { kind: *kind, words: k..k + 1, prefix_chars: 0, echo_of: Some((full.clone(), *full_prefix)) });
            }
            k += 1;
        }
        out.extend(next);
        out
    }

    /// The mention of a name read at the mention: the entity of its last word when that is
    /// a name of the same kind in the corpus (فلاديمير بوتين is بوتين, منطقة ناغورنو كاراباخ
    /// is كاراباخ), else the name itself.
    fn local_mention(&self, doc: DocId, words: &[Word], n: &LocalName) -> Mention {
        let (mut m, last) = self.local_candidate(doc, words, n);
        m.key = self.local_key(doc, n.kind, &words[last], m.key);
        m
    }

    /// A name read at the mention, keyed by the name itself (`EntityKey::Local`), with the
    /// index of the word whose entity may be its own instead (`local_key`): the last word of
    /// the name, of the full name for a short reference to it.
    fn local_candidate(&self, doc: DocId, words: &[Word], n: &LocalName) -> (Mention, usize) {
        if let Some((full, prefix_chars)) = &n.echo_of {
            // the last word alone: a reference to the full name, left as written by rename
            let (named, last) = self.local_candidate(doc, words, &LocalName { kind: n.kind, words: full.clone(), prefix_chars: *prefix_chars, echo_of: None });
            let written: Vec<&str> = words[n.words.clone()].iter().map(|w| w.l0()).collect();
            let spelling: String = written.join(" ").chars().skip(n.prefix_chars).collect();
            return (Mention { doc, span: words_span(words, n.words.clone(), n.prefix_chars), spelling: spelling.into(), lil: false, key: named.key, short: true }, last);
        }
        let written: Vec<&str> = words[n.words.clone()].iter().map(|w| w.l0()).collect();
        let mut spelling: String = written.join(" ");
        // after لل the article's alef is not written (للبنك التجاري: البنك التجاري)
        let lil = n.prefix_chars > 0 && spelling.starts_with("لل");
        if n.prefix_chars > 0 {
            spelling = spelling.chars().skip(n.prefix_chars).collect();
        }
        if lil {
            spelling.insert(0, 'ا');
        }
        let span = words_span(words, n.words.clone(), n.prefix_chars);
        let key = EntityKey::Local(n.kind, to_l1(&spelling).into());
        (Mention { doc, span, spelling: spelling.into(), lil, key, short: false }, n.words.end - 1)
    }

    /// The key of a name of `kind` read at the mention (`local`): a person's surname, or the
    /// last word of an organisation's or a place's name (ناغورنو كاراباخ), that the corpus
    /// knows as a name of the same kind is that name.
    fn local_key(&self, doc: DocId, kind: EntityKind, last: &Word, local: EntityKey) -> EntityKey {
        let surname = self.entity_word_mention(doc, last).filter(|m| {
            let EntityKey::Cluster(k) = &m.key else { return false };
            self.cluster(k).or_else(|| self.entity_only_cluster(k)).is_some_and(|c| self.cluster_kind(&c) == kind)
        });
        surname.map_or(local, |m| m.key)
    }

    /// Mentions of a name read at the mention (`EntityKey::Local`), in the documents that
    /// hold all its words (at most `max_docs`, in source order).
    fn local_mentions(&self, kind: EntityKind, l1: &str, max_docs: usize, context: Option<DocId>) -> Vec<Mention> {
        self.local_mentions_in(kind, l1, self.local_name_docs(l1), max_docs, context, true)
    }

    /// The documents that may name a local entity: those holding every word of its name
    /// (whole or after a proclitic), so that a name ending in a frequent word (الاتحاد
    /// الدولي) is read in few of its documents. Function words such as بن are left aside, and
    /// a word under three letters is found by its spellings as written (a channel's name in
    /// letters, إن تي في: not every document), unless it is the first (a proclitic may hide
    /// it). Every document when no word is left to go by.
    fn local_name_docs(&self, l1: &str) -> Vec<DocId> {
        let ws = self.workspace();
        let lex = self.lexicon();
        let lists: Vec<Vec<DocId>> = l1
            .split(' ')
            .enumerate()
            .filter(|(_, w)| !lex.is_function_word(w))
            .filter_map(|(i, w)| if w.chars().count() >= 3 { Some(ws.docs_with_l1(w)) } else if i > 0 { ws.docs_with_short_l1(w) } else { None })
            .collect();
        if lists.is_empty() {
            return ws.docs_in_order();
        }
        in_every(lists.iter().map(Vec::as_slice).collect())
    }

    /// [`Analyzer::local_mentions`] in `docs`: the first `max_docs` of them in source order,
    /// and `context` whatever its rank.
    /// With `prefilter`, a document is read only if it writes the name's words in a row
    /// ([`names_in_a_row`]); the full scan reads every document whole, so that the tests
    /// check the filter.
    fn local_mentions_in(&self, kind: EntityKind, l1: &str, mut docs: Vec<DocId>, max_docs: usize, context: Option<DocId>, prefilter: bool) -> Vec<Mention> {
        let ws = self.workspace();
        let key = EntityKey::Local(kind, l1.into());
        ws.sort_in_source_order(&mut docs);
        docs.truncate(max_docs);
        // the document asked about is read whatever its rank
        if let Some(d) = context.filter(|d| !docs.contains(d)) {
            docs.push(d);
        }
        // every document read on every core, each by an analyzer of its own (they share the
        // workspace's caches)
        let name: Vec<&str> = l1.split(' ').collect();
        // the spellings of its last word, searched as written: the name's rows end there (a
        // name of one word may carry a proclitic, and after لل the article's alef is not
        // written: LiteralSearch::needle)
        let last_word = prefilter
            .then(|| {
                let spellings: FxHashSet<&str> = ws.by_l1.get(*name.last()?).into_iter().flatten().map(|&id| LiteralSearch::needle(ws.word(id).0)).collect();
                crate::text::search::Needles::new(spellings.iter().copied())
            })
            .flatten();
        let found = map_docs(&docs, |d| {
            let an = Analyzer::new(ws);
            // (only the names of this key look up their last word: a first look-up reads
            // hundreds of documents, and the other names' words would be clustered for nothing)
            let of_key = |all: &[LocalCandidate]| -> Vec<Mention> {
                all.iter()
                    .filter(|c| c.mention.key == key)
                    .map(|c| Mention { key: an.local_key(d, c.kind, &c.last, c.mention.key.clone()), ..c.mention.clone() })
                    .filter(|m| m.key == key)
                    .collect()
            };
            // (kept: no need to read the document, nor to look for the name's words first)
            if let Some(kept) = ws.caches().locals.get(d) {
                return of_key(&kept);
            }
            let Some(doc) = ws.doc(d) else { return Vec::new() };
            let text = &doc.text[..];
            // the names at one mention are read only where the name's words stand in a row:
            // found from the matches of its last word, reading the words before each
            if prefilter {
                let mut hits = Vec::new();
                let in_a_row = match last_word.as_ref().and_then(|n| ws.find_in_body(d, n, 0..n.len(), &mut hits)) {
                    Some(()) => {
                        let body = crate::corpus::document::floor_char_boundary(text, doc.body_start);
                        hits.iter().any(|&(a, _)| names_in_a_row(&scan_words_range(text, chunks_back(text, body, a, name.len()), chunks_forward(text, a, 0)), &name))
                    }
                    None => names_in_a_row(&scan_words(text, doc.body_start), &name),
                };
                if !in_a_row {
                    return Vec::new();
                }
            }
            of_key(&an.local_candidates(d, text, &scan_words(text, doc.body_start)))
        });
        found.into_iter().flatten().collect()
    }

    /// The names a document's words name at the mention (`local_names`), in text order, as
    /// `local_candidate` keys them: those kept of the document (`Caches::locals`), else read
    /// from `words` and kept.
    fn local_candidates(&self, d: DocId, text: &str, words: &[Word]) -> Arc<[LocalCandidate]> {
        if let Some(kept) = self.workspace().caches().locals.get(d) {
            return kept;
        }
        let found: Arc<[LocalCandidate]> = self
            .local_names(text, words)
            .iter()
            .map(|n| {
                let (mention, last) = self.local_candidate(d, words, n);
                LocalCandidate { mention, kind: n.kind, last: words[last].clone() }
            })
            .collect();
        let deps = self.local_name_dependencies(d, words);
        self.workspace().caches().locals.keep(d, found.clone(), &deps);
        found
    }

    /// The hashes of the keys whose statistics a document's local names may have read
    /// (`local_names`, `local_mention`): the document's own; the L1, skeleton and bag keys
    /// of each of its words and of each word a proclitic of it may hide (the dictionary's
    /// verdicts, the counts and the clusters of those forms); and the keys each of their
    /// clusters read, the clusters of their canonical spellings' too (a cluster's kind
    /// reads its members' cues). Read after `local_names`, so every cluster it looked up is
    /// kept. More keys than it read only drop the document's names more often.
    fn local_name_dependencies(&self, d: DocId, words: &[Word]) -> Vec<u64> {
        use super::spelling::dependency_hash;
        let mut deps = vec![dependency_hash(&super::spelling::doc_dependency(d))];
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        for w in words {
            if seen.insert(w.l0()) {
                self.word_dependencies(w.l0(), &mut deps);
            }
        }
        deps.sort_unstable();
        deps.dedup();
        deps
    }

    /// The hashes of the keys a reading of the word `l0` may read: its L1, skeleton and bag
    /// keys and its kept cluster's, and the same of what its proclitics may hide.
    fn word_dependencies(&self, l0: &str, deps: &mut Vec<u64>) {
        self.form_dependencies(l0, deps);
        crate::text::clitics::for_each_split(l0, 3, |_, rest, lil| {
            self.form_dependencies(rest, deps);
            if lil {
                self.form_dependencies(&format!("ا{rest}"), deps);
            }
        });
    }

    /// The hashes of a spelling's L1, skeleton and bag keys and of its kept cluster's keys.
    fn form_dependencies(&self, form: &str, deps: &mut Vec<u64>) {
        use super::spelling::dependency_hash;
        let (l1, sk, bag) = super::index::spelling_keys(form);
        deps.extend([dependency_hash(&l1), dependency_hash(&sk), dependency_hash(&bag)]);
        self.cluster_dependency_hashes(form, deps);
    }

    /// A person mention right after a given name that is nothing but a name takes it in
    /// (فيصل السويدي is one mention, not a name after a plain word).
    fn with_given_names(&self, mut mentions: Vec<Mention>, words: &[Word]) -> Vec<Mention> {
        let mut taken_until = 0;
        for m in &mut mentions {
            if let Some(start) = self.given_name_before(m, words).filter(|&s| s >= taken_until) {
                m.span.start = start;
            }
            taken_until = m.span.end;
        }
        mentions
    }

    /// The start of a given name (`Lexicon::starts_full_name`) written right before a
    /// one-word person mention.
    fn given_name_before(&self, m: &Mention, words: &[Word]) -> Option<usize> {
        let EntityKey::Cluster(k) = &m.key else { return None };
        if m.spelling.contains(' ') {
            return None;
        }
        let j = words.partition_point(|w| w.token.end <= m.span.start);
        let (w, prev) = (words.get(j)?, words.get(j.checked_sub(1)?)?);
        let lex = self.lexicon();
        // any given name of the lists where a role or a verb of saying stands before it (the
        // official Ali Larijani, وقال علي الأنصاري): علي is no preposition there
        let after_role = || {
            j >= 2 && prev.token.gap_before == Gap::Space && {
                let role = &words[j - 2].l1;
                let bare = role.strip_prefix(['و', 'ف']).unwrap_or(role);
                lex.is_person_role(role) || lex.is_person_title(role) || lex.is_title_modifier(role) || lex.is_saying_verb(bare) || lex.country_adjective(role)
            }
        };
        let listed_given = prev.letters() >= 3 && lex.is_listed_given_name(&prev.l1) && !lex.is_cue_word(&prev.l1) && !lex.is_person_role(&prev.l1);
        let given = lex.starts_full_name(&prev.l1) || listed_given && after_role();
        if w.token.end != m.span.end || w.token.gap_before != Gap::Space || prev.tanween || !given {
            return None;
        }
        let c = self.cluster(k).or_else(|| self.entity_only_cluster(k))?;
        (self.cluster_kind(&c) == EntityKind::Person).then_some(prev.token.start)
    }

    /// The mention one word makes of a cluster entity (its proclitic left out), if any.
    fn entity_word_mention(&self, doc_id: DocId, w: &Word) -> Option<Mention> {
        if w.tanween {
            return None;
        }
        let (prefix, spelling, lil) = self.resolve_word(w);
        let c = self.cluster(&spelling).or_else(|| self.entity_only_cluster(&spelling)).filter(|c| self.named_beyond_the_dictionary(c))?;
        Some(Mention { doc: doc_id, span: w.folded.source_offset(prefix)..w.token.end, spelling: spelling.into(), lil, key: EntityKey::Cluster(c.canonical.as_str().into()), short: false })
    }

    /// Join a given name to the surname after it (نيكول + باشينيان): one mention of the
    /// person, not a mention of a separate entity "نيكول".
    fn join_given_names(&self, mentions: Vec<Mention>, text: &str) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
        for m in mentions {
            if let Some(prev) = out.last() {
                let adjacent = prev.span.end <= m.span.start && text[prev.span.end..m.span.start].chars().all(|c| c == ' ');
                // a plain word (not a nisba or article word, not already a joined name)
                let single = !prev.spelling.contains(' ') && matches!(prev.key, EntityKey::Cluster(_))
                    && !prev.spelling.starts_with("ال") && self.lexicon().nisba_base(&to_l1(&prev.spelling)).is_none()
                    && text[prev.span.clone()].split_whitespace().count() == 1;
                if adjacent && single {
                    if let (EntityKey::Cluster(a), EntityKey::Cluster(b)) = (&prev.key, &m.key) {
                        let kind = |k: &str| self.cluster(k).or_else(|| self.entity_only_cluster(k)).map(|c| self.cluster_kind(&c));
                        if kind(b) == Some(EntityKind::Person) && matches!(kind(a), Some(EntityKind::Person | EntityKind::Other)) {
                            let start = prev.span.start;
                            out.pop();
                            out.push(Mention { span: start..m.span.end, ..m });
                            continue;
                        }
                    }
                }
            }
            out.push(m);
        }
        out
    }

    /// A name whose evidence is too thin for spelling findings but enough to describe it: a
    /// foreign-looking word after verbs of saying (قال غونتشار), or a word seen in a name
    /// slot in a good share of its mentions (شركة بايكار).
    fn entity_only_cluster(&self, spelling: &str) -> Option<Arc<ClusterInfo>> {
        let st = self.workspace().word_stats(spelling)?;
        let l1 = to_l1(spelling);
        let lex = self.lexicon();
        let family_name = st.counts.after_given > 0;
        if st.counts.count == 0 || (spelling.starts_with("ال") && !family_name) || l1.chars().count() < 3 || lex.is_function_word(&l1) || lex.is_cue_word(&l1)
            // a nisba adjective (سفير أميركي) describes; it does not name
            || lex.nisba_base(&l1).is_some()
            // an ordinary word (حوالي, اعضاء) with a cue or two is still that word
            || self.known_restored(spelling)
        {
            return None;
        }
        let c = st.counts;
        let slots = c.cue_person + c.cue_place + c.cue_org + c.said;
        let mentions = (c.count + c.prefixed).max(1);
        let foreign = lex.looks_foreign(&l1) || super::names::high_vowel_share(&l1);
        // a word seen mostly right after given names is a family name
        let enough = if foreign { slots >= 1 } else { slots >= 2 && slots * 4 >= mentions }
            || c.after_given * 2 >= mentions && c.after_given + slots >= 1;
        if !enough {
            return None;
        }
        let id = self.workspace().word_id(spelling)?;
        Some(Arc::new(ClusterInfo {
            canonical: spelling.to_string(),
            canonical_mentions: st.counts.count + st.counts.prefixed,
            canonical_docs: st.docs.len() as u32,
            from_style: false,
            members: vec![id],
        }))
    }

    /// A multiword gazetteer or style-guide name starting at word `i` (its first word may
    /// carry a proclitic): (number of words, mention).
    pub(super) fn phrase_at(&self, doc: DocId, words: &[Word], i: usize) -> Option<(usize, Mention)> {
        self.phrase_at_noting(doc, words, i, None)
    }

    /// `phrase_at`, noting in `reads` the words whose readings it asks (`all_names`).
    fn phrase_at_noting(&self, doc: DocId, words: &[Word], i: usize, mut reads: Option<&mut PhraseReads>) -> Option<(usize, Mention)> {
        let lex = self.lexicon();
        let first = words.get(i)?;
        // the readings of the first word (a proclitic aside) that can start a phrase
        let mut candidates: Vec<(usize, String, bool)> = Vec::new();
        if lex.is_phrase_head(&first.l1) {
            candidates.push((0, first.l1.clone(), false));
        }
        for sp in crate::text::clitics::splits(first.l0(), 2) {
            let head = to_l1(&sp.name);
            if lex.is_phrase_head(&head) {
                candidates.push((sp.prefix_chars, head, sp.lil));
            }
        }
        if candidates.is_empty() {
            return None;
        }
        for n in (2..=5).rev() {
            if i + n > words.len() || words[i + 1..i + n].iter().any(|w| w.token.gap_before != Gap::Space) {
                continue;
            }
            let rest: Vec<&str> = words[i + 1..i + n].iter().map(|w| w.l1.as_str()).collect();
            for (prefix, head, lil) in candidates.iter().cloned() {
                let key = format!("{head} {}", rest.join(" "));
                let Some(p) = lex.phrase(&key) else { continue };
                // السياسة الخارجية الروسية: an adjective after a feminine noun, not the ministry
                let after_feminine_noun = i > 0 && prefix == 0 && lex.is_short_ministry(&key) && {
                    let prev = &words[i - 1];
                    first.token.gap_before == Gap::Space && (prev.l0().ends_with('ة') || prev.l0().ends_with("ات") || prev.l1 == "الشوون")
                };
                if let Some(reads) = reads.as_deref_mut().filter(|_| !after_feminine_noun) {
                    reads.note(self, &words[i..i + n]);
                }
                if !after_feminine_noun && !self.all_names(&words[i..i + n]) {
                    let start = first.folded.source_offset(prefix);
                    let end = words[i + n - 1].token.end;
                    let written = words[i..i + n].iter().map(|w| w.l0()).collect::<Vec<_>>().join(" ");
                    return Some((n, Mention { doc, span: start..end, spelling: written.into(), lil, key: EntityKey::Phrase(p.key.as_str().into()), short: false }));
                }
            }
        }
        None
    }

    /// Every word is a name in its own right (ناغورني قره باغ): the words are mentions of
    /// their own entities rather than one listed phrase. A word of the dictionary makes the
    /// phrase one name whatever the corpus makes of its words (الاتحاد الأوروبي: الاتحاد is
    /// "the union", a name cluster only where an archive reads many unions' names).
    fn all_names(&self, words: &[Word]) -> bool {
        if words.iter().any(|w| self.known_restored(w.l0())) {
            return false;
        }
        let mut i = 0;
        while i < words.len() {
            let w = &words[i];
            if let Some(next) = words.get(i + 1) {
                if is_bigram_candidate(w, next, self.lexicon()) && self.cluster(&bigram_key(w.l0(), next.l0())).is_some() {
                    i += 2;
                    continue;
                }
            }
            let (_, name, _) = self.resolve_word(w);
            if self.cluster(&name).is_none() {
                return false;
            }
            i += 1;
        }
        true
    }

    /// The mention at a byte offset of a document. Only the words around the offset are
    /// analysed (a phrase can start up to four words before it), and the head words of
    /// organisations before it (a short name stands for the organisation they named).
    pub fn mention_at(&self, doc_id: DocId, offset: usize) -> Option<Mention> {
        let doc = self.workspace().doc(doc_id)?;
        let words = self.words_of(doc_id, doc);
        let k = words.iter().position(|w| w.token.start <= offset && offset <= w.token.end)
            .or_else(|| words.iter().position(|w| w.token.start > offset).filter(|&k| k > 0).map(|k| k - 1))?;
        let covers = |m: &Mention| m.span.start <= offset && offset <= m.span.end;
        // a mention that holds a head word, or follows one (وكالة + فرانس برس), starts
        // within five words before the offset
        if words[k.saturating_sub(5)..=k].iter().any(|w| self.head_word(w).is_some()) {
            if let Some(m) = self.short_names_in(doc_id, &words, 0..k + 1, None).into_iter().find(|m| covers(m)) {
                return Some(m);
            }
        }
        for i in k.saturating_sub(4)..=k {
            if let Some((_, m)) = self.phrase_at(doc_id, &words, i) {
                if covers(&m) {
                    return Some(m);
                }
            }
        }
        for i in [k.saturating_sub(1), k] {
            let (w, Some(next)) = (&words[i], words.get(i + 1)) else { continue };
            if is_bigram_candidate(w, next, self.lexicon()) {
                let key = bigram_key(w.l0(), next.l0());
                if let Some(c) = self.cluster(&key) {
                    let m = Mention { doc: doc_id, span: w.token.start..next.token.end, spelling: key.into(), lil: false, key: EntityKey::Cluster(c.canonical.as_str().into()), short: false };
                    if covers(&m) {
                        return Some(m);
                    }
                }
            }
        }
        // a name read at the mention (as `entity_mentions` reads the document), the one over
        // the word (a name's span is its words but a proclitic on the first: none but its
        // own words overlap it), from the names kept of the document
        let word = &words[k].token;
        if let Some(c) = self.local_candidates(doc_id, &doc.text, &words).iter().find(|c| c.mention.span.start < word.end && word.start < c.mention.span.end) {
            let m = Mention { key: self.local_key(doc_id, c.kind, &c.last, c.mention.key.clone()), ..c.mention.clone() };
            if covers(&m) {
                return Some(m);
            }
        }
        // the person after a given name (the given name itself is no entity)
        let own = self.entity_word_mention(doc_id, &words[k]);
        if own.is_none() && k + 1 < words.len() {
            if let Some(mut m) = self.entity_word_mention(doc_id, &words[k + 1]) {
                if let Some(start) = self.given_name_before(&m, &words) {
                    m.span.start = start;
                    return covers(&m).then_some(m);
                }
            }
        }
        let mut m = own?;
        if let Some(start) = self.given_name_before(&m, &words) {
            m.span.start = start;
        }
        covers(&m).then_some(m)
    }

    /// The first mention of a cluster's spellings in a document (a quick scan, no analysis).
    fn first_mention_in(&self, doc_id: DocId, c: &ClusterInfo) -> Option<usize> {
        let ws = self.workspace();
        let doc = ws.doc(doc_id)?;
        let members: Vec<&str> = c.members.iter().map(|&m| ws.word(m).0).collect();
        let words = scan_words(&doc.text, doc.body_start);
        for (i, w) in words.iter().enumerate() {
            if members.contains(&w.l0()) {
                return Some(w.token.start);
            }
            if let Some(next) = words.get(i + 1) {
                if next.token.gap_before == Gap::Space && members.contains(&bigram_key(w.l0(), next.l0()).as_str()) {
                    return Some(w.token.start);
                }
            }
            let mut found = None;
            crate::text::clitics::for_each_split(w.l0(), 2, |p, rest, lil| {
                if found.is_none() && !lil && members.contains(&rest) {
                    found = Some(w.folded.source_offset(p));
                }
            });
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// Kind, names and statistics of an entity.
    pub fn entity(&self, key: &EntityKey, context: Option<DocId>) -> Option<EntityInfo> {
        let ws = self.workspace();
        let lex = self.lexicon();
        match key {
            EntityKey::Local(kind, l1) => {
                // counted on the first documents that may name it, like a phrase
                let candidates = self.local_name_docs(l1);
                let sampled = (candidates.len() > HOVER_DOCS).then_some((HOVER_DOCS as u32, candidates.len() as u32));
                let mut mentions = self.local_mentions_in(*kind, l1, candidates, HOVER_DOCS, context, true);
                let ranks = ws.source_ranks();
                mentions.sort_by_key(|m| (ranks.get(m.doc as usize).copied().unwrap_or(u32::MAX), m.span.start));
                let mut docs: Vec<DocId> = mentions.iter().map(|m| m.doc).collect();
                docs.sort_unstable();
                docs.dedup();
                let mut spell: FxHashMap<&str, (u32, Vec<DocId>)> = FxHashMap::default();
                let mut short: FxHashMap<&str, (u32, Vec<DocId>)> = FxHashMap::default();
                for m in &mentions {
                    // a surname standing alone for the full name is a short name, no spelling
                    let e = if m.short { &mut short } else { &mut spell }.entry(&m.spelling).or_default();
                    e.0 += 1;
                    if e.1.last() != Some(&m.doc) {
                        e.1.push(m.doc);
                    }
                }
                let counted = |map: FxHashMap<&str, (u32, Vec<DocId>)>| -> Vec<Spelling> {
                    let mut v: Vec<Spelling> = map.into_iter().map(|(text, (n, d))| Spelling { text: text.to_string(), mentions: n, docs: d.len() as u32 }).collect();
                    v.sort_by(|a, b| (std::cmp::Reverse(a.mentions), &a.text).cmp(&(std::cmp::Reverse(b.mentions), &b.text)));
                    v
                };
                let spellings = counted(spell);
                let short_names = counted(short);
                let name = spellings.first().map(|s| s.text.clone())?;
                Some(EntityInfo {
                    key: key.clone(),
                    name,
                    kind: *kind,
                    latin: lex.gazetteer(l1).map(|g| g.latin.clone()).filter(|l| !l.is_empty()),
                    description: None,
                    spellings,
                    short_names,
                    docs: docs.len() as u32,
                    sampled,
                    first: mentions.first().map(|m| (m.doc, m.span.start)),
                })
            }
            EntityKey::Phrase(l1) => {
                let p = lex.phrase(l1)?;
                // counted on the first documents that may hold the phrase: a hover must not
                // read the whole corpus for a frequent phrase
                let (mentions, candidates) = self.phrase_mentions_limited(l1, HOVER_DOCS);
                let sampled = (candidates > HOVER_DOCS).then_some((HOVER_DOCS as u32, candidates as u32));
                let mut docs: Vec<DocId> = mentions.iter().map(|m| m.doc).collect();
                docs.dedup();
                let mut spell: FxHashMap<String, (u32, Vec<DocId>)> = FxHashMap::default();
                let mut short: FxHashMap<String, (u32, Vec<DocId>)> = FxHashMap::default();
                for m in &mentions {
                    let e = if m.short { &mut short } else { &mut spell }.entry(m.spelling.to_string()).or_default();
                    e.0 += 1;
                    if e.1.last() != Some(&m.doc) {
                        e.1.push(m.doc);
                    }
                }
                let counted = |map: FxHashMap<String, (u32, Vec<DocId>)>| -> Vec<Spelling> {
                    map.into_iter().map(|(text, (n, d))| Spelling { text, mentions: n, docs: d.len() as u32 }).collect()
                };
                let mut short_names = counted(short);
                short_names.sort_by(|a, b| (std::cmp::Reverse(a.mentions), &a.text).cmp(&(std::cmp::Reverse(b.mentions), &b.text)));
                let mut spellings = counted(spell);
                spellings.sort_by(|a, b| (a.text != p.name, std::cmp::Reverse(a.mentions), &a.text).cmp(&(b.text != p.name, std::cmp::Reverse(b.mentions), &b.text)));
                if !spellings.iter().any(|s| s.text == p.name) {
                    spellings.insert(0, Spelling { text: p.name.clone(), mentions: 0, docs: 0 });
                }
                Some(EntityInfo {
                    key: key.clone(),
                    name: p.name.clone(),
                    kind: p.kind,
                    latin: p.latin.clone(),
                    description: p.description.clone(),
                    spellings,
                    short_names,
                    docs: docs.len() as u32,
                    sampled,
                    first: mentions.first().map(|m| (m.doc, m.span.start)),
                })
            }
            EntityKey::Cluster(canonical) => {
                let c = self.cluster(canonical).or_else(|| self.entity_only_cluster(canonical))?;
                let mut spellings = Vec::new();
                let mut all_docs: Vec<DocId> = Vec::new();
                for &m in &c.members {
                    let (text, st) = ws.word(m);
                    let mentions = st.counts.count + st.counts.prefixed;
                    if mentions == 0 && text != c.canonical {
                        continue;
                    }
                    spellings.push(Spelling { text: text.to_string(), mentions, docs: st.docs.len() as u32 });
                    all_docs.extend_from_slice(&st.docs);
                }
                all_docs.sort_unstable();
                all_docs.dedup();
                let kind = self.cluster_kind(&c);
                let style = lex.style(&to_l1(&c.canonical)).and_then(|s| ws.config().entity.get(s.entity));
                let gaz = c.members.iter().find_map(|&m| lex.gazetteer(&to_l1(ws.word(m).0)));
                let latin = style.and_then(|e| e.latin.clone()).or_else(|| gaz.map(|g| g.latin.clone())).filter(|l| !l.is_empty());
                let description = style.and_then(|e| e.description.clone());
                let ranks = ws.source_ranks();
                let first_doc = all_docs.iter().copied().min_by_key(|&d| ranks.get(d as usize).copied().unwrap_or(u32::MAX));
                let first = first_doc.and_then(|d| self.first_mention_in(d, &c).map(|o| (d, o)));
                let name = if kind == EntityKind::Person { self.full_name(&c, context).unwrap_or_else(|| c.canonical.clone()) } else { c.canonical.clone() };
                Some(EntityInfo { key: key.clone(), name, kind, latin, description, spellings, short_names: Vec::new(), docs: all_docs.len() as u32, sampled: None, first })
            }
        }
    }

    /// Kind of a cluster: style guide, gazetteer, then the corpus's cues.
    fn cluster_kind(&self, c: &ClusterInfo) -> EntityKind {
        let ws = self.workspace();
        let lex = self.lexicon();
        let l1 = to_l1(&c.canonical);
        if let Some(s) = lex.style(&l1) {
            if let Some(e) = ws.config().entity.get(s.entity) {
                if e.kind != EntityKind::Other {
                    return e.kind;
                }
            }
        }
        let (mut person, mut place, mut org) = (0u32, 0u32, 0u32);
        for &m in &c.members {
            let st = ws.word(m).1;
            person += st.counts.cue_person + st.counts.said + st.counts.after_given;
            place += st.counts.cue_place;
            org += st.counts.cue_org;
        }
        // a town of GeoNames that this corpus only ever writes as a person's or an
        // organisation's name (جون بولتون, نادي الخور) is that, not the town
        let cues_overrule_town = place == 0 && person + org > 0;
        for &m in &c.members {
            let l1 = to_l1(ws.word(m).0);
            if let Some(g) = lex.gazetteer(&l1) {
                if !g.ambiguous && !self.common_noun_city(&l1, g) && !(g.minor && cues_overrule_town) {
                    return g.kind.entity_kind();
                }
            }
        }
        let family_name = c.members.iter().any(|&m| ws.word(m).1.counts.after_given > 0);
        if lex.nisba_base(&l1).is_some() || c.canonical.starts_with("ال") && !family_name {
            return EntityKind::Other; // a nisba adjective describes, it does not name
        }
        let best = person.max(place).max(org);
        if best == 0 {
            EntityKind::Other
        } else if person == best && person > place && person > org {
            EntityKind::Person
        } else if place == best && place > org {
            EntityKind::Place
        } else if org == best {
            EntityKind::Organization
        } else {
            EntityKind::Other
        }
    }

    /// The given name written before this surname: in `context` first, else in the first
    /// documents that mention it. A candidate counts when it is itself seen in a person's
    /// name slot, or precedes the surname at least twice.
    fn full_name(&self, c: &ClusterInfo, context: Option<DocId>) -> Option<String> {
        let ws = self.workspace();
        let lex = self.lexicon();
        let members: Vec<&str> = c.members.iter().map(|&m| ws.word(m).0).collect();
        let mut docs: Vec<DocId> = Vec::new();
        if let Some(d) = context {
            docs.push(d);
        }
        let mut others: Vec<DocId> = c.members.iter().flat_map(|&m| ws.word(m).1.docs.iter().copied()).collect();
        others.sort_unstable();
        others.dedup();
        others.truncate(6);
        docs.extend(others.into_iter().filter(|d| Some(*d) != context));
        let mut counts: FxHashMap<String, (u32, usize)> = FxHashMap::default();
        let mut order = 0usize;
        for (k, d) in docs.into_iter().enumerate() {
            let Some(doc) = ws.doc(d) else { continue };
            let words = scan_words(&doc.text, doc.body_start);
            for (i, pair) in words.windows(2).enumerate() {
                let (a, b) = (&pair[0], &pair[1]);
                if b.token.gap_before != Gap::Space || !members.contains(&b.l0()) {
                    continue;
                }
                // (nor a word with the article, after a conjunction too: والأرجنتيني ليونيل)
                let article = a.l0().starts_with("ال") || a.l0().strip_prefix(['و', 'ف']).is_some_and(|r| r.starts_with("ال"));
                if a.tanween || a.letters() < 3 || article || lex.is_function_word(&a.l1) || lex.is_cue_word(&a.l1) || members.contains(&a.l0()) {
                    continue;
                }
                // the last word of a listed name or a club's (باريس سان جيرمان نيمار: the
                // club's, not Neymar's given name)
                let ends_listed = lex.is_club_word(&a.l1) || lex.is_team_word(&a.l1) || (1..=3).any(|n| {
                    i >= n && {
                        let l1s: Vec<&str> = words[i - n..=i].iter().map(|w| w.l1.as_str()).collect();
                        lex.phrase(&l1s.join(" ")).is_some()
                    }
                });
                if ends_listed {
                    continue;
                }
                order += 1;
                let e = counts.entry(a.l0().to_string()).or_insert((0, order));
                e.0 += 1;
            }
            // a name given in the context document wins over the rest of the corpus
            if k == 0 && context.is_some() {
                if let Some(best) = self.best_given_name(&counts) {
                    return Some(format!("{best} {}", c.canonical));
                }
            }
        }
        self.best_given_name(&counts).map(|g| format!("{g} {}", c.canonical))
    }

    /// The given name most often written before the surname: a given name that is nothing
    /// but a name, a word that is no ordinary word of the dictionary (a transliterated given
    /// name), or one the corpus reads in people's names (حسن روحاني, كاري كانافه), and no
    /// place. «شقيق أليسون» (his brother), «منح زيدان», «مطعم كوري», «بريطانيا إليزابيث» are
    /// a word before a name, not its given name.
    fn best_given_name(&self, counts: &FxHashMap<String, (u32, usize)>) -> Option<String> {
        let ws = self.workspace();
        let lex = self.lexicon();
        // a word of the dictionary that a tenth of its documents or more read in a person's
        // name at one mention (حسن 68%, بول 79%, نير 39%; اسمه 6%, يكن 3%, شقيق 1% on
        // ant2018), or that the corpus judges a name from the cues around it
        let read_as_a_name = |g: &str| ws.word_stats(g).is_some_and(|s| 10 * s.counts.person_docs as usize >= s.docs.len().max(1));
        let given = |g: &str| {
            let l1 = to_l1(g);
            // (the imported lists hold ordinary words too, اسمه, يكن, أسر: such a word needs
            // the corpus to read it as a name)
            let listed = lex.is_foreign_given_name(&l1) || lex.starts_full_name(&l1);
            // (a minor town of GeoNames is no place here: كاري كانافه)
            let place = lex.gazetteer(&l1).is_some_and(|e| !e.ambiguous && !e.minor);
            !place && !lex.is_closed_class(&l1) && !lex.is_statement_noun(&l1) && (listed || !self.known_restored(g) || read_as_a_name(g) || self.is_name_group(&l1))
        };
        let candidates: Vec<(&String, &(u32, usize))> =
            counts.iter().filter(|(g, (n, _))| (*n >= 2 || ws.word_stats(g).is_some_and(|s| s.counts.cue_person > 0)) && given(g)).collect();
        let best = candidates.iter().max_by(|a, b| (a.1.0, std::cmp::Reverse(a.1.1)).cmp(&(b.1.0, std::cmp::Reverse(b.1.1))))?;
        // a surname several given names precede about as often is several people (فريد,
        // غونزاليز): the surname alone says no more than is known
        let all: u32 = candidates.iter().map(|(_, (n, _))| n).sum();
        (2 * best.1.0 > all).then(|| best.0.clone())
    }

    fn phrase_mentions_limited(&self, l1: &str, max_docs: usize) -> (Vec<Mention>, usize) {
        let ws = self.workspace();
        let mut docs: Vec<DocId> = docs_with_form_words(ws, &self.lexicon().phrase_forms(l1));
        let candidates = docs.len();
        ws.sort_in_source_order(&mut docs);
        docs.truncate(max_docs);
        let scope = self.short_name_scope(l1);
        (docs.into_iter().flat_map(|d| self.phrase_mentions_in(d, l1, &scope)).collect(), candidates)
    }

    /// Mentions of one phrase entity in a document: where a phrase of it (any of its forms,
    /// which all end with its last word) ends at that word, and the short names that stand
    /// for it (the module `short_names`), the whole document read.
    fn phrase_mentions_in(&self, d: DocId, l1: &str, scope: &ShortNameScope<'a>) -> Vec<Mention> {
        let Some(doc) = self.workspace().doc(d) else { return Vec::new() };
        let words = scan_words(&doc.text, doc.body_start);
        self.with_short_names(l1, scope, &doc.text, || self.phrase_mentions_in_words(d, l1, &words), |heads| {
            self.short_names_in(d, &words, 0..words.len(), Some(heads))
        })
    }

    /// A phrase entity's mentions in one document from its own mentions (`own`) and the walk
    /// over its heads (`walk`), whichever way the document is read.
    fn with_short_names(
        &self,
        l1: &str,
        scope: &ShortNameScope<'a>,
        text: &str,
        own: impl FnOnce() -> Vec<Mention>,
        walk: impl FnOnce(&[&'a str]) -> Vec<Mention>,
    ) -> Vec<Mention> {
        if scope.walk_only {
            return of_phrase(walk(&scope.heads), l1);
        }
        let own = own();
        let heads = if scope.heads.is_empty() { self.heads_before(l1, &own, text) } else { scope.heads.clone() };
        if heads.is_empty() {
            return own;
        }
        with_walked(own, walk(&heads), l1)
    }

    /// How an entity's short names are found, the same in every document: an organisation's
    /// own heads (مرصد, وزاره), and whether every form of it holds one (then the walk over
    /// them finds every mention; a style-guide alias such as العدالة والتنمية may not).
    fn short_name_scope(&self, l1: &str) -> ShortNameScope<'a> {
        let lex = self.lexicon();
        let heads = if lex.phrase_kind(l1) == Some(EntityKind::Organization) { lex.short_name_heads_of(l1) } else { Vec::new() };
        let walk_only = !heads.is_empty()
            && lex.phrase_forms(l1).iter().all(|f| f.split(' ').any(|w| lex.short_name_head(w).is_some_and(|(h, _)| heads.contains(&h))));
        ShortNameScope { heads, walk_only }
    }

    /// The heads written right before the mentions of an organisation without heads of its
    /// own (وكالة + فرانس برس): after them, the head alone stands for it (الوكالة).
    fn heads_before(&self, l1: &str, own: &[Mention], text: &str) -> Vec<&'a str> {
        let lex = self.lexicon();
        let mut heads = Vec::new();
        if own.is_empty() || lex.phrase_kind(l1) != Some(EntityKind::Organization) {
            return heads;
        }
        for m in own {
            // the chunk before the mention's (its proclitic aside)
            let before = text[..m.span.start].trim_end_matches(|c: char| !c.is_whitespace()).trim_end();
            let Some(prev) = before.rsplit(char::is_whitespace).next() else { continue };
            if let Some(w) = scan_words_range(prev, 0, prev.len()).last() {
                if let Some(hw) = self.head_word(w).filter(|hw| hw.form == super::lexicon::HeadForm::Indefinite) {
                    if !heads.contains(&hw.head) {
                        heads.push(hw.head);
                    }
                }
            }
        }
        heads
    }

    fn phrase_mentions_in_words(&self, d: DocId, l1: &str, words: &[Word]) -> Vec<Mention> {
        let last = l1.rsplit(' ').next().unwrap_or(l1);
        let key = EntityKey::Phrase(l1.into());
        let mut out: Vec<Mention> = Vec::new();
        for k in (0..words.len()).filter(|&k| words[k].l1 == last) {
            for n in (2..=5).rev() {
                let Some(i) = (k + 1).checked_sub(n) else { continue };
                if out.last().is_some_and(|m| m.span.end > words[i].token.start) {
                    continue;
                }
                if let Some((len, m)) = self.phrase_at(d, words, i) {
                    if i + len - 1 == k && m.key == key {
                        out.push(m);
                        break;
                    }
                }
            }
        }
        out
    }

    /// Every mention of a multiword phrase entity (documents that contain its last word),
    /// reading each document whole: what `phrase_mentions` is checked against.
    fn phrase_mentions_full_scan(&self, l1: &str) -> Vec<Mention> {
        let ws = self.workspace();
        let last = l1.rsplit(' ').next().unwrap_or(l1);
        let mut docs: Vec<DocId> = ws.docs_with_l1(last);
        ws.sort_in_source_order(&mut docs);
        let scope = self.short_name_scope(l1);
        docs.into_iter().flat_map(|d| self.phrase_mentions_in(d, l1, &scope)).collect()
    }

    /// Every mention of a multiword phrase entity. Its last word is never written with a
    /// proclitic, so a literal search for that word's spellings finds every place a phrase
    /// of it can end (in documents whose words contain their L0 forms); only the few words
    /// before each match are read. وزارة الخارجية ends with a word of thousands of documents.
    fn phrase_mentions(&self, l1: &str) -> Vec<Mention> {
        let ws = self.workspace();
        let last = l1.rsplit(' ').next().unwrap_or(l1);
        let spellings: FxHashSet<&str> = ws.by_l1.get(last).into_iter().flatten().map(|&id| ws.word(id).0).collect();
        let Some(needles) = crate::text::search::Needles::new(spellings.iter().copied()) else { return self.phrase_mentions_full_scan(l1) };
        // the word before the last is one of the forms' (a proclitic aside): وزير الخارجية is
        // dismissed without reading the words around it
        let forms = self.lexicon().phrase_forms(l1);
        let mut docs: Vec<DocId> = docs_with_form_words(ws, &forms);
        ws.sort_in_source_order(&mut docs);
        // (after لل the article's alef is not written: للولايات holds لولايات, not الولايات)
        let before_last: FxHashSet<&str> = forms.iter().filter_map(|f| f.rsplit(' ').nth(1)).flat_map(|w| [Some(w), w.strip_prefix('ا').filter(|_| w.starts_with("ال"))]).flatten().collect();
        // an organisation with heads of its own: where they are, in the documents that name it
        let scope = self.short_name_scope(l1);
        let head_search = HeadSearch::new(ws, &scope.heads).filter(|_| !scope.heads.is_empty());
        let ends_in = |d: DocId| -> Option<Vec<usize>> {
            let mut hits = Vec::new();
            ws.find_in_body(d, &needles, 0..needles.len(), &mut hits)?;
            let doc = ws.doc(d)?;
            let body = crate::corpus::document::floor_char_boundary(&doc.text, doc.body_start);
            let text = &doc.text[..];
            let starts_word = |a: usize| !text[body..a].chars().rev().find(|&c| !dropped_at_l0(c)).is_some_and(is_letter);
            let after_a_form_word = |a: usize| {
                let prev = text[chunks_back(text, body, a, 1)..a].split_whitespace().next_back().unwrap_or("");
                let prev = to_l1(&l0(prev));
                before_last.iter().any(|w| prev.ends_with(w))
            };
            Some(hits.into_iter().filter(|&(a, b)| ends_word(text, b) && starts_word(a) && after_a_form_word(a)).map(|(a, _)| a).collect())
        };
        let search = |d: DocId| -> Option<(Vec<usize>, Option<Vec<usize>>)> {
            let ends = ends_in(d)?;
            let heads = head_search.as_ref().filter(|_| !ends.is_empty()).and_then(|h| h.head_words(ws, d));
            Some((ends, heads))
        };
        // the documents' mentions kept from an earlier look-up (see `Caches::phrases`)
        let kept_all = self.kept_phrases();
        let mut have: FxHashMap<DocId, Arc<[Mention]>> = FxHashMap::default();
        if let Some(kept) = kept_all.get(l1) {
            have.extend(docs.iter().filter_map(|d| kept.docs.get(d).map(|m| (*d, m.clone()))));
        }
        let missing: Vec<DocId> = docs.iter().copied().filter(|d| !have.contains_key(d)).collect();
        let found = map_docs(&missing, search);
        let key = EntityKey::Phrase(l1.into());
        // only the entity's own form lengths can end at a match with its key, longest first
        let mut lengths: Vec<usize> = forms.iter().map(|f| f.split(' ').count()).collect();
        lengths.sort_unstable_by(|a, b| b.cmp(a));
        lengths.dedup();
        // what the documents' mentions read beyond their text, for those that are kept: the
        // readings of the words of the listed phrases written at the matches
        // (`phrase_mentions_ending_at`)
        let mut reads = PhraseReads::default();
        let mut fresh: Vec<(DocId, Arc<[Mention]>)> = Vec::new();
        let mut keep: Vec<(DocId, Arc<[Mention]>)> = Vec::new();
        for (d, ends) in missing.into_iter().zip(found) {
            let (mentions, keepable): (Vec<Mention>, bool) = match ends {
                Some((ends, _)) if ends.is_empty() => (Vec::new(), true),
                Some((ends, starts)) => {
                    let text = ws.doc(d).map_or("", |doc| &doc.text[..]);
                    // (kept only when the words around the matches decided them: not when a
                    // window was too short and the document was read whole, nor when a walk
                    // over head words read further)
                    let windowed = std::cell::Cell::new(true);
                    let reads = std::cell::RefCell::new(&mut reads);
                    let own = || {
                        let mut own = Vec::new();
                        windowed.set(self.phrase_mentions_ending_at(d, &ends, &key, &lengths, &mut own, &mut reads.borrow_mut()));
                        own
                    };
                    // the entity's own head words were searched with its last word; heads
                    // written before its mentions (وكالة + فرانس برس) are searched now
                    let walk = |heads: &[&'a str]| {
                        windowed.set(false);
                        let starts = if heads == &scope.heads[..] { starts } else { HeadSearch::new(ws, heads).and_then(|s| s.head_words(ws, d)) };
                        self.walk_head_words(d, heads, starts)
                    };
                    let mentions = self.with_short_names(l1, &scope, text, own, walk);
                    (mentions, windowed.get())
                }
                None => (self.phrase_mentions_in(d, l1, &scope), false),
            };
            let mentions: Arc<[Mention]> = mentions.into();
            if keepable {
                keep.push((d, mentions.clone()));
            }
            fresh.push((d, mentions));
        }
        if !keep.is_empty() {
            let mut kept = kept_all.entry(l1.into()).or_default();
            kept.deps.extend(reads.dependencies(self));
            kept.docs.extend(keep);
        }
        have.extend(fresh);
        let mut out = Vec::with_capacity(have.values().map(|m| m.len()).sum());
        for d in &docs {
            out.extend(have.get(d).into_iter().flat_map(|m| m.iter().cloned()));
        }
        out
    }

    /// The walk over the given heads of a document: in a literal one, through windows around
    /// the head words a literal search found (`starts`, from `HeadSearch`), else through the
    /// whole document.
    fn walk_head_words(&self, d: DocId, heads: &[&'a str], starts: Option<Vec<usize>>) -> Vec<Mention> {
        let Some(doc) = self.workspace().doc(d) else { return Vec::new() };
        let text = &doc.text[..];
        let whole = || {
            let words = scan_words(text, doc.body_start);
            self.short_names_in(d, &words, 0..words.len(), Some(heads))
        };
        let Some(starts) = starts else { return whole() };
        let body = crate::corpus::document::floor_char_boundary(text, doc.body_start);
        let mut walk = super::short_names::ShortNames::default();
        let mut walked = Vec::new();
        for start in starts {
            if walk.covers(start) {
                continue;
            }
            // a phrase covering the head word starts up to four words before it (and its
            // guard reads the word before that); one after it runs up to five words on. Five
            // whitespace-separated chunks hold at least five words.
            let from = chunks_back(text, body, start, 5);
            let words = scan_words_range(text, from, chunks_forward(text, start, 5));
            let Some(k) = words.iter().position(|w| w.token.start == start) else { continue };
            if k < 5 && from > body {
                // the window holds too few words before this one: read the document whole
                return whole();
            }
            let Some(hw) = self.head_word(&words[k]).filter(|hw| heads.contains(&hw.head)) else { continue };
            if let Some(u) = self.head_use(d, &words, k, hw) {
                walk.step(self, d, &words, u, &mut walked);
            }
        }
        walked
    }

    /// The mentions of a phrase entity that end with the words starting at `ends` (sorted)
    /// in a literal document: each read in a window of whitespace chunks around it, with a
    /// word to spare before the phrase's first (a short ministry name looks one word back)
    /// and room after it for a longer phrase that would take its words.
    /// False when a window held too few words and the document was read whole. The words
    /// whose readings decide a phrase there are noted in `reads`.
    fn phrase_mentions_ending_at(&self, d: DocId, ends: &[usize], key: &EntityKey, lengths: &[usize], out: &mut Vec<Mention>, reads: &mut PhraseReads) -> bool {
        let Some(doc) = self.workspace().doc(d) else { return true };
        let text = &doc.text[..];
        let body = crate::corpus::document::floor_char_boundary(text, doc.body_start);
        let first_in_doc = out.len();
        let longest = lengths.first().copied().unwrap_or(5);
        for &pos in ends {
            let from = chunks_back(text, body, pos, longest + 1);
            // a longer phrase may run on past this word (وزارة الخارجية الروسية is not a
            // mention of وزارة الخارجية): up to four more words, each its own chunk
            let words = scan_words_range(text, from, chunks_forward(text, pos, 4));
            let Some(k) = words.iter().position(|w| w.token.start == pos) else { continue };
            for &n in lengths {
                let Some(i) = (k + 1).checked_sub(n) else { continue };
                if i == 0 && from > body {
                    // the window holds too few words: read the document whole
                    out.truncate(first_in_doc);
                    let EntityKey::Phrase(l1) = key else { return false };
                    out.extend(self.phrase_mentions_in_words(d, l1, &scan_words(text, doc.body_start)));
                    return false;
                }
                if out[first_in_doc..].last().is_some_and(|m: &Mention| m.span.end > words[i].token.start) {
                    continue;
                }
                if let Some((len, m)) = self.phrase_at_noting(d, &words, i, Some(&mut *reads)) {
                    if i + len - 1 == k && m.key == *key {
                        out.push(m);
                        break;
                    }
                }
            }
        }
        true
    }

    /// Every mention of an entity across the corpus, in source order.
    pub fn references(&self, key: &EntityKey) -> Vec<Mention> {
        match key {
            EntityKey::Phrase(l1) => self.phrase_mentions(l1),
            EntityKey::Local(kind, l1) => self.local_mentions(*kind, l1, usize::MAX, None),
            EntityKey::Cluster(canonical) => {
                let Some((c, docs, members)) = self.cluster_scope(canonical) else { return Vec::new() };
                // the documents' mentions kept from an earlier look-up (an edit drops its own
                // document's, a change that could decide them otherwise the whole cluster's);
                // only a cluster of its own is kept, not an entity read from a list only
                let own_cluster = self.cluster(canonical).is_some();
                let kept_all = self.kept_references();
                let mut have: FxHashMap<DocId, Arc<[Mention]>> = FxHashMap::default();
                if let Some(kept) = kept_all.get(&**canonical).filter(|_| own_cluster) {
                    have.extend(docs.iter().filter_map(|d| kept.docs.get(d).map(|m| (*d, m.clone()))));
                }
                let missing: Vec<DocId> = docs.iter().copied().filter(|d| !have.contains_key(d)).collect();
                let fresh = self.cluster_mentions_by_doc(&c, &missing, &members, key);
                if own_cluster {
                    let entry = match kept_all.get_mut(&**canonical) {
                        Some(kept) => Some(kept),
                        // (what the answer depends on is read once, when its entry is made)
                        None => self.reference_deps(canonical, &c.members).map(|deps| kept_all.entry(canonical.as_ref().into()).or_insert(super::spelling::KeptReferences { deps, docs: FxHashMap::default() })),
                    };
                    if let Some(mut kept) = entry {
                        kept.docs.extend(fresh.iter().map(|(d, m)| (*d, m.clone())));
                    }
                }
                have.extend(fresh);
                let mut out = Vec::with_capacity(have.values().map(|m| m.len()).sum());
                for d in &docs {
                    out.extend(have.get(d).into_iter().flat_map(|m| m.iter().cloned()));
                }
                out
            }
        }
    }

    /// The mentions of a cluster's spellings (`members`) in `docs`, document by document:
    /// a literal search for the spellings, the words around each match analysed (a document
    /// that is not literal is read whole).
    fn cluster_mentions_by_doc(&self, c: &ClusterInfo, docs: &[DocId], members: &FxHashSet<&str>, key: &EntityKey) -> Vec<(DocId, Arc<[Mention]>)> {
        // (every document's mentions kept: nothing to search)
        if docs.is_empty() {
            return Vec::new();
        }
        let ws = self.workspace();
        let Some(search) = LiteralSearch::new(members) else { return Vec::new() };
        // which needles each document can hold, from the spellings' postings (each
        // needle is a pass over the text)
        let mut needles_of: FxHashMap<DocId, Vec<usize>> = FxHashMap::default();
        let every_needle: Vec<usize> = (0..search.needles.len()).collect();
        for &m in c.members.iter().filter(|_| search.needles.len() > 1) {
            let (spelling, st) = ws.word(m);
            let Some(n) = search.needles.index_of(LiteralSearch::needle(spelling)) else { continue };
            for &d in &st.docs {
                let v = needles_of.entry(d).or_default();
                if !v.contains(&n) {
                    v.push(n);
                }
            }
        }
        // positions kept from earlier searches (see `hits`)
        let kept: Vec<Option<Arc<DocHits>>> = {
            let mut cache = ws.hit_cache();
            (0..search.needles.len()).map(|n| search.needles.get(n).and_then(|needle| cache.get(needle))).collect()
        };
        // the text search (and, for one-word spellings, finding the words around the
        // matches) runs on every core; the analysis of the words after it
        let found = map_docs(docs, |d: DocId| {
            let doc = ws.doc(d).filter(|_| ws.is_literal(d))?;
            let body = crate::corpus::document::floor_char_boundary(&doc.text, doc.body_start);
            let needles = needles_of.get(&d).map_or(&every_needle[..], Vec::as_slice);
            let mut hits = Vec::new();
            let mut positions: Vec<usize> = Vec::new();
            let mut fresh = Vec::new();
            for &n in needles {
                match kept[n].as_ref().and_then(|k| k.get(&d)) {
                    Some(p) => positions.extend(p.iter().map(|&p| p as usize)),
                    None => {
                        let p = search.candidates(ws, d, n, &mut hits)?;
                        // positions are kept as u32 (texts under 4 GiB)
                        if let Ok(kept) = p.iter().map(|&p| u32::try_from(p)).collect::<Result<Box<[u32]>, _>>() {
                            fresh.push((n, kept));
                        }
                        positions.extend(p);
                    }
                }
            }
            if needles.len() > 1 {
                positions.sort_unstable();
                positions.dedup();
            }
            let words = if search.has_pairs { positions.into_iter().map(|p| (p, p)).collect() } else { words_at(&doc.text, body, &positions) };
            Some(Searched { words, fresh })
        });
        // keep what was searched
        let mut fresh: Vec<Vec<(DocId, Box<[u32]>)>> = vec![Vec::new(); search.needles.len()];
        let mut found: Vec<Option<Vec<(usize, usize)>>> = docs
            .iter()
            .zip(found)
            .map(|(&d, s)| {
                s.map(|s| {
                    for (n, p) in s.fresh {
                        fresh[n].push((d, p));
                    }
                    s.words
                })
            })
            .collect();
        {
            let mut cache = ws.hit_cache();
            for (n, f) in fresh.into_iter().enumerate() {
                if let Some(needle) = search.needles.get(n) {
                    cache.add(needle, f);
                }
            }
        }
        let mut by_word = FxHashMap::default();
        let mut out = Vec::with_capacity(docs.len());
        for (&d, found) in docs.iter().zip(found.drain(..)) {
            let mut mentions = Vec::new();
            match found {
                Some(words) if !search.has_pairs => self.mentions_of_words(d, &words, members, key, &mut by_word, &mut mentions),
                Some(positions) => {
                    let positions: Vec<usize> = positions.into_iter().map(|(p, _)| p).collect();
                    self.cluster_mentions_literal(d, members, &positions, key, &mut mentions)
                }
                None => mentions.extend(self.cluster_mentions_in(d, members, key)),
            }
            out.push((d, mentions.into()));
        }
        out
    }

    /// Mentions made by the given words (byte ranges of whole tokens) of a literal document:
    /// each distinct written form is resolved once per query.
    fn mentions_of_words<'t>(
        &'t self,
        d: DocId,
        words: &[(usize, usize)],
        members: &FxHashSet<&str>,
        key: &EntityKey,
        memo: &mut FxHashMap<&'t str, Option<(usize, Arc<str>, bool)>>,
        out: &mut Vec<Mention>,
    ) where
        'a: 't,
    {
        let Some(doc) = self.workspace().doc(d) else { return };
        let text: &'t str = &doc.text;
        for &(start, end) in words {
            let raw = &text[start..end];
            let r = memo.entry(raw).or_insert_with(|| {
                let w = scan_words_range(text, start, end).into_iter().next().filter(|w| !w.tanween && w.token.start == start && w.token.end == end)?;
                let (prefix, spelling, lil) = self.resolve_word(&w);
                // the text starts with the word's L0 form: its chars map to source chars one to one
                members.contains(spelling.as_str()).then(|| (raw.len() - crate::text::clitics::without_prefix(raw, prefix).len(), spelling.into(), lil))
            });
            if let Some((prefix_bytes, spelling, lil)) = r {
                out.push(Mention { doc: d, span: start + *prefix_bytes..end, spelling: spelling.clone(), lil: *lil, key: key.clone(), short: false });
            }
        }
    }

    /// The entities whose first references lookup reads the most text: the names spelled
    /// in at least `min_docs` documents, most widespread first (at most `limit`). Looking
    /// them up once ahead (`references`) keeps where their spellings are (`hits`), so a
    /// user's first lookup of them does not read those documents again.
    pub fn widespread_entities(&self, min_docs: usize, limit: usize) -> Vec<EntityKey> {
        let ws = self.workspace();
        let lex = self.lexicon();
        let mut out: Vec<EntityKey> = Vec::new();
        for id in ws.widespread_words(min_docs) {
            if out.len() >= limit {
                break;
            }
            let spelling = ws.word(id).0;
            if spelling.contains(' ') || lex.is_function_word(&to_l1(spelling)) {
                continue;
            }
            if let Some(c) = self.cluster(spelling).or_else(|| self.entity_only_cluster(spelling)) {
                let key = EntityKey::Cluster(c.canonical.as_str().into());
                if !out.contains(&key) {
                    out.push(key);
                }
            }
        }
        out
    }

    /// `references` reading every document whole: the reference the literal search is
    /// checked against (tests, `isnad-bench bench`).
    pub fn references_full_scan(&self, key: &EntityKey) -> Vec<Mention> {
        let canonical = match key {
            EntityKey::Cluster(canonical) => canonical,
            EntityKey::Phrase(l1) => return self.phrase_mentions_full_scan(l1),
            EntityKey::Local(kind, l1) => return self.local_mentions_in(*kind, l1, self.workspace().docs_in_order(), usize::MAX, None, false),
        };
        let Some((_, docs, members)) = self.cluster_scope(canonical) else { return Vec::new() };
        docs.into_iter().flat_map(|d| self.cluster_mentions_in(d, &members, key)).collect()
    }

    /// A cluster entity, the documents holding any of its spellings (in source order) and
    /// its spellings.
    fn cluster_scope(&self, canonical: &str) -> Option<(Arc<ClusterInfo>, Vec<DocId>, FxHashSet<&'a str>)> {
        let ws = self.workspace();
        let c = self.cluster(canonical).or_else(|| self.entity_only_cluster(canonical))?;
        let mut docs: Vec<DocId> = c.members.iter().flat_map(|&m| ws.word(m).1.docs.iter().copied()).collect();
        if c.members.len() > 1 {
            docs.sort_unstable();
            docs.dedup();
        }
        ws.sort_in_source_order(&mut docs);
        let members = c.members.iter().map(|&m| ws.word(m).0).collect();
        Some((c, docs, members))
    }

    /// Mentions of a cluster's spellings in one document: a quick pass that only resolves
    /// the words whose form (or remainder after a proclitic) is one of the spellings.
    fn cluster_mentions_in(&self, d: DocId, members: &FxHashSet<&str>, key: &EntityKey) -> Vec<Mention> {
        let Some(doc) = self.workspace().doc(d) else { return Vec::new() };
        let words = scan_words(&doc.text, doc.body_start);
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if let Some(pair) = self.member_pair(&words, i, members) {
                out.push(Mention { doc: d, span: words[i].token.start..words[i + 1].token.end, spelling: pair.into(), lil: false, key: key.clone(), short: false });
                i += 2;
                continue;
            }
            let w = &words[i];
            let mut candidate = members.contains(w.l0());
            if !candidate {
                crate::text::clitics::for_each_split(w.l0(), 3, |_, rest, lil| {
                    candidate |= if lil { rest.strip_prefix('ل').is_some_and(|r| members.contains(format!("ال{r}").as_str())) } else { members.contains(rest) };
                });
            }
            if candidate {
                out.extend(self.word_mention(d, w, members, key));
            }
            i += 1;
        }
        out
    }

    /// Words `i`, `i + 1` written as one of the spellings (a name particle and a word).
    fn member_pair(&self, words: &[Word], i: usize, members: &FxHashSet<&str>) -> Option<String> {
        let (w, next) = (words.get(i)?, words.get(i + 1)?);
        if next.token.gap_before != Gap::Space || !self.lexicon().is_name_particle(&w.l1) {
            return None;
        }
        let pair = bigram_key(w.l0(), next.l0());
        members.contains(pair.as_str()).then_some(pair)
    }

    /// The same mentions as `cluster_mentions_in`, for a document whose words contain their
    /// spellings literally (`Workspace::is_literal`): only the few words around a literal
    /// match are read, instead of the whole document. A name found in thousands of
    /// documents is listed in milliseconds this way. Each match is analysed in a window of
    /// two whitespace-separated chunks before it and one after, which holds every word the
    /// whole-document pass would consult (a two-word spelling is separated by spaces only).
    fn cluster_mentions_literal(
        &self,
        d: DocId,
        members: &FxHashSet<&str>,
        candidates: &[usize],
        key: &EntityKey,
        out: &mut Vec<Mention>,
    ) {
        let Some(doc) = self.workspace().doc(d) else { return };
        let text = &doc.text[..];
        let body = crate::corpus::document::floor_char_boundary(text, doc.body_start);
        // everything before `done` has been decided (a mention made, or no mention)
        let mut done = body;
        for &pos in candidates {
            if pos < done {
                continue;
            }
            let from = chunks_back(text, done.max(body), pos, 2);
            let to = chunks_forward(text, pos, 1);
            let words = scan_words_range(text, from, to);
            let Some(j) = words.iter().position(|w| w.token.start <= pos && pos < w.token.end) else { continue };
            if words[j].token.start < done {
                continue;
            }
            // the previous word may still pair with this one, unless it was taken by its own
            // previous word or was already decided
            let prev_free = j >= 1 && words[j - 1].token.start >= done && !(j >= 2 && self.member_pair(&words, j - 2, members).is_some());
            if prev_free {
                if let Some(pair) = self.member_pair(&words, j - 1, members) {
                    out.push(Mention { doc: d, span: words[j - 1].token.start..words[j].token.end, spelling: pair.into(), lil: false, key: key.clone(), short: false });
                    done = words[j].token.end;
                    continue;
                }
            }
            if let Some(pair) = self.member_pair(&words, j, members) {
                out.push(Mention { doc: d, span: words[j].token.start..words[j + 1].token.end, spelling: pair.into(), lil: false, key: key.clone(), short: false });
                done = words[j + 1].token.end;
                continue;
            }
            done = words[j].token.end;
            out.extend(self.word_mention(d, &words[j], members, key));
        }
    }

    /// The mention one word makes when it (or its remainder after a proclitic) resolves to
    /// one of the spellings; a tanween word makes none.
    fn word_mention(&self, d: DocId, w: &Word, members: &FxHashSet<&str>, key: &EntityKey) -> Option<Mention> {
        if w.tanween {
            return None;
        }
        let (prefix, spelling, lil) = self.resolve_word(w);
        members.contains(spelling.as_str()).then(|| Mention {
            doc: d,
            span: w.folded.source_offset(prefix)..w.token.end,
            spelling: spelling.into(),
            lil,
            key: key.clone(),
            short: false,
        })
    }

    /// Entities whose spellings match a query, tolerant of hamza, diacritics and
    /// transliteration (كاراباخ finds قره باغ). Best matches first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<EntityKey> {
        let ws = self.workspace();
        let q = l0(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let (ql1, qsk, _) = super::index::spelling_keys(&q);
        let mut found: Vec<(u8, u32, EntityKey)> = Vec::new();
        let mut seen = FxHashSet::default();
        let mut consider = |spelling: &str, rank: u8, found: &mut Vec<(u8, u32, EntityKey)>| {
            if let Some(c) = self.cluster(spelling) {
                if seen.insert(c.canonical.clone()) {
                    found.push((rank, c.canonical_mentions, EntityKey::Cluster(c.canonical.as_str().into())));
                }
            }
        };
        for &id in ws.by_l1.get(ql1.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
            consider(ws.word(id).0, 0, &mut found);
        }
        if qsk.chars().count() >= 3 {
            for &id in ws.by_skeleton.get(qsk.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
                consider(ws.word(id).0, 1, &mut found);
            }
        }
        // a whole multiword name: listed, or a ministry (وزارة الخارجية الروسية, الخارجية الروسية)
        if let Some(p) = self.lexicon().phrase(&ql1) {
            if seen.insert(p.key.clone()) && !ws.docs_with_l1(p.key.rsplit(' ').next().unwrap_or(&p.key)).is_empty() {
                found.push((0, u32::MAX, EntityKey::Phrase(p.key.as_str().into())));
            }
        }
        // phrases of the gazetteer/style guide that contain the query as a word
        for key in self.lexicon().phrases_containing(&ql1) {
            let key = self.lexicon().phrase(&key).map_or(key, |p| p.key.clone());
            if seen.insert(key.clone()) && ws.docs_with_l1(key.rsplit(' ').next().unwrap_or(&key)).iter().any(|_| true) {
                found.push((2, 0, EntityKey::Phrase(key.into())));
            }
        }
        found.sort_by(|a, b| (a.0, std::cmp::Reverse(a.1)).cmp(&(b.0, std::cmp::Reverse(b.1))));
        found.into_iter().take(limit).map(|x| x.2).collect()
    }

    fn resolve_word(&self, w: &Word) -> (usize, String, bool) {
        self.resolve_pub(w)
    }
}

/// A name read at the mention as `Caches::locals` keeps it: its mention keyed by the name
/// itself (`local_candidate`), its kind, and the word whose entity may be its own instead
/// (`local_key`, asked when the name is).
#[derive(Clone)]
pub(crate) struct LocalCandidate {
    mention: Mention,
    kind: EntityKind,
    last: Word,
}

/// The words whose readings decided a phrase's mentions around its matches (those `all_names`
/// asked about: the words of a listed phrase written there), for what its kept mentions
/// depend on (`Caches::phrases`): each distinct word, and each pair of neighbours that may be
/// one two-word spelling (قره باغ).
#[derive(Default)]
struct PhraseReads {
    words: FxHashSet<String>,
    pairs: FxHashSet<String>,
}

impl PhraseReads {
    fn note(&mut self, an: &Analyzer, words: &[Word]) {
        for (i, w) in words.iter().enumerate() {
            if !self.words.contains(w.l0()) {
                self.words.insert(w.l0().to_string());
            }
            if let Some(next) = words.get(i + 1).filter(|next| is_bigram_candidate(w, next, an.lexicon())) {
                self.pairs.insert(bigram_key(w.l0(), next.l0()));
            }
        }
    }

    /// The hashes of the keys whose statistics the readings of these words may have read:
    /// as for a document's local names (`local_name_dependencies`), each word's L1, skeleton
    /// and bag keys and its kept cluster's, and the same of what its proclitics may hide.
    fn dependencies(&self, an: &Analyzer) -> Vec<u64> {
        let mut deps = Vec::new();
        for w in &self.words {
            an.word_dependencies(w, &mut deps);
        }
        for pair in &self.pairs {
            an.form_dependencies(pair, &mut deps);
        }
        deps
    }
}

/// Last words of compound surnames (نصر الله, شمس الدين), L1: the surname is two words.
const COMPOUND_ENDS: [&str; 2] = ["الله", "الدين"];

/// A name read at its mention (`person_names`, `org_names`): its kind, its words, and the
/// letters of a proclitic on the first word.
struct LocalName {
    kind: EntityKind,
    words: Range<usize>,
    prefix_chars: usize,
    /// The last word alone, standing for the full name at these words (and its proclitic's
    /// letters) earlier in the document.
    echo_of: Option<(Range<usize>, usize)>,
}

/// The country of `countries` a word names, as written or after its proclitics as the
/// clitic module splits them (والمغرب, بالمغرب, للمغرب: ل before the article drops its alef;
/// the same readings `place_names` gave the country at its first mention), with the
/// proclitic's letters.
fn country_mention<'c>(w: &Word, countries: &'c FxHashMap<String, Option<(EntityKind, Range<usize>, usize)>>) -> Option<(usize, &'c (EntityKind, Range<usize>, usize))> {
    if countries.is_empty() {
        return None;
    }
    if let Some(Some(c)) = countries.get(&w.l1) {
        return Some((0, c));
    }
    let mut found = None;
    crate::text::clitics::for_each_split(w.l0(), 3, |prefix_chars, rest, lil| {
        if found.is_none() {
            let name = if lil { to_l1(&format!("ا{rest}")) } else { to_l1(rest) };
            found = countries.get(&name).and_then(Option::as_ref).map(|c| (prefix_chars, c));
        }
    });
    found
}

/// Whether a country whose name is an ordinary word too, named as the country elsewhere in
/// the document, is the country at word `k`: not in construct after a noun or as an
/// adjective after one (صلاة المغرب "sunset prayer", دعم مالي "financial support"), but at a
/// phrase's start or after a function word, a verb of saying or of a match (a preposition
/// written on the word, للمغرب, is one too).
fn country_slot(words: &[Word], k: usize, lex: &super::lexicon::Lexicon) -> bool {
    let w = &words[k];
    if k == 0 || w.token.gap_before != Gap::Space {
        return true;
    }
    let l1 = words[k - 1].l1.as_str();
    let bare = l1.strip_prefix(['و', 'ف']).unwrap_or(l1);
    [l1, bare].iter().any(|x| lex.is_function_word(x) || lex.is_place_cue(x) || lex.is_saying_verb(x) || lex.is_match_verb(x))
}

/// Whether the word at `k` stands where a sentence's subject stands: right after a verb of
/// saying (وقال صالح), a person's role (الرئيس صالح) or the verb that opens a sentence (وحصل
/// محفوظ على, ولد محفوظ في), and not before a word with the article it would describe or
/// govern (صالح الشعب "the people's interest").
fn subject_slot(words: &[Word], k: usize, lex: &super::lexicon::Lexicon) -> bool {
    let (Some(prev), w) = (k.checked_sub(1).and_then(|j| words.get(j)), &words[k]) else { return false };
    if w.token.gap_before != Gap::Space || prev.tanween {
        return false;
    }
    if words.get(k + 1).is_some_and(|next| next.token.gap_before == Gap::Space && next.l0().starts_with("ال")) {
        return false;
    }
    let l1 = prev.l1.as_str();
    let bare = l1.strip_prefix(['و', 'ف']).unwrap_or(l1);
    if lex.is_saying_verb(l1) || lex.is_saying_verb(bare) || lex.is_person_role(l1) || lex.is_person_title(l1) {
        return true;
    }
    // a sentence's first word with the conjunction, no article, nothing of a closed class:
    // a verb before its subject
    let opens_sentence = k == 1 || prev.token.gap_before == Gap::Break;
    opens_sentence && (l1.starts_with('و') || l1.starts_with('ف')) && prev.letters() >= 4 && !bare.starts_with("ال")
        && !lex.is_function_word(l1) && !lex.is_function_word(bare) && !lex.is_cue_word(bare)
}

/// A literal search for a cluster's spellings: each spelling's last word (the second word of
/// a two-word spelling), with the article's alef dropped from ال (للعراق holds لعراق, not
/// العراق). Every word whose form, or remainder after a proclitic, is a spelling contains
/// one of the needles.
struct LiteralSearch {
    needles: crate::text::search::Needles,
    /// Some spelling has two words (قره باغ): neighbouring words must be read too.
    has_pairs: bool,
}

impl LiteralSearch {
    fn new(members: &FxHashSet<&str>) -> Option<LiteralSearch> {
        let needles = crate::text::search::Needles::new(members.iter().map(|m| LiteralSearch::needle(m)))?;
        Some(LiteralSearch { needles, has_pairs: members.iter().any(|m| m.contains(' ')) })
    }

    fn needle(spelling: &str) -> &str {
        let last = spelling.rsplit(' ').next().unwrap_or(spelling);
        last.strip_prefix('ا').filter(|r| r.starts_with('ل')).unwrap_or(last)
    }

    /// Matches of one needle in a document's body that can be a spelling: a spelling ends
    /// its word and follows at most a three-letter proclitic (وللعراق holds لعراق after two
    /// letters), so most matches inside longer words are dismissed here without tokenizing
    /// anything. Sorted.
    /// `None` for a document that must be read whole (`Workspace::find_in_body`).
    fn candidates(&self, ws: &Workspace, d: DocId, needle: usize, hits: &mut Vec<(usize, usize)>) -> Option<Vec<usize>> {
        hits.clear();
        ws.find_in_body(d, &self.needles, [needle], hits)?;
        let doc = ws.doc(d)?;
        let (text, body) = (&doc.text[..], crate::corpus::document::floor_char_boundary(&doc.text, doc.body_start));
        Some(hits.iter().filter(|&&(a, b)| ends_word(text, b) && near_word_start(text, body, a)).map(|&(a, _)| a).collect())
    }
}

/// How a phrase entity's short names are found (`Analyzer::short_name_scope`).
struct ShortNameScope<'h> {
    /// Its own heads (none unless it is an organisation).
    heads: Vec<&'h str>,
    /// Every form holds one of them: the walk alone finds every mention.
    walk_only: bool,
}

/// A literal search for short-name head words: every written form of each head, alone or
/// with the article (its alef dropped: للوزارة holds لوزارة). Each head word, proclitics and
/// all, contains one.
struct HeadSearch {
    needles: crate::text::search::Needles,
}

impl HeadSearch {
    fn new(ws: &Workspace, heads: &[&str]) -> Option<HeadSearch> {
        let mut forms: FxHashSet<&str> = FxHashSet::default();
        for h in heads {
            for l1_form in ws.lexicon().head_word_forms(h) {
                forms.extend(ws.by_l1.get(l1_form.as_str()).into_iter().flatten().map(|&id| LiteralSearch::needle(ws.word(id).0)));
            }
        }
        crate::text::search::Needles::new(forms.iter().copied()).map(|needles| HeadSearch { needles })
    }

    /// The starts of the words of a literal document that can be head words (sorted,
    /// distinct); `None` for a document that must be read whole.
    fn head_words(&self, ws: &Workspace, d: DocId) -> Option<Vec<usize>> {
        let mut hits = Vec::new();
        ws.find_in_body(d, &self.needles, 0..self.needles.len(), &mut hits)?;
        let doc = ws.doc(d)?;
        let text = &doc.text[..];
        let body = crate::corpus::document::floor_char_boundary(text, doc.body_start);
        // a needle ends its head word, after at most a proclitic and the article
        let near_start = |a: usize| letters_back(text, body, a, 6) <= 5;
        let mut starts: Vec<usize> = hits.into_iter().filter(|&(a, b)| ends_word(text, b) && near_start(a)).map(|(a, _)| a).collect();
        starts.sort_unstable();
        Some(words_at(text, body, &starts).into_iter().map(|(start, _)| start).collect())
    }
}

/// What the search of one document found: the words (or, for clusters with two-word
/// spellings, the positions) to analyse, and the positions of needles searched afresh.
struct Searched {
    words: Vec<(usize, usize)>,
    fresh: Vec<(usize, Box<[u32]>)>,
}

/// Whether `words` hold a name read at one mention whose key is `name` (its words' L1
/// forms): its words after the first in a row, and the first ending the word before them
/// (a proclitic may stand before it; after لل the article's alef is not written). Every
/// mention keyed by the name, an echo of it included (an echo is keyed by the full name
/// written in the same document), is such a row, so documents without one hold none.
fn names_in_a_row(words: &[Word], name: &[&str]) -> bool {
    let Some((first, rest)) = name.split_first() else { return false };
    let after_lil = first.strip_prefix('ا');
    words.windows(name.len()).any(|w| {
        w[1..].iter().zip(rest).all(|(w, n)| w.l1 == *n)
            && (w[0].l1.ends_with(first) || after_lil.is_some_and(|a| w[0].l1.starts_with("لل") && w[0].l1.ends_with(a)))
    })
}

/// `f` of every document, in order: on every core when there are enough documents to pay
/// for it (the text searches of references).
fn map_docs<T: Send>(docs: &[DocId], f: impl Fn(DocId) -> T + Sync) -> Vec<T> {
    // (a request's answer may stop being wanted between two documents, and inside one: a
    // document's words may need clusters read anew, which look at the interrupt of the
    // thread they run on, so each document runs under the caller's)
    let interrupt = super::interrupt::current();
    let each = |&d: &DocId| {
        interrupt.check();
        super::interrupt::run(interrupt.clone(), || f(d))
    };
    if docs.len() >= 64 {
        use rayon::prelude::*;
        docs.par_iter().map(each).collect()
    } else {
        docs.iter().map(each).collect()
    }
}

/// A char that the L0 form keeps as part of a word (Rust counts Arabic vowel marks as
/// alphabetic; L0 drops them).
fn is_letter(c: char) -> bool {
    use crate::text::normalize::{dropped_at_l0, is_arabic_letter};
    is_arabic_letter(c) || (c.is_alphanumeric() && !dropped_at_l0(c))
}

/// No letter follows `end`: a match there ends its word (marks such as tanween may follow).
/// (What L0 drops, marks, tatweel and joiners, is skipped: inside a word it may stand
/// between letters, `Literal::Except`.)
fn ends_word(text: &str, end: usize) -> bool {
    !text[end..].chars().find(|&c| !dropped_at_l0(c)).is_some_and(is_letter)
}

/// At most three letters lie between the word's start and `pos` (what L0 drops aside).
fn near_word_start(text: &str, floor: usize, pos: usize) -> bool {
    letters_back(text, floor, pos, 4) <= 3
}

/// How many letters (at most `most`) stand right before `pos` in its word, what L0 drops
/// aside.
fn letters_back(text: &str, floor: usize, pos: usize, most: usize) -> usize {
    text[floor..pos].chars().rev().filter(|&c| !dropped_at_l0(c)).take(most).take_while(|&c| is_letter(c)).count()
}

/// The distinct tokens holding the given positions (sorted) of a literal document's body.
fn words_at(text: &str, body: usize, positions: &[usize]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(positions.len());
    for &pos in positions {
        if out.last().is_some_and(|&(_, end)| pos < end) {
            continue;
        }
        out.extend(token_span_at(text, body, pos));
    }
    out
}

/// The start of the whitespace-separated chunk holding `pos`, moved back `n` more chunks
/// (never before `floor`).
fn chunks_back(text: &str, floor: usize, pos: usize, n: usize) -> usize {
    let mut i = pos.max(floor);
    let back = |i: usize| text[floor..i].chars().next_back();
    for k in 0..=n {
        if k > 0 {
            while let Some(c) = back(i).filter(|c| c.is_whitespace()) {
                i -= c.len_utf8();
            }
        }
        while let Some(c) = back(i).filter(|c| !c.is_whitespace()) {
            i -= c.len_utf8();
        }
    }
    i
}

/// The end of the whitespace-separated chunk holding `pos`, moved forward `n` more chunks.
fn chunks_forward(text: &str, pos: usize, n: usize) -> usize {
    let mut i = pos;
    let fwd = |i: usize| text[i..].chars().next();
    for k in 0..=n {
        if k > 0 {
            while let Some(c) = fwd(i).filter(|c| c.is_whitespace()) {
                i += c.len_utf8();
            }
        }
        while let Some(c) = fwd(i).filter(|c| !c.is_whitespace()) {
            i += c.len_utf8();
        }
    }
    i
}

/// A document's mentions with the walk over its head words (`short_names_in`) laid over
/// them: the walk's mentions (short names, phrase keys resolved) replace any they overlap.
fn merge_walked(mentions: Vec<Mention>, walked: Vec<Mention>) -> Vec<Mention> {
    if walked.is_empty() {
        return mentions;
    }
    let overlaps = |m: &Mention| {
        let i = walked.partition_point(|w| w.span.end <= m.span.start);
        walked.get(i).is_some_and(|w| w.span.start < m.span.end)
    };
    let mut out: Vec<Mention> = mentions.into_iter().filter(|m| !overlaps(m)).collect();
    out.extend(walked);
    out.sort_by_key(|m| m.span.start);
    out
}

/// The mentions of one phrase entity among the walk's.
fn of_phrase(walked: Vec<Mention>, l1: &str) -> Vec<Mention> {
    walked.into_iter().filter(|m| matches!(&m.key, EntityKey::Phrase(k) if **k == *l1)).collect()
}

/// A phrase entity's mentions in one document with the walk over its heads: the walk's
/// mentions of the entity, and its own mentions the walk did not reach.
fn with_walked(own: Vec<Mention>, walked: Vec<Mention>, l1: &str) -> Vec<Mention> {
    let reached: FxHashSet<usize> = walked.iter().map(|m| m.span.start).collect();
    let mut out: Vec<Mention> = own.into_iter().filter(|m| !reached.contains(&m.span.start)).collect();
    out.extend(walked.into_iter().filter(|m| matches!(&m.key, EntityKey::Phrase(k) if **k == *l1)));
    out.sort_by_key(|m| m.span.start);
    out
}

fn is_adjective(an: &Analyzer, name: &str) -> bool {
    let l1 = to_l1(name);
    name.starts_with("ال") || an.lexicon().nisba_base(&l1).is_some() || name.ends_with('ة')
}

/// Entities of a document grouped by kind, for document symbols: (entity, mentions).
pub fn document_entities(ws: &Workspace, doc: DocId) -> Vec<(EntityInfo, Vec<Range<usize>>)> {
    ws.with_analyzer(|an| document_entities_with(an, doc))
}

fn document_entities_with(an: &Analyzer, doc: DocId) -> Vec<(EntityInfo, Vec<Range<usize>>)> {
    let mut by_key: Vec<(EntityKey, Vec<Range<usize>>)> = Vec::new();
    for m in an.entity_mentions(doc) {
        match by_key.iter_mut().find(|(k, _)| *k == m.key) {
            Some((_, v)) => v.push(m.span),
            None => by_key.push((m.key, vec![m.span])),
        }
    }
    by_key
        .into_iter()
        .filter_map(|(k, spans)| an.entity(&k, Some(doc)).map(|e| (e, spans)))
        // nisba adjectives (الأرمينية, روسية) describe; they are not the document's entities
        .filter(|(e, _)| !(e.kind == EntityKind::Other && is_adjective(an, &e.name)))
        .collect()
}

/// The documents that hold the words of one of a phrase's forms (L1): the rarest word
/// decides, not the last one, which may be في, in nearly every document (إن تي في). The
/// first word is left aside (it may carry a proclitic, and the postings count no remainder
/// under three letters: وإن), and so are the words under three letters (never indexed).
fn docs_with_form_words(ws: &Workspace, forms: &[String]) -> Vec<DocId> {
    let mut out: Vec<DocId> = Vec::new();
    for form in forms {
        let words: Vec<&str> = form.split(' ').collect();
        let indexed: Vec<&str> = words.iter().skip(1).copied().filter(|w| w.chars().count() >= 3).collect();
        let rest = if indexed.is_empty() { &words[words.len() - 1..] } else { &indexed[..] };
        let lists: Vec<Vec<DocId>> = rest.iter().map(|w| ws.docs_with_l1(w)).collect();
        out.extend(in_every(lists.iter().map(Vec::as_slice).collect()));
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Workspace {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/seeds");
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        let mut ws = Workspace::new(crate::corpus::config::Config::default());
        ws.load(files.iter().map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), p.clone(), std::fs::read_to_string(p).unwrap())).collect());
        ws
    }

    /// A workspace of the given texts (0.txt, 1.txt, …).
    fn workspace_of(config: crate::corpus::config::Config, texts: &[&str]) -> Workspace {
        let mut ws = Workspace::new(config);
        ws.load(texts.iter().enumerate().map(|(i, t)| (format!("{i}.txt"), std::path::PathBuf::from(format!("/c/{i}.txt")), t.to_string())).collect());
        ws
    }

    /// Every entity of every document: the literal search finds exactly the mentions a
    /// reading of every document finds.
    fn assert_references_match_full_scan(ws: &Workspace) -> usize {
        let mut checked = 0;
        for id in ws.docs_in_order() {
            let keys: Vec<EntityKey> = ws.with_analyzer(|an| an.entity_mentions(id).into_iter().map(|m| m.key).collect());
            for key in keys {
                let (fast, full) = ws.with_analyzer(|an| (an.references(&key), an.references_full_scan(&key)));
                assert_eq!(fast, full, "{key:?}");
                assert!(!fast.is_empty(), "{key:?}");
                checked += 1;
            }
        }
        checked
    }

    #[test]
    fn an_interrupt_reaches_inside_a_document_on_every_core() {
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        // the work of one document raises the interrupt, then looks at it as nested analysis
        // does (`interrupt::check`, on whichever thread runs it): it must stop there
        let raised = Arc::new(AtomicBool::new(false));
        let flag = raised.clone();
        let interrupt = crate::analysis::interrupt::Interrupt::new(move || flag.load(Ordering::SeqCst));
        let finished_after_raising = AtomicUsize::new(0);
        let docs: Vec<DocId> = (0..256).collect();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            crate::analysis::interrupt::run(interrupt, || {
                map_docs(&docs, |d| {
                    if d == 100 {
                        raised.store(true, Ordering::SeqCst);
                        crate::analysis::interrupt::check();
                        finished_after_raising.fetch_add(1, Ordering::SeqCst);
                    }
                    d
                })
            })
        }));
        let payload = outcome.expect_err("the interrupt stops the work");
        assert!(crate::analysis::interrupt::is_interruption(payload.as_ref()));
        assert_eq!(finished_after_raising.load(Ordering::SeqCst), 0, "a document's work ran on past the interrupt");
    }

    /// Each entity's references as (document path, span, spelling).
    type ReferencesByPath = Vec<(EntityKey, Vec<(String, Range<usize>, String)>)>;

    /// Every entity's references (document, span, spelling), by path, as `ws` answers them.
    fn all_references(ws: &Workspace, keys: &[EntityKey]) -> ReferencesByPath {
        keys.iter()
            .map(|k| {
                let refs = ws.with_analyzer(|an| an.references(k));
                (k.clone(), refs.into_iter().map(|m| (ws.doc(m.doc).unwrap().rel_path.clone(), m.span, m.spelling.to_string())).collect())
            })
            .collect()
    }

    /// `steps` random edits of `texts` (words of `pool`, `seed`): before each, every entity's
    /// references as the edited workspace answers them equal a fresh index's. `seen` is shown
    /// the workspace and the keys asked at each step.
    fn references_follow_random_edits(mut texts: Vec<String>, pool: &[&str], seed: u64, steps: usize, mut seen: impl FnMut(&Workspace, &[EntityKey])) {
        fn refs(t: &[String]) -> Vec<&str> {
            t.iter().map(String::as_str).collect()
        }
        let mut ws = workspace_of(crate::corpus::config::Config::default(), &refs(&texts));
        let mut edits = crate::analysis::testing::RandomEdits::new(seed, pool);
        for step in 0..steps {
            let fresh = workspace_of(crate::corpus::config::Config::default(), &refs(&texts));
            let keys: Vec<EntityKey> = {
                let mut k: Vec<EntityKey> = fresh.docs_in_order().into_iter().flat_map(|d| fresh.with_analyzer(|an| an.entity_mentions(d)).into_iter().map(|m| m.key)).collect();
                k.sort();
                k.dedup();
                k
            };
            assert_eq!(all_references(&ws, &keys), all_references(&fresh, &keys), "step {step}: {texts:?}");
            seen(&ws, &keys);
            let d = edits.edit(&mut texts);
            ws.upsert(format!("{d}.txt"), std::path::PathBuf::from(format!("/c/{d}.txt")), Arc::from(texts[d].as_str()));
        }
    }

    /// Mentions kept per document follow every edit: after each, every entity's references
    /// equal those of a fresh index of the same texts (edits of a document that holds the
    /// name, of one that does not, proclitic forms and look-alikes written anew or erased).
    #[test]
    fn kept_references_follow_every_edit() {
        let pool = ["روسيا", "وروسيا", "لروسيا", "بروسيا", "روسية", "بوتين", "وبوتين", "لبوتين", "بوتن", "فلاديمير", "الرئيس", "قال",
                    "العراق", "والعراق", "للعراق", "العراقي", "قره", "باغ", "كاراباخ", "في", "و", "بوتِين"];
        let texts: Vec<String> = vec![
            "قال الرئيس الروسي فلاديمير بوتين إن روسيا مستعدة. وقال بوتين لبوتين وبروسيا والعراق".into(),
            "الرئيس فلاديمير بوتين زار العراق. قال بوتين: روسيا والعراق العراق".into(),
            "إقليم ناغورني قره باغ وقره باغ. منطقة كاراباخ في روسيا".into(),
            "هطلت الأمطار على المدينة".into(),
        ];
        let mut kept_after_edit = 0;
        references_follow_random_edits(texts, &pool, 0x2545f4914f6cdd1d, 150, |ws, _| {
            kept_after_edit += ws.caches().references.iter().map(|e| e.docs.len()).sum::<usize>();
        });
        assert!(kept_after_edit > 0, "no mentions were ever kept");
    }

    /// The mentions of a listed phrase kept per document (`Caches::phrases`) follow every
    /// edit: a phrase with proclitics, a longer phrase running on past it, a phrase whose
    /// words become names of their own when look-alikes are written elsewhere (بايرن ميونيخ
    /// beside بايرين and ميونخ), written anew or erased here and elsewhere.
    #[test]
    fn kept_phrase_mentions_follow_every_edit() {
        let pool = ["الولايات", "المتحدة", "والولايات", "للولايات", "الأمريكية", "قره", "باغ", "وقره", "ناغورني", "كاراباخ", "إقليم", "قال",
                    "وزارة", "الخارجية", "الروسية", "السياسة", "بايرن", "ميونيخ", "ميونخ", "بايرين", "فاز", "في", "و", "."];
        let texts: Vec<String> = vec![
            "قالت الولايات المتحدة إن الولايات المتحدة الأمريكية. وفي إقليم ناغورني قره باغ قال".into(),
            "زار الوزير الولايات المتحدة وقره باغ. والولايات المتحدة للولايات المتحدة وفاز بايرن ميونيخ".into(),
            "منطقة كاراباخ وقره باغ. قالت وزارة الخارجية الروسية إن وزارة الخارجية و السياسة الخارجية الروسية".into(),
            "فاز بايرن ميونيخ على ضيفه".into(),
        ];
        let (mut kept_after_edit, mut phrases_asked) = (0, 0);
        references_follow_random_edits(texts, &pool, 0x9e3779b97f4a7c15, 300, |ws, keys| {
            phrases_asked += keys.iter().filter(|k| matches!(k, EntityKey::Phrase(_))).count();
            kept_after_edit += ws.caches().phrases.iter().map(|e| e.docs.len()).sum::<usize>();
        });
        assert!(phrases_asked > 300 && kept_after_edit > 0, "phrases asked {phrases_asked}, kept {kept_after_edit}");
    }

    /// A phrase's kept mentions follow its words' readings elsewhere: one more بايرن written
    /// in one document (among look-alikes: بايرين, ميونخ) makes each word a name of its own,
    /// and بايرن ميونيخ in the documents nobody edited is no longer read as the listed club.
    /// (Texts from a run of random edits, where the change first showed.)
    #[test]
    fn kept_phrase_mentions_follow_their_words_elsewhere() {
        let phrase = [EntityKey::Phrase("بايرن ميونيخ".into())];
        let before = "على بايرين يونايتيد مدرب بايرين مانشيستر و فاز و فاز بايرين بايرين بايرين يونايتد مانشيستر مانشستر مانشستر قال مدرب مدرب بايرن ميونخ بايرين على قال على ميونيخ على مانشستر مدرب ميونخ قال . مدرب على و";
        let after = before.replacen("قال على ميونيخ", "قال بايرن على ميونيخ", 1);
        let others = [
            "و قال يونايتيد بايرن بايرين بايرن يونايتيد على بايرن مانشيستر مانشستر و بايرن ميونيخ يونايتيد على مدرب مانشستر قال ميونيخ مانشستر مانشستر",
            "على بايرين ميونخ مانشستر يونايتيد ميونخ فاز يونايتد و بايرن ميونيخ .",
            "مدرب ميونيخ ميونخ . بايرن بايرن فاز فاز يونايتيد ميونخ بايرين بايرين مانشيستر ميونخ . و مانشستر بايرين ميونخ يونايتد ميونخ على",
        ];
        let config = crate::corpus::config::Config::default;
        let mut ws = workspace_of(config(), &[before, others[0], others[1], others[2]]);
        let kept = all_references(&ws, &phrase);
        assert_eq!(kept[0].1.len(), 2, "{kept:?}");
        ws.upsert("0.txt".into(), std::path::PathBuf::from("/c/0.txt"), Arc::from(after.as_str()));
        let fresh = all_references(&workspace_of(config(), &[after.as_str(), others[0], others[1], others[2]]), &phrase);
        assert!(fresh[0].1.is_empty(), "the corpus no longer reads the club: {fresh:?}");
        assert_eq!(all_references(&ws, &phrase), fresh);
    }

    /// The names read at the mention kept per document (`Caches::locals`) follow every edit:
    /// organisations after their head noun and their short names, a country that is an
    /// ordinary word too, people after a role, written anew or erased here and elsewhere.
    #[test]
    fn kept_local_names_follow_every_edit() {
        let pool = ["قطر", "بقطر", "دولة", "نصف", "حركة", "حماس", "صحيفة", "القدس", "نادي", "تشلسي", "فوز", "خافيير", "سولانا", "وسولانا",
                    "المدرب", "الرئيس", "قال", "في", "و", "الحزب", "الشيوعي", "مراسل", "الجزيرة", "إن", "."];
        let mut texts: Vec<String> = vec![
            "قال المدرب خافيير سولانا إن دولة قطر مستعدة. وقال سولانا إن قطر وبقطر".into(),
            "وقالت حركة حماس إن حماس. ونقلت صحيفة القدس عن مراسل الجزيرة أن الجزيرة".into(),
            "وجاء فوز تشلسي على ضيفه. وقال الحزب الشيوعي إن الحزب".into(),
            "نصف قطر الدائرة في القدس".into(),
        ];
        fn refs(t: &[String]) -> Vec<&str> {
            t.iter().map(String::as_str).collect()
        }
        let local_keys = |ws: &Workspace| -> Vec<EntityKey> {
            let mut k: Vec<EntityKey> = ws.docs_in_order().into_iter().flat_map(|d| ws.with_analyzer(|an| an.entity_mentions(d)).into_iter().map(|m| m.key)).filter(|k| matches!(k, EntityKey::Local(..))).collect();
            k.sort();
            k.dedup();
            k
        };
        let mut ws = workspace_of(crate::corpus::config::Config::default(), &refs(&texts));
        let mut edits = crate::analysis::testing::RandomEdits::new(0x2545f4914f6cdd1d, &pool);
        let (mut kept_after_edit, mut local_keys_seen) = (0, 0);
        for step in 0..300 {
            let fresh = workspace_of(crate::corpus::config::Config::default(), &refs(&texts));
            // (the names of the edited workspace too: one it still keeps may be gone afresh)
            let mut keys = local_keys(&fresh);
            keys.extend(local_keys(&ws));
            keys.sort();
            keys.dedup();
            local_keys_seen += keys.len();
            assert_eq!(all_references(&ws, &keys), all_references(&fresh, &keys), "step {step}: {texts:?}");
            kept_after_edit += ws.caches().locals.len();
            let d = edits.edit(&mut texts);
            ws.upsert(format!("{d}.txt"), std::path::PathBuf::from(format!("/c/{d}.txt")), Arc::from(texts[d].as_str()));
        }
        assert!(kept_after_edit > 150 && local_keys_seen > 300, "kept {kept_after_edit}, names {local_keys_seen}");
    }

    /// The mention at a name read at the mention is the one the document's mentions give,
    /// with the document's names kept or not (`Caches::locals`).
    #[test]
    fn the_mention_at_a_local_name_is_the_documents_own() {
        let texts = [
            "قال المدرب خافيير سولانا إن دولة قطر مستعدة. وقال سولانا إن قطر وبقطر",
            "وقالت حركة حماس إن حماس. ونقلت صحيفة القدس عن مراسل الجزيرة أن الجزيرة",
            "وجاء فوز تشلسي على ضيفه. وقال الحزب الشيوعي إن الحزب",
            "ووصل وزير الخارجية الأمريكي مايك بومبيو إلى قطر. وقال بومبيو إن",
        ];
        let mut checked = 0;
        for ws in [seeds(), workspace_of(crate::corpus::config::Config::default(), &texts)] {
            for d in ws.docs_in_order() {
                let locals: Vec<Mention> = ws.with_analyzer(|an| an.entity_mentions(d)).into_iter().filter(|m| matches!(m.key, EntityKey::Local(..))).collect();
                for kept in [false, true] {
                    if !kept {
                        ws.caches().locals.clear();
                    }
                    for m in &locals {
                        for at in [m.span.start, m.span.end] {
                            assert_eq!(ws.with_analyzer(|an| an.mention_at(d, at)).as_ref(), Some(m), "kept {kept}, at {at}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 50, "{checked}");
    }

    /// A document's local names change with the statistics of another's words: فوز تشلسي
    /// is a person until the corpus makes تشلسي a club.
    #[test]
    fn kept_local_names_follow_a_cluster_that_changes_elsewhere() {
        // the club written as this document writes it, or as the lists do (a look-alike)
        for club in ["تشلسي", "تشيلسي"] {
            let mut texts = vec!["وجاء فوز تشلسي على ضيفه بهدفين".to_string(), "نص".into(), "نص آخر".into()];
            let mut ws = workspace_of(crate::corpus::config::Config::default(), &refs(&texts));
            let key = EntityKey::Local(EntityKind::Person, "فوز تشلسي".into());
            let before = all_references(&ws, std::slice::from_ref(&key));
            assert_eq!(before[0].1.len(), 1, "{before:?}");
            assert!(ws.caches().locals.len() > 0);
            for (d, text) in [(1, format!("وقال نادي {club} إن المدرب باق")), (2, format!("وأعلن نادي {club} الإنجليزي تعاقده مع لاعب"))] {
                ws.upsert(format!("{d}.txt"), std::path::PathBuf::from(format!("/c/{d}.txt")), Arc::from(text.as_str()));
                texts[d] = text;
            }
            let after = all_references(&ws, std::slice::from_ref(&key));
            assert_eq!(after, all_references(&workspace_of(crate::corpus::config::Config::default(), &refs(&texts)), std::slice::from_ref(&key)), "{club}");
            assert!(after[0].1.is_empty(), "{club}: {after:?}");
        }
        fn refs(t: &[String]) -> Vec<&str> {
            t.iter().map(String::as_str).collect()
        }
    }

    /// An edit elsewhere that brings a look-alike into a cluster (a second بوتن after
    /// فلاديمير) changes the mentions kept of documents it did not touch.
    #[test]
    fn kept_references_follow_a_cluster_that_grows_elsewhere() {
        for first in ["قال الرئيس فلاديمير بوتين إن بوتن قال", "قال بوتن إن"] {
            let mut texts = vec![first, "قال الرئيس فلاديمير بوتين إن الرئيس فلاديمير بوتين وبوتين", "نص"];
            let mut ws = workspace_of(crate::corpus::config::Config::default(), &texts);
            let key = EntityKey::Cluster("بوتين".into());
            let before = all_references(&ws, std::slice::from_ref(&key));
            assert!(!before[0].1.iter().any(|m| m.2 == "بوتن"), "{before:?}");
            texts[2] = "قال الرئيس فلاديمير بوتن إن";
            ws.upsert("2.txt".into(), std::path::PathBuf::from("/c/2.txt"), Arc::from(texts[2]));
            let fresh = workspace_of(crate::corpus::config::Config::default(), &texts);
            let after = all_references(&ws, std::slice::from_ref(&key));
            assert!(after[0].1.iter().any(|m| m.0 == "0.txt" && m.2 == "بوتن"), "{after:?}");
            assert_eq!(after, all_references(&fresh, std::slice::from_ref(&key)));
        }
    }

    #[test]
    fn references_by_literal_search_equal_a_full_scan_on_the_seeds() {
        assert!(assert_references_match_full_scan(&seeds()) > 100);
    }

    #[test]
    fn a_hover_that_reads_the_first_documents_only_says_so() {
        let channel: Vec<String> = (0..30).map(|i| format!("وقالت شبكة \"إن تي في\" الإخبارية في تقريرها رقم {i} إن")).collect();
        let osce: Vec<String> = (0..30).map(|i| format!("وقالت منظمة الأمن والتعاون في أوروبا في تقريرها رقم {i} إن")).collect();
        let texts: Vec<&str> = channel.iter().chain(&osce).map(String::as_str).collect();
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        let info = |doc: DocId, pick: &dyn Fn(&EntityKey) -> bool| {
            ws.with_analyzer(|an| {
                let key = an.entity_mentions(doc).into_iter().map(|m| m.key).find(|k| pick(k))?;
                an.entity(&key, Some(doc))
            })
        };
        let local = info(0, &|k| matches!(k, EntityKey::Local(_, l1) if l1.contains("تي"))).expect("the channel");
        assert_eq!(local.sampled, Some((HOVER_DOCS as u32, 30)));
        assert!(local.docs as usize >= HOVER_DOCS, "{}", local.docs);
        let phrase = info(30, &|k| matches!(k, EntityKey::Phrase(_))).expect("the OSCE");
        assert_eq!(phrase.sampled, Some((HOVER_DOCS as u32, 30)));
        assert!(phrase.docs as usize >= HOVER_DOCS, "{}", phrase.docs);
        // (a few documents: all read, nothing to say)
        let few = workspace_of(crate::corpus::config::Config::default(), &texts[..3]);
        let local = few.with_analyzer(|an| an.entity_mentions(0).into_iter().map(|m| m.key).find(|k| matches!(k, EntityKey::Local(..))).and_then(|k| an.entity(&k, Some(0))));
        assert_eq!(local.map(|e| (e.sampled, e.docs)), Some((None, 3)));
    }

    #[test]
    fn references_by_literal_search_equal_a_full_scan_on_tricky_text() {
        let texts = [
            // proclitics, لل, punctuation around names, tanween words, names at line ends
            "قال الرئيس الروسي فلاديمير بوتين إن روسيا مستعدة. وقال بوتين (بوتين) «بوتين»، لبوتين وبروسيا\nوللعراق والعراق العراق.",
            "الرئيس فلاديمير بوتين زار العراق. بوتين! قال بوتين: روسيا. العراقُ جداً أيضاً بوتين",
            // a diacritic inside a name: the document is read whole
            "قال الرئيس فلاديمير بوتِين إن بوتين ولبوتين في العراق وروسيا",
            // two-word spellings and a particle before a particle
            "إقليم ناغورني قره باغ وقره باغ. منطقة كاراباخ، قره قره باغ و قره باغ",
            "منطقة ناغورني قره باغ ثم قره باغ. إقليم كاراباخ",
            // tatweel and a joiner inside words, front matter before the body
            "---\ndate: 2020-01-01\n---\nقال بوتـين إن روسيا\u{200c} وبوتين في العراق",
            // ministries: full, bare, short, inside a longer phrase, after a feminine noun
            "أعلنت وزارة الخارجية الروسية ثم وزارة الخارجية وحدها، ولوزارة الخارجية. الخارجية الروسية والسياسة الخارجية الروسية",
            "وزارة الخارجية الأرمينية وزارة الخارجية الروسية الخارجية الروسية وزارة الدفاع",
            // short names: after the full name, ambiguous after a second naming, with
            // proclitics and لل, a bare ministry, a continued name, a different المرصد
            "قال المرصد السوري لحقوق الإنسان إن القصف مستمر. وأضاف المرصد أن للمرصد مصادر. وقال المرصد السوري إن والمرصد الأورومتوسطي ثم المرصد",
            "أعلنت وزارة الخارجية الروسية أن وزارة الخارجية والوزارة. وقالت الخارجية إن وزير الخارجية وحق الدفاع عن. وقالت وزارة الدفاع الأرمينية إن الوزارة",
            "أعلنت وزارة الخارجية ثم قالت الخارجية إن الوزارة",
            "نقلت وكالة فرانس برس أن الوكالة علمت. وقالت منظمة معاهدة الأمن الجماعي إن المنظمة",
            "قالت الوكالة الدولية للطاقة الذرية إن الوكالة الدولية للطاقة تتوقع أن الوكالة",
            "قال الاتحاد الأوروبي إن الاتحاد يرى أن انهيار الاتحاد السوفيتي ثم قال الاتحاد",
            "أعلنت وزارة الخارجية الروسية أن الوزارة. ولوزير الخارجية رأي ثم قالت الوزارة إن وزير الصحة والوزارة",
            // a listed two-word name after لل (the article's alef not written)
            "زار الولايات المتحدة ثم عاد رئيسا للولايات المتحدة. هل يمكن للشرق الأوسط أن يلحق بالشرق الأوسط",
            // a local organisation after لل only (the article's alef not written)
            "قال البنك التجاري الكويتي إن الأرباح زادت",
            "ارتفعت أرباح للبنك التجاري الكويتي هذا العام",
            // marks and tatweel inside the words of phrases and names, a proclitic with a
            // vowel, a mark right after a match; a ligature: the document is read whole
            "قالت وزارة الخارجيّة الروسية إن بِالولايات المتّحدة ضغوطا وفي الولايـات المتحدة والولاياتُ المتحدةِ",
            "وصرّح بوتّين لوكالة فرانس برس إن بوتينَ والمرصدِ السوري لحقوق الإنسان وقال المرصد",
            "قال \u{FEFB}فروف إن بوتين في الولايات المتحدة",
            // a channel's name in letters, every word under three letters, spelt two ways
            "وكان أول الضحايا سيطرة بوتين على شبكة \"إن تي في\" الإخبارية المستقلة",
            "وقالت شبكة \"ان تى فى\" الإخبارية إن بوتين في موسكو",
        ];
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        let n = texts.len() as DocId;
        assert!(ws.is_literal(2) && ws.is_literal(5) && ws.is_literal(n - 5) && ws.is_literal(n - 4), "a word with marks, tatweel or a joiner between its letters is searched in its L0 form");
        assert!(!ws.is_literal(n - 3), "a ligature makes a document non-literal");
        assert!(ws.is_literal(0) && ws.is_literal(1), "tanween at a word's end does not");
        assert!(assert_references_match_full_scan(&ws) > 5);
        // (the channel is one local entity, found in both of its documents)
        let channel = (texts.len() - 2) as DocId;
        let key = ws.with_analyzer(|an| an.entity_mentions(channel).into_iter().map(|m| m.key).find(|k| matches!(k, EntityKey::Local(_, l1) if l1.contains("تي"))));
        let key = key.expect("the channel is a local entity");
        let docs: Vec<DocId> = ws.with_analyzer(|an| an.references(&key)).iter().map(|m| m.doc).collect();
        assert_eq!(docs, [channel, channel + 1], "{key:?}");
    }

    #[test]
    fn the_most_widespread_names_are_the_ones_looked_up_ahead() {
        let texts = ["قال الرئيس الروسي فلاديمير بوتين إن", "وقال الرئيس بوتين في موسكو إن", "أكد الرئيس بوتين أن روسيا", "في العراق قال بوتين"];
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        let keys = ws.with_analyzer(|an| an.widespread_entities(3, 10));
        // بوتين is in four documents; إن and قال are in as many but are no names
        assert_eq!(keys, [EntityKey::Cluster("بوتين".into())]);
        assert!(ws.with_analyzer(|an| an.widespread_entities(5, 10)).is_empty());
        assert_eq!(ws.hit_cache_bytes(), 0);
        ws.with_analyzer(|an| an.references(&keys[0]));
        assert!(ws.hit_cache_bytes() > 0, "looking it up keeps where its spellings are");
    }

    #[test]
    fn kept_match_positions_follow_edits() {
        let texts = ["قال الرئيس الروسي فلاديمير بوتين إن روسيا مستعدة. وقال بوتين", "التقى بوتين نظيره. ولبوتين رأي"];
        let mut ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        let key = ws.with_analyzer(|an| an.entity_mentions(0).into_iter().find(|m| &*m.spelling == "بوتين").unwrap().key);
        let before = ws.with_analyzer(|an| an.references(&key));
        assert_eq!(before.iter().filter(|m| m.doc == 0).count(), 2);
        assert!(ws.hit_cache_bytes() > 0, "the positions found are kept");
        // an edit that moves every mention of the first document and adds one
        let edited = format!("عاجل: {} ثم بوتين", texts[0]);
        ws.upsert("0.txt".into(), "/c/0.txt".into(), edited.clone().into());
        let after = ws.with_analyzer(|an| an.references(&key));
        assert_eq!(after, ws.with_analyzer(|an| an.references_full_scan(&key)));
        let in_first: Vec<&str> = after.iter().filter(|m| m.doc == 0).map(|m| &edited[m.span.clone()]).collect();
        assert_eq!(in_first, ["بوتين", "بوتين", "بوتين"]);
    }

    fn kinds_of(texts: &[&str]) -> Vec<(String, EntityKind)> {
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        ws.docs_in_order().into_iter().flat_map(|d| document_entities(&ws, d)).map(|(e, _)| (e.name, e.kind)).collect()
    }

    #[test]
    fn an_ordinary_given_name_before_an_organisation_of_the_corpus_is_no_person() {
        // تشلسي is no listed name here (the lists write تشيلسي): the corpus makes it a club
        let texts = ["وقال نادي تشلسي إن المدرب باق", "وأعلن نادي تشلسي الإنجليزي تعاقده مع لاعب", "وجاء فوز تشلسي على ضيفه بهدفين"];
        let kinds = kinds_of(&texts);
        assert!(kinds.iter().any(|(n, k)| n == "تشلسي" && *k == EntityKind::Organization), "{kinds:?}");
        assert!(!kinds.iter().any(|(n, _)| n.contains("فوز")), "Chelsea's win is no person: {kinds:?}");
    }

    #[test]
    fn ministries_are_organisations_and_their_short_names_the_same_entity() {
        let texts = [
            "أعلنت وزارة الخارجية الروسية أن روسيا مستعدة. وقالت وزارة الدفاع الأرمينية إن",
            "وجاء في تصريح لوزارة الخارجية الروسية أن موسكو. وأكدت الخارجية الروسية ذلك",
            "تغيرت السياسة الخارجية الروسية كثيرا. وقال وزير الخارجية الروسي إن",
        ];
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        let phrases = |d: DocId| -> Vec<(String, EntityKey)> {
            ws.with_analyzer(|an| {
                an.entity_mentions(d).into_iter().filter(|m| matches!(m.key, EntityKey::Phrase(_))).map(|m| (texts[d as usize][m.span].to_string(), m.key)).collect()
            })
        };
        let (first, second, third) = (phrases(0), phrases(1), phrases(2));
        assert_eq!(first.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), ["وزارة الخارجية الروسية", "وزارة الدفاع الأرمينية"]);
        assert_eq!(second.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), ["وزارة الخارجية الروسية", "الخارجية الروسية"]);
        assert!(second.iter().all(|(_, k)| *k == first[0].1), "the short name is the same entity: {second:?}");
        assert!(third.is_empty(), "an adjective after a feminine noun is no ministry: {third:?}");
        let info = ws.with_analyzer(|an| an.entity(&first[1].1, Some(0))).unwrap();
        assert_eq!((info.name.as_str(), info.kind, info.latin.as_deref()), ("وزارة الدفاع الأرمينية", EntityKind::Organization, Some("Ministry of Defence (Armenia)")));
        // every portfolio of the list, not only the four of the short forms
        let tourism = kinds_of(&["وقدرت وزارة السياحة الإسرائيلية خسارة المرافق السياحية"]);
        assert_eq!(tourism, [("وزارة السياحة الإسرائيلية".to_string(), EntityKind::Organization)]);
        // found by workspace symbol search in either form
        for query in ["وزارة الخارجية الروسية", "الخارجية الروسية"] {
            assert_eq!(ws.with_analyzer(|an| an.search(query, 5)).first(), Some(&first[0].1), "{query}");
        }
        let refs = ws.with_analyzer(|an| an.references(&first[0].1));
        assert_eq!(refs.iter().map(|m| texts[m.doc as usize][m.span.clone()].to_string()).collect::<Vec<_>>(), ["وزارة الخارجية الروسية", "وزارة الخارجية الروسية", "الخارجية الروسية"]);
    }

    /// Each short name and bare ministry of a text with the full name it stands for.
    fn short_names_of(text: &str) -> Vec<(String, String)> {
        let mut ws = Workspace::new(crate::corpus::config::Config::default());
        ws.load(vec![("0.txt".into(), "/c/0.txt".into(), text.to_string())]);
        ws.with_analyzer(|an| {
            an.entity_mentions(0)
                .into_iter()
                .filter(|m| m.short)
                .map(|m| (text[m.span.clone()].to_string(), an.entity(&m.key, Some(0)).unwrap().name))
                .collect()
        })
    }

    #[test]
    fn a_short_name_stands_for_the_organisation_named_in_full_before_it() {
        let observatory = "المرصد السوري لحقوق الإنسان";
        assert_eq!(
            short_names_of("قال المرصد السوري لحقوق الإنسان إن القصف مستمر. وأضاف المرصد أن للمرصد مصادر، وقال المرصد السوري إن"),
            // للمرصد: the mention starts at the article's lam, as every لل mention does
            [("المرصد", observatory), ("لمرصد", observatory), ("المرصد السوري", observatory)].map(|(a, b)| (a.to_string(), b.to_string()))
        );
        // before the full name, or after another observatory is named, it stands for nothing
        assert!(short_names_of("قال المرصد إن المرصد السوري لحقوق الإنسان").is_empty());
        assert!(short_names_of("قال المرصد السوري لحقوق الإنسان إن المرصد الأورومتوسطي أكد أن المرصد").is_empty());
        // a ministry: its bare form, الوزارة, and the portfolio alone after a verb of saying
        let russian = "وزارة الخارجية الروسية";
        assert_eq!(
            short_names_of("أعلنت وزارة الخارجية الروسية السبت. وقالت وزارة الخارجية إن الوزارة تتابع. وأكدت الخارجية أن"),
            [("وزارة الخارجية", russian), ("الوزارة", russian), ("الخارجية", russian)].map(|(a, b)| (a.to_string(), b.to_string()))
        );
        // the minister, the policy, defending: not the ministry
        assert!(short_names_of("أعلنت وزارة الخارجية الروسية ذلك. وقال وزير الخارجية إن السياسة الخارجية وحق الدفاع عن").is_empty());
        // a minister of another portfolio: الوزارة no longer says which; of the same, it does
        assert!(short_names_of("أعلنت وزارة الخارجية الروسية ذلك. وقال وزير الصحة إن الوزارة").is_empty());
        assert_eq!(short_names_of("أعلنت وزارة الخارجية الروسية ذلك. وقال وزير الخارجية إن الوزارة").len(), 1);
        // two ministries: الوزارة is ambiguous; a bare ministry of one portfolio is still its own
        assert_eq!(
            short_names_of("أعلنت وزارة الخارجية الروسية ذلك. وقالت وزارة الدفاع الأرمينية إن الوزارة ووزارة الخارجية"),
            [("وزارة الخارجية".to_string(), russian.to_string())]
        );
        // an organisation named after its organisation word: وكالة + فرانس برس
        assert_eq!(short_names_of("نقلت وكالة فرانس برس عن مصدر أن الوكالة"), [("الوكالة".to_string(), "فرانس برس".to_string())]);
        // a longer listed name is another organisation, not a more precise one (IEA, IAEA)
        assert!(short_names_of("قالت الوكالة الدولية للطاقة الذرية إن الوكالة الدولية للطاقة تتوقع أن الوكالة").is_empty());
        // a country under the same head: الاتحاد alone no longer says which
        assert!(short_names_of("قال الاتحاد الأوروبي إن انهيار الاتحاد السوفيتي ثم قال الاتحاد").is_empty());
        assert_eq!(short_names_of("قال الاتحاد الأوروبي إن الاتحاد"), [("الاتحاد".to_string(), "الاتحاد الأوروبي".to_string())]);
    }

    #[test]
    fn a_style_alias_without_the_head_is_still_a_reference() {
        let config = crate::corpus::config::Config::from_toml(
            "[[entity]]\ncanonical = \"حزب العدالة والتنمية\"\nkind = \"organization\"\naliases = [\"العدالة والتنمية\"]\n",
        )
        .unwrap();
        let texts = ["قال حزب العدالة والتنمية إن الحزب يرفض. وأكد العدالة والتنمية أن", "وقال العدالة والتنمية إن"];
        let ws = workspace_of(config, &texts);
        let key = EntityKey::Phrase(to_l1("حزب العدالة والتنمية").into());
        let refs = ws.with_analyzer(|an| an.references(&key));
        let written: Vec<&str> = refs.iter().map(|m| &texts[m.doc as usize][m.span.clone()]).collect();
        assert_eq!(written, ["حزب العدالة والتنمية", "الحزب", "العدالة والتنمية", "العدالة والتنمية"]);
        assert_eq!(refs, ws.with_analyzer(|an| an.references_full_scan(&key)));
    }

    #[test]
    fn a_name_ending_in_ya_is_no_nisba_of_a_minor_town() {
        // كاري is not "of Kara" (a GeoNames town): it is the given name joined to the person
        let kinds = kinds_of(&["وغرد كاري كانافه السفير الأميركي السابق", "اعتبر كاري كافانو وهو سفير أميركي سابق أن"]);
        assert!(kinds.iter().any(|(n, k)| n.contains("كاري") && *k == EntityKind::Person), "{kinds:?}");
        assert!(!kinds.iter().any(|(n, k)| n == "كاري" && *k == EntityKind::Other), "{kinds:?}");
    }

    #[test]
    fn a_family_name_after_a_plain_given_name_is_a_person() {
        let texts = ["وقال فيصل الحمادي إن الشركة ستبدأ الإنتاج", "وصل جون بولتون أمس", "رفعوا صورا للرئيس صدام حسين وشوهدت لافتات", "قال محمد إن الطريق مغلق"];
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        let marked = |d: DocId| -> Vec<(String, EntityKind)> {
            ws.with_analyzer(|an| {
                an.entity_mentions(d)
                    .into_iter()
                    .map(|m| (texts[d as usize][m.span.clone()].to_string(), an.entity(&m.key, Some(d)).map_or(EntityKind::Other, |e| e.kind)))
                    .collect()
            })
        };
        assert_eq!(marked(0), [("فيصل الحمادي".to_string(), EntityKind::Person)]);
        assert_eq!(marked(1), [("جون بولتون".to_string(), EntityKind::Person)]);
        assert!(!marked(2).iter().any(|(t, _)| t.contains("وشوهدت")), "{:?}", marked(2));
        assert!(marked(3).is_empty(), "a given name alone, or before a particle, marks nothing: {:?}", marked(3));
        // hovering the given name finds the person
        let at = texts[0].find("فيصل").unwrap();
        assert_eq!(ws.with_analyzer(|an| an.mention_at(0, at).map(|m| texts[0][m.span].to_string())).as_deref(), Some("فيصل الحمادي"));
    }

    #[test]
    fn a_person_named_once_is_a_person_with_its_references() {
        let texts = [
            "وغنى المطرب مدحت صالح في الحفل، وحضر القس سعد بن سيروب",
            "كان حسن النية واضحا. وقال الفنان مدحت صالح إن الحفل نجح",
            "وخرجت السويسرية مارتينا هينغيس من الدور الثاني",
        ];
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        let persons = |d: DocId| -> Vec<String> {
            ws.with_analyzer(|an| {
                an.entity_mentions(d)
                    .into_iter()
                    .filter(|m| an.entity(&m.key, Some(d)).is_some_and(|e| e.kind == EntityKind::Person))
                    .map(|m| texts[d as usize][m.span].to_string())
                    .collect()
            })
        };
        assert_eq!(persons(0), ["مدحت صالح", "سعد بن سيروب"]);
        assert_eq!(persons(1), ["مدحت صالح"], "two ordinary words (حسن النية) name nobody");
        assert_eq!(persons(2), ["مارتينا هينغيس"]);
        // hover, references and the full scan agree on the person named in two documents
        let at = texts[1].find("صالح").unwrap();
        let m = ws.with_analyzer(|an| an.mention_at(1, at)).expect("a mention at the surname");
        assert_eq!(&texts[1][m.span.clone()], "مدحت صالح");
        let info = ws.with_analyzer(|an| an.entity(&m.key, Some(1))).expect("an entity");
        assert_eq!((info.name.as_str(), info.kind, info.docs), ("مدحت صالح", EntityKind::Person, 2));
        let refs = ws.with_analyzer(|an| an.references(&m.key));
        assert_eq!(refs.iter().map(|r| r.doc).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(refs, ws.with_analyzer(|an| an.references_full_scan(&m.key)));
    }

    #[test]
    fn a_surname_alone_after_the_full_name_is_that_person() {
        let texts = ["قال المنسق الاوروبي خافيير سولانا ان الاتفاق ممكن. واضاف سولانا ان لسولانا رأيا", "وصل سولانا امس", "دعا حسن نصر الله الى الحوار. وقال نصر الله ان"];
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        let mentions: Vec<Mention> = ws.with_analyzer(|an| an.entity_mentions(0)).into_iter().filter(|m| matches!(m.key, EntityKey::Local(EntityKind::Person, _))).collect();
        let spans: Vec<&str> = mentions.iter().map(|m| &texts[0][m.span.clone()]).collect();
        assert_eq!(spans, ["خافيير سولانا", "سولانا", "سولانا"]);
        assert!(mentions.iter().all(|m| m.key == mentions[0].key));
        assert!(mentions[1].short, "the surname alone is a reference: rename leaves it as written");
        let refs = ws.with_analyzer(|an| an.references(&mentions[0].key));
        assert_eq!(refs.len(), 3, "only in the document that names him in full: {refs:?}");
        let compound: Vec<String> = ws.with_analyzer(|an| an.entity_mentions(2)).into_iter().filter(|m| matches!(m.key, EntityKey::Local(EntityKind::Person, _))).map(|m| texts[2][m.span].to_string()).collect();
        assert_eq!(compound, ["حسن نصر الله", "نصر الله"]);
    }

    #[test]
    fn the_full_name_of_a_surname_is_a_given_name_written_before_it() {
        let texts = [
            "قال الحارس أليسون إن الفريق جاهز. وأضاف أليسون أنه سعيد",
            "وقال الحارس أليسون إن المباراة صعبة",
            "ووصل شقيق أليسون امس، ورافق شقيق أليسون الفريق",
            "قال أليسون إن الموسم طويل",
            "وقال المدرب يورغن كلوب إن الفريق جاهز. وأضاف كلوب أنه سعيد",
            "وقال كلوب إن المباراة صعبة، وقال يورغن كلوب إنه واثق",
            "انتقل لاعب باريس سان جيرمان نيمار الى ريال مدريد. وقال نيمار إنه سعيد",
            "وكان لاعب باريس سان جيرمان نيمار قد أصيب، وقال نيمار إنه بخير",
            "وقال الحارس كاريوس إن الفريق جاهز. وأضاف كاريوس أنه سعيد",
            "لاعب اسمه كاريوس وصل، ثم قال لاعب اسمه كاريوس إنه سعيد",
            "وقال رئيس الوزراء حسن دياب إن بلاده مستعدة",
            "وقال دياب إن الحوار ممكن، وأضاف دياب أن الاتفاق قائم",
            "وقال المدرب خوسيه غونزاليز إن الفريق جاهز، وأضاف خوسيه غونزاليز",
            "وقال الفنان أنيبال غونزاليز إن المعرض مفتوح، وأضاف أنيبال غونزاليز",
            "وقال غونزاليز إن العمل مستمر",
        ];
        // (اسمه as most documents write it: a word)
        let ordinary_use: Vec<String> = (0..12).map(|k| format!("وكتب الطالب رقم {k} اسمه على الورقة")).collect();
        let texts: Vec<&str> = texts.iter().copied().chain(ordinary_use.iter().map(String::as_str)).collect();
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        let name = |doc: DocId, surname: &str| {
            ws.with_analyzer(|an| {
                let m = an.entity_mentions(doc).into_iter().find(|m| texts[doc as usize][m.span.clone()] == *surname)?;
                an.entity(&m.key, Some(doc)).map(|e| e.name)
            })
        };
        assert_eq!(name(3, "أليسون").as_deref(), Some("أليسون"), "his brother (شقيق) is no given name");
        assert_eq!(name(8, "كاريوس").as_deref(), Some("كاريوس"), "nor his name (اسمه), a given name of the imported lists");
        assert_eq!(name(5, "كلوب").as_deref(), Some("يورغن كلوب"));
        assert_eq!(name(11, "دياب").as_deref(), Some("حسن دياب"), "a word of the dictionary the corpus reads in a person's name");
        assert_eq!(name(7, "نيمار").as_deref(), Some("نيمار"), "the club's last word is no given name");
        assert_eq!(name(14, "غونزاليز").as_deref(), Some("غونزاليز"), "two people of that surname, neither named in the document");
    }

    #[test]
    fn a_surname_that_is_a_word_too_is_the_person_where_a_subject_stands() {
        let texts = ["حصل الأديب المصري نجيب محفوظ على الجائزة. وولد محفوظ في القاهرة، وقال محفوظ إن الكتابة حياته. والحق محفوظ للجميع، ومحفوظ الطلاب قليل"];
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        let spans: Vec<&str> = ws.with_analyzer(|an| an.entity_mentions(0)).into_iter().filter(|m| matches!(m.key, EntityKey::Local(EntityKind::Person, _))).map(|m| &texts[0][m.span]).collect();
        assert_eq!(spans, ["نجيب محفوظ", "محفوظ", "محفوظ"], "not the adjective, nor before a word it governs");
    }

    #[test]
    fn a_country_named_by_a_word_is_the_country_through_its_document_but_not_in_construct() {
        let texts = ["وصل السفير الى المغرب امس. وقال ان المغرب شريك مهم، وان زيارته للمغرب ناجحة. وادى صلاة المغرب في الرباط"];
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        let places: Vec<&str> = ws.with_analyzer(|an| an.entity_mentions(0)).into_iter().filter(|m| texts[0][m.span.clone()].contains("مغرب")).map(|m| &texts[0][m.span]).collect();
        assert_eq!(places, ["المغرب", "المغرب", "لمغرب"], "after في-like cues, function words and a preposition on the word (ل + المغرب), not in صلاة المغرب");
    }

    #[test]
    fn a_listed_given_name_after_a_role_joins_the_surname_after_it() {
        let texts = [
            "قال المسؤول الإيراني علي لاريجاني إن المفاوضات مستمرة",
            "وأضاف لاريجاني أن بلاده لن تتراجع",
            "وأكد لاريجاني أن الحوار ممكن",
            "وقال لاريجاني إن الوفد سيعود",
            "واعتمد الوفد علي لاريجاني في المفاوضات",
        ];
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        let span = |d: usize| ws.with_analyzer(|an| an.entity_mentions(d as DocId)).into_iter().find(|m| texts[d][m.span.clone()].contains("لاريجاني")).map(|m| texts[d][m.span].to_string());
        assert_eq!(span(0).as_deref(), Some("علي لاريجاني"));
        // (علي is also how wire copy writes the preposition على: not without a role)
        assert_eq!(span(4).as_deref(), Some("لاريجاني"));
    }

    #[test]
    fn a_listed_organisation_that_is_a_word_too_is_that_organisation_through_the_document() {
        let texts = [
            "قال ان حماس ملتزمة بالاتفاق. وقال رئيس المكتب السياسي لحركة حماس ان لحماس رأيا، وشكر تنظيم القاعدة. ثم هاجم القاعدة",
            "والهب حماس الجمهور في المباراة",
        ];
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        let orgs = |d: usize| -> Vec<String> {
            ws.with_analyzer(|an| an.entity_mentions(d as DocId)).into_iter().filter(|m| matches!(m.key, EntityKey::Local(EntityKind::Organization, _) | EntityKey::Phrase(_))).map(|m| texts[d][m.span].to_string()).collect()
        };
        assert_eq!(orgs(0), ["حماس", "حماس", "حماس", "تنظيم القاعدة", "القاعدة"], "read once after حركة or تنظيم, before it too");
        assert!(orgs(1).is_empty(), "enthusiasm, where nothing names the movement");
    }

    #[test]
    fn a_listed_name_holding_a_word_of_the_dictionary_is_one_name_where_its_words_are_names_too() {
        // at archive scale الاتحاد is a name cluster (many unions named at one mention), and
        // الأوروبي one as a region's adjective; الاتحاد الأوروبي stays one listed name
        let texts = [
            "أعلن الاتحاد العربي للسباحة ان البطولة تبدأ",
            "قال الاتحاد المصري للمصارعة ان",
            "وقرر الاتحاد الدولي للشرطة ان",
            "اجتمع الاتحاد الآسيوي لكرة القدم",
            "طالبت دول الاتحاد الاوروبي بالمشاركة. وقال الاتحاد الأوروبي ان",
        ];
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        assert!(ws.with_analyzer(|an| an.cluster("الاتحاد").is_some()), "the precondition: الاتحاد is a name of this corpus");
        let phrases: Vec<String> = ws.with_analyzer(|an| an.entity_mentions(4)).into_iter().filter(|m| matches!(m.key, EntityKey::Phrase(_))).map(|m| texts[4][m.span].to_string()).collect();
        assert_eq!(phrases, ["الاتحاد الاوروبي", "الاتحاد الأوروبي"]);
    }

    #[test]
    fn a_club_named_by_a_word_is_the_club_through_its_document_but_not_as_an_adjective() {
        let texts = [
            "تأهل العربي الى النهائي. وقال مدرب العربي ان الفريق جاهز، وتحدث عن العالم العربي. ثم فاز العربي",
            "قال ان العالم العربي يتابع",
        ];
        let ws = workspace_of(crate::corpus::config::Config::default(), &texts);
        let orgs = |d: usize| -> Vec<String> {
            ws.with_analyzer(|an| an.entity_mentions(d as DocId)).into_iter().filter(|m| matches!(m.key, EntityKey::Local(EntityKind::Organization, _) | EntityKey::Cluster(_))).map(|m| texts[d][m.span].to_string()).collect()
        };
        assert_eq!(orgs(0), ["العربي", "العربي", "العربي"], "read after مدرب, named before it too; العالم العربي is the adjective");
        assert!(orgs(1).is_empty(), "nothing names the club");
    }

    /// Real news read alone and cut short (a name may end the text): entity mentions are
    /// found without a panic, inside the text, in order.
    #[test]
    fn every_real_article_alone_and_cut_short_gives_its_mentions() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/newsfane/docs");
        let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}")).map(|e| e.unwrap().path()).collect();
        paths.sort();
        assert!(paths.len() > 300, "{dir:?}");
        for p in &paths {
            let full = std::fs::read_to_string(p).unwrap();
            // the text cut short at a few words: a name may be the last word
            let words = full.split_whitespace().collect::<Vec<_>>();
            let cuts: Vec<String> = [3, 2].iter().map(|d| words[..words.len() / d].join(" ")).collect();
            for text in std::iter::once(full.as_str()).chain(cuts.iter().map(String::as_str)) {
                let ws = workspace_of(crate::corpus::config::Config::default(), &[text]);
                let mentions = ws.with_analyzer(|an| an.entity_mentions(0));
                assert!(mentions.windows(2).all(|m| m[0].span.end <= m[1].span.start), "{p:?}: overlapping mentions");
                assert!(mentions.iter().all(|m| m.span.end <= text.len() && text.is_char_boundary(m.span.start)), "{p:?}");
            }
        }
    }

    #[test]
    fn a_known_place_written_only_after_a_proclitic_is_still_a_place() {
        let kinds = kinds_of(&["وصل الوفد لمصر ثم توجه للدوحة وإيران", "قالت لجنة التحقيق إن الضرر كان كبيرا"]);
        for place in ["مصر", "الدوحة", "إيران"] {
            assert!(kinds.contains(&(place.to_string(), EntityKind::Place)), "{place}: {kinds:?}");
        }
        // a GeoNames town hidden in an ordinary word is not split off (ل + جنة, ك + بيرا)
        assert!(!kinds.iter().any(|(n, _)| n == "جنة" || n == "بيرا"), "{kinds:?}");
    }

    #[test]
    fn common_words_and_adjectives_are_not_entities() {
        let found = kinds_of(&[
            "وقال الوسطاء المجتمعون في إطار مجموعة مينسك إن سفير أميركي سابق أضاف قائلا إن منطقة وسط الصومال",
            "والتقى الوزراء في إطار الاتفاق. وقال دبلوماسي أميركي في منطقة وسط البلاد وأضاف قائلا",
            "في إطار المحادثات قال مسؤول أميركي",
        ]);
        for word in ["إطار", "أميركي", "قائلا", "وسط"] {
            assert!(!found.iter().any(|(n, _)| n == word), "{word} in {found:?}");
        }
        assert!(found.iter().any(|(n, k)| n == "مجموعة مينسك" && *k == EntityKind::Organization), "{found:?}");
    }

    #[test]
    fn a_region_named_like_a_newspaper_is_a_place() {
        let found = kinds_of(&["التوتر في الشرق الأوسط يتصاعد"]);
        assert!(found.iter().any(|(n, k)| n == "الشرق الأوسط" && *k == EntityKind::Place), "{found:?}");
    }

    #[test]
    fn a_town_the_corpus_only_writes_as_a_person_is_a_person() {
        // Kielce (كيلسي) is a GeoNames city; here it is a person's given name, twice after a title
        let found = kinds_of(&[
            "نقلت الصحيفة عن الخبير كيلسي غالاغر أن الصور تظهر نظاما",
            "وقال الباحث كيلسي غالاغر إن الطائرة تركية",
        ]);
        assert!(!found.iter().any(|(_, k)| *k == EntityKind::Place), "{found:?}");
        // a town with place cues stays a town
        let found = kinds_of(&["وصل الوفد إلى مدينة كيلسي البولندية", "في مدينة كيلسي أمس"]);
        assert!(found.iter().any(|(n, k)| n == "كيلسي" && *k == EntityKind::Place), "{found:?}");
    }

    #[test]
    #[ignore]
    fn print_seed_entities() {
        // ISNAD_CORPUS=<dir> prints another corpus
        let ws = match std::env::var("ISNAD_CORPUS") {
            Ok(dir) => {
                let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
                files.sort();
                let mut ws = Workspace::new(crate::corpus::config::Config::default());
                ws.load(files.iter().map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), p.clone(), std::fs::read_to_string(p).unwrap())).collect());
                ws
            }
            Err(_) => seeds(),
        };
        for id in ws.docs_in_order() {
            let doc = ws.doc(id).unwrap();
            println!("== {}", doc.rel_path);
            for (e, spans) in document_entities(&ws, id) {
                println!("{:?}\t{}\t{}", e.kind, e.name, spans.len());
            }
            for m in ws.with_analyzer(|an| an.entity_mentions(id)).into_iter().filter(|m| m.short) {
                println!("short\t{}\t→ {:?}", &doc.text[m.span.clone()], m.key);
            }
        }
    }
}
