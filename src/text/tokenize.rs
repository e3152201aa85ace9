//! Word tokenization with exact byte spans.
//!
//! A word is a maximal run of letters, digits and combining marks; tatweel and invisible
//! format characters (ZWNJ, ZWJ, bidi marks) inside a run stay in the word, at its edges
//! they do not. No-break spaces, Arabic punctuation (، ؛ ؟) and quote marks separate words.
//! What lies between two words is summarised as a [`Gap`], which the name finder reads
//! (a comma ends a name, a line break ends a sentence).

use super::normalize::{is_arabic_mark, is_format_char, TATWEEL};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Arabic,
    Latin,
    Number,
    Other,
}

/// What separates a token from the previous one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// Only spaces (or nothing, at the start of the text).
    Space,
    /// A comma, quote mark, bracket or dash: a phrase boundary.
    Punct,
    /// A line break or sentence punctuation (. ! ? ؟ : ; ؛).
    Break,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub script: Script,
    pub gap_before: Gap,
}

impl Token {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
}

fn is_word_core(c: char) -> bool {
    // fast paths for ASCII and the Arabic block (Unicode tables are slow for Arabic letters)
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return matches!(c, '\u{0610}'..='\u{061A}' | '\u{0620}'..='\u{0669}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}'..='\u{06DC}'
            | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06FC}' | '\u{06FF}');
    }
    c.is_alphanumeric() || is_arabic_mark(c) || c == TATWEEL || ('\u{0300}'..='\u{036F}').contains(&c)
        || matches!(c, '\u{0653}'..='\u{0655}')
}

fn script_of(word: &str) -> Script {
    let mut arabic = false;
    let mut latin = false;
    let mut digit = false;
    for c in word.chars() {
        if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{08FF}').contains(&c)
            || ('\u{FB50}'..='\u{FDFF}').contains(&c) || ('\u{FE70}'..='\u{FEFE}').contains(&c)
        {
            if c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) || ('\u{06F0}'..='\u{06F9}').contains(&c) {
                digit = true;
            } else {
                arabic = true;
            }
        } else if c.is_ascii_digit() {
            digit = true;
        } else if c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c)) {
            latin = true;
        }
    }
    if arabic {
        Script::Arabic
    } else if latin {
        Script::Latin
    } else if digit {
        Script::Number
    } else {
        Script::Other
    }
}

fn classify_gap(gap: &str) -> Gap {
    let mut g = Gap::Space;
    for c in gap.chars() {
        let k = match c {
            '\n' | '\r' | '.' | '!' | '?' | '؟' | ':' | ';' | '؛' | '…' | '\u{2028}' | '\u{2029}' => Gap::Break,
            c if c.is_whitespace() || is_format_char(c) => Gap::Space,
            _ => Gap::Punct,
        };
        g = g.max(k);
    }
    g
}

/// The words of `text[from..to]` (byte offsets, on char boundaries) as byte spans of
/// `text`, in order: the tokens of [`tokenize_range`] without their script and gap, for what
/// reads only the words.
pub fn word_spans(text: &str, from: usize, to: usize) -> WordSpans<'_> {
    WordSpans { from, iter: text[from..to].char_indices().peekable() }
}

/// The iterator of [`word_spans`].
pub struct WordSpans<'t> {
    from: usize,
    iter: std::iter::Peekable<std::str::CharIndices<'t>>,
}

impl Iterator for WordSpans<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let (start, c) = self.iter.by_ref().find(|&(_, c)| is_word_core(c))?;
        let mut end = start + c.len_utf8();
        // extend over word chars, and over format chars that sit between word chars
        // (a format char consumed at the word's edge is simply left outside the span)
        while let Some(&(j, d)) = self.iter.peek() {
            if is_word_core(d) {
                self.iter.next();
                end = j + d.len_utf8();
            } else if is_format_char(d) {
                self.iter.next();
            } else {
                break;
            }
        }
        Some((self.from + start, self.from + end))
    }
}

/// Tokenize `text[from..to]` (byte offsets, on char boundaries).
pub fn tokenize_range(text: &str, from: usize, to: usize) -> Vec<Token> {
    let mut tokens = Vec::with_capacity((to - from) / 8);
    let mut prev_end = from;
    for (start, end) in word_spans(text, from, to) {
        tokens.push(Token { start, end, script: script_of(&text[start..end]), gap_before: classify_gap(&text[prev_end..start]) });
        prev_end = end;
    }
    tokens
}

/// The span of the token that `tokenize_range(text, floor, ..)` finds around byte `pos`,
/// reading only that token's bytes; `None` when no token holds `pos`. A token is a maximal
/// run of word chars and format chars with the format chars at its edges left out, so the
/// run around `pos` is found and trimmed. `floor <= pos`, both on char boundaries.
pub fn token_span_at(text: &str, floor: usize, pos: usize) -> Option<(usize, usize)> {
    let in_run = |c: char| is_word_core(c) || is_format_char(c);
    let before = text[floor..pos].chars().rev().take_while(|&c| in_run(c)).map(char::len_utf8).sum::<usize>();
    let after = text[pos..].chars().take_while(|&c| in_run(c)).map(char::len_utf8).sum::<usize>();
    let run_start = pos - before;
    let run = &text[run_start..pos + after];
    let first = run.char_indices().find(|&(_, c)| is_word_core(c))?.0;
    let end = run.char_indices().rev().find(|&(_, c)| is_word_core(c)).map(|(i, c)| i + c.len_utf8())?;
    let (start, end) = (run_start + first, run_start + end);
    (start <= pos && pos < end).then_some((start, end))
}

pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_range(text, 0, text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn splits_on_spaces_and_arabic_punctuation() {
        assert_eq!(words("قال باشينيان، إن «روسيا» مستعدة؟"), vec!["قال", "باشينيان", "إن", "روسيا", "مستعدة"]);
        assert_eq!(words("يريفان\u{00A0}-\u{202F}طلب"), vec!["يريفان", "طلب"]);
    }

    #[test]
    fn keeps_marks_tatweel_and_inner_joiners_in_the_word() {
        assert_eq!(words("بَيْراموف أرمـــينيا باش\u{200C}ينيان"), vec!["بَيْراموف", "أرمـــينيا", "باش\u{200C}ينيان"]);
        // a joiner or bidi mark at the edge is not part of the word
        assert_eq!(words("\u{200F}يريفان\u{200F} x"), vec!["يريفان", "x"]);
    }

    #[test]
    fn spans_are_exact_bytes_after_emoji() {
        let s = "😀 باشنيان";
        let t = tokenize(s);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].start, 5);
        assert_eq!(&s[t[0].start..t[0].end], "باشنيان");
    }

    #[test]
    fn gaps_and_scripts() {
        let s = "الرئيس الأرميني، نيكول باشنيان.\nوقال Reuters 2020";
        let t = tokenize(s);
        assert_eq!(t[1].gap_before, Gap::Space);
        assert_eq!(t[2].gap_before, Gap::Punct);
        assert_eq!(t[4].gap_before, Gap::Break);
        assert_eq!(t[5].script, Script::Latin);
        assert_eq!(t[6].script, Script::Number);
        assert_eq!(t[0].script, Script::Arabic);
    }

    #[test]
    fn the_token_at_a_position_is_the_one_tokenize_finds() {
        let s = "\u{200F}يريفان\u{200F} باش\u{200C}ينيان، «بَيْراموف» أرمـــينيا\u{200D} x2020 😀e\u{301}\u{200C}\u{200C}ب ،وقال";
        for floor in [0, "\u{200F}يريف".len()] {
            let tokens = tokenize_range(s, floor, s.len());
            for (pos, _) in s.char_indices().filter(|&(i, _)| i >= floor) {
                let expected = tokens.iter().find(|t| t.start <= pos && pos < t.end).map(|t| (t.start, t.end));
                assert_eq!(token_span_at(s, floor, pos), expected, "at byte {pos} from {floor}");
            }
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        let s = "\u{feff}ـــــ\r\n\r😀😀\u{202b}\u{200f}أأأ e\u{301} \u{FDFA}";
        let t = tokenize(s);
        for tok in &t {
            assert!(s.is_char_boundary(tok.start) && s.is_char_boundary(tok.end));
        }
    }
}
