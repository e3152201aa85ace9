//! The language's common words: the Hunspell Arabic dictionary (Ayaspell 3.2, shipped in
//! `data/hunspell/` under MPL-1.1, see `data/NOTICE.md`), read by `spellbook`.
//!
//! A word the dictionary accepts is an ordinary Arabic word (مكاتب, السورية, الأمني) or a
//! well-known name written correctly (إيران, الأسد); a word it rejects is a foreign name, a
//! misspelling (إتهام) or a wire form without hamza (الاسد, ايران). The analysis uses this as
//! one signal among several: two accepted words are two words unless a name list says they
//! are one name, and an accepted spelling is preferred as canonical. The dictionary is
//! lenient (it accepts ألأمريكية), so it is never the only judge.
//!
//! Loaded once per process on first use (about 70 ms and 20 MB); a check takes a few
//! microseconds, and each word's verdict is remembered for the process's life (`check`).

use std::sync::OnceLock;

const AFF: &str = include_str!("../../data/hunspell/ar.aff");
const DIC: &str = include_str!("../../data/hunspell/ar.dic");
/// The project's additions to it (`data/lexicon/dictionary_additions.dic`).
const ADDITIONS: &str = include_str!("../../data/lexicon/dictionary_additions.dic");

fn dictionary() -> Option<&'static spellbook::Dictionary> {
    static DICTIONARY: OnceLock<Option<spellbook::Dictionary>> = OnceLock::new();
    DICTIONARY.get_or_init(|| load(AFF)).as_ref()
}

/// The dictionary without its proclitic prefixes (و ف ب ك ل and their combinations): what
/// it accepts as a word read whole. Hunspell reads many foreign names as a proclitic and a
/// rare word (بوتين as ب + وتين "with an aorta", كوربين, فينغر as ف + ينغر); this copy
/// tells those readings from words that are words by themselves.
fn dictionary_without_proclitics() -> Option<&'static spellbook::Dictionary> {
    static DICTIONARY: OnceLock<Option<spellbook::Dictionary>> = OnceLock::new();
    DICTIONARY.get_or_init(|| load(&without_proclitic_prefixes(AFF))).as_ref()
}

fn load(aff: &str) -> Option<spellbook::Dictionary> {
    match spellbook::Dictionary::new(aff, DIC) {
        Ok(mut d) => {
            for entry in ADDITIONS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                if let Err(e) = d.add(entry) {
                    eprintln!("isnad: data/lexicon/dictionary_additions.dic: {entry}: {e}");
                }
            }
            Some(d)
        }
        Err(e) => {
            // a shipped file that does not parse is a build defect; the analysis still
            // runs, with every word unknown to the dictionary
            eprintln!("isnad: the Arabic dictionary (data/hunspell) could not be read: {e}");
            None
        }
    }
}

/// The affix file with every prefix rule that only adds proclitic letters (`PFX nj 0 و .`,
/// `PFX nj 0 وب .`) turned into one no Arabic word starts with. The rules stay in place so
/// that each class keeps the number of rows its header announces; the article (ال, بال,
/// لل…) and the verb prefixes stay as they are.
fn without_proclitic_prefixes(aff: &str) -> String {
    let mut out = String::with_capacity(aff.len());
    for line in aff.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let affix = fields.get(3).map(|a| a.split('/').next().unwrap_or(""));
        let proclitic_only = fields.len() >= 5
            && fields[0] == "PFX"
            && fields[2] == "0"
            && affix.is_some_and(|a| !a.is_empty() && a.chars().all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ك' | 'ل')));
        match (proclitic_only, affix) {
            (true, Some(a)) => out.push_str(&line.replacen(a, "qq", 1)),
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// The two readings of the dictionary: with its proclitic prefixes, and without them.
#[derive(Clone, Copy)]
enum Reading {
    WithProclitics,
    Whole,
}

impl Reading {
    /// The bit saying a word's verdict in this reading is known, and the bit holding it.
    fn bits(self) -> (u8, u8) {
        match self {
            Reading::WithProclitics => (1, 2),
            Reading::Whole => (4, 8),
        }
    }
}

/// One word checked by the dictionary in one reading, remembered for the process's life (the
/// dictionary never changes). A check costs microseconds (Arabic's affix rules are many),
/// and the analysis asks one word through several questions (as written, as an ordinary
/// word with its hamza restored, its proclitic readings), at loading and again at findings:
/// reading a 31k-article archive checks some 460,000 words 900,000 times.
fn check(reading: Reading, word: &str) -> bool {
    static VERDICTS: OnceLock<dashmap::DashMap<Box<str>, u8, rustc_hash::FxBuildHasher>> = OnceLock::new();
    let verdicts = VERDICTS.get_or_init(Default::default);
    let (known, accepted) = reading.bits();
    if let Some(v) = verdicts.get(word).map(|v| *v).filter(|v| v & known != 0) {
        return v & accepted != 0;
    }
    let dictionary = match reading {
        Reading::WithProclitics => dictionary(),
        Reading::Whole => dictionary_without_proclitics(),
    };
    let verdict = dictionary.is_some_and(|d| d.check(word));
    let bits = known | if verdict { accepted } else { 0 };
    verdicts.entry(word.into()).and_modify(|v| *v |= bits).or_insert(bits);
    verdict
}

/// Whether the dictionary accepts `word` as written (an L0 form: hamza kept, diacritics and
/// tatweel already dropped). Multiword spellings are accepted only when every word is.
pub fn accepts(word: &str) -> bool {
    !word.is_empty() && word.split(' ').all(|w| !w.is_empty() && check(Reading::WithProclitics, w))
}

/// Whether the dictionary accepts `word` (L0) read whole, no proclitic split off it: بوتين
/// and فينغر are not words so, بسبب and وقال are not either, وكالة and بالمدينة are.
pub fn accepts_whole(word: &str) -> bool {
    !word.is_empty() && word.split(' ').all(|w| !w.is_empty() && check(Reading::Whole, w))
}

/// Whether the dictionary accepts `word` (L0) only as a proclitic before another word
/// (بسبب, وقال; بوتين, فينغر), and which words it could be the proclitic form of (سبب, قال;
/// وتين, ينغر), longest proclitic first.
pub fn proclitic_readings(word: &str) -> Option<Vec<String>> {
    if word.contains(' ') || !accepts(word) || accepts_whole(word) {
        return None;
    }
    Some(crate::text::clitics::splits(word, 2).into_iter().map(|s| s.name).collect())
}

/// Whether the dictionary accepts `word` (L0) in one of the spellings wire copy reduces it
/// from: an initial alef without its hamza or madda (اعضاء ← أعضاء, الاسعار ← الأسعار, after
/// the article or a one-letter proclitic too), a final ي for ى (مستوي ← مستوى) or ى for ي
/// (ثانى ← ثاني), a final ه for ة. For telling ordinary words from names in text that drops
/// hamzas; one word only.
pub fn accepts_restored(word: &str) -> bool {
    // where an initial alef may have lost its hamza: the word's start, after the article,
    // after a one-letter proclitic (with or without the article)
    accepts_restored_after(word, &["", "ال", "و", "ف", "ب", "ل", "ك", "وال", "فال", "بال", "كال"], accepts)
}

/// `accepts_restored` for a word read whole, no proclitic before it: a name's word (كاين
/// Kane is not ك + أين "like where").
pub fn accepts_restored_whole(word: &str) -> bool {
    accepts_restored_after(word, &["", "ال"], accepts_whole)
}

/// `accepts_restored` with the hamza of an initial alef put back only after these prefixes,
/// each candidate checked by `accepts`.
fn accepts_restored_after(word: &str, prefixes: &[&str], accepts: fn(&str) -> bool) -> bool {
    if accepts(word) {
        return true;
    }
    if word.is_empty() || word.contains(' ') {
        return false;
    }
    let mut alef_at: Vec<usize> = Vec::new();
    for prefix in prefixes {
        if word.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('ا')) {
            alef_at.push(prefix.len());
        }
    }
    let mut endings: Vec<&str> = vec![""];
    if word.ends_with('ي') {
        endings.push("ى");
    } else if word.ends_with('ى') {
        // Egyptian print writes a final ي without its dots (فى, ثانى)
        endings.push("ي");
    } else if word.ends_with('ه') {
        endings.push("ة");
    }
    let alef = 'ا'.len_utf8();
    for ending in &endings {
        let body = if ending.is_empty() { word } else { &word[..word.len() - 'ي'.len_utf8()] };
        let mut candidates: Vec<String> = Vec::new();
        if !ending.is_empty() {
            candidates.push(format!("{body}{ending}"));
        }
        for &at in &alef_at {
            for seat in ["أ", "إ", "آ"] {
                candidates.push(format!("{}{seat}{}{ending}", &body[..at], &body[at + alef..]));
            }
        }
        if candidates.iter().any(|c| accepts(c)) {
            return true;
        }
    }
    false
}

/// The dictionary's affix classes of place names: countries and capitals written without the
/// article (57, 60: ألمانيا, فرنسا), countries written with it (59: الدانمارك, الفلبين), and
/// other places and peoples (222: الدنمرك, كشمير), and other proper names written with it
/// (225: الأناضول, البوسفور, الكومنولث, البنتاجون). Ayaspell files them apart from ordinary
/// nouns, with their variant spellings (دنمارك, دنمرك, دانمرك).
const PLACE_CLASSES: [&str; 5] = ["57", "59", "60", "222", "225"];

/// The dictionary's affix classes of proper names written whole without the article: people
/// and places (64: حذيفة, كولمبيا; 92: إليزابيث, مانشستر) and foreign bodies and places (224:
/// كونجرس, كنيست). The same name's other spelling is a spelling to check, not a word.
const NAME_CLASSES: [&str; 3] = ["64", "92", "224"];

/// Stems of four letters or more the dictionary files only under its place classes
/// (`place`: not مالي "financial", عمان "Oman" / "Amman" / verb forms, سان) or only under its
/// whole-name classes (`whole`), read in one pass over the word list.
struct ProperStems {
    place: rustc_hash::FxHashSet<&'static str>,
    whole: rustc_hash::FxHashSet<&'static str>,
}

fn proper_stems() -> &'static ProperStems {
    static STEMS: OnceLock<ProperStems> = OnceLock::new();
    STEMS.get_or_init(|| {
        // per stem: filed under a place class, a whole-name class, another class
        let mut filed: rustc_hash::FxHashMap<&'static str, (bool, bool, bool)> = rustc_hash::FxHashMap::default();
        for line in DIC.lines() {
            let entry = line.split(['\t', ' ']).next().unwrap_or("");
            let (stem, flags) = entry.split_once('/').unwrap_or((entry, ""));
            let f = filed.entry(stem).or_default();
            if PLACE_CLASSES.contains(&flags) {
                f.0 = true;
            } else if NAME_CLASSES.contains(&flags) {
                f.1 = true;
            } else {
                f.2 = true;
            }
        }
        let only = |want: fn(&(bool, bool, bool)) -> bool| {
            filed.iter().filter(|(s, f)| want(f) && s.chars().count() >= 4).map(|(s, _)| *s).collect()
        };
        ProperStems { place: only(|f| f.0 && !f.1 && !f.2), whole: only(|f| f.1 && !f.0 && !f.2) }
    })
}

/// Whether `word` (L0) is a feminine noun with a pronoun after it, its ة written ت before the
/// pronoun (جولته ← جولة, سعادتها ← سعادة, رحلتنا ← رحلة): a common noun someone owns, which
/// no name is. (A name's last letter ه after ت is another ending: شحاته is no شحاة.)
pub fn feminine_noun_with_pronoun(word: &str) -> bool {
    crate::text::clitics::ENCLITICS.iter().any(|pronoun| {
        word.strip_suffix(pronoun).and_then(|stem| stem.strip_suffix('ت')).is_some_and(|base| base.chars().count() >= 2 && !base.contains(' ') && accepts_whole(&format!("{base}ة")))
    })
}

/// Whether the dictionary knows `word` (L0) only as a proper name, so it is no evidence of
/// an ordinary word: the name and its other spellings are names to check. A word with the
/// article filed under a place class (الدنمارك, الفليبين), or a word with or without it
/// filed under a class of whole names (كولمبيا, إليزابيث, الكونجرس). The place classes
/// count only with the article: without it they also hold the pieces of two-word capitals
/// (بيونغ, بوينس), which other names resemble (بوينغ).
pub fn proper_name_only(word: &str) -> bool {
    let stems = proper_stems();
    word.strip_prefix("ال").is_some_and(|rest| stems.place.contains(rest) || stems.whole.contains(rest)) || stems.whole.contains(word)
}

/// Whether `word` (L0) is an ordinary word once the hamza or final letter wire copy drops is
/// put back (`accepts_restored`), not a proper name the dictionary merely files
/// (`proper_name_only`): what the name readers take for a word that may not be a name.
pub fn ordinary_restored(word: &str) -> bool {
    accepts_restored(word) && !proper_name_only(word)
}

#[cfg(test)]
mod tests {
    use super::{accepts, accepts_restored, accepts_restored_whole, accepts_whole, feminine_noun_with_pronoun, proclitic_readings, proper_name_only};

    #[test]
    fn a_feminine_noun_with_its_pronoun_is_told_by_its_noun() {
        for w in ["جولته", "زوجته", "سعادتها", "رحلتنا", "حكومتهم"] {
            assert!(feminine_noun_with_pronoun(w), "{w}");
        }
        // a name ending in ته whose ت is no ة (شحاته), a noun without ت before its pronoun
        // (عبده, نبيه), and words without a pronoun
        for w in ["شحاته", "عبده", "نبيه", "جولة", "بوتين", "ته"] {
            assert!(!feminine_noun_with_pronoun(w), "{w}");
        }
    }

    #[test]
    fn a_remembered_verdict_is_the_dictionarys_in_each_reading() {
        // words the two readings disagree on (a proclitic reading only), asked in both orders
        let words = ["بوتين", "فينغر", "بسبب", "وقال", "وكالة", "بالمدينة", "اردوغان", "مكاتب"];
        let direct = |reading: super::Reading, w: &str| {
            let d = match reading {
                super::Reading::WithProclitics => super::dictionary(),
                super::Reading::Whole => super::dictionary_without_proclitics(),
            };
            d.unwrap().check(w)
        };
        for (i, w) in words.iter().enumerate() {
            let order = if i % 2 == 0 { [super::Reading::Whole, super::Reading::WithProclitics] } else { [super::Reading::WithProclitics, super::Reading::Whole] };
            for _ in 0..2 {
                for reading in order {
                    assert_eq!(super::check(reading, w), direct(reading, w), "{w}");
                }
            }
        }
        assert!(accepts("بوتين") && !accepts_whole("بوتين"), "the readings disagree on بوتين");
    }

    #[test]
    fn place_names_are_told_from_ordinary_words() {
        for w in ["الدنمارك", "الدنمرك", "الفليبين", "الكاميرون", "البنتاجون"] {
            assert!(proper_name_only(w), "{w} is a place name of the dictionary");
        }
        for w in ["مالي", "عمان", "مكاتب", "الأمنية", "السان", "القطر", "بيونغ", "ألمانيا"] {
            assert!(!proper_name_only(w), "{w} is (also) an ordinary word");
        }
        for w in ["كولمبيا", "إليزابيث", "الكونجرس", "فيرجينيا", "مانشستر"] {
            assert!(accepts(w) && proper_name_only(w), "{w} is a name the dictionary files whole");
        }
    }

    #[test]
    fn words_read_whole_are_told_from_proclitic_readings() {
        for w in ["وكالة", "كبيران", "بالمدينة", "لبنان", "يكتبون"] {
            assert!(accepts_whole(w) && proclitic_readings(w).is_none(), "{w} is a word read whole");
        }
        let rests = |w: &str| proclitic_readings(w).unwrap_or_else(|| panic!("{w}: a proclitic reading only"));
        assert_eq!(rests("بوتين"), vec!["وتين"]);
        assert_eq!(rests("فينغر"), vec!["ينغر"]);
        assert!(rests("بسبب").contains(&"سبب".to_string()));
        assert!(rests("وقال").contains(&"قال".to_string()));
        assert!(!accepts_whole("كوربين") && accepts("كوربين"));
        // a foreign name read whole stays unknown, its wire form too
        assert!(!accepts_restored_whole("بوتين") && !accepts_restored_whole("فينغر"));
        assert!(accepts_restored_whole("اعضاء") && accepts_restored_whole("الاسعار"));
    }

    #[test]
    fn the_projects_additions_are_ordinary_words_with_their_proclitics() {
        for w in ["ميليشيا", "لميليشيا", "لمليشيا", "الميليشيات", "وميليشيات"] {
            assert!(accepts(w), "{w}: a loanword the dictionary lacks, added by the project");
        }
    }

    #[test]
    fn wire_forms_of_ordinary_words_are_ordinary_words() {
        for w in ["اعضاء", "الاسعار", "واسعار", "مستوي", "حوالي", "دائما", "الامنيه", "ثانى", "فى"] {
            assert!(accepts_restored(w), "{w} is an ordinary word without its hamza or final letter");
        }
        for w in ["اردوغان", "انشيلوتي", "باشينيان", "", "اعضاء الامن", "975كم"] {
            assert!(!accepts_restored(w), "{w} is no wire form of an ordinary word");
        }
    }

    #[test]
    fn accepts_common_words_and_rejects_wire_forms_and_foreign_names() {
        for w in ["الأمنية", "اليمنية", "مكاتب", "مكتب", "سرية", "سورية", "ياسر", "لبناء", "لبنان", "اتهام", "الأسد", "إيران", "اتصالات"] {
            assert!(accepts(w), "{w} should be a dictionary word");
        }
        for w in ["أردوغان", "الاسد", "ايران", "إتهام", "إتصالات", "تشيلسي", "باشينيان", "كاراباخ", "ترمب", "", "إيران "] {
            assert!(!accepts(w), "{w} should not be a dictionary word");
        }
    }
}
