//! The word cache: the per-word scores of the model's frequent words, kept across documents.
//!
//! Within a document, [`fast`](crate::fast) computes the scores that depend only on a word
//! once per distinct word. Across documents the same words come back ("the", "said",
//! "President"), and computing their scores again costs most of recognition: about 35 weight
//! lookups per word, mostly cache misses. The model lists the hashes of its most frequent
//! word forms in unlabeled news ([`Lexicon::hot`], learned by `train-ner`; 16,384 for the
//! shipped model). The first time one of them is met, its [`Tok`], neighbour vectors and own
//! scores are computed as usual and kept here; later documents copy them.
//!
//! Exactness: an entry holds exactly what the uncached path computes, and the word it was
//! computed for; a word whose hash matches an entry of another word is computed as usual.
//! Memory: at most one entry per listed form, about 800 bytes each (13 MB if all 16,384
//! forms are met), shared by every recognizer of the same model and by all threads.

use crate::fast::{Acc, Dense, Joint};
use crate::features::{self, SentCtx, Tok};
use crate::lexicon::Lexicon;
use std::sync::OnceLock;

/// Longest word form cached, in bytes (the entry holds it inline, so that checking it
/// costs no extra cache miss).
const MAX_WORD: usize = 22;

/// The cached scores of one word form.
#[derive(Debug)]
pub(crate) struct Entry {
    /// The word the entry was computed for: its length and bytes.
    len: u8,
    word: [u8; MAX_WORD],
    /// Its precomputed hashes and flags.
    pub tok: Tok,
    /// The scores it gives as a neighbour: to the token after it, before it, two after, two
    /// before (as [`fast`](crate::fast)'s per-document `nb`), in 16 bits.
    pub nb: [Dense; 4],
    /// Its own scores in a mixed-case sentence that is neither the first nor a table row:
    /// [`features::local_self`] alone (variant 0 of `fast`), and with the position features
    /// of a token inside a sentence of 8 words or more (variant 16).
    pub own: Acc,
    /// See [`Entry::own`].
    pub own_inside: Acc,
}

impl Entry {
    /// The entry of `word`, or `None` if it is longer than [`MAX_WORD`] bytes or a neighbour
    /// score does not fit in 16 bits (such a word is computed per document as usual).
    fn new(word: &str, joint: &Joint, lex: &Lexicon) -> Option<Entry> {
        let mut bytes = [0u8; MAX_WORD];
        bytes
            .get_mut(..word.len())?
            .copy_from_slice(word.as_bytes());
        let tok = Tok::new(word, lex);
        let [a, b, c, d] = joint.neighbours(&tok);
        let nb = [
            Dense::narrow(&a)?,
            Dense::narrow(&b)?,
            Dense::narrow(&c)?,
            Dense::narrow(&d)?,
        ];
        let ctx = SentCtx::default();
        let mut keys = Vec::with_capacity(48);
        let own = joint.own(&tok, ctx, false, &mut keys);
        let own_inside = joint.own(&tok, ctx, true, &mut keys);
        Some(Entry {
            len: word.len() as u8,
            word: bytes,
            tok,
            nb,
            own,
            own_inside,
        })
    }
}

/// A slot of a [`WordCache`]: a listed form hash (0: empty slot) and its entry, `None` once
/// filled if the word's scores do not fit an [`Entry`].
#[derive(Debug, Default)]
struct Slot {
    hash: u64,
    entry: OnceLock<Option<Box<Entry>>>,
}

/// Entries of the listed word forms, filled on first use: an open-addressing table of the
/// form hashes ([`features::form_hash`]) at most half full, so that finding a word costs
/// one probe (one cache miss) and reading its entry one more.
#[derive(Debug, Default)]
pub(crate) struct WordCache {
    slots: Vec<Slot>,
}

impl Clone for WordCache {
    /// A clone starts empty: entries are filled again on use.
    fn clone(&self) -> WordCache {
        let slots = self.slots.iter().map(|s| Slot {
            hash: s.hash,
            entry: OnceLock::new(),
        });
        WordCache {
            slots: slots.collect(),
        }
    }
}

impl WordCache {
    /// A cache for the forms whose hashes are `hot` (hash 0 is never listed).
    pub(crate) fn new(hot: &[u64]) -> WordCache {
        if hot.is_empty() {
            return WordCache::default();
        }
        let cap = (hot.len() * 2).next_power_of_two();
        let mut slots: Vec<Slot> = (0..cap).map(|_| Slot::default()).collect();
        for &h in hot.iter().filter(|&&h| h != 0) {
            let mut at = h as usize & (cap - 1);
            while slots[at].hash != 0 && slots[at].hash != h {
                at = (at + 1) & (cap - 1);
            }
            slots[at].hash = h;
        }
        WordCache { slots }
    }

    /// The entry of `word` (computed now if this is its first use), or `None` if the word
    /// is not listed.
    #[inline]
    pub(crate) fn get(&self, word: &str, joint: &Joint, lex: &Lexicon) -> Option<&Entry> {
        if self.slots.is_empty() {
            return None;
        }
        self.get_hashed(word, features::form_hash(word), joint, lex)
    }

    fn get_hashed(&self, word: &str, h: u64, joint: &Joint, lex: &Lexicon) -> Option<&Entry> {
        if h == 0 {
            return None;
        }
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = h as usize & mask;
        loop {
            let s = self.slots.get(at)?;
            if s.hash == h {
                let e = s
                    .entry
                    .get_or_init(|| Entry::new(word, joint, lex).map(Box::new))
                    .as_deref()?;
                let same = e.word.get(..e.len as usize) == Some(word.as_bytes());
                return same.then_some(e);
            }
            if s.hash == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    /// Number of entries filled so far.
    #[cfg(test)]
    pub(crate) fn filled(&self) -> usize {
        self.slots
            .iter()
            .filter(|s| s.entry.get().is_some())
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_hold_what_the_uncached_path_computes() {
        let engine = crate::EMBEDDED.clone();
        let (j, lex) = (&engine.joint, &engine.model.lex);
        let cache = WordCache::new(&[features::form_hash("said"), features::form_hash("Mr.")]);
        let e = cache
            .get("said", j, lex)
            .map(|e| (e.nb.map(|d| d.wide()), e.own, e.own_inside));
        let tok = Tok::new("said", lex);
        let mut keys = Vec::new();
        features::local_self(&tok, SentCtx::default(), &mut keys);
        let own = j.sum(&keys);
        features::local_pos(&tok, 4, 8, SentCtx::default(), &mut keys);
        let want = (
            [
                j.sum(&features::prev1(Some(&tok))),
                j.sum(&features::next1(Some(&tok))),
                j.sum(&features::prev2(Some(&tok))),
                j.sum(&features::next2(Some(&tok))),
            ],
            own,
            j.sum(&keys),
        );
        assert_eq!(e, Some(want));
        assert_ne!(want.1, Acc::ZERO);
        assert_eq!(cache.filled(), 1);
        assert!(
            std::mem::size_of::<Entry>() <= 760,
            "{}",
            std::mem::size_of::<Entry>()
        );
        // Unlisted words are not cached.
        assert!(cache.get("unlisted", j, lex).is_none());
        assert_eq!(cache.filled(), 1);
    }

    #[test]
    fn a_hash_shared_with_another_word_is_not_used_for_it() {
        let engine = crate::EMBEDDED.clone();
        let (j, lex) = (&engine.joint, &engine.model.lex);
        let h = features::form_hash("Putin");
        let cache = WordCache::new(&[h]);
        assert!(cache.get_hashed("Putin", h, j, lex).is_some());
        // Another word reaching the same entry (as a hash collision would) gets nothing.
        assert!(cache.get_hashed("Merkel", h, j, lex).is_none());
        assert!(cache.get_hashed("Putin", h, j, lex).is_some());
        // A listed word longer than an entry holds is computed per document.
        let long = "Counterintelligence-related";
        let cache = WordCache::new(&[features::form_hash(long)]);
        assert!(cache.get(long, j, lex).is_none());
        assert_eq!(cache.filled(), 1);
    }

    #[test]
    fn the_shipped_model_lists_frequent_words() {
        let engine = crate::EMBEDDED.clone();
        let hot = &engine.model.lex.hot;
        assert_eq!(hot.len(), 16_384);
        for w in ["the", "said", "The", ",", ".", "President", "police"] {
            assert!(hot.contains(&features::form_hash(w)), "{w}");
        }
        assert!(!hot.contains(&features::form_hash("Xqzvbrwk")));
    }
}
