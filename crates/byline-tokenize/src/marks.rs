//! Which tokens a sentence rule can act on: the one description shared by the scanner,
//! which marks the tokens the sentence pass must look at, and by both paths of the sentence
//! pass (`sentences::segment_impl`), which skip the others.
//!
//! A new sentence rule that must see a token these functions call quiet (a lowercase word, a
//! short number, a quote, a one-byte punctuation mark other than `.!?`) narrows
//! [`quiet_kind`] or [`loud_at_start`] here, and nowhere else.

use crate::boundary::Starters;
use crate::{Token, TokenKind};

/// Whether no sentence rule acts on a token of this kind and text after a plain gap (at most
/// one space), two or more tokens into a sentence. `learned_gap` is false when the learned
/// check cannot look at the gap before the token (the token before is punctuation ending in
/// `.`, `!` or `?`, which [`crate::boundary::is_candidate`] rules out): then a capitalised
/// word is quiet even if it is a starter, as at the start of most sentences. A capitalised
/// word is quiet unless the learned check could split before it
/// ([`crate::boundary::splits_before`] answers no for any word outside `starters`, which
/// `may_contain` over-approximates); names and titles in running text cost nothing in the
/// sentence pass. Computed without branches.
///
/// The rules it serves: a word of two letters matters as `AM`/`PM` (mail headers; any
/// two-letter word ending in `m` is loud), a number of 6 bytes or more as a date, and
/// punctuation other than one byte that is not `.`, `!`, `?`, `(` (which may open a
/// parenthesis around a full sentence) and `)` (a list label `1)`).
#[inline(always)]
pub(crate) fn quiet_kind(
    kind: TokenKind,
    tb: &[u8],
    starters: &Starters,
    learned_gap: bool,
) -> bool {
    let len = tb.len();
    let c0 = tb.first().copied().unwrap_or(0);
    let c1 = tb.get(1).copied().unwrap_or(0);
    let learned = c0.is_ascii_uppercase() && learned_gap && starters.may_contain(tb);
    let word = (kind == TokenKind::Word) & !learned & ((len != 2) | (c1 | 0x20 != b'm'));
    let number = (kind == TokenKind::Number) & (len < 6);
    let quote = (kind == TokenKind::OpenQuote) | (kind == TokenKind::CloseQuote);
    let punct = (kind == TokenKind::Punct)
        & (len == 1)
        & (c0 != b'.')
        & (c0 != b'!')
        & (c0 != b'?')
        & (c0 != b'(')
        & (c0 != b')');
    word | number | quote | punct
}

/// Whether a rule acts on token `t` at position `pos` of its sentence (0 or 1) although
/// [`quiet_kind`] calls it quiet: a first word of 6 or 7 bytes (a sign-off such as
/// `Regards`), and a comma second (after one).
#[inline(always)]
pub(crate) fn loud_at_start(t: &Token<'_>, pos: usize) -> bool {
    match pos {
        0 => t.kind == TokenKind::Word && (6..=7).contains(&t.text.len()),
        1 => t.text == ",",
        _ => false,
    }
}

/// Token `t`, at index `k` in the sentence that starts at token `s0`, after a plain gap, is
/// one that no rule of the sentence pass acts on, except the learned check (which runs
/// before this test).
#[inline(always)]
pub(crate) fn skip(t: &Token<'_>, k: usize, s0: usize, starters: &Starters) -> bool {
    quiet_kind(t.kind, t.text.as_bytes(), starters, false) && !loud_at_start(t, k - s0)
}
