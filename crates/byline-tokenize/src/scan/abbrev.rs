//! Abbreviations and initials: whether a word's period belongs to it.

use super::bytes::*;
use super::contractions::may_split;
use super::Scanner;
use crate::lexicon::{
    lexicon, lower, ABBR_MAX_LEN, F_AMBIGUOUS, F_BEFORE_NUMBER, F_OTHER, F_TITLE,
};
use crate::TokenKind;

/// Abbreviation classes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Abbr {
    /// Precedes a name: never ends a sentence (except at the end of the text or paragraph).
    Title,
    /// May end a sentence when a typical sentence starter follows.
    Other,
}

impl<'a, 't, const MARK: bool> Scanner<'a, 't, MARK> {
    /// Is the next word after whitespace (from byte `i`) the end of the text, a paragraph
    /// break, or a typical sentence starter?
    pub(super) fn final_lookahead(&self, i: usize, title: bool) -> bool {
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
        if e == j || self.word_at(e) {
            return false;
        }
        if self.caseless {
            // Without capitals, a conjunction after the period says nothing (`the u.s. and`).
            let w = &self.text[j..e];
            return !matches!(w, "and" | "or" | "but" | "so" | "nor" | "yet")
                && crate::lexicon::is_starter_any_case(w);
        }
        self.b[j].is_ascii_uppercase() && lexicon().starters.contains(&self.text[j..e])
    }

    /// Is `w` (without its period) an abbreviation? `after` is the byte after the period.
    pub(super) fn abbreviation(&self, w: &str, after: usize) -> Option<Abbr> {
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
        // `Mm.` and `Hm.` with a capital are interjections (`Mm. Hot out.`), not millimetres.
        if matches!(w, "Mm" | "Hm" | "MM" | "HM") {
            return None;
        }
        let flags = lex.abbr.get(lw).copied().unwrap_or(0);
        if flags == 0 && !extra {
            return None;
        }
        if flags & F_BEFORE_NUMBER != 0 {
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
        // `St.` after a name is a street (`Main St.`), which may end a sentence; before one it
        // is a saint (`St. Mary's`).
        let street = lw == "st"
            && self.out.last().is_some_and(|p| {
                p.kind == TokenKind::Word
                    && p.text.as_bytes()[0].is_ascii_uppercase()
                    && !p.text.ends_with('.')
            });
        let title = flags & F_TITLE != 0 && !street;
        // `et al.` may end a sentence like any other abbreviation.
        if lw == "al"
            && self
                .out
                .last()
                .is_some_and(|p| p.text.eq_ignore_ascii_case("et"))
        {
            return Some(Abbr::Other);
        }
        // A title in capitals (`ORAL ARGUMENT OF GEN. ELIZABETH PRELOGAR`) is the title.
        let capitals = title && w.len() >= 2 && w.bytes().all(|c| c.is_ascii_uppercase());
        if lex.cased.contains(w) || (self.caseless && lex.cased_lower.contains(lw)) || capitals {
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
        if flags & F_AMBIGUOUS != 0 {
            return None;
        }
        if title {
            return Some(Abbr::Title);
        }
        if flags & F_OTHER != 0 {
            return Some(Abbr::Other);
        }
        None
    }

    /// The word `[start, j)` followed by a period at `j` (not `..`), if it is an abbreviation
    /// or an initial: pushes its token(s) and returns the end. `internal_period`: the word
    /// holds periods itself (`U.S`); `any_letter`: it is not a number.
    pub(super) fn abbreviated(
        &mut self,
        start: usize,
        j: usize,
        internal_period: bool,
        any_letter: bool,
    ) -> Option<usize> {
        let initial = j - start == 1
            && (self.b[start].is_ascii_uppercase()
                || (self.caseless && self.b[start].is_ascii_lowercase()));
        let abbr = if internal_period && any_letter && self.never_final(start, j) {
            Abbr::Title
        } else if (internal_period && any_letter) || initial {
            Abbr::Other
        } else if !any_letter {
            return None;
        } else {
            self.abbreviation(&self.text[start..j], j + 1)?
        };
        // `etc.` ends a list, and with it the sentence, before any capitalised word.
        let etc = self.b[start..j].eq_ignore_ascii_case(b"etc")
            && self.b.get(j + 1) == Some(&b' ')
            && self.b.get(j + 2).is_some_and(u8::is_ascii_uppercase);
        if etc || self.final_lookahead(j + 1, abbr == Abbr::Title) {
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
    pub(super) fn word_then_period(&mut self, start: usize, j: usize) -> usize {
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

    /// `i.e.` and `e.g.` (any case) introduce what follows: never the end of a sentence.
    fn never_final(&self, start: usize, j: usize) -> bool {
        let w = &self.b[start..j];
        w.len() == 3 && (w.eq_ignore_ascii_case(b"i.e") || w.eq_ignore_ascii_case(b"e.g"))
    }

    pub(super) fn single_letter_at(&self, i: usize) -> bool {
        self.b.get(i).is_some_and(u8::is_ascii_alphabetic) && !self.word_at(i + 1)
    }
}
