//! Helpers the analysis tests share: the bundled test texts, and random edits of a corpus.

/// The seeds and the tagged news of `tests/corpus`, in path order.
pub(crate) fn seed_and_news_texts() -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    for dir in ["tests/corpus/seeds", "tests/corpus/ner/news"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        files.sort();
        texts.extend(files.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    }
    texts
}

/// A reproducible stream of random edits: each removes a word of a text or inserts one of
/// `pool` (xorshift, so a failing step can be replayed).
pub(crate) struct RandomEdits<'p> {
    seed: u64,
    pool: &'p [&'p str],
}

impl<'p> RandomEdits<'p> {
    pub(crate) fn new(seed: u64, pool: &'p [&'p str]) -> RandomEdits<'p> {
        RandomEdits { seed, pool }
    }

    /// A number below `n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.seed ^= self.seed << 13;
        self.seed ^= self.seed >> 7;
        self.seed ^= self.seed << 17;
        (self.seed % n as u64) as usize
    }

    /// Edit one of `texts` (a word removed, one in three times when it has more than three,
    /// else a word of the pool inserted); the index of the text edited.
    pub(crate) fn edit(&mut self, texts: &mut [String]) -> usize {
        let d = self.below(texts.len());
        let mut words: Vec<&str> = texts[d].split(' ').collect();
        if words.len() > 3 && self.below(3) == 0 {
            words.remove(self.below(words.len()));
        } else {
            let at = self.below(words.len() + 1);
            words.insert(at, self.pool[self.below(self.pool.len())]);
        }
        texts[d] = words.join(" ");
        d
    }
}
