//! Results remembered by spelling, shared by threads (the analyzers' caches).

use dashmap::DashMap;

/// Results remembered by spelling: a concurrent map (dashmap: sharded locks, held
/// only for the lookup or the insertion, never while a value is computed, so a computation
/// may read other entries; two threads may compute one value, both get the same).
pub(crate) struct Memo<V>(pub(crate) DashMap<Box<str>, V, rustc_hash::FxBuildHasher>);

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo(DashMap::default())
    }
}

impl<V: Clone> Memo<V> {
    pub(crate) fn get(&self, key: &str) -> Option<V> {
        self.0.get(key).map(|v| v.value().clone())
    }
}

impl<V> Memo<V> {
    /// What `f` reads of a kept value, without cloning the whole of it.
    pub(crate) fn read<R>(&self, key: &str, f: impl FnOnce(&V) -> R) -> Option<R> {
        self.0.get(key).map(|v| f(v.value()))
    }

    pub(crate) fn insert(&self, key: &str, value: V) {
        self.0.insert(key.into(), value);
    }
}

impl<V: Copy> Memo<V> {
    /// The kept value, else `compute`'s, kept.
    pub(crate) fn get_or(&self, key: &str, compute: impl FnOnce() -> V) -> V {
        if let Some(v) = self.0.get(key) {
            return *v;
        }
        let v = compute();
        self.insert(key, v);
        v
    }
}

/// Results remembered per document, each dropped when a dependency key it read changes:
/// the value is filed under the hashes of its keys (`Caches::invalidate` hands over the
/// hashes of a change's keys). A list may still name a document whose value is gone or was
/// computed anew: that only drops a value more, never one less. Bounded: when the lists
/// would file more than `LIMIT` entries, everything is dropped first.
pub(crate) struct ByDocument<V, const LIMIT: usize> {
    kept: std::sync::Mutex<ByDocumentInner<V>>,
}

struct ByDocumentInner<V> {
    values: rustc_hash::FxHashMap<super::index::DocId, V>,
    readers: rustc_hash::FxHashMap<u64, Vec<super::index::DocId>>,
    filed: usize,
}

impl<V, const LIMIT: usize> Default for ByDocument<V, LIMIT> {
    fn default() -> Self {
        ByDocument { kept: std::sync::Mutex::new(ByDocumentInner { values: Default::default(), readers: Default::default(), filed: 0 }) }
    }
}

impl<V: Clone, const LIMIT: usize> ByDocument<V, LIMIT> {
    fn lock(&self) -> std::sync::MutexGuard<'_, ByDocumentInner<V>> {
        // (a panic elsewhere while the lock was held leaves maps that are still whole)
        self.kept.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(crate) fn get(&self, doc: super::index::DocId) -> Option<V> {
        self.lock().values.get(&doc).cloned()
    }

    /// Keep a document's value, read from the keys whose hashes are `deps`.
    pub(crate) fn keep(&self, doc: super::index::DocId, value: V, deps: &[u64]) {
        let mut kept = self.lock();
        if kept.filed + deps.len() > LIMIT {
            kept.values.clear();
            kept.readers.clear();
            kept.filed = 0;
        }
        for &h in deps {
            kept.readers.entry(h).or_default().push(doc);
        }
        kept.filed += deps.len();
        kept.values.insert(doc, value);
    }

    /// Drop a document's value, and those that read a key of one of `hashes`.
    pub(crate) fn forget(&self, doc: super::index::DocId, hashes: impl IntoIterator<Item = u64>) {
        let mut kept = self.lock();
        if kept.values.is_empty() {
            return;
        }
        kept.values.remove(&doc);
        for h in hashes {
            if let Some(readers) = kept.readers.remove(&h) {
                kept.filed -= readers.len();
                for d in readers {
                    kept.values.remove(&d);
                }
            }
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.lock().values.len()
    }

    pub(crate) fn clear(&self) {
        let mut kept = self.lock();
        kept.values.clear();
        kept.readers.clear();
        kept.filed = 0;
    }
}
