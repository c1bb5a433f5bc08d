//! A learned check for sentence boundaries that no punctuation marks.
//!
//! The rules in `sentences.rs` split after final punctuation, at blank lines and at a few
//! line-level patterns. What they cannot see is a sentence that simply stops, as in informal
//! text and mail (`Thanks, Sean Here you go`), or a title run into its first sentence. For those
//! gaps, a small averaged perceptron trained on UD English EWT train (by
//! `cargo run --release -p byline-eval --bin train-sentences`) scores the gap before a
//! capitalised word from the words around it. It is consulted only where a capitalised word
//! follows a word that ends without final punctuation, and only when that word is one that the
//! model has seen start sentences. The scanner marks a capitalised word for the sentence pass
//! only when a branch-free filter says it may be such a word ([`Starters::may_contain`]), so
//! ordinary running text (names, titles) costs a table lookup while scanning and nothing after.

use crate::{Token, TokenKind};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const MODEL: &str = include_str!("../data/boundaries.tsv");

/// The feature templates, in the order [`features`] emits them.
pub(crate) const TEMPLATES: [&str; 10] =
    ["bias", "a", "b", "ab", "as", "nl", "a2", "b2", "b2c", "len"];

/// Hashes already are hashes: use them as they are.
#[derive(Default)]
struct Id(u64);

impl Hasher for Id {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<Id>>;

struct Model {
    weights: IdMap<f32>,
    /// The `b` features with a positive weight: the words that may start a sentence.
    starters: Starters,
    threshold: f32,
}

/// The words the model has seen start sentences (the `b` features with a positive weight).
///
/// [`Starters::may_contain`] answers without branches from a small bitmap on the word's
/// first two bytes, last byte and length (a few false positives, no false negatives), for
/// the scanner's marking; [`Starters::contains`] is exact (a small open-addressing table of
/// the words' bytes).
pub(crate) struct Starters {
    /// Bit `len` of `filter[bucket(word)]` is set when a starter of length `len` falls in
    /// that bucket.
    filter: Box<[u16; FILTER]>,
    /// `(first 8 bytes, next 8 bytes, length)`, zero-padded; length 0 marks an empty slot.
    slots: Vec<(u64, u64, u8)>,
}

/// Starters are shorter than this (the model has none longer; longer words are never
/// starters).
const MAX_STARTER: usize = 16;
/// log2 of the number of slots of the exact table.
const SLOT_BITS: u32 = 10;
/// Buckets of the filter.
const FILTER: usize = 1 << 12;

impl Starters {
    fn new() -> Starters {
        Starters {
            filter: Box::new([0; FILTER]),
            slots: vec![(0, 0, 0); 1 << SLOT_BITS],
        }
    }

    /// The filter bucket of a non-empty word.
    #[inline(always)]
    fn bucket(word: &[u8]) -> usize {
        let c0 = u32::from(word.first().copied().unwrap_or(0));
        let c1 = u32::from(word.get(1).copied().unwrap_or(0));
        let cl = u32::from(word.last().copied().unwrap_or(0));
        let h = (c0 | c1 << 8 | cl << 16).wrapping_mul(0x9e37_79b1);
        (h >> (32 - 12)) as usize
    }

    #[inline(always)]
    fn key(word: &[u8]) -> (u64, u64, usize) {
        let mut buf = [0u8; MAX_STARTER];
        buf[..word.len()].copy_from_slice(word);
        let (lo, hi) = buf.split_at(8);
        let lo = u64::from_le_bytes(lo.try_into().unwrap_or([0; 8]));
        let hi = u64::from_le_bytes(hi.try_into().unwrap_or([0; 8]));
        let h = (lo ^ hi.rotate_left(29) ^ word.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (lo, hi, (h >> (64 - SLOT_BITS)) as usize)
    }

    fn insert(&mut self, word: &[u8]) {
        if word.is_empty() || word.len() >= MAX_STARTER || self.contains(word) {
            return;
        }
        self.filter[Starters::bucket(word)] |= 1 << word.len();
        let (lo, hi, mut i) = Starters::key(word);
        let mask = self.slots.len() - 1;
        // The model holds a few hundred starters: far fewer than the slots.
        while self.slots[i].2 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (lo, hi, word.len() as u8);
    }

    /// False when `word` is certainly not a starter; computed without branches.
    #[inline(always)]
    pub(crate) fn may_contain(&self, word: &[u8]) -> bool {
        let len = word.len();
        let bits = self.filter[Starters::bucket(word) & (FILTER - 1)];
        (len < MAX_STARTER) & ((u32::from(bits) >> (len & (MAX_STARTER - 1))) & 1 != 0)
    }

    /// Whether `word` is a starter.
    #[inline]
    pub(crate) fn contains(&self, word: &[u8]) -> bool {
        if word.is_empty() || !self.may_contain(word) {
            return false;
        }
        let (lo, hi, mut i) = Starters::key(word);
        let mask = self.slots.len() - 1;
        loop {
            let (l, h, n) = self.slots[i];
            if n == 0 {
                return false;
            }
            if l == lo && h == hi && usize::from(n) == word.len() {
                return true;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The words the learned check may split before (see [`splits_before`]).
pub(crate) fn starters() -> &'static Starters {
    &model().starters
}

/// FNV-1a over the template index and the value's bytes (ASCII-lowercased when `lower`).
struct Fnv(u64);

impl Fnv {
    fn new(template: usize) -> Fnv {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        h.byte(template as u8);
        h
    }
    #[inline]
    fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    fn bytes(mut self, s: &[u8], lower: bool) -> Fnv {
        for &b in s {
            self.byte(if lower { b.to_ascii_lowercase() } else { b });
        }
        self
    }
}

pub(crate) fn hash_value(template: usize, value: &str) -> u64 {
    Fnv::new(template).bytes(value.as_bytes(), false).0
}

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = Model {
            weights: IdMap::default(),
            starters: Starters::new(),
            threshold: 0.0,
        };
        for line in MODEL.lines() {
            let mut cols = line.split('\t');
            match (cols.next(), cols.next(), cols.next()) {
                (Some("#threshold"), Some(t), None) => m.threshold = t.parse().unwrap_or(0.0),
                (Some(tmpl), Some(value), Some(w)) if !tmpl.starts_with('#') => {
                    // `a#`: the value is stored as its feature hash (see `stored_feature`).
                    let (name, hashed) = match tmpl.strip_suffix('#') {
                        Some(name) => (name, true),
                        None => (tmpl, false),
                    };
                    let (Some(i), Ok(w)) = (TEMPLATES.iter().position(|&t| t == name), w.parse())
                    else {
                        continue;
                    };
                    let h = if hashed {
                        match u64::from_str_radix(value, 16) {
                            Ok(h) => h,
                            Err(_) => continue,
                        }
                    } else {
                        hash_value(i, value)
                    };
                    m.weights.insert(h, w);
                    if name == "b" && !hashed && w > 0.0 {
                        m.starters.insert(value.as_bytes());
                    }
                }
                _ => {}
            }
        }
        m
    })
}

/// Whether a feature value looks like personal data (an e-mail address, a URL or domain, a
/// phone number): the model file stores such values only as their hash.
#[cfg(any(test, feature = "training"))]
pub(crate) fn personal(value: &str) -> bool {
    let mut digits = 0;
    let mut long_number = false;
    for c in value.bytes() {
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        long_number |= digits >= 7;
    }
    let v = value.to_ascii_lowercase();
    long_number
        || v.contains('@')
        || v.contains("://")
        || v.contains("www.")
        || [".com", ".net", ".org", ".edu", ".gov", ".co.uk"]
            .iter()
            .any(|d| v.contains(d))
}

/// Whether the gap before token `k` is one the model decides: a capitalised word after a word
/// or number that has no final punctuation, on the same paragraph.
pub(crate) fn is_candidate(tokens: &[Token<'_>], k: usize) -> bool {
    if k == 0 || k >= tokens.len() {
        return false;
    }
    let (a, b) = (&tokens[k - 1], &tokens[k]);
    b.kind == TokenKind::Word
        && b.space_before
        && b.text.as_bytes()[0].is_ascii_uppercase()
        && !matches!(a.text.as_bytes()[a.text.len() - 1], b'.' | b'!' | b'?')
        && !matches!(a.kind, TokenKind::OpenQuote)
        // A dash before a capital is a dateline (`MOSCOW (Reuters) — The ...`) or an aside:
        // never a boundary here.
        && !matches!(a.text, "-" | "--" | "—" | "–" | "(" | "[" | "{")
}

/// The shape of a word: `Xxxx` → `Xx`, `2004` → `d`, `U.S.` → `X.X.` (at most 8 bytes).
pub(crate) fn shape(word: &str, out: &mut [u8; 8]) -> usize {
    let mut n = 0;
    let mut last = 0u8;
    for &c in word.as_bytes() {
        let s = match c {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            c if c >= 0x80 => b'u',
            c => c,
        };
        if s != last && n < out.len() {
            out[n] = s;
            n += 1;
        }
        last = s;
    }
    n
}

/// Calls `f(template, value hash)` for each feature of the gap before token `k`; `nl` is
/// whether the gap holds a line break.
pub(crate) fn features(tokens: &[Token<'_>], k: usize, nl: bool, mut f: impl FnMut(usize, u64)) {
    let (a, b) = (&tokens[k - 1], &tokens[k]);
    f(0, Fnv::new(0).0);
    f(1, Fnv::new(1).bytes(a.text.as_bytes(), true).0);
    f(2, Fnv::new(2).bytes(b.text.as_bytes(), false).0);
    let mut ab = Fnv::new(3).bytes(a.text.as_bytes(), true);
    ab.byte(b'|');
    f(3, ab.bytes(b.text.as_bytes(), false).0);
    let mut buf = [0u8; 8];
    let n = shape(a.text, &mut buf);
    f(4, Fnv::new(4).bytes(&buf[..n], false).0);
    f(5, Fnv::new(5).bytes(if nl { b"1" } else { b"0" }, false).0);
    let a2 = if k >= 2 { tokens[k - 2].text } else { "<none>" };
    f(6, Fnv::new(6).bytes(a2.as_bytes(), true).0);
    let b2 = tokens.get(k + 1).map_or("<none>", |t| t.text);
    f(7, Fnv::new(7).bytes(b2.as_bytes(), true).0);
    let c = match b2.chars().next() {
        Some(c) if c.is_uppercase() => "U",
        Some(c) if c.is_lowercase() => "l",
        _ => "o",
    };
    f(8, Fnv::new(8).bytes(c.as_bytes(), false).0);
}

/// True when the model puts a sentence boundary before token `k` (a candidate gap).
pub(crate) fn splits_before(tokens: &[Token<'_>], k: usize, nl: bool) -> bool {
    let m = model();
    if !m.starters.contains(tokens[k].text.as_bytes()) {
        return false;
    }
    let mut score = 0.0f32;
    features(tokens, k, nl, |_, h| {
        score += m.weights.get(&h).copied().unwrap_or(0.0)
    });
    score > m.threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The starters as the model file lists them.
    fn listed() -> Vec<&'static str> {
        MODEL
            .lines()
            .filter_map(|l| {
                let mut c = l.split('\t');
                match (
                    c.next(),
                    c.next(),
                    c.next().and_then(|w| w.parse::<f32>().ok()),
                ) {
                    (Some("b"), Some(v), Some(w)) if w > 0.0 && !v.is_empty() => Some(v),
                    _ => None,
                }
            })
            .collect()
    }

    #[test]
    fn the_model_file_stores_no_addresses_or_phone_numbers_as_text() {
        let lines: Vec<&str> = MODEL.lines().filter(|l| !l.starts_with('#')).collect();
        let mut hashed = 0;
        for line in &lines {
            let mut cols = line.split('\t');
            let (template, value) = (cols.next().unwrap_or(""), cols.next().unwrap_or(""));
            if template.ends_with('#') {
                hashed += 1;
                assert!(u64::from_str_radix(value, 16).is_ok(), "{line}");
            } else {
                assert!(!personal(value), "{line}");
            }
        }
        assert!(hashed > 0);
        // Every weight loads, the hashed ones included.
        assert_eq!(model().weights.len(), lines.len());
        assert!(personal("jane.doe@example.org") && personal("http://example.com/a"));
        assert!(personal("5551234567") && personal("example.net") && !personal("Reuters"));
    }

    #[test]
    fn starters_hold_exactly_the_positive_b_features() {
        let s = starters();
        let listed = listed();
        assert!(listed.len() > 100);
        for w in &listed {
            assert!(w.len() < MAX_STARTER, "{w}");
            assert!(
                s.may_contain(w.as_bytes()) && s.contains(w.as_bytes()),
                "{w}"
            );
        }
        // Words the model does not list: prefixes, extensions, case variants, long words.
        for w in &listed {
            for other in [
                w[..w.len() - 1].to_string(),
                format!("{w}x"),
                w.to_ascii_lowercase(),
                format!("{w}{w}{w}{w}{w}{w}"),
            ] {
                let expected = listed.contains(&&other[..]);
                assert_eq!(s.contains(other.as_bytes()), expected, "{other}");
                assert!(!expected || s.may_contain(other.as_bytes()), "{other}");
            }
        }
        assert!(!s.contains(b""));
        assert!(!s.contains("Zürich".as_bytes()));
    }
}
