//! Feature extraction shared by recognition and training: hashed features, no allocation per
//! feature.

use crate::lexicon::Lexicon;
use crate::names::{self, Match};

/// Number of tags: `O` plus B/I/L/U for four types.
pub(crate) const NT: usize = 17;

/// 64-bit mixer (splitmix64 finalizer).
#[inline]
pub(crate) fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[inline]
pub(crate) fn comb(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(17) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Feature key of template `t` with two components.
#[inline]
pub(crate) fn fkey(t: u64, a: u64, b: u64) -> u32 {
    let h = comb(comb(t.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x5555, a), b);
    let k = (h >> 32) as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

/// Streaming FNV-1a over chars, finished with `mix`.
#[derive(Clone, Copy)]
pub(crate) struct Hasher(u64);

impl Hasher {
    #[inline]
    pub(crate) fn new(seed: u64) -> Hasher {
        Hasher(0xcbf2_9ce4_8422_2325 ^ seed)
    }
    #[inline]
    pub(crate) fn push(&mut self, c: char) {
        self.0 ^= c as u64;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }
    #[inline]
    pub(crate) fn finish(&self) -> u64 {
        mix(self.0)
    }
}

/// Hash of a word form, exactly as written (FNV-1a over its bytes, finished with `mix`): the
/// key of the model's list of frequent forms ([`crate::lexicon::Lexicon::hot`]). Part of the
/// model format: changing it makes the shipped list useless (not wrong).
pub(crate) fn form_hash(w: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &b in w.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// Normalizes typographic characters to the ASCII forms of CoNLL-style text.
#[inline]
pub(crate) fn norm_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{00ab}' | '\u{00bb}' => '"',
        '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// Hash of the lowercased, digit-normalized form of a word (the lexicon key).
pub(crate) fn lower_hash(w: &str) -> u64 {
    let mut h = Hasher::new(2);
    for c in w.chars() {
        let c = norm_char(c);
        if c.is_ascii_digit() {
            h.push('0');
        } else if c.is_ascii() {
            h.push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                h.push(l);
            }
        }
    }
    h.finish()
}

/// Per-token precomputed hashes and flags.
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct Tok {
    pub word: u64,
    pub lower: u64,
    pub shape: u64,
    pub sshape: u64,
    pub pre: [u64; 4],
    pub suf: [u64; 4],
    pub fine: u64,
    pub coarse: u64,
    pub capb: u64,
    pub person: u64,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Has a letter and no lowercase letter.
    pub upper: bool,
    /// Has a lowercase letter and no uppercase one.
    pub lowercase: bool,
    pub alpha: bool,
    pub len: u8,
    /// Lowercase hash of the part after the last hyphen ("al-Assad" → "assad"), 0 if none.
    pub tail: u64,
    /// Cluster and capitalisation bucket of the tail.
    pub tail_lex: u64,
    /// Name-table flags of the word alone (see [`crate::names`]).
    pub gaz: u16,
}

const BOS: u64 = 0x1111_2222_3333_4444;
const EOS: u64 = 0x5555_6666_7777_8888;

impl Tok {
    pub(crate) fn new(w: &str, lex: &Lexicon) -> Tok {
        let mut word = Hasher::new(1);
        let mut lower = Hasher::new(2);
        let mut shape = Hasher::new(3);
        let mut sshape = Hasher::new(4);
        let mut pre = [Hasher::new(5); 4];
        let mut has_up = false;
        let mut has_low = false;
        let mut alpha = false;
        let mut first_up = false;
        let mut last_cls = '\0';
        let mut n = 0usize;
        let mut shape_len = 0;
        // ring of the last 4 lowercased chars for suffixes
        let mut last = ['\0'; 4];
        let mut tail = Hasher::new(2);
        let mut tail_len = 0usize;
        let mut hyphen = false;
        for (i, c) in w.chars().enumerate() {
            let c = norm_char(c);
            let l = if c.is_ascii_digit() {
                '0'
            } else if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                c.to_lowercase().next().unwrap_or(c)
            };
            word.push(if c.is_ascii_digit() { '0' } else { c });
            lower.push(l);
            if c == '-' {
                hyphen = true;
                tail = Hasher::new(2);
                tail_len = 0;
            } else {
                tail.push(l);
                tail_len += 1;
            }
            let cls = if c.is_uppercase() {
                has_up = true;
                alpha = true;
                if i == 0 {
                    first_up = true;
                }
                'X'
            } else if c.is_lowercase() {
                has_low = true;
                alpha = true;
                'x'
            } else if c.is_numeric() {
                'd'
            } else if c.is_alphabetic() {
                alpha = true;
                'a'
            } else {
                c
            };
            if shape_len < 8 {
                shape.push(cls);
                shape_len += 1;
            }
            if cls != last_cls {
                sshape.push(cls);
                last_cls = cls;
            }
            for (k, p) in pre.iter_mut().enumerate() {
                if i <= k {
                    p.push(l);
                }
            }
            last = [last[1], last[2], last[3], l];
            n += 1;
        }
        let mut pre_h = [0u64; 4];
        let mut suf_h = [0u64; 4];
        for k in 0..4 {
            pre_h[k] = if n > k { pre[k].finish() } else { 0 };
            if n > k {
                let mut h = Hasher::new(6);
                for &c in &last[3 - k..] {
                    h.push(c);
                }
                suf_h[k] = h.finish();
            }
        }
        let lower_h = lower.finish();
        let (tail_h, tail_lex) = if hyphen && tail_len > 1 {
            let h = tail.finish();
            let lx = lex.get(h).map_or(1, |e| {
                comb(comb(e.fine as u64 + 2, e.capb as u64 + 2), e.person as u64)
            });
            (h, lx)
        } else {
            (0, 0)
        };
        let (fine, coarse, capb, person) = match lex.get(lower_h) {
            Some(e) => (
                e.fine as u64 + 1,
                e.coarse as u64 + 1,
                e.capb as u64 + 1,
                e.person as u64 + 1,
            ),
            None => (0, 0, 0, 0),
        };
        Tok {
            gaz: lex.names.get(crate::names::start(lower_h)),
            word: word.finish(),
            lower: lower_h,
            shape: shape.finish(),
            sshape: sshape.finish(),
            pre: pre_h,
            suf: suf_h,
            fine,
            coarse,
            capb,
            person,
            cap: first_up,
            upper: has_up && !has_low,
            lowercase: has_low && !has_up,
            alpha,
            len: n.min(255) as u8,
            tail: tail_h,
            tail_lex,
        }
    }
}

/// Sentence-level context used by local features.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SentCtx {
    /// No lowercase letters in the sentence (and some letters).
    pub all_caps: bool,
    /// First sentence of its document (often a headline).
    pub first: bool,
    /// Many numeric tokens: a results table row or a list.
    pub table: bool,
    /// No uppercase letters in the sentence (and some letters).
    pub all_lower: bool,
    /// Title case (a headline), see [`SentCtx::of`].
    pub title: bool,
}

impl SentCtx {
    pub(crate) fn of(toks: &[Tok], first: bool) -> SentCtx {
        let any_alpha = toks.iter().any(|t| t.alpha);
        let any_lower = toks.iter().any(|t| t.alpha && !t.upper);
        let numeric = toks.iter().filter(|t| !t.alpha && t.len > 0).count();
        let all_caps = any_alpha && !any_lower;
        let all_lower = any_alpha && !toks.iter().any(|t| t.alpha && !t.lowercase);
        // Title case: the words of four letters or more after the first are (nearly) all
        // capitalised, as in a headline ("Merkel Visits Paris Amid Budget Row").
        let (mut long, mut capped) = (0usize, 0usize);
        for t in toks.iter().skip(1).filter(|t| t.alpha && t.len >= 4) {
            long += 1;
            capped += t.cap as usize;
        }
        SentCtx {
            all_caps,
            first,
            table: numeric * 3 >= toks.len() && toks.len() >= 3,
            all_lower,
            title: !all_caps && long >= 3 && capped * 5 >= long * 4,
        }
    }

    /// 0 mixed case, 1 all caps, 2 all lowercase, 3 title case.
    #[inline]
    pub(crate) fn case_mode(&self) -> u64 {
        if self.all_caps {
            1
        } else if self.all_lower {
            2
        } else if self.title {
            3
        } else {
            0
        }
    }
}

/// Pushes the local feature keys of token `i` of sentence `s`; `gz` holds the name-list
/// matches of the sentence ([`crate::names::matches`]). Training uses this; recognition
/// calls the same parts ([`local_self`], [`local_pos`], [`prev1`], [`next1`], [`prev2`],
/// [`next2`], [`local_ctx`]) but caches the ones that depend only on a word.
pub(crate) fn local(s: &[Tok], gz: &[Match], i: usize, ctx: SentCtx, out: &mut Vec<u32>) {
    let n = s.len();
    let at = |j: isize| usize::try_from(j).ok().and_then(|j| s.get(j));
    let ii = i as isize;
    local_self(&s[i], ctx, out);
    local_pos(&s[i], position(i, n), n, ctx, out);
    out.extend(prev1(at(ii - 1)));
    out.extend(next1(at(ii + 1)));
    out.extend(prev2(at(ii - 2)));
    out.extend(next2(at(ii + 2)));
    local_ctx(s, gz, i, ctx, out);
}

/// Local features of a token that depend only on the token itself and the sentence context
/// (case mode, first sentence, table), a subset of [`local`].
pub(crate) fn local_self(t: &Tok, ctx: SentCtx, out: &mut Vec<u32>) {
    let caps = ctx.case_mode();
    out.push(fkey(0, 0, 0));
    out.push(fkey(1, t.word, 0));
    out.push(fkey(2, t.lower, 0));
    out.push(fkey(3, t.shape, 0));
    out.push(fkey(4, t.sshape, 0));
    for k in 0..4 {
        if t.pre[k] != 0 && (t.len as usize) > k + 1 {
            out.push(fkey(5 + k as u64, t.pre[k], 0));
            out.push(fkey(9 + k as u64, t.suf[k], 0));
        }
    }
    out.push(fkey(23, caps, t.sshape));
    out.push(fkey(24, caps, t.lower));
    out.push(fkey(25, t.capb, 0));
    out.push(fkey(28, t.fine, 0));
    out.push(fkey(29, t.coarse, 0));
    out.push(fkey(33, t.fine, t.sshape));
    out.push(fkey(34, (ctx.first as u64) * 2 + caps, t.sshape));
    out.push(fkey(35, t.len.min(12) as u64, t.cap as u64));
    out.push(fkey(44, ctx.table as u64, t.lower));
    out.push(fkey(47, t.person, t.cap as u64));
    if ctx.all_lower {
        out.push(fkey(49, t.capb, t.person));
        out.push(fkey(50, t.fine, 2));
    }
    if t.tail != 0 {
        out.push(fkey(45, t.tail, 0));
        out.push(fkey(46, t.tail_lex, t.cap as u64));
    }
}

/// Local features of token `i` that depend only on the previous token `t` (`None`: sentence
/// start).
#[inline]
pub(crate) fn prev1(t: Option<&Tok>) -> [u32; 4] {
    let f = |g: fn(&Tok) -> u64| t.map_or(BOS, g);
    [
        fkey(13, f(|x| x.lower), 0),
        fkey(17, f(|x| x.sshape), 0),
        fkey(30, f(|x| x.fine), 0),
        fkey(41, f(|x| x.word), 0),
    ]
}

/// Local features of token `i` that depend only on the next token.
#[inline]
pub(crate) fn next1(t: Option<&Tok>) -> [u32; 4] {
    let f = |g: fn(&Tok) -> u64| t.map_or(EOS, g);
    [
        fkey(14, f(|x| x.lower), 0),
        fkey(18, f(|x| x.sshape), 0),
        fkey(31, f(|x| x.fine), 0),
        fkey(42, f(|x| x.word), 0),
    ]
}

/// Local features of token `i` that depend only on the token at `i - 2`.
#[inline]
pub(crate) fn prev2(t: Option<&Tok>) -> [u32; 1] {
    [fkey(15, t.map_or(BOS, |x| x.lower), 0)]
}

/// Local features of token `i` that depend only on the token at `i + 2`.
#[inline]
pub(crate) fn next2(t: Option<&Tok>) -> [u32; 1] {
    [fkey(16, t.map_or(EOS, |x| x.lower), 0)]
}

/// Local features of a token that depend on the token, its position `pos` ([`position`]) and
/// the sentence length `n` (capped at 8).
#[inline]
pub(crate) fn local_pos(t: &Tok, pos: u64, n: usize, ctx: SentCtx, out: &mut Vec<u32>) {
    let caps = ctx.case_mode();
    out.push(fkey(22, pos, t.sshape));
    out.push(fkey(26, comb(t.capb, caps), (pos == 1) as u64));
    out.push(fkey(36, n.min(8) as u64, t.sshape));
    out.push(fkey(40, ctx.table as u64, comb(t.sshape, pos)));
}

/// The local features of token `i` not in [`local_self`], [`local_pos`], [`prev1`],
/// [`next1`], [`prev2`], [`next2`]: those combining the token with its neighbours, and the
/// name-list matches `gz` of the sentence.
pub(crate) fn local_ctx(s: &[Tok], gz: &[Match], i: usize, ctx: SentCtx, out: &mut Vec<u32>) {
    let t = &s[i];
    let get = |j: isize| usize::try_from(j).ok().and_then(|j| s.get(j));
    let ii = i as isize;
    let lw = |j: isize, bound: u64| get(j).map_or(bound, |x| x.lower);
    let sh = |j: isize, bound: u64| get(j).map_or(bound, |x| x.sshape);
    let co = |j: isize, bound: u64| get(j).map_or(bound, |x| x.coarse);
    let cb = |j: isize, bound: u64| get(j).map_or(bound, |x| x.capb);
    let pe = |j: isize, bound: u64| get(j).map_or(bound, |x| x.person);
    let (lp, ln) = (lw(ii - 1, BOS), lw(ii + 1, EOS));
    let (cp, cn) = (co(ii - 1, BOS), co(ii + 1, EOS));
    out.push(fkey(19, comb(sh(ii - 1, BOS), t.sshape), sh(ii + 1, EOS)));
    out.push(fkey(20, lp, t.lower));
    out.push(fkey(21, t.lower, ln));
    out.push(fkey(27, cb(ii - 1, BOS), cb(ii + 1, EOS)));
    out.push(fkey(32, cp, cn));
    out.push(fkey(37, t.word, lp));
    out.push(fkey(38, cp, t.sshape));
    out.push(fkey(39, t.sshape, cn));
    out.push(fkey(43, lp, ln));
    out.push(fkey(48, pe(ii - 1, BOS), pe(ii + 1, EOS)));
    if ctx.all_lower {
        out.push(fkey(51, cb(ii - 1, BOS), t.capb));
    }
    names_features(gz, i, ctx, out);
}

/// Name-list features of token `i`: each category of its match with the position in the
/// match; the category set with position, capitalisation of the match and case mode; the
/// categories of the neighbours' matches.
#[inline]
pub(crate) fn names_features(gz: &[Match], i: usize, ctx: SentCtx, out: &mut Vec<u32>) {
    let m = gz.get(i).copied().unwrap_or(0);
    let c = names::cats(m) as u64;
    let prev = i
        .checked_sub(1)
        .and_then(|j| gz.get(j))
        .map_or(0, |&x| names::cats(x));
    let next = gz.get(i + 1).map_or(0, |&x| names::cats(x));
    if c != 0 {
        let pos = (m >> 8 & 3) as u64;
        let capped = (m >> 10 & 1) as u64;
        let mut bits = c;
        while bits != 0 {
            let b = bits.trailing_zeros() as u64;
            out.push(fkey(60, b, pos));
            bits &= bits - 1;
        }
        out.push(fkey(61, c, comb(pos, capped * 4 + ctx.case_mode())));
    }
    if prev != 0 || next != 0 {
        out.push(fkey(62, comb(prev as u64, next as u64), c));
    }
}

/// Position class of token `i` of `n`: 1 first, 2 second, 3 last, 4 other.
#[inline]
pub(crate) fn position(i: usize, n: usize) -> u64 {
    if i == 0 {
        1
    } else if i == 1 {
        2
    } else if i + 1 == n {
        3
    } else {
        4
    }
}

/// Per-document statistics from pass-1 predictions, keyed by lowercase hash.
#[derive(Clone, Default, Debug)]
pub(crate) struct WordStats {
    /// Counts of pass-1 tags over all occurrences.
    pub tags: [u16; NT],
    /// Occurrences capitalised, not sentence-initial, in a mixed-case sentence.
    pub cap_mid: u16,
    /// Occurrences all lowercase.
    pub low: u16,
    /// Pass-1 tag of the first occurrence.
    pub first_tag: u8,
    /// Token index (document-wide) of the first occurrence.
    pub first_at: u32,
}

impl WordStats {
    /// The pass-1 tags of the word's other occurrences (this occurrence's tag `own` left
    /// out), as the document features see them.
    pub(crate) fn others(&self, own: usize) -> Others {
        let mut o = Others {
            tags: [0; NT],
            types: [0; 5],
            total: 0,
            best: 0,
        };
        for (tag, &c) in self.tags.iter().enumerate() {
            let c = c as u32 - (tag == own) as u32;
            if c > 0 {
                o.tags[tag] = c;
                o.total += c;
                o.types[tag_type(tag)] += c;
            }
        }
        for k in 1..5 {
            if o.types[k] > o.types[o.best] {
                o.best = k;
            }
        }
        o
    }
}

/// See [`WordStats::others`].
pub(crate) struct Others {
    /// Count of each tag.
    pub tags: [u32; NT],
    /// Counts per tag type (0 = O).
    pub types: [u32; 5],
    /// All other occurrences.
    pub total: u32,
    /// The most frequent type (the first on ties; 0 when there are none).
    pub best: usize,
}

impl Others {
    /// The share of type `k` among the other occurrences, in quarters (0 to 4).
    pub(crate) fn share(&self, k: usize) -> u32 {
        (self.types[k] * 4)
            .checked_div(self.total)
            .unwrap_or(0)
            .min(4)
    }
}

/// The type of a tag (0 = O, 1..=4 types).
#[inline]
pub(crate) fn tag_type(t: usize) -> usize {
    if t == 0 {
        0
    } else {
        (t - 1) / 4 + 1
    }
}

/// Pushes the document-level feature keys of a token.
///
/// `own` is this occurrence's pass-1 tag and `own_cap_mid`/`own_low` its own contributions,
/// removed from the statistics so the features describe the *other* occurrences.
#[allow(clippy::too_many_arguments)]
pub(crate) fn doc(
    t: &Tok,
    p1: &[u8],
    i: usize,
    st: &WordStats,
    doc_idx: u32,
    own_cap_mid: bool,
    own_low: bool,
    ctx: SentCtx,
    out: &mut Vec<u32>,
) {
    let own = p1[i] as usize;
    let n = p1.len();
    out.push(fkey(100, own as u64, 0));
    out.push(fkey(
        101,
        if i > 0 { p1[i - 1] as u64 } else { 99 },
        own as u64,
    ));
    out.push(fkey(
        102,
        own as u64,
        if i + 1 < n { p1[i + 1] as u64 } else { 99 },
    ));
    if !t.alpha {
        return;
    }
    let others = st.others(own);
    for (tag, &c) in others.tags.iter().enumerate().skip(1) {
        if c > 0 {
            out.push(fkey(103, tag as u64, 0));
        }
    }
    let caps = ctx.case_mode();
    if others.total > 0 {
        let best = others.best as u64;
        out.push(fkey(104, best, 0));
        out.push(fkey(105, best, comb(t.sshape, caps)));
        for k in 1..5 {
            if others.types[k] > 0 {
                out.push(fkey(106, k as u64, others.share(k) as u64));
            }
        }
    } else {
        out.push(fkey(107, caps, t.sshape));
    }
    if st.first_at != doc_idx {
        out.push(fkey(108, st.first_tag as u64, 0));
    }
    let cap_mid = st.cap_mid as u32 - own_cap_mid as u32;
    let low = st.low as u32 - own_low as u32;
    out.push(fkey(
        109,
        comb((cap_mid > 0) as u64, (low > 0) as u64),
        comb(caps, t.cap as u64),
    ));
}
