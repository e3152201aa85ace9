//! Organisations named at one mention by a head noun and the words after it: in construct
//! with a definite noun or a name (حزب الله, مجلس الأمن الدولي, جامعة حلوان, حزب كاديما), a
//! head with the article before an adjective (البنك التجاري, الاتحاد الأوروبي), the
//! name after a noun that describes it (شركة نوكيا, حركة طالبان: نوكيا, طالبان), and a
//! country or city that plays a match (فازت الغابون على مدغشقر: two teams).
//!
//! Like `person_names`, the mention's words and the language's lists are read (and whether
//! the corpus knows a word as a name), so the judgement barely depends on the corpus. A head
//! of `org_heads.txt` is part of the name (حزب الليكود); a describing noun of
//! `org_words.txt` is not (شركة نوكيا).

use std::ops::Range;

use super::lexicon::Lexicon;
use super::names::Word;
use crate::text::tokenize::Gap;

/// An organisation's name at one mention: `words` indexes the scanned words; the head may
/// carry a proclitic of `prefix_chars` letters (لحزب الله, للبنك الدولي keeps ل).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgName {
    pub words: Range<usize>,
    pub prefix_chars: usize,
}

/// Words after the head, at most (جامعة الدول العربية, حزب العمال الكردستاني التركي).
const MAX_AFTER_HEAD: usize = 4;

/// The readings of a word (L1): (chars of proclitic, L1 without it), as written and as the
/// project's clitic module splits it (لحزب, وللبنك: و + ل + البنك, بالأردن: ب + الأردن).
fn readings(l1: &str) -> Vec<(usize, String)> {
    let mut out = vec![(0, l1.to_string())];
    crate::text::clitics::for_each_split(l1, 3, |prefix_chars, rest, lil| out.push((prefix_chars, if lil { format!("ا{rest}") } else { rest.to_string() })));
    out
}

/// The text before word `k` of a scan, back to the word before it or the text's start
/// (spaces, punctuation, Latin words).
fn gap_before<'t>(text: &'t str, words: &[Word], k: usize) -> &'t str {
    &text[k.checked_sub(1).map_or(0, |p| words[p].token.end)..words[k].token.start]
}

/// The text after word `k` of a scan, up to the next word or the text's end.
fn gap_after<'t>(text: &'t str, words: &[Word], k: usize) -> &'t str {
    &text[words[k].token.end..words.get(k + 1).map_or(text.len(), |n| n.token.start)]
}

struct Reader<'w, 'l, 'o> {
    words: &'w [Word],
    lex: &'l Lexicon,
    /// Whether a spelling (L0) is an ordinary word of the dictionary (hamzas restored).
    ordinary: &'o dyn Fn(&str) -> bool,
    /// Whether the corpus knows a word as a name (its spelling cluster).
    named: &'o dyn Fn(&Word) -> bool,
}

impl Reader<'_, '_, '_> {
    fn joined(&self, k: usize) -> bool {
        self.words.get(k).is_some_and(|w| w.token.gap_before == Gap::Space && !w.tanween)
    }

    fn closed_class(&self, l1: &str) -> bool {
        self.lex.is_function_word(l1) && !self.lex.is_org_name_adjective(l1) || self.lex.is_person_role(l1) || self.lex.is_saying_verb(l1)
    }

    /// A definite word that can continue a name (الأمن, الدولي), not a closed-class word.
    fn definite(&self, k: usize) -> bool {
        let w = &self.words[k];
        w.l0().starts_with("ال") && w.letters() >= 4 && !self.closed_class(&w.l1)
    }

    /// An adjective with the article shaped like a nisba (التجاري, الأوروبية).
    fn nisba_adjective(&self, k: usize) -> bool {
        let w = &self.words[k];
        self.definite(k) && (w.l1.ends_with('ي') || w.l1.ends_with("يه"))
    }

    /// A name right after a head (كاديما, حلوان, حماس): a word the dictionary rejects, a
    /// place of the gazetteer or a name of the corpus, no closed-class word, no place behind
    /// a preposition (مستشفى بالأردن: the hospital is in Jordan).
    fn name(&self, k: usize) -> bool {
        let w = &self.words[k];
        // (a conjunction starts no name, unless the gazetteer lists the word: فتح)
        let listed = self.lex.gazetteer(&w.l1).is_some();
        w.letters() >= 2 && !self.closed_class(&w.l1) && (!w.l0().starts_with(['و', 'ف']) || listed)
            && (!(self.ordinary)(w.l0()) || listed || (self.named)(w)) && (listed || !self.place_behind_preposition(k))
    }

    /// A place the gazetteer lists behind a preposition (بالأردن, بتندوف): where the name
    /// is, not more of it (الكلية الحربية بالأردن).
    fn place_behind_preposition(&self, k: usize) -> bool {
        readings(&self.words[k].l1).iter().any(|(prefix_chars, name)| *prefix_chars > 0 && self.lex.listed_place(name))
    }

    /// The end of an organisation's name that ends before word `k`, with the adjective of
    /// its state when one follows a head with the article (البنك المركزي السويدي).
    fn with_state_adjective(&self, k: usize) -> usize {
        if self.joined(k) && self.definite(k) && self.lex.country_adjective(&self.words[k].l1) {
            k + 1
        } else {
            k
        }
    }

    /// The organisation whose head is word `i`, if any.
    fn at(&self, i: usize) -> Option<OrgName> {
        if self.words[i].tanween || !self.joined(i + 1) {
            return None;
        }
        // a club: ريال مدريد, دينامو كييف, مانشستر يونايتد
        let (w, next) = (&self.words[i], &self.words[i + 1]);
        // (ريال عماني is a currency: a country's adjective is no place)
        if self.lex.is_club_word(&w.l1) && self.name(i + 1) && !self.lex.country_adjective(&next.l1)
            || self.lex.is_club_word(&next.l1) && self.name(i) && !self.lex.is_club_word(&w.l1)
        {
            return Some(OrgName { words: i..i + 2, prefix_chars: 0 });
        }
        if !self.lex.may_head_org(&self.words[i].l1) {
            return None;
        }
        for (prefix_chars, l1) in readings(&self.words[i].l1) {
            // a club the gazetteer lists after a noun of its match or its people, whatever
            // else the word means (لاعب الأهلي, النادي الأهلي, مباراة السد)
            if self.lex.is_club_cue(&l1) && self.lex.listed_org(&self.words[i + 1].l1) {
                return Some(OrgName { words: i + 1..i + 2, prefix_chars: 0 });
            }
            // a country or city after a noun of a match is the side that plays it (مرمى
            // ألمانيا, مدرب روما, على ضيفه ليفربول)
            if self.lex.is_team_cue(&l1) {
                let side = &self.words[i + 1];
                if !side.tanween && self.lex.gazetteer(&side.l1).is_some_and(|g| g.kind != super::lexicon::GazKind::Organization && !g.ambiguous) {
                    return Some(OrgName { words: i + 1..i + 2, prefix_chars: 0 });
                }
            }
            // a team's name after the noun describing it, whatever the word (فريق العربي,
            // منتخب قطر), with a club word after it (فريق مانشستر يونايتد)
            if self.lex.is_team_word(&l1) {
                // the team's name: a name (فريق التحقيق is an investigation team)
                let team = &self.words[i + 1];
                if !self.name(i + 1) || self.lex.country_adjective(&team.l1) {
                    continue;
                }
                // and the names after it (نادي سنترال كوست مارينرز, نادي جيانغسو سونينغ)
                let mut end = i + 2;
                while end - i <= MAX_AFTER_HEAD && self.joined(end) && {
                    let w = &self.words[end];
                    self.lex.is_club_word(&w.l1) || self.name(end) && !(self.ordinary)(w.l0()) && !self.lex.country_adjective(&w.l1)
                } {
                    end += 1;
                }
                return Some(OrgName { words: i + 1..end, prefix_chars: 0 });
            }
            // a noun that describes the name after it (شركة نوكيا, صحيفة هآرتس): the name
            // alone; before a definite noun and its nisba adjective, a name with the noun
            // (حركة المقاومة الإسلامية)
            if self.lex.is_org_word(&l1) && !self.lex.is_org_head(&l1) {
                // (a centre or a site with them is a place: مركز التجارة العالمي; تنظيم
                // before them is "organising": وتنظيم الهجرة السرية)
                let no_description = matches!(l1.as_str(), "مركز" | "موقع" | "تنظيم");
                if !no_description && self.definite(i + 1) && self.joined(i + 2) && self.nisba_adjective(i + 2) && !self.lex.country_adjective(&self.words[i + 2].l1) {
                    let mut k = i + 3;
                    while k - i <= MAX_AFTER_HEAD && self.joined(k) && self.nisba_adjective(k) && !self.lex.country_adjective(&self.words[k].l1) {
                        k += 1;
                    }
                    return Some(OrgName { words: i..k, prefix_chars });
                }
                // (a definite word of the dictionary only where the corpus knows it as a name,
                // or the gazetteer as an organisation: قناة الجزيرة, مراسل العربية)
                let next = &self.words[i + 1];
                let listed_org = self.lex.listed_org(&next.l1);
                if !self.name(i + 1) || self.definite(i + 1) && (self.ordinary)(next.l0()) && !(self.named)(next) && !listed_org {
                    continue;
                }
                let mut k = i + 2;
                while k - i <= MAX_AFTER_HEAD && self.joined(k) && self.name(k) && !(self.ordinary)(self.words[k].l0()) && !self.lex.country_adjective(&self.words[k].l1) {
                    k += 1;
                }
                return Some(OrgName { words: i + 1..k, prefix_chars: 0 });
            }
            let end = if self.lex.is_org_head(&l1) {
                // in construct: a definite noun or a name, then definite words or names; a
                // title and a name too (جامعة الملك فهد, جامعة السلطان قابوس)
                let titled = self.words[i + 1].l0().starts_with("ال") && self.lex.is_person_role(&self.words[i + 1].l1) && self.joined(i + 2)
                    && (self.name(i + 2) || self.lex.is_listed_given_name(&self.words[i + 2].l1));
                if titled {
                    return Some(OrgName { words: i..i + 3, prefix_chars });
                }
                if !(self.definite(i + 1) || self.name(i + 1)) {
                    continue;
                }
                // a country's adjective after the name describes it (جامعة ريكو اليابانية)
                let mut k = i + 2;
                while k - i <= MAX_AFTER_HEAD && self.joined(k) && !self.lex.country_adjective(&self.words[k].l1)
                    && (self.definite(k) || self.name(k) && !(self.ordinary)(self.words[k].l0()))
                {
                    k += 1;
                }
                // the board every company or club has (مجلس الإدارة): no name
                if self.lex.is_generic_body(&self.words[i + 1].l1) {
                    continue;
                }
                k
            } else if l1.strip_prefix("ال").is_some_and(|h| self.lex.is_org_head(h)) {
                // with the article, before an adjective and more of the nisba shape (البنك
                // التجاري, الجمعية العامة, المحكمة الجنائية); a country's adjective describes
                if !self.definite(i + 1) || self.lex.country_adjective(&self.words[i + 1].l1) {
                    continue;
                }
                let mut k = i + 2;
                while k - i <= MAX_AFTER_HEAD && self.joined(k) && self.nisba_adjective(k) && !self.lex.country_adjective(&self.words[k].l1) {
                    k += 1;
                }
                self.with_state_adjective(k)
            } else {
                continue;
            };
            return Some(OrgName { words: i..end, prefix_chars });
        }
        None
    }
}

/// The proclitics and attached pronouns a verb or noun of a match's result is read with.
const MATCH_VERB_PROCLITICS: [&str; 7] = ["", "و", "ف", "ب", "وب", "ل", "ول"];
const MATCH_VERB_PRONOUNS: [&str; 4] = ["ه", "ها", "هم", "هما"];

/// Every form of the listed verbs and nouns of a match's result (L1), with a proclitic and an
/// attached pronoun: وفاز, بفوزه, وتعادلها, خسارته (its ة written ت before the pronoun; a stem
/// of three letters at least before a pronoun). Built once, so that reading a word is one
/// look-up (`Lexicon::is_match_verb_form`), not some seventy.
pub(crate) fn match_verb_forms(verbs: &rustc_hash::FxHashSet<String>) -> rustc_hash::FxHashSet<String> {
    let mut forms = rustc_hash::FxHashSet::default();
    for verb in verbs {
        let mut stems: Vec<String> = Vec::new();
        if verb.chars().count() >= 3 {
            stems.push(verb.clone());
        }
        if let Some(t) = verb.strip_suffix('ه') {
            let stem = format!("{t}ت");
            if stem.chars().count() >= 3 {
                stems.push(stem);
            }
        }
        for p in MATCH_VERB_PROCLITICS {
            forms.insert(format!("{p}{verb}"));
            for stem in &stems {
                for s in MATCH_VERB_PRONOUNS {
                    forms.insert(format!("{p}{stem}{s}"));
                }
            }
        }
    }
    forms
}

/// A verb or noun of a match's result (L1), also with a proclitic and an attached pronoun.
fn match_verb(l1: &str, lex: &Lexicon) -> bool {
    lex.is_match_verb_form(l1)
}

/// Countries and cities that play a match (فازت الغابون على مدغشقر): the word right after a
/// verb of a match's result (its subject), and the word after على / أمام / مع / ضد within
/// three words after such a verb (its opponent).
fn teams_in_matches(words: &[Word], lex: &Lexicon) -> Vec<usize> {
    let place = |w: &Word| {
        let l1 = w.l1.strip_prefix('و').filter(|r| lex.gazetteer(r).is_some()).unwrap_or(&w.l1);
        // (a club the gazetteer lists too, also when its name is a word: فاز الأهلي على ...)
        !w.tanween && lex.gazetteer(l1).is_some_and(|g| g.kind == super::lexicon::GazKind::Organization || !g.ambiguous)
    };
    let joined = |k: usize| words.get(k).is_some_and(|w| w.token.gap_before == Gap::Space);
    let mut out = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let verb = match_verb(&w.l1, lex);
        if !verb {
            continue;
        }
        if joined(k + 1) && place(&words[k + 1]) {
            out.push(k + 1);
        }
        for j in k + 1..(k + 4).min(words.len()) {
            if !joined(j) {
                break;
            }
            if matches!(words[j].l1.as_str(), "علي" | "امام" | "مع" | "ضد") {
                if joined(j + 1) && place(&words[j + 1]) {
                    out.push(j + 1);
                }
                break;
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The word after an organisation's name, alone between brackets, that gives its short name
/// or acronym (حركة المقاومة الإسلامية ( حماس ), المنظمة العالمية للملكية الفكرية ( الويبو )):
/// a name of its own, neither a place the gazetteer knows (ليون ( فرنسا ) names the
/// club's country), a country's adjective (a dispatch credit), nor a closed-class word.
fn short_name_in_brackets(text: &str, words: &[Word], k: usize, lex: &Lexicon) -> bool {
    let Some(w) = words.get(k) else { return false };
    if k == 0 || w.tanween || w.letters() < 2 {
        return false;
    }
    let (before, after) = (gap_before(text, words, k), gap_after(text, words, k));
    let bracketed = before.trim() == "(" && after.trim_start().starts_with(')');
    let place = lex.listed_place(&w.l1);
    bracketed && !place && !lex.country_adjective(&w.l1) && !lex.is_function_word(&w.l1) && !lex.is_cue_word(&w.l1) && !lex.is_person_role(&w.l1)
}

/// A dateline's source (الدوحة - الراية :, عمان - بترا :, الدوحة - بيروت - الراية - وكالات :):
/// at the start of a line, one or more places the gazetteer lists, each followed by a dash,
/// then one or two words closed by a colon or a dash: the outlet or agency that filed the
/// story. Returns the source's words.
fn dateline_source(text: &str, words: &[Word], i: usize, lex: &Lexicon) -> Option<Range<usize>> {
    let place = |w: &Word| !w.tanween && lex.listed_place(&w.l1);
    let dash = |s: &str| matches!(s, "-" | "–" | "—");
    // the places before: each a word followed by a dash, the first at a line's start
    let mut first = i;
    while first > 0 && dash(gap_before(text, words, first).trim()) && place(&words[first - 1]) {
        first -= 1;
    }
    if first == i || !(first == 0 || gap_before(text, words, first).contains('\n')) {
        return None;
    }
    let source = &words[i];
    if place(source) || source.tanween || lex.is_generic_credit(&source.l1) || lex.is_function_word(&source.l1) || lex.is_cue_word(&source.l1) || lex.country_adjective(&source.l1) {
        return None;
    }
    let closed = |k: usize| {
        let after = gap_after(text, words, k).trim();
        after.starts_with(':') || dash(after)
    };
    if closed(i) {
        return Some(i..i + 1);
    }
    (i + 1 < words.len() && words[i + 1].token.gap_before == Gap::Space && closed(i + 1)).then_some(i..i + 2)
}

/// An abbreviation spelt out letter by letter with dots between (د . ب . أ, ق . ن . ا,
/// إف . بي . آي, إتش . إس . بي . سي): three letters at least, each a single Arabic letter or
/// a listed name of a Latin letter. Arabic news abbreviates news agencies and bodies this
/// way; two letters are often a date's era or a title (ق . م, ص . ب), so they make none.
/// Returns the words of the abbreviation starting at `i`.
fn dotted_abbreviation(text: &str, words: &[Word], i: usize, lex: &Lexicon) -> Option<Range<usize>> {
    let letter = |w: &Word| !w.tanween && (w.l1.chars().count() == 1 || lex.is_letter_name(&w.l1));
    let dotted = |k: usize| gap_before(text, words, k).trim() == ".";
    // (the first letter of the run, not one inside it)
    if !letter(words.get(i)?) || i > 0 && dotted(i) && letter(&words[i - 1]) {
        return None;
    }
    let mut end = i + 1;
    while end < words.len() && dotted(end) && letter(&words[end]) {
        end += 1;
    }
    (end - i >= 3).then_some(i..end)
}

/// A credit: an organisation the gazetteer lists whose name is an ordinary word too
/// (الجزيرة "the island"), alone between brackets at the end of a line or before a dash,
/// as photos and dispatches are credited: ( الجزيرة ), ( الجزيرة - أرشيف ). A bracket inside
/// running text glosses a word instead (القمر ( الهلال ): the crescent, not the club).
fn listed_org_credit(text: &str, words: &[Word], i: usize, lex: &Lexicon) -> bool {
    let w = &words[i];
    if w.tanween || !lex.listed_org(&w.l1) {
        return false;
    }
    let before = gap_before(text, words, i).trim_end();
    let after = gap_after(text, words, i).trim_start_matches([' ', '\t']);
    // (`after` runs to the next Arabic word: past the bracket, only a full stop before the
    // line ends)
    let last = i + 1 == words.len();
    let line_end = |rest: &str| rest.trim_start_matches([' ', '\t', '.']).starts_with(['\n', '\r']) || last && rest.trim_start_matches([' ', '\t', '.']).is_empty();
    before.ends_with('(') && (after.strip_prefix(')').is_some_and(line_end) || after.starts_with(['-', '–']))
}

/// An outlet the gazetteer lists, told something: لل + its name after a verb of saying or a
/// noun of a statement a few words before (وقال عوض وديعة الله للجزيرة, في تصريحات للجزيرة),
/// or مع + its name right after such a noun (في مقابلة مع الجزيرة). What is said is said to
/// someone: an island is told nothing. Returns the letters of the proclitic.
fn outlet_told(words: &[Word], i: usize, lex: &Lexicon) -> Option<usize> {
    let w = &words[i];
    if w.tanween || w.token.gap_before != Gap::Space || i == 0 {
        return None;
    }
    let bare = |l1: &str| l1.strip_prefix(['و', 'ف']).filter(|r| lex.is_saying_verb(r) || lex.is_statement_noun(r)).is_some() || lex.is_saying_verb(l1) || lex.is_statement_noun(l1);
    // مع + the outlet after a statement's noun, or after its adjective (مقابلة خاصة مع,
    // حديث هاتفي مع)
    let statement_before = |k: usize| {
        lex.is_statement_noun(&words[k].l1)
            || k >= 1 && words[k].token.gap_before == Gap::Space && !words[k].l0().starts_with("ال") && !lex.is_function_word(&words[k].l1) && lex.is_statement_noun(&words[k - 1].l1)
    };
    if lex.listed_org(&w.l1) && words[i - 1].l1 == "مع" && i >= 2 && words[i - 1].token.gap_before == Gap::Space && statement_before(i - 2) {
        return Some(0);
    }
    // لل + the outlet, its name with the article (لفتح طريق is "to open a road": a verbal
    // noun before its object, not Fatah)
    w.l1.strip_prefix("لل").map(|rest| format!("ال{rest}")).filter(|n| lex.listed_org(n))?;
    // the cue right before, or before the speaker's name: words that are names only (قال
    // عوض وديعة الله للجزيرة; not قال إن الجنود عادوا للقاعدة, "to the base")
    let name_only = |w: &Word| lex.is_listed_given_name(&w.l1) || lex.is_listed_family_name(&w.l1) || !super::dictionary::ordinary_restored(w.l0());
    let mut k = i;
    while k > 0 && i - k < 5 && words[k].token.gap_before == Gap::Space {
        k -= 1;
        if bare(&words[k].l1) {
            return Some(1);
        }
        if !name_only(&words[k]) || lex.is_function_word(&words[k].l1) {
            return None;
        }
    }
    None
}

/// The organisations named in a document's words, in text order, none overlapping.
pub fn org_names(text: &str, words: &[Word], lex: &Lexicon, ordinary: &dyn Fn(&str) -> bool, named: &dyn Fn(&Word) -> bool) -> Vec<OrgName> {
    let r = Reader { words, lex, ordinary, named };
    let teams = teams_in_matches(words, lex);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // a photo or dispatch credit: a country's feminine adjective standing alone between
        // punctuation names its news agency ( الفرنسية ), ( الأوروبية ); not after a name in
        // quotes, which it describes (صحيفة "إندبندنت" البريطانية، a thousand times in ant2018)
        let w = &words[i];
        let after_quoted = || gap_before(text, words, i).contains(['"', '»', '”', '“']);
        let alone = w.token.gap_before != Gap::Space && words.get(i + 1).is_none_or(|n| n.token.gap_before != Gap::Space) && !after_quoted();
        if i > 0 && alone && !w.tanween && w.l0().starts_with("ال") && w.l0().ends_with("ية") && lex.country_adjective(&w.l1) {
            out.push(OrgName { words: i..i + 1, prefix_chars: 0 });
            i += 1;
            continue;
        }
        let team = || {
            let prefix_chars = usize::from(words[i].l1.starts_with('و') && lex.gazetteer(&words[i].l1).is_none());
            teams.binary_search(&i).is_ok().then_some(OrgName { words: i..i + 1, prefix_chars })
        };
        let dateline = || dateline_source(text, words, i, lex).map(|words| OrgName { words, prefix_chars: 0 });
        let abbreviation = || dotted_abbreviation(text, words, i, lex).map(|words| OrgName { words, prefix_chars: 0 });
        let credit = || listed_org_credit(text, words, i, lex).then_some(OrgName { words: i..i + 1, prefix_chars: 0 });
        let told = || outlet_told(words, i, lex).map(|prefix_chars| OrgName { words: i..i + 1, prefix_chars });
        match r.at(i).or_else(team).or_else(dateline).or_else(abbreviation).or_else(credit).or_else(told) {
            Some(o) => {
                i = o.words.end;
                out.push(o);
                // its short name in brackets, or a listed one right after it (حركة المقاومة
                // الإسلامية حماس)
                let listed_after = words.get(i).is_some_and(|n| n.token.gap_before == Gap::Space && !n.tanween && lex.listed_org(&n.l1));
                if short_name_in_brackets(text, words, i, lex) || listed_after {
                    out.push(OrgName { words: i..i + 1, prefix_chars: 0 });
                    i += 1;
                }
            }
            None => i += 1,
        }
    }
    out
}

/// The names in quotation marks right after a noun that describes an organisation (صحيفة
/// "ماركا", حركة "خمس نجوم", مجلة " المجلة الجديدة "): marked off like that, one to four
/// words are the organisation's name whatever they mean; not an adjective the quotes only
/// stress (منظمة "إرهابية": one ordinary word ending like an adjective).
///
/// Read for entity kinds only, apart from [`org_names`], whose readings the spelling check
/// also counts as evidence of a name: quoted titles are mostly English words written in Arabic
/// letters (بيزنس إنسايدر, ديلي إكسبريس), and counting them would flag those words' every
/// transliteration across an archive (230 more findings on ant2018) as names.
pub fn quoted_org_names(text: &str, words: &[Word], lex: &Lexicon, ordinary: &dyn Fn(&str) -> bool) -> Vec<OrgName> {
    const OPEN: [&str; 3] = ["\"", "«", "“"];
    const CLOSE: [char; 3] = ['"', '»', '”'];
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.tanween || i + 1 >= words.len() || !OPEN.contains(&gap_after(text, words, i).trim()) {
            continue;
        }
        if !readings(&w.l1).iter().any(|(_, l1)| lex.is_org_word(l1) && !lex.is_org_head(l1)) {
            continue;
        }
        let mut end = i + 2;
        while end < words.len() && end - i <= 4 && words[end].token.gap_before == Gap::Space {
            end += 1;
        }
        let after = gap_after(text, words, end - 1);
        let first = &words[i + 1];
        let stressed_adjective = end == i + 2 && ordinary(first.l0()) && !first.l0().starts_with("ال") && first.l1.ends_with('ه');
        let function_words = words[i + 1..end].iter().all(|w| lex.is_function_word(&w.l1));
        if after.trim_start().starts_with(CLOSE) && !stressed_adjective && !function_words {
            out.push(OrgName { words: i + 1..end, prefix_chars: 0 });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::dictionary::accepts_restored;
    use crate::analysis::names::scan_words;
    use crate::corpus::config::Config;

    #[test]
    fn a_match_verbs_forms_are_its_readings_with_clitics() {
        // the reading the forms replace: strip a proclitic, then an attached pronoun
        let read = |l1: &str, lex: &Lexicon| {
            MATCH_VERB_PROCLITICS.iter().filter_map(|p| l1.strip_prefix(p)).any(|rest| {
                lex.is_match_verb(rest)
                    || MATCH_VERB_PRONOUNS.iter().filter_map(|s| rest.strip_suffix(s)).filter(|stem| stem.chars().count() >= 3).any(|stem| {
                        lex.is_match_verb(stem) || stem.strip_suffix('ت').is_some_and(|t| lex.is_match_verb(&format!("{t}ه")))
                    })
            })
        };
        let lex = Lexicon::with_config(&Config::default());
        let mut words: Vec<String> = vec!["وفاز".into(), "بفوزه".into(), "وتعادلها".into(), "خسارته".into(), "فازت".into(), "وخسارتها".into(), "فوزت".into()];
        for dir in ["tests/corpus/seeds", "tests/corpus/ner/news"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for f in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")) {
                words.extend(scan_words(&std::fs::read_to_string(f).unwrap(), 0).iter().map(|w| w.l1.clone()));
            }
        }
        // every form, and each with a letter more at either end
        let forms: Vec<String> = match_verb_forms(lex.match_verbs_for_tests()).into_iter().collect();
        words.extend(forms.iter().flat_map(|f| [f.clone(), format!("و{f}"), format!("{f}ا"), format!("ل{f}")]));
        let (mut verbs, mut others) = (0, 0);
        for w in &words {
            assert_eq!(match_verb(w, &lex), read(w, &lex), "{w}");
            *if read(w, &lex) { &mut verbs } else { &mut others } += 1;
        }
        assert!(verbs >= 500 && others >= 1000, "{verbs} verb forms, {others} other words");
    }

    /// The text of the names a reader finds in `text`.
    fn read(text: &str, reader: impl Fn(&[Word], &Lexicon) -> Vec<OrgName>) -> Vec<String> {
        let lex = Lexicon::with_config(&Config::default());
        let words = scan_words(text, 0);
        reader(&words, &lex).into_iter().map(|o| text[crate::analysis::names::words_span(&words, o.words, o.prefix_chars)].to_string()).collect()
    }

    fn names(text: &str) -> Vec<String> {
        read(text, |words, lex| org_names(text, words, lex, &accepts_restored, &|_| false))
    }

    #[test]
    fn a_board_every_company_has_is_no_organisations_name() {
        assert!(names("وجميع اعضاء مجلس الادارة").is_empty());
        assert!(names("العطية رئيس مجلس الادارة حيث اكد").is_empty());
        assert!(names("يوصي مجلس الامناء بتاسيس").is_empty());
        assert_eq!(names("اعضاء مجلس الامن الدولي"), ["مجلس الامن الدولي"]);
    }

    #[test]
    fn a_datelines_source_is_an_organisation() {
        assert_eq!(names("الدوحة - الراية : يشارك الاعلامي"), ["الراية"]);
        assert_eq!(names("مقدمة\nعمان - بترا : يبدا جلالة الملك"), ["بترا"]);
        assert_eq!(names("الدوحة - بيروت - الراية - وكالات : في"), ["الراية"]);
        assert_eq!(names("بيروت - الجزيرة نت : قال"), ["الجزيرة نت"]);
        // (not in running text, nor a place after the dash)
        assert!(names("وصل الى الدوحة - الراية : يشارك").is_empty());
        assert!(names("الدوحة - بيروت : رحلة").is_empty());
        assert!(names("القاهرة - وكالات : قال").is_empty(), "a credit that names no one");
    }

    #[test]
    fn a_head_noun_and_the_words_after_it_name_an_organisation() {
        assert_eq!(names("اعدها حزب الليكود خلال وجوده"), ["حزب الليكود"]);
        assert_eq!(names("الى كتلة جبهة العمل الاسلامي المؤلفة من"), ["جبهة العمل الاسلامي"], "العمل is a noun, no function word");
        assert_eq!(names("باسم المجلس الاعلى الاسلامي في الصومال"), ["المجلس الاعلى الاسلامي"], "الأعلى belongs to the name");
        assert_eq!(names("اعلنت شركة نوكيا انها"), ["نوكيا"]);
        assert_eq!(names("وقال مراسل الجزيرة في بغداد"), ["الجزيرة"], "an outlet the gazetteer lists, after its correspondent");
        assert!(names("وقال مراسل الصحيفة في بغداد").is_empty());
        assert!(names("توقف حركة المرور بالمنطقة").is_empty());
        assert_eq!(names("من حركة المقاومة الاسلامية حماس"), ["حركة المقاومة الاسلامية", "حماس"]);
        assert_eq!(names("صادقت الجمعية العامة التابعة"), ["الجمعية العامة"]);
        assert_eq!(names("وقال رئيس مجلس النواب ان"), ["مجلس النواب"]);
        assert_eq!(names("دعا مجلس الامن الدولي امس"), ["مجلس الامن الدولي"]);
        assert_eq!(names("تفاهم مع جامعة ريكو اليابانية"), ["جامعة ريكو"]);
        assert_eq!(names("اسسها البنك المركزي السويدي عام"), ["البنك المركزي السويدي"]);
        assert_eq!(names("وقدم للبنك التجاري طلبا"), ["لبنك التجاري"], "ل + البنك: the article's alef is not written");
    }

    #[test]
    fn a_state_institution_with_its_adjective_is_no_organisation_name() {
        // (a description, not a name: ANERcorp and the project's gold leave it untagged;
        // newsfane tags it about three times in five)
        assert!(names("وقد اعترف الجيش الاسرائيلي بهذه الخسائر").is_empty());
        assert!(names("ان الحكومة اللبنانية لم تنعقد").is_empty());
        assert_eq!(names("من جامعة الملك فهد في الظهران"), ["جامعة الملك فهد"]);
    }

    #[test]
    fn a_short_name_in_brackets_after_the_full_name_is_the_organisation() {
        assert_eq!(names("مع حركة المقاومة الاسلامية ( حماس ) لتشكيل حكومة"), ["حركة المقاومة الاسلامية", "حماس"]);
        assert_eq!(names("انتقل الى ريال مدريد ( اسبانيا ) امس"), ["ريال مدريد"], "the club's country");
        assert_eq!(names("عن حركة المقاومة الاسلامية ( الفرنسية ) امس"), ["حركة المقاومة الاسلامية", "الفرنسية"], "a dispatch credit is the agency");
        assert_eq!(names("مع حركة المقاومة الاسلامية ( في غزة ) امس"), ["حركة المقاومة الاسلامية"]);
        assert_eq!(names("ناشطين من حركة المقاومة الاسلامية حماس بنيران"), ["حركة المقاومة الاسلامية", "حماس"], "a listed short name without brackets");
    }

    #[test]
    fn teams_and_clubs_are_organisations() {
        assert_eq!(names("حقق فريق ارسنال بداية جيدة"), ["ارسنال"]);
        assert!(names("وصل فريق التحقيق امس").is_empty(), "an investigation team");
        assert_eq!(names("فاز منتخب قطر على"), ["قطر"]);
        assert_eq!(names("انتقل الى ريال مدريد الاسباني"), ["ريال مدريد"]);
        assert_eq!(names("وفاز مانشستر يونايتد على"), ["مانشستر يونايتد"]);
        assert_eq!(names("تعادل سسكا موسكو مع ستيوا بوخارست"), ["سسكا موسكو", "ستيوا بوخارست"], "a club's word before its city");
        assert_eq!(names("تجربة مع نادي سنترال كوست مارينرز الذي"), ["سنترال كوست مارينرز"], "a team's name of several words");
        assert_eq!(names("عن تدريب نادي جيانغسو سونينغ الصيني بالتراضي"), ["جيانغسو سونينغ"]);
    }

    #[test]
    fn a_listed_club_named_by_a_word_is_read_after_a_noun_of_its_match_or_its_people() {
        assert_eq!(names("قال لاعب الاهلي ان الفريق"), ["الاهلي"]);
        assert_eq!(names("اصدر النادي الاهلي بيانا"), ["الاهلي"]);
        assert_eq!(names("انضمام ثلاثي السد او مباراة السد"), ["السد"], "after a noun of the match, not any noun");
        assert!(names("يقوم المجتمع الاهلي بدور").is_empty(), "the adjective: domestic, civil");
        assert!(names("قال لاعب الوسط ان").is_empty(), "only a club the gazetteer lists");
        assert_eq!(names("وتغلب الاهلي على العربي امس"), ["الاهلي", "العربي"], "listed clubs that play a match");
    }

    #[test]
    fn countries_that_play_a_match_are_teams() {
        assert_eq!(names("بينما فازت الغابون على مدغشقر 4 - صفر"), ["الغابون", "مدغشقر"]);
        assert_eq!(names("وفي نيروبي خسرت كينيا امام اريتريا"), ["كينيا", "اريتريا"]);
        assert!(names("وصل الوفد الى كينيا").is_empty());
        assert_eq!(names("وتاهل بفوزه امس على النصر العماني"), ["النصر"], "a verbal noun with a proclitic and a pronoun");
        assert_eq!(names("بعد خسارته امام الكويت"), ["الكويت"]);
        assert_eq!(names("بنيران القناصة ( الفرنسية ) ارتفع امس"), ["الفرنسية"], "a dispatch credit names the agency");
        assert!(names("كتب في صحيفة \"إندبندنت\" البريطانية: \"قبل أي حديث").is_empty(), "the adjective of a name in quotes");
    }

    #[test]
    fn an_abbreviation_spelt_with_dots_is_an_organisation() {
        assert_eq!(names("ونقلت وكالة د . ب . ا عن مصادر"), ["د . ب . ا"]);
        assert_eq!(names("قال مدير ال اف . بي . اي امس"), ["اف . بي . اي"]);
        assert!(names("في القرن الثالث ق . م . كان").is_empty(), "an era: two letters, then a word");
        assert!(names("ص . ب 125").is_empty());
    }

    #[test]
    fn a_listed_organisation_credited_in_brackets_is_the_organisation() {
        assert_eq!(names("الامين العام للحزب ( الجزيرة - ارشيف )\nقال"), ["الجزيرة"]);
        assert_eq!(names("صورة من المؤتمر ( الجزيرة )\nدعا"), ["الجزيرة"]);
        assert!(names("وهذا يعني ان القمر ( الهلال ) قد وجد في السماء").is_empty(), "a gloss inside running text");
    }

    #[test]
    fn a_listed_outlet_told_something_is_the_outlet() {
        assert_eq!(names("وقال في تصريحات للجزيرة انه مستعد"), ["لجزيرة"], "ل + الجزيرة: the article's alef not written");
        assert_eq!(names("واعتبر في لقاء مع الجزيرة ان"), ["الجزيرة"]);
        assert_eq!(names("في مقابلة خاصة مع الجزيرة ان"), ["الجزيرة"], "the statement's adjective between");
        assert!(names("في مقابلة الحاكم مع الجزيرة ان").is_empty(), "a definite word between is someone else");
        assert!(names("قال ان الجنود عادوا للقاعدة امس").is_empty(), "the base: ordinary words between");
        assert!(names("وشدد على اهمية ايجاد الية لفتح طريق").is_empty(), "to open a road");
        assert!(names("وصلت السفينة للجزيرة امس").is_empty(), "no one speaks");
    }

    #[test]
    fn a_name_in_quotation_marks_after_an_organisations_noun_is_its_name() {
        let quoted = |text: &str| read(text, |words, lex| quoted_org_names(text, words, lex, &accepts_restored));
        assert_eq!(quoted("وقالت صحيفة \"ماركا\" الاسبانية ان"), ["ماركا"]);
        assert_eq!(quoted("نشرت مجلة \" المجلة الجديدة \" تقريرا"), ["المجلة الجديدة"]);
        assert_eq!(quoted("وفازت حركة «خمس نجوم» في الانتخابات"), ["خمس نجوم"]);
        assert!(quoted("وصفها بانها منظمة \"ارهابية\" تهدد").is_empty(), "an adjective in quotes");
        assert!(quoted("قالت الصحيفة \"انه امر خطير جدا للغاية\" امس").is_empty(), "a quotation, not after a noun of an organisation");
    }

    #[test]
    fn a_faculty_or_a_hospital_with_its_name_is_an_organisation() {
        assert_eq!(names("تخرج في كلية الاداب"), ["كلية الاداب"]);
        assert_eq!(names("نقل الى مستشفى الشفاء"), ["مستشفى الشفاء"]);
        assert!(names("توفي في مستشفى بالاردن امس").is_empty(), "where the hospital is, not its name");
    }

    #[test]
    fn a_head_before_an_ordinary_word_is_a_noun() {
        assert!(names("انضم الى حزب كبير في المدينة").is_empty());
        assert!(names("في شركة صغيرة").is_empty());
    }
}
