//! The normaliser and the clitic splits on any text: L0 and L1 forms, folding with source
//! offsets that point into the text, skeletons and bag keys, proclitic splits.
#![no_main]

use isnad::text::{clitics, normalize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let folded = normalize::fold_l0(text, 7);
    assert_eq!(folded.text.chars().count(), folded.origins.len(), "one origin per folded char");
    for &o in &folded.origins {
        assert!(o >= 7 && o < 7 + text.len().max(1), "an origin outside the source");
    }
    let l0 = normalize::l0(text);
    let l1 = normalize::l1(text);
    assert_eq!(normalize::to_l1(&l0), l1, "L1 is L0 folded further");
    let _ = normalize::fold_final_letters(&l0);
    let skeleton = normalize::skeleton(text.split_whitespace());
    let _ = normalize::bag_key(&skeleton);
    let _ = normalize::hamza_count(text);
    for word in text.split_whitespace().take(64) {
        for split in clitics::splits(word, 2) {
            assert!(split.prefix_chars <= word.chars().count(), "a proclitic longer than its word");
        }
        clitics::for_each_proclitic_form(word, |_| {});
    }
});
