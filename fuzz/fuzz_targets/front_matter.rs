//! The front-matter parser on any text: the body starts inside the text, on a char boundary.
#![no_main]

use isnad::corpus::document::parse_front_matter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (_meta, body) = parse_front_matter(text);
    assert!(body <= text.len() && text.is_char_boundary(body), "the body starts off the text");
});
