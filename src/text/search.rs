//! Literal search for several words at once in Arabic text, with every occurrence reported
//! (overlapping ones included).
//!
//! `memchr`'s substring search first looks for the needle's rarest bytes with SIMD; its
//! built-in byte-frequency table is made for ASCII text and ranks the bytes of Arabic
//! letters as rare, while in Arabic UTF-8 the lead bytes 0xD8/0xD9 are every other byte.
//! [`ArabicBytes`] ranks bytes as they occur in Arabic news text, so the search keys on a
//! rare letter of the needle (the ش of بلاشكاينو) and runs at several GB/s.

use memchr::arch::all::packedpair::HeuristicFrequencyRank;
use memchr::memmem::{Finder, FinderBuilder};

/// Byte frequencies of Arabic text in UTF-8 (higher = more frequent).
#[derive(Clone, Copy)]
struct ArabicBytes;

/// Approximate letter frequencies in Arabic news text (per mille), by the second byte of
/// the letter's UTF-8 encoding (U+0621..U+063A after 0xD8, U+0641..U+064A after 0xD9).
const SECOND_BYTE_PER_MILLE: [(u8, u32); 36] = [
    (0xA1, 3), (0xA2, 1), (0xA3, 20), (0xA4, 1), (0xA5, 8), (0xA6, 3), (0xA7, 125), (0xA8, 40),
    (0xA9, 30), (0xAA, 40), (0xAB, 5), (0xAC, 13), (0xAD, 20), (0xAE, 7), (0xAF, 30), (0xB0, 6),
    (0xB1, 45), (0xB2, 5), (0xB3, 23), (0xB4, 9), (0xB5, 8), (0xB6, 4), (0xB7, 8), (0xB8, 1),
    (0xB9, 30), (0xBA, 4), (0x81, 25), (0x82, 23), (0x83, 20), (0x84, 105), (0x85, 60), (0x86, 55),
    (0x87, 25), (0x88, 60), (0x89, 8), (0x8A, 80),
];

impl HeuristicFrequencyRank for ArabicBytes {
    fn rank(&self, byte: u8) -> u8 {
        match byte {
            0xD8 | 0xD9 | b' ' => 255,
            b'\n' | b'.' | b',' => 180,
            b'a'..=b'z' | b'0'..=b'9' => 120,
            b'A'..=b'Z' => 90,
            0x80..=0xBF => SECOND_BYTE_PER_MILLE
                .iter()
                .find(|(b, _)| *b == byte)
                .map_or(20, |(_, f)| (60 + f * 3 / 2).min(250) as u8),
            _ => 10,
        }
    }
}

/// Several needles, searched one after the other.
pub struct Needles {
    finders: Vec<Finder<'static>>,
}

impl Needles {
    /// `None` when no needle is non-empty.
    pub fn new<'a>(needles: impl IntoIterator<Item = &'a str>) -> Option<Needles> {
        let mut list: Vec<&str> = needles.into_iter().filter(|n| !n.is_empty()).collect();
        list.sort_unstable();
        list.dedup();
        let builder = FinderBuilder::new();
        let finders: Vec<Finder<'static>> =
            list.into_iter().map(|n| builder.build_forward_with_ranker(ArabicBytes, n.as_bytes()).into_owned()).collect();
        (!finders.is_empty()).then_some(Needles { finders })
    }

    /// Every occurrence of every needle in `hay` as byte ranges, sorted by start (then end).
    /// Occurrences may overlap. Needles are whole UTF-8 strings, so every range lies on
    /// char boundaries of `hay`.
    pub fn find_all(&self, hay: &str, out: &mut Vec<(usize, usize)>) {
        self.find_some(hay, 0..self.finders.len(), out);
    }

    /// Like [`Needles::find_all`] for the needles at the given indices (in the order
    /// `new` sorted them, see [`Needles::index_of`]) only: each needle costs one pass over
    /// the text, and a caller that knows which needles a text can hold skips the rest.
    pub fn find_some(&self, hay: &str, needles: impl IntoIterator<Item = usize>, out: &mut Vec<(usize, usize)>) {
        let start = out.len();
        let bytes = hay.as_bytes();
        let mut passes = 0;
        for f in needles.into_iter().filter_map(|i| self.finders.get(i)) {
            passes += 1;
            let len = f.needle().len();
            let mut at = 0;
            while let Some(i) = f.find(&bytes[at..]) {
                out.push((at + i, at + i + len));
                at += i + 1;
            }
        }
        if passes > 1 {
            out[start..].sort_unstable();
        }
    }

    /// How many distinct needles there are.
    pub fn len(&self) -> usize {
        self.finders.len()
    }

    pub fn is_empty(&self) -> bool {
        self.finders.is_empty()
    }

    /// The needle at an index.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.finders.get(i).and_then(|f| std::str::from_utf8(f.needle()).ok())
    }

    /// The index of a needle, for [`Needles::find_some`].
    pub fn index_of(&self, needle: &str) -> Option<usize> {
        self.finders.binary_search_by(|f| f.needle().cmp(needle.as_bytes())).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all<'h>(needles: &[&str], hay: &'h str) -> Vec<&'h str> {
        let mut out = Vec::new();
        Needles::new(needles.iter().copied()).unwrap().find_all(hay, &mut out);
        out.into_iter().map(|(a, b)| &hay[a..b]).collect()
    }

    #[test]
    fn finds_every_occurrence_in_text_order() {
        let hay = "قال بوتين إن روسيا وبوتين، ولروسيا";
        assert_eq!(all(&["روسيا", "بوتين"], hay), ["بوتين", "روسيا", "بوتين", "روسيا"]);
    }

    #[test]
    fn overlapping_occurrences_are_reported() {
        let mut out = Vec::new();
        Needles::new(["بابا"]).unwrap().find_all("بابابا", &mut out);
        assert_eq!(out, [(0, 8), (4, 12)]);
    }

    #[test]
    fn a_subset_of_needles_finds_only_those() {
        let n = Needles::new(["روسيا", "بوتين"]).unwrap();
        let mut out = Vec::new();
        n.find_some("بوتين وروسيا", n.index_of("روسيا"), &mut out);
        assert_eq!(out, [(13, 23)]);
        assert_eq!(n.index_of("لافروف"), None);
    }

    #[test]
    fn empty_needles_are_ignored() {
        assert!(Needles::new([""]).is_none());
        assert_eq!(all(&["", "غيومري"], "في غيومري"), ["غيومري"]);
    }
}
