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
