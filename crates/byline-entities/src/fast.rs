//! The inference path: both passes scored from one merged weight table ([`Joint`]), with the
//! scores of word-level and neighbour features computed once per distinct word of the
//! document and reused by both passes; pass 2 only adds the document features.
//!
//! The result is bit-identical to `tagger::tag`, the reference decoder used by
//! training (integer sums of the same quantised weights, in any order, are exact; float maxima
//! too); the unit tests check it, feature by feature and end to end.

use crate::doc::{own_cap_mid, DocInput};
use crate::features::{self, SentCtx, Tok, WordStats, NT};
use crate::hot::{Entry, WordCache};
use crate::lexicon::{IdMap, Lexicon};
use crate::model::{viterbi, Model, Trans, Weights};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Lanes of an [`Acc`]: both passes' tags, padded to a multiple of 4.
const W: usize = 36;

/// Scores of both passes in quantisation steps: lanes `[0, NT)` pass 1, `[NT, 2 NT)` pass 2
/// (the padding lanes stay 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, align(16))]
pub(crate) struct Acc([i32; W]);

impl Acc {
    pub(crate) const ZERO: Acc = Acc([0; W]);

    /// `self += o`, lane-wise.
    #[inline(always)]
    fn add(&mut self, o: &Acc) {
        *self = self.plus(o);
    }

    /// `self + o`, lane-wise.
    #[inline(always)]
    fn plus(self, o: &Acc) -> Acc {
        let mut r = Acc::ZERO;
        for i in 0..W {
            r.0[i] = self.0[i] + o.0[i];
        }
        r
    }

    /// The sum of five vectors.
    #[inline(always)]
    fn sum5(a: &Acc, b: &Acc, c: &Acc, d: &Acc, e: &Acc) -> Acc {
        let mut r = Acc::ZERO;
        for i in 0..W {
            r.0[i] = a.0[i] + b.0[i] + c.0[i] + d.0[i] + e.0[i];
        }
        r
    }
}

/// Rows with at least this many entries are stored densely.
const DENSE_MIN: usize = 10;
/// Length code of a dense row (sparse rows have fewer than [`DENSE_MIN`] entries).
const DENSE: u32 = 15;
/// Length code of a row stored in its slot (see [`pair`]).
const PAIR: u32 = 14;
const _: () = assert!(DENSE_MIN <= PAIR as usize);

/// A row of two entries of opposite weights, `[(a, w), (b, -w)]`, packed in 28 bits: `w`
/// in bits 0-15, `a` in 16-21, `b` in 22-27 (tags below 64), or `None`.
///
/// One perceptron update adds `w` to the weight of the right tag and `-w` to the wrong
/// one, so most rare features have such a row (38% of the rows of the shipped model):
/// stored in the slot, finding the key also brings its weights (measured: about +2-3%).
fn pair(row: &[(u8, i16)]) -> Option<u32> {
    match *row {
        [(a, w), (b, v)] if w != i16::MIN && v == -w && a < 64 && b < 64 => {
            Some(w as u16 as u32 | (a as u32) << 16 | (b as u32) << 22)
        }
        _ => None,
    }
}

/// A dense row of both passes: lanes as in [`Acc`], in 16 bits (each lane holds one
/// quantised weight, an `i16`), so that a row spans two cache lines instead of three
/// (callgrind, 200 CNN/DM dev articles: 20% fewer L1 data misses in the lookups).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, align(8))]
pub(crate) struct Dense([i16; W]);

impl Dense {
    /// `a` in 16 bits, if every lane fits.
    pub(crate) fn narrow(a: &Acc) -> Option<Dense> {
        let mut d = Dense([0; W]);
        for (n, &x) in d.0.iter_mut().zip(&a.0) {
            *n = i16::try_from(x).ok()?;
        }
        Some(d)
    }

    /// The lanes widened to an [`Acc`].
    #[inline(always)]
    pub(crate) fn wide(&self) -> Acc {
        let mut a = Acc::ZERO;
        for i in 0..W {
            a.0[i] = self.0[i] as i32;
        }
        a
    }
}

/// Length code of a dense row with a lane outside `i16` (stored in `wide`; none in the
/// shipped model, which stores one `i16` weight per tag).
const WIDE: u32 = 13;
const _: () = assert!(DENSE_MIN <= WIDE as usize);

/// Pass-1 and pass-2 weights in one open-addressing table: one probe finds the feature's
/// weights for both passes (pass-1 entries first, tags `0..NT`; pass-2 entries tags
/// `NT..2 NT`).
#[derive(Clone, Debug)]
pub(crate) struct Joint {
    /// `key << 32 | length << 28 | first entry` (length [`DENSE`]: index into `dense`;
    /// length [`PAIR`]: the row is stored in the slot, see [`pair`]), 0 = empty slot.
    slots: Vec<u64>,
    mask: usize,
    /// Entries of sparse rows: bits 0-15 the weight (`i16`), bits 16-23 the tag.
    ents: Vec<u32>,
    /// Dense rows.
    dense: Vec<Dense>,
    /// Dense rows with a lane outside `i16`.
    wide: Vec<Acc>,
    /// Blocked Bloom filter of the keys (see [`Joint::may_have`]).
    filter: Vec<u64>,
    scale1: f32,
    scale2: f32,
    trans1: Trans,
    trans2: Trans,
    /// Neighbour-feature scores of the sentence boundaries: previous, next, two before, two
    /// after.
    bos1: Acc,
    eos1: Acc,
    bos2: Acc,
    eos2: Acc,
    /// Pass-2 scores of the document features with few values (see [`DocTables`]).
    doc: Box<DocTables>,
}

/// A pass-2 score vector (lanes `NT..20` stay 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, align(16))]
struct Row2([i32; 20]);

impl Row2 {
    const ZERO: Row2 = Row2([0; 20]);

    /// `self + o`, lane-wise.
    #[inline(always)]
    fn plus(self, o: &Row2) -> Row2 {
        let mut r = Row2::ZERO;
        for i in 0..20 {
            r.0[i] = self.0[i] + o.0[i];
        }
        r
    }

    /// The pass-2 lanes of `a`.
    #[inline(always)]
    fn of(a: &Acc) -> Row2 {
        let mut r = Row2::ZERO;
        r.0[..NT].copy_from_slice(&a.0[NT..2 * NT]);
        r
    }
}

/// Pass-2 scores of the document features whose keys take few values, indexed by those
/// values (tag 17 stands for "no neighbour").
#[derive(Clone, Debug)]
struct DocTables {
    /// Own pass-1 tag.
    own: [Row2; NT],
    /// Previous token's tag, own tag.
    prev_own: [[Row2; NT]; NT + 1],
    /// Own tag, next token's tag.
    own_next: [[Row2; NT + 1]; NT],
    /// A tag of another occurrence.
    other: [Row2; NT],
    /// Majority type of the other occurrences.
    best: [Row2; 5],
    /// Type, share bucket.
    share: [[Row2; 5]; 5],
    /// Tag of the first occurrence.
    first: [Row2; NT],
    /// Capitalised / lowercase elsewhere, case mode, own capitalisation.
    case: [[[[Row2; 2]; 4]; 2]; 2],
}

impl Default for DocTables {
    fn default() -> DocTables {
        let z = Row2::ZERO;
        DocTables {
            own: [z; NT],
            prev_own: [[z; NT]; NT + 1],
            own_next: [[z; NT + 1]; NT],
            other: [z; NT],
            best: [z; 5],
            share: [[z; 5]; 5],
            first: [z; NT],
            case: [[[[z; 2]; 4]; 2]; 2],
        }
    }
}

impl Default for Joint {
    fn default() -> Joint {
        Joint {
            slots: vec![0; 16],
            mask: 15,
            ents: Vec::new(),
            dense: Vec::new(),
            wide: Vec::new(),
            filter: vec![0; 1],
            scale1: 1.0,
            scale2: 1.0,
            trans1: Trans::new(&[]),
            trans2: Trans::new(&[]),
            bos1: Acc::ZERO,
            eos1: Acc::ZERO,
            bos2: Acc::ZERO,
            eos2: Acc::ZERO,
            doc: Box::default(),
        }
    }
}

impl Joint {
    /// Merges the two passes' weights.
    pub(crate) fn build(p1: &Weights, p2: &Weights) -> Joint {
        // Merge the rows of both passes by key into one list of entries (pass-1 entries
        // first, then pass-2 entries shifted to tags NT..2 NT): rows are `(key, start, len)`.
        let (r1, r2) = (p1.row_starts(), p2.row_starts());
        let mut flat: Vec<(u8, i16)> = Vec::with_capacity((r1.len() + r2.len()) * 3);
        let mut rows: Vec<(u32, usize, usize)> = Vec::with_capacity(r1.len().max(r2.len()));
        let (mut a, mut b) = (r1.iter().peekable(), r2.iter().peekable());
        loop {
            let (one, two) = match (a.peek(), b.peek()) {
                (None, None) => break,
                (Some(_), None) => (a.next(), None),
                (None, Some(_)) => (None, b.next()),
                (Some(x), Some(y)) if x.0 < y.0 => (a.next(), None),
                (Some(x), Some(y)) if y.0 < x.0 => (None, b.next()),
                _ => (a.next(), b.next()),
            };
            let start = flat.len();
            let key = one.or(two).map_or(0, |r| r.0);
            if let Some(&(_, s)) = one {
                flat.extend(p1.row(s));
            }
            if let Some(&(_, s)) = two {
                flat.extend(p2.row(s).map(|(t, w)| (t + NT as u8, w)));
            }
            rows.push((key, start, flat.len() - start));
        }
        // Long rows (frequent features) are inserted first, so they sit in their home slots
        // and are found at the first probe (about +1%).
        rows.sort_by_key(|r| std::cmp::Reverse(r.2));
        let cap = (rows.len() * 4 / 3).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![0u64; cap];
        let mut ents = Vec::new();
        let mut dense: Vec<Dense> = Vec::new();
        let mut wide: Vec<Acc> = Vec::new();
        let mut used = 0usize;
        for (key, start, len) in rows {
            let row = flat.get(start..start + len).unwrap_or_default();
            if row.is_empty()
                || key == 0
                || row.len() > W
                || ents.len() + row.len() >= 1 << 28
                || dense.len() >= 1 << 28
                || wide.len() >= 1 << 28
            {
                continue;
            }
            let mut s = slot(key, mask);
            while slots[s] != 0 {
                s = (s + 1) & mask;
            }
            let mut d = Acc::ZERO;
            for &(t, w) in row {
                if let Some(x) = d.0.get_mut(t as usize) {
                    *x += w as i32;
                }
            }
            let meta = if let Some(p) = pair(row) {
                (PAIR as u64) << 28 | p as u64
            } else if row.len() >= DENSE_MIN {
                if let Some(narrow) = Dense::narrow(&d) {
                    dense.push(narrow);
                    (DENSE as u64) << 28 | (dense.len() - 1) as u64
                } else {
                    wide.push(d);
                    (WIDE as u64) << 28 | (wide.len() - 1) as u64
                }
            } else {
                let m = (row.len() as u64) << 28 | ents.len() as u64;
                for &(tag, w) in row {
                    ents.push(((tag as u32) << 16) | (w as u16 as u32));
                }
                m
            };
            slots[s] = (key as u64) << 32 | meta;
            used += 1;
        }
        // Bloom filter of the keys, see `may_have`.
        let fbits = (used * FILTER_BITS_PER_KEY)
            .next_power_of_two()
            .max(64 * 16);
        let mut filter = vec![0u64; fbits / 64];
        for &v in &slots {
            if v != 0 {
                let (w, m) = filter_pos((v >> 32) as u32, filter.len());
                if let Some(x) = filter.get_mut(w) {
                    *x |= m;
                }
            }
        }
        let mut j = Joint {
            slots,
            mask,
            ents,
            dense,
            wide,
            filter,
            scale1: p1.scale(),
            scale2: p2.scale(),
            trans1: Trans::new(&p1.trans),
            trans2: Trans::new(&p2.trans),
            ..Joint::default()
        };
        j.doc = Box::new(j.doc_tables());
        j.bos1 = j.prev1(None);
        j.eos1 = j.next1(None);
        j.bos2 = j.prev2(None);
        j.eos2 = j.next2(None);
        j
    }

    /// Finds the row of feature `k`: `(length, start)`, length [`DENSE`] for a dense row.
    #[inline(always)]
    fn find(&self, k: u32) -> Option<(u32, usize)> {
        let mut s = slot(k, self.mask);
        loop {
            let v = match self.slots.get(s) {
                Some(&v) if v != 0 => v,
                _ => return None,
            };
            if (v >> 32) as u32 == k {
                return Some(((v >> 28) as u32 & 15, v as usize & ((1 << 28) - 1)));
            }
            s = (s + 1) & self.mask;
        }
    }

    /// Whether feature `k` may be in the table (no false negatives; about 1% false
    /// positives). On news text about a quarter of the keys looked up are absent (a third of
    /// the features that pair a token with its neighbours); the filter (256 KB for the
    /// shipped model) mostly stays in the L2 cache while the slot table (4 MB) does not, so
    /// this check replaces a cache miss for most absent keys. Measured: about +10%
    /// throughput; a larger or smaller filter, or skipping the check for the word-only
    /// features (which are found 89% of the time), was slower.
    #[inline(always)]
    fn may_have(&self, k: u32) -> bool {
        let (w, m) = filter_pos(k, self.filter.len());
        self.filter.get(w).is_some_and(|&x| x & m == m)
    }

    /// Adds the weights of the features `keys` (both passes) to `acc`.
    #[inline]
    fn add_all(&self, keys: &[u32], acc: &mut Acc) {
        // Dense rows are summed in a local (kept in registers), sparse entries in `acc`.
        let mut d = Acc::ZERO;
        for &k in keys {
            if !self.may_have(k) {
                continue;
            }
            match self.find(k) {
                Some((PAIR, p)) => {
                    let w = p as u16 as i16 as i32;
                    if let Some(a) = acc.0.get_mut((p >> 16) & 63) {
                        *a += w;
                    }
                    if let Some(a) = acc.0.get_mut((p >> 22) & 63) {
                        *a -= w;
                    }
                }
                Some((DENSE, at)) => {
                    if let Some(row) = self.dense.get(at) {
                        for i in 0..W {
                            d.0[i] += row.0[i] as i32;
                        }
                    }
                }
                Some((WIDE, at)) => {
                    if let Some(row) = self.wide.get(at) {
                        d = d.plus(row);
                    }
                }
                Some((len, at)) => {
                    if let Some(es) = self.ents.get(at..at + len as usize) {
                        for &e in es {
                            if let Some(a) = acc.0.get_mut((e >> 16) as usize) {
                                *a += e as u16 as i16 as i32;
                            }
                        }
                    }
                }
                None => {}
            }
        }
        acc.add(&d);
    }

    /// The weights of the features `keys` (both passes).
    pub(crate) fn sum(&self, keys: &[u32]) -> Acc {
        let mut acc = Acc::ZERO;
        self.add_all(keys, &mut acc);
        acc
    }

    /// The pass-2 scores of one feature.
    fn row2(&self, k: u32) -> Row2 {
        Row2::of(&self.sum(&[k]))
    }

    fn doc_tables(&self) -> DocTables {
        use features::{comb, fkey};
        let mut d = DocTables::default();
        let nb = |t: usize| if t == NT { 99 } else { t as u64 };
        for a in 0..NT {
            d.own[a] = self.row2(fkey(100, a as u64, 0));
            d.other[a] = self.row2(fkey(103, a as u64, 0));
            d.first[a] = self.row2(fkey(108, a as u64, 0));
            for b in 0..=NT {
                d.prev_own[b][a] = self.row2(fkey(101, nb(b), a as u64));
                d.own_next[a][b] = self.row2(fkey(102, a as u64, nb(b)));
            }
        }
        for k in 0..5 {
            d.best[k] = self.row2(fkey(104, k as u64, 0));
            for q in 0..5 {
                d.share[k][q] = self.row2(fkey(106, k as u64, q as u64));
            }
        }
        for (cm, x) in d.case.iter_mut().enumerate() {
            for (lo, y) in x.iter_mut().enumerate() {
                for (caps, z) in y.iter_mut().enumerate() {
                    for (cap, r) in z.iter_mut().enumerate() {
                        *r = self.row2(fkey(
                            109,
                            comb(cm as u64, lo as u64),
                            comb(caps as u64, cap as u64),
                        ));
                    }
                }
            }
        }
        d
    }

    /// Adds the pass-2 scores of the document features of a token to `out`: the same
    /// features as [`features::doc`], the ones with few values from [`DocTables`].
    #[allow(clippy::too_many_arguments)]
    fn doc_scores(
        &self,
        t: &Tok,
        p1: &[u8],
        i: usize,
        st: &WordStats,
        doc_idx: u32,
        own_cap_mid: bool,
        own_low: bool,
        ctx: features::SentCtx,
        out: &mut Row2,
    ) {
        let d = &*self.doc;
        let add = |out: &mut Row2, r: &Row2| *out = out.plus(r);
        let own = p1[i] as usize % NT;
        let n = p1.len();
        let prev = if i > 0 { p1[i - 1] as usize % NT } else { NT };
        let next = if i + 1 < n {
            p1[i + 1] as usize % NT
        } else {
            NT
        };
        add(out, &d.own[own]);
        add(out, &d.prev_own[prev][own]);
        add(out, &d.own_next[own][next]);
        if !t.alpha {
            return;
        }
        let others = st.others(own);
        for (tag, &c) in others.tags.iter().enumerate().skip(1) {
            if c > 0 {
                add(out, &d.other[tag]);
            }
        }
        let caps = ctx.case_mode();
        let mut keys = [0u32; 1];
        if others.total > 0 {
            add(out, &d.best[others.best]);
            keys[0] = features::fkey(105, others.best as u64, features::comb(t.sshape, caps));
            for k in 1..5 {
                if others.types[k] > 0 {
                    add(out, &d.share[k][others.share(k) as usize]);
                }
            }
        } else {
            keys[0] = features::fkey(107, caps, t.sshape);
        }
        if st.first_at != doc_idx {
            add(out, &d.first[st.first_tag as usize % NT]);
        }
        let cap_mid = st.cap_mid as u32 - own_cap_mid as u32;
        let low = st.low as u32 - own_low as u32;
        add(
            out,
            &d.case[(cap_mid > 0) as usize][(low > 0) as usize][caps as usize % 4][t.cap as usize],
        );
        let mut a = Acc::ZERO;
        self.add_all(&keys, &mut a);
        add(out, &Row2::of(&a));
    }

    /// Features of token `i` that depend on the token at `i - 1` only (`None`: sentence start).
    fn prev1(&self, t: Option<&Tok>) -> Acc {
        self.sum(&features::prev1(t))
    }
    fn next1(&self, t: Option<&Tok>) -> Acc {
        self.sum(&features::next1(t))
    }
    fn prev2(&self, t: Option<&Tok>) -> Acc {
        self.sum(&features::prev2(t))
    }
    fn next2(&self, t: Option<&Tok>) -> Acc {
        self.sum(&features::next2(t))
    }

    /// The scores word `t` gives its neighbours: the token after it, before it, two after,
    /// two before (the per-type vectors `nb` of [`tag_chunk`]).
    pub(crate) fn neighbours(&self, t: &Tok) -> [Acc; 4] {
        [
            self.prev1(Some(t)),
            self.next1(Some(t)),
            self.prev2(Some(t)),
            self.next2(Some(t)),
        ]
    }

    /// The scores of word `t`'s own features in a sentence of context `ctx`
    /// ([`features::local_self`]), with the position features of a token inside a sentence
    /// of 8 words or more when `inside` (the per-variant vectors `selfs` of [`tag_chunk`]);
    /// `buf` is scratch.
    pub(crate) fn own(&self, t: &Tok, ctx: SentCtx, inside: bool, buf: &mut Vec<u32>) -> Acc {
        buf.clear();
        features::local_self(t, ctx, buf);
        if inside {
            features::local_pos(t, 4, 8, ctx, buf);
        }
        self.sum(buf)
    }
}

/// Filter bits per key of a [`Joint`] (before rounding up to a power of two: 14.6 for the
/// shipped model).
const FILTER_BITS_PER_KEY: usize = 8;

/// Word and bit mask of key `k` in a filter of `words` words (a power of two): three bits of
/// one 64-bit word.
#[inline(always)]
fn filter_pos(k: u32, words: usize) -> (usize, u64) {
    let h = (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let w = (h >> 40) as usize & (words - 1);
    let m = 1u64 << (h & 63) | 1u64 << ((h >> 6) & 63) | 1u64 << ((h >> 12) & 63);
    (w, m)
}

#[inline]
fn slot(k: u32, mask: usize) -> usize {
    (k.wrapping_mul(0x9e37_79b1) as usize ^ (k as usize >> 7)) & mask
}

/// The cached vector `k` of the token at `i + d`, or `bound` outside the sentence.
#[inline(always)]
fn neighbour<'b>(
    nb: &'b [Acc],
    ty: &[u32],
    i: usize,
    d: isize,
    k: usize,
    bound: &'b Acc,
) -> &'b Acc {
    match usize::try_from(i as isize + d).ok().and_then(|x| ty.get(x)) {
        Some(&t) => nb.get(4 * t as usize + k).unwrap_or(bound),
        None => bound,
    }
}

/// `tagger::stats` indexed by the class (lowercase form) of each word type instead of a
/// hash map.
fn stats(
    doc: &DocInput,
    p1: &[Vec<u8>],
    tys: &[Vec<u32>],
    class: &[u32],
    n: usize,
) -> Vec<WordStats> {
    let mut m = vec![WordStats::default(); n];
    let mut seen = vec![false; n];
    let mut idx = 0u32;
    for (((s, ctx), tags), ty) in doc.sents.iter().zip(&doc.ctx).zip(p1).zip(tys) {
        for (i, ((t, &tag), &y)) in s.iter().zip(tags).zip(ty).enumerate() {
            let c = class[y as usize] as usize;
            if let (true, Some(e), Some(sn)) = (t.alpha, m.get_mut(c), seen.get_mut(c)) {
                if !*sn {
                    *sn = true;
                    e.first_tag = tag;
                    e.first_at = idx;
                }
                e.tags[tag as usize] = e.tags[tag as usize].saturating_add(1);
                if own_cap_mid(t, i, *ctx) {
                    e.cap_mid = e.cap_mid.saturating_add(1);
                }
                if t.lowercase {
                    e.low = e.low.saturating_add(1);
                }
            }
            idx += 1;
        }
    }
    m
}

/// Per-token margins, as `tagger::token_margins`: the tag's score minus the best score of a
/// tag of another type (maxima are exact in any order).
fn margins_of(emis: &[[f32; NT]], out: &[u8]) -> Vec<f32> {
    emis.iter()
        .zip(out)
        .map(|(e, &t)| {
            let mx = |a: f32, b: f32| if b > a { b } else { a };
            let g = |a: usize| mx(mx(e[a], e[a + 1]), mx(e[a + 2], e[a + 3]));
            let best = [e[0], g(1), g(5), g(9), g(13)];
            let ty = features::tag_type(t as usize % NT);
            let mut other = f32::NEG_INFINITY;
            for (k, &x) in best.iter().enumerate() {
                if k != ty {
                    other = mx(other, x);
                }
            }
            e[t as usize % NT] - other
        })
        .collect()
}

/// A hasher for interning word strings: eight bytes at a time (multiply and rotate),
/// finished with `mix`. Only for in-process hash maps: not stable across versions.
#[derive(Default, Clone, Copy)]
struct StrHasher(u64);

impl Hasher for StrHasher {
    fn finish(&self) -> u64 {
        features::mix(self.0)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut h = self.0 ^ bytes.len() as u64;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
        }
        self.0 = h;
    }
}

/// A model ready for recognition: the model, its merged weight table and the cache of its
/// frequent words' scores.
#[derive(Clone, Debug, Default)]
pub(crate) struct Engine {
    pub model: Model,
    pub joint: Joint,
    pub words: WordCache,
}

impl Engine {
    pub(crate) fn new(model: Model) -> Engine {
        let joint = Joint::build(&model.pass1, &model.pass2);
        let words = WordCache::new(&model.lex.hot);
        Engine {
            model,
            joint,
            words,
        }
    }
}

/// Words per chunk: a longer document is tagged in chunks of whole sentences of about this
/// many words, each with its own document features, so that time is linear and memory
/// bounded whatever the length (a news article has a few thousand words).
pub(crate) const CHUNK_WORDS: usize = 1 << 15;

/// Longest sentence tagged as one: a longer one (a list without full stops, or garbage) is
/// tagged in pieces of this many words, so that memory stays bounded.
pub(crate) const MAX_SENTENCE: usize = 512;

/// Tags a document given as sentences of words; returns tags and (if asked) margins, exactly
/// as `tagger::tag` would for documents under [`CHUNK_WORDS`] words in sentences of at most
/// [`MAX_SENTENCE`] words.
pub(crate) fn tag<'a, S, I>(
    engine: &Engine,
    sents: S,
    margins: Option<&mut Vec<Vec<f32>>>,
) -> Vec<Vec<u8>>
where
    S: IntoIterator<Item = I>,
    I: IntoIterator<Item = &'a str>,
{
    let mut margins = margins;
    if let Some(m) = margins.as_deref_mut() {
        m.clear();
    }
    let mut res = Vec::new();
    let mut words: Vec<&'a str> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    // Pieces per input sentence (1 unless it is longer than MAX_SENTENCE words).
    let mut pieces: Vec<u32> = Vec::new();
    let mut first = true;
    let mut flush = |words: &mut Vec<&'a str>,
                     ends: &mut Vec<usize>,
                     res: &mut Vec<Vec<u8>>,
                     m: Option<&mut Vec<Vec<f32>>>| {
        tag_chunk(engine, words, ends, first, res, m);
        first = false;
        words.clear();
        ends.clear();
    };
    for s in sents {
        let (mut n, mut len) = (0u32, 0usize);
        for w in s {
            words.push(w);
            len += 1;
            if len == MAX_SENTENCE {
                ends.push(words.len());
                n += 1;
                len = 0;
                if words.len() >= CHUNK_WORDS {
                    flush(&mut words, &mut ends, &mut res, margins.as_deref_mut());
                }
            }
        }
        if len > 0 || n == 0 {
            ends.push(words.len());
            n += 1;
        }
        pieces.push(n);
        if words.len() >= CHUNK_WORDS {
            flush(&mut words, &mut ends, &mut res, margins.as_deref_mut());
        }
    }
    if !ends.is_empty() {
        flush(&mut words, &mut ends, &mut res, margins.as_deref_mut());
    }
    if pieces.iter().any(|&n| n != 1) {
        res = join_pieces(res, &pieces);
        if let Some(m) = margins {
            *m = join_pieces(std::mem::take(m), &pieces);
        }
    }
    res
}

/// Concatenates the pieces of each sentence.
fn join_pieces<T>(parts: Vec<Vec<T>>, pieces: &[u32]) -> Vec<Vec<T>> {
    let mut out = Vec::with_capacity(pieces.len());
    let mut it = parts.into_iter();
    for &n in pieces {
        let mut v = it.next().unwrap_or_default();
        for _ in 1..n {
            v.extend(it.next().unwrap_or_default());
        }
        out.push(v);
    }
    out
}

/// Tags one chunk of a document (the sentences `words[ends[k - 1]..ends[k]]`), appending
/// to `res` and `margins`.
///
/// Per distinct word ("type") of the chunk, scores are computed once: the neighbour vectors
/// `nb[4 * type..4 * type + 4]` (the features the word gives the token after it, before it,
/// two after, two before) and, per sentence variant `v`, the word's own features
/// `selfs[variants[type][v]]` (`u32::MAX`: not computed yet). `v` is the case mode, first
/// sentence and table flags (0..16), plus 16 for a token inside a sentence of 8+ words, whose
/// position features are then included. Each token then adds five cached vectors and looks
/// up only the features that combine it with its neighbours. The scores of a frequent word
/// come from the engine's [`WordCache`] when it has them.
fn tag_chunk(
    engine: &Engine,
    words: &[&str],
    ends: &[usize],
    first: bool,
    res: &mut Vec<Vec<u8>>,
    mut margins: Option<&mut Vec<Vec<f32>>>,
) {
    let j = &engine.joint;
    let lex: &Lexicon = &engine.model.lex;
    // Intern the words: a type id per word, and the form of each type.
    let cap = words.len().min(1 << 16) / 2 + 16;
    let mut ids: HashMap<&str, u32, BuildHasherDefault<StrHasher>> =
        HashMap::with_capacity_and_hasher(cap, BuildHasherDefault::default());
    let mut forms: Vec<&str> = Vec::with_capacity(cap);
    let mut tys: Vec<Vec<u32>> = Vec::with_capacity(ends.len());
    let mut start = 0;
    for &end in ends {
        let s = &words[start..end];
        start = end;
        let ty = s.iter().map(|&w| {
            *ids.entry(w).or_insert_with(|| {
                forms.push(w);
                forms.len() as u32 - 1
            })
        });
        tys.push(ty.collect());
    }
    // The cached entries of the frequent forms, looked up in one loop so that the cache
    // misses of the probes overlap.
    let cached: Vec<Option<&Entry>> = forms.iter().map(|w| engine.words.get(w, j, lex)).collect();
    // Per type: its Tok, its neighbour vectors, and its own scores where cached.
    let mut types: Vec<Tok> = Vec::with_capacity(forms.len());
    let mut nb: Vec<Acc> = Vec::with_capacity(forms.len() * 4);
    let mut variants: Vec<[u32; 32]> = Vec::with_capacity(forms.len());
    let mut class: Vec<u32> = Vec::with_capacity(forms.len());
    let mut classes: IdMap<u32> = IdMap::with_capacity_and_hasher(forms.len(), Default::default());
    let mut selfs: Vec<Acc> = Vec::with_capacity(forms.len() * 2 + 16);
    for (&w, e) in forms.iter().zip(&cached) {
        let mut v = [u32::MAX; 32];
        let t = if let Some(e) = e {
            nb.extend(e.nb.iter().map(Dense::wide));
            v[0] = selfs.len() as u32;
            v[16] = v[0] + 1;
            selfs.extend([e.own, e.own_inside]);
            e.tok
        } else {
            let t = Tok::new(w, lex);
            nb.extend(j.neighbours(&t));
            t
        };
        types.push(t);
        variants.push(v);
        // Document statistics are per lowercase form ("Putin", "PUTIN").
        let next = classes.len() as u32;
        class.push(*classes.entry(t.lower).or_insert(next));
    }
    let mut doc = DocInput::default();
    for (k, ty) in tys.iter().enumerate() {
        doc.push(ty.iter().map(|&id| types[id as usize]).collect(), lex);
        if k == 0 && !first {
            if let Some(c) = doc.ctx.last_mut() {
                c.first = false;
            }
        }
    }
    // Pass 1, keeping the pass-2 local scores.
    let mut local2: Vec<Vec<Row2>> = Vec::with_capacity(doc.sents.len());
    let mut p1: Vec<Vec<u8>> = Vec::with_capacity(doc.sents.len());
    let mut emis: Vec<[f32; NT]> = Vec::new();
    let mut back = Vec::new();
    let mut out = Vec::new();
    let mut buf: Vec<u32> = Vec::with_capacity(32);
    for (((s, ty), ctx), gz) in doc.sents.iter().zip(&tys).zip(&doc.ctx).zip(&doc.gz) {
        let n = s.len();
        let var = (ctx.case_mode() * 4 + ctx.first as u64 * 2 + ctx.table as u64) as usize;
        let mut l2 = Vec::with_capacity(n);
        emis.clear();
        for i in 0..n {
            let id = ty[i] as usize;
            // Most tokens are inside a long sentence: their position features are cached too.
            let pos = features::position(i, n);
            let common = pos == 4 && n >= 8;
            let v = var + if common { 16 } else { 0 };
            let mut vi = variants[id][v];
            if vi == u32::MAX {
                selfs.push(j.own(&s[i], *ctx, common, &mut buf));
                vi = selfs.len() as u32 - 1;
                variants[id][v] = vi;
            }
            let nbv = |d: isize, k: usize, bound| neighbour(&nb, ty, i, d, k, bound);
            let mut acc = Acc::sum5(
                &selfs[vi as usize],
                nbv(-1, 0, &j.bos1),
                nbv(1, 1, &j.eos1),
                nbv(-2, 2, &j.bos2),
                nbv(2, 3, &j.eos2),
            );
            buf.clear();
            features::local_ctx(s, gz, i, *ctx, &mut buf);
            if !common {
                features::local_pos(&s[i], pos, n, *ctx, &mut buf);
            }
            j.add_all(&buf, &mut acc);
            emis.push(std::array::from_fn(|t| acc.0[t] as f32 * j.scale1));
            l2.push(Row2::of(&acc));
        }
        viterbi(&emis, &j.trans1, &mut back, &mut out);
        p1.push(if n == 0 { Vec::new() } else { out.clone() });
        local2.push(l2);
    }
    // Pass 2: local scores plus document features.
    let st = stats(&doc, &p1, &tys, &class, classes.len());
    let empty = WordStats::default();
    let mut idx = 0u32;
    for (si, (s, ctx)) in doc.sents.iter().zip(&doc.ctx).enumerate() {
        emis.clear();
        for (i, t) in s.iter().enumerate() {
            let w = if t.alpha {
                st.get(class[tys[si][i] as usize] as usize)
                    .unwrap_or(&empty)
            } else {
                &empty
            };
            let mut a2 = local2[si][i];
            j.doc_scores(
                t,
                &p1[si],
                i,
                w,
                idx,
                t.alpha && own_cap_mid(t, i, *ctx),
                t.alpha && t.lowercase,
                *ctx,
                &mut a2,
            );
            emis.push(std::array::from_fn(|t| a2.0[t] as f32 * j.scale2));
            idx += 1;
        }
        if s.is_empty() {
            res.push(Vec::new());
            if let Some(m) = margins.as_deref_mut() {
                m.push(Vec::new());
            }
            continue;
        }
        viterbi(&emis, &j.trans2, &mut back, &mut out);
        if let Some(m) = margins.as_deref_mut() {
            m.push(margins_of(&emis, &out));
        }
        res.push(out.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger;

    fn docs() -> Vec<Vec<Vec<String>>> {
        let texts = [
            "Russian President Vladimir Putin met Ahmed Al-Sharaa in Moscow on Wednesday . \
             Putin said Syria was a friend of Russia . \n THE WORLD BANK SAID ON MONDAY IT WOULD LEND \
             $ 2 billion to Kenya . \n Al-Sharaa 's office declined to comment , Reuters said .",
            "SOCCER - ENGLISH LEAGUE RESULTS . \n London 1996-08-30 \n Arsenal 2 Chelsea 1 \n \
             Liverpool 0 Everton 0 \n \n the mayor of springfield , john smith , spoke to cnn .",
            // A longer article of our own writing: repeated names, titles, quotes, numbers.
            "( Harbor Gazette ) -- The city of Port Ellery will close its oldest bridge , Mayor \
             Helen Ostrova said on Tuesday . \n `` We cannot ask people to drive across it , '' \
             Ostrova told reporters at City Hall . \n Daniel Okafor , the chief engineer of the \
             Port Ellery Transit Authority , said the cracks were found in March . \n Okafor \
             said the Marlow Street Bridge opened in 1931 . Maria Lindqvist , who owns a bakery \
             on Marlow Street , said sales fell by a third in 2019 . \n Governor Samuel Achebe \
             promised $ 120 million ; Achebe said the money would come from the state budget . \n \
             OSTROVA : BRIDGE WILL REOPEN IN 2028 \n the transit authority will add ferries \
             across the harbor and buses on Kellerman Avenue .",
        ];
        // A longer document of our own writing: the short-news fixture, one sentence a line.
        let fixture = crate::tests_support::fixture_plain();
        texts
            .iter()
            .copied()
            .chain([fixture.as_str()])
            .map(|t| {
                t.split('\n')
                    .map(|l| l.split_whitespace().map(str::to_string).collect())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn fast_path_is_bit_identical() {
        // A fresh engine, whose word cache starts empty: the first round fills it, the
        // second reads it.
        let engine = Engine::new(crate::EMBEDDED.model.clone());
        let model = &engine.model;
        assert_eq!(engine.words.filled(), 0);
        for d in docs().iter().chain(&docs()) {
            let din = DocInput::new(d.iter().map(|s| s.iter().map(|w| w.as_str())), &model.lex);
            let mut m_ref = Vec::new();
            let want = tagger::tag(
                model,
                &din,
                &mut tagger::Scratch::default(),
                Some(&mut m_ref),
            );
            let mut m = Vec::new();
            let got = tag(
                &engine,
                d.iter().map(|s| s.iter().map(|w| w.as_str())),
                Some(&mut m),
            );
            assert_eq!(got, want);
            assert_eq!(m, m_ref);
            assert!(want.iter().flatten().any(|&t| t != 0));
        }
        assert!(engine.words.filled() > 500, "{}", engine.words.filled());
    }

    #[test]
    fn pairs_are_packed_exactly() {
        assert_eq!(pair(&[(3, 120), (0, -120)]), Some(120 | 3 << 16));
        let p = pair(&[(20, -7), (33, 7)]).unwrap_or_default();
        assert_eq!(
            (p as u16 as i16, (p >> 16) & 63, (p >> 22) & 63),
            (-7, 20, 33)
        );
        assert_eq!(pair(&[(3, 120), (0, -119)]), None);
        assert_eq!(pair(&[(3, i16::MIN), (0, i16::MAX)]), None);
        assert_eq!(pair(&[(3, 5), (0, -5), (1, 2)]), None);
        // Most two-entry rows of the shipped model are pairs.
        let j = &crate::EMBEDDED.joint;
        let n = j
            .slots
            .iter()
            .filter(|&&v| (v >> 28) & 15 == PAIR as u64)
            .count();
        assert!(n > 50_000, "{n}");
    }

    #[test]
    fn filter_has_every_key_and_few_others() {
        let engine = crate::EMBEDDED.clone();
        let j = &engine.joint;
        let mut keys: Vec<u32> = j
            .slots
            .iter()
            .filter(|&&v| v != 0)
            .map(|&v| (v >> 32) as u32)
            .collect();
        keys.sort_unstable();
        assert!(keys.len() > 100_000);
        assert!(keys.iter().all(|&k| j.may_have(k)));
        // Keys not in the table: the model's keys are hashes, so these pass only by chance.
        let mut x = 1u64;
        let mut passed = 0;
        let mut tried = 0;
        while tried < 100_000 {
            x = features::mix(x);
            let k = (x >> 32) as u32;
            if k != 0 && keys.binary_search(&k).is_err() {
                tried += 1;
                passed += j.may_have(k) as u32;
            }
        }
        assert!(passed < 3_000, "{passed} false positives in 100000");
    }

    #[test]
    fn doc_tables_give_the_doc_feature_scores() {
        let engine = crate::EMBEDDED.clone();
        let (model, j) = (&engine.model, &engine.joint);
        for d in docs() {
            let din = DocInput::new(d.iter().map(|s| s.iter().map(|w| w.as_str())), &model.lex);
            let p1 = tagger::decode(
                &din,
                &model.pass1,
                None,
                &mut tagger::Scratch::default(),
                None,
            );
            let st = tagger::stats(&din, &p1);
            let mut idx = 0u32;
            for (si, (s, ctx)) in din.sents.iter().zip(&din.ctx).enumerate() {
                for (i, t) in s.iter().enumerate() {
                    let empty = WordStats::default();
                    let w = st.get(&t.lower).filter(|_| t.alpha).unwrap_or(&empty);
                    let cm = t.alpha && tagger::own_cap_mid(t, i, *ctx);
                    let lo = t.alpha && t.lowercase;
                    let mut keys = Vec::new();
                    features::doc(t, &p1[si], i, w, idx, cm, lo, *ctx, &mut keys);
                    let want = j.sum(&keys);
                    let mut got = Row2::ZERO;
                    j.doc_scores(t, &p1[si], i, w, idx, cm, lo, *ctx, &mut got);
                    assert_eq!(got, Row2::of(&want));
                    idx += 1;
                }
            }
        }
    }
}
