//! The word tokenizer: one left-to-right pass over the bytes, with a byte-class table for
//! ASCII and `char` properties for the rest.

use crate::boundary::Starters;
use crate::lexicon;
use crate::{Span, Token, TokenKind};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const WS: u8 = 0;
const LO: u8 = 1;
const UP: u8 = 2;
const DI: u8 = 3;
const PU: u8 = 4;
const NA: u8 = 5;

static ALPHA: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphabetic();
        i += 1;
    }
    t
};

static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

static CLASS: [u8; 256] = {
    let mut t = [PU; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c >= 0x80 {
            NA
        } else if c == b' ' || c == b'\t' || c == b'\n' || c == b'\r' || c == 0x0b || c == 0x0c {
            WS
        } else if c.is_ascii_lowercase() {
            LO
        } else if c.is_ascii_uppercase() {
            UP
        } else if c.is_ascii_digit() {
            DI
        } else {
            PU
        };
        i += 1;
    }
    t
};

/// Abbreviation classes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Abbr {
    /// Precedes a name: never ends a sentence (except at the end of the text or paragraph).
    Title,
    /// May end a sentence when a typical sentence starter follows.
    Other,
}

/// FNV-1a: the word lists hold short ASCII keys, for which SipHash is needlessly slow.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type WordSet = HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>;

/// Every built-in abbreviation has at most this many bytes.
const ABBR_MAX_LEN: usize = 6;

const TITLE: u8 = 1;
const OTHER: u8 = 2;
const AMBIGUOUS: u8 = 4;
const BEFORE_NUMBER: u8 = 8;

pub(crate) struct Lexicon {
    /// Lowercase abbreviation stem -> TITLE | OTHER | AMBIGUOUS | BEFORE_NUMBER flags.
    abbr: HashMap<&'static str, u8, std::hash::BuildHasherDefault<Fnv>>,
    /// `abbr_pair[len][c0 - b'a']` has bit `c1 - b'a'` set when a key of `abbr` of `len`
    /// bytes starts with the letters `c0 c1` (all bits when its second byte is not a letter or
    /// it has one byte): a cheap filter before the hash lookup.
    abbr_pair: [[u32; 26]; ABBR_MAX_LEN + 1],
    cased: WordSet,
    prefixes: WordSet,
    pub(crate) starters: WordSet,
    pub(crate) speech: WordSet,
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let set = |l: &[&'static str]| l.iter().copied().collect::<WordSet>();
        let mut abbr: HashMap<&'static str, u8, std::hash::BuildHasherDefault<Fnv>> =
            HashMap::default();
        for (list, flag) in [
            (lexicon::TITLES, TITLE),
            (lexicon::OTHERS, OTHER),
            (lexicon::AMBIGUOUS_LOWER, AMBIGUOUS),
            (lexicon::BEFORE_NUMBER, BEFORE_NUMBER),
        ] {
            for w in list {
                *abbr.entry(w).or_insert(0) |= flag;
            }
        }
        for w in lexicon::CASED {
            // Cased forms need an entry under their lowercase stem too.
            let lw: &'static str = Box::leak(w.to_ascii_lowercase().into_boxed_str());
            abbr.entry(lw).or_insert(AMBIGUOUS);
        }
        let mut abbr_pair = [[0u32; 26]; ABBR_MAX_LEN + 1];
        for k in abbr.keys() {
            let kb = k.as_bytes();
            let len = kb.len().min(ABBR_MAX_LEN);
            match (kb[0], kb.get(1)) {
                (c0 @ b'a'..=b'z', Some(&c1 @ b'a'..=b'z')) => {
                    abbr_pair[len][usize::from(c0 - b'a')] |= 1 << (c1 - b'a');
                }
                (c0 @ b'a'..=b'z', _) => abbr_pair[len][usize::from(c0 - b'a')] = u32::MAX,
                // Not expected: disable the filter for this length.
                _ => abbr_pair[len] = [u32::MAX; 26],
            }
        }
        Lexicon {
            abbr,
            abbr_pair,
            cased: set(lexicon::CASED),
            prefixes: set(lexicon::HYPHEN_PREFIXES),
            starters: set(lexicon::STARTERS),
            speech: set(lexicon::SPEECH_VERBS),
        }
    })
}

/// Lowercases an ASCII word of at most 24 bytes into `buf`; `None` otherwise.
fn lower<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let b = w.as_bytes();
    if b.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

#[inline]
fn is_word_char(c: char) -> bool {
    // Quotes, dashes and the ellipsis (General Punctuation) are frequent in news and never
    // word chars: answered before the slower Unicode tables.
    if ('\u{2010}'..='\u{205E}').contains(&c) {
        return false;
    }
    if c.is_alphanumeric() {
        return true;
    }
    let u = c as u32;
    matches!(u,
        0x300..=0x36F | 0x483..=0x489 | 0x591..=0x5C7 | 0x610..=0x61A | 0x64B..=0x65F | 0x670
        | 0x6D6..=0x6ED | 0x900..=0x963 | 0x966..=0xDFF | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0xAD)
}

#[inline]
fn is_emoji_modifier(c: char) -> bool {
    matches!(c as u32, 0xFE0E | 0xFE0F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0x20E3)
}

/// Offset of the first `@` at or after `from` (`usize::MAX / 2` if none).
fn memchr_at(b: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // A byte of `x` is zero where the text has `@`: the mask is non-zero exactly when the
    // eight bytes hold one, and its lowest set bit marks the first one.
    let at_mask = |chunk: &[u8]| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&chunk[..8]);
        let x = u64::from_le_bytes(w) ^ (ONES * u64::from(b'@'));
        x.wrapping_sub(ONES) & !x & HI
    };
    let mut j = from;
    // Most text has no `@` for long stretches: 32 bytes at a time until a block holds one.
    while let Some(block) = b.get(j..j + 32) {
        let any = at_mask(&block[..8])
            | at_mask(&block[8..16])
            | at_mask(&block[16..24])
            | at_mask(&block[24..]);
        if any != 0 {
            break;
        }
        j += 32;
    }
    while let Some(chunk) = b.get(j..j + 8) {
        let zero = at_mask(chunk);
        if zero != 0 {
            return j + (zero.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    b.get(j..)
        .and_then(|r| r.iter().position(|&c| c == b'@'))
        .map_or(usize::MAX / 2, |p| j + p)
}

/// Whether `’` (U+2019, apostrophe or closing single quote) starts at byte `j`.
#[inline]
fn curly_apostrophe_at(b: &[u8], j: usize) -> bool {
    b.get(j..j + 3) == Some(&[0xE2, 0x80, 0x99])
}

/// Contractions written without the apostrophe that `informal_split` cuts before `nt`.
const NT: [&[u8]; 16] = [
    b"dont",
    b"didnt",
    b"doesnt",
    b"cant",
    b"wont",
    b"isnt",
    b"wasnt",
    b"arent",
    b"werent",
    b"couldnt",
    b"wouldnt",
    b"shouldnt",
    b"havent",
    b"hasnt",
    b"hadnt",
    b"aint",
];

/// The other words of letters only that `finish_word` splits.
const OTHER_SPLITS: [&[u8]; 5] = [b"cannot", b"gonna", b"gotta", b"wanna", b"im"];

/// Multiplier of the hash of [`SPLITS`] (chosen so that the 21 words fall in distinct
/// slots; `splits()` fails to compile otherwise).
const SPLIT_K: u64 = 0x77f8_e4a5_90f9_5069;

/// The words of [`NT`] and [`OTHER_SPLITS`], packed by [`pack_lower`], at their hash slot.
const SPLITS: [u64; 32] = splits();

/// A word of at most 8 bytes as a little-endian integer, ASCII letters lowercased.
const fn pack_lower(w: &[u8]) -> u64 {
    let mut x = 0u64;
    let mut k = 0;
    while k < w.len() {
        x |= ((w[k] | 0x20) as u64) << (8 * k);
        k += 1;
    }
    x
}

#[inline(always)]
const fn split_slot(x: u64) -> usize {
    (x.wrapping_mul(SPLIT_K) >> 59) as usize
}

const fn splits() -> [u64; 32] {
    let mut t = [0u64; 32];
    let mut k = 0;
    while k < NT.len() + OTHER_SPLITS.len() {
        let w = if k < NT.len() {
            NT[k]
        } else {
            OTHER_SPLITS[k - NT.len()]
        };
        let x = pack_lower(w);
        assert!(
            t[split_slot(x)] == 0,
            "SPLIT_K must give each word its own slot"
        );
        t[split_slot(x)] = x;
        k += 1;
    }
    t
}

/// Whether the word of `len` ASCII letters at `i` may be one `finish_word` splits (exact
/// unless the word ends within 8 bytes of the end of the text).
#[inline(always)]
fn may_split(b: &[u8], i: usize, len: usize) -> bool {
    match b.get(i..i + 8) {
        Some(chunk) if len <= 8 => {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            let lower = u64::from_le_bytes(w) | (u64::MAX / 0xff * 0x20);
            let x = lower & (u64::MAX >> (64 - 8 * len));
            SPLITS[split_slot(x)] == x
        }
        _ => len <= 8,
    }
}

/// Bytes of `w` (little-endian) that are not ASCII letters have their high bit set.
#[inline(always)]
fn non_alpha_mask(w: u64) -> u64 {
    const ONES: u64 = u64::MAX / 0xff;
    const HI: u64 = ONES * 0x80;
    // Folded to lowercase, every byte is at most 0x7f, so the additions never carry across
    // bytes: `x + 0x1f` has its high bit set iff `x >= 0x61` ('a'), `x + 0x05` iff
    // `x >= 0x7b` (past 'z').
    let x = (w & (ONES * 0x7f)) | (ONES * 0x20);
    let ge_a = x.wrapping_add(ONES * 0x1f);
    let gt_z = x.wrapping_add(ONES * 0x05);
    let letter = ge_a & !gt_z & !w & HI;
    !letter & HI
}

/// End of the run of ASCII letters starting at `j`.
#[inline(always)]
fn alpha_end(b: &[u8], mut j: usize) -> usize {
    // Eight bytes at a time: most words end within the first block.
    while let Some(chunk) = b.get(j..j + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let m = non_alpha_mask(u64::from_le_bytes(w));
        if m != 0 {
            return j + (m.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < b.len() && ALPHA[b[j] as usize] {
        j += 1;
    }
    j
}

/// Decodes the char at byte `i` (a char boundary).
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

pub(crate) struct Scanner<'a, 't, const MARK: bool> {
    text: &'a str,
    b: &'a [u8],
    out: Vec<Token<'a>>,
    last_end: usize,
    /// No e-mail address starts before this byte (see `email_at`).
    no_email_before: usize,
    /// Byte offset of the next `@` at or after the current word (`usize::MAX / 2` if none).
    next_at: usize,
    extra: &'t HashSet<String>,
    /// The words the learned check may split before (used when `MARK`: the tokens the
    /// sentence splitter must inspect are recorded, see `loud`).
    starters: &'static Starters,
    /// `loud[..loud_len]`: indices of the tokens that are not `sentences::quiet`.
    loud: Vec<usize>,
    loud_len: usize,
    /// The last token pushed is punctuation ending in `.`, `!` or `?`: the learned check
    /// does not look at the gap after it (when `MARK`).
    after_stop: bool,
}

impl<'a, 't, const MARK: bool> Scanner<'a, 't, MARK> {
    pub(crate) fn new(text: &'a str, extra: &'t HashSet<String>) -> Self {
        Scanner {
            text,
            b: text.as_bytes(),
            out: Vec::with_capacity(text.len() / 4 + 4),
            last_end: 0,
            no_email_before: 0,
            next_at: 0,
            extra,
            starters: crate::boundary::starters(),
            loud: Vec::new(),
            loud_len: 0,
            after_stop: false,
        }
    }

    /// The tokens, and the indices of those the sentence splitter must inspect (a superset
    /// of the tokens that are not `sentences::quiet`).
    pub(crate) fn run_marked(mut self) -> (Vec<Token<'a>>, Vec<usize>) {
        self.loud = vec![0; self.text.len() / 16 + 16];
        let tokens = self.scan();
        let mut loud = std::mem::take(&mut self.loud);
        loud.truncate(self.loud_len);
        (tokens, loud)
    }

    /// Records whether the token just pushed at `[s, e)` (after a token ending at `prev_end`)
    /// is loud, without branches on the answer.
    #[inline(always)]
    fn mark(&mut self, s: usize, prev_end: usize, quiet_kind: bool) {
        let space = self.b.get(prev_end).copied().unwrap_or(0) == b' ';
        let gap = (s == prev_end) | ((s == prev_end + 1) & space);
        let loud = !(gap & quiet_kind);
        let i = self.out.len() - 1;
        match self.loud.get_mut(self.loud_len) {
            Some(slot) => *slot = i,
            None => self.grow_loud(i),
        }
        self.loud_len += usize::from(loud);
    }

    /// Makes room in `loud` and stores `i` at `loud_len` (rare: `loud` starts with room for a
    /// token in 16 bytes of text).
    #[cold]
    #[inline(never)]
    fn grow_loud(&mut self, i: usize) {
        self.loud.resize(self.loud.len() * 2 + 16, 0);
        self.loud[self.loud_len] = i;
    }

    #[inline(always)]
    fn push(&mut self, s: usize, e: usize, kind: TokenKind) {
        if s >= e {
            return;
        }
        let space_before = s == 0 || s > self.last_end;
        let text = &self.text[s..e];
        self.out.push(Token {
            text,
            span: Span::new(s, e),
            kind,
            space_before,
        });
        if MARK {
            let q = crate::sentences::quiet_kind(
                kind,
                text.as_bytes(),
                self.starters,
                !self.after_stop,
            );
            self.mark(s, self.last_end, q);
            let last = text.as_bytes().last().copied().unwrap_or(0);
            self.after_stop =
                (kind == TokenKind::Punct) & ((last == b'.') | (last == b'!') | (last == b'?'));
        }
        self.last_end = e;
    }

    /// Pushes a non-empty ASCII word `[s, e)`.
    #[inline(always)]
    fn push_word(&mut self, s: usize, e: usize) {
        let space_before = s == 0 || s > self.last_end;
        let text = &self.text[s..e];
        self.out.push(Token {
            text,
            span: Span::new(s, e),
            kind: TokenKind::Word,
            space_before,
        });
        if MARK {
            let q = crate::sentences::quiet_kind(
                TokenKind::Word,
                text.as_bytes(),
                self.starters,
                !self.after_stop,
            );
            self.mark(s, self.last_end, q);
            self.after_stop = false;
        }
        self.last_end = e;
    }

    #[inline]
    fn class(&self, i: usize) -> u8 {
        match self.b.get(i) {
            Some(&c) => CLASS[c as usize],
            None => WS,
        }
    }

    /// Is the char at byte `i` a word char (letter, digit, mark)?
    #[inline]
    fn word_at(&self, i: usize) -> bool {
        match self.class(i) {
            LO | UP | DI => true,
            NA => char_at(self.text, i).is_some_and(is_word_char),
            _ => false,
        }
    }

    /// Is position `i` the end of text or whitespace?
    #[inline]
    fn space_at(&self, i: usize) -> bool {
        match self.class(i) {
            WS => true,
            NA => char_at(self.text, i).is_some_and(char::is_whitespace),
            _ => false,
        }
    }

    fn space_before(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let c = self.b[i - 1];
        if c < 0x80 {
            return CLASS[c as usize] == WS;
        }
        self.text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace)
    }

    pub(crate) fn run(mut self) -> Vec<Token<'a>> {
        self.scan()
    }

    fn scan(&mut self) -> Vec<Token<'a>> {
        let b = self.b;
        let n = b.len();
        let mut i = 0;
        while i < n {
            let c = b[i];
            let class = CLASS[c as usize];
            // Letters first: most tokens are plain words.
            if (class == LO) | (class == UP) {
                // Fast path: letters followed by a space, a line break or a comma (no URL,
                // e-mail, clitic or abbreviation can be involved).
                let j = alpha_end(b, i + 1);
                let end = if j < n { b[j] } else { b' ' };
                let len = j - i;
                if (end == b' ') | (end == b'\n') | (end == b',') {
                    // No URL, e-mail, clitic or abbreviation can be involved; only the
                    // words that `finish_word` splits (`cannot`, `gonna`, `im`, `dont`, ...).
                    if may_split(b, i, len) {
                        self.finish_word(i, j, true);
                    } else {
                        self.push_word(i, j);
                    }
                    if end == b',' {
                        self.push(j, j + 1, TokenKind::Punct);
                    }
                    // The separator is consumed here.
                    i = j + 1;
                } else if end == b'.'
                    && matches!(b.get(j + 1), None | Some(b' ' | b'\n'))
                    // `www.` is a URL.
                    && !(len == 3 && b[i..j].eq_ignore_ascii_case(b"www"))
                {
                    i = self.word_then_period(i, j);
                } else if end == b'\'' {
                    // A clitic or a closing quote: no URL or e-mail address holds `'`.
                    i = self.apostrophe(i, j, 1, false);
                } else if curly_apostrophe_at(b, j) {
                    // The same with `’`.
                    i = self.apostrophe(i, j, 3, false);
                } else if end == 0xE2
                    && b.get(j + 1) == Some(&0x80)
                    && b.get(j + 2).is_some_and(|&c| (0x90..=0xBF).contains(&c))
                {
                    // Another quote, a dash or an ellipsis (U+2010..U+203F) ends the word.
                    if may_split(b, i, len) {
                        self.finish_word(i, j, true);
                    } else {
                        self.push_word(i, j);
                    }
                    i = j;
                } else {
                    i = self.word(i, j);
                }
                continue;
            }
            match class {
                WS => i += 1,
                DI => {
                    // Fast path: digits followed by a space or a line break.
                    let mut j = i + 1;
                    while j < n && b[j].is_ascii_digit() {
                        j += 1;
                    }
                    if j >= n || matches!(b[j], b' ' | b'\n') {
                        self.push(i, j, TokenKind::Number);
                        // The separator is consumed here.
                        i = j + 1;
                    } else {
                        i = self.word(i, i);
                    }
                }
                PU if c == b',' => {
                    self.push(i, i + 1, TokenKind::Punct);
                    i += 1;
                }
                PU => i = self.punct(i),
                _ => {
                    let c = match char_at(self.text, i) {
                        Some(c) => c,
                        None => {
                            i += 1;
                            continue;
                        }
                    };
                    if c.is_whitespace() {
                        i += c.len_utf8();
                    } else if is_word_char(c) {
                        i = self.word(i, i);
                    } else {
                        i = self.unicode_punct(i, c);
                    }
                }
            }
        }
        std::mem::take(&mut self.out)
    }

    /// Cheap test before [`Scanner::url_at`]: `www.` or a `:` where a scheme would end.
    #[inline]
    fn url_hint(&self, i: usize) -> bool {
        let r = &self.b[i..];
        r.len() > 6
            && (r[..4].eq_ignore_ascii_case(b"www.")
                || r[3] == b':'
                || r[4] == b':'
                || r[5] == b':'
                || r[6] == b':')
    }

    /// Length of the URL starting at `i`, if one starts there.
    fn url_at(&self, i: usize) -> Option<usize> {
        let rest = &self.b[i..];
        let starts = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        if !(starts(b"http://")
            || starts(b"https://")
            || starts(b"ftp://")
            || starts(b"www.")
            || starts(b"mailto:"))
        {
            return None;
        }
        let mut e = i;
        while e < self.b.len() && !self.space_at(e) {
            e += match char_at(self.text, e) {
                Some(c) => c.len_utf8(),
                None => 1,
            };
        }
        // Trailing punctuation is not part of the URL (a `)` is if the URL opened one).
        let opens = self.b[i..e].iter().filter(|&&c| c == b'(').count();
        let mut closes = self.b[i..e].iter().filter(|&&c| c == b')').count();
        loop {
            let t = &self.text[i..e];
            let Some(c) = t.chars().next_back() else {
                break;
            };
            let strip = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '”' | '’' | '>' | ']' | '}' => {
                    true
                }
                ')' if closes > opens => {
                    closes -= 1;
                    true
                }
                _ => false,
            };
            if !strip || e - i <= 8 {
                break;
            }
            e -= c.len_utf8();
        }
        Some(e - i)
    }

    /// End of the e-mail address starting at `i`, if one starts there.
    fn email_at(&mut self, i: usize) -> Option<usize> {
        if i < self.no_email_before {
            return None;
        }
        let b = self.b;
        let mut j = i;
        while j < b.len()
            && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'.' | b'_' | b'%' | b'+' | b'-'))
        {
            j += 1;
        }
        if j >= b.len()
            || b[j] != b'@'
            || j == i
            || !b.get(j + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            self.no_email_before = j.max(i + 1);
            return None;
        }
        let mut e = j + 1;
        while e < b.len() && (b[e].is_ascii_alphanumeric() || matches!(b[e], b'.' | b'-')) {
            e += 1;
        }
        while e > j + 1 && matches!(b[e - 1], b'.' | b'-') {
            e -= 1;
        }
        Some(e)
    }

    /// Is the next word after whitespace (from byte `i`) the end of the text, a paragraph
    /// break, or a typical sentence starter?
    fn final_lookahead(&self, i: usize, title: bool) -> bool {
        let mut j = i;
        let mut newlines = 0;
        while j < self.b.len() && self.space_at(j) {
            if self.b[j] == b'\n' {
                newlines += 1;
            }
            j += char_at(self.text, j).map_or(1, char::len_utf8);
        }
        if j >= self.b.len() || newlines >= 2 {
            return true;
        }
        if title || j == i {
            return false;
        }
        let mut e = j;
        while e < self.b.len() && self.b[e].is_ascii_alphabetic() {
            e += 1;
        }
        if e == j || !self.b[j].is_ascii_uppercase() || self.word_at(e) {
            return false;
        }
        lexicon().starters.contains(&self.text[j..e])
    }

    /// Is `w` (without its period) an abbreviation? `after` is the byte after the period.
    fn abbreviation(&self, w: &str, after: usize) -> Option<Abbr> {
        let extra = !self.extra.is_empty() && self.extra.contains(w);
        if w.len() > ABBR_MAX_LEN && !extra {
            return None;
        }
        let lex = lexicon();
        if let (false, Some(&c0)) = (extra, w.as_bytes().first()) {
            let (c0, c1) = (c0 | 0x20, w.as_bytes().get(1).map_or(b'a', |c| c | 0x20));
            if c0.is_ascii_lowercase()
                && c1.is_ascii_lowercase()
                && lex.abbr_pair[w.len()][usize::from(c0 - b'a')] & (1 << (c1 - b'a')) == 0
            {
                return None;
            }
        }
        let mut buf = [0u8; 24];
        let lw = lower(w, &mut buf)?;
        let flags = lex.abbr.get(lw).copied().unwrap_or(0);
        if flags == 0 && !extra {
            return None;
        }
        if flags & BEFORE_NUMBER != 0 {
            let mut j = after;
            while j < self.b.len() && self.b[j] == b' ' {
                j += 1;
            }
            if !(j > after && self.b.get(j).is_some_and(u8::is_ascii_digit)) {
                return None;
            }
            return Some(Abbr::Title);
        }
        if extra {
            return Some(Abbr::Other);
        }
        let title = flags & TITLE != 0;
        if lex.cased.contains(w) {
            return Some(if title { Abbr::Title } else { Abbr::Other });
        }
        // (b. 1950), (d. 2001), (m. 1977), (c. 1640): single letters after a bracket.
        if w.len() == 1 {
            let open = self.text[..after - 2].ends_with('(');
            let number = self.b.get(after) == Some(&b' ')
                && self.b.get(after + 1).is_some_and(u8::is_ascii_digit);
            return if open || number {
                Some(Abbr::Title)
            } else {
                None
            };
        }
        if flags & AMBIGUOUS != 0 {
            return None;
        }
        if title {
            return Some(Abbr::Title);
        }
        if flags & OTHER != 0 {
            return Some(Abbr::Other);
        }
        None
    }

    /// The word `[start, j)` followed by a period at `j` (not `..`), if it is an abbreviation
    /// or an initial: pushes its token(s) and returns the end. `internal_period`: the word
    /// holds periods itself (`U.S`); `any_letter`: it is not a number.
    fn abbreviated(
        &mut self,
        start: usize,
        j: usize,
        internal_period: bool,
        any_letter: bool,
    ) -> Option<usize> {
        let initial = j - start == 1 && self.b[start].is_ascii_uppercase();
        let abbr = if (internal_period && any_letter) || initial {
            Abbr::Other
        } else if !any_letter {
            return None;
        } else {
            self.abbreviation(&self.text[start..j], j + 1)?
        };
        if self.final_lookahead(j + 1, abbr == Abbr::Title) {
            self.push(start, j, TokenKind::Word);
            self.push(j, j + 1, TokenKind::Punct);
        } else {
            self.push(start, j + 1, TokenKind::Word);
        }
        Some(j + 1)
    }

    /// The word of ASCII letters `[start, j)` followed by a period and whitespace or the end
    /// of the text (most sentence ends): what [`Scanner::word`] and [`Scanner::punct`] would
    /// push, without their checks for URLs, e-mail addresses and number formats, none of
    /// which can match here. Returns the end.
    fn word_then_period(&mut self, start: usize, j: usize) -> usize {
        if let Some(e) = self.abbreviated(start, j, false, true) {
            return e;
        }
        if may_split(self.b, start, j - start) {
            self.finish_word(start, j, true);
        } else {
            self.push_word(start, j);
        }
        self.push(j, j + 1, TokenKind::Punct);
        j + 1
    }

    /// Scans a word or number starting at `start` and pushes its token(s); returns the end.
    /// The bytes `start..scanned` are already known to be ASCII letters.
    fn word(&mut self, start: usize, scanned: usize) -> usize {
        let b = self.b;
        let n = b.len();
        if matches!(
            b[start],
            b'h' | b'H' | b'f' | b'F' | b'w' | b'W' | b'm' | b'M'
        ) && self.url_hint(start)
        {
            if let Some(len) = self.url_at(start) {
                self.push(start, start + len, TokenKind::Url);
                return start + len;
            }
        }
        if self.next_at < start {
            self.next_at = memchr_at(b, start);
        }
        if self.next_at - start <= 64 && b[start] < 0x80 {
            if let Some(e) = self.email_at(start) {
                self.push(start, e, TokenKind::Email);
                return e;
            }
        }
        let mut j = scanned;
        let mut seg = start;
        let mut internal_period = false;
        let mut had_letter = false;
        loop {
            // Consume word chars.
            while j < n {
                let c = b[j];
                if ALNUM[c as usize] {
                    j += 1;
                } else if c >= 0x80 {
                    match char_at(self.text, j) {
                        Some(ch) if is_word_char(ch) => j += ch.len_utf8(),
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            if j >= n || j == seg || CLASS[b[j] as usize] == WS {
                break;
            }
            let seg_digits = b[seg..j].iter().all(u8::is_ascii_digit);
            let any_letter = had_letter || !seg_digits;
            had_letter = any_letter;
            let c = b[j];
            let next_word = self.word_at(j + 1);
            match c {
                b'.' if next_word => {
                    let nd = b.get(j + 1).is_some_and(u8::is_ascii_digit);
                    let seg_len = j - seg;
                    if (seg_digits && nd)
                        || (!seg_digits && seg_len <= 2 && !nd)
                        || self.tld_at(j + 1)
                    {
                        internal_period = true;
                        j += 1;
                        seg = j;
                        continue;
                    }
                    break;
                }
                b'.' => {
                    // A period after the word: abbreviation, initial, or punctuation.
                    if b.get(j + 1) == Some(&b'.') {
                        break;
                    }
                    match self.abbreviated(start, j, internal_period, any_letter) {
                        Some(e) => return e,
                        None => break,
                    }
                }
                b',' if seg_digits && b.get(j + 1).is_some_and(u8::is_ascii_digit) => {
                    // 1,000 (three digits follow) but not "5,6" lists in general text.
                    let d = b[j + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
                    if d == 3 {
                        j += 1;
                        seg = j;
                        continue;
                    }
                    break;
                }
                b':' if seg_digits && b.get(j + 1).is_some_and(u8::is_ascii_digit) => {
                    j += 1;
                    seg = j;
                    continue;
                }
                b'/' if next_word => {
                    let nd = b.get(j + 1).is_some_and(u8::is_ascii_digit);
                    if (seg_digits && nd)
                        || (j - seg == 1 && !seg_digits && self.single_letter_at(j + 1))
                    {
                        j += 1;
                        seg = j;
                        continue;
                    }
                    break;
                }
                b'&' if next_word
                    && b[j - 1].is_ascii_uppercase()
                    && b.get(j + 1).is_some_and(u8::is_ascii_uppercase) =>
                {
                    j += 1;
                    seg = j;
                    continue;
                }
                b'-' => {
                    if next_word {
                        let nd = b.get(j + 1).is_some_and(u8::is_ascii_digit);
                        let mut buf = [0u8; 24];
                        let prefix = lower(&self.text[seg..j], &mut buf)
                            .is_some_and(|p| lexicon().prefixes.contains(p));
                        if (seg_digits && nd) || prefix {
                            j += 1;
                            seg = j;
                            continue;
                        }
                    } else if self.space_at(j + 1) && !seg_digits && j - start <= 6 && start == seg
                    {
                        // A cut-off word in speech: "th- that".
                        if self.space_before(start) {
                            j += 1;
                        }
                    }
                    break;
                }
                b'\'' => return self.apostrophe(start, j, 1, seg_digits),
                0xE2 if curly_apostrophe_at(b, j) => {
                    return self.apostrophe(start, j, 3, seg_digits)
                }
                _ => break,
            }
        }
        let any_letter = !self.b[start].is_ascii_digit()
            || !self.b[start..j].iter().all(|c| !c.is_ascii_alphabetic());
        self.finish_word(start, j, any_letter);
        j
    }

    fn single_letter_at(&self, i: usize) -> bool {
        self.b.get(i).is_some_and(u8::is_ascii_alphabetic) && !self.word_at(i + 1)
    }

    /// Does a common top-level domain or file extension start at `i` (ending the word)?
    fn tld_at(&self, i: usize) -> bool {
        const TLD: &[&[u8]] = &[
            b"com", b"org", b"net", b"gov", b"edu", b"uk", b"io", b"html", b"htm", b"pdf", b"doc",
            b"docx", b"xls", b"txt", b"jpg", b"png", b"ca", b"de", b"fr", b"au", b"us", b"info",
            b"biz", b"tv", b"php", b"asp", b"aspx",
        ];
        let mut e = i;
        while e < self.b.len() && self.b[e].is_ascii_alphanumeric() {
            e += 1;
        }
        if self.word_at(e) || (e < self.b.len() && self.b[e] == b'.' && self.word_at(e + 1)) {
            return false;
        }
        let w = &self.b[i..e];
        TLD.iter().any(|t| t.eq_ignore_ascii_case(w))
    }

    /// Pushes the word `[start, end)`, splitting `cannot`, `gonna`, `wanna`, `gotta`.
    fn finish_word(&mut self, start: usize, end: usize, any_letter: bool) {
        if (end - start == 6 || end - start == 5)
            && matches!(self.b[start] | 0x20, b'c' | b'g' | b'w')
        {
            let w = &self.text[start..end];
            let cut = if w.eq_ignore_ascii_case("cannot")
                || w.eq_ignore_ascii_case("gonna")
                || w.eq_ignore_ascii_case("wanna")
                || w.eq_ignore_ascii_case("gotta")
            {
                3
            } else {
                0
            };
            if cut > 0 {
                self.push(start, start + cut, TokenKind::Word);
                self.push(start + cut, end, TokenKind::Word);
                return;
            }
        }
        if let Some(cut) = self.informal_split(start, end) {
            self.push(start, cut, TokenKind::Word);
            self.push(cut, end, TokenKind::Word);
            return;
        }
        // 10am, 7:30PM: the number and the time of day are separate words.
        let b = self.b;
        if end - start >= 3
            && b[start].is_ascii_digit()
            && b[end - 3].is_ascii_digit()
            && matches!(b[end - 2] | 0x20, b'a' | b'p')
            && b[end - 1] | 0x20 == b'm'
        {
            self.push(start, end - 2, TokenKind::Number);
            self.push(end - 2, end, TokenKind::Word);
            return;
        }
        let kind = if !any_letter
            || (self.b[start].is_ascii_digit() && self.all_digits_then_s(start, end))
        {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        self.push(start, end, kind);
    }

    /// Contractions written without the apostrophe, split as UD does: `dont` → `do|nt`,
    /// `im` → `i|m`. Returns where to cut.
    #[inline]
    fn informal_split(&self, start: usize, end: usize) -> Option<usize> {
        let w = &self.b[start..end];
        let n = w.len();
        if n == 2 && w.eq_ignore_ascii_case(b"im") {
            return Some(start + 1);
        }
        if !(4..=8).contains(&n) || w[n - 1] | 0x20 != b't' || w[n - 2] | 0x20 != b'n' {
            return None;
        }
        NT.iter()
            .any(|c| c.eq_ignore_ascii_case(w))
            .then_some(end - 2)
    }

    fn all_digits_then_s(&self, start: usize, end: usize) -> bool {
        let w = &self.b[start..end];
        w.last() == Some(&b's') && w[..w.len() - 1].iter().all(u8::is_ascii_digit)
    }

    /// An apostrophe of `alen` bytes at `j` inside the word that starts at `start`.
    fn apostrophe(&mut self, start: usize, j: usize, alen: usize, seg_digits: bool) -> usize {
        let b = self.b;
        let k = j + alen;
        let mut e = k;
        while e < b.len() && b[e].is_ascii_alphabetic() && e - k < 3 {
            e += 1;
        }
        let ends = !self.word_at(e);
        let rest = &b[k..e];
        let l = |s: &[u8]| rest.eq_ignore_ascii_case(s);
        // n't
        if ends && l(b"t") && j > start && matches!(b[j - 1], b'n' | b'N') {
            let cut = j - 1;
            if cut > start {
                self.push(start, cut, TokenKind::Word);
            }
            self.push(cut, e, TokenKind::Word);
            return e;
        }
        if ends && (l(b"s") || l(b"m") || l(b"d") || l(b"ll") || l(b"re") || l(b"ve")) {
            if seg_digits && l(b"s") {
                self.push(start, e, TokenKind::Number);
                return e;
            }
            self.push(start, j, TokenKind::Word);
            self.push(j, e, TokenKind::Word);
            return e;
        }
        if self.word_at(k) {
            // O'Brien, rock'n'roll: continue the word.
            let mut e2 = k;
            loop {
                if self.word_at(e2) {
                    e2 += char_at(self.text, e2).map_or(1, char::len_utf8);
                } else if b.get(e2) == Some(&b'\'') && self.word_at(e2 + 1) {
                    if self.clitic_at(e2 + 1) {
                        // O'Brien's: the clitic is split as usual.
                        self.push(start, e2, TokenKind::Word);
                        return self.apostrophe(e2, e2, 1, false);
                    }
                    e2 += 1;
                } else {
                    break;
                }
            }
            self.push(start, e2, TokenKind::Word);
            return e2;
        }
        // Apostrophe or quote after the word: players' / reasons,’
        self.push(start, j, TokenKind::Word);
        let kind = if matches!(b[j - 1], b's' | b'S') && !self.close_quote_context(k) {
            TokenKind::Word
        } else {
            TokenKind::CloseQuote
        };
        let e = if b.get(k) == Some(&b'\'') && alen == 1 {
            k + 1
        } else {
            k
        };
        self.push(j, e, if e > k { TokenKind::CloseQuote } else { kind });
        e
    }

    /// Does a clitic (`s`, `ll`, `re`, `ve`, `m`, `d`) followed by a word end start at `k`?
    fn clitic_at(&self, k: usize) -> bool {
        let b = self.b;
        let mut e = k;
        while e < b.len() && b[e].is_ascii_alphabetic() && e - k < 3 {
            e += 1;
        }
        let r = &b[k..e];
        !self.word_at(e)
            && [&b"s"[..], b"ll", b"re", b"ve", b"m", b"d"]
                .iter()
                .any(|c| r.eq_ignore_ascii_case(c))
    }

    /// After a possible closing quote at `i`: is the next thing punctuation or a line end
    /// (so the mark closes a quote rather than marking a plural possessive)?
    fn close_quote_context(&self, i: usize) -> bool {
        match self.b.get(i) {
            None => false,
            Some(&c) => matches!(c, b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'\n'),
        }
    }

    /// Is the previous token an opener (start, space, bracket, dash, quote)?
    fn opening_context(&self, i: usize) -> bool {
        if i == 0 || self.space_before(i) {
            return true;
        }
        let c = self.b[i - 1];
        if matches!(c, b'(' | b'[' | b'{' | b'-' | b'/' | b'"' | b'\'') {
            return true;
        }
        self.text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '—' | '–' | '“' | '‘' | '«'))
    }

    fn run_of(&self, i: usize, set: &[u8]) -> usize {
        let mut e = i;
        while e < self.b.len() && set.contains(&self.b[e]) {
            e += 1;
        }
        e
    }

    fn punct(&mut self, i: usize) -> usize {
        let b = self.b;
        let c = b[i];
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        match c {
            b'.' | b'!' | b'?' => {
                if c == b'.' && next.is_ascii_digit() && self.opening_context(i) {
                    // .5
                    let mut e = i + 1;
                    while e < b.len() && b[e].is_ascii_digit() {
                        e += 1;
                    }
                    self.push(i, e, TokenKind::Number);
                    return e;
                }
                let e = self.run_of(i, b".!?");
                self.push(i, e, TokenKind::Punct);
                e
            }
            b'=' if matches!(next, b')' | b'(')
                && (i + 2 >= b.len() || self.space_at(i + 2))
                && self.space_before(i) =>
            {
                // =) emoticon
                self.push(i, i + 2, TokenKind::Symbol);
                i + 2
            }
            b'-' | b'*' | b'_' | b'=' | b'<' | b'>' | b'+' | b'~' | b'^' | b'|' => {
                let e = self.run_of(i, &[c]);
                let kind = if matches!(c, b'-' | b'_') || e - i > 1 {
                    TokenKind::Punct
                } else {
                    TokenKind::Symbol
                };
                self.push(i, e, kind);
                e
            }
            b':' | b';' => {
                let mut e = i + 1;
                if next == b'-' {
                    e += 1;
                }
                let m = b.get(e).copied().unwrap_or(b' ');
                if matches!(m, b')' | b'(')
                    && (e + 1 >= b.len() || self.space_at(e + 1))
                    && (e > i + 1 || self.space_before(i))
                {
                    self.push(i, e + 1, TokenKind::Symbol);
                    return e + 1;
                }
                self.push(i, i + 1, TokenKind::Punct);
                i + 1
            }
            b'"' => {
                let kind = if self.opening_context(i) {
                    TokenKind::OpenQuote
                } else {
                    TokenKind::CloseQuote
                };
                self.push(i, i + 1, kind);
                i + 1
            }
            b'\'' => {
                if next == b'\'' {
                    // `''` closes a quotation in PTB style, but some newspapers open with it
                    // too: ` ''Throughout the tour ...`.
                    let kind = if self.opening_context(i) && !self.space_at(i + 2) {
                        TokenKind::OpenQuote
                    } else {
                        TokenKind::CloseQuote
                    };
                    self.push(i, i + 2, kind);
                    return i + 2;
                }
                self.lone_apostrophe(i, 1)
            }
            b'`' => {
                let e = self.run_of(i, b"`");
                self.push(i, e, TokenKind::OpenQuote);
                e
            }
            b'@' => {
                let e = self.run_handle(i + 1);
                if e > i + 1 {
                    self.push(i, e, TokenKind::Handle);
                    return e;
                }
                self.push(i, i + 1, TokenKind::Symbol);
                i + 1
            }
            b'#' => {
                if b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
                    let e = self.run_handle(i + 1);
                    self.push(i, e, TokenKind::Hashtag);
                    return e;
                }
                self.push(i, i + 1, TokenKind::Symbol);
                i + 1
            }
            b'$' | b'%' | b'&' | b'\\' => {
                self.push(i, i + 1, TokenKind::Symbol);
                i + 1
            }
            _ => {
                self.push(i, i + 1, TokenKind::Punct);
                i + 1
            }
        }
    }

    fn run_handle(&self, i: usize) -> usize {
        let mut e = i;
        while e < self.b.len() && (self.b[e].is_ascii_alphanumeric() || self.b[e] == b'_') {
            e += 1;
        }
        e
    }

    /// An apostrophe (`'` or `’`, `alen` bytes) that does not continue a word.
    fn lone_apostrophe(&mut self, i: usize, alen: usize) -> usize {
        let b = self.b;
        let k = i + alen;
        // '90s, ’72
        if b.get(k).is_some_and(u8::is_ascii_digit)
            && b.get(k + 1).is_some_and(u8::is_ascii_digit)
            && !b.get(k + 2).is_some_and(u8::is_ascii_digit)
        {
            let mut e = k + 2;
            if b.get(e) == Some(&b's') && !self.word_at(e + 1) {
                e += 1;
            }
            if !self.word_at(e) {
                self.push(i, e, TokenKind::Number);
                return e;
            }
        }
        if self.opening_context(i) {
            if self.space_before(i) || i == 0 {
                // a clitic after a space ("'s" written apart) stays a word
                let mut e = k;
                while e < b.len() && b[e].is_ascii_alphabetic() && e - k < 3 {
                    e += 1;
                }
                let r = &b[k..e];
                if !self.word_at(e)
                    && i > 0
                    && (r.eq_ignore_ascii_case(b"s")
                        || r.eq_ignore_ascii_case(b"ll")
                        || r.eq_ignore_ascii_case(b"re")
                        || r.eq_ignore_ascii_case(b"ve"))
                    && self.prev_is_word()
                {
                    self.push(i, e, TokenKind::Word);
                    return e;
                }
            }
            if self.space_at(k) {
                self.push(i, k, TokenKind::Punct);
            } else {
                self.push(i, k, TokenKind::OpenQuote);
            }
            return k;
        }
        // After a non-word token such as `)` or `”`: clitic ("#'s") or closing quote.
        let mut e = k;
        while e < b.len() && b[e].is_ascii_alphabetic() && e - k < 2 {
            e += 1;
        }
        let r = &b[k..e];
        let clitic = r.eq_ignore_ascii_case(b"s")
            || (self.prev_is_word()
                && (r.eq_ignore_ascii_case(b"ve")
                    || r.eq_ignore_ascii_case(b"ll")
                    || r.eq_ignore_ascii_case(b"re")
                    || r.eq_ignore_ascii_case(b"d")
                    || r.eq_ignore_ascii_case(b"m")));
        if e > k && !self.word_at(e) && clitic {
            self.push(i, e, TokenKind::Word);
            return e;
        }
        self.push(i, k, TokenKind::CloseQuote);
        k
    }

    fn prev_is_word(&self) -> bool {
        self.out
            .last()
            .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
    }

    fn unicode_punct(&mut self, i: usize, c: char) -> usize {
        let l = c.len_utf8();
        let kind = match c {
            '’' => {
                let n2 = self.text[i + l..].starts_with('’');
                if n2 {
                    self.push(i, i + 2 * l, TokenKind::CloseQuote);
                    return i + 2 * l;
                }
                return self.lone_apostrophe(i, l);
            }
            '‘' | '‚' => {
                if self.text[i + l..].starts_with('’') {
                    self.push(i, i + 2 * l, TokenKind::Punct);
                    return i + 2 * l;
                }
                // ‘72 written with the wrong mark
                TokenKind::OpenQuote
            }
            '“' | '„' | '«' | '‹' | '「' | '『' => TokenKind::OpenQuote,
            '”' | '»' | '›' | '」' | '』' => {
                if self.opening_context(i) && !self.space_at(i + l) && i > 0 && self.space_before(i)
                {
                    TokenKind::OpenQuote
                } else {
                    TokenKind::CloseQuote
                }
            }
            '—' | '–' | '―' | '‒' | '…' => {
                let mut e = i + l;
                while self.text[e..].starts_with(c) {
                    e += l;
                }
                self.push(i, e, TokenKind::Punct);
                return e;
            }
            _ => {
                let u = c as u32;
                if (0x2010..=0x205E).contains(&u)
                    || (0x3000..=0x303F).contains(&u)
                    || (0xFF00..=0xFF0F).contains(&u)
                    || matches!(c, '¡' | '¿' | '§' | '¶' | '·' | '¨')
                {
                    TokenKind::Punct
                } else {
                    // Symbols and emoji, with their modifiers and ZWJ sequences.
                    let mut e = i + l;
                    loop {
                        match char_at(self.text, e) {
                            Some(m) if is_emoji_modifier(m) => e += m.len_utf8(),
                            Some('\u{200D}') => {
                                e += 3;
                                if let Some(m) = char_at(self.text, e) {
                                    if !m.is_whitespace() {
                                        e += m.len_utf8();
                                    }
                                }
                            }
                            _ => break,
                        }
                    }
                    self.push(i, e, TokenKind::Symbol);
                    return e;
                }
            }
        };
        self.push(i, i + l, kind);
        i + l
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_alpha_mask_matches_the_table_for_every_byte() {
        for c in 0..=255u8 {
            for pos in 0..8 {
                let mut w = [b'a'; 8];
                w[pos] = c;
                let m = non_alpha_mask(u64::from_le_bytes(w));
                let expected = if ALPHA[c as usize] {
                    0
                } else {
                    0x80u64 << (8 * pos)
                };
                assert_eq!(m, expected, "byte {c:#x} at {pos}");
            }
        }
    }

    #[test]
    fn alpha_end_finds_the_end_of_letter_runs() {
        let text = "Senators overwhelmingly approved it, 62-38; Édouard said no.";
        let b = text.as_bytes();
        for i in 0..b.len() {
            let slow = i + b[i..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            assert_eq!(alpha_end(b, i), slow, "from {i}");
        }
    }

    #[test]
    fn may_split_finds_exactly_the_words_finish_word_splits() {
        let pad = |w: &str| format!("{w} and more text");
        for w in NT.iter().chain(&OTHER_SPLITS) {
            let w = std::str::from_utf8(w).unwrap();
            assert!(may_split(pad(w).as_bytes(), 0, w.len()), "{w}");
            let upper = w.to_ascii_uppercase();
            assert!(may_split(pad(&upper).as_bytes(), 0, w.len()), "{upper}");
        }
        for w in [
            "went", "want", "percent", "can", "go", "i", "cannon", "gonnas", "Imam",
        ] {
            assert!(!may_split(pad(w).as_bytes(), 0, w.len()), "{w}");
        }
        // Within 8 bytes of the end of the text the answer is "maybe" for short words.
        assert!(may_split(b"went", 0, 4));
        assert!(!may_split(b"government", 0, 10));
    }

    #[test]
    fn general_punctuation_holds_no_word_char() {
        for c in '\u{2010}'..='\u{205E}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn memchr_at_finds_the_next_at_sign() {
        let text = "Write to press@example.org or @newsdesk before noon, not @ 5.";
        let b = text.as_bytes();
        for i in 0..=b.len() {
            let slow = b[i..]
                .iter()
                .position(|&c| c == b'@')
                .map_or(usize::MAX / 2, |p| i + p);
            assert_eq!(memchr_at(b, i), slow, "from {i}");
        }
        // Every position in and around the 32- and 8-byte blocks; `A` (0x41) next to the
        // `@` (0x40) is where a carry in the zero-byte test would show.
        for len in 0..80 {
            for at in (0..len).map(Some).chain([None]) {
                let mut b = vec![b'A'; len];
                if let Some(p) = at {
                    b[p] = b'@';
                }
                for from in 0..=len {
                    let expected = at.filter(|&p| p >= from).unwrap_or(usize::MAX / 2);
                    assert_eq!(
                        memchr_at(&b, from),
                        expected,
                        "len {len} at {at:?} from {from}"
                    );
                }
            }
        }
    }
}
