//! Words and numbers: the general word path (letters, digits, inner punctuation).

use super::bytes::*;
use super::Scanner;
use crate::lexicon::{lexicon, lower};
use crate::TokenKind;

impl<'a, 't, const MARK: bool> Scanner<'a, 't, MARK> {
    /// Scans a word or number starting at `start` and pushes its token(s); returns the end.
    /// The bytes `start..scanned` are already known to be ASCII letters.
    pub(super) fn word(&mut self, start: usize, scanned: usize) -> usize {
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
                    // A version: `v2.0.1`.
                    let version = nd
                        && seg_len >= 2
                        && matches!(b[seg], b'v' | b'V')
                        && b[seg + 1..j].iter().all(u8::is_ascii_digit);
                    if (seg_digits && nd)
                        || version
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
                    // A code that ends in digits (`v2.0.1.`) is no abbreviation.
                    if b.get(j + 1) == Some(&b'.') || (internal_period && seg_digits) {
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
}
