//! Punctuation and quotation marks: runs, ellipses, dashes, opening or closing quotes.

use super::bytes::*;
use super::Scanner;
use crate::TokenKind;

impl<'a, 't, const MARK: bool> Scanner<'a, 't, MARK> {
    /// After a possible closing quote at `i`: is the next thing punctuation or a line end
    /// (so the mark closes a quote rather than marking a plural possessive)?
    pub(super) fn close_quote_context(&self, i: usize) -> bool {
        match self.b.get(i) {
            None => false,
            Some(&c) => matches!(c, b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'\n'),
        }
    }

    /// Is the previous token an opener (start, space, bracket, dash, quote)?
    pub(super) fn opening_context(&self, i: usize) -> bool {
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

    pub(super) fn run_of(&self, i: usize, set: &[u8]) -> usize {
        let mut e = i;
        while e < self.b.len() && set.contains(&self.b[e]) {
            e += 1;
        }
        e
    }

    pub(super) fn punct(&mut self, i: usize) -> usize {
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

    pub(super) fn prev_is_word(&self) -> bool {
        self.out
            .last()
            .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
    }

    pub(super) fn unicode_punct(&mut self, i: usize, c: char) -> usize {
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
