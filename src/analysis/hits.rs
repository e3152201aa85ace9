//! Where the literal search of `Analyzer::references` found each recently searched needle,
//! document by document.
//!
//! A name in thousands of documents costs a read of all their text (tens of megabytes)
//! each time its references are asked for. The positions found are a pure function of the
//! needle and the document's text, so they are kept, per needle and document, until that
//! document changes; the words at those positions are still resolved on every query, so
//! the result follows the current statistics. Memory is bounded: the least recently used
//! needles are dropped first.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::index::DocId;

/// Positions of one needle's matches, per document (absolute byte offsets, sorted).
pub(crate) type DocHits = FxHashMap<DocId, Box<[u32]>>;

/// Bytes of positions and map entries kept at most (all needles together).
const MAX_BYTES: usize = 24 << 20;
/// Bytes a document's entry costs beside its positions (map slot, allocation).
const ENTRY_BYTES: usize = 40;

#[derive(Default)]
pub(crate) struct HitCache {
    needles: FxHashMap<Box<str>, Entry>,
    bytes: usize,
    clock: u64,
}

struct Entry {
    docs: Arc<DocHits>,
    bytes: usize,
    last_used: u64,
}

fn entry_bytes(positions: &[u32]) -> usize {
    ENTRY_BYTES + 4 * positions.len()
}

impl HitCache {
    /// The positions kept for a needle (marks it used).
    pub(crate) fn get(&mut self, needle: &str) -> Option<Arc<DocHits>> {
        self.clock += 1;
        let e = self.needles.get_mut(needle)?;
        e.last_used = self.clock;
        Some(e.docs.clone())
    }

    /// Keep newly found positions of a needle; drops the least recently used needles
    /// beyond the memory bound (a needle bigger than the bound alone is not kept).
    pub(crate) fn add(&mut self, needle: &str, found: Vec<(DocId, Box<[u32]>)>) {
        if found.is_empty() {
            return;
        }
        self.clock += 1;
        let clock = self.clock;
        let e = self.needles.entry(needle.into()).or_insert_with(|| Entry { docs: Arc::default(), bytes: 0, last_used: clock });
        e.last_used = clock;
        let docs = Arc::make_mut(&mut e.docs);
        for (doc, positions) in found {
            let added = entry_bytes(&positions);
            if let Some(old) = docs.insert(doc, positions) {
                e.bytes -= entry_bytes(&old);
                self.bytes -= entry_bytes(&old);
            }
            e.bytes += added;
            self.bytes += added;
        }
        while self.bytes > MAX_BYTES {
            let Some(victim) = self.needles.iter().min_by_key(|(_, e)| e.last_used).map(|(k, _)| k.clone()) else { break };
            if let Some(e) = self.needles.remove(&victim) {
                self.bytes -= e.bytes;
            }
        }
    }

    /// A document changed or went away: its positions are stale.
    pub(crate) fn forget_doc(&mut self, doc: DocId) {
        // (a map a request still holds is copied only where it has the document)
        for e in self.needles.values_mut().filter(|e| e.docs.contains_key(&doc)) {
            if let Some(old) = Arc::make_mut(&mut e.docs).remove(&doc) {
                e.bytes -= entry_bytes(&old);
                self.bytes -= entry_bytes(&old);
            }
        }
    }

    /// Heap bytes held (an estimate), for the benchmark.
    pub(crate) fn bytes(&self) -> usize {
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions(v: &[u32]) -> Box<[u32]> {
        v.into()
    }

    #[test]
    fn positions_are_kept_per_needle_and_document_until_it_changes() {
        let mut c = HitCache::default();
        c.add("باشينيان", vec![(1, positions(&[10, 50])), (2, positions(&[])), (3, positions(&[7]))]);
        let hits = c.get("باشينيان").unwrap();
        assert_eq!(hits.get(&1).map(|p| &p[..]), Some(&[10, 50][..]));
        assert_eq!(hits.get(&2).map(|p| p.len()), Some(0), "a document without matches is remembered too");
        assert!(c.get("لافروف").is_none());
        c.forget_doc(1);
        let hits = c.get("باشينيان").unwrap();
        assert!(hits.get(&1).is_none() && hits.get(&3).is_some());
        assert_eq!(c.bytes(), entry_bytes(&[]) + entry_bytes(&[7]));
    }

    #[test]
    fn the_least_recently_used_needles_go_first() {
        let mut c = HitCache::default();
        let big = |n: u32| -> Vec<(DocId, Box<[u32]>)> { (0..n).map(|d| (d, positions(&[0; 1000]))).collect() };
        let per_needle = MAX_BYTES / entry_bytes(&[0; 1000]) / 3;
        c.add("أ", big(per_needle as u32));
        c.add("ب", big(per_needle as u32));
        c.get("أ");
        c.add("ج", big(per_needle as u32));
        c.add("د", big(per_needle as u32));
        assert!(c.get("ب").is_none(), "ب was used least recently");
        assert!(c.get("أ").is_some() && c.get("ج").is_some() && c.get("د").is_some());
        assert!(c.bytes() <= MAX_BYTES);
    }

    #[test]
    fn a_needle_bigger_than_the_bound_is_not_kept() {
        let mut c = HitCache::default();
        let n = MAX_BYTES / entry_bytes(&[0; 100]) + 1;
        c.add("دولار", (0..n as u32).map(|d| (d, positions(&[0; 100]))).collect());
        assert!(c.get("دولار").is_none());
        assert_eq!(c.bytes(), 0);
    }
}
