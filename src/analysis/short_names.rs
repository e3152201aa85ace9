//! Short names: an organisation named in full once and then by its head word alone.
//!
//! المرصد after المرصد السوري لحقوق الإنسان, الوزارة or الخارجية after وزارة الخارجية
//! الروسية, and a bare وزارة الخارجية after وزارة الخارجية الروسية all stand for the full
//! name. Which one is a matter of the document, read in text order: each head word (an
//! organisation word such as مرصد or وزارة, or one of the portfolios that stand alone, see
//! `Lexicon::short_name_head`) remembers the organisation it has named so far. A head written
//! alone with the article refers to it while every naming agrees. Naming something else with
//! the same head (a second ministry, منظمة with a name the lexicon does not know, المجلس
//! الأعلى) makes the head ambiguous for the rest of the document: the short name is then left
//! alone rather than guessed; so does a phrase of another kind under the head (الاتحاد
//! السوفيتي, a country, after الاتحاد الأوروبي). A bare ministry (وزارة الخارجية) is less
//! specific than a qualified one (وزارة الخارجية الروسية) and gives way to it; other listed
//! names that run on are other organisations (الوكالة الدولية للطاقة الذرية).
//!
//! The same steps serve a whole document (`short_names_in`: entity mentions, hover, full
//! scans) and windows around the head words a literal search found (references), so both
//! reach the same mentions.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::entities::{EntityKey, Mention};
use super::index::DocId;
use super::lexicon::{HeadForm, Lexicon};
use super::names::{cue_form, Word};
use super::spelling::Analyzer;
use crate::corpus::config::EntityKind;
use crate::text::normalize::to_l1;
use crate::text::tokenize::Gap;

/// A head word as written: its proclitic, the head it stands for and how.
#[derive(Debug, Clone, Copy)]
pub(super) struct HeadWord<'l> {
    pub prefix_chars: usize,
    pub lil: bool,
    pub head: &'l str,
    pub form: HeadForm,
}

/// What one head word does in its document.
#[derive(Debug)]
pub(super) enum HeadUse<'l> {
    /// It is part of a phrase mention, or (without the article) introduces one: وكالة +
    /// فرانس برس names AFP under وكالة.
    Named { mention: Mention, via: Option<&'l str> },
    /// The head alone with the article (or a portfolio alone): a short name if the head
    /// names one organisation so far. `next_definite`: a definite word follows (المجلس
    /// الأعلى), which is a different organisation unless it continues the full name.
    Short { at: usize, word: HeadWord<'l>, next_definite: bool },
    /// A naming of something the lexicon does not know under this head (منظمة غير حكومية).
    Other(&'l str),
    /// A minister of a portfolio (L1): another ministry unless it is the one named so far.
    Minister { head: &'l str, portfolio: String },
}

/// What a head names so far in a document.
#[derive(Debug, Clone)]
enum Antecedent {
    One(Arc<str>),
    Ambiguous,
}

/// The walk over one document's head words, in text order.
#[derive(Default)]
pub(super) struct ShortNames<'l> {
    by_head: FxHashMap<&'l str, Antecedent>,
    /// End of the last mention emitted: head words inside it were read with it (a ministry
    /// holds two).
    covered_until: usize,
}

/// `a` names the same ministry as `b`, more precisely (وزاره الخارجيه الروسيه and
/// وزاره الخارجيه). Only ministries: a listed name that runs on is another organisation
/// (الوكالة الدولية للطاقة الذرية is not الوكالة الدولية للطاقة).
fn more_specific(lex: &Lexicon, a: &str, b: &str) -> bool {
    a.len() > b.len() && a.starts_with(b) && a[b.len()..].starts_with(' ') && lex.is_ministry(a) && lex.is_ministry(b)
}

/// Words before a portfolio alone that make it the ministry, besides a verb of saying (قالت
/// الخارجية): a spokesman's باسم, a statement's بيان (L1 as written: none of their letters
/// changes). After anything else it is more often a plain noun (حق الدفاع، السياسة الخارجية،
/// وزير الخارجية).
const BEFORE_PORTFOLIO: [&str; 4] = ["باسم", "بيان", "لبيان", "ببيان"];

impl<'l> ShortNames<'l> {
    fn introduce(&mut self, lex: &Lexicon, head: &'l str, key: &Arc<str>) {
        let next = match self.by_head.get(head) {
            None => Antecedent::One(key.clone()),
            Some(Antecedent::One(old)) if **old == **key || more_specific(lex, old, key) => return,
            Some(Antecedent::One(old)) if more_specific(lex, key, old) => Antecedent::One(key.clone()),
            Some(_) => Antecedent::Ambiguous,
        };
        self.by_head.insert(head, next);
    }

    /// A head word starting at `start` lies inside the last mention emitted.
    pub fn covers(&self, start: usize) -> bool {
        start < self.covered_until
    }

    fn antecedent(&self, head: &str) -> Option<&Arc<str>> {
        match self.by_head.get(head) {
            Some(Antecedent::One(k)) => Some(k),
            _ => None,
        }
    }

    /// Take one head word's use; push the mention it makes (a phrase mention with its key
    /// resolved, or a short name).
    pub fn step(&mut self, an: &Analyzer<'l>, doc: DocId, words: &[Word], u: HeadUse<'l>, out: &mut Vec<Mention>) {
        let lex = an.lexicon();
        match u {
            HeadUse::Named { mut mention, via } => {
                let EntityKey::Phrase(key) = mention.key.clone() else { return };
                if lex.phrase_kind(&key) != Some(EntityKind::Organization) {
                    // الاتحاد السوفيتي (a country): الاتحاد alone no longer says which
                    for h in lex.short_name_heads_of(&key) {
                        self.by_head.insert(h, Antecedent::Ambiguous);
                    }
                } else {
                    let heads: Vec<&'l str> = lex.short_name_heads_of(&key).into_iter().chain(via).collect();
                    // a bare ministry after a qualified one of its portfolio is that ministry
                    let resolved = heads.iter().filter_map(|h| self.antecedent(h)).find(|e| more_specific(lex, e, &key)).cloned().unwrap_or(key.clone());
                    for h in heads {
                        self.introduce(lex, h, &resolved);
                    }
                    if resolved != key {
                        mention.key = EntityKey::Phrase(resolved);
                        mention.short = true;
                    }
                }
                self.covered_until = mention.span.end;
                out.push(mention);
            }
            HeadUse::Other(head) => {
                self.by_head.insert(head, Antecedent::Ambiguous);
            }
            HeadUse::Minister { head, portfolio } => {
                // وزير الصحة after وزارة الخارجية: الوزارة no longer says which
                if self.antecedent(head).is_some_and(|e| e.split(' ').nth(1) != Some(portfolio.as_str())) {
                    self.by_head.insert(head, Antecedent::Ambiguous);
                }
            }
            HeadUse::Short { at, word, next_definite } => {
                let Some(e) = self.antecedent(word.head).cloned() else {
                    if next_definite {
                        self.by_head.insert(word.head, Antecedent::Ambiguous);
                    }
                    return;
                };
                let more = if word.form == HeadForm::Definite { continuation(an, &e, word.head, &words[at..]) } else { 0 };
                if next_definite && more == 0 {
                    self.by_head.insert(word.head, Antecedent::Ambiguous);
                    return;
                }
                let w = &words[at];
                let last = &words[at + more];
                let spelling = words[at..=at + more].iter().enumerate().map(|(i, w)| if i == 0 { written_head(w, word) } else { w.l0().to_string() }).collect::<Vec<_>>().join(" ");
                self.covered_until = last.token.end;
                out.push(Mention { doc, span: w.folded.source_offset(word.prefix_chars)..last.token.end, spelling: spelling.into(), lil: word.lil, key: EntityKey::Phrase(e), short: true });
            }
        }
    }
}

/// The head word standalone (L0, proclitic removed; ال restored after لل).
fn written_head(w: &Word, hw: HeadWord) -> String {
    let rest: String = w.l0().chars().skip(hw.prefix_chars).collect();
    if hw.lil {
        format!("ا{rest}")
    } else {
        rest
    }
}

/// How many words after a short name go on with the full name of `key` (المرصد السوري
/// after المرصد السوري لحقوق الإنسان), short of the whole name.
fn continuation(an: &Analyzer, key: &str, head: &str, words: &[Word]) -> usize {
    let mut best = 0;
    for form in an.lexicon().phrase_forms(key) {
        let fw: Vec<&str> = form.split(' ').collect();
        let Some(p) = fw.iter().position(|w| w.strip_prefix("ال") == Some(head)) else { continue };
        let room = fw.len().saturating_sub(p + 2);
        let n = (1..=room).take_while(|&j| words.get(j).is_some_and(|w| w.token.gap_before == Gap::Space && w.l1 == fw[p + j])).count();
        best = best.max(n);
    }
    best
}

impl<'a> Analyzer<'a> {
    /// The short-name head a word stands for, its proclitic aside (والمنظمة, للوزارة).
    pub(super) fn head_word(&self, w: &Word) -> Option<HeadWord<'a>> {
        let lex = self.lexicon();
        if w.tanween || !lex.may_hold_short_name_head(&w.l1) {
            return None;
        }
        if let Some((head, form)) = lex.short_name_head(&w.l1) {
            return Some(HeadWord { prefix_chars: 0, lil: false, head, form });
        }
        let mut found = None;
        crate::text::clitics::for_each_split(w.l0(), 3, |prefix_chars, rest, lil| {
            if found.is_some() {
                return;
            }
            let l1 = if lil { to_l1(&format!("ا{rest}")) } else { to_l1(rest) };
            if let Some((head, form)) = lex.short_name_head(&l1) {
                found = Some(HeadWord { prefix_chars, lil, head, form });
            }
        });
        found
    }

    /// What the head word at `k` does. `words` is the document or a window of it holding
    /// five whitespace-separated chunks (so at least five words) on either side of `k`, or
    /// the document's start.
    pub(super) fn head_use(&self, doc: DocId, words: &[Word], k: usize, hw: HeadWord<'a>) -> Option<HeadUse<'a>> {
        for i in k.saturating_sub(4)..=k {
            if let Some((n, mention)) = self.phrase_at(doc, words, i) {
                if k < i + n {
                    return Some(HeadUse::Named { mention, via: None });
                }
            }
        }
        let next = words.get(k + 1).filter(|n| n.token.gap_before == Gap::Space);
        match hw.form {
            HeadForm::Indefinite => {
                // منظمة + a name: the name, if the lexicon knows it as an organisation
                let named = next.and_then(|_| self.phrase_at(doc, words, k + 1)).filter(|(_, m)| match &m.key {
                    EntityKey::Phrase(key) => self.lexicon().phrase_kind(key) == Some(EntityKind::Organization),
                    EntityKey::Cluster(_) | EntityKey::Local(..) => false,
                });
                Some(match named {
                    Some((_, mention)) => HeadUse::Named { mention, via: Some(hw.head) },
                    None => HeadUse::Other(hw.head),
                })
            }
            HeadForm::Minister => {
                let n = next.filter(|n| self.lexicon().is_portfolio(&n.l1))?;
                Some(HeadUse::Minister { head: hw.head, portfolio: n.l1.clone() })
            }
            HeadForm::Definite => {
                let next_definite = next.is_some_and(|n| n.l1.starts_with("ال") && !self.lexicon().is_function_word(&n.l1));
                Some(HeadUse::Short { at: k, word: hw, next_definite })
            }
            HeadForm::Portfolio => {
                let lex = self.lexicon();
                let prev = k.checked_sub(1).map(|p| &words[p]).filter(|_| words[k].token.gap_before == Gap::Space && hw.prefix_chars == 0)?;
                let prev_l1 = prev.l1.strip_prefix(['و', 'ف']).filter(|r| r.chars().count() >= 3).unwrap_or(&prev.l1);
                let introduced = lex.is_saying_verb(cue_form(&prev.l1, lex)) || BEFORE_PORTFOLIO.contains(&prev_l1);
                // الدفاع عن (defending), الخارجية الأمريكية (another ministry, a phrase) or
                // الدفاع الجوي (air defence): not the ministry alone
                let plain = next.is_some_and(|n| n.l1 == "عن" || n.l1.starts_with("ال") && !lex.is_function_word(&n.l1));
                (introduced && !plain && !prev.tanween).then_some(HeadUse::Short { at: k, word: hw, next_definite: false })
            }
        }
    }

    /// The short names of a whole document, with the phrase mentions that hold a head word
    /// (keys resolved), in text order, for the head words at `ks`. `only`: the heads to
    /// follow (all when `None`).
    pub(super) fn short_names_in(&self, doc: DocId, words: &[Word], ks: std::ops::Range<usize>, only: Option<&[&str]>) -> Vec<Mention> {
        let mut walk = ShortNames::default();
        let mut out = Vec::new();
        for k in ks {
            if walk.covers(words[k].token.start) {
                continue;
            }
            let Some(hw) = self.head_word(&words[k]) else { continue };
            if only.is_some_and(|o| !o.contains(&hw.head)) {
                continue;
            }
            if let Some(u) = self.head_use(doc, words, k, hw) {
                walk.step(self, doc, words, u, &mut out);
            }
        }
        out
    }
}
