//! Places named at one mention: a head noun with the name after it (مطار الدوحة, نهر بركة),
//! the name after a describing noun (بلدة كفركلا), and places whose names are also ordinary
//! words, read as places at one mention: المغرب is
//! Morocco and "sunset", قطر Qatar and "diameter", عمان Oman, Amman and "from whom". The
//! spelling check leaves such names alone (a false alarm on a common word costs too much);
//! a reader hovering في المغرب still wants to see a country.
//!
//! The mention says so: a locative preposition or a state's noun right before it (في المغرب,
//! سلطنة عمان), the preposition ب on it (بالمغرب), or a place the gazetteer knows beside it
//! (مصر والمغرب). A town of the gazetteer that is also an ordinary word (مشهد "scene") needs
//! a place noun before it (مدينة مشهد): في مشهد is as often "in a scene".

use std::ops::Range;

use super::lexicon::{GazEntry, GazKind, Lexicon};
use super::names::Word;
use crate::text::normalize::to_l1;
use crate::text::tokenize::Gap;

/// A place's name at one mention: one word, after a proclitic of `prefix_chars` letters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceName {
    pub words: Range<usize>,
    pub prefix_chars: usize,
}

/// A place of the gazetteer (not an organisation) that is also an ordinary word: the
/// gazetteer marks it ambiguous, or the dictionary knows the word.
fn place_and_word<'l>(lex: &'l Lexicon, l1: &str, l0: &str, ordinary: &dyn Fn(&str) -> bool) -> Option<&'l GazEntry> {
    lex.gazetteer(l1).filter(|g| g.kind != GazKind::Organization && (g.ambiguous || ordinary(l0)))
}

/// A name after a place's head noun or describing noun, from word `k`: a word the dictionary
/// rejects, a place of the gazetteer or a name of the corpus, then more such words or
/// definite words the dictionary rejects; a kunya (سجن أبو غريب) too. The end, if any.
fn name_after(words: &[Word], k: usize, lex: &Lexicon, ordinary: &dyn Fn(&str) -> bool, named: &dyn Fn(&Word) -> bool) -> Option<usize> {
    let joined = |k: usize| words.get(k).is_some_and(|w| w.token.gap_before == Gap::Space && !w.tanween);
    let closed = |w: &Word| lex.is_function_word(&w.l1) || lex.is_cue_word(&w.l1) || lex.is_person_role(&w.l1) || lex.is_saying_verb(&w.l1) || lex.country_adjective(&w.l1);
    let name = |w: &Word| {
        w.letters() >= 2 && !closed(w) && !w.l0().starts_with(['و', 'ف'])
            && (!ordinary(w.l0()) || lex.gazetteer(&w.l1).is_some_and(|g| g.kind != GazKind::Organization) || named(w))
    };
    if !joined(k) {
        return None;
    }
    let mut end = if name(&words[k]) {
        k + 1
    } else if words[k].l1 == "ابو" && joined(k + 1) && words[k + 1].letters() >= 2 && !closed(&words[k + 1]) {
        k + 2
    } else {
        return None;
    };
    while end - k < 3 && joined(end) && name(&words[end]) && !ordinary(words[end].l0()) {
        end += 1;
    }
    Some(end)
}

/// The places named in a document's words at their mention, in text order, none
/// overlapping: a head noun with the name after it (مطار الدوحة), the name after a describing
/// noun (مدينة مشهد: مشهد), and places whose names are ordinary words too where the words
/// around them say they are places.
pub fn place_names(words: &[Word], lex: &Lexicon, ordinary: &dyn Fn(&str) -> bool, named: &dyn Fn(&Word) -> bool) -> Vec<PlaceName> {
    let mut out: Vec<PlaceName> = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let w = &words[k];
        let bare = ['و', 'ف', 'ب', 'ل'].iter().find_map(|p| w.l1.strip_prefix(*p).map(|r| (1, r)));
        let readings = std::iter::once((0, w.l1.as_str())).chain(bare);
        let mut found = None;
        for (prefix_chars, l1) in readings {
            if w.tanween {
                break;
            }
            if lex.is_place_head(l1) {
                if let Some(end) = name_after(words, k + 1, lex, ordinary, named) {
                    found = Some(PlaceName { words: k..end, prefix_chars });
                    break;
                }
            } else if lex.is_place_word(l1) {
                if let Some(end) = name_after(words, k + 1, lex, ordinary, named) {
                    found = Some(PlaceName { words: k + 1..end, prefix_chars: 0 });
                    break;
                }
            }
        }
        match found {
            Some(p) => {
                k = p.words.end;
                out.push(p);
            }
            None => k += 1,
        }
    }
    // places that are ordinary words too, outside those
    for p in word_places(words, lex, ordinary) {
        if out.iter().all(|q| q.words.end <= p.words.start || p.words.end <= q.words.start) {
            out.push(p);
        }
    }
    out.sort_by_key(|p| p.words.start);
    out
}

/// The places whose names are ordinary words too, where the words around them say they
/// are places, in text order.
fn word_places(words: &[Word], lex: &Lexicon, ordinary: &dyn Fn(&str) -> bool) -> Vec<PlaceName> {
    let unambiguous_place = |w: &Word| {
        let l1 = w.l1.strip_prefix('و').filter(|r| lex.gazetteer(r).is_some()).unwrap_or(&w.l1);
        lex.gazetteer(l1).is_some_and(|g| g.kind != GazKind::Organization && !g.ambiguous && !g.minor)
    };
    let mut out = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if w.tanween || w.letters() < 3 {
            continue;
        }
        let prev = words.get(k.wrapping_sub(1)).filter(|_| w.token.gap_before == Gap::Space && k > 0);
        let next = words.get(k + 1).filter(|n| n.token.gap_before == Gap::Space);
        // readings: as written, or after its proclitics (بالمغرب, والمغرب, للمغرب), as the
        // project's clitic module splits a word: (proclitic letters, L1 name, L0 name)
        let mut readings: Vec<(usize, &str, String, String)> = vec![(0, "", w.l1.clone(), w.l0().to_string())];
        crate::text::clitics::for_each_split(w.l0(), 3, |prefix_chars, rest, lil| {
            let name = if lil { format!("ا{rest}") } else { rest.to_string() };
            let proclitic = &w.l0()[..w.l0().len() - rest.len()];
            readings.push((prefix_chars, proclitic, to_l1(&name), name));
        });
        let found = readings.into_iter().find(|(_, proclitic, l1, l0)| {
            let Some(g) = place_and_word(lex, l1, l0, ordinary) else { return false };
            let town = g.minor || g.kind == GazKind::City && !g.ambiguous;
            // the cue as written or after its own proclitic (لدولة قطر, وفي المغرب)
            let cue = |is: &dyn Fn(&str) -> bool| {
                prev.is_some_and(|p| is(&p.l1) || ['و', 'ف', 'ل', 'ب'].iter().any(|c| p.l1.strip_prefix(*c).is_some_and(|r| is(r))))
            };
            let noun_before = cue(&|l1| lex.is_place_word(l1));
            if town {
                return noun_before;
            }
            let cue_before = cue(&|l1| lex.is_place_cue(l1));
            let beside_place = proclitic.starts_with('و') && prev.is_some_and(unambiguous_place) || next.is_some_and(|n| n.l1.starts_with('و') && unambiguous_place(n));
            noun_before || cue_before || proclitic.ends_with('ب') || beside_place
        });
        if let Some((prefix_chars, ..)) = found {
            out.push(PlaceName { words: k..k + 1, prefix_chars });
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

    fn places(text: &str) -> Vec<String> {
        let lex = Lexicon::with_config(&Config::default());
        let words = scan_words(text, 0);
        place_names(&words, &lex, &accepts_restored, &|_| false)
            .into_iter()
            .map(|p| text[crate::analysis::names::words_span(&words, p.words, p.prefix_chars)].to_string())
            .collect()
    }

    #[test]
    fn a_place_that_is_also_a_word_is_a_place_where_the_words_around_say_so() {
        assert_eq!(places("الاستثمارات في المغرب كبيرة"), ["المغرب"]);
        assert_eq!(places("وصل الوفد الى قطر امس"), ["قطر"]);
        assert_eq!(places("يعيش بالمغرب منذ سنوات"), ["المغرب"]);
        assert_eq!(places("زار مصر والمغرب"), ["المغرب"]);
        assert_eq!(places("النمو الاقتصادي لدولة قطر"), ["قطر"]);
    }

    #[test]
    fn a_head_noun_with_a_name_is_a_place() {
        assert_eq!(places("هبطت الطائرة في مطار الدوحة امس"), ["مطار الدوحة"]);
        assert_eq!(places("افرج عنه من سجن ابو غريب"), ["سجن ابو غريب"]);
        assert_eq!(places("في بلدة كفركلا الحدودية"), ["كفركلا"]);
        assert!(places("ارتفعت اسعار سوق الاسهم").is_empty());
    }

    #[test]
    fn a_word_that_is_also_a_place_is_a_word_elsewhere() {
        assert!(places("صلاة المغرب في المسجد").is_empty());
        assert!(places("قطر الدائرة").is_empty());
    }
}
