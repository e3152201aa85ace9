//! Repeated quotes: detection, and the corpus-wide reuse index.
//!
//! **Detection** (per document, pure, run in parallel by `Workspace::load`):
//! * marked quotes from an explicit table of openers and the closers each accepts
//!   ("…" “…” «…» „…“ ‹…› 「…」 『…』, and the reversed ”…“ »…« ›…‹ some sites type), with a
//!   nesting stack; a mark that is never closed ends at its paragraph (and after
//!   [`MAX_QUOTE_TOKENS`] words), so it never swallows the rest of a document;
//! * unmarked quotes: after a verb of saying and a colon (وأضاف: …, وقال X لشبكة …: …) the rest of
//!   the sentence;
//! * the speaker where the sentence gives it (قال/أضاف/أكد… X, or quote first: «…»، قال X).
//!
//! Quotes under `quotes.min_words` words (default 4) are scare quotes: kept, never linked (the
//! threshold is read at query time, so a configuration change needs no re-indexing). Names
//! between quote marks (`mark_names`: listed, headed by an organisation's noun, acronyms) are
//! no quotations either: never linked (marked anew when the configuration changes).
//!
//! **Tokens.** Every body word becomes a 32-bit fingerprint of its L1 form (diacritics, tatweel,
//! hamza/alef forms, ى/ي, ة/ه folded; ؤ/ئ read as و/ي; Latin lowercased) with a light proclitic
//! strip (ال and وال/بال/فال/كال/لل, a single و/ف). Punctuation and quote marks are not tokens,
//! so they never matter. `rustc-hash` (already a dependency) gives a deterministic hash.
//!
//! **Index.** Per document: its token fingerprints and its quotes; corpus-wide: fingerprint →
//! sorted documents (words of 3+ letters). Inserting or removing a document touches only its
//! own postings, so an edit costs the document, not the corpus.
//!
//! **Matching** (on demand, so always as fresh as the documents): the rarest words of a quote
//! select candidate documents (quotes sharing two of its twelve rarest quoted words; for
//! passages, documents holding most of its six rarest words). Two quotes are copies when their
//! longest common word subsequence covers ≥ [`MIN_CONTAINMENT`] of the shorter one and most
//! of those words are written alike in both ([`SAME_FORMS`]: a talking point said again, or a
//! stock phrase, recasts its words' proclitics and articles, a reprint keeps them) and their
//! facts agree (figures, days, months, cities: a template issued again changes them); an
//! unquoted passage (a word-level local alignment) when it carries ≥ 0.6 of a quote of at least
//! [`PASSAGE_MIN_WORDS`] words. A short quote's copy has [`SHORT_MIN_WEIGHT`] of its weight
//! (below), not only a stock phrase. Where the shorter quote is only a part of the longer one, the
//! link needs more: the part has [`PART_MIN_WORDS`] words at least and the longer one holds
//! [`PART_MIN_WEIGHT`] of its weight (words weighed by how few documents quote them, so the
//! telling words, not the common ones) in one stretch of it ([`PART_MIN_STRETCH`]: words
//! gathered across a quotation are another quotation, unless the part marks an elision «…»),
//! and the part belongs to one quotation only: a short
//! quote that different quotations hold (a stock phrase) is a copy of none of them. A short
//! quote (under [`PASSAGE_MIN_WORDS`] words) that other documents write as it stands outside
//! quote marks is an expression of the press («لا أساس لها من الصحة»): it links to nothing,
//! and a short quote whose words in common with another are such an expression, as the
//! other writes them, is no copy of it («اتهامات لا أساس لها من الصحة»); nor does such a
//! quote to a copy more than [`SHORT_COPY_DAYS`] days away (the same few words said again, not
//! a reprint). A longer copy that far away is a quote copied word for word
//! ([`FAR_COPY_SHARE`]): a quotation printed again is copied from the archive, while a talking
//! point, formula or template said again on another occasion is recast, or written as the
//! outlet's own background. Words
//! one outlet prints on [`FORMULA_DAYS`] days or more are a formula issued again after each
//! event (a coalition's statement after every missile, an outlet's boilerplate): a copy of one
//! is a reprint of the same day's issue only.
//!
//! **Groups.** A quote's group is the quote and its own copies, the earliest first (by
//! front-matter date, then relative path, then position): its source. Nothing joins through
//! another copy, so every copy shares most of its words with the quote asked about. `isnad
//! quotes` puts every quote in the group of its own source.

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHasher};

use crate::corpus::document::Document;
use crate::text::normalize::{fold_l1_char, is_arabic_mark, is_format_char, l1, TATWEEL};
use crate::text::tokenize::tokenize_range;

use super::index::{in_every, DocId, Workspace};
use super::lexicon::Lexicon;

/// A quote whose marks never close stops after this many words.
pub const MAX_QUOTE_TOKENS: usize = 200;
/// Share of the shorter quote two copies must have in common, in order.
pub const MIN_CONTAINMENT: f64 = 0.6;
/// Share of a short quote's weight (its words weighed by how few documents quote them) that a
/// longer quotation holding it must have in order: a part of a quotation carries its telling
/// words, a stock phrase shares only its common ones.
pub const PART_MIN_WEIGHT: f64 = 0.8;
/// Share of a short quote's weight (under [`PASSAGE_MIN_WORDS`] words) that a whole copy of it
/// must have in order: «قطر أقوى من أي وقت مضى» and «بات أقرب من أي وقت مضى» share most of
/// their words, but only the stock phrase's. (It costs some copies translated anew: «أتمنى أن
/// تموت كل اسماك القرش» and «أتمنى أن يموت كل سمك القرش» no longer link.)
pub const SHORT_MIN_WEIGHT: f64 = 0.6;
/// Fewest words of a quote that counts as a part of a longer quotation (جاهزا بنسبة مئة بالمئة
/// is said of many things).
pub const PART_MIN_WORDS: usize = 6;
/// Shortest quote that may link to an unquoted passage (short ones are too often stock phrases).
pub const PASSAGE_MIN_WORDS: usize = 8;
/// Days apart beyond which a short quotation (under [`PASSAGE_MIN_WORDS`] words) is not a copy:
/// a reprint follows its source within the days of the story, while the few words said again
/// months later are an idiom or a formula («كل الخيارات مطروحة على الطاولة», «لا أساس لها من
/// الصحة», «بأكبر قدر ممكن من الحزم» / «… من الحرية»): of a dozen such links drawn at random
/// from ant2018, eleven joined different statements.
pub const SHORT_COPY_DAYS: i64 = 30;
/// Share of the shorter's words, in order, that a copy more than [`SHORT_COPY_DAYS`] days away
/// must have (one word in twenty may differ): a quotation printed again weeks later is copied
/// from the archive, while the same talking point, formula or template said again on another
/// occasion is recast (of 138 groups spanning more than 30 days in ant2018, judged by reading
/// the articles, 54 joined different statements; 4 of them were copies this close).
pub const FAR_COPY_SHARE: f64 = 0.95;
/// Fewest aligned words for an unquoted passage.
const PASSAGE_MIN_MATCHED: usize = 6;
/// Days apart within which an unquoted passage may be a copy of a quote: an outlet reports a
/// statement in its own words on its day or the next. Weeks later the same words are the
/// outlet's narration or a formula issued again: of 40 passages 3 to 30 days from their quote
/// drawn at random from ant2018 and judged in their articles, 24 were another occasion or
/// speaker (the coalition's interception wording after another launch, an army's condolence
/// for other soldiers, a market report a month older), 15 the statement recalled.
pub const PASSAGE_COPY_DAYS: i64 = 2;
/// Candidate documents aligned per quote, best first.
const MAX_CANDIDATES: usize = 128;
/// Rarest words of a quote used to find candidates.
const SEED_WORDS: usize = 12;
/// Candidate documents aligned per quote when looking for unquoted passages.
const PASSAGE_CANDIDATES: usize = 24;

/// One quote of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Bytes from its first word to its last (marks and edge punctuation excluded).
    pub span: Range<usize>,
    /// Fingerprints of its words, in order.
    pub fps: Vec<u32>,
    /// Its words' bits ([`WordBits`]): which words it may hold, read without its words.
    bits: WordBits,
    /// Between quote marks (false: after a verb of saying and a colon).
    pub marked: bool,
    /// The marks never closed: capped at the paragraph.
    pub unbalanced: bool,
    /// Nesting depth (0 outermost).
    pub depth: u8,
    pub speaker: Option<String>,
    /// Not a quotation (`mark_names`): a name or a title between quote marks, or the outlet's
    /// own words that a misread straight mark put between them. Never linked.
    pub not_quotation: bool,
}

impl Quote {
    pub fn words(&self) -> usize {
        self.fps.len()
    }

    /// Whether the quote may link to copies: a quotation (not a name) of `min` words at least.
    fn linkable(&self, min: usize) -> bool {
        self.words() >= min && !self.not_quotation
    }
}

/// What one document contributes to the quote index.
#[derive(Debug, Default, Clone)]
pub struct DocQuotes {
    pub quotes: Vec<Quote>,
    /// Distinct indexed fingerprints of its quotes, sorted (consumed by `insert`).
    keys: Vec<u32>,
}

// ------------------------------------------------------------------ tokens

/// Words that introduce a quotation and the words that end its speaker's name
/// (`data/lexicon/`, in the normal form of [`normalize_word`]).
const QUOTE_CUES: &str = include_str!("../../data/lexicon/quote_cues.txt");
const SPEAKER_STOPS: &str = include_str!("../../data/lexicon/speaker_stops.txt");
const REPORT_CUES: &str = include_str!("../../data/lexicon/report_cues.txt");

/// Normalised form of one word into `buf` (see the module docs).
fn normalize_word(word: &str, buf: &mut String) {
    written_form(word, buf);
    strip_proclitics(buf);
}

/// [`normalize_word`] before its proclitic strip: the word as written, its spelling folded.
fn written_form(word: &str, buf: &mut String) {
    buf.clear();
    for c in word.chars() {
        let c = match c {
            // marks (combining hamza/madda included: the folds below make ؤ و and ئ ي anyway)
            c if is_format_char(c) || c == TATWEEL || is_arabic_mark(c) => continue,
            '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => {
                // presentation forms: the general (allocating) path
                for d in l1(&c.to_string()).chars() {
                    buf.push(fold_extra(d));
                }
                continue;
            }
            c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
            c => fold_extra(fold_l1_char(c)),
        };
        buf.push(c);
    }
}

fn strip_proclitics(buf: &mut String) {
    // light proclitic strip, identical on every side so it only ever helps matching
    let strip = ["وال", "بال", "فال", "كال", "لل", "ال"]
        .iter()
        .find(|p| buf.starts_with(**p) && buf[p.len()..].chars().count() >= 2)
        .map(|p| p.len())
        .or_else(|| ((buf.starts_with('و') || buf.starts_with('ف')) && buf.chars().count() >= 4).then_some(2));
    if let Some(n) = strip {
        buf.drain(..n);
    }
}

fn fold_extra(c: char) -> char {
    match c {
        'ؤ' => 'و',
        'ئ' | 'ی' | 'ې' | 'ۍ' => 'ي',
        'ک' => 'ك',
        'ە' | 'ۀ' | 'ہ' => 'ه',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        c => c,
    }
}

fn fingerprint(norm: &str) -> u32 {
    let mut h = FxHasher::default();
    h.write(norm.as_bytes());
    let h = h.finish();
    let v = (h ^ (h >> 32)) as u32;
    if norm.chars().count() >= 3 { v | 1 } else { v & !1 }
}

/// Fingerprints of the verbs of saying and of the words that end a speaker, sorted (a
/// membership test per word costs a binary search, not string comparisons).
fn cue_fingerprints() -> &'static (Vec<u32>, Vec<u32>) {
    static CUES: std::sync::OnceLock<(Vec<u32>, Vec<u32>)> = std::sync::OnceLock::new();
    CUES.get_or_init(|| {
        let fps = |list: &'static str| {
            let mut buf = String::new();
            let mut v: Vec<u32> = crate::analysis::lexicon::words(list)
                .map(|w| {
                    normalize_word(w, &mut buf);
                    fingerprint(&buf)
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        (fps(QUOTE_CUES), fps(SPEAKER_STOPS))
    })
}

/// Fingerprints of the words that put what follows in reported speech: the verbs of saying
/// and `report_cues.txt`, sorted.
fn report_fingerprints() -> &'static [u32] {
    static CUES: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    CUES.get_or_init(|| {
        let mut buf = String::new();
        let mut v: Vec<u32> = crate::analysis::lexicon::words(REPORT_CUES)
            .map(|w| {
                normalize_word(w, &mut buf);
                fingerprint(&buf)
            })
            .chain(cue_fingerprints().0.iter().copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

fn indexed(fp: u32) -> bool {
    fp & 1 == 1
}

// ------------------------------------------------------------------ detection

/// Closers accepted by an opener (`None`: not an opener).
fn closers(c: char) -> Option<&'static [char]> {
    Some(match c {
        '"' => &['"'],
        '«' => &['»'],
        '»' => &['«'],
        '“' => &['”', '“'],
        '”' => &['“', '”'],
        '„' => &['“', '”'],
        '‹' => &['›'],
        '›' => &['‹'],
        '「' => &['」'],
        '『' => &['』'],
        '＂' => &['＂'],
        _ => return None,
    })
}

fn is_paragraph_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2029}')
}

fn is_sentence_end(text: &str, i: usize, c: char) -> bool {
    match c {
        '!' | '?' | '؟' | '\n' | '\r' | '\u{2029}' => true,
        '.' => {
            // not a decimal point or an abbreviation dot between letters/digits
            let next = text[i + 1..].chars().next();
            !next.is_some_and(|n| n.is_alphanumeric())
        }
        _ => false,
    }
}

/// Quote detection for one document (pure; run in parallel during the initial index), names
/// between quote marks told apart with the language's lists.
pub fn extract(doc: &Document, lex: &Lexicon) -> DocQuotes {
    let mut q = extract_text(&doc.text, doc.body_start);
    mark_names(&doc.text, &mut q, lex);
    q
}

/// Longest name headed by an organisation's noun or spelt in letters (words).
const NAME_MAX_WORDS: usize = 6;
/// Longest listed name looked up between quote marks (words).
const LISTED_NAME_MAX_WORDS: usize = 8;
/// Longest Latin word read as part of an acronym or a channel's name (NBC, News).
const LATIN_NAME_WORD_MAX_CHARS: usize = 4;

/// Marks the quotes between quote marks that are names, not quotations: a multiword name the
/// gazetteer or the style guide lists («منظمة حظر الأسلحة الكيميائية»), a short one headed by
/// an organisation's noun and no sentence («تحالف دعم الشرعية في اليمن», «مجلس شورى مجاهدي
/// درنة»; not «الحزب لن يشارك في الانتخابات»), or an acronym spelt out in letters or written in
/// short Latin words («إتش إس بي سي», «إير بي إن بي», «NBC News»). Such a name is printed in
/// quotes by every outlet that names it: linking those copies would be linking mentions, not a
/// quotation. The style guide's names take part: a configuration change marks them anew.
pub fn mark_names(text: &str, quotes: &mut DocQuotes, lex: &Lexicon) {
    let mut title_before: Option<Range<usize>> = None;
    for q in &mut quotes.quotes {
        let after_title = title_before.take().is_some_and(|t| joined_by_and(text, &t, &q.span));
        q.not_quotation = false;
        if !q.marked || !within(text, &q.span) {
            continue;
        }
        let title = after_title || titled(text, q.span.start, lex);
        if title {
            title_before = Some(q.span.clone());
        }
        // a title or a slogan whatever its length (the economics Nobel's official name, a
        // report's title); the names looked up are shorter
        if q.words() > LISTED_NAME_MAX_WORDS {
            q.not_quotation = title;
            continue;
        }
        // (word, L1), punctuation-only tokens left out
        let words: Vec<(&str, String)> = tokenize_range(text, q.span.start, q.span.end)
            .into_iter()
            .map(|t| (t.text(text), l1(t.text(text))))
            .filter(|(_, w)| !w.is_empty())
            .collect();
        let n = words.len();
        if n == 0 {
            continue;
        }
        let listed = lex.phrase(&words.iter().map(|(_, w)| w.as_str()).collect::<Vec<_>>().join(" ")).is_some();
        let first = words[0].1.strip_prefix("ال").unwrap_or(&words[0].1);
        let headed = n <= NAME_MAX_WORDS && (lex.is_org_head(first) || lex.is_org_word(first)) && !words.iter().any(|(_, w)| lex.is_sentence_particle(w));
        let latin = |w: &str| w.chars().all(|c| c.is_ascii_alphabetic()) && w.chars().count() <= LATIN_NAME_WORD_MAX_CHARS;
        let letters = words.iter().filter(|(w, l)| lex.is_letter_name(l) || latin(w)).count();
        let acronym = n <= NAME_MAX_WORDS && letters >= 2 && 2 * letters >= n;
        q.not_quotation = listed || headed || acronym || title;
    }
    mark_misread_straight_marks(text, quotes, lex);
    mark_headline_lists(text, quotes);
}

/// Longest line read as a headline (words).
const HEADLINE_MAX_WORDS: usize = 14;

/// Whether the line `line` of `text` reads as a headline: a few words, no full stop at its end
/// (nor inside the quote mark that ends it: «وأضافت: "نرجو احترام خصوصيتنا."»).
fn headline_like(text: &str, line: &Range<usize>) -> bool {
    let Some(l) = text.get(line.clone()) else { return false };
    let l = l.trim();
    // (a closing mark: the table's marks, the two that only close, and the single quote)
    let end = l.trim_end_matches(|c: char| c.is_whitespace() || closers(c).is_some() || matches!(c, '」' | '』' | '’'));
    !l.is_empty() && !end.ends_with(['.', '。', '…']) && l.split_whitespace().count() <= HEADLINE_MAX_WORDS
}

/// Marks the quotes of a list of headlines: a line that reads as a headline beside another
/// one (the links to related articles a page lists, «كوريا الشمالية "تغلق موقع تجاربها النووية
/// في مايو"» under «لافروف: سوريا تخلصت من ترسانتها الكيمياوية»). Every page that links to
/// that article prints its title: linking them links a navigation element, not a quotation.
/// Not a quote with a speaker: a verb of saying before it reports a statement («وحذر روسيا من
/// "مواصلة السير في طريق مظلم"», a paragraph of one line).
fn mark_headline_lists(text: &str, quotes: &mut DocQuotes) {
    let mut memo: Option<(Range<usize>, bool)> = None;
    for q in &mut quotes.quotes {
        if q.not_quotation || q.speaker.is_some() || !within(text, &q.span) {
            continue;
        }
        if !memo.as_ref().is_some_and(|(line, _)| line.contains(&q.span.start)) {
            let line = paragraph_of(text, q.span.start);
            let listed = headline_like(text, &line) && {
                let previous = text[..line.start].trim_end();
                let before = paragraph_of(text, previous.len());
                let after_start = line.end + (text[line.end..].len() - text[line.end..].trim_start().len());
                let after = paragraph_of(text, after_start);
                (!previous.is_empty() && headline_like(text, &before)) || (after_start < text.len() && headline_like(text, &after))
            };
            memo = Some((line, listed));
        }
        if memo.as_ref().is_some_and(|(line, listed)| *listed && q.span.end <= line.end) {
            q.not_quotation = true;
        }
    }
}

/// Whether `span` is a span of `text` (a quote extracted from this very text is; a guard
/// against a stale one).
fn within(text: &str, span: &Range<usize>) -> bool {
    span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end)
}

/// Whether the quote at `next` is joined by و to the one at `first` right before it, marks
/// between them («…» و«…», "…"، و"…"): a list of titles or slogans, one kind.
fn joined_by_and(text: &str, first: &Range<usize>, next: &Range<usize>) -> bool {
    let Some(gap) = text.get(first.end..next.start) else { return false };
    let marks = gap.chars().filter(|&c| closers(c).is_some()).count();
    let rest: String = gap.chars().filter(|&c| !c.is_whitespace() && closers(c).is_none() && !matches!(c, '،' | ',')).collect();
    marks >= 2 && rest == "و"
}

/// Trailing adjectives (a nisba: الأمريكي, فرنسية) read past to the noun they describe.
const MISREAD_ADJECTIVES_MAX: usize = 2;

/// Straight marks (") open and close alike, so one forgotten closing mark turns a paragraph's
/// later quotes inside out: «فيلم "في حرب للمخرج ستيفان بريزيه، والفيلم الأمريكي "أسفل
/// البحيرة الذهبية" للمخرج…» reads «للمخرج ستيفان بريزيه، والفيلم الأمريكي» as a quote and the
/// next title as prose. Where a paragraph's straight marks are odd in number and one of its
/// straight quotes ends on a word that wants what follows (a preposition, a relative:
/// `open_ends.txt`) or on a noun that gives a title (فيلم, الفيلم الفرنسي: `title_nouns.txt`),
/// that quote and the paragraph's later straight quotes are not quotations. Not where the
/// paragraph ends on its last mark: there the odd mark opened a quote inside the quotation
/// and the last closes both («وقالت: "على إسرائيل احترام… وأشارات إلى " الموقف الواضح…
/// بشأن القدس".»). (Odd marks alone are no sign: a quotation running on into the next
/// paragraph leaves them odd too.)
fn mark_misread_straight_marks(text: &str, quotes: &mut DocQuotes, lex: &Lexicon) {
    let straight = |q: &Quote| mark_before(text, q.span.start) == Some('"');
    let mut misread_from: Option<(usize, usize)> = None; // (paragraph start, first misread quote's start)
    // (the paragraph of the quote before, and whether its marks may be misread: odd in number,
    // the paragraph not ending on its last; read once per paragraph, quotes come in order)
    let mut paragraph: Option<(Range<usize>, bool)> = None;
    for q in quotes.quotes.iter_mut() {
        if !within(text, &q.span) || !straight(q) {
            continue;
        }
        // (a quote never closed whose mark is shaped as a closer, on the word before it with
        // a space after: «مروحية "مي-"=8" في أقصى الشرق…» runs the paragraph's prose as a
        // quote; not after a verb of saying, where a mark typed on the wrong side of its space
        // opens one: «وقال مسؤول … في مؤتمر صحفي" لم نشهد مطلقا…»)
        if q.unbalanced && q.speaker.is_none() && opened_by_a_closer(text, q.span.start) {
            q.not_quotation = true;
            continue;
        }
        if !paragraph.as_ref().is_some_and(|(p, _)| p.contains(&q.span.start)) {
            let p = paragraph_of(text, q.span.start);
            let marks = &text[p.clone()];
            let odd = marks.matches('"').count() % 2 == 1;
            let ends_on_mark = marks.chars().rev().find(|&c| c == '"' || c.is_alphanumeric()) == Some('"');
            paragraph = Some((p, odd && !ends_on_mark));
        }
        let Some((p, may_be_misread)) = &paragraph else { continue };
        if misread_from.is_some_and(|(start, from)| start == p.start && q.span.start > from) {
            q.not_quotation = true;
            continue;
        }
        let closed_straight = !q.unbalanced && mark_after(text, q.span.end) == Some('"');
        if closed_straight && *may_be_misread && ends_open(&text[q.span.clone()], lex) {
            q.not_quotation = true;
            misread_from = Some((p.start, q.span.start));
        }
    }
}

/// The paragraph holding byte `at` (a char boundary).
fn paragraph_of(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind(is_paragraph_break).map_or(0, |i| i + 1);
    let end = text[at..].find(is_paragraph_break).map_or(text.len(), |i| at + i);
    start..end
}

/// Whether the straight mark that opens the quote starting at `start` is shaped as a closing
/// one: right after a letter or digit, a space after it. An opening mark follows a space or
/// punctuation and is followed by the quote's first letter.
fn opened_by_a_closer(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let gap = before.len() - before.trim_end().len();
    let Some(mark) = before.trim_end().strip_suffix('"') else { return false };
    gap > 0 && mark.chars().next_back().is_some_and(char::is_alphanumeric)
}

/// The quote mark right before byte `at`, spaces and other punctuation read past.
fn mark_before(text: &str, at: usize) -> Option<char> {
    first_mark(text[..at].chars().rev())
}

/// The quote mark right after byte `at`, spaces and other punctuation read past.
fn mark_after(text: &str, at: usize) -> Option<char> {
    first_mark(text[at..].chars())
}

/// The first of `chars` that is a quote mark, if no letter, digit or paragraph break comes first.
fn first_mark(mut chars: impl Iterator<Item = char>) -> Option<char> {
    chars.find(|&c| closers(c).is_some() || c.is_alphanumeric() || is_paragraph_break(c)).filter(|&c| closers(c).is_some())
}

/// Whether a quote's text ends on a word no quotation ends with: one that wants what follows
/// (`open_ends.txt`, a conjunction taken off), or a noun that gives a title, indefinite
/// (فيلم, وفيلم) or described by a nisba (الفيلم الأمريكي; not الفيلم alone, which a
/// quotation may end with).
fn ends_open(quote: &str, lex: &Lexicon) -> bool {
    let words: Vec<String> = quote.split_whitespace().rev().take(MISREAD_ADJECTIVES_MAX + 1).map(l1).filter(|w| !w.is_empty()).collect();
    let Some(last) = words.first() else { return false };
    let without_conjunction = |w: &str| w.strip_prefix(['و', 'ف']).filter(|r| r.chars().count() >= 2).map(str::to_string);
    if lex.is_open_end(last) || without_conjunction(last).is_some_and(|w| lex.is_open_end(&w)) {
        return true;
    }
    if gives_title(last, lex) {
        return true;
    }
    let nisba = |w: &str| (w.ends_with('ي') || w.ends_with("يه")) && w.chars().count() >= 4;
    let adjectives = words.iter().take_while(|w| nisba(w)).count();
    let definite_title = |w: &str| {
        let w = without_conjunction(w).unwrap_or_else(|| w.to_string());
        w.strip_prefix("ال").is_some_and(|r| lex.is_title_noun(r)) || gives_title(&w, lex)
    };
    adjectives >= 1 && words.get(adjectives).is_some_and(|w| definite_title(w))
}

/// Whether the quote starting at `start` follows a noun that gives it as a name or title
/// (كتاب «…», برنامج «…», بعنوان «…», حملة «…»: `title_nouns.txt`), indefinite, with a
/// proclitic on the noun (وبرنامج, بعنوان).
fn titled(text: &str, start: usize, lex: &Lexicon) -> bool {
    // (within the paragraph: a line that ends on «مهرجان» is not the noun of the next one's quote)
    let spaces = |c: char| c.is_whitespace() && !is_paragraph_break(c);
    let before = text[..start].trim_end_matches(spaces);
    let Some(mark) = before.chars().next_back().filter(|&c| closers(c).is_some()) else { return false };
    let before = before[..before.len() - mark.len_utf8()].trim_end_matches(spaces).trim_end_matches(':').trim_end_matches(spaces);
    let word = before.rsplit(|c: char| !(c.is_alphanumeric() || is_arabic_mark(c) || is_format_char(c))).next().unwrap_or("");
    gives_title(&l1(word), lex)
}

/// Whether a word (L1) is a noun that gives a title (`title_nouns.txt`), indefinite, a
/// proclitic taken off (وبرنامج, بعنوان).
fn gives_title(word: &str, lex: &Lexicon) -> bool {
    let mut titled = lex.is_title_noun(word);
    // (after و/ف then ب/ك/ل; not after لل, which is the article: definite)
    crate::text::clitics::for_each_split(word, 2, |_, rest, lil| titled |= !lil && lex.is_title_noun(rest));
    titled
}

/// A word with its fingerprint and cue flags.
#[derive(Clone)]
struct W {
    start: usize,
    end: usize,
    fp: u32,
    verb: bool,
    stop: bool,
    /// Only spaces between this word and the previous one.
    spaced: bool,
}

fn words_in(text: &str, a: usize, b: usize, buf: &mut String) -> Vec<W> {
    use crate::text::tokenize::Gap;
    let (verbs, stops) = cue_fingerprints();
    tokenize_range(text, a, b)
        .into_iter()
        .map(|t| {
            normalize_word(t.text(text), buf);
            let fp = fingerprint(buf);
            W {
                start: t.start,
                end: t.end,
                fp,
                verb: verbs.binary_search(&fp).is_ok(),
                stop: stops.binary_search(&fp).is_ok() || buf.len() < 3,
                spaced: t.gap_before == Gap::Space,
            }
        })
        .collect()
}

/// Words `speaker_of` reads before a quote and after it.
const SPEAKER_WORDS_BEFORE: usize = 15;
const SPEAKER_WORDS_AFTER: usize = 8;
/// Bytes read first around a quote for those words (a sentence may be a whole paragraph).
const SPEAKER_WINDOW_BYTES: usize = 1024;

/// The words from `from` to `to` that `speaker_of` reads (the last [`SPEAKER_WORDS_BEFORE`]
/// are those of the whole range): a window before `to` first, the whole range when the window
/// holds too few (its first word may be cut).
fn words_before(body: &BodyWords, from: usize, to: usize, buf: &mut String) -> Vec<W> {
    let text = body.text;
    let window = crate::corpus::document::floor_char_boundary(text, to.saturating_sub(SPEAKER_WINDOW_BYTES));
    if window > from {
        let words = body.range(window, to, buf);
        if words.len() > SPEAKER_WORDS_BEFORE {
            return words;
        }
    }
    body.range(from, to, buf)
}

/// The words after a quote's end `at` to its sentence's end that `speaker_of` reads (the first
/// [`SPEAKER_WORDS_AFTER`] are those of the whole range), as [`words_before`] does.
fn words_after(body: &BodyWords, at: usize, buf: &mut String) -> Vec<W> {
    let text = body.text;
    let window = crate::corpus::document::floor_char_boundary(text, at.saturating_add(SPEAKER_WINDOW_BYTES).min(text.len()));
    if let Some(end) = sentence_end_before(text, at, window) {
        return body.range(at, end, buf);
    }
    let words = body.range(at, window, buf);
    if words.len() > SPEAKER_WORDS_AFTER {
        return words;
    }
    body.range(at, sentence_end(text, at), buf)
}

/// The words of a document's body, for the words of a quote and around it: read once for the
/// whole body where the quotes' windows would read more than it holds (a document dense with
/// quotes, an article edited at every keystroke), else range by range. A range then has the
/// body's words that lie wholly inside it, where reading it anew would keep a word its edge
/// cuts: only a window's edge cuts one, and `speaker_of` reads the words away from that edge
/// (the last of those before a quote, the first after it), so it finds the same speaker.
struct BodyWords<'t> {
    text: &'t str,
    whole: Option<Vec<W>>,
}

impl<'t> BodyWords<'t> {
    fn new(text: &'t str, from: usize, quotes: usize, whole: Option<bool>, buf: &mut String) -> BodyWords<'t> {
        // (each quote reads up to a window before it and one after it)
        let windows = quotes.saturating_mul(2 * SPEAKER_WINDOW_BYTES);
        let whole = whole.unwrap_or(windows > text.len() - from).then(|| words_in(text, from, text.len(), buf));
        BodyWords { text, whole }
    }

    fn range(&self, a: usize, b: usize, buf: &mut String) -> Vec<W> {
        match &self.whole {
            Some(all) => {
                let first = all.partition_point(|w| w.start < a);
                let end = all.partition_point(|w| w.end <= b).max(first);
                all[first..end].to_vec()
            }
            None => words_in(self.text, a, b, buf),
        }
    }
}

/// Where the sentence holding byte `at` ends (a sentence end, or the text's end).
fn sentence_end(text: &str, at: usize) -> usize {
    sentence_end_before(text, at, text.len()).unwrap_or(text.len())
}

/// The first sentence end from `at` before byte `limit` (a char boundary), if any.
fn sentence_end_before(text: &str, at: usize, limit: usize) -> Option<usize> {
    text[at..limit].char_indices().find(|&(rel, c)| is_sentence_end(text, at + rel, c)).map(|(rel, _)| at + rel)
}

/// [`extract`] on a text whose body starts at `from`.
pub fn extract_text(text: &str, from: usize) -> DocQuotes {
    extract_reading(text, from, None)
}

/// [`extract_text`], the body's words read whole (`Some(true)`), range by range
/// (`Some(false)`) or as is cheaper (`None`): the same quotes either way.
fn extract_reading(text: &str, from: usize, whole: Option<bool>) -> DocQuotes {
    let from = from.min(text.len());
    let from = if text.is_char_boundary(from) { from } else { 0 };
    // (content bytes, marked, unbalanced, depth, start of its sentence)
    let mut raw: Vec<(Range<usize>, bool, bool, u8, usize)> = Vec::new();
    let mut stack: Vec<(&'static [char], usize, usize)> = Vec::new(); // (closers, content start, sentence start)
    let mut sentence_start = from;
    let mut buf = String::new();
    let body = &text[from..];
    for (rel, c) in body.char_indices() {
        // fast path: plain letters and spaces
        if c == ' ' || ('\u{0621}'..='\u{064A}').contains(&c) || c.is_ascii_alphanumeric() {
            continue;
        }
        let i = from + rel;
        if is_paragraph_break(c) {
            while let Some((_, content, ss)) = stack.pop() {
                raw.push((content..i, true, true, stack.len() as u8, ss));
            }
            sentence_start = i + 1;
            continue;
        }
        if let Some(pos) = stack.iter().rposition(|o| o.0.contains(&c)) {
            while stack.len() > pos + 1 {
                let (_, content, ss) = stack.pop().expect("len > pos + 1");
                raw.push((content..i, true, true, stack.len() as u8, ss));
            }
            let (_, content, ss) = stack.pop().expect("pos < len");
            raw.push((content..i, true, false, stack.len() as u8, ss));
            continue;
        }
        if let Some(cl) = closers(c) {
            if stack.len() < 8 {
                stack.push((cl, i + c.len_utf8(), sentence_start));
            }
            continue;
        }
        if stack.is_empty() && (c == ':' || c == '：') {
            if let Some(q) = unmarked_after_colon(text, i + c.len_utf8(), sentence_start, &mut buf) {
                raw.push((q, false, false, 0, sentence_start));
            }
        }
        if stack.is_empty() && is_sentence_end(text, i, c) {
            sentence_start = i + c.len_utf8();
        }
    }
    while let Some((_, content, ss)) = stack.pop() {
        raw.push((content..text.len(), true, true, stack.len() as u8, ss));
    }

    let mut quotes = Vec::new();
    let body = BodyWords::new(text, from, raw.len(), whole, &mut buf);
    for (bytes, marked, unbalanced, depth, ss) in raw {
        let mut words = body.range(bytes.start, bytes.end, &mut buf);
        if unbalanced {
            words.truncate(MAX_QUOTE_TOKENS);
        }
        let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
        let span = first.start..last.end;
        let before = words_before(&body, ss.min(span.start), bytes.start, &mut buf);
        let after = words_after(&body, bytes.end.min(text.len()), &mut buf);
        let speaker = speaker_of(text, &before, &after);
        let fps: Vec<u32> = words.iter().map(|w| w.fp).collect();
        quotes.push(Quote { span, bits: WordBits::of(&fps), fps, marked, unbalanced, depth, speaker, not_quotation: false });
    }
    quotes.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    quotes.dedup_by(|a, b| a.span == b.span);
    let mut keys: Vec<u32> = quotes.iter().flat_map(|q| q.fps.iter().copied()).filter(|&t| indexed(t)).collect();
    keys.sort_unstable();
    keys.dedup();
    DocQuotes { quotes, keys }
}

/// The rest of the sentence after a colon (`after` is just past it), when a verb of saying
/// precedes it in the sentence.
fn unmarked_after_colon(text: &str, after: usize, sentence_start: usize, buf: &mut String) -> Option<Range<usize>> {
    let colon = after - 1;
    let first = text[after..].char_indices().find(|(_, c)| !c.is_whitespace() && !is_format_char(*c))?;
    if closers(first.1).is_some() {
        return None; // a marked quote follows
    }
    // only the last few hundred bytes of the sentence can hold the verb (12 words)
    let mut lo = colon.saturating_sub(300).max(sentence_start.min(colon));
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = words_in(text, lo, colon, buf);
    if !before.iter().rev().take(12).any(|w| w.verb) {
        return None;
    }
    let start = after + first.0;
    Some(start..sentence_end(text, start))
}

/// Who said it: the words after the nearest verb of saying before the quote in its sentence,
/// or after a verb right behind it (quote first: «…»، قال X).
fn speaker_of(text: &str, before: &[W], after: &[W]) -> Option<String> {
    let after_verb = |ws: &[W], v: usize| -> Option<String> {
        let mut end = v + 1;
        while end < ws.len() && end - v <= 4 && !ws[end].stop && !ws[end].verb {
            if end > v + 1 && !ws[end].spaced {
                break;
            }
            end += 1;
        }
        (end > v + 1).then(|| text[ws[v + 1].start..ws[end - 1].end].to_string())
    };
    let lo = before.len().saturating_sub(15);
    if let Some(v) = (lo..before.len()).rev().find(|&k| before[k].verb) {
        if let Some(s) = after_verb(before, v) {
            return Some(s);
        }
    }
    if let Some(v) = after.iter().take(3).position(|w| w.verb) {
        return after_verb(after, v);
    }
    None
}

// ------------------------------------------------------------------ the index

#[derive(Debug, Default)]
pub struct QuoteIndex {
    docs: Vec<Option<DocQuotes>>,
    /// Indexed fingerprint of a quoted word → documents quoting it, sorted.
    postings: FxHashMap<u32, Vec<DocId>>,
    /// Documents with quotes (the N of the words' weights).
    quoted_docs: usize,
}

impl QuoteIndex {
    /// Add (or replace) a document's quotes.
    pub fn insert(&mut self, doc: DocId, mut quotes: DocQuotes) {
        self.remove(doc);
        let keys = std::mem::take(&mut quotes.keys);
        for k in keys {
            let list = self.postings.entry(k).or_default();
            match list.last() {
                Some(&last) if last >= doc => {
                    if let Err(pos) = list.binary_search(&doc) {
                        list.insert(pos, doc);
                    }
                }
                _ => list.push(doc),
            }
        }
        let i = doc as usize;
        if self.docs.len() <= i {
            self.docs.resize_with(i + 1, || None);
        }
        self.docs[i] = (!quotes.quotes.is_empty()).then_some(quotes);
        self.quoted_docs += usize::from(self.docs[i].is_some());
    }

    /// Remove a document's quotes.
    pub fn remove(&mut self, doc: DocId) {
        let Some(old) = self.docs.get_mut(doc as usize).and_then(Option::take) else { return };
        self.quoted_docs -= 1;
        let mut keys: Vec<u32> = old.quotes.iter().flat_map(|q| q.fps.iter().copied()).filter(|&t| indexed(t)).collect();
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            if let Some(list) = self.postings.get_mut(&k) {
                if let Ok(pos) = list.binary_search(&doc) {
                    list.remove(pos);
                }
                if list.is_empty() {
                    self.postings.remove(&k);
                }
            }
        }
    }

    pub fn doc(&self, doc: DocId) -> Option<&DocQuotes> {
        self.docs.get(doc as usize).and_then(Option::as_ref)
    }

    /// Marks the names between quote marks anew (the lexicon changed): `text` gives each
    /// document's text.
    pub fn mark_names_again<'t>(&mut self, text: impl Fn(DocId) -> Option<&'t str>, lex: &Lexicon) {
        for (d, dq) in self.docs.iter_mut().enumerate() {
            if let (Some(dq), Some(t)) = (dq.as_mut(), text(d as DocId)) {
                mark_names(t, dq, lex);
            }
        }
    }

    /// (documents with quotes, quotes, quoted words, postings, approximate bytes)
    pub fn sizes(&self) -> (usize, usize, usize, usize, usize) {
        let docs = self.docs.iter().flatten().count();
        let quotes: usize = self.docs.iter().flatten().map(|d| d.quotes.len()).sum();
        let words: usize = self.docs.iter().flatten().flat_map(|d| &d.quotes).map(|q| q.fps.capacity()).sum();
        let speakers: usize = self.docs.iter().flatten().flat_map(|d| &d.quotes).filter_map(|q| q.speaker.as_ref()).map(String::capacity).sum();
        let postings: usize = self.postings.values().map(Vec::capacity).sum();
        let bytes = words * 4
            + speakers
            + postings * 4
            + self.postings.capacity() * (4 + 24 + 1)
            + quotes * std::mem::size_of::<Quote>()
            + self.docs.capacity() * std::mem::size_of::<Option<DocQuotes>>();
        (docs, quotes, words, postings, bytes)
    }

    fn df(&self, fp: u32) -> usize {
        self.postings.get(&fp).map_or(0, Vec::len)
    }
}

// ------------------------------------------------------------------ matching

/// One copy of a quote: a quote of a document, or an unquoted passage.
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence {
    pub doc: DocId,
    pub span: Range<usize>,
    /// Index into the document's quotes (`None`: an unquoted passage).
    pub quote: Option<usize>,
}

/// A reuse group: every copy, source first, then in source order.
#[derive(Debug, Clone)]
pub struct Group {
    pub copies: Vec<Occurrence>,
    /// Which copy the query started from.
    pub origin: usize,
}

impl Group {
    pub fn source(&self) -> &Occurrence {
        &self.copies[0]
    }
}

fn min_words(ws: &Workspace) -> usize {
    ws.config().quotes.min_words.max(1)
}

/// Linkable quotes of `doc` holding byte `offset`, innermost first.
pub fn quotes_at(ws: &Workspace, doc: DocId, offset: usize) -> Vec<usize> {
    let Some(dq) = ws.quotes().doc(doc) else { return Vec::new() };
    let min = min_words(ws);
    let mut v: Vec<usize> = (0..dq.quotes.len())
        .filter(|&i| {
            let q = &dq.quotes[i];
            q.linkable(min) && q.span.start <= offset && offset <= q.span.end
        })
        .collect();
    v.sort_by_key(|&i| dq.quotes[i].span.len());
    v
}

/// The reuse group of the quote at `offset` in `doc`: the innermost linkable quote there that
/// has copies elsewhere. `None` inside no quote, or inside a quote printed once.
pub fn group_at(ws: &Workspace, doc: DocId, offset: usize) -> Option<Group> {
    quotes_at(ws, doc, offset).into_iter().find_map(|qi| group_of(ws, doc, qi))
}

fn order(ws: &Workspace, o: &Occurrence) -> (u32, usize) {
    (ws.source_rank(o.doc), o.span.start)
}

/// The group of quote `qi` of `doc` (`None` when it has no copy, or is a scare quote): the
/// quote and its own copies, the earliest of them first (its source). No copy joins through
/// another copy: every copy shares most of its words with this quote itself.
pub fn group_of(ws: &Workspace, doc: DocId, qi: usize) -> Option<Group> {
    let q = ws.quotes().doc(doc)?.quotes.get(qi)?;
    if !q.linkable(min_words(ws)) {
        return None;
    }
    let origin = Occurrence { doc, span: q.span.clone(), quote: Some(qi) };
    let mut copies = find_copies(ws, &origin);
    if copies.is_empty() {
        return None;
    }
    copies.push(origin.clone());
    copies.sort_by_key(|o| order(ws, o));
    let origin = copies.iter().position(|o| *o == origin).unwrap_or(0);
    Some(Group { copies, origin })
}

/// Where a document's body starts (what a passage is aligned against).
fn body_from(d: &Document) -> usize {
    crate::corpus::document::floor_char_boundary(&d.text, d.body_start)
}

/// Body words of a document.
fn body_words(ws: &Workspace, doc: DocId) -> Vec<W> {
    let Some(d) = ws.doc(doc) else { return Vec::new() };
    words_in(&d.text, body_from(d), d.text.len(), &mut String::new())
}

/// The fingerprints of [`body_words`], in order: a fraction of its cost, for the many
/// documents a quote is aligned against and the few it matches.
fn body_fps(ws: &Workspace, doc: DocId) -> Vec<u32> {
    let Some(d) = ws.doc(doc) else { return Vec::new() };
    let mut buf = String::new();
    crate::text::tokenize::word_spans(&d.text, body_from(d), d.text.len())
        .map(|(a, b)| {
            normalize_word(&d.text[a..b], &mut buf);
            fingerprint(&buf)
        })
        .collect()
}

/// The words of an occurrence's span, in order (none when the span does not fit its text).
fn occurrence_words(ws: &Workspace, occ: &Occurrence) -> Vec<W> {
    let Some(doc) = ws.doc(occ.doc) else { return Vec::new() };
    if doc.text.get(occ.span.clone()).is_none() {
        return Vec::new();
    }
    words_in(&doc.text, occ.span.start, occ.span.end, &mut String::new())
}

/// The word fingerprints of an occurrence, in order.
fn occurrence_fps(ws: &Workspace, occ: &Occurrence) -> Vec<u32> {
    if let Some(qi) = occ.quote {
        return ws.quotes().doc(occ.doc).and_then(|d| d.quotes.get(qi)).map(|q| q.fps.clone()).unwrap_or_default();
    }
    occurrence_words(ws, occ).iter().map(|w| w.fp).collect()
}

/// A copy found for a quote: where, its words, and how many words of the two are in common
/// in order.
struct Match {
    occ: Occurrence,
    fps: Vec<u32>,
    common: usize,
}

/// Whether two word sequences are copies of one quotation: in order, they have at least
/// [`MIN_CONTAINMENT`] of the shorter in common (a truncation, a one-word edit), and at least
/// `min` words.
fn copies_of_one(a: &[u32], b: &[u32], min: usize) -> bool {
    enough_in_common(lcs_len(a, b), a.len().min(b.len()), min)
}

/// [`copies_of_one`] given the words two sequences have in common in order and the length of
/// the shorter.
fn enough_in_common(common: usize, shorter: usize, min: usize) -> bool {
    common as f64 >= MIN_CONTAINMENT * shorter as f64 && common >= shorter.min(min)
}

/// Every copy of `occ` in other documents (at most one per document). A copy that holds the
/// quote as a small part of a longer one counts only where the quote belongs to that one
/// quotation: a short quote that several different quotations contain (a stock phrase, «أكثر
/// من أي وقت مضى») is a copy of none of them.
fn find_copies(ws: &Workspace, occ: &Occurrence) -> Vec<Occurrence> {
    let q = occurrence_fps(ws, occ);
    let raw = candidate_copies(ws, occ, &q);
    let m = q.len();
    if raw.is_empty() || m < PASSAGE_MIN_WORDS && written_unquoted(ws, occ) {
        return Vec::new();
    }
    let min = min_words(ws);
    // (this quote's words as written, read once and only if a candidate gets that far)
    let own = std::cell::OnceCell::new();
    let alike = |x: &Match| written_alike(own.get_or_init(|| written(ws, occ)), &written(ws, &x.occ), x.common);
    // (most of the longer one in common: the same text, give or take an edit)
    let whole = |x: &Match| x.common as f64 >= MIN_CONTAINMENT * x.fps.len().max(m) as f64;
    let (mut kept, rest): (Vec<Match>, Vec<Match>) = raw.into_iter().partition(whole);
    let weigh = Weights::of(ws);
    // (a short quote's copy has its telling words, not only a stock phrase around others)
    kept.retain(|x| {
        let (short, long) = if x.fps.len() < m { (&x.fps[..], &q[..]) } else { (&q[..], &x.fps[..]) };
        short.len() >= PASSAGE_MIN_WORDS || weigh.share_in(short, long).is_none_or(|share| share >= SHORT_MIN_WEIGHT)
    });
    // (the documents printing the same words, their facts aside: a template re-issued after
    // each event changes its figures and cities, and is a formula all the same)
    let printing: Vec<DocId> = kept.iter().map(|x| x.occ.doc).collect();
    // (copies keep their words' forms: the test once the cheaper ones passed)
    kept.retain(alike);
    let (longer, shorter): (Vec<Match>, Vec<Match>) = rest.into_iter().partition(|x| x.fps.len() > m);
    // longer quotations holding this quote (its telling words): theirs only when they are one
    // quotation
    let q_elided = elided(ws, occ);
    let longer: Vec<Match> = if m >= PART_MIN_WORDS {
        longer.into_iter().filter(|x| weigh.part_of(&q, &x.fps) && in_one_stretch(&q, &x.fps, q_elided) && alike(x)).collect()
    } else {
        Vec::new()
    };
    if let Some(best) = longer.iter().max_by(|a, b| (a.common * b.fps.len()).cmp(&(b.common * a.fps.len()))) {
        // (and where this quote's copies that say more than it say it too: «ضربت كل البنية
        // التحتية الإيرانية في سوريا», a copy of «كل البنية التحتية الإيرانية في سوريا», is not
        // in a statement ten days older that names «البنية التحتية الإيرانية التي يجري بناؤها
        // في سوريا»; the quote is that copy's statement)
        if longer.iter().all(|x| std::ptr::eq(x, best) || copies_of_one(&x.fps, &best.fps, min)) && kept.iter().filter(|x| x.fps.len() > m).all(|x| weigh.part_of(&x.fps, &best.fps)) {
            kept.extend(longer);
        }
    }
    // shorter quotes this one holds: copies of it unless another quotation holds them too
    for x in shorter {
        if x.fps.len() >= PART_MIN_WORDS
            && weigh.part_of(&x.fps, &q)
            && in_one_stretch(&x.fps, &q, elided(ws, &x.occ))
            && alike(&x)
            && held_by_this_quotation_only(ws, &weigh, &x, occ, &q)
        {
            kept.push(x);
        }
    }
    // (a short quotation months away is the same words said again, not a reprint)
    let day = |d: DocId| ws.doc(d).and_then(|doc| doc.meta.day_number());
    let own_day = day(occ.doc);
    let far = |x: &Match| own_day.zip(day(x.occ.doc)).is_some_and(|(a, b)| (a - b).abs() > SHORT_COPY_DAYS);
    kept.retain(|x| x.fps.len().min(m) >= PASSAGE_MIN_WORDS || !far(x));
    // (a quotation printed again weeks later is copied from the archive, word for word and
    // between quote marks; a passage in an outlet's own voice, or words recast, weeks away are
    // background or a formula said again)
    kept.retain(|x| !far(x) || x.occ.quote.is_some() && x.common as f64 >= FAR_COPY_SHARE * x.fps.len().min(m) as f64);
    // (a short copy whose words in common with this quote are an expression of the press
    // links to nothing, as this quote would if it were one: «أنها اتهامات لا أساس لها» and
    // «اتهامات لا أساس لها من الصحة» share what the press writes in its own voice. Documents
    // holding a copy may write it beside their copy: the expression is the others')
    if kept.iter().any(|x| x.fps.len().min(m) < PASSAGE_MIN_WORDS) {
        let holders: rustc_hash::FxHashSet<DocId> = kept.iter().map(|x| x.occ.doc).chain([occ.doc]).collect();
        let skip = |d: DocId| holders.contains(&d);
        kept.retain(|x| x.fps.len().min(m) >= PASSAGE_MIN_WORDS || !shared_expression(ws, (occ, &q), (&x.occ, &x.fps), &skip));
    }
    // (the documents holding a copy, before the formula keeps the day's only)
    let holders = kept.iter().any(|x| x.occ.quote.is_none()).then(|| kept.iter().map(|x| x.occ.doc).chain([occ.doc]).collect::<rustc_hash::FxHashSet<DocId>>());
    // (words one outlet prints on many days are a formula issued again each time: a copy is a
    // reprint of the day's issue, within a day; in that outlet, of the same day only, its
    // words of another day being its own boilerplate again: CNN's series title «25 مسلماً من
    // المؤثرين في أمريكا» under each day's video)
    let formula_outlets = formula_outlets(ws, occ, kept.iter().map(|x| x.occ.doc).chain(printing));
    if !formula_outlets.is_empty() {
        let outlet = |d: DocId| ws.doc(d).and_then(|doc| doc.meta.outlet.as_deref());
        let own_outlet = outlet(occ.doc);
        let own_formula = formula_outlets.contains(&own_outlet);
        kept.retain(|x| {
            let within = if own_formula && own_outlet == outlet(x.occ.doc) { 0 } else { FORMULA_REPRINT_DAYS };
            own_day.zip(day(x.occ.doc)).is_some_and(|(a, b)| (a - b).abs() <= within)
        });
    }
    // (an unquoted passage the press writes, as it stands, in documents that hold no copy of
    // this quotation is the press's own phrase: an event's name, «انسحاب الولايات المتحدة من
    // الاتفاق النووي» in 94 documents, a title, a formula; not a copy of the quotation)
    if let Some(holders) = &holders {
        kept.retain(|x| x.occ.quote.is_some() || !written_outside_quotes(ws, &x.occ, &|d| holders.contains(&d)));
    }
    // (an unquoted passage is the statement reported in the outlet's words: within its days,
    // and, a few words only, in reported speech. Last: the rules above count the documents
    // holding the words as holders, not as the press writing them elsewhere)
    kept.retain(|x| {
        x.occ.quote.is_some() || own_day.zip(day(x.occ.doc)).is_none_or(|(a, b)| (a - b).abs() <= PASSAGE_COPY_DAYS) && (x.fps.len() > PASSAGE_MIN_WORDS || reported(ws, &x.occ))
    });
    kept.into_iter().map(|x| x.occ).collect()
}

/// Whether an unquoted passage of a few words is reported speech: a verb of saying
/// (`quote_cues.txt`: قال إن, أكد أن, أعلن أنه, مؤكدا; `report_cues.txt`: تحدث عن, ندد ب, نص
/// البيان على) among the words of its sentence before it, or right after it in its sentence
/// («…، قال الوزير»). Words the press writes in its own voice that a quote also holds (a
/// body's name after «بدعوة من», a link «خصصته السعودية لاستقبال طلبات القطريين», «شهد اتفاق
/// وقف إطلاق النار») are narration: of 40 passages under nine words drawn at random from
/// ant2018, 9 were, 7 of them with no such verb (2 of the 31 reported ones lack one). A longer
/// passage is told by its words: of 40 longer ones without such a verb, 34 were the statement
/// (an observatory's or a ministry's description of an event the outlet prints as its own).
fn reported(ws: &Workspace, occ: &Occurrence) -> bool {
    let Some(doc) = ws.doc(occ.doc) else { return false };
    let text: &str = &doc.text;
    let (start, end) = (occ.span.start, occ.span.end);
    if text.get(start..end).is_none() {
        return false;
    }
    let from = crate::corpus::document::floor_char_boundary(text, start.saturating_sub(SPEAKER_WINDOW_BYTES).max(body_from(doc)));
    let sentence_start = text[from..start].char_indices().rev().find(|&(rel, c)| is_sentence_end(text, from + rel, c)).map_or(from, |(rel, c)| from + rel + c.len_utf8());
    let cues = report_fingerprints();
    let cue = |w: &W| cues.binary_search(&w.fp).is_ok();
    let mut buf = String::new();
    if words_in(text, sentence_start, start, &mut buf).iter().any(cue) {
        return true;
    }
    let to = crate::corpus::document::floor_char_boundary(text, end.saturating_add(SPEAKER_WINDOW_BYTES).min(text.len()));
    let sentence_end = sentence_end_before(text, end, to).unwrap_or(to);
    words_in(text, end, sentence_end, &mut buf).iter().take(SPEAKER_WORDS_AFTER).any(cue)
}

/// Days on which one outlet prints the same words beyond which they are a formula, not one
/// quotation: a statement issued again after every event from one template (the coalition's
/// «هذا العمل العدائي … يثبت استمرار تورط النظام الإيراني …» after each missile), or an
/// outlet's own boilerplate. An outlet goes back to a quotation it printed on the days that
/// follow its story, not on a week's worth of days.
pub const FORMULA_DAYS: usize = 8;
/// Days from its own issue within which a formula's copy is a reprint of it.
const FORMULA_REPRINT_DAYS: i64 = 1;

/// The outlets that print `occ`'s words (it and the documents `printing` them: its copies,
/// and those whose facts differ, a template issued again) on [`FORMULA_DAYS`] days or more: a
/// formula of theirs (documents without an outlet count as one outlet; without a date, not at
/// all).
fn formula_outlets<'w>(ws: &'w Workspace, occ: &Occurrence, printing: impl Iterator<Item = DocId>) -> Vec<Option<&'w str>> {
    let mut docs: Vec<DocId> = printing.chain([occ.doc]).collect();
    docs.sort_unstable();
    docs.dedup();
    if docs.len() < FORMULA_DAYS {
        return Vec::new();
    }
    let mut days: FxHashMap<Option<&str>, Vec<i64>> = FxHashMap::default();
    for doc in docs {
        if let Some(d) = ws.doc(doc) {
            if let Some(day) = d.meta.day_number() {
                days.entry(d.meta.outlet.as_deref()).or_default().push(day);
            }
        }
    }
    days.into_iter()
        .filter_map(|(outlet, mut v)| {
            v.sort_unstable();
            v.dedup();
            (v.len() >= FORMULA_DAYS).then_some(outlet)
        })
        .collect()
}

/// Share of the words a part has in common with a longer quotation that one stretch of it
/// must hold, at least: a part is a piece of the quotation cut out whole (a word or two edited
/// or left out), not words gathered across it (بالتغير الكبير في موقف الولايات المتحدة is not
/// in «…وتغير الموقف في العالم بصورة كبيرة. روسيا والولايات المتحدة…»).
const PART_MIN_STRETCH: f64 = 0.8;

/// Whether the words `part` has in common with `whole`, in order, lie in one stretch of it
/// (its best local alignment holds [`PART_MIN_STRETCH`] of them). A part that marks an
/// elision («…», (...)) leaves words out on purpose: it may gather them.
fn in_one_stretch(part: &[u32], whole: &[u32], elided: bool) -> bool {
    if elided {
        return true;
    }
    let common = lcs_len(part, whole);
    best_alignment(part, whole, &WordSet::new(part)).is_some_and(|al| al.matched as f64 >= PART_MIN_STRETCH * common as f64)
}

/// Share of the `common` words two copies have in common (proclitics aside) that must be
/// written alike in both (the same proclitics and article): a reprint, whole or cut, keeps its
/// words' forms, while the same talking point said again on another day recasts them
/// («التزويد بالوقود والمشاركة بالمعلومات» against «إعادة تزويد الوقود … ومشاركة
/// المعلومات»), as a stock phrase does («ممارسات تجارية غير عادلة», «الممارسات التجارية غير
/// العادلة»).
const SAME_FORMS: f64 = 0.6;

/// Whether the `common` words of two copies are written alike in both, as [`SAME_FORMS`] asks,
/// and their facts agree: a reprint does not change a figure, a day or a city, while a
/// statement made again from one template does («80 ألف ريال» in May, «112 ألف ريال» in
/// August; «مساء الأحد», then «صباح السبت»; «باتجاه مدينة جازان», then «… نجران»). Facts of
/// one kind disagree when each copy has one the other lacks; a fact on one side only is a
/// number spelt out on the other («3 مدنيين», «ثلاثة مدنيين»), cut off, or said otherwise
/// («اليوم» for «الجمعة»).
fn written_alike(a: &Written, b: &Written, common: usize) -> bool {
    let within = |x: &Written, y: &Written, kind: Fact| x.facts.iter().filter(|f| f.0 == kind).all(|f| y.facts.contains(f));
    lcs_len(&a.forms, &b.forms) as f64 >= SAME_FORMS * common as f64
        && [Fact::Figure, Fact::Day, Fact::Month, Fact::City].into_iter().all(|kind| within(a, b, kind) || within(b, a, kind))
}

/// The kinds of fact [`written_alike`] compares one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fact {
    Figure,
    Day,
    Month,
    City,
}

/// An occurrence's words as written, for [`written_alike`].
struct Written {
    /// Fingerprints of the words with their proclitics kept, in order.
    forms: Vec<u32>,
    /// What it states that a template re-issued changes, in order: its numbers, in figures
    /// (ASCII digits: ٨٠ and ۸۰ are 80; after a proclitic: و47) or in words (ثلاثة is 3,
    /// السادسة 6: `number_words.tsv`); the days and months it names (`calendar_words.tsv`);
    /// the cities it names (`Lexicon::unambiguous_city`).
    facts: Vec<(Fact, u32)>,
}

fn written(ws: &Workspace, occ: &Occurrence) -> Written {
    let mut out = Written { forms: Vec::new(), facts: Vec::new() };
    let Some(text) = ws.doc(occ.doc).map(|d| &*d.text).filter(|t| t.get(occ.span.clone()).is_some()) else { return out };
    let lex = ws.lexicon();
    let mut buf = String::new();
    let (mut previous, mut pair) = (String::new(), String::new());
    for (a, b) in crate::text::tokenize::word_spans(text, occ.span.start, occ.span.end) {
        let word = &text[a..b];
        written_form(word, &mut buf);
        out.forms.push(fingerprint(&buf));
        // (L1 has the digits of every script in ASCII)
        let folded = l1(word);
        out.facts.extend(fact_of(lex, &previous, &folded, &mut pair));
        previous = folded;
    }
    out
}

/// The fact a word states (see [`Written::facts`]), given the word before it (both L1) for
/// names of two words (كانون الثاني, خميس مشيط), its proclitics read off when the rest is a
/// figure or a name. A city's name after a name's particle is a person's (أبو ريدة), and
/// المئة with the article is "per cent" («25 بالمئة»), not a hundred. `pair` is a buffer.
fn fact_of(lex: &Lexicon, previous: &str, word: &str, pair: &mut String) -> Option<(Fact, u32)> {
    let after_particle = lex.is_name_particle(previous);
    let calendar = |key: &str| lex.calendar_word(key).map(|k| (if k.starts_with('d') { Fact::Day } else { Fact::Month }, fingerprint(k)));
    let city = |key: &str| lex.unambiguous_city(key).map(|l| (Fact::City, fingerprint(l)));
    let mut named = |w: &str| {
        pair.clear();
        if !previous.is_empty() {
            pair.push_str(previous);
            pair.push(' ');
            pair.push_str(w);
        }
        let two = (!pair.is_empty()).then(|| calendar(pair).or_else(|| city(pair))).flatten();
        two.or_else(|| calendar(w)).or_else(|| city(w).filter(|_| !after_particle))
    };
    let figure = |w: &str| {
        let value = if !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit()) {
            Some(fingerprint(w))
        } else {
            lex.number_word(w).filter(|&v| v != 100 || !w.starts_with("ال")).map(|v| fingerprint(&v.to_string()))
        };
        value.map(|v| (Fact::Figure, v))
    };
    if let Some(f) = named(word).or_else(|| figure(word)) {
        return Some(f);
    }
    let mut found = None;
    crate::text::clitics::for_each_split(word, 1, |_, rest, lil| {
        if found.is_none() {
            let rest = if lil { format!("ا{rest}") } else { rest.to_string() };
            found = (rest.chars().count() >= 3).then(|| named(&rest)).flatten().or_else(|| figure(&rest));
        }
    });
    found
}

/// Whether a quote marks an elision: «…», "...", (...), [...].
fn elided(ws: &Workspace, occ: &Occurrence) -> bool {
    ws.doc(occ.doc).and_then(|d| d.text.get(occ.span.clone())).is_some_and(|t| t.contains('…') || t.contains(".."))
}

/// Whether what two occurrences (each with its word fingerprints) have in common, the shorter
/// one's best alignment in the longer one as the longer one writes it, is written as it stands
/// outside quote marks in documents `skip` leaves (see [`written_outside_quotes`]): an
/// expression of the press, not a quotation's telling words.
fn shared_expression(ws: &Workspace, a: (&Occurrence, &[u32]), b: (&Occurrence, &[u32]), skip: &dyn Fn(DocId) -> bool) -> bool {
    let ((short, short_fps), (long, long_fps)) = if a.1.len() <= b.1.len() { (a, b) } else { (b, a) };
    let words = occurrence_words(ws, long);
    let stretch = best_alignment(short_fps, long_fps, &WordSet::new(short_fps))
        .filter(|_| words.len() == long_fps.len())
        .and_then(|al| Some(words.get(al.t.start as usize)?.start..words.get(al.t.end as usize - 1)?.end));
    match stretch {
        Some(span) => written_outside_quotes(ws, &Occurrence { doc: long.doc, span, quote: None }, skip),
        None => written_outside_quotes(ws, short, skip),
    }
}

/// Documents looked at for a short quote written outside quote marks.
const EXPRESSION_CANDIDATES: usize = 256;
/// Other documents writing a short quote's words outside quote marks that make it an
/// expression of the language («لا أساس لها من الصحة»), not a quotation.
const EXPRESSION_MIN_DOCS: usize = 2;

/// Whether the short quote `occ` is written as it stands outside quote marks in other
/// documents: an expression the press uses in its own voice («لا أساس لها من الصحة», «أسوأ
/// أزمة إنسانية في العالم»), which many speakers are quoted saying; its quoted copies are not
/// one quotation.
fn written_unquoted(ws: &Workspace, occ: &Occurrence) -> bool {
    written_outside_quotes(ws, occ, &|d| d == occ.doc)
}

/// Whether the text of `occ` is written as it stands outside quote marks in
/// [`EXPRESSION_MIN_DOCS`] documents or more, those `skip` says aside.
fn written_outside_quotes(ws: &Workspace, occ: &Occurrence, skip: &dyn Fn(DocId) -> bool) -> bool {
    let Some(needle) = ws.doc(occ.doc).and_then(|doc| doc.text.get(occ.span.clone())) else { return false };
    // the documents holding all its words of three letters or more
    let mut lists: Vec<&[DocId]> = Vec::new();
    for w in occurrence_words(ws, occ) {
        let l0 = crate::text::normalize::l0(&needle[w.start - occ.span.start..w.end - occ.span.start]);
        if l0.chars().count() < 3 {
            continue;
        }
        match ws.word_stats(&l0) {
            Some(st) => lists.push(st.docs.as_slice()),
            None => return false,
        }
    }
    // the quote as written, found outside every quote of those documents
    let needle = needle.as_bytes();
    let mut found = 0;
    for d in in_every(lists).into_iter().filter(|&d| !skip(d)).take(EXPRESSION_CANDIDATES) {
        let Some(other) = ws.doc(d) else { continue };
        let quotes = ws.quotes().doc(d);
        let unquoted = memchr::memmem::find_iter(other.text.as_bytes(), needle).any(|p| {
            let span = p..p + needle.len();
            !quotes.is_some_and(|dq| dq.quotes.iter().any(|oq| overlap(&oq.span, &span) > 0))
        });
        if unquoted {
            found += 1;
            if found >= EXPRESSION_MIN_DOCS {
                return true;
            }
        }
    }
    false
}

/// Whether the quote `part` (held by `whole`, words `whole_fps`) is held by no quote of
/// another document that is not a copy of `whole`: the documents quoting all its indexed
/// words are looked at, and too many of them mean a stock phrase.
fn held_by_this_quotation_only(ws: &Workspace, weigh: &Weights, part: &Match, whole: &Occurrence, whole_fps: &[u32]) -> bool {
    let idx = ws.quotes();
    let min = min_words(ws);
    let mut keys: Vec<u32> = part.fps.iter().copied().filter(|&t| indexed(t)).collect();
    keys.sort_unstable();
    keys.dedup();
    if keys.is_empty() {
        return false;
    }
    let docs = in_every(keys.iter().map(|k| idx.postings.get(k).map(Vec::as_slice).unwrap_or(&[])).collect());
    if docs.len() > MAX_CANDIDATES {
        return false;
    }
    docs.into_iter().filter(|&d| d != whole.doc && d != part.occ.doc).all(|d| {
        let Some(other) = idx.doc(d) else { return true };
        other.quotes.iter().filter(|oq| oq.linkable(min) && oq.words() > part.fps.len()).all(|oq| {
            // a quote holding the part is a copy of the whole, or it holds none of it
            !copies_of_one(&part.fps, &oq.fps, min) || copies_of_one(&oq.fps, whole_fps, min) || !weigh.part_of(&part.fps, &oq.fps)
        })
    })
}

/// Words weighed by how few documents quote them: ln((N + 1) / (df + 1)) over the N documents
/// with quotes; words under three letters (particles, pronouns) weigh nothing.
struct Weights<'w> {
    idx: &'w QuoteIndex,
    docs: f64,
}

impl<'w> Weights<'w> {
    fn of(ws: &'w Workspace) -> Weights<'w> {
        let idx = ws.quotes();
        Weights { idx, docs: idx.quoted_docs as f64 }
    }

    fn weight(&self, fp: u32) -> f64 {
        if indexed(fp) {
            ((self.docs + 1.0) / (self.idx.df(fp) as f64 + 1.0)).ln().max(0.0)
        } else {
            0.0
        }
    }

    /// Whether `whole` has, in order, at least [`PART_MIN_WEIGHT`] of the weight of `part`.
    fn part_of(&self, part: &[u32], whole: &[u32]) -> bool {
        self.share_in(part, whole).is_some_and(|share| share >= PART_MIN_WEIGHT)
    }

    /// The share of the weight of `part` that `whole` has in order; `None` when its words
    /// weigh nothing (every one is in every quoting document, or short).
    fn share_in(&self, part: &[u32], whole: &[u32]) -> Option<f64> {
        let w: Vec<f64> = part.iter().map(|&t| self.weight(t)).collect();
        let total: f64 = w.iter().sum();
        if total <= 0.0 {
            return None;
        }
        // longest common subsequence by weight
        let mut prev = vec![0.0f64; whole.len() + 1];
        let mut cur = vec![0.0f64; whole.len() + 1];
        for (i, &x) in part.iter().enumerate() {
            for (j, &y) in whole.iter().enumerate() {
                cur[j + 1] = if x == y { prev[j] + w[i] } else { prev[j + 1].max(cur[j]) };
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        Some(prev[whole.len()] / total)
    }
}

/// 256 bits, one per word (fingerprint) hashed: a bit clear means the word is not among
/// those the bits were made of; a bit set, that it may be.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct WordBits([u64; 4]);

impl WordBits {
    fn of(words: &[u32]) -> WordBits {
        let mut bits = [0u64; 4];
        for &w in words {
            let b = Self::bit(w);
            bits[b / 64] |= 1 << (b % 64);
        }
        WordBits(bits)
    }

    fn bit(w: u32) -> usize {
        (w.wrapping_mul(0x9E37_79B9) >> 24) as usize
    }

    fn may_hold(&self, w: u32) -> bool {
        let b = Self::bit(w);
        self.0[b / 64] & (1 << (b % 64)) != 0
    }
}

/// A quote's words (fingerprints) for membership tests against many other texts: sorted,
/// behind [`WordBits`] that answer most "no"s with one bit.
struct WordSet {
    sorted: Vec<u32>,
    bits: WordBits,
}

impl WordSet {
    fn new(words: &[u32]) -> WordSet {
        let mut sorted = words.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        WordSet { bits: WordBits::of(&sorted), sorted }
    }

    fn contains(&self, w: u32) -> bool {
        self.bits.may_hold(w) && self.sorted.binary_search(&w).is_ok()
    }
}

/// Words of `other` that the quote's `words` has too: a bound on their longest common
/// subsequence, cheap to take first.
fn shared_words(words: &WordSet, other: &[u32]) -> usize {
    other.iter().filter(|&&t| words.contains(t)).count()
}

/// Quotes and unquoted passages of other documents that have most of `q` (the words of
/// `occ`) or most of themselves in common with it, at most one per document.
fn candidate_copies(ws: &Workspace, occ: &Occurrence, q: &[u32]) -> Vec<Match> {
    let idx = ws.quotes();
    let Some(doc) = ws.doc(occ.doc) else { return Vec::new() };
    let m = q.len();
    if m == 0 {
        return Vec::new();
    }
    let min = min_words(ws);
    let mut out: Vec<Match> = Vec::new();

    // 1. quotes of other documents: candidates share the rarest quoted words
    let mut seeds: Vec<(usize, u32)> = q.iter().copied().filter(|&t| indexed(t)).map(|t| (idx.df(t), t)).collect();
    seeds.sort_unstable();
    seeds.dedup();
    seeds.retain(|&(df, _)| df > 0);
    seeds.truncate(SEED_WORDS);
    let need = seeds.len().min(2);
    let mut hits: FxHashMap<DocId, u16> = FxHashMap::default();
    hits.reserve(seeds.iter().map(|&(_, t)| idx.postings.get(&t).map_or(0, Vec::len)).sum());
    for &(_, t) in &seeds {
        for &d in idx.postings.get(&t).map(Vec::as_slice).unwrap_or(&[]) {
            if d != occ.doc {
                *hits.entry(d).or_default() += 1;
            }
        }
    }
    let mut cands: Vec<(u16, DocId)> = hits.into_iter().filter(|&(_, h)| h as usize >= need.max(1)).map(|(d, h)| (h, d)).collect();
    cands.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    cands.truncate(MAX_CANDIDATES);
    let q_words = WordSet::new(q);
    for (_, d) in cands {
        let Some(other) = idx.doc(d) else { continue };
        let best = other
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, oq)| oq.linkable(min))
            .filter_map(|(i, oq)| {
                let shorter = m.min(oq.words());
                // (the words in common bound the common subsequence: most pairs stop here,
                // the most at the first test, which reads the other quote's bits, not its words)
                let need = MIN_CONTAINMENT * shorter as f64;
                if (q.iter().filter(|&&t| oq.bits.may_hold(t)).count() as f64) < need || (shared_words(&q_words, &oq.fps) as f64) < need {
                    return None;
                }
                let lcs = lcs_len(q, &oq.fps);
                let whole = lcs as f64 >= MIN_CONTAINMENT * m.max(oq.words()) as f64;
                // (a part too short to count competes with nothing)
                let part_counts = whole || shorter >= PART_MIN_WORDS;
                (enough_in_common(lcs, shorter, min) && part_counts).then_some((whole, lcs, i))
            })
            // the closest copy; else the part or holder with the largest share in common (of
            // parts of this quote printed as several quotes, «…»، وأنه «…», the first)
            .max_by(|a, b| {
                let share = |x: &(bool, usize, usize)| if x.0 { 0 } else { 1000 * x.1 / m.min(other.quotes[x.2].words()).max(1) };
                (a.0, if a.0 { a.1 } else { 0 }, share(a)).cmp(&(b.0, if b.0 { b.1 } else { 0 }, share(b))).then(b.2.cmp(&a.2))
            });
        if let Some((_, common, i)) = best {
            let oq = &other.quotes[i];
            out.push(Match { occ: Occurrence { doc: d, span: oq.span.clone(), quote: Some(i) }, fps: oq.fps.clone(), common });
        }
    }

    // 2. unquoted passages: candidates from the workspace's word postings (Arabic words)
    if m < PASSAGE_MIN_WORDS {
        return out;
    }
    let words = occurrence_words(ws, occ);
    let mut seeds: Vec<(usize, &[DocId])> = Vec::new();
    for w in &words {
        let l0 = crate::text::normalize::l0(&doc.text[w.start..w.end]);
        if l0.chars().count() < 3 {
            continue;
        }
        if let Some(st) = ws.word_stats(&l0) {
            if !st.docs.is_empty() && !seeds.iter().any(|s| std::ptr::eq(s.1, st.docs.as_slice())) {
                seeds.push((st.docs.len(), st.docs.as_slice()));
            }
        }
    }
    seeds.sort_by_key(|s| s.0);
    seeds.truncate(6);
    // (a copy has most of the quote's words: most of its rarest ones too)
    let need = (seeds.len() as f64 * MIN_CONTAINMENT).ceil() as usize;
    if need == 0 {
        return out;
    }
    let mut hits: FxHashMap<DocId, u16> = FxHashMap::default();
    hits.reserve(seeds.iter().map(|(_, list)| list.len()).sum());
    for (_, list) in &seeds {
        for &d in *list {
            if d != occ.doc && !out.iter().any(|o| o.occ.doc == d) {
                *hits.entry(d).or_default() += 1;
            }
        }
    }
    let mut cands: Vec<(u16, DocId)> = hits.into_iter().filter(|&(_, h)| h as usize >= need).map(|(d, h)| (h, d)).collect();
    cands.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    cands.truncate(PASSAGE_CANDIDATES);
    for (_, d) in cands {
        let t = body_fps(ws, d);
        let Some(al) = best_alignment(q, &t, &q_words) else { continue };
        if al.matched < PASSAGE_MIN_MATCHED || (al.matched as f64) < MIN_CONTAINMENT * m as f64 {
            continue;
        }
        let body = body_words(ws, d);
        let span = body[al.t.start as usize].start..body[al.t.end as usize - 1].end;
        // inside a quote of that document: the quote path above decided
        let quoted = idx.doc(d).is_some_and(|dq| {
            dq.quotes.iter().any(|oq| oq.words() >= min && 2 * overlap(&oq.span, &span) >= span.len())
        });
        if !quoted {
            let fps = t[al.t.start as usize..al.t.end as usize].to_vec();
            out.push(Match { occ: Occurrence { doc: d, span, quote: None }, fps, common: al.matched });
        }
    }
    out
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

struct Alignment {
    /// Aligned word range in the other text.
    t: Range<u32>,
    matched: usize,
}

/// Best local alignment (match +2, mismatch −1, gap −1) of `q` inside `t`, searched in
/// windows around the words of `q` so long documents stay cheap.
fn best_alignment(q: &[u32], t: &[u32], q_words: &WordSet) -> Option<Alignment> {
    let m = q.len();
    let mut windows: Vec<Range<usize>> = Vec::new();
    for (p, tok) in t.iter().enumerate() {
        if indexed(*tok) && q_words.contains(*tok) {
            let w = p.saturating_sub(m + 2)..(p + m + 3).min(t.len());
            match windows.last_mut() {
                Some(last) if last.end >= w.start => last.end = last.end.max(w.end),
                _ => windows.push(w),
            }
        }
    }
    let mut best: Option<(i32, Alignment)> = None;
    // rolling rows of (score, matched, start column)
    let mut prev: Vec<(i32, u32, u32)> = Vec::new();
    let mut cur: Vec<(i32, u32, u32)> = Vec::new();
    for w in windows {
        let n = w.len();
        prev.clear();
        prev.resize(n + 1, (0, 0, 0));
        for &qt in q {
            cur.clear();
            cur.resize(n + 1, (0, 0, 0));
            for j in 1..=n {
                let tj = w.start + j - 1;
                let same = t[tj] == qt;
                let d = prev[j - 1];
                let mut cell = if d.0 > 0 {
                    (d.0 + if same { 2 } else { -1 }, d.1 + same as u32, d.2)
                } else if same {
                    (2, 1, tj as u32)
                } else {
                    (0, 0, 0)
                };
                let up = prev[j];
                if up.0 - 1 > cell.0 {
                    cell = (up.0 - 1, up.1, up.2);
                }
                let left = cur[j - 1];
                if left.0 - 1 > cell.0 {
                    cell = (left.0 - 1, left.1, left.2);
                }
                if cell.0 <= 0 {
                    cell = (0, 0, 0);
                }
                cur[j] = cell;
                if same && cell.0 > 0 && best.as_ref().is_none_or(|b| cell.0 > b.0) {
                    best = Some((cell.0, Alignment { t: cell.2..tj as u32 + 1, matched: cell.1 as usize }));
                }
            }
            std::mem::swap(&mut prev, &mut cur);
        }
    }
    best.map(|b| b.1)
}

/// Length of the longest common subsequence of two word sequences.
fn lcs_len(a: &[u32], b: &[u32]) -> usize {
    let mut prev = vec![0u32; b.len() + 1];
    let mut cur = vec![0u32; b.len() + 1];
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] as usize
}

/// Words of `copy` missing from `source` (added) and words of `source` missing from `copy`
/// (removed), as written, in order; by a longest common subsequence of their fingerprints.
pub fn diff(ws: &Workspace, source: &Occurrence, copy: &Occurrence) -> (Vec<String>, Vec<String>) {
    let words = |o: &Occurrence| -> Vec<(u32, String)> {
        let Some(doc) = ws.doc(o.doc) else { return Vec::new() };
        occurrence_words(ws, o).into_iter().map(|w| (w.fp, doc.text[w.start..w.end].to_string())).collect()
    };
    let (a, b) = (words(source), words(copy));
    let (n, m) = (a.len(), b.len());
    let mut dp = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[i][j] = if a[i].0 == b[j].0 { dp[i + 1][j + 1] + 1 } else { dp[i + 1][j].max(dp[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    while i < n || j < m {
        if i < n && j < m && a[i].0 == b[j].0 {
            i += 1;
            j += 1;
        } else if j < m && (i == n || dp[i][j + 1] >= dp[i + 1][j]) {
            added.push(b[j].1.clone());
            j += 1;
        } else {
            removed.push(a[i].1.clone());
            i += 1;
        }
    }
    (added, removed)
}

/// Every reuse group of the corpus, in order of their sources (for `isnad quotes`): each
/// quote with copies joins the group of its own source (the earliest copy of this quotation
/// among it and its copies, as go-to-definition answers), so no copy joins through another.
/// A source that is itself a copy of an earlier quotation it alone matches heads its own group
/// and sits in that one too.
pub fn all_groups(ws: &Workspace) -> Vec<Group> {
    use rayon::prelude::*;
    let min = min_words(ws);
    let quotes: Vec<Occurrence> = ws
        .docs_in_order()
        .into_iter()
        .filter_map(|d| ws.quotes().doc(d).map(|dq| (d, dq)))
        .flat_map(|(d, dq)| {
            dq.quotes.iter().enumerate().filter(|(_, q)| q.linkable(min)).map(move |(qi, q)| Occurrence { doc: d, span: q.span.clone(), quote: Some(qi) })
        })
        .collect();
    // (source, the quote's place in its group: itself when it is the source)
    let placed: Vec<(Occurrence, Vec<Occurrence>)> = quotes
        .par_iter()
        .map(|origin| {
            let direct = find_copies(ws, origin);
            let source = direct.iter().fold(origin, |s, o| if order(ws, o) < order(ws, s) { o } else { s }).clone();
            if source == *origin {
                // its unquoted copies have no quote of their own to place them
                let passages = direct.into_iter().filter(|o| o.quote.is_none()).collect();
                (source, passages)
            } else {
                (source, vec![origin.clone()])
            }
        })
        .collect();
    let mut members: FxHashMap<(DocId, usize), (Occurrence, Vec<Occurrence>)> = FxHashMap::default();
    for (source, copies) in placed {
        members.entry((source.doc, source.span.start)).or_insert_with(|| (source, Vec::new())).1.extend(copies);
    }
    let mut out: Vec<Group> = members
        .into_values()
        .filter_map(|(source, mut copies)| {
            copies.retain(|o| *o != source);
            copies.sort_by_key(|o| (order(ws, o), o.span.end));
            copies.dedup_by(|a, b| a == b);
            if copies.is_empty() {
                return None;
            }
            copies.insert(0, source);
            Some(Group { copies, origin: 0 })
        })
        .collect();
    out.sort_by_key(|g| order(ws, g.source()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::config::Config;
    use std::sync::Arc;

    /// The quote cue lists are written in the index's normal form, each entry once.
    #[test]
    fn quote_cue_lists_are_normalised() {
        for (name, list) in [("quote_cues", QUOTE_CUES), ("speaker_stops", SPEAKER_STOPS), ("report_cues", REPORT_CUES)] {
            assert!(list.starts_with("# "), "{name}: header");
            let mut seen = std::collections::HashSet::new();
            let mut buf = String::new();
            for w in crate::analysis::lexicon::words(list) {
                normalize_word(w, &mut buf);
                assert_eq!(buf, w, "{name}: «{w}» is not in normal form");
                assert!(seen.insert(w), "{name}: «{w}» twice");
            }
            assert!(seen.len() >= 10, "{name}: truncated");
        }
    }

    /// `isnad quotes` reads a words-only workspace: it must group exactly as the full one.
    #[test]
    fn a_words_only_workspace_groups_quotes_as_the_full_one() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/seeds");
        let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
        paths.sort();
        let files = || paths.iter().map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), p.clone(), std::fs::read_to_string(p).unwrap())).collect::<Vec<_>>();
        let mut full = Workspace::new(Config::default());
        full.load(files());
        let light = Workspace::load_words_only(Config::default(), files());
        assert!(!light.names_indexed());
        let groups = |ws: &Workspace| all_groups(ws).iter().map(|g| g.copies.iter().map(|o| (ws.doc(o.doc).unwrap().rel_path.clone(), o.span.clone(), o.quote)).collect::<Vec<_>>()).collect::<Vec<_>>();
        let expected = groups(&full);
        assert!(expected.len() >= 3, "the seeds reprint quotes: {expected:?}");
        assert_eq!(groups(&light), expected);
    }

    fn quotes(text: &str) -> Vec<(String, bool, bool)> {
        extract_text(text, 0).quotes.iter().map(|q| (text[q.span.clone()].to_string(), q.marked, q.unbalanced)).collect()
    }

    #[test]
    fn every_quotation_style() {
        for (o, c) in [("\"", "\""), ("“", "”"), ("«", "»"), ("„", "“"), ("‹", "›"), ("「", "」"), ("”", "“")] {
            let t = format!("وقال الوزير {o}نحن على اتصال وثيق مع الطرفين{c} أمس.");
            assert_eq!(quotes(&t), vec![("نحن على اتصال وثيق مع الطرفين".to_string(), true, false)], "{o}{c}");
        }
    }

    #[test]
    fn nested_quotes_are_both_kept() {
        let t = "قال «إن عبارة \"لا تراجع\" كانت واضحة للجميع» أمس.";
        let q = quotes(t);
        assert!(q.contains(&("إن عبارة \"لا تراجع\" كانت واضحة للجميع".to_string(), true, false)), "{q:?}");
        assert!(q.contains(&("لا تراجع".to_string(), true, false)), "{q:?}");
        // „…“ holds a “…” of its own: the inner “ does not close the outer
        let t = "„Er sagte «ja» heute“ und ging.";
        let q = quotes(t);
        assert_eq!(q[0].0, "Er sagte «ja» heute");
    }

    #[test]
    fn unbalanced_marks_stop_at_the_paragraph() {
        let t = "قال «هذا كلام بلا نهاية هنا\nفقرة ثانية طويلة لا تخص الاقتباس أبدا.";
        let q = quotes(t);
        assert_eq!(q, vec![("هذا كلام بلا نهاية هنا".to_string(), true, true)]);
        // a stray closer opens nothing that swallows the text
        assert!(quotes("نص » آخر\nسطر").iter().all(|(s, _, _)| !s.contains('\n')));
    }

    #[test]
    fn unmarked_quote_after_a_verb_of_saying_and_a_colon() {
        let t = "وقال توراسيان خلال إحاطة إعلامية أمس: استمر التوتر على الحدود ليل 14 أيلول. استخدم العدو طائرات.";
        let q = extract_text(t, 0);
        assert_eq!(q.quotes.len(), 1);
        assert_eq!(&t[q.quotes[0].span.clone()], "استمر التوتر على الحدود ليل 14 أيلول");
        assert!(!q.quotes[0].marked);
        assert_eq!(q.quotes[0].speaker.as_deref(), Some("توراسيان"));
        // a title with a colon but no verb of saying is not a quote
        assert!(quotes("يريفان: قد تتحول إلى حرب").is_empty());
    }

    /// Reading the body's words once, or the words of each range anew, finds the same quotes
    /// and speakers: in the bundled texts, and in texts whose windows cut words (a quote after
    /// more than a window's bytes of its sentence, words longer than the window's edge).
    #[test]
    fn quotes_read_from_the_whole_body_are_those_read_range_by_range() {
        let long_sentence = format!("وقال الوزير {} إن «الاتفاق سيوقع قريبا» وأضاف المتحدث باسم الوزارة", "والمفاوضاتالطويلة ".repeat(80));
        let mut texts = crate::analysis::testing::seed_and_news_texts();
        texts.push(long_sentence);
        texts.push(format!("«نص أول» قالت {}: «نص ثان» {}", "الحكومة ".repeat(200), "ثم أضاف الرئيس ".repeat(100)));
        let mut quotes = 0;
        for t in &texts {
            let (whole, windows) = (extract_reading(t, 0, Some(true)), extract_reading(t, 0, Some(false)));
            assert_eq!(whole.quotes, windows.quotes, "{t}");
            assert_eq!(whole.keys, windows.keys);
            quotes += whole.quotes.len();
        }
        assert!(quotes > 20, "{quotes} quotes");
    }

    #[test]
    fn speakers() {
        let sp = |t: &str| extract_text(t, 0).quotes[0].speaker.clone();
        assert_eq!(sp("وقالت وزارة الخارجية \"ستوفر روسيا ليريفان كل المساعدة\"."), Some("وزارة الخارجية".into()));
        assert_eq!(sp("وقال علييف: \"باشينيان يتحمل مسؤولية استمرار الحرب\"."), Some("علييف".into()));
        assert_eq!(sp("«سنواصل العمل مع تركيا»، قال لافروف."), Some("لافروف".into()));
    }

    /// A document dated `date` (YYYY-MM-DD) quoting `q`.
    fn dated(date: &str, q: &str) -> String {
        format!("---\ndate: {date}\n---\nقال «{q}».")
    }

    fn ws(files: &[(&str, &str)]) -> Workspace {
        let mut w = Workspace::new(Config::default());
        w.load(files.iter().map(|(p, t)| (p.to_string(), format!("/c/{p}").into(), t.to_string())).collect());
        w
    }

    /// The documents of a group's copies, source first.
    fn docs_of<'w>(w: &'w Workspace, g: &Group) -> Vec<&'w str> {
        g.copies.iter().map(|c| w.doc(c.doc).unwrap().rel_path.as_str()).collect()
    }

    fn at(w: &Workspace, path: &str, needle: &str) -> Option<Group> {
        let d = w.doc_id(path)?;
        let off = w.doc(d)?.text.find(needle)? + needle.len() / 2;
        group_at(w, d, off)
    }

    const Q: &str = "ستوفر روسيا ليريفان كل المساعدة الضرورية في حال وقعت مواجهات مباشرة على أراضي أرمينيا";

    #[test]
    fn copies_link_across_marks_hamzas_edits_and_truncation() {
        let w = ws(&[
            ("a.txt", &format!("وقالت الوزارة «{Q}».")),
            ("b.txt", &format!("وقالت الخارجية \"{}\".", Q.replace('أ', "ا"))),
            ("c.txt", &format!("وأضافت: “{}” أمس.", Q.replace("الضرورية", "اللازمة"))),
            ("d.txt", "وقالت الوزارة «ستوفر روسيا ليريفان كل المساعدة الضرورية في حال»."),
            ("e.txt", "وقال آخر «كل المساعدة الضرورية لا تكفي لإنهاء هذه الحرب الطويلة والمدمرة»."),
        ]);
        let g = at(&w, "d.txt", "روسيا").expect("group");
        assert_eq!(docs_of(&w, &g), ["a.txt", "b.txt", "c.txt", "d.txt"]);
        assert!(at(&w, "e.txt", "الحرب").is_none(), "a shared stock phrase does not link");
        let (added, removed) = diff(&w, &g.copies[0], &g.copies[2]);
        assert_eq!((added, removed), (vec!["اللازمة".to_string()], vec!["الضرورية".to_string()]));
    }

    #[test]
    fn a_quote_matches_an_unquoted_passage_and_scare_quotes_never_link() {
        let w = ws(&[
            ("a.txt", &format!("جاء في النص أن {Q} كما ورد.")),
            ("b.txt", &format!("وقالت الوزارة «{Q}». ثم «المساعدة الضرورية» مرة.")),
            ("c.txt", "وقالت «المساعدة الضرورية» مرة."),
        ]);
        let g = at(&w, "b.txt", "مواجهات").expect("group");
        assert_eq!(g.copies.len(), 2);
        assert_eq!(w.doc(g.source().doc).unwrap().rel_path, "a.txt");
        assert!(g.source().quote.is_none());
        assert!(at(&w, "c.txt", "الضرورية").is_none());
    }

    #[test]
    fn a_passage_the_press_writes_in_its_own_voice_elsewhere_is_no_copy() {
        let quote = "أعلن اليوم انسحاب الولايات المتحدة من الاتفاق النووي مع إيران";
        let event = "انسحاب الولايات المتحدة من الاتفاق النووي مع إيران";
        let told = |date: &str, t: &str| format!("---\ndate: {date}\n---\n{t}");
        let mut files = vec![
            ("q.txt".to_string(), told("2018-05-08", &format!("وقال ترامب «{quote}» في البيت الأبيض."))),
            ("p.txt".to_string(), told("2018-05-09", &format!("وقال البيان إن تداعيات {event} ستطال الأسواق."))),
        ];
        let linked = |files: &[(String, String)]| {
            let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
            let w = ws(&files);
            at(&w, "q.txt", "اليوم").is_some_and(|g| docs_of(&w, &g).contains(&"p.txt"))
        };
        assert!(linked(&files), "a passage that holds most of the quotation");
        // the same words in the press's own voice months later: the name of an event
        for (k, date) in ["2018-08-01", "2018-09-12"].into_iter().enumerate() {
            files.push((format!("later{k}.txt"), told(date, &format!("وبعد {event} تراجعت صادرات النفط."))));
        }
        assert!(!linked(&files), "the name of an event, written elsewhere");
    }

    /// An unquoted passage is a copy where an outlet reports the statement in its own words:
    /// in reported speech, within the days it is news.
    #[test]
    fn an_unquoted_passage_is_a_statement_reported_within_its_days() {
        let told = |date: &str, t: &str| format!("---\ndate: {date}\n---\n{t}");
        let short = "الوضع الإنساني في المدينة يزداد سوءا كل يوم";
        let w = ws(&[
            ("q.txt", &dated("2020-01-01", Q)),
            ("reported.txt", &told("2020-01-02", &format!("وأكدت الوزارة في بيان أن {Q}."))),
            ("told.txt", &told("2020-01-03", &format!("وفي الشمال {Q}. وقال الوزير إن الوضع هادئ."))),
            ("weeks_later.txt", &told("2020-01-10", &format!("وكانت الوزارة قد أكدت أن {Q}."))),
            ("s.txt", &dated("2020-01-01", short)),
            ("s_after_verb.txt", &told("2020-01-01", &format!("ونددت المنظمة بالحصار وقالت إن {short}."))),
            ("s_verb_after.txt", &told("2020-01-02", &format!("{short}، قال المتحدث باسم المنظمة."))),
            ("s_narration.txt", &told("2020-01-02", &format!("وفي الأحياء الشرقية {short} بسبب الحصار."))),
        ]);
        let docs = |path: &str, needle: &str| {
            let mut d = docs_of(&w, &at(&w, path, needle).expect("a group"));
            d.sort_unstable();
            d
        };
        assert_eq!(docs("q.txt", "مواجهات"), ["q.txt", "reported.txt", "told.txt"], "a long passage within its days, not weeks later");
        assert_eq!(docs("s.txt", "الإنساني"), ["s.txt", "s_after_verb.txt", "s_verb_after.txt"], "a few words, in reported speech only");
    }

    /// A quote held by a longer quotation is not its copy where the quote's own copies say
    /// more than it and that quotation does not.
    #[test]
    fn a_quote_whose_copies_say_more_belongs_to_their_statement() {
        let older = "علينا التحقيق في ما إذا كان الهجوم جاء ردا على عمليات نقل الأسلحة إلى حزب الله أو البنية التحتية الإيرانية التي يجري بناؤها في سوريا";
        let part = "كل البنية التحتية الإيرانية في سوريا";
        let fuller = "ضربت كل البنية التحتية الإيرانية في سوريا";
        let mut files: Vec<(String, String)> = vec![
            ("older.txt".into(), dated("2020-01-01", older)),
            ("part.txt".into(), dated("2020-01-10", part)),
            ("fuller1.txt".into(), dated("2020-01-10", fuller)),
            ("fuller2.txt".into(), dated("2020-01-10", fuller)),
        ];
        // (other quotations, so that words weigh by how few documents quote them)
        files.extend((0..12).map(|i| (format!("other{i}.txt"), dated("2020-01-05", &format!("تحدث المسؤول رقم {i} عن الطقس والأسواق والرياضة في العاصمة")))));
        let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let w = ws(&files);
        let mut docs = docs_of(&w, &at(&w, "part.txt", "التحتية").expect("part's group"));
        docs.sort_unstable();
        assert_eq!(docs, ["fuller1.txt", "fuller2.txt", "part.txt"]);
    }

    #[test]
    fn a_short_quote_months_away_is_said_again_not_reprinted() {
        let short = "كل الخيارات مطروحة على الطاولة الآن";
        let long = "إن المفاوضات مع الجانب الإيراني ستستأنف الأسبوع المقبل في جنيف";
        let w = ws(&[
            ("a.txt", &dated("2020-01-01", short)),
            ("b.txt", &dated("2020-01-20", short)),
            ("c.txt", &dated("2020-04-01", short)),
            ("d.txt", &dated("2020-01-01", long)),
            ("e.txt", &dated("2020-06-01", long)),
        ]);
        assert_eq!(docs_of(&w, &at(&w, "b.txt", "الطاولة").expect("b's group")), ["a.txt", "b.txt"], "19 days apart: a reprint");
        assert!(at(&w, "c.txt", "الطاولة").is_none(), "three months later: said again");
        assert_eq!(docs_of(&w, &at(&w, "e.txt", "جنيف").expect("a long quotation")), ["d.txt", "e.txt"], "a long quotation is one text whenever it is printed");
    }

    #[test]
    fn dates_pick_the_source_and_edits_relink() {
        let mut w = ws(&[
            ("a.txt", &format!("قالت «{Q}».")),
            ("b.txt", &format!("---\ndate: 2020-01-01\n---\nقالت «{Q}».")),
        ]);
        let g = at(&w, "a.txt", "روسيا").unwrap();
        assert_eq!(w.doc(g.source().doc).unwrap().rel_path, "b.txt");
        w.upsert("b.txt".into(), "/c/b.txt".into(), Arc::from("قالت «كلام آخر تماما لا صلة له بشيء»."));
        assert!(at(&w, "a.txt", "روسيا").is_none());
        w.upsert("b.txt".into(), "/c/b.txt".into(), Arc::from(format!("قالت «{Q}».")));
        assert!(at(&w, "a.txt", "روسيا").is_some());
        w.remove("b.txt");
        assert!(at(&w, "a.txt", "روسيا").is_none());
    }

    #[test]
    fn a_copy_links_to_the_quotation_it_shares_its_words_with_never_through_another_copy() {
        // b reprints the end of a and goes on; c reprints b's continuation only: c's source
        // is b, and none of c's words is in a
        let a = "إن المفاوضات مع الجانب الإيراني ستستأنف الأسبوع المقبل في جنيف";
        let tail = "وأن الحكومة لن تقبل أي شروط مسبقة تفرضها الأطراف الأخرى على طاولة الحوار";
        let b = format!("المفاوضات مع الجانب الإيراني ستستأنف الأسبوع المقبل في جنيف {tail}");
        let c = tail;
        let w = ws(&[
            ("a.txt", &format!("---\ndate: 2020-01-01\n---\nقال «{a}».")),
            ("b.txt", &format!("---\ndate: 2020-01-02\n---\nقال «{b}».")),
            ("c.txt", &format!("---\ndate: 2020-01-03\n---\nقال «{c}».")),
        ]);
        let paths = |g: &Group| g.copies.iter().map(|c| w.doc(c.doc).unwrap().rel_path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&at(&w, "c.txt", "طاولة").expect("c's group")), ["b.txt", "c.txt"]);
        assert_eq!(paths(&at(&w, "b.txt", "طاولة").expect("b's group")), ["a.txt", "b.txt", "c.txt"]);
        // the batch: every quote in the group of its own source; b heads c's and sits in a's
        let groups: Vec<Vec<String>> = all_groups(&w).iter().map(paths).collect();
        assert_eq!(groups, [vec!["a.txt", "b.txt"], vec!["b.txt", "c.txt"]]);
        for g in all_groups(&w) {
            let src = occurrence_fps(&w, g.source());
            assert!(g.copies[1..].iter().all(|c| copies_of_one(&src, &occurrence_fps(&w, c), 4)));
        }
    }

    #[test]
    fn a_short_quote_that_different_quotations_hold_is_a_copy_of_none() {
        // «نحن بحاجة إلى الوحدة أكثر من أي وقت مضى» is in two different quotations: it belongs
        // to neither; a part of one quotation only is a copy of it; four words are too few
        let stock = "نحن بحاجة إلى الوحدة أكثر من أي وقت مضى";
        let w = ws(&[
            ("a.txt", &format!("قال الرئيس «إن الاقتصاد الوطني يمر بمرحلة صعبة و{stock} لمواجهة الأزمة المالية»."), ),
            ("b.txt", &format!("قال المدرب «إن الفريق خسر ثلاث مباريات متتالية و{stock} قبل نهاية الموسم الكروي»."), ),
            ("c.txt", &format!("وقال «{stock}».")),
            ("d.txt", "قال «إن الاقتصاد الوطني يمر بمرحلة صعبة» أمس."),
            ("f.txt", "قال «يمر بمرحلة صعبة» أمس."),
        ]);
        assert!(at(&w, "c.txt", "الوحدة").is_none(), "a stock phrase links to neither quotation");
        let g = at(&w, "a.txt", "الأزمة").expect("a's group");
        assert_eq!(docs_of(&w, &g), ["a.txt", "d.txt"], "a part of a alone is its copy; the stock phrase and b are not");
        assert!(at(&w, "f.txt", "صعبة").is_none(), "four words are too few for a part");
    }

    #[test]
    fn a_part_is_one_stretch_of_the_quotation_unless_it_marks_an_elision() {
        let putin = "الحرب الباردة انتهت منذ أمد طويل وتغير الموقف في العالم بصورة كبيرة. روسيا والولايات المتحدة تواجهان تحديات جديدة";
        let w = ws(&[
            // words gathered from two places of Putin's quotation, no elision marked
            ("a.txt", "وأشاد «انتهت منذ أمد روسيا والولايات المتحدة» أمس."),
            ("b.txt", &format!("وقال بوتين «{putin}».")),
            // a piece cut out whole, and the ends of the quotation with the elision marked
            ("c.txt", "وقال «انتهت منذ أمد طويل وتغير الموقف في العالم» أمس."),
            ("d.txt", "وقال «الحرب الباردة انتهت (...) تواجهان تحديات جديدة» أمس."),
        ]);
        assert!(at(&w, "a.txt", "روسيا").is_none(), "words gathered across a quotation are no part of it");
        assert_eq!(docs_of(&w, &at(&w, "b.txt", "روسيا").expect("b's group")), ["b.txt", "c.txt", "d.txt"]);
    }

    #[test]
    fn a_copy_keeps_the_forms_of_its_words_a_talking_point_said_again_does_not() {
        let mut files = vec![
            // March: the same words after their proclitics, every one written otherwise
            ("a.txt", "وقال البنتاغون إنه يدعم التحالف «عن طريق التزويد بالوقود والمشاركة بالمعلومات الاستخباراتية» في اليمن."),
            ("b.txt", "وقال المتحدث «ولدينا عدد من القوات هناك يقومون بالمساعدة، وكما قلنا في السابق بعمليات إعادة تزويد الوقود والأمور اللوجستية ومشاركة المعلومات الاستخباراتية ومساعدتهم على حماية حدودهم»."),
            // a piece of May's statement cut out as it was written
            ("c.txt", "وأكد أن قواته تقوم «بعمليات إعادة تزويد الوقود والأمور اللوجستية ومشاركة المعلومات الاستخباراتية» هناك."),
        ];
        // other quotations, so that «عن طريق» is the common phrase it is and the other words
        // weigh as telling ones
        files.extend([
            ("d.txt", "وقال «نحل الخلاف عن طريق الحوار بين الطرفين» أمس."),
            ("e.txt", "وقال «نصل إلى الحل عن طريق المفاوضات المباشرة» أمس."),
            ("f.txt", "وقال «جاء القرار عن طريق التصويت في المجلس» أمس."),
            ("g.txt", "وقال «ندعم البلاد عن طريق المنح والقروض الميسرة» أمس."),
            ("h.txt", "وقال «يتم التسجيل عن طريق الموقع الرسمي للوزارة» أمس."),
            ("i.txt", "وقال «دخلوا البلاد عن طريق الحدود الشمالية ليلا» أمس."),
        ]);
        let w = ws(&files);
        assert!(at(&w, "a.txt", "التزويد").is_none(), "the talking point recast is another quotation");
        assert_eq!(docs_of(&w, &at(&w, "c.txt", "اللوجستية").expect("c's group")), ["b.txt", "c.txt"]);
        // whole quotes: a stock phrase in other forms, and a reprint
        let w = ws(&[
            ("a.txt", "وانتقد الوزير «ممارسات تجارية غير عادلة» أمس."),
            ("b.txt", "وانتقد الرئيس «الممارسات التجارية غير العادلة» للصين."),
            ("c.txt", "وكان الوزير انتقد «ممارسات تجارية غير عادلة» أمس."),
        ]);
        assert_eq!(docs_of(&w, &at(&w, "a.txt", "تجارية").expect("a's group")), ["a.txt", "c.txt"]);
    }

    #[test]
    fn a_statement_made_again_with_other_figures_is_no_copy() {
        let w = ws(&[
            ("a.txt", "وقال التحالف «تم التصدي لها وحرفها عن مسارها ما تسبب بجرح 3 مدنيين» أمس."),
            // the figure spelt out: a copy
            ("b.txt", "وقال التحالف «تم التصدي لها وحرفها عن مسارها ما تسبب بجرح ثلاثة مدنيين» أمس."),
            // another day, another figure: another statement
            ("c.txt", "وقال التحالف «تم التصدي لها وحرفها عن مسارها ما تسبب بجرح 7 مدنيين» أمس."),
        ]);
        assert_eq!(docs_of(&w, &at(&w, "a.txt", "مسارها").expect("a's group")), ["a.txt", "b.txt"]);
        // numbers in words are figures too: a template statement re-issued at another hour
        let w = ws(&[
            ("a.txt", "وقال التحالف «في تمام الساعة الرابعة من مساء اليوم رصدت قوات الدفاع الجوي إطلاق صاروخ باليستي» أمس."),
            ("b.txt", "وقال التحالف «في تمام الساعة السادسة من مساء اليوم رصدت قوات الدفاع الجوي إطلاق صاروخ باليستي» أمس."),
        ]);
        assert!(at(&w, "a.txt", "رصدت").is_none(), "the fourth hour is not the sixth");
        // digits of any script are one figure
        let w = ws(&[("a.txt", "وقال «اعتقلت قوات الأمن الليلة الماضية ٢١ مطلوبا في المنطقة» أمس."), ("b.txt", "وقال «اعتقلت قوات الأمن الليلة الماضية 21 مطلوبا في المنطقة» أمس.")]);
        assert!(at(&w, "a.txt", "الماضية").is_some());
    }

    #[test]
    fn a_template_issued_again_for_another_city_or_day_is_no_copy() {
        let statement = |city: &str, day: &str| {
            format!("وقال التحالف «رصدت قوات الدفاع الجوي {day} إطلاق صاروخ باليستي من داخل الأراضي اليمنية باتجاه مدينة {city} وتم اعتراضه» أمس.")
        };
        let w = ws(&[
            ("a.txt", &statement("جازان", "مساء الأحد")),
            // a reprint: the city spelt otherwise (one city of the gazetteer), the day kept
            ("b.txt", &statement("جيزان", "مساء الأحد")),
            // the template again: another city, another day
            ("c.txt", &statement("نجران", "مساء الأحد")),
            ("d.txt", &statement("جازان", "صباح السبت")),
            // a copy that says "today" for Sunday, or leaves the city out, is still one
            ("e.txt", &statement("جازان", "مساء اليوم")),
            ("f.txt", "وقال التحالف «رصدت قوات الدفاع الجوي مساء الأحد إطلاق صاروخ باليستي من داخل الأراضي اليمنية باتجاه المملكة وتم اعتراضه» أمس."),
        ]);
        assert_eq!(docs_of(&w, &at(&w, "a.txt", "باليستي").expect("a's group")), ["a.txt", "b.txt", "e.txt", "f.txt"]);
        assert!(at(&w, "c.txt", "باليستي").is_some_and(|g| !docs_of(&w, &g).contains(&"a.txt")), "Najran is not Jizan");
        assert!(at(&w, "d.txt", "باليستي").is_some_and(|g| !docs_of(&w, &g).contains(&"a.txt")), "Saturday is not Sunday");
        // months in either calendar are one month; a figure after a proclitic is a figure;
        // بالمئة is "per cent", not a hundred
        let w = ws(&[
            ("a.txt", "وقال «سيبدأ تطبيق القرار الجديد على جميع الشركات في نيسان المقبل وفق الجدول» أمس."),
            ("b.txt", "وقال «سيبدأ تطبيق القرار الجديد على جميع الشركات في أبريل المقبل وفق الجدول» أمس."),
            ("c.txt", "وقال «سيبدأ تطبيق القرار الجديد على جميع الشركات في يونيو المقبل وفق الجدول» أمس."),
            ("d.txt", "وقال «بلغت نسبة البطالة بين الشباب 25% وتتعدى 30% في تسع دول عربية» أمس."),
            ("e.txt", "وقال «بلغت نسبة البطالة بين الشباب 25 بالمئة وتتعدى 30 بالمئة في الدول العربية» أمس."),
            ("f.txt", "وقال «رصدت الدفاعات في الساعة الثامنة و20 دقيقة من مساء اليوم إطلاق صاروخ باليستي» أمس."),
            ("g.txt", "وقال «رصدت الدفاعات في الساعة الثامنة و47 دقيقة من مساء اليوم إطلاق صاروخ باليستي» أمس."),
        ]);
        assert_eq!(docs_of(&w, &at(&w, "a.txt", "الجدول").expect("a's group")), ["a.txt", "b.txt"]);
        assert_eq!(docs_of(&w, &at(&w, "d.txt", "البطالة").expect("d's group")), ["d.txt", "e.txt"]);
        assert!(at(&w, "f.txt", "الدفاعات").is_none(), "twenty minutes past is not forty-seven");
        // a town's name after a name's particle is part of a person's name (أبو ريدة is no
        // town): a copy that writes the name as one word, and names the city, is still a copy
        let w = ws(&[
            ("a.txt", "وقال «تم الاتفاق في الدوحة مع المهندس هاني أبوريدة على تنفيذ كافة طلبات اللاعب محمد صلاح» أمس."),
            ("b.txt", "وقال «تم الاتفاق مع المهندس هاني أبو ريدة على تنفيذ كافة طلبات اللاعب محمد صلاح» أمس."),
        ]);
        assert_eq!(docs_of(&w, &at(&w, "b.txt", "طلبات").expect("b's group")), ["a.txt", "b.txt"]);
    }

    #[test]
    fn a_quotation_printed_again_weeks_later_is_copied_word_for_word() {
        let stock = "أساليب العمل المفضلة في منطقة الشرق الأوسط وشمال أفريقيا";
        let other = "عمل مسجل في منطقة الشرق الأوسط وشمال أفريقيا";
        let quotation = "سنتصرف من دون تردد للدفاع عن أنفسنا ضد وكلاء إيران الذين يهاجموننا";
        let edited = "سنتصرف من دون تردد للدفاع عن أنفسنا ضد وكلاء إيران الذين يهاجموننا فحسب";
        let recast = "سنتصرف دون أي تردد دفاعا عن أنفسنا ضد وكلاء إيران الذين يهاجموننا";
        let w = ws(&[
            ("a.txt", &dated("2020-01-01", stock)),
            ("b.txt", &dated("2020-01-05", other)),
            ("c.txt", &dated("2020-03-01", other)),
            ("d.txt", &dated("2020-01-01", quotation)),
            ("e.txt", &dated("2020-03-01", edited)),
            ("f.txt", &dated("2020-01-02", recast)),
            ("g.txt", &dated("2020-03-02", recast)),
            // the quotation weeks later in the outlet's own voice
            ("h.txt", &format!("---\ndate: 2020-03-03\n---\nوكان قد تعهد بأنه {quotation}.")),
        ]);
        assert_eq!(docs_of(&w, &at(&w, "a.txt", "أساليب").expect("a's group")), ["a.txt", "b.txt"], "within the story's days, a quote recast links");
        assert!(at(&w, "c.txt", "مسجل").is_none_or(|g| !docs_of(&w, &g).contains(&"a.txt")), "two months later, words recast are another statement");
        assert_eq!(docs_of(&w, &at(&w, "d.txt", "وكلاء").expect("d's group")), ["d.txt", "f.txt", "e.txt"], "printed again word for word, a word added");
        assert!(at(&w, "g.txt", "وكلاء").is_none_or(|g| !docs_of(&w, &g).contains(&"d.txt")), "recast two months later");
    }

    #[test]
    fn a_formula_an_outlet_prints_on_many_days_links_only_to_the_same_days_issue() {
        let printed = |date: &str, outlet: &str, q: &str| format!("---\ndate: {date}\noutlet: {outlet}\n---\nوقال المتحدث «{q}».");
        let formula = "هذا العمل العدائي من قبل الميليشيا يثبت استمرار تورط النظام في دعمها بقدرات نوعية في تحد واضح للقرارات الدولية";
        let quotation = "لن نسمح بأي وجود عسكري أجنبي قرب حدودنا الشمالية مهما كان الثمن الذي سندفعه";
        let mut files: Vec<(String, String)> = Vec::new();
        // the statement issued again after each of eight events, one outlet printing each
        for day in 1..=8 {
            files.push((format!("sky{day}.txt"), printed(&format!("2020-01-{:02}", 3 * day), "Sky", formula)));
        }
        // another outlet's reprint of the fourth issue, the same day, and another's the day after
        files.push(("cnn.txt".into(), printed("2020-01-12", "CNN", formula)));
        files.push(("bbc.txt".into(), printed("2020-01-13", "BBC", formula)));
        // the outlet's own words the day after: the formula again, not a reprint
        files.push(("sky4b.txt".into(), printed("2020-01-13", "Sky", formula)));
        // a quotation an outlet goes back to on the days of its story is one quotation
        for day in 1..=5 {
            files.push((format!("q{day}.txt"), printed(&format!("2020-02-{:02}", day), "Sky", quotation)));
        }
        let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let w = ws(&files);
        assert_eq!(docs_of(&w, &at(&w, "sky4.txt", "العدائي").expect("the fourth issue's group")), ["cnn.txt", "sky4.txt", "bbc.txt"]);
        assert!(!docs_of(&w, &at(&w, "sky4b.txt", "العدائي").expect("the BBC's copy")).contains(&"sky4.txt"));
        assert!(at(&w, "sky1.txt", "العدائي").is_none(), "the first issue was reprinted by no one");
        assert_eq!(docs_of(&w, &at(&w, "q5.txt", "الشمالية").expect("the quotation's group")).len(), 5);
    }

    /// A template issued again after each event names another city each time: the copies whose
    /// facts differ still show the words to be a formula.
    #[test]
    fn a_template_with_other_facts_each_day_is_a_formula() {
        let printed = |date: &str, q: &str| format!("---\ndate: {date}\noutlet: Sky\n---\nوقال المتحدث «{q}».");
        let template = |city: &str| format!("هذا العمل العدائي من قبل الميليشيا يثبت استمرار تورط النظام في استهداف مدينة {city} بقدرات نوعية في تحد واضح للقرارات الدولية");
        let mut files: Vec<(String, String)> = Vec::new();
        for (day, city) in ["جازان", "نجران", "الرياض", "أبها", "جدة", "الطائف", "تبوك", "الدمام"].into_iter().enumerate() {
            files.push((format!("sky{day}.txt"), printed(&format!("2020-01-{:02}", 3 * day + 1), &template(city))));
        }
        // the first day's words word for word three weeks later: the template again
        files.push(("later.txt".into(), printed("2020-01-23", &template("جازان"))));
        let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let w = ws(&files);
        assert!(at(&w, "later.txt", "العدائي").is_none_or(|g| !docs_of(&w, &g).contains(&"sky0.txt")));
    }

    #[test]
    fn short_quotes_that_share_only_a_stock_phrase_are_no_copies() {
        let w = ws(&[
            ("a.txt", "وقال الأمير «قطر أقوى من أي وقت مضى» أمس."),
            ("b.txt", "وقال الوزير إن الاتفاق «بات أقرب من أي وقت مضى» أمس."),
            ("c.txt", "وكان الأمير قال «قطر أقوى من أي وقت مضى» أمس."),
            // the phrase in other quotations, so that its words weigh little
            ("d.txt", "وقال «نحتاج السلام اليوم أكثر من أي وقت مضى» أمس."),
            ("e.txt", "وقال «الاقتصاد العالمي أضعف من أي وقت مضى» أمس."),
            ("f.txt", "وقال «الخطر اليوم أكبر من أي وقت مضى» أمس."),
        ]);
        assert_eq!(docs_of(&w, &at(&w, "a.txt", "أقوى").expect("a's group")), ["a.txt", "c.txt"]);
        assert!(at(&w, "b.txt", "أقرب").is_none());
    }

    #[test]
    fn a_short_quote_the_press_writes_in_its_own_voice_is_an_expression() {
        let expression = "لا أساس لها من الصحة";
        let quoted = [
            ("a.txt", format!("ووصف الوزير التقارير بأنها «{expression}» أمس.")),
            ("b.txt", format!("وقالت الشركة إن الاتهامات «{expression}»." )),
        ];
        let mut files: Vec<(&str, String)> = quoted.to_vec();
        let w = ws(&files.iter().map(|(p, t)| (*p, t.as_str())).collect::<Vec<_>>());
        assert!(at(&w, "a.txt", "الصحة").is_some(), "quoted twice and never written otherwise: one quotation");
        files.push(("c.txt", format!("وتبين أن الشائعات {expression} بعد التحقيق.")));
        files.push(("d.txt", format!("ثم اتضح أن الخبر {expression} تماما.")));
        let w = ws(&files.iter().map(|(p, t)| (*p, t.as_str())).collect::<Vec<_>>());
        assert!(at(&w, "a.txt", "الصحة").is_none(), "written by the press in its own voice: an expression");
    }

    #[test]
    fn quotes_sharing_only_an_expression_are_not_copies() {
        let expression = "لا أساس لها من الصحة";
        let files = [
            ("a.txt", format!("ووصف الوزير التقارير بأنها «{expression}» أمس.")),
            ("b.txt", format!("وقال المتحدث إنها «اتهامات {expression}» اليوم.")),
            ("c.txt", format!("وتبين أن الشائعات {expression} بعد التحقيق.")),
            ("d.txt", format!("ثم اتضح أن الخبر {expression} تماما.")),
        ];
        let w = ws(&files.iter().map(|(p, t)| (*p, t.as_str())).collect::<Vec<_>>());
        // (neither side links: the shorter quote is the expression itself, and the longer one
        // shares nothing else with it)
        assert!(at(&w, "b.txt", "اتهامات").is_none(), "what they share is the press's own phrase");
        assert!(at(&w, "a.txt", "الصحة").is_none());
        // the same quote reprinted, its words also the press's: still one quotation
        let reprint = [
            ("a.txt", format!("وقال المتحدث إنها «اتهامات {expression}» اليوم.")),
            ("b.txt", format!("ووصف المتحدث ما نشر بأنه «اتهامات {expression}» أمس.")),
            ("c.txt", format!("وتبين أن الشائعات {expression} بعد التحقيق.")),
            ("d.txt", format!("ثم اتضح أن الخبر {expression} تماما.")),
        ];
        let w = ws(&reprint.iter().map(|(p, t)| (*p, t.as_str())).collect::<Vec<_>>());
        assert_eq!(docs_of(&w, &at(&w, "b.txt", "اتهامات").expect("b's group")), ["a.txt", "b.txt"]);
    }

    /// Each quote of `t` with whether `mark_names` tells it is no quotation.
    fn marked(lex: &Lexicon, t: &str) -> Vec<(String, bool)> {
        let mut q = extract_text(t, 0);
        mark_names(t, &mut q, lex);
        q.quotes.iter().map(|q| (t[q.span.clone()].to_string(), q.not_quotation)).collect()
    }

    #[test]
    fn names_between_quote_marks_are_no_quotations() {
        let lex = Lexicon::with_config(&Config::default());
        let names = |t: &str| marked(&lex, t).into_iter().map(|(_, not)| not).collect::<Vec<_>>();
        assert_eq!(names("أعلن «تحالف دعم الشرعية في اليمن» أمس"), [true], "headed by an organisation's noun");
        assert_eq!(names("قالت «منظمة حظر الأسلحة الكيميائية» إن"), [true], "listed");
        assert_eq!(names("باع بنك «إتش إس بي سي» حصته"), [true], "an acronym in letters");
        assert_eq!(names("قالت شبكة «NBC News» إن"), [true], "in Latin letters");
        assert_eq!(names("قال «إن الوضع في حلب خطير»"), [false], "إن and في are words, not letters");
        assert_eq!(names("قال «الحزب لن يشارك في الانتخابات»"), [false], "a short sentence about a body");
        assert_eq!(names("رفع «Make America Great Again» شعارا"), [false], "a slogan in English is no acronym");
        assert_eq!(names("وقال المتحدث: مجلس شورى مجاهدي درنة."), [false], "only between quote marks");
        assert_eq!(names("فاز فيلمه «مثل الأب مثل الابن» بالجائزة"), [true], "a work's title");
        assert_eq!(names("ورددوا هتافات «الشعب يريد إسقاط الحكومة» ليلا"), [true], "a chant");
        assert_eq!(names("وهم يهتفون \"الشعب يريد إسقاط الحكومة\" ليلا"), [true], "chanted");
        assert_eq!(names("أطلقوا حملة عنوانها \"امسح حسابك\" أمس"), [true], "its title");
        assert_eq!(names("ورددوا شعارات «الشعب يريد إسقاط الحكومة» و«ما خلقنا لنعيش بذل»، و«شعب الأردن ما رح يركع»"), [true, true, true], "slogans joined by و");
        assert_eq!(names("وقال «لن نتراجع عن قرارنا» و«سنواصل العمل»"), [false, false], "statements joined by و");
        assert_eq!(names("شعار «الشعب يريد» ثم قال «لن نتراجع»"), [true, false], "not joined by و alone");
        assert_eq!(names("في دراسة بعنوان: «المرأة في زمن الفراعنة»"), [true], "a proclitic on the noun, a colon after it");
        assert_eq!(names("واسمها الرسمي جائزة «بنك السويد في العلوم الاقتصادية في ذكرى ألفرد نوبل» منذ"), [true], "a long title");
        assert_eq!(names("ورددوا شعارات «يا ملقي اسمع اسمع، شعب الأردن ما رح يركع أبدا أبدا» و«الشعب يريد إسقاط الحكومة»"), [true, true], "a long slogan, and the one joined to it");
        assert_eq!(names("وقال في بيان «إن الحكومة لن تتراجع عن قرارها رفع الأسعار مهما كانت الضغوط»"), [false], "a long statement");
        assert_eq!(names("وتابع أن الاتفاقية «تمنح عددا من الحقوق للعمال»"), [false], "a definite noun: the quotation goes on with what it says");
        assert_eq!(names("وقال في بيان «نرفض هذه الاتهامات»"), [false], "a statement is quoted");
        assert_eq!(names("صور من افتتاح مهرجان\n«نرفض هذه الاتهامات» قال الوزير"), [false], "the noun ends another paragraph");
        assert_eq!(names("وقال المحلل في معهد \"توكاي طوكيو ريسيرتش إينستيتيوت\" لوكالة الأنباء"), [true], "a body's noun before it: its name");
        assert_eq!(names("وقال المعهد \"لن نعلق على هذه الأرقام قبل نشرها\""), [false], "a definite body speaks");
        // and the copies of a name are never linked
        let w = ws(&[
            ("a.txt", "باع بنك «إتش إس بي سي» حصته في الشركة."),
            ("b.txt", "اشترى بنك «إتش إس بي سي» أسهما أخرى."),
        ]);
        assert!(at(&w, "a.txt", "إس").is_none());
    }

    #[test]
    fn text_a_forgotten_straight_mark_puts_between_marks_is_no_quotation() {
        let lex = Lexicon::with_config(&Config::default());
        let not_quotations = |t: &str| marked(&lex, t);
        // the closing mark after «في حرب» forgotten: what follows reads inside out
        let films = "بينها فيلم \"في حرب للمخرج ستيفان بريزيه، والفيلم الأمريكي \"أسفل البحيرة الذهبية\" للمخرج دافيد روبرت ميتشل، وفيلم \"عن الحرية\" للمخرج بيير سالفاتوري.";
        let read = not_quotations(films);
        assert_eq!(read.len(), 3);
        assert!(read.iter().all(|(_, not)| *not), "a title noun before a closing mark: {read:?}");
        let prose = "يزخر \"الإغراء والحب والعدو السريع بالإشارات الأدبية التي تحيل على \"الجيل المهزوم\" في أمريكا الستينات وفي طليعته الشاعر.";
        assert!(not_quotations(prose).iter().all(|(_, not)| *not), "a preposition before a closing mark");
        let indefinite = "عرض \"في حرب للمخرج ستيفان بريزيه، وفيلم \"عن الحرية\" للمخرج بيير سالفاتوري.";
        assert!(not_quotations(indefinite).iter().all(|(_, not)| *not), "an indefinite title noun");
        let described = "عرض \"في حرب للمخرج ستيفان بريزيه، والفيلم الأمريكي \"عن الحرية\" للمخرج بيير سالفاتوري.";
        assert!(not_quotations(described).iter().all(|(_, not)| *not), "a title noun and its nisba");
        // (each part of the rule is needed)
        let even = "ويتناول الفيلم \"لقاء في\" باريس كما قالت \"لن نعود\" أمس.";
        assert!(not_quotations(even).iter().all(|(_, not)| !*not), "marks even in number: each pair is one");
        let nested = "وقالت: \"على إسرائيل احترام حق الاحتجاج السلمي. وأشارات إلى \" الموقف الواضح للاتحاد الأوروبي بشأن القدس\".";
        assert!(not_quotations(nested).iter().all(|(_, not)| !*not), "the last mark closes a quote inside the quotation");
        let ends = "وقال \"لن نقبل بأي تدخل في شؤوننا الداخلية\" ثم غادر القاعة \"غاضبا.";
        assert!(not_quotations(ends).iter().all(|(_, not)| !*not), "a quotation ending on what may end a sentence");
        // a mark shaped as a closer (on the word before it, a space after) opens no quote
        // that runs on unclosed, unless a verb of saying comes before it
        let helicopter = "بعد تحطم مروحية \"مي-\"=8\" في أقصى الشرق الروسي الأربعاء في حادث تسبب بقتل ستة أشخاص.";
        assert_eq!(not_quotations(helicopter).iter().filter(|(q, _)| q.starts_with("في أقصى")).map(|(_, not)| *not).collect::<Vec<_>>(), [true]);
        let spaced = "وقال مسؤول في الوكالة في مؤتمر صحفي\" لم نشهد مطلقا مثل هذا النوع من الأمطار من قبل.";
        assert_eq!(not_quotations(spaced).iter().map(|(_, not)| *not).collect::<Vec<_>>(), [false], "after a verb of saying");
        let closed = "بعد تحطم مروحية من طراز\" مي 8\" في أقصى الشرق.";
        assert!(not_quotations(closed).iter().all(|(_, not)| !*not), "a quote closed is read as before");
        // and such text printed twice (one article in two sections) is never linked
        let w = ws(&[("a.txt", films), ("b.txt", films)]);
        assert!(at(&w, "a.txt", "ستيفان").is_none() && at(&w, "a.txt", "دافيد").is_none());
    }

    #[test]
    fn headlines_of_a_list_of_links_are_no_quotations() {
        let lex = Lexicon::with_config(&Config::default());
        let not = |t: &str| marked(&lex, t).into_iter().map(|(_, not)| not).collect::<Vec<_>>();
        let links = "دخول مساعدات غذائية للغوطة\nلافروف: سوريا تخلصت من ترسانتها الكيمياوية\nكوريا الشمالية \"تساعد في برنامج سوريا للأسلحة الكيمياوية\"\nمن هم المرتزقة الروس الذين يقاتلون في سوريا؟";
        assert_eq!(not(links), [true], "a headline among headlines");
        let long = "وفي عام 2008 خسر الائتلاف الحاكم ثلثي مقاعده في البرلمان، ولم يعد يتمتع بالأغلبية لأول مرة منذ الاستقلال.";
        assert_eq!(not(&format!("{long}\nمهاتير محمد يصحح \"أكبر خطأ في حياته\"\n{long}")), [false], "one short line between paragraphs");
        let statements = "وقالت عائلة السيدتين: \"نتقدم بالشكر على كل الحب والدعم.\"\nوأضافت: \"نرجو احترام خصوصيتنا في هذا الوقت الصعب.\"";
        assert_eq!(not(statements), [false, false], "paragraphs of one sentence, a full stop inside the mark");
        let reported = "وحذر روسيا من \"مواصلة السير في طريق مظلم\"\nلافروف: سوريا تخلصت من ترسانتها الكيمياوية";
        assert_eq!(not(reported), [false], "a statement reported in a short line");
    }

    #[test]
    fn never_panics_on_odd_text() {
        let lex = Lexicon::with_config(&Config::default());
        for t in ["«", "»«»«", "\"\"\"", ":", "قال:", "قال: «", "\u{FEFB}«ﻻ»", "😀«😀 أ ب ت ث»😀", "قال\r\n: x", "„“”«»‹›「」『』", "«بي سي»", "«NBC ﻻ»", "\"في\" \"", "\"و\"\r\n\"فيلم\" x\"", "\" في \"😀\" الفيلم الأمريكي\" ب"] {
            let mut q = extract_text(t, 0);
            mark_names(t, &mut q, &lex);
            for x in &q.quotes {
                assert!(t.is_char_boundary(x.span.start) && t.is_char_boundary(x.span.end));
            }
            let _ = extract_text(t, t.len());
            let _ = extract_text(t, 1);
        }
    }
}
