//! Arabic proclitics: the ways a written word can be split into prefix + name.
//!
//! Proclitics come in a fixed order: [و|ف] then [ب|ك|ل]. The article ال belongs to the name
//! here (الأذري is a name-adjective as written), except that ل + ال is written لل: the name
//! then starts at the second lam and stands for ال + rest with its alef elided
//! (للأرمينية = ل + الأرمينية). This module only enumerates; whether a split is *right* is
//! the corpus's call (a split is accepted only when the remainder is attested as a name),
//! see `analysis::names`.

/// One way to read a word as proclitic + name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Number of (L0) chars of the proclitic.
    pub prefix_chars: usize,
    /// The name as it would be written standalone (L0). For the لل form this is ال + rest.
    pub name: String,
    /// The لل form: the source span of the name starts at the second lam and lacks the alef.
    pub lil: bool,
}

const CONJ: [&str; 3] = ["", "و", "ف"];
const PREP: [&str; 4] = ["", "ب", "ك", "ل"];

/// The pronouns a noun or verb takes at its end (إداراته, بظلالها, بإمكانكم): a word that
/// carries one is an ordinary word's form, not a name (names take none).
pub const ENCLITICS: [&str; 9] = ["ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا"];

/// Visit every form of an L0 word after a non-empty proclitic (وكلمة, فبكلمة, للكلمة for
/// الكلمة): the inverse of [`for_each_split`].
pub fn for_each_proclitic_form(word: &str, mut f: impl FnMut(&str)) {
    let mut form = String::with_capacity(word.len() + 8);
    for conj in CONJ {
        for prep in PREP {
            if conj.is_empty() && prep.is_empty() {
                continue;
            }
            form.clear();
            form.push_str(conj);
            form.push_str(prep);
            match word.strip_prefix("ا").filter(|_| prep == "ل" && word.starts_with("ال")) {
                // ل + ال is written لل: the alef is elided
                Some(rest) => form.push_str(rest),
                None => form.push_str(word),
            }
            f(&form);
        }
    }
}

/// `word` without its first `chars` chars (a proclitic of that many letters); empty when it has
/// fewer.
pub fn without_prefix(word: &str, chars: usize) -> &str {
    word.char_indices().nth(chars).map_or("", |(at, _)| &word[at..])
}

/// Visit every split of an L0 word without allocating: `f(prefix_chars, remainder, lil)`,
/// where for the لل form the remainder lacks the elided alef (the name is ا + remainder).
/// Same order and conditions as [`splits`].
pub fn for_each_split(word: &str, min_chars: usize, mut f: impl FnMut(usize, &str, bool)) {
    // (every word of a corpus comes here, most of them several times: the letters are
    // matched one by one, not as prefixes of every combination of CONJ and PREP)
    let long_enough = |rest: &str| min_chars == 0 || rest.chars().nth(min_chars - 1).is_some();
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return };
    let after_first = chars.as_str();
    // (a preposition then the rest: ل + ل... is the لل form)
    fn prep_split(rest: &str) -> Option<(&str, bool)> {
        let mut r = rest.chars();
        let p = r.next().filter(|&p| matches!(p, 'ب' | 'ك' | 'ل'))?;
        let after = r.as_str();
        Some((after, p == 'ل' && after.starts_with('ل')))
    }
    if matches!(first, 'و' | 'ف') {
        // the longer proclitic first: conjunction and preposition, then the conjunction
        if let Some((rest, lil)) = prep_split(after_first).filter(|(rest, _)| long_enough(rest)) {
            f(2, rest, lil);
        }
        if long_enough(after_first) {
            f(1, after_first, false);
        }
    } else if let Some((rest, lil)) = prep_split(word).filter(|(rest, _)| long_enough(rest)) {
        f(1, rest, lil);
    }
}

/// Every split of an L0 word with a non-empty proclitic whose remainder keeps at least
/// `min_chars` chars, longest proclitic first. The whole word (no split) is not included.
pub fn splits(word: &str, min_chars: usize) -> Vec<Split> {
    let mut out = Vec::new();
    for_each_split(word, min_chars, |prefix_chars, rest, lil| {
        let name = if lil { format!("ا{rest}") } else { rest.to_string() };
        out.push(Split { prefix_chars, name, lil });
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(w: &str) -> Vec<String> {
        splits(w, 3).into_iter().map(|s| s.name).collect()
    }

    /// The splits as the definition gives them: every conjunction and preposition of CONJ
    /// and PREP tried as a prefix, longest first.
    fn splits_by_every_combination(word: &str, min_chars: usize) -> Vec<(usize, String, bool)> {
        let total = word.chars().count();
        let mut found = Vec::new();
        for conj in CONJ {
            for prep in PREP {
                let prefix_len = conj.chars().count() + prep.chars().count();
                let Some(rest) = word.strip_prefix(conj).and_then(|w| w.strip_prefix(prep)) else { continue };
                if prefix_len > 0 && total - prefix_len >= min_chars {
                    found.push((prefix_len, rest.to_string(), prep == "ل" && rest.starts_with('ل')));
                }
            }
        }
        found.sort_by(|a, b| b.0.cmp(&a.0));
        found
    }

    #[test]
    fn splits_are_every_combination_of_the_proclitics() {
        let letters = ["و", "ف", "ب", "ك", "ل", "ا", "م", "ال", ""];
        let mut words = Vec::new();
        for a in letters {
            for b in letters {
                for c in letters {
                    for d in ["", "ل", "اذربيجان", "بوتين", "ا"] {
                        words.push(format!("{a}{b}{c}{d}"));
                    }
                }
            }
        }
        for w in &words {
            for min_chars in 0..5 {
                let mut got = Vec::new();
                for_each_split(w, min_chars, |p, rest, lil| got.push((p, rest.to_string(), lil)));
                assert_eq!(got, splits_by_every_combination(w, min_chars), "{w} ({min_chars})");
            }
        }
    }

    #[test]
    fn enumerates_in_order() {
        assert_eq!(names("لاذربيجان"), vec!["اذربيجان"]);
        assert_eq!(names("وارمينا"), vec!["ارمينا"]);
        assert_eq!(names("وبموسكو"), vec!["موسكو", "بموسكو"]);
        assert!(splits("باكو", 4).is_empty()); // ب + اكو: too short for a 4-letter minimum
    }

    #[test]
    fn proclitic_forms_are_the_inverse_of_splits() {
        let mut forms = Vec::new();
        for_each_proclitic_form("الكلمة", |f| forms.push(f.to_string()));
        assert_eq!(forms.len(), 11);
        for f in &forms {
            assert!(names(f).contains(&"الكلمة".to_string()), "{f} splits back into الكلمة");
        }
        assert!(forms.contains(&"للكلمة".to_string()) && forms.contains(&"وبالكلمة".to_string()));
    }

    #[test]
    fn lil_form_restores_the_article() {
        let s = splits("للأرمينية", 3);
        assert_eq!(s[0], Split { prefix_chars: 1, name: "الأرمينية".into(), lil: true });
        let s = splits("وللاتحاد", 3);
        assert_eq!(s[0].name, "الاتحاد");
        assert_eq!(s[0].prefix_chars, 2);
    }
}
