//! The word tokenizer: one left-to-right pass over the bytes, with a byte-class table for
//! ASCII and `char` properties for the rest.

mod abbrev;
mod bytes;
mod contractions;
mod punct;
mod web;
mod words;

use crate::boundary::Starters;
use crate::{Span, Token, TokenKind};
use bytes::*;
use contractions::may_split;
use std::collections::HashSet;

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
    /// `loud[..loud_len]`: indices of the tokens that are not `crate::marks::quiet_kind` after a plain gap.
    loud: Vec<usize>,
    loud_len: usize,
    /// The text has no capitals ([`crate::lexicon::caseless`]): a lower-case starter after
    /// an abbreviation's period makes it final.
    caseless: bool,
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
            caseless: crate::lexicon::caseless(text),
            starters: crate::boundary::starters(),
            loud: Vec::new(),
            loud_len: 0,
            after_stop: false,
        }
    }

    /// The tokens, and the indices of those the sentence splitter must inspect (a superset
    /// of the tokens that are not `crate::marks::quiet_kind` after a plain gap).
    /// And whether the text is [`crate::lexicon::caseless`].
    pub(crate) fn run_marked(mut self) -> (Vec<Token<'a>>, Vec<usize>, bool) {
        self.loud = vec![0; self.text.len() / 16 + 16];
        let tokens = self.scan();
        let mut loud = std::mem::take(&mut self.loud);
        loud.truncate(self.loud_len);
        (tokens, loud, self.caseless)
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
            let q =
                crate::marks::quiet_kind(kind, text.as_bytes(), self.starters, !self.after_stop);
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
            let q = crate::marks::quiet_kind(
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
}

#[cfg(test)]
mod tests {
    use super::contractions::{NT, OTHER_SPLITS};
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
