//! URLs, e-mail addresses and `@handles`: where they start and end.

use super::bytes::*;
use super::Scanner;

impl<'a, 't, const MARK: bool> Scanner<'a, 't, MARK> {
    /// Cheap test before [`Scanner::url_at`]: `www.` or a `:` where a scheme would end.
    #[inline]
    pub(super) fn url_hint(&self, i: usize) -> bool {
        let r = &self.b[i..];
        r.len() > 6
            && (r[..4].eq_ignore_ascii_case(b"www.")
                || r[3] == b':'
                || r[4] == b':'
                || r[5] == b':'
                || r[6] == b':')
    }

    /// Length of the URL starting at `i`, if one starts there.
    pub(super) fn url_at(&self, i: usize) -> Option<usize> {
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
    pub(super) fn email_at(&mut self, i: usize) -> Option<usize> {
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

    /// Does a common top-level domain or file extension start at `i` (ending the word)?
    pub(super) fn tld_at(&self, i: usize) -> bool {
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

    pub(super) fn run_handle(&self, i: usize) -> usize {
        let mut e = i;
        while e < self.b.len() && (self.b[e].is_ascii_alphanumeric() || self.b[e] == b'_') {
            e += 1;
        }
        e
    }
}
