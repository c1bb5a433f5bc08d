//! Clitics and contractions: `do|n't`, `Syria|’s`, `can|not`, `gon|na`, lone apostrophes.

use super::bytes::*;
use super::Scanner;
use crate::TokenKind;

/// Contractions written without the apostrophe that `informal_split` cuts before `nt`.
pub(super) const NT: [&[u8]; 16] = [
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
pub(super) const OTHER_SPLITS: [&[u8]; 5] = [b"cannot", b"gonna", b"gotta", b"wanna", b"im"];

/// Multiplier of the hash of [`SPLITS`] (chosen so that the 21 words fall in distinct
/// slots; `splits()` fails to compile otherwise).
pub(super) const SPLIT_K: u64 = 0x77f8_e4a5_90f9_5069;

/// The words of [`NT`] and [`OTHER_SPLITS`], packed by [`pack_lower`], at their hash slot.
pub(super) const SPLITS: [u64; 32] = splits();

/// A word of at most 8 bytes as a little-endian integer, ASCII letters lowercased.
pub(super) const fn pack_lower(w: &[u8]) -> u64 {
    let mut x = 0u64;
    let mut k = 0;
    while k < w.len() {
        x |= ((w[k] | 0x20) as u64) << (8 * k);
        k += 1;
    }
    x
}

#[inline(always)]
pub(super) const fn split_slot(x: u64) -> usize {
    (x.wrapping_mul(SPLIT_K) >> 59) as usize
}

pub(super) const fn splits() -> [u64; 32] {
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
pub(super) fn may_split(b: &[u8], i: usize, len: usize) -> bool {
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

impl<'a, 't, const MARK: bool> Scanner<'a, 't, MARK> {
    /// Pushes the word `[start, end)`, splitting `cannot`, `gonna`, `wanna`, `gotta`.
    pub(super) fn finish_word(&mut self, start: usize, end: usize, any_letter: bool) {
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
    pub(super) fn informal_split(&self, start: usize, end: usize) -> Option<usize> {
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

    pub(super) fn all_digits_then_s(&self, start: usize, end: usize) -> bool {
        let w = &self.b[start..end];
        w.last() == Some(&b's') && w[..w.len() - 1].iter().all(u8::is_ascii_digit)
    }

    /// An apostrophe of `alen` bytes at `j` inside the word that starts at `start`.
    pub(super) fn apostrophe(
        &mut self,
        start: usize,
        j: usize,
        alen: usize,
        seg_digits: bool,
    ) -> usize {
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
    pub(super) fn clitic_at(&self, k: usize) -> bool {
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

    /// An apostrophe (`'` or `’`, `alen` bytes) that does not continue a word.
    pub(super) fn lone_apostrophe(&mut self, i: usize, alen: usize) -> usize {
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
}
