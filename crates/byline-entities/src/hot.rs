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
use crate::lexicon::{IdMap, Lexicon};
use std::sync::OnceLock;

/// The cached scores of one word form.
#[derive(Debug)]
pub(crate) struct Entry {
    /// The word the entry was computed for.
    word: Box<str>,
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
    /// The entry of `word`, or `None` if a neighbour score does not fit in 16 bits (such a
    /// word is computed per document as usual).
    fn new(word: &str, joint: &Joint, lex: &Lexicon) -> Option<Entry> {
        let tok = Tok::new(word, lex);
        let nb = [
            Dense::narrow(&joint.sum(&features::prev1(Some(&tok))))?,
            Dense::narrow(&joint.sum(&features::next1(Some(&tok))))?,
            Dense::narrow(&joint.sum(&features::prev2(Some(&tok))))?,
            Dense::narrow(&joint.sum(&features::next2(Some(&tok))))?,
        ];
        let ctx = SentCtx::default();
        let mut keys = Vec::with_capacity(48);
        features::local_self(&tok, ctx, &mut keys);
        let own = joint.sum(&keys);
        keys.clear();
        features::local_pos(&tok, 4, 8, ctx, &mut keys);
        let own_inside = own.plus(&joint.sum(&keys));
        Some(Entry {
            word: word.into(),
            tok,
            nb,
            own,
            own_inside,
        })
    }
}

/// Entries of the listed word forms, filled on first use.
#[derive(Debug, Default)]
pub(crate) struct WordCache {
    /// Form hash ([`features::form_hash`]) → index into `entries`.
    index: IdMap<u32>,
    /// `None` once filled: the word's scores do not fit an [`Entry`].
    entries: Vec<OnceLock<Option<Box<Entry>>>>,
}

impl Clone for WordCache {
    /// A clone starts empty: entries are filled again on use.
    fn clone(&self) -> WordCache {
        WordCache {
            index: self.index.clone(),
            entries: self.entries.iter().map(|_| OnceLock::new()).collect(),
        }
    }
}

impl WordCache {
    /// A cache for the forms whose hashes are `hot`.
    pub(crate) fn new(hot: &[u64]) -> WordCache {
        let mut index = IdMap::default();
        index.reserve(hot.len());
        for &h in hot {
            let n = index.len() as u32;
            index.entry(h).or_insert(n);
        }
        let entries = (0..index.len()).map(|_| OnceLock::new()).collect();
        WordCache { index, entries }
    }

    /// The entry of `word` (computed now if this is its first use), or `None` if the word
    /// is not listed.
    #[inline]
    pub(crate) fn get(&self, word: &str, joint: &Joint, lex: &Lexicon) -> Option<&Entry> {
        if self.entries.is_empty() {
            return None;
        }
        self.get_hashed(word, features::form_hash(word), joint, lex)
    }

    fn get_hashed(&self, word: &str, h: u64, joint: &Joint, lex: &Lexicon) -> Option<&Entry> {
        let at = *self.index.get(&h)? as usize;
        let e = self
            .entries
            .get(at)?
            .get_or_init(|| Entry::new(word, joint, lex).map(Box::new))
            .as_deref()?;
        (*e.word == *word).then_some(e)
    }

    /// Number of entries filled so far.
    #[cfg(test)]
    pub(crate) fn filled(&self) -> usize {
        self.entries.iter().filter(|e| e.get().is_some()).count()
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
