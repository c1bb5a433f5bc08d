//! Model weights, decoding, and the binary model format.

use crate::features::NT;
use crate::lexicon::{IdMap, LexEntry, Lexicon};
use crate::{Error, ErrorKind};

/// File magic of a byline NER model.
pub(crate) const MAGIC: &[u8; 8] = b"BYLNER\0\x01";
/// Format version written. Version 3 adds the frequent word forms ([`Lexicon::hot`]) after
/// the weights.
pub(crate) const VERSION: u32 = 3;
/// Oldest format version read (a model of version 2 has no frequent-form list).
const OLDEST: u32 = 2;
/// Most frequent forms a model may list.
pub(crate) const MAX_HOT: usize = 1 << 16;

/// Packed row entry: bits 0-15 the quantised weight (`i16`), bits 16-23 the tag, bit 31 set
/// on the last entry of a row.
const END: u32 = 1 << 31;

/// Sparse weights of one linear-chain model.
#[derive(Clone, Debug, Default)]
pub(crate) struct Weights {
    /// Open-addressing table of feature keys (0 = empty slot).
    keys: Vec<u32>,
    /// First entry of the row of each slot.
    starts: Vec<u32>,
    mask: usize,
    /// Packed row entries, contiguous per feature.
    ents: Vec<u32>,
    /// Weight of one quantisation step.
    scale: f32,
    /// `trans[prev * NT + cur]` (dequantised).
    pub trans: Vec<f32>,
}

/// Whether tag `cur` may follow tag `prev` under BILOU (`None` = sentence start/end).
#[inline]
pub(crate) fn allowed(prev: Option<usize>, cur: Option<usize>) -> bool {
    // k: 0=B 1=I 2=L 3=U
    let open = |t: usize| t != 0 && ((t - 1) % 4 == 0 || (t - 1) % 4 == 1);
    match (prev, cur) {
        (None, None) => true,
        (None, Some(c)) => c == 0 || (c - 1) % 4 == 0 || (c - 1) % 4 == 3,
        (Some(p), None) => !open(p),
        (Some(p), Some(c)) => {
            if open(p) {
                c != 0 && (c - 1) / 4 == (p - 1) / 4 && ((c - 1) % 4 == 1 || (c - 1) % 4 == 2)
            } else {
                c == 0 || (c - 1) % 4 == 0 || (c - 1) % 4 == 3
            }
        }
    }
}

impl Weights {
    /// Builds from rows `(key, [(tag, weight)])` and transitions, quantising to `i16` steps.
    pub(crate) fn build(rows: Vec<(u32, Vec<(u8, f32)>)>, trans: Vec<f32>) -> Weights {
        let maxw = rows
            .iter()
            .flat_map(|r| r.1.iter().map(|e| e.1))
            .chain(trans.iter().copied())
            .fold(0f32, |m, x| m.max(x.abs()))
            .max(1e-9);
        let scale = maxw / 32767.0;
        let q = |x: f32| (x / scale).round().clamp(-32767.0, 32767.0) as i16;
        let rows = rows
            .into_iter()
            .map(|(k, r)| {
                let r: Vec<(u8, i16)> = r
                    .into_iter()
                    .map(|(t, w)| (t, q(w)))
                    .filter(|e| e.1 != 0)
                    .collect();
                (k, r)
            })
            .collect();
        let trans = trans.iter().map(|&x| q(x)).collect();
        let rows: Vec<(u32, Vec<(u8, i16)>)> = rows;
        Weights::build_q(rows.iter().map(|(k, r)| (*k, &r[..])), trans, scale)
    }

    /// Builds from quantised rows and transitions.
    fn build_q<'a>(
        rows: impl ExactSizeIterator<Item = (u32, &'a [(u8, i16)])>,
        trans: Vec<i16>,
        scale: f32,
    ) -> Weights {
        let cap = (rows.len() * 2).next_power_of_two().max(16);
        let mut keys = vec![0u32; cap];
        let mut starts = vec![0u32; cap];
        let mask = cap - 1;
        let mut ents = Vec::new();
        for (key, row) in rows {
            if row.is_empty() || key == 0 || row.len() > NT {
                continue;
            }
            let mut s = slot(key, mask);
            while keys[s] != 0 && keys[s] != key {
                s = (s + 1) & mask;
            }
            if keys[s] != 0 {
                continue; // duplicate key: keep the first
            }
            keys[s] = key;
            starts[s] = ents.len() as u32;
            let n = row.len();
            for (j, &(tag, w)) in row.iter().enumerate() {
                let end = if j + 1 == n { END } else { 0 };
                ents.push(end | ((tag as u32 % NT as u32) << 16) | (w as u16 as u32));
            }
        }
        Weights {
            keys,
            starts,
            mask,
            ents,
            scale,
            trans: trans.iter().map(|&x| x as f32 * scale).collect(),
        }
    }

    /// Adds the weights of the features to `out`.
    #[inline]
    pub(crate) fn score(&self, feats: &[u32], out: &mut [f32; NT]) {
        if self.keys.is_empty() {
            return;
        }
        let mut acc = [0i32; NT];
        for &k in feats {
            let mut s = slot(k, self.mask);
            loop {
                let v = self.keys[s];
                if v == 0 {
                    break;
                }
                if v == k {
                    let mut j = self.starts[s] as usize;
                    while let Some(&e) = self.ents.get(j) {
                        acc[((e >> 16) & 0xff) as usize % NT] += e as u16 as i16 as i32;
                        if e & END != 0 {
                            break;
                        }
                        j += 1;
                    }
                    break;
                }
                s = (s + 1) & self.mask;
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o += a as f32 * self.scale;
        }
    }

    /// Weight of one quantisation step.
    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }

    /// Quantised rows sorted by key.
    pub(crate) fn rows(&self) -> Vec<(u32, Vec<(u8, i16)>)> {
        self.row_starts()
            .into_iter()
            .map(|(k, start)| (k, self.row(start).collect()))
            .collect()
    }

    /// The features sorted by key, each with the start of its row (see [`Weights::row`]).
    pub(crate) fn row_starts(&self) -> Vec<(u32, u32)> {
        let mut rows: Vec<(u32, u32)> = self
            .keys
            .iter()
            .zip(&self.starts)
            .filter(|(&k, _)| k != 0)
            .map(|(&k, &s)| (k, s))
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    /// The quantised entries `(tag, weight)` of the row starting at `start`.
    pub(crate) fn row(&self, start: u32) -> impl Iterator<Item = (u8, i16)> + '_ {
        let rest = self.ents.get(start as usize..).unwrap_or_default();
        let len = rest.iter().position(|&e| e & END != 0).map_or(0, |i| i + 1);
        rest[..len]
            .iter()
            .map(|&e| (((e >> 16) & 0xff) as u8, e as u16 as i16))
    }

    fn encode(&self, out: &mut Vec<u8>) {
        let rows = self.rows();
        let scale = if self.scale > 0.0 { self.scale } else { 1.0 };
        out.extend_from_slice(&scale.to_le_bytes());
        for &t in &self.trans {
            out.extend_from_slice(&((t / scale).round() as i16).to_le_bytes());
        }
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for (k, row) in rows {
            write_varint(out, (k - prev) as u64);
            prev = k;
            out.push(row.len() as u8);
            for (t, w) in row {
                out.push(t);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    fn decode(r: &mut Reader<'_>) -> Result<Weights, Error> {
        let scale = r.f32()?;
        if !scale.is_finite() || scale <= 0.0 {
            return Err(Error::corrupt("bad weight scale"));
        }
        let mut trans = Vec::with_capacity(NT * NT);
        for _ in 0..NT * NT {
            trans.push(r.i16()?);
        }
        let n = r.u32()? as usize;
        if n > r.remaining() {
            return Err(Error::corrupt("feature count exceeds file size"));
        }
        // Rows as `(key, start, length)` into one list of entries.
        let mut rows: Vec<(u32, usize, usize)> = Vec::with_capacity(n);
        let mut ents: Vec<(u8, i16)> = Vec::with_capacity(n * 2);
        let mut prev = 0u32;
        for _ in 0..n {
            let d = r.varint()?;
            let k = prev as u64 + d;
            if k == 0 || k > u32::MAX as u64 || (d == 0 && !rows.is_empty()) {
                return Err(Error::corrupt("bad feature key"));
            }
            prev = k as u32;
            let c = r.u8()? as usize;
            let start = ents.len();
            for _ in 0..c {
                let t = r.u8()?;
                if t as usize >= NT {
                    return Err(Error::corrupt("bad tag index"));
                }
                ents.push((t, r.i16()?));
            }
            rows.push((prev, start, c));
        }
        let rows = rows
            .iter()
            .map(|&(k, start, c)| (k, ents.get(start..start + c).unwrap_or_default()));
        Ok(Weights::build_q(rows, trans, scale))
    }
}

#[inline]
fn slot(k: u32, mask: usize) -> usize {
    (k.wrapping_mul(0x9e37_79b1) as usize ^ (k as usize >> 7)) & mask
}

/// Transition scores laid out for [`viterbi`].
#[derive(Clone, Debug)]
pub(crate) struct Trans {
    /// `full[p][c]`: from `p` to `c`.
    full: [[f32; NT]; NT],
    /// `closed[j][i]`: from `CLOSED_PREV[j]` to `CLOSED[i]` (lanes 9..12: -inf).
    closed: [[f32; 12]; 9],
    /// From B-y to `OPEN[o]` (of type y).
    from_b: [f32; 8],
    /// From I-y to `OPEN[o]`.
    from_i: [f32; 8],
}

impl Trans {
    /// From `trans[p * NT + c]` (missing entries are 0).
    pub(crate) fn new(trans: &[f32]) -> Trans {
        let tr = |p: usize, c: usize| trans.get(p * NT + c).copied().unwrap_or(0.0);
        let mut closed = [[f32::NEG_INFINITY; 12]; 9];
        for (j, row) in closed.iter_mut().enumerate() {
            for (i, x) in row.iter_mut().take(9).enumerate() {
                *x = tr(CLOSED_PREV[j], CLOSED[i]);
            }
        }
        Trans {
            full: std::array::from_fn(|p| std::array::from_fn(|c| tr(p, c))),
            closed,
            from_b: std::array::from_fn(|o| tr(OPEN_B[o], OPEN[o])),
            from_i: std::array::from_fn(|o| tr(OPEN_B[o] + 1, OPEN[o])),
        }
    }
}

/// Viterbi decoding under BILOU constraints. `emis` has `NT` scores per token; `delta` is
/// scratch space (the best path score of each tag at each token).
///
/// Ties go to the lowest previous tag. The forward pass keeps only the scores (maxima are
/// exact whatever the order); the back-pointers of the chosen path are recomputed while
/// tracing back, with the same sums in the same order as a full back-pointer table.
pub(crate) fn viterbi(
    emis: &[[f32; NT]],
    trans: &Trans,
    delta: &mut Vec<[f32; NT]>,
    out: &mut Vec<u8>,
) {
    out.clear();
    let n = emis.len();
    if n == 0 {
        return;
    }
    delta.clear();
    delta.reserve(n);
    let (tc, tb, ti) = (&trans.closed, &trans.from_b, &trans.from_i);
    let tr = |p: usize, c: usize| trans.full[p][c];
    let mut cur = [f32::NEG_INFINITY; NT];
    for (t, c) in cur.iter_mut().enumerate() {
        if allowed(None, Some(t)) {
            *c = emis[0][t];
        }
    }
    delta.push(cur);
    for e in &emis[1..] {
        // Closed tags: the best of 9 previous tags, lanes = targets.
        let mut best = [f32::NEG_INFINITY; 12];
        for (j, row) in tc.iter().enumerate() {
            let c = cur[CLOSED_PREV[j]];
            let mut nb = [0f32; 12];
            for l in 0..12 {
                nb[l] = fmax(best[l], c + row[l]);
            }
            best = nb;
        }
        // Open tags (I, L): from B or I of the same type.
        let mut ob = [0f32; 8];
        for o in 0..8 {
            ob[o] = fmax(cur[OPEN_B[o]] + tb[o], cur[OPEN_B[o] + 1] + ti[o]);
        }
        let mut next = [0f32; NT];
        for (l, &t) in CLOSED.iter().enumerate() {
            next[t] = best[l] + e[t];
        }
        for (o, &t) in OPEN.iter().enumerate() {
            next[t] = ob[o] + e[t];
        }
        cur = next;
        delta.push(cur);
    }
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0usize;
    for (t, &c) in cur.iter().enumerate() {
        if allowed(Some(t), None) && c > best {
            best = c;
            arg = t;
        }
    }
    out.resize(n, 0);
    out[n - 1] = arg as u8;
    for i in (1..n).rev() {
        // The first previous tag reaching the best score of `arg` at `i`.
        let d = &delta[i - 1];
        let mut best = f32::NEG_INFINITY;
        let mut p_best = 0usize;
        let (prevs, np) = &PREVS[arg % NT];
        for &p in &prevs[..*np] {
            let p = p as usize;
            let v = d[p] + tr(p, arg);
            if v > best {
                best = v;
                p_best = p;
            }
        }
        arg = p_best;
        out[i - 1] = arg as u8;
    }
}

/// The larger of two scores (no NaN occurs; compiles to a single max instruction).
#[inline(always)]
fn fmax(a: f32, b: f32) -> f32 {
    if a > b {
        a
    } else {
        b
    }
}

/// For each tag, the tags allowed before it, in increasing order (and how many).
static PREVS: [([u8; 9], usize); NT] = {
    let mut out = [([0u8; 9], 0usize); NT];
    let mut c = 0;
    while c < NT {
        let mut p = 0;
        while p < NT {
            if ALLOWED[p][c] {
                out[c].0[out[c].1] = p as u8;
                out[c].1 += 1;
            }
            p += 1;
        }
        c += 1;
    }
    out
};

/// Tags that may follow a closed tag or start a sentence: O, B-*, U-*.
const CLOSED: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];
/// Tags allowed before a closed tag: O, L-*, U-*.
const CLOSED_PREV: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];

/// Tags inside or ending an entity: I-*, L-*.
const OPEN: [usize; 8] = [2, 3, 6, 7, 10, 11, 14, 15];
/// The B tag of the type of each [`OPEN`] tag (the I tag is one more).
const OPEN_B: [usize; 8] = [1, 1, 5, 5, 9, 9, 13, 13];

/// `ALLOWED[p][c]`.
pub(crate) static ALLOWED: [[bool; NT]; NT] = {
    let mut a = [[false; NT]; NT];
    let mut p = 0;
    while p < NT {
        let mut c = 0;
        while c < NT {
            let open = p != 0 && ((p - 1) % 4 == 0 || (p - 1) % 4 == 1);
            a[p][c] = if open {
                c != 0 && (c - 1) / 4 == (p - 1) / 4 && ((c - 1) % 4 == 1 || (c - 1) % 4 == 2)
            } else {
                c == 0 || (c - 1) % 4 == 0 || (c - 1) % 4 == 3
            };
            c += 1;
        }
        p += 1;
    }
    a
};

/// A full model: lexicon, pass-1 and pass-2 weights.
#[derive(Clone, Debug, Default)]
pub(crate) struct Model {
    pub lex: Lexicon,
    pub pass1: Weights,
    pub pass2: Weights,
    /// Typical token margin, for confidence scores.
    pub margin_scale: f32,
}

pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// FNV-1a 64 checksum.
pub(crate) fn checksum(b: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

impl Model {
    /// Serializes: magic, version, payload length, payload, checksum of the payload.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut p = Vec::new();
        let mut lex: Vec<(&u64, &LexEntry)> = self.lex.map.iter().collect();
        lex.sort_unstable_by_key(|(k, _)| **k);
        p.extend_from_slice(&(lex.len() as u32).to_le_bytes());
        for (k, e) in lex {
            p.extend_from_slice(&k.to_le_bytes());
            p.extend_from_slice(&e.fine.to_le_bytes());
            p.extend_from_slice(&e.coarse.to_le_bytes());
            p.push(e.capb);
            p.push(e.person);
        }
        self.lex.names.encode(&mut p);
        p.extend_from_slice(&self.margin_scale.to_le_bytes());
        self.pass1.encode(&mut p);
        self.pass2.encode(&mut p);
        p.extend_from_slice(&(self.lex.hot.len() as u32).to_le_bytes());
        for h in &self.lex.hot {
            p.extend_from_slice(&h.to_le_bytes());
        }
        let mut out = Vec::with_capacity(p.len() + 28);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(p.len() as u64).to_le_bytes());
        out.extend_from_slice(&p);
        out.extend_from_slice(&checksum(&p).to_le_bytes());
        out
    }

    /// Parses a model file; never panics on bad input.
    pub(crate) fn from_bytes(b: &[u8]) -> Result<Model, Error> {
        if b.len() < 8 || &b[..8] != MAGIC {
            return Err(Error::new(
                ErrorKind::NotAModel,
                "the data does not start with the byline NER model header (was it written by train-ner?)",
            ));
        }
        if b.len() < 20 {
            return Err(Error::corrupt("file is truncated inside the header"));
        }
        let version = u32::from_le_bytes([b[8], b[9], b[10], b[11]]);
        if !(OLDEST..=VERSION).contains(&version) {
            return Err(Error::new(
                ErrorKind::UnsupportedVersion(version),
                format!(
                    "model format version {version} is not supported by this crate (expects {OLDEST} to {VERSION}); retrain the model with this version's train-ner"
                ),
            ));
        }
        let len = u64::from_le_bytes(b[12..20].try_into().unwrap_or([0; 8]));
        if (b.len() as u64) < 28 || len != b.len() as u64 - 28 {
            return Err(Error::corrupt(
                "file length does not match its header (truncated or padded)",
            ));
        }
        let p = &b[20..20 + len as usize];
        let sum = u64::from_le_bytes(b[b.len() - 8..].try_into().unwrap_or([0; 8]));
        if checksum(p) != sum {
            return Err(Error::corrupt("checksum mismatch"));
        }
        let mut r = Reader::new(p);
        let n = r.u32()? as usize;
        if n.saturating_mul(14) > r.remaining() {
            return Err(Error::corrupt("lexicon size exceeds file size"));
        }
        let mut map = IdMap::default();
        map.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            let fine = r.u16()?;
            let coarse = r.u16()?;
            let capb = r.u8()?;
            let person = r.u8()?;
            map.insert(
                k,
                LexEntry {
                    fine,
                    coarse,
                    capb,
                    person,
                },
            );
        }
        let nn = r.u32()? as usize;
        if nn > r.remaining() {
            return Err(Error::corrupt("name table size exceeds file size"));
        }
        let names = crate::names::NameTable::decode(nn, || r.varint().ok())
            .ok_or_else(|| Error::corrupt("bad name table"))?;
        let margin_scale = r.f32()?;
        let pass1 = Weights::decode(&mut r)?;
        let pass2 = Weights::decode(&mut r)?;
        let mut hot = Vec::new();
        if version >= 3 {
            let n = r.u32()? as usize;
            if n > MAX_HOT || n.saturating_mul(8) > r.remaining() {
                return Err(Error::corrupt("frequent-form list size exceeds file size"));
            }
            hot.reserve(n);
            for _ in 0..n {
                hot.push(r.u64()?);
            }
        }
        if r.remaining() != 0 {
            return Err(Error::corrupt("trailing bytes after the weights"));
        }
        Ok(Model {
            lex: Lexicon { map, names, hot },
            pass1,
            pass2,
            margin_scale: if margin_scale.is_finite() && margin_scale > 0.0 {
                margin_scale
            } else {
                1.0
            },
        })
    }
}

pub(crate) struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(b: &'a [u8]) -> Reader<'a> {
        Reader { b, i: 0 }
    }
    fn remaining(&self) -> usize {
        self.b.len() - self.i
    }
    fn take(&mut self, n: usize) -> Result<&[u8], Error> {
        if self.remaining() < n {
            return Err(Error::corrupt("unexpected end of data"));
        }
        let s = &self.b[self.i..self.i + n];
        self.i += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, Error> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn i16(&mut self) -> Result<i16, Error> {
        let s = self.take(2)?;
        Ok(i16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, Error> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, Error> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn u64(&mut self) -> Result<u64, Error> {
        let s = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Ok(u64::from_le_bytes(a))
    }
    pub(crate) fn varint(&mut self) -> Result<u64, Error> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Error::corrupt("bad varint"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_roundtrip_and_score() {
        let rows = vec![
            (7u32, vec![(0u8, 1.5f32), (3, -2.0)]),
            (9, vec![(16, 0.25)]),
            (1234567, vec![(1, 4.0), (2, 0.0)]),
        ];
        let trans = vec![0.5f32; NT * NT];
        let w = Weights::build(rows, trans);
        let mut out = [0f32; NT];
        w.score(&[7, 8, 9, 1234567, 7], &mut out);
        let close = |a: f32, b: f32| (a - b).abs() < 1e-3;
        assert!(close(out[0], 3.0) && close(out[3], -4.0));
        assert!(close(out[16], 0.25) && close(out[1], 4.0) && out[2] == 0.0);
        let m = Model {
            pass1: w.clone(),
            pass2: w,
            margin_scale: 2.0,
            ..Model::default()
        };
        let b = m.to_bytes();
        let back = Model::from_bytes(&b).unwrap();
        assert_eq!(back.to_bytes(), b);
        let mut out2 = [0f32; NT];
        back.pass2.score(&[7, 8, 9, 1234567, 7], &mut out2);
        assert_eq!(out, out2);
    }

    /// A model with some weights and frequent forms.
    fn small_model() -> Model {
        let w = Weights::build(vec![(7u32, vec![(0u8, 1.5f32)])], vec![0.5f32; NT * NT]);
        let mut m = Model {
            pass1: w.clone(),
            pass2: w,
            margin_scale: 2.0,
            ..Model::default()
        };
        m.lex.hot = vec![crate::features::form_hash("the"), 42, u64::MAX];
        m
    }

    #[test]
    fn frequent_forms_roundtrip() {
        let m = small_model();
        let b = m.to_bytes();
        assert_eq!(u32::from_le_bytes([b[8], b[9], b[10], b[11]]), VERSION);
        let back = Model::from_bytes(&b).unwrap();
        assert_eq!(back.lex.hot, m.lex.hot);
        assert_eq!(back.to_bytes(), b);
    }

    /// Version 2 had no frequent-form list: a model of that version still reads, with an
    /// empty list, and the version 3 header of the same model without its list is corrupt.
    #[test]
    fn version_2_models_read_without_frequent_forms() {
        let mut m = small_model();
        m.lex.hot.clear();
        let v3 = m.to_bytes();
        // The same payload without the list's count (4 bytes) under a version 2 header.
        let payload = &v3[20..v3.len() - 12];
        let mut v2 = MAGIC.to_vec();
        v2.extend_from_slice(&2u32.to_le_bytes());
        v2.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        v2.extend_from_slice(payload);
        v2.extend_from_slice(&checksum(payload).to_le_bytes());
        let back = Model::from_bytes(&v2).unwrap();
        assert!(back.lex.hot.is_empty());
        assert_eq!(back.to_bytes(), v3);
        let mut bad = v2.clone();
        bad[8] = 3;
        assert!(Model::from_bytes(&bad).is_err());
    }

    /// The straightforward Viterbi the fast one must equal.
    #[allow(clippy::needless_range_loop)]
    fn viterbi_ref(emis: &[[f32; NT]], trans: &[f32]) -> Vec<u8> {
        let n = emis.len();
        if n == 0 {
            return Vec::new();
        }
        let mut back = vec![[0u8; NT]; n];
        let mut cur = [f32::NEG_INFINITY; NT];
        for (t, c) in cur.iter_mut().enumerate() {
            if allowed(None, Some(t)) {
                *c = emis[0][t];
            }
        }
        for i in 1..n {
            let mut next = [f32::NEG_INFINITY; NT];
            for t in 0..NT {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u8;
                for p in 0..NT {
                    if ALLOWED[p][t] {
                        let v = cur[p] + trans[p * NT + t];
                        if v > best {
                            best = v;
                            arg = p as u8;
                        }
                    }
                }
                next[t] = best + emis[i][t];
                back[i][t] = arg;
            }
            cur = next;
        }
        let mut best = f32::NEG_INFINITY;
        let mut arg = 0usize;
        for (t, &c) in cur.iter().enumerate() {
            if allowed(Some(t), None) && c > best {
                best = c;
                arg = t;
            }
        }
        let mut out = vec![0u8; n];
        out[n - 1] = arg as u8;
        for i in (1..n).rev() {
            arg = back[i][arg] as usize;
            out[i - 1] = arg as u8;
        }
        out
    }

    #[test]
    fn viterbi_equals_reference() {
        let mut x = 0x1234_5678_9abc_def0u64;
        let mut rnd = |m: u64| {
            x = crate::features::mix(x.wrapping_add(0x9e37_79b9_7f4a_7c15));
            (x % m) as f32
        };
        let (mut back, mut out) = (Vec::new(), Vec::new());
        for round in 0..400 {
            // Small integer scores make ties common; some rounds use fractional scores.
            let m = if round % 2 == 0 { 3 } else { 1000 };
            let trans: Vec<f32> = (0..NT * NT).map(|_| rnd(m) - (m / 2) as f32).collect();
            let n = 1 + (round % 9);
            let emis: Vec<[f32; NT]> = (0..n)
                .map(|_| std::array::from_fn(|_| rnd(m) * 0.5 - m as f32 / 4.0))
                .collect();
            viterbi(&emis, &Trans::new(&trans), &mut back, &mut out);
            assert_eq!(out, viterbi_ref(&emis, &trans), "round {round}");
        }
    }

    #[test]
    #[allow(clippy::needless_range_loop)]
    fn closed_tag_sets_match_the_constraints() {
        for c in 0..NT {
            let prevs: Vec<usize> = (0..NT).filter(|&p| ALLOWED[p][c]).collect();
            if CLOSED.contains(&c) {
                assert_eq!(prevs, CLOSED_PREV);
                assert!(allowed(None, Some(c)));
            } else {
                assert_eq!(prevs, [(c - 1) / 4 * 4 + 1, (c - 1) / 4 * 4 + 2]);
                assert!(!allowed(None, Some(c)));
            }
        }
    }

    #[test]
    fn bilou_constraints() {
        // B-PER (1) → I-PER (2) / L-PER (3) only; U-PER (4) → O / B / U.
        assert!(ALLOWED[1][2] && ALLOWED[1][3] && !ALLOWED[1][0] && !ALLOWED[1][6]);
        assert!(ALLOWED[4][0] && ALLOWED[4][5] && !ALLOWED[4][2]);
        assert!(allowed(None, Some(1)) && !allowed(None, Some(2)));
        assert!(!allowed(Some(1), None) && allowed(Some(3), None));
    }
}
