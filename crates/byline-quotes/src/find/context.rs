//! The per-document context every stage reads: the tokens, each token's lower-case text,
//! line starts, quotation marks and regions, the entities and their genders, the cue
//! lexicon; plus small token helpers (spans trimmed of punctuation, token by offset).

use super::marks::{regions, Region};
use super::resolve::{genders, Gender};
use crate::lexicon::{CueStat, Lexicon};
use byline_entities::Entities;
use byline_tokenize::{Analysis, Span, Token};
use std::cell::Cell;

#[inline]
pub(crate) fn is_word(t: &Token<'_>) -> bool {
    // (most tokens start with a letter or digit: no char decoding for them)
    t.text
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
        || t.text.chars().any(char::is_alphanumeric)
}

/// `s.to_lowercase()`, borrowed when `s` is lower-case ASCII already.
pub(crate) fn lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

pub(crate) fn is_cap(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// What the stages know of one document. Per-token facts are stored compactly (a few bytes
/// a token) so that memory stays linear and small on any input.
pub(crate) struct Ctx<'a, 'l> {
    pub(crate) text: &'a str,
    pub(crate) tokens: &'a [Token<'a>],
    /// One bit a token: its text is not lower case already, and `lowered` holds its
    /// lower-case form (see [`Ctx::lower`]).
    has_lowered: Vec<u64>,
    /// Per 64 tokens, how many tokens before them have a lower-case form in `lowered`: with
    /// the bits of `has_lowered`, the index of a token's form without a search (a fifth of
    /// a byte a token where an index per token took four).
    lowered_before: Vec<u32>,
    /// Start and end in `lowered_text` of the lower-case texts of tokens with capitals, in
    /// token order.
    lowered: Vec<(u32, u32)>,
    lowered_text: String,
    /// Each token's word classes (see [`crate::words`]), looked up once.
    classes: Vec<u16>,
    /// Each token's cue in the lexicon ([`crate::lexicon::Entry::cue`]), looked up with its
    /// classes. Two bytes a token: `u16::MAX` stands for an index that does not fit, looked
    /// up again by word (the embedded lexicon has 1,500 cue words).
    cues: Vec<u16>,
    /// One bit a token: the token is a word ([`is_word`]).
    word_bits: Vec<u64>,
    /// Per 64 tokens (and once past the last), how many words come before them: with
    /// `word_bits`, the words of any token range without a scan (see [`Ctx::words`]).
    words_before: Vec<u32>,
    /// Token starts a new line.
    pub(crate) starts_line: Vec<bool>,
    /// Token is (part of) a quotation mark.
    pub(crate) is_mark: Vec<bool>,
    /// One bit a token: the token is inside the content of a region (which one,
    /// [`Ctx::region_at`] searches).
    in_region: Vec<u64>,
    /// The double-quotation regions, sorted by offset and disjoint (see [`regions`]).
    pub(crate) regions: Vec<Region>,
    pub(crate) entities: &'a Entities,
    /// The gender the document gives each entity cluster (see [`genders`]).
    pub(crate) gender: Vec<Gender>,
    pub(crate) lexicon: &'l Lexicon,
    pub(crate) min_prob: f32,
    pub(crate) min_count: u32,
    /// Where the last [`Ctx::region_at`], [`Ctx::token_at`] and [`Ctx::region_opened_at`]
    /// look-ups landed: the next one searches outward from there (see [`partition_from`]).
    pub(crate) region_hint: Cell<usize>,
    pub(crate) token_hint: Cell<usize>,
    pub(crate) opened_hint: Cell<usize>,
    /// What the last [`coord_end`](super::content::coord_end) search learned: for unit end
    /// `.0`, no clause break in `.1..2` (and one at `.2` unless it is the unit's last token).
    pub(crate) coord_memo: Cell<(usize, usize, usize)>,
    /// Cluster name words to clusters (see [`index_cluster_names`]), built on first use.
    pub(crate) clusters_by_word: std::cell::OnceCell<std::collections::HashMap<&'a str, usize>>,
}

impl<'a, 'l> Ctx<'a, 'l> {
    pub(crate) fn new(
        analysis: &'a Analysis<'a>,
        entities: &'a Entities,
        lexicon: &'l Lexicon,
        min_prob: f32,
        min_count: u32,
    ) -> Self {
        let text = analysis.text();
        let tokens = analysis.tokens();
        let regions = regions(text);
        let n = tokens.len();
        let bytes = text.as_bytes();
        let mut starts_line = Vec::with_capacity(n);
        let mut is_mark = Vec::with_capacity(n);
        let mut word_bits = vec![0u64; n.div_ceil(64)];
        let mut in_region = vec![0u64; n.div_ceil(64)];
        let mut has_lowered = vec![0u64; n.div_ceil(64)];
        let mut lowered = Vec::new();
        let mut lowered_text = String::new();
        let mut word_classes = Vec::with_capacity(n);
        let mut cues = Vec::with_capacity(n);
        let mut prev_end = 0;
        // the first region that does not end before the token (regions and tokens are both
        // sorted by offset: a merge walk), and where it opens
        let mut r = 0;
        let mut next_open = regions.first().map_or(usize::MAX, |g| g.open().start);
        // One pass over the tokens for all per-token facts.
        for (i, t) in tokens.iter().enumerate() {
            let (w, bit) = (i / 64, 1u64 << (i % 64));
            // (a line break in the gap before the token: a byte scan, the gap is short)
            starts_line.push(
                i == 0
                    || bytes
                        .get(prev_end..t.span.start)
                        .is_some_and(|g| g.contains(&b'\n')),
            );
            prev_end = t.span.end;
            if is_word(t) {
                word_bits[w] |= bit;
            }
            // marks and region contents
            let mut mark = false;
            if t.span.end > next_open {
                while r < regions.len() && regions[r].outer().end <= t.span.start {
                    r += 1;
                }
                next_open = regions.get(r).map_or(usize::MAX, |g| g.open().start);
                let mut k = r;
                while k < regions.len() && regions[k].open().start < t.span.end {
                    let g = regions[k];
                    let overlaps = |s: Span| s.start < t.span.end && t.span.start < s.end;
                    if overlaps(g.open()) || g.close().is_some_and(overlaps) {
                        mark = true;
                    } else if g.inner().start <= t.span.start && t.span.end <= g.inner().end {
                        in_region[w] |= bit;
                    }
                    k += 1;
                }
            }
            is_mark.push(mark);
            // each token's word classes and cue, looked up in the same pass (as
            // `lexicon.entry(ctx.lower(i))`)
            let (ascii, upper) = ascii_and_capitals(t.text.as_bytes());
            let word = if ascii && !upper {
                t.text
            } else {
                // (the same as `lowercase`, but ASCII is lower-cased in place, without a
                // string per token)
                let start = lowered_text.len();
                if ascii {
                    lowered_text.push_str(t.text);
                    lowered_text[start..].make_ascii_lowercase();
                } else {
                    lowered_text.push_str(&t.text.to_lowercase());
                }
                let off = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
                has_lowered[w] |= bit;
                let (a, b) = (off(start), off(lowered_text.len()));
                lowered.push((a, b));
                lowered_text.get(a as usize..b as usize).unwrap_or("")
            };
            let entry = lexicon.entry(word);
            word_classes.push(entry.classes);
            cues.push(u16::try_from(entry.cue).unwrap_or(u16::MAX));
        }
        let mut words_before = rank_directory(&word_bits);
        words_before.push(word_bits.iter().map(|w| w.count_ones()).sum());
        let mut ctx = Ctx {
            classes: word_classes,
            cues,
            text,
            tokens,
            lowered_before: rank_directory(&has_lowered),
            has_lowered,
            lowered,
            lowered_text,
            word_bits,
            words_before,
            starts_line,
            is_mark,
            in_region,
            regions,
            entities,
            gender: Vec::new(),
            lexicon,
            min_prob,
            min_count,
            clusters_by_word: std::cell::OnceCell::new(),
            region_hint: Cell::new(0),
            token_hint: Cell::new(0),
            opened_hint: Cell::new(0),
            coord_memo: Cell::new((usize::MAX, 0, 0)),
        };
        ctx.gender = genders(&ctx);
        ctx
    }

    /// Token `i`'s text in lower case ("" past the end).
    #[inline]
    pub(crate) fn lower(&self, i: usize) -> &str {
        let Some(t) = self.tokens.get(i) else {
            return "";
        };
        let (w, bit) = (i / 64, 1u64 << (i % 64));
        let bits = self.has_lowered[w];
        if bits & bit == 0 {
            return t.text;
        }
        let k = self.lowered_before[w] as usize + (bits & (bit - 1)).count_ones() as usize;
        let (a, b) = self.lowered[k];
        self.lowered_text.get(a as usize..b as usize).unwrap_or("")
    }

    /// Whether token `i`'s word belongs to any of the classes in `class` (false past the
    /// end).
    #[inline]
    pub(crate) fn is(&self, i: usize, class: u16) -> bool {
        self.classes.get(i).is_some_and(|c| c & class != 0)
    }

    /// The lexicon's statistics of token `i`'s word, if it is a cue word (`None` past the
    /// end).
    #[inline]
    pub(crate) fn cue_stat(&self, i: usize) -> Option<CueStat> {
        match *self.cues.get(i)? {
            u16::MAX => self.cue_stat_by_word(i),
            cue => self.lexicon.stat(u32::from(cue)),
        }
    }

    /// [`Ctx::cue_stat`] for a token whose cue index did not fit in two bytes.
    #[cold]
    #[inline(never)]
    fn cue_stat_by_word(&self, i: usize) -> Option<CueStat> {
        self.lexicon.stat(self.lexicon.entry(self.lower(i)).cue)
    }

    /// The region whose content holds token `i` (not its marks), if any.
    #[inline]
    pub(crate) fn region_at(&self, i: usize) -> Option<usize> {
        // Regions are sorted and disjoint, marks included: the only candidate is the last
        // region opening at or before the token (a binary search instead of a per-token
        // index, 4 bytes a token, that made most of the finder's memory on marks-only text).
        // (most tokens are in no region: the bit rejects them, inlined)
        if self.in_region.get(i / 64)? & (1 << (i % 64)) == 0 {
            return None;
        }
        self.region_holding(i)
    }

    /// [`Ctx::region_at`] for a token inside a region's content.
    fn region_holding(&self, i: usize) -> Option<usize> {
        let t = self.tokens.get(i)?.span;
        let regions = &self.regions;
        let after = partition_from(regions.len(), self.region_hint.get(), |k| {
            regions[k].open().start <= t.start
        });
        self.region_hint.set(after);
        let r = after.checked_sub(1)?;
        let g = regions[r];
        let overlaps = |s: Span| s.start < t.end && t.start < s.end;
        let inside = g.inner().start <= t.start && t.end <= g.inner().end;
        (inside && !overlaps(g.open()) && !g.close().is_some_and(overlaps)).then_some(r)
    }

    /// Whether token `i` is a word ([`is_word`]; false past the end), from its bit.
    #[inline]
    pub(crate) fn is_word_at(&self, i: usize) -> bool {
        self.word_bits
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Number of word tokens in `a..b` (0 when `b <= a`; `b` at most the number of tokens).
    #[inline]
    pub(crate) fn words(&self, a: usize, b: usize) -> usize {
        if b <= a {
            return 0;
        }
        let rank = |i: usize| {
            let (w, bit) = (i / 64, 1u64 << (i % 64));
            let bits = self.word_bits.get(w).copied().unwrap_or(0);
            self.words_before.get(w).copied().unwrap_or(0) as usize
                + (bits & (bit - 1)).count_ones() as usize
        };
        rank(b) - rank(a)
    }

    pub(crate) fn is_punct(&self, i: usize, set: &[&str]) -> bool {
        set.contains(&self.tokens[i].text)
    }

    /// Index of the first token that ends after byte `byte` (the token holding it, else
    /// the next one).
    pub(crate) fn token_at(&self, byte: usize) -> usize {
        let tokens = self.tokens;
        let i = partition_from(tokens.len(), self.token_hint.get(), |k| {
            tokens[k].span.end <= byte
        });
        self.token_hint.set(i);
        i
    }

    pub(crate) fn span(&self, a: usize, b: usize) -> Option<Span> {
        // tokens a..b, trimmed of punctuation at both ends
        let (mut a, mut b) = (a, b);
        while a < b && !self.is_word_at(a) {
            a += 1;
        }
        while b > a && !self.is_word_at(b - 1) {
            b -= 1;
        }
        (a < b).then(|| Span::new(self.tokens[a].span.start, self.tokens[b - 1].span.end))
    }
}

/// Whether `bytes` are all ASCII, and whether any is an ASCII capital: eight bytes a step
/// (tokens are short; a byte loop's set-up cost more than its work).
fn ascii_and_capitals(bytes: &[u8]) -> (bool, bool) {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let (mut high, mut capitals) = (0u64, 0u64);
    let mut add = |x: u64| {
        high |= x & HIGHS;
        // (on the low seven bits no sum carries into the next byte)
        let low = x & !HIGHS;
        let from_a = low.wrapping_add(ONES * (0x80 - u64::from(b'A')));
        let past_z = low.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1));
        capitals |= from_a & !past_z & !x & HIGHS;
    };
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        add(u64::from_le_bytes(w));
    }
    let mut w = 0u64;
    for (k, &b) in chunks.remainder().iter().enumerate() {
        w |= u64::from(b) << (8 * k);
    }
    add(w);
    (high == 0, capitals != 0)
}

/// Per word of `bits`, the number of bits set in the words before it.
fn rank_directory(bits: &[u64]) -> Vec<u32> {
    let mut before = 0u32;
    bits.iter()
        .map(|w| {
            let r = before;
            before += w.count_ones();
            r
        })
        .collect()
}

/// The partition point of `pred` over `0..len` (as [`slice::partition_point`]: `pred` holds
/// for a prefix of the indices, then never), searched outward from `hint` by doubling steps,
/// then by halving. A look-up near the last one costs a few steps whatever `len`, so stages
/// that ask in text order stay linear in time, where a binary search over the whole document
/// grows as its logarithm (and a cache miss a step on big documents).
pub(crate) fn partition_from(len: usize, hint: usize, pred: impl Fn(usize) -> bool) -> usize {
    let hint = hint.min(len);
    // all of 0..lo hold, none of hi..len
    let (mut lo, mut hi);
    if hint < len && pred(hint) {
        lo = hint + 1;
        hi = len;
        let mut step = 1;
        while hint + step < len {
            if pred(hint + step) {
                lo = hint + step + 1;
                step *= 2;
            } else {
                hi = hint + step;
                break;
            }
        }
    } else {
        lo = 0;
        hi = hint;
        let mut step = 1;
        while step <= hint {
            if pred(hint - step) {
                lo = hint - step + 1;
                break;
            }
            hi = hint - step;
            step *= 2;
        }
    }
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::test_support::{token, with_ctx};

    #[test]
    fn per_token_facts() {
        let text = "Tom said:\n“We Won.”";
        with_ctx(text, |ctx| {
            let we = token(ctx, "We");
            assert!(ctx.starts_line[token(ctx, "“")]);
            assert!(!ctx.starts_line[we]);
            assert!(ctx.is_mark[token(ctx, "“")]);
            assert_eq!(ctx.region_at(we), Some(0));
            assert_eq!(ctx.region_at(0), None);
            assert_eq!(ctx.lower(we), "we");
            assert_eq!(ctx.lower(999), "");
            assert_eq!(
                ctx.token_at(text.find("Won").unwrap_or(0)),
                token(ctx, "Won")
            );
            // punctuation trimmed at both ends
            assert_eq!(ctx.span(0, 3).map(|s| s.text(text)), Some("Tom said"));
        });
    }

    #[test]
    fn lower_case_forms_past_the_first_64_tokens() {
        let text = "The Mayor of ÉTÉ said no. ".repeat(30);
        with_ctx(&text, |ctx| {
            assert!(ctx.tokens.len() > 150);
            for (i, t) in ctx.tokens.iter().enumerate() {
                assert_eq!(ctx.lower(i), t.text.to_lowercase(), "token {i}");
            }
            assert_eq!(ctx.lower(ctx.tokens.len()), "");
        });
    }

    #[test]
    fn partition_from_any_hint_agrees_with_partition_point() {
        for len in 0..40usize {
            for cut in 0..=len {
                let v: Vec<bool> = (0..len).map(|k| k < cut).collect();
                for hint in 0..len + 3 {
                    assert_eq!(
                        partition_from(len, hint, |k| v[k]),
                        cut,
                        "{len} {cut} {hint}"
                    );
                }
            }
        }
    }

    #[test]
    fn word_counts_match_a_scan() {
        for reps in [1, 9, 16, 40] {
            let text = "He said: “No — 3, again.” ".repeat(reps);
            with_ctx(&text, |ctx| {
                let n = ctx.tokens.len();
                for a in 0..=n {
                    for b in [a.saturating_sub(1), a, a + 1, a + 63, a + 64, n] {
                        let b = b.min(n);
                        let scan = (a..b).filter(|&i| is_word(&ctx.tokens[i])).count();
                        assert_eq!(ctx.words(a, b), scan, "{a}..{b} of {n}");
                        assert_eq!(ctx.is_word_at(a), a < n && is_word(&ctx.tokens[a]));
                    }
                }
            });
        }
    }

    #[test]
    fn lowercase_borrows_only_lowercase_ascii() {
        for w in ["said", "Said", "ÉTÉ", "été", "", "x-ray", "ΟΔΟΣ"] {
            let l = lowercase(w);
            assert_eq!(l, w.to_lowercase());
            let borrowed = matches!(l, std::borrow::Cow::Borrowed(_));
            assert_eq!(borrowed, w.is_ascii() && w == w.to_lowercase(), "{w}");
        }
    }

    #[test]
    fn ascii_and_capitals_of_every_byte() {
        for b in 0..=255u8 {
            for pad in [0, 3, 7, 8, 13] {
                let mut bytes = vec![b'a'; pad];
                bytes.push(b);
                bytes.extend_from_slice(b"xyz");
                let want = (
                    bytes.iter().all(u8::is_ascii),
                    bytes.iter().any(u8::is_ascii_uppercase),
                );
                assert_eq!(ascii_and_capitals(&bytes), want, "{b:#x} after {pad}");
            }
        }
        assert_eq!(ascii_and_capitals(b""), (true, false));
    }

    #[test]
    fn cue_indexes_past_two_bytes_are_looked_up_by_word() {
        // 70,000 cue words: the last ones' indexes do not fit in a token's two bytes
        let tsv: String = (0..70_000)
            .map(|k| format!("zq{k}\t{}\t100\t0\n", k % 100))
            .collect();
        let lexicon = Lexicon::parse(&tsv).expect("a valid lexicon");
        let text = "Zq5 zq69999 zq65534 zq65535 zq3 said.";
        let analysis = byline_tokenize::analyze(text);
        let entities = byline_entities::Recognizer::new().recognize(&analysis);
        let ctx = Ctx::new(&analysis, &entities, &lexicon, 0.2, 3);
        for i in 0..ctx.tokens.len() {
            let want = lexicon.stat(lexicon.entry(ctx.lower(i)).cue);
            assert_eq!(ctx.cue_stat(i), want, "{}", ctx.tokens[i].text);
        }
        assert_eq!(ctx.cue_stat(1).map(|s| s.count), Some(99));
        assert_eq!(ctx.cue_stat(0).map(|s| s.count), Some(5));
    }
}
