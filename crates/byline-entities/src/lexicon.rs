//! Word lexicon learned from unlabeled news text: distributional clusters and capitalisation
//! ratios, keyed by the hash of the lowercased word (no word strings are stored), and the
//! compiled name lists.

use crate::names::NameTable;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher as StdHasher};

/// Pass-through hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl StdHasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ b as u64 ^ (self.0 >> 56);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by pre-hashed `u64`.
pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Lexicon entry of one lowercased word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct LexEntry {
    /// Fine distributional cluster.
    pub fine: u16,
    /// Coarse distributional cluster.
    pub coarse: u16,
    /// Capitalisation bucket: how often the word is capitalised mid-sentence.
    pub capb: u8,
    /// Person-context bucket: how often the capitalised word follows a title ("President",
    /// "Mr.") or precedes a speech verb ("said").
    pub person: u8,
}

/// The lexicon.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    pub map: IdMap<LexEntry>,
    /// Name lists (gazetteers).
    pub names: NameTable,
    /// Form hashes ([`crate::features::form_hash`]) of the most frequent word forms of the
    /// unlabeled text, most frequent first: the words whose scores recognition keeps across
    /// documents ([`crate::hot`]). Empty in models of format version 2.
    pub hot: Vec<u64>,
}

impl Lexicon {
    #[inline]
    pub(crate) fn get(&self, h: u64) -> Option<&LexEntry> {
        self.map.get(&h)
    }
}
