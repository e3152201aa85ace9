//! Every conversion between LSP positions and byte offsets, in one place.
//!
//! The core speaks byte offsets into UTF-8 text; the protocol speaks (line, character) where
//! `character` counts units of the negotiated encoding: UTF-8 bytes when the client offers
//! `utf-8` in `general.positionEncodings`, UTF-16 code units otherwise (the protocol default,
//! and all VS Code speaks). Arabic letters are 2 bytes but 1 UTF-16 unit; an emoji is 4 bytes
//! and 2 units, so both confusions show up with real text.
//!
//! Lines break only at `\n`, `\r\n` and `\r` (U+2028, U+0085 and friends are ordinary
//! characters here, as in the protocol; ropey is built without `unicode_lines` for this).
//!
//! Nothing here panics on client input: a line past the end clamps to the end of the document,
//! a character past the end of its line clamps to the end of that line (before its line
//! break), and a position inside a UTF-16 surrogate pair or inside a multi-byte character
//! snaps back to the start of that character.
//!
//! Open documents are ropes ([`rope_offset`], [`rope_position`]); documents that are not open
//! (related information, edits across the corpus) are plain text, converted through a
//! [`LineIndex`] built once per text.

use ropey::{Rope, RopeSlice};
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

use crate::corpus::document::floor_char_boundary;

/// The unit of `Position.character`, negotiated in `initialize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
}

impl Encoding {
    /// UTF-8 if the client offers it, else UTF-16 (which every client must support).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    /// The value returned in `ServerCapabilities.positionEncoding`.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Chars taken by the line break at the end of a rope line (0, 1 or 2).
fn line_break_chars(line: &RopeSlice) -> usize {
    let n = line.len_chars();
    if n == 0 {
        return 0;
    }
    match line.char(n - 1) {
        '\n' if n >= 2 && line.char(n - 2) == '\r' => 2,
        '\n' | '\r' => 1,
        _ => 0,
    }
}

/// Char index of `pos` in `rope` (clamped, snapped; see the module docs).
pub fn rope_char(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let slice = rope.line(line);
    let content = slice.len_chars() - line_break_chars(&slice);
    let col = pos.character as usize;
    let within = match enc {
        Encoding::Utf16 => {
            if col >= slice.char_to_utf16_cu(content) {
                content
            } else {
                slice.utf16_cu_to_char(col)
            }
        }
        Encoding::Utf8 => {
            if col >= slice.char_to_byte(content) {
                content
            } else {
                slice.byte_to_char(col)
            }
        }
    };
    start + within
}

/// Byte offset of `pos` in `rope` (clamped, snapped; see the module docs).
pub fn rope_offset(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    rope.char_to_byte(rope_char(rope, pos, enc))
}

/// Position of a byte offset in `rope`. Offsets past the end clamp to the end; an offset
/// inside a multi-byte character counts as the start of that character.
pub fn rope_position(rope: &Rope, byte: usize, enc: Encoding) -> Position {
    let ch = rope.byte_to_char(byte.min(rope.len_bytes()));
    let line = rope.char_to_line(ch);
    let start = rope.line_to_char(line);
    let character = match enc {
        Encoding::Utf16 => rope.char_to_utf16_cu(ch) - rope.char_to_utf16_cu(start),
        Encoding::Utf8 => rope.char_to_byte(ch) - rope.char_to_byte(start),
    };
    Position::new(to_u32(line), to_u32(character))
}

/// Range of a byte span in `rope`.
pub fn rope_range(rope: &Rope, span: std::ops::Range<usize>, enc: Encoding) -> Range {
    Range::new(rope_position(rope, span.start, enc), rope_position(rope, span.end, enc))
}

/// Byte span of a range in `rope`, ordered (a reversed range is read start-first).
pub fn rope_span(rope: &Rope, range: Range, enc: Encoding) -> std::ops::Range<usize> {
    let a = rope_offset(rope, range.start, enc);
    let b = rope_offset(rope, range.end, enc);
    a.min(b)..a.max(b)
}

/// UTF-16 code units of well-formed UTF-8 bytes, counted without decoding: one per
/// char's first byte, two for a four-byte char (a surrogate pair). References convert the
/// positions of thousands of mentions, many at the end of a long paragraph.
fn utf16_len(bytes: &[u8]) -> usize {
    bytes.iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum()
}

/// Line starts of a plain text, for converting many positions in a document that is not open.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of every line; `starts[0] == 0`.
    starts: Vec<usize>,
    /// The text's line breaks are read up to this offset (`up_to`): positions of offsets up
    /// to it are right; the rest of the index needs the whole text.
    covered: usize,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        Self::up_to(text, text.len())
    }

    /// The index of the lines before `until` only: enough for `position` and `range` of
    /// offsets up to it (references convert the positions of thousands of documents, most
    /// of them mentioned near the top).
    pub fn up_to(text: &'a str, until: usize) -> LineIndex<'a> {
        // (line breaks found with memchr: a byte-by-byte walk over each document was most of
        // converting references)
        let bytes = text.as_bytes();
        let covered = until.min(bytes.len());
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', &bytes[..covered]) {
            match bytes[i] {
                // (the \n of a \r\n was counted with its \r)
                b'\n' if i > 0 && bytes[i - 1] == b'\r' => {}
                _ if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') => starts.push(i + 2),
                _ => starts.push(i + 1),
            }
        }
        LineIndex { text, starts, covered }
    }

    /// Whether `position` of offsets up to `until` is right.
    pub fn covers(&self, until: usize) -> bool {
        until <= self.covered || self.covered == self.text.len()
    }

    fn whole(&self) -> bool {
        self.covered == self.text.len()
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn line_count(&self) -> usize {
        debug_assert!(self.whole());
        self.starts.len()
    }

    /// Byte range of a line's content (without its line break).
    fn line_content(&self, line: usize) -> (usize, usize) {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).copied().unwrap_or(self.text.len());
        let b = self.text.as_bytes();
        if end > start && b[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && b[end - 1] == b'\r' {
            end -= 1;
        }
        (start, end)
    }

    /// Byte offset of `pos` (clamped, snapped; see the module docs).
    pub fn offset(&self, pos: Position, enc: Encoding) -> usize {
        debug_assert!(self.whole());
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return self.text.len();
        }
        let (start, end) = self.line_content(line);
        let col = pos.character as usize;
        match enc {
            Encoding::Utf8 => floor_char_boundary(self.text, start.saturating_add(col).min(end)),
            Encoding::Utf16 => {
                let mut units = 0;
                for (i, c) in self.text[start..end].char_indices() {
                    let u = enc.units(c);
                    if units + u > col {
                        return start + i;
                    }
                    units += u;
                }
                end
            }
        }
    }

    /// Position of a byte offset (clamped to the end, snapped back to a char boundary).
    pub fn position(&self, byte: usize, enc: Encoding) -> Position {
        debug_assert!(self.covers(byte));
        let byte = floor_char_boundary(self.text, byte);
        let line = self.starts.partition_point(|&s| s <= byte) - 1;
        let start = self.starts[line];
        let character = match enc {
            Encoding::Utf8 => byte - start,
            Encoding::Utf16 => utf16_len(&self.text.as_bytes()[start..byte]),
        };
        Position::new(to_u32(line), to_u32(character))
    }

    pub fn range(&self, span: std::ops::Range<usize>, enc: Encoding) -> Range {
        Range::new(self.position(span.start, enc), self.position(span.end, enc))
    }

    pub fn span(&self, range: Range, enc: Encoding) -> std::ops::Range<usize> {
        let a = self.offset(range.start, enc);
        let b = self.offset(range.end, enc);
        a.min(b)..a.max(b)
    }

    /// The position just past the last character (the end of the document).
    pub fn end(&self, enc: Encoding) -> Position {
        self.position(self.text.len(), enc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Encoding::{Utf8, Utf16};

    fn p(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    /// Both converters agree on every char boundary, both ways.
    fn round_trips(text: &str) {
        let rope = Rope::from_str(text);
        let idx = LineIndex::new(text);
        assert_eq!(rope.len_lines(), idx.line_count(), "line count of {text:?}");
        for enc in [Utf8, Utf16] {
            for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let pos = rope_position(&rope, b, enc);
                assert_eq!(pos, idx.position(b, enc), "{enc:?} position of byte {b} in {text:?}");
                // offsets inside a line break are not positions
                let in_break = b > 0 && text.as_bytes()[b - 1] == b'\r' && text.as_bytes().get(b) == Some(&b'\n');
                if !in_break {
                    assert_eq!(rope_offset(&rope, pos, enc), b, "{enc:?} offset of {pos:?} in {text:?}");
                    assert_eq!(idx.offset(pos, enc), b, "{enc:?} offset of {pos:?} in {text:?}");
                }
            }
        }
    }

    #[test]
    fn negotiation_prefers_utf8_only_when_offered() {
        use PositionEncodingKind as K;
        assert_eq!(Encoding::negotiate(None), Utf16);
        assert_eq!(Encoding::negotiate(Some(&[])), Utf16);
        assert_eq!(Encoding::negotiate(Some(&[K::UTF16])), Utf16);
        assert_eq!(Encoding::negotiate(Some(&[K::UTF32, K::UTF16])), Utf16);
        assert_eq!(Encoding::negotiate(Some(&[K::UTF16, K::UTF8])), Utf8);
        assert_eq!(Utf8.kind(), K::UTF8);
        assert_eq!(Utf16.kind(), K::UTF16);
    }

    #[test]
    fn arabic_is_two_bytes_and_one_utf16_unit() {
        let text = "قال باشينيان";
        let rope = Rope::from_str(text);
        let start = text.find("باشينيان").unwrap();
        assert_eq!(start, 7);
        assert_eq!(rope_position(&rope, start, Utf16), p(0, 4));
        assert_eq!(rope_position(&rope, start, Utf8), p(0, 7));
        assert_eq!(rope_position(&rope, text.len(), Utf16), p(0, 12));
        assert_eq!(rope_position(&rope, text.len(), Utf8), p(0, 23));
        assert_eq!(rope_offset(&rope, p(0, 4), Utf16), start);
        assert_eq!(rope_offset(&rope, p(0, 7), Utf8), start);
        round_trips(text);
    }

    #[test]
    fn emoji_before_arabic_counts_four_bytes_and_two_units() {
        let text = "😀 باشنيان\n😀😀أرمينيا";
        let rope = Rope::from_str(text);
        let idx = LineIndex::new(text);
        let name = text.find("باشنيان").unwrap();
        assert_eq!(rope_position(&rope, name, Utf16), p(0, 3));
        assert_eq!(rope_position(&rope, name, Utf8), p(0, 5));
        let second = text.find("أرمينيا").unwrap();
        assert_eq!(rope_position(&rope, second, Utf16), p(1, 4));
        assert_eq!(rope_position(&rope, second, Utf8), p(1, 8));
        assert_eq!(idx.position(second, Utf16), p(1, 4));
        assert_eq!(utf16_len(text.as_bytes()), text.encode_utf16().count());
        assert_eq!(utf16_len("aé€😀ب".as_bytes()), 6);
        assert_eq!(rope_range(&rope, name..name + "باشنيان".len(), Utf16), Range::new(p(0, 3), p(0, 10)));
        assert_eq!(idx.range(name..name + "باشنيان".len(), Utf8), Range::new(p(0, 5), p(0, 19)));
        round_trips(text);
    }

    /// The index of a text's beginning gives the whole one's positions up to where it ends,
    /// whatever line breaks come before, at or after it.
    #[test]
    fn an_index_up_to_an_offset_agrees_with_the_whole_one_before_it() {
        for text in ["قال\r\nباشينيان\rفي\n\nيريفان\r\n", "a\r\n😀\rب\n", "\r\n\r\n", "بلا فواصل", ""] {
            let whole = LineIndex::new(text);
            for until in (0..=text.len() + 2).filter(|&u| u >= text.len() || text.is_char_boundary(u)) {
                let part = LineIndex::up_to(text, until);
                assert!(part.covers(until));
                for (b, _) in text.char_indices().chain([(text.len(), ' ')]).filter(|&(b, _)| b <= until) {
                    for enc in [Utf8, Utf16] {
                        assert_eq!(part.position(b, enc), whole.position(b, enc), "{text:?} up to {until}, byte {b}");
                    }
                }
            }
        }
    }

    #[test]
    fn inside_a_surrogate_pair_or_a_multibyte_char_snaps_back() {
        let text = "a😀ب";
        let rope = Rope::from_str(text);
        let idx = LineIndex::new(text);
        // UTF-16: a=0, 😀=1..3, ب=3; character 2 is between the two halves of the emoji
        assert_eq!(rope_offset(&rope, p(0, 2), Utf16), 1);
        assert_eq!(idx.offset(p(0, 2), Utf16), 1);
        assert_eq!(rope_offset(&rope, p(0, 3), Utf16), 5);
        // UTF-8: bytes 2..5 are inside the emoji, 6 inside ب
        for b in 2..5 {
            assert_eq!(rope_offset(&rope, p(0, b), Utf8), 1);
            assert_eq!(idx.offset(p(0, b), Utf8), 1);
        }
        assert_eq!(rope_offset(&rope, p(0, 6), Utf8), 5);
        assert_eq!(idx.offset(p(0, 6), Utf8), 5);
        // a byte offset inside a char is reported at the char's start
        assert_eq!(rope_position(&rope, 3, Utf16), p(0, 1));
        assert_eq!(idx.position(3, Utf8), p(0, 1));
    }

    #[test]
    fn crlf_and_lone_cr_break_lines() {
        let text = "أ\r\nب\rج\nد";
        let rope = Rope::from_str(text);
        assert_eq!(rope.len_lines(), 4);
        let d = text.find('د').unwrap();
        assert_eq!(rope_position(&rope, d, Utf16), p(3, 0));
        let j = text.find('ج').unwrap();
        assert_eq!(rope_position(&rope, j, Utf8), p(2, 0));
        // past the end of line 0 clamps before its \r\n
        assert_eq!(rope_offset(&rope, p(0, 99), Utf16), 2);
        assert_eq!(LineIndex::new(text).offset(p(0, 99), Utf16), 2);
        assert_eq!(rope_offset(&rope, p(1, 99), Utf8), 6);
        round_trips(text);
        round_trips("\r\r\n\n\r");
        round_trips("x\r");
    }

    #[test]
    fn u2028_and_friends_are_not_line_breaks() {
        for sep in ["\u{2028}", "\u{2029}", "\u{85}", "\u{b}", "\u{c}"] {
            let text = format!("أ{sep}ب");
            let rope = Rope::from_str(&text);
            assert_eq!(rope.len_lines(), 1, "{sep:?}");
            let b = text.find('ب').unwrap();
            assert_eq!(rope_position(&rope, b, Utf16), p(0, 2));
            assert_eq!(LineIndex::new(&text).position(b, Utf16), p(0, 2));
            round_trips(&text);
        }
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let text = "سطر أول\nثاني";
        let rope = Rope::from_str(text);
        let idx = LineIndex::new(text);
        for enc in [Utf8, Utf16] {
            for pos in [p(1_000_000, 0), p(2, 5), p(u32::MAX, u32::MAX)] {
                assert_eq!(rope_offset(&rope, pos, enc), text.len());
                assert_eq!(idx.offset(pos, enc), text.len());
            }
            assert_eq!(rope_offset(&rope, p(0, u32::MAX), enc), text.find('\n').unwrap());
            assert_eq!(idx.offset(p(0, 1_000_000), enc), text.find('\n').unwrap());
            assert_eq!(rope_position(&rope, usize::MAX, enc), idx.end(enc));
            assert_eq!(idx.position(text.len() + 10, enc), idx.end(enc));
        }
        let empty = Rope::new();
        assert_eq!(rope_offset(&empty, p(3, 3), Utf16), 0);
        assert_eq!(rope_position(&empty, 7, Utf16), p(0, 0));
        assert_eq!(LineIndex::new("").offset(p(0, 9), Utf8), 0);
        // a reversed range is read start-first
        assert_eq!(rope_span(&rope, Range::new(p(1, 0), p(0, 0)), Utf16), 0..text.find('\n').unwrap() + 1);
    }

    #[test]
    fn huge_line_converts() {
        let text = format!("{}\r\n{}", "ـ".repeat(5000), "😀".repeat(300) + &"أ".repeat(100_000));
        let rope = Rope::from_str(&text);
        let end = rope_position(&rope, text.len(), Utf16);
        assert_eq!(end, p(1, 600 + 100_000));
        assert_eq!(LineIndex::new(&text).position(text.len(), Utf8), p(1, 1200 + 200_000));
        assert_eq!(rope_offset(&rope, end, Utf16), text.len());
    }
}
