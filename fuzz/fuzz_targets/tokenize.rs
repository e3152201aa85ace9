//! The tokenizer on any text: tokens in order, inside the text, on char boundaries, and any
//! sub-range tokenized without a panic.
#![no_main]

use isnad::text::tokenize::{token_span_at, tokenize, tokenize_range};
use libfuzzer_sys::fuzz_target;

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let tokens = tokenize(text);
    let mut last = 0;
    for t in &tokens {
        assert!(t.start <= t.end && t.end <= text.len(), "token out of the text");
        assert!(t.start >= last, "tokens out of order");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end), "token off a char boundary");
        last = t.end;
    }
    let (a, b) = (floor(text, data.len() / 3), floor(text, 2 * data.len() / 3));
    for t in tokenize_range(text, a, b) {
        assert!(t.start >= a && t.end <= b, "a range's token outside the range");
    }
    let _ = token_span_at(text, 0, a);
});
