//! Sentence and paragraph segmentation over the tokens.

use crate::boundary::Starters;
use crate::lexicon::lexicon;
use crate::marks::{loud_at_start, quiet_kind, skip};
use crate::{Paragraph, Sentence, Span, Token, TokenKind};

/// Whitespace between two tokens: 0 = none/spaces, 1 = one line break, 2 = paragraph break.
#[inline]
fn gap_breaks(gap: &[u8]) -> u8 {
    if gap.len() == 1 {
        return match gap[0] {
            b'\n' | b'\r' => 1,
            _ => 0,
        };
    }
    let mut nl = 0u8;
    let mut cr = 0u8;
    let mut i = 0;
    while i < gap.len() {
        match gap[i] {
            b'\n' => nl = nl.saturating_add(1),
            b'\r' => cr = cr.saturating_add(1),
            // U+2029 PARAGRAPH SEPARATOR
            0xE2 if gap.get(i + 1) == Some(&0x80) && gap.get(i + 2) == Some(&0xA9) => nl = 2,
            _ => {}
        }
        i += 1;
    }
    if nl == 0 {
        nl = cr;
    }
    nl.min(2)
}

/// Only spaces (at most one) between `prev` and `t`.
#[inline(always)]
fn plain_gap(bytes: &[u8], prev: &Token<'_>, t: &Token<'_>) -> bool {
    let (a, b) = (prev.span.end, t.span.start);
    // Without branches: which of the two holds is hard to predict.
    (b == a) | ((b == a + 1) & (bytes.get(a).copied().unwrap_or(0) == b' '))
}

/// A token at least two tokens into its sentence that no rule of [`segment_with`] acts on:
/// a plain gap before it and [`quiet_kind`] true (with the learned check's starters), the
/// same test the scanner marks tokens with. Computed without branches.
#[inline(always)]
fn quiet(bytes: &[u8], prev: &Token<'_>, t: &Token<'_>, starters: &Starters) -> bool {
    let (a, b) = (prev.span.end, t.span.start);
    let space = bytes.get(a).copied().unwrap_or(0) == b' ';
    let gap = (b == a) | ((b == a + 1) & space);
    gap & quiet_kind(t.kind, t.text.as_bytes(), starters, true)
}

fn is_terminal(t: &Token<'_>) -> bool {
    if t.kind != TokenKind::Punct {
        return false;
    }
    let b = t.text.as_bytes();
    match b[0] {
        b'.' | b'!' | b'?' => true,
        _ => t.text.starts_with('…'),
    }
}

fn is_closer(t: &Token<'_>) -> bool {
    !t.space_before && (t.kind == TokenKind::CloseQuote || matches!(t.text, ")" | "]" | "}" | "''"))
}

fn starts_upper_or_digit(t: &Token<'_>) -> bool {
    t.text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn looks_like_start(tokens: &[Token<'_>], j: usize) -> bool {
    let t = &tokens[j];
    if starts_upper_or_digit(t) {
        return true;
    }
    match t.kind {
        TokenKind::OpenQuote
        | TokenKind::Handle
        | TokenKind::Hashtag
        | TokenKind::Url
        | TokenKind::Email => true,
        TokenKind::Symbol => true,
        TokenKind::Punct => {
            matches!(
                t.text,
                "(" | "[" | "-" | "—" | "–" | "*" | "•" | "‘’" | "``"
            ) || (t.text.len() >= 5 && is_separator(t.text))
                || (t.text == "\"" && tokens.get(j + 1).is_some_and(starts_upper_or_digit))
        }
        _ => false,
    }
}

/// A one-token list marker such as `1`, `a`, `iv` before a period.
fn list_marker(tokens: &[Token<'_>]) -> bool {
    if tokens.len() != 1 {
        return false;
    }
    let t = tokens[0].text;
    (t.len() <= 3 && t.bytes().all(|c| c.is_ascii_digit()))
        || (t.len() == 1 && t.bytes().all(|c| c.is_ascii_alphabetic()))
}

fn is_emoticon(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Symbol
        && t.text.len() >= 2
        && matches!(t.text.as_bytes()[0], b':' | b';' | b'=')
}

fn is_date(t: &str) -> bool {
    t.len() >= 6
        && t.bytes().filter(|&c| c == b'/').count() == 2
        && t.bytes().all(|c| c.is_ascii_digit() || c == b'/')
}

fn is_time(t: &str) -> bool {
    t.len() >= 4 && t.contains(':') && t.bytes().all(|c| c.is_ascii_digit() || c == b':')
}

fn is_separator(t: &str) -> bool {
    let b = t.as_bytes();
    matches!(b[0], b'*' | b'=' | b'_' | b'~' | b'+' | b'#' | b'-') && b.iter().all(|&c| c == b[0])
}

/// `DATE TIME AM|PM` (a mail header) ends at token `k`.
fn header_time(tokens: &[Token<'_>], k: usize) -> bool {
    if k < 2 || !matches!(tokens[k].text, "AM" | "PM" | "am" | "pm") {
        return false;
    }
    let num = |t: &str, sep: u8| {
        t.as_bytes().contains(&sep) && t.bytes().all(|c| c.is_ascii_digit() || c == sep)
    };
    num(tokens[k - 1].text, b':') && num(tokens[k - 2].text, b'/')
}

/// A letter's sign-off on its own: `Regards,`, `Thanks,`, `Best,`.
fn sign_off(sentence: &[Token<'_>]) -> bool {
    if sentence.len() == 1 {
        return matches!(sentence[0].text, "Thanks" | "Regards" | "Cheers");
    }
    sentence.len() == 2
        && sentence[1].text == ","
        && matches!(
            sentence[0].text,
            "Regards" | "Thanks" | "Best" | "Sincerely" | "Cordially" | "Respectfully" | "Cheers"
        )
}

/// Splits `tokens` (of `text`) into sentences and paragraphs.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn segment(text: &str, tokens: &[Token<'_>]) -> (Vec<Sentence>, Vec<Paragraph>) {
    segment_with(text, tokens, true)
}

/// [`segment`] given the indices of the tokens that are not [`quiet`] (a superset is fine),
/// as the scanner marks them: only those are inspected past the start of a sentence.
pub(crate) fn segment_marked(
    text: &str,
    tokens: &[Token<'_>],
    loud: &[usize],
) -> (Vec<Sentence>, Vec<Paragraph>) {
    segment_impl(text, tokens, true, Some(loud))
}

/// [`segment`], with or without the learned check for unpunctuated boundaries.
pub(crate) fn segment_with(
    text: &str,
    tokens: &[Token<'_>],
    learned: bool,
) -> (Vec<Sentence>, Vec<Paragraph>) {
    segment_impl(text, tokens, learned, None)
}

fn segment_impl(
    text: &str,
    tokens: &[Token<'_>],
    learned: bool,
    loud: Option<&[usize]>,
) -> (Vec<Sentence>, Vec<Paragraph>) {
    let mut sents = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut pars = Vec::with_capacity(tokens.len() / 64 + 1);
    let n = tokens.len();
    if n == 0 {
        return (sents, pars);
    }
    let lex = lexicon();
    let mut s0 = 0; // first token of the current sentence
    let mut p0 = 0; // first token of the current paragraph
    let mut ps0 = 0; // first sentence of the current paragraph
    let close = |sents: &mut Vec<Sentence>, a: usize, b: usize| {
        if b > a {
            sents.push(Sentence {
                span: Span::new(tokens[a].span.start, tokens[b - 1].span.end),
                tokens: a..b,
            });
        }
    };
    let bytes = text.as_bytes();
    let breaks_before = |k: usize| -> u8 {
        if k == 0 || k >= n {
            return 0;
        }
        let (a, b) = (tokens[k - 1].span.end, tokens[k].span.start);
        if a >= b {
            0
        } else {
            gap_breaks(&bytes[a..b])
        }
    };
    // Token `k + 1` follows token `k` after a space on the same line and starts like a sentence
    // (a capital or a digit).
    let capital_follows = |k: usize| -> bool {
        k + 1 < n
            && breaks_before(k + 1) == 0
            && tokens[k + 1].space_before
            && starts_upper_or_digit(&tokens[k + 1])
    };
    let mut k = 0;
    let mut li = 0; // cursor in `loud`
    while k < n {
        // Fast path: skip the tokens that no rule below acts on (`plain_gap && skip`, not a
        // candidate of the learned check).
        match loud {
            Some(loud) => {
                while li < loud.len() && loud[li] < k {
                    li += 1;
                }
                let next = loud.get(li).map_or(n, |&l| l.min(n));
                if k >= s0 + 2 {
                    k = next;
                } else {
                    // The first two tokens of a sentence: unmarked ones matter only as a
                    // sign-off (a first word of 6 or 7 letters) or the comma after one.
                    if k == s0 && k < next && !loud_at_start(&tokens[k], 0) {
                        k += 1;
                    }
                    if k == s0 + 1 && k < next && !loud_at_start(&tokens[k], 1) {
                        while li < loud.len() && loud[li] <= k {
                            li += 1;
                        }
                        k = loud.get(li).map_or(n, |&l| l.min(n));
                    }
                }
            }
            None => {
                if k >= s0 + 2 {
                    let starters = crate::boundary::starters();
                    while k < n && quiet(bytes, &tokens[k - 1], &tokens[k], starters) {
                        k += 1;
                    }
                }
            }
        }
        if k >= n {
            break;
        }
        let t = &tokens[k];
        // A word after a single space (most tokens) needs no check below except the rules
        // listed in `skip`.
        let plain_gap = k == 0 || plain_gap(bytes, &tokens[k - 1], t);
        // The most common sentence end, decided without the rules below (which it passes
        // all the same): a full stop after a plain gap, two or more tokens into the
        // sentence (not a list marker), then one space and a capitalised word (not a
        // footnote number, a reference mark or a quote that could carry attribution).
        if plain_gap && k > s0 + 1 && t.text == "." {
            if let Some(u) = tokens.get(k + 1) {
                if u.kind == TokenKind::Word
                    && u.text.as_bytes()[0].is_ascii_uppercase()
                    && u.span.start == t.span.end + 1
                    && bytes[t.span.end] == b' '
                {
                    close(&mut sents, s0, k + 1);
                    s0 = k + 1;
                    k += 1;
                    continue;
                }
            }
        }
        let skip = skip(t, k, s0, crate::boundary::starters());
        // A sentence that stops without punctuation before a capitalised word (learned).
        if learned
            && k > s0
            && t.kind == TokenKind::Word
            && t.text.as_bytes()[0].is_ascii_uppercase()
            && crate::boundary::is_candidate(tokens, k)
            && (plain_gap || breaks_before(k) < 2)
            && crate::boundary::splits_before(tokens, k, !plain_gap && breaks_before(k) == 1)
        {
            close(&mut sents, s0, k);
            s0 = k;
        }
        if plain_gap && skip {
            k += 1;
            continue;
        }
        if k > 0 && !plain_gap {
            let br = breaks_before(k);
            if br == 2 {
                close(&mut sents, s0, k);
                s0 = k;
                pars.push(Paragraph {
                    span: Span::new(tokens[p0].span.start, tokens[k - 1].span.end),
                    tokens: p0..k,
                    sentences: ps0..sents.len(),
                });
                p0 = k;
                ps0 = sents.len();
            } else if br == 1 && k > s0 {
                // A line break ends a headline or list line when the next line starts one.
                let prev = &tokens[k - 1];
                let cont = matches!(
                    prev.text,
                    "," | ";" | ":" | "-" | "(" | "&" | "and" | "or" | "of" | "the" | "a"
                ) || prev.text.ends_with('.')
                    && prev.text.len() > 1
                    && !prev.text.starts_with('.');
                if !cont && looks_like_start(tokens, k) && starts_upper_or_digit(&tokens[k]) {
                    close(&mut sents, s0, k);
                    s0 = k;
                }
            }
        }
        // An emoticon ends a sentence when a capitalised word follows: `... later :) Anyway`
        // A mail signature's address ends a sentence: `... j.doe@acme.com Sorry about ...`,
        // `... j.doe@acme.com Jane Doe 06/01/2001 03:20 PM`.
        if t.kind == TokenKind::Email
            && k + 1 < n
            && breaks_before(k + 1) == 0
            && starts_upper_or_digit(&tokens[k + 1])
            && (lex.starters.contains(tokens[k + 1].text)
                || tokens[k + 1..n.min(k + 6)].iter().any(|u| is_date(u.text)))
        {
            close(&mut sents, s0, k + 1);
            s0 = k + 1;
            k += 1;
            continue;
        }
        // A URL ends a sentence before another URL or a capitalised word (link lists).
        if t.kind == TokenKind::Url
            && k + 1 < n
            && breaks_before(k + 1) == 0
            && tokens[k + 1].space_before
            && (tokens[k + 1].kind == TokenKind::Url || starts_upper_or_digit(&tokens[k + 1]))
        {
            close(&mut sents, s0, k + 1);
            s0 = k + 1;
            k += 1;
            continue;
        }
        if is_emoticon(t) && capital_follows(k) {
            close(&mut sents, s0, k + 1);
            s0 = k + 1;
            k += 1;
            continue;
        }
        // E-mail headers and sign-offs: `12/01/2000 04:18 PM Please ...`, `Regards, Ann`.
        // A mail header's date starts a sentence: `... Ken Lee@ACME 01/19/2001 09:14 AM`.
        if k > s0 && is_date(t.text) && tokens.get(k + 1).is_some_and(|u| is_time(u.text)) {
            let prev = tokens[k - 1].text;
            if !matches!(
                prev,
                "on" | "On"
                    | "at"
                    | "At"
                    | "by"
                    | "until"
                    | "of"
                    | "from"
                    | "to"
                    | "since"
                    | "before"
                    | "after"
                    | ","
            ) {
                close(&mut sents, s0, k);
                s0 = k;
            }
        }
        // An attachment marker ends a sentence: `<< File: report.doc >> Please see ...`.
        if t.text == ">>"
            && k + 1 < n
            && breaks_before(k + 1) == 0
            && tokens[k + 1].space_before
            && (starts_upper_or_digit(&tokens[k + 1]) || tokens[k + 1].text == "-")
        {
            close(&mut sents, s0, k + 1);
            s0 = k + 1;
            k += 1;
            continue;
        }
        // A separator line (`*****`, `=====`) ends a sentence.
        if t.text.len() >= 5
            && t.kind == TokenKind::Punct
            && k + 1 < n
            && breaks_before(k + 1) == 0
            && starts_upper_or_digit(&tokens[k + 1])
            && is_separator(t.text)
        {
            close(&mut sents, s0, k + 1);
            s0 = k + 1;
            k += 1;
            continue;
        }
        if (t.text == "," || t.text.len() == 2 || k == s0)
            && (header_time(tokens, k) || sign_off(&tokens[s0..=k]))
            && capital_follows(k)
        {
            close(&mut sents, s0, k + 1);
            s0 = k + 1;
            k += 1;
            continue;
        }
        if !is_terminal(t) {
            // An interrupted sentence in speech: `... that's what — The reason is ...`
            if matches!(t.text, "--" | "—" | "–")
                && t.space_before
                && k >= s0 + 4
                && k + 1 < n
                && tokens[k + 1].space_before
                && breaks_before(k + 1) == 0
                && tokens[k + 1].text != "I"
                && lex.starters.contains(tokens[k + 1].text)
                // Not a dateline: `MOSCOW (Reuters) — The ...`, `WASHINGTON — The ...`.
                && tokens[k - 1].text != ")"
                && !tokens[s0].text.bytes().all(|c| c.is_ascii_uppercase() || c == b',')
            {
                close(&mut sents, s0, k + 1);
                s0 = k + 1;
            }
            k += 1;
            continue;
        }
        // Absorb more final punctuation, closing quotes and brackets.
        let mut j = k + 1;
        let mut quoted = false;
        // (Cheapest test first: closers and more punctuation follow without a space.)
        while j < n
            && !tokens[j].space_before
            && (is_closer(&tokens[j]) || is_terminal(&tokens[j]))
            && breaks_before(j) < 2
        {
            if tokens[j].kind == TokenKind::CloseQuote {
                quoted = true;
            }
            j += 1;
        }
        // An emoticon after the final punctuation belongs to the sentence: `... did! :)`
        if j < n && is_emoticon(&tokens[j]) && breaks_before(j) == 0 {
            j += 1;
        }
        // Reference marks after the full stop belong to the sentence: `... in 1984. [2]`
        while j + 2 < n && tokens[j].text == "[" && breaks_before(j) < 2 {
            // `[2]`, `[citation needed]`, `[...]`: up to four tokens inside.
            match (j + 2..n.min(j + 6)).find(|&e| tokens[e].text == "]") {
                Some(e) if tokens[j + 1..e].iter().all(|t| t.text != "[") => j = e + 1,
                _ => break,
            }
        }
        // A footnote number after the full stop belongs to the sentence: `... rights. 4 Even`.
        // (News style spells out numbers that start a sentence; years have four digits.)
        if t.text == "."
            && j + 1 < n
            && tokens[j].kind == TokenKind::Number
            && tokens[j].text.len() <= 2
            && tokens[j].space_before
            && breaks_before(j) == 0
            && breaks_before(j + 1) == 0
            && tokens[j + 1].kind == TokenKind::Word
            && tokens[j + 1].text.as_bytes()[0].is_ascii_uppercase()
            // Running text follows (`4 Even though`), not a title (`12 Most Ancient ...`).
            && tokens
                .get(j + 2)
                .is_some_and(|u| u.kind == TokenKind::Word && u.text.as_bytes()[0].is_ascii_lowercase())
            && !list_marker(&tokens[s0..k])
        {
            j += 1;
        }
        let boundary = if j >= n || breaks_before(j) == 2 {
            true
        } else if list_marker(&tokens[s0..k]) && t.text == "." {
            false
        } else if looks_like_start(tokens, j) {
            // “Stop!” Smith said. — the attribution stays with the quote.
            let speech = (quoted || t.text != ".")
                && tokens
                    .get(j + 1)
                    .is_some_and(|v| lex.speech.contains(v.text))
                && !tokens[j]
                    .text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit());
            !speech
        } else if !quoted
            && !t.text.starts_with("..")
            && !t.text.starts_with('…')
            && tokens[j].space_before
            && tokens[j].kind == TokenKind::Word
            && k > s0
            && tokens[k - 1].text.len() > 1
            && tokens[k - 1].kind == TokenKind::Word
        {
            // A lowercase start after a full stop (informal text), unless it is a clause.
            !lex.speech.contains(tokens[j].text)
        } else {
            false
        };
        if boundary {
            close(&mut sents, s0, j);
            s0 = j;
        }
        k = j;
    }
    close(&mut sents, s0, n);
    pars.push(Paragraph {
        span: Span::new(tokens[p0].span.start, tokens[n - 1].span.end),
        tokens: p0..n,
        sentences: ps0..sents.len(),
    });
    (sents, pars)
}
