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

/// Token `t` starts like a sentence: with a capital or a digit, or, in text without
/// capitals (`caseless`), with any letter.
fn starts_upper_or_digit(t: &Token<'_>, caseless: bool) -> bool {
    t.text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || (caseless && c.is_lowercase()))
}

fn looks_like_start(tokens: &[Token<'_>], j: usize, caseless: bool) -> bool {
    let t = &tokens[j];
    if starts_upper_or_digit(t, caseless) {
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
                "(" | "[" | "-" | "—" | "–" | "*" | "•" | "‘’" | "``" | "--"
            ) || (t.text.len() >= 2 && is_separator(t.text))
                || (t.text == "\""
                    && tokens
                        .get(j + 1)
                        .is_some_and(|u| starts_upper_or_digit(u, caseless)))
        }
        _ => false,
    }
}

/// In text without capitals, whether the word at `j` after the final punctuation `tokens[k]`
/// (and closers up to `j`) starts a sentence: it does unless it is glued to the mark
/// (`alt.animals`), follows an ellipsis (`all ... and`), continues the clause (`yahoo! and`,
/// `inc. of`) or is an attribution (`"why?" she asked`, `"stop!" shouted the guard`).
fn caseless_start(tokens: &[Token<'_>], k: usize, j: usize, quoted: bool) -> bool {
    let (t, u) = (&tokens[k], &tokens[j]);
    let speech = &lexicon().speech;
    let attributed = (quoted || t.text != ".")
        && (speech.contains(u.text) || tokens.get(j + 1).is_some_and(|v| speech.contains(v.text)));
    let ellipsis = t.text.starts_with("..") || t.text.starts_with('…');
    let name = t.text != "." && continues_clause(u.text);
    u.space_before && !(ellipsis || name || attributed)
}

/// A line that ends with this token goes on on the next line (a hard-wrapped sentence):
/// punctuation that joins, and the function words that never end a headline or a caption.
fn continues_line(w: &str) -> bool {
    matches!(
        w,
        "," | ";"
            | "-"
            | "("
            | "&"
            | "and"
            | "or"
            | "nor"
            | "but"
            | "of"
            | "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
            | "into"
            | "as"
            | "than"
            | "that"
            | "which"
            | "who"
            | "whose"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
    )
}

/// Characters (not bytes) in `b`.
fn chars(b: &[u8]) -> usize {
    b.iter().filter(|&&c| (c as i8) >= -0x40).count()
}

/// The line break after byte `end` (the end of a line's last token), before token `next`,
/// is a hard wrap in running text: the line is long (30 characters or more), a line next to
/// it is about as long (7/8 of it or more: the text has a width; after a paragraph's first
/// line, the next is not longer), and the next line's first word would not
/// have fit within that width. A headline or list line is short or leaves room for the next
/// word, and breaks. Looks at most 240 bytes each way.
fn wrapped(bytes: &[u8], end: usize, next: &Token<'_>) -> bool {
    const LOOK: usize = 240;
    let line_start = |at: usize| -> Option<usize> {
        let lo = at.saturating_sub(LOOK);
        bytes[lo..at]
            .iter()
            .rposition(|&c| c == b'\n' || c == b'\r')
            .map(|i| lo + i + 1)
            .or((lo == 0).then_some(0))
    };
    let Some(a) = line_start(end) else {
        return false;
    };
    let this = chars(&bytes[a..end]);
    if this < 30 {
        return false;
    }
    // The line before (if the paragraph has one) and the line after.
    let before = match a.checked_sub(1).and_then(|e| {
        let e = if e > 0 && bytes[e] == b'\n' && bytes[e - 1] == b'\r' {
            e - 1
        } else {
            e
        };
        line_start(e).map(|s| (s, e))
    }) {
        Some((s, e)) if e > s => chars(&bytes[s..e]),
        _ => 0,
    };
    let hi = bytes.len().min(next.span.start + LOOK);
    let after_end = bytes[next.span.start..hi]
        .iter()
        .position(|&c| c == b'\n' || c == b'\r')
        .map_or(hi, |i| next.span.start + i);
    let after = chars(&bytes[next.span.start..after_end]);
    // On a paragraph's first line, the evidence is the line after, which in wrapped text is
    // no longer than the first (a headline before a longer line of text is no wrap).
    if before == 0 && after > this {
        return false;
    }
    let near = before.max(after);
    let width = near.max(this);
    near * 8 >= this * 7 && this + 1 + chars(next.text.as_bytes()) > width
}

/// Words that continue a clause after a name ending in `!` or `?` (`yahoo! and aol`).
fn continues_clause(w: &str) -> bool {
    matches!(w, "and" | "or" | "nor" | "of" | "to" | "than" | "vs")
}

/// The ordinal of a list marker's label: `3` → 3, `c` → 3, `iv` → 4 (a letter that is also
/// a Roman numeral, `i`, `v`, `x`, gives both readings).
fn marker_values(t: &Token<'_>) -> [Option<(u8, u32)>; 2] {
    let w = t.text;
    if t.kind == TokenKind::Number && w.len() <= 2 && w.bytes().all(|c| c.is_ascii_digit()) {
        return [w.parse().ok().map(|n| (0, n)), None];
    }
    if t.kind != TokenKind::Word || w.len() > 4 || !w.bytes().all(|c| c.is_ascii_lowercase()) {
        return [None, None];
    }
    const ROMAN: [&str; 10] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
    let roman = ROMAN
        .iter()
        .position(|&r| r == w)
        .map(|i| (2, i as u32 + 1));
    let letter = (w.len() == 1).then(|| (1, u32::from(w.as_bytes()[0] - b'a') + 1));
    [letter, roman]
}

/// Token `k` is the label of a list marker: a number, letter or Roman numeral followed
/// without a space by `.`, `)` or `.)`, and then by a space.
fn marker_label(tokens: &[Token<'_>], k: usize) -> bool {
    let Some(p) = tokens.get(k + 1) else {
        return false;
    };
    let after = match (p.text, tokens.get(k + 2)) {
        ("." | ")", Some(u)) if !p.space_before && u.text == ")" && !u.space_before => k + 3,
        ("." | ")", _) if !p.space_before => k + 2,
        _ => return false,
    };
    tokens.get(after).is_some_and(|u| u.space_before) && marker_values(&tokens[k]) != [None, None]
}

/// A list item starts at token `k` (at the start of a line): a bullet (`•`, `-`, `*`, `⁃`,
/// `▪`, `◦`) before a space, or a label such as `1.`, `2)`, `a.`, `iv.`, `(b)`.
fn item_marker(tokens: &[Token<'_>], k: usize) -> bool {
    let t = &tokens[k];
    let bullet = matches!(t.text, "•" | "-" | "*" | "⁃" | "▪" | "◦" | "‣" | "–")
        && tokens.get(k + 1).is_some_and(|u| u.space_before);
    let paren = t.text == "("
        && tokens.get(k + 2).is_some_and(|c| c.text == ")")
        && marker_values(&tokens[k + 1]) != [None, None];
    bullet || paren || marker_label(tokens, k)
}

/// Token `k` is a bullet inside a line (`Highlights: • Prices rose • Jobs fell`): a mark
/// that is only ever a bullet (`•`, `▪`, `⁃`, `◦`, `‣`), with a space on each side, and
/// followed by a word, a number or a quote.
fn inline_bullet(tokens: &[Token<'_>], k: usize) -> bool {
    // (All five start with the byte 0xE2: most tokens are ruled out by their first byte.)
    tokens[k].text.as_bytes()[0] == 0xE2
        && matches!(tokens[k].text, "•" | "▪" | "⁃" | "◦" | "‣")
        && tokens[k].space_before
        && tokens.get(k + 1).is_some_and(|u| {
            u.space_before
                && matches!(
                    u.kind,
                    TokenKind::Word | TokenKind::Number | TokenKind::OpenQuote
                )
        })
}

/// The `.` or `)` at `k` closes the label of an inline list item that starts a new sentence:
/// the first item after a colon (`measures: 1. a budget`), or the item after the one the
/// current sentence (from `s0`) starts with (`2. a hiring freeze`).
fn inline_item(tokens: &[Token<'_>], s0: usize, k: usize) -> bool {
    let label = k - 1;
    if !tokens[label].space_before || !marker_label(tokens, label) {
        return false;
    }
    let values = marker_values(&tokens[label]);
    if tokens[label - 1].text == ":" {
        return values.iter().flatten().any(|&(_, n)| n == 1);
    }
    marker_label(tokens, s0)
        && tokens[s0 + 1].text == tokens[k].text
        && marker_values(&tokens[s0])
            .iter()
            .flatten()
            .any(|&(kind, n)| {
                values
                    .iter()
                    .flatten()
                    .any(|&(kind2, m)| kind == kind2 && m == n + 1)
            })
}

/// The `!` at `k` belongs to a name (`Jeopardy! last year`, `E! News`, `Mamma Mia! sold`):
/// it follows a capitalised word without a space and is followed by a lower-case word on the
/// same line, or it follows a single capital letter.
fn name_exclamation(tokens: &[Token<'_>], s0: usize, k: usize, j: usize) -> bool {
    if tokens[k].text != "!" || k == s0 || j != k + 1 || tokens[k].space_before {
        return false;
    }
    let (w, u) = (&tokens[k - 1], &tokens[j]);
    let capital = w.kind == TokenKind::Word && w.text.as_bytes()[0].is_ascii_uppercase();
    let lower_next = u.kind == TokenKind::Word && u.text.as_bytes()[0].is_ascii_lowercase();
    capital && (w.text.len() == 1 || lower_next) && u.space_before
}

/// The final punctuation at `k` (with closers up to `j`) stands inside a parenthesis opened
/// in the middle of the current sentence (from `s0`), and the outer sentence goes on after
/// it: `The senator (she was elected in 2018. She is 44.) voted ...`. The parenthesis must
/// close within 40 tokens (or have closed among the closers), before a lower-case word or a
/// comma, semicolon or dash. Looks at most 64 tokens back.
fn inside_parenthesis(tokens: &[Token<'_>], s0: usize, k: usize, j: usize) -> bool {
    let mut depth = 0usize;
    let mut open = None;
    for i in (s0 + 1..k).rev().take(64) {
        match tokens[i].text {
            ")" => depth += 1,
            "(" if depth == 0 => {
                open = Some(i);
                break;
            }
            "(" => depth -= 1,
            _ => {}
        }
    }
    if open.is_none() {
        return false;
    }
    let close = match tokens[k + 1..j].iter().position(|t| t.text == ")") {
        Some(_) => Some(j - 1),
        None => (j..tokens.len().min(j + 40)).find(|&c| matches!(tokens[c].text, ")" | "(")),
    };
    let Some(c) = close.filter(|&c| tokens[c].text == ")") else {
        return false;
    };
    tokens.get(c + 1).is_some_and(|u| {
        matches!(u.text, "," | ";" | "—" | "–" | "--")
            || (u.kind == TokenKind::Word && u.text.as_bytes()[0].is_ascii_lowercase())
    })
}

/// A one-token list marker such as `1`, `a`, `iv` before a period.
fn list_marker(tokens: &[Token<'_>]) -> bool {
    if tokens.len() != 1 {
        return false;
    }
    let t = tokens[0].text;
    (t.len() <= 3 && t.bytes().all(|c| c.is_ascii_digit()))
        || (t.len() == 1 && t.bytes().all(|c| c.is_ascii_alphabetic()))
        || marker_values(&tokens[0])[1].is_some()
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

/// The paragraph or text that ends before token `end` ends with a dateline
/// (`Tuesday, September 1, 2015`) after a headline in the sentence from `s0`: returns the
/// dateline's first token. A date after a preposition (`met on Tuesday, ...`) is no dateline.
fn dateline(tokens: &[Token<'_>], s0: usize, end: usize) -> Option<usize> {
    let w = end.checked_sub(6)?;
    let d = &tokens[w..end];
    let year = d[5].text.len() == 4 && d[5].text.bytes().all(|c| c.is_ascii_digit());
    let dated = WEEKDAYS.contains(&d[0].text)
        && d[1].text == ","
        && d[2].kind == TokenKind::Word
        && d[3].kind == TokenKind::Number
        && d[4].text == ","
        && year;
    let before = tokens[w.checked_sub(1)?].text;
    let after_preposition = matches!(
        before.to_ascii_lowercase().as_str(),
        "on" | "by"
            | "until"
            | "till"
            | "since"
            | "before"
            | "after"
            | "from"
            | "to"
            | "through"
            | "and"
            | "or"
            | "of"
            | "last"
            | "next"
            | "this"
            | "every"
            | ","
            | "("
            | "-"
            | "–"
            | "—"
    );
    (dated && w > s0 + 1 && !after_preposition).then_some(w)
}

/// The sentence so far is a postscript mark: `P.S.`, `PS.`, `P.S` `.`.
fn postscript(sentence: &[Token<'_>]) -> bool {
    let ps = |w: &str| matches!(w, "P.S." | "P.S" | "PS" | "PS." | "P.P.S." | "P.P.S");
    match sentence {
        [a] => ps(a.text),
        [a, b] => ps(a.text) && b.text == "." && !b.space_before,
        _ => false,
    }
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

/// A line that opens with a name and a comma addresses its reader (`Greg, I faxed ...`,
/// `Michelle, Did you ...`): the name is its own sentence when a usual sentence opener
/// follows. `words` is the line so far (one word), `next` the word after the comma.
/// (`Hi, I want ...` stays one sentence in UD EWT train.)
fn vocative(words: &[Token<'_>], next: &Token<'_>, starters: &crate::lexicon::WordSet) -> bool {
    let [w] = words else { return false };
    let b = w.text.as_bytes();
    w.kind == TokenKind::Word
        && b.len() >= 2
        && b[0].is_ascii_uppercase()
        && b[1..].iter().all(u8::is_ascii_lowercase)
        && !(starters.contains(w.text) || w.text.ends_with("ly") || is_interjection(w.text))
        && next.kind == TokenKind::Word
        && starters.contains(next.text)
}

/// The e-mail address at token `k` follows an `Email:` label in the sentence that starts at
/// `s0`: right after it, or after a name and `<` (`Email: "Jo" <jo@acme.com>`).
fn email_label(tokens: &[Token<'_>], s0: usize, k: usize) -> bool {
    let from = s0.max(k.saturating_sub(7));
    (from..k.saturating_sub(1)).rev().any(|i| {
        tokens[i + 1].text == ":"
            && (tokens[i].text.eq_ignore_ascii_case("email")
                || tokens[i].text.eq_ignore_ascii_case("e-mail"))
            && (i + 2 == k || tokens[k - 1].text == "<")
    })
}

/// Words that open a line with a comma after them and are no names (interjections,
/// adverbs, greetings, weekdays of a dateline).
fn is_interjection(w: &str) -> bool {
    NOT_NAMES.contains(&w) || WEEKDAYS.contains(&w)
}

/// See [`is_interjection`].
const NOT_NAMES: &[&str] = &[
    "Well",
    "Ok",
    "Okay",
    "Oh",
    "Sorry",
    "Again",
    "Anyway",
    "Ah",
    "Wow",
    "Sure",
    "Yeah",
    "Yep",
    "Nope",
    "Indeed",
    "Otherwise",
    "Besides",
    "Plus",
    "Second",
    "Third",
    "First",
    "Firstly",
    "Secondly",
    "Finally",
    "Lastly",
    "Overall",
    "Therefore",
    "Thus",
    "Hence",
    "Moreover",
    "Furthermore",
    "Anyhow",
    "Alright",
    "Right",
    "Fine",
    "Great",
    "Cool",
    "Good",
    "Hmm",
    "Um",
    "Uh",
    "Honestly",
    "Basically",
    "Personally",
    "Seriously",
    "Regards",
    "Best",
    "Cheers",
    "Sincerely",
    "Cordially",
    "Respectfully",
    "Note",
    "Afterwards",
    "Unfortunately",
    "Fortunately",
    "Yesterday",
    "Today",
    "Tonight",
    "Actually",
    "Instead",
    "Nevertheless",
    "Nonetheless",
    "Meanwhile",
    "Initially",
    "Originally",
    "Apparently",
    "Obviously",
    "Clearly",
    "Lol",
    "Hi",
    "Hello",
    "Hey",
    "Dear",
    "God",
    "Look",
    "Listen",
    "Maybe",
    "Perhaps",
    "Ohh",
    "Ooh",
    "Man",
    "Dude",
];

/// The days of the week, capitalised: datelines (`Tuesday, September 1, 2015`) and words
/// that are no vocative name (`Monday, we ...`).
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

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
    caseless: bool,
) -> (Vec<Sentence>, Vec<Paragraph>) {
    segment_impl(text, tokens, true, Some(loud), caseless)
}

/// [`segment`], with or without the learned check for unpunctuated boundaries.
pub(crate) fn segment_with(
    text: &str,
    tokens: &[Token<'_>],
    learned: bool,
) -> (Vec<Sentence>, Vec<Paragraph>) {
    segment_impl(text, tokens, learned, None, crate::lexicon::caseless(text))
}

fn segment_impl(
    text: &str,
    tokens: &[Token<'_>],
    learned: bool,
    loud: Option<&[usize]>,
    caseless: bool,
) -> (Vec<Sentence>, Vec<Paragraph>) {
    let mut sents = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut pars = Vec::with_capacity(tokens.len() / 64 + 1);
    let n = tokens.len();
    if n == 0 {
        return (sents, pars);
    }
    let lex = lexicon();
    // The last `(` seen (all are loud): a full stop after it may stand inside a parenthesis.
    let mut open_paren = None;
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
            && starts_upper_or_digit(&tokens[k + 1], caseless)
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
                    // (Not in a parenthesis opened mid-sentence: see `inside_parenthesis`.)
                    && !(open_paren.is_some_and(|o| o > s0)
                        && inside_parenthesis(tokens, s0, k, k + 1))
                {
                    close(&mut sents, s0, k + 1);
                    s0 = k + 1;
                    k += 1;
                    continue;
                }
            }
        }
        // Brackets are loud for two rules only: a `(` may open a parenthesis around a full
        // sentence, a `)` may close an inline list label (`2) a vote`).
        if t.text == "(" {
            open_paren = Some(k);
            if plain_gap {
                k += 1;
                continue;
            }
        } else if plain_gap && t.text == ")" {
            if k >= s0 + 2 && inline_item(tokens, s0, k) {
                close(&mut sents, s0, k - 1);
                s0 = k - 1;
            }
            k += 1;
            continue;
        }
        let skip = skip(t, k, s0, crate::boundary::starters());
        // A sentence that stops without punctuation before a capitalised word (learned).
        if learned
            && k > s0
            && t.kind == TokenKind::Word
            && t.text.as_bytes()[0].is_ascii_uppercase()
            && crate::boundary::is_candidate(tokens, k)
            // Not right after a list item's label (`2.) A lack of ...`).
            && !(k <= s0 + 3 && marker_label(tokens, s0))
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
                if let Some(w) = dateline(tokens, s0, k) {
                    close(&mut sents, s0, w);
                    s0 = w;
                }
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
                let cont = continues_line(prev.text)
                    || prev.text.ends_with('.')
                        && prev.text.len() > 1
                        && !prev.text.starts_with('.');
                if item_marker(tokens, k)
                    || (!cont
                        && looks_like_start(tokens, k, caseless)
                        && starts_upper_or_digit(&tokens[k], caseless)
                        && !wrapped(bytes, prev.span.end, &tokens[k]))
                {
                    close(&mut sents, s0, k);
                    s0 = k;
                }
            }
        }
        // An inline bullet starts an item: `Highlights: • Prices rose • Jobs fell`.
        if k > s0 && inline_bullet(tokens, k) {
            close(&mut sents, s0, k);
            s0 = k;
        }
        // An inline list item starts at its marker: `measures: 1. a budget 2. a freeze`.
        if k >= s0 + 2 && matches!(t.text, "." | ")") && inline_item(tokens, s0, k) {
            close(&mut sents, s0, k - 1);
            s0 = k - 1;
        }
        // An emoticon ends a sentence when a capitalised word follows: `... later :) Anyway`
        // A mail signature's address ends a sentence: `... j.doe@acme.com Sorry about ...`,
        // `... j.doe@acme.com Jane Doe 06/01/2001 03:20 PM`.
        if t.kind == TokenKind::Email
            && k + 1 < n
            && breaks_before(k + 1) == 0
            && starts_upper_or_digit(&tokens[k + 1], caseless)
            && (lex.starters.contains(tokens[k + 1].text)
                || tokens[k + 1..n.min(k + 6)].iter().any(|u| is_date(u.text)))
        {
            close(&mut sents, s0, k + 1);
            s0 = k + 1;
            k += 1;
            continue;
        }
        // The address after an `Email:` label ends its header line: `Email: jo@acme.com
        // Site made!`, `Email: Jo Lee <jo@acme.com> Today's ...`, unless another label of the
        // contact block follows (`Email: jo@acme.com WWW: http://...`).
        if t.kind == TokenKind::Email && k + 1 < n && breaks_before(k + 1) == 0 {
            let e = k + usize::from(tokens[k + 1].text == ">");
            if e + 1 < n && breaks_before(e + 1) == 0 && email_label(tokens, s0, k) && {
                // (A full stop right after the address ends the sentence as usual.)
                let u = &tokens[e + 1];
                u.space_before
                    && !is_terminal(u)
                    && !(u.kind == TokenKind::Word
                        && tokens.get(e + 2).is_some_and(|v| v.text == ":"))
            } {
                close(&mut sents, s0, e + 1);
                s0 = e + 1;
                k = e + 1;
                continue;
            }
        }
        // A URL ends a sentence before another URL or a capitalised word (link lists).
        if t.kind == TokenKind::Url
            && k + 1 < n
            && breaks_before(k + 1) == 0
            && tokens[k + 1].space_before
            && (tokens[k + 1].kind == TokenKind::Url
                || starts_upper_or_digit(&tokens[k + 1], caseless))
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
            && (starts_upper_or_digit(&tokens[k + 1], caseless) || tokens[k + 1].text == "-")
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
            && starts_upper_or_digit(&tokens[k + 1], caseless)
            && is_separator(t.text)
        {
            close(&mut sents, s0, k + 1);
            s0 = k + 1;
            k += 1;
            continue;
        }
        // A bare `Thanks` signs off only when the name after it ends its line or runs into
        // the next sentence (`Thanks Darla⏎⏎`, `Thanks Earl Chanley 505-...`), not in
        // `Thanks Bud for all your help`, `Thanks Jim.`, `Thanks Josh!`.
        let signed = |k: usize| {
            let mut i = k + 1;
            while i < n.min(k + 3)
                && tokens[i].kind == TokenKind::Word
                && tokens[i].text.as_bytes()[0].is_ascii_uppercase()
                && (i == k + 1 || breaks_before(i) == 0)
            {
                i += 1;
            }
            i >= n
                || breaks_before(i) > 0
                || tokens[i].kind == TokenKind::Number
                || (tokens[i].kind == TokenKind::Word
                    && tokens[i].text.as_bytes()[0].is_ascii_uppercase())
        };
        // (After a mail header's time, the message may start in lower case: `09:40 AM fyi`.)
        let header = |k: usize| {
            header_time(tokens, k)
                && (capital_follows(k)
                    || tokens
                        .get(k + 1)
                        .is_some_and(|u| u.space_before && u.kind == TokenKind::Word))
        };
        if (t.text == "," || t.text.len() == 2 || k == s0)
            && (header(k)
                || (sign_off(&tokens[s0..=k])
                    && capital_follows(k)
                    && (t.text != "Thanks" || signed(k)))
                || (k == s0 + 1
                    && t.text == ","
                    && (s0 == 0 || breaks_before(s0) > 0)
                    && capital_follows(k)
                    && vocative(&tokens[s0..k], &tokens[k + 1], &lex.starters)))
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
        } else if postscript(&tokens[s0..=k]) {
            // `P.S. I am moving back to Calgary`: the postscript mark opens its sentence.
            false
        } else if t.text == "."
            && k > s0
            && tokens[j].space_before
            && (tokens[j].text.starts_with("...") || tokens[j].text.starts_with('…'))
        {
            // An ellipsis after a full stop opens the next sentence: `... to this day. ...a
            // drop in the birth rate` (an omission at the start of a quoted passage).
            true
        } else if caseless
            && tokens[j]
                .text
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        {
            caseless_start(tokens, k, j, quoted)
        } else if looks_like_start(tokens, j, caseless) {
            // “Stop!” Smith said. — the attribution stays with the quote.
            let speech = quoted
                && t.text != "."
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
            // (In chat, a question runs into the next without a space: `it?how has`.)
            && (tokens[j].space_before || t.text.starts_with('?'))
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
        let boundary = boundary
            && j < n
            && !(breaks_before(j) < 2
                && (name_exclamation(tokens, s0, k, j)
                    || (open_paren.is_some_and(|o| o > s0)
                        && inside_parenthesis(tokens, s0, k, j))));
        if boundary {
            close(&mut sents, s0, j);
            s0 = j;
        }
        k = j;
    }
    if let Some(w) = dateline(tokens, s0, n) {
        close(&mut sents, s0, w);
        s0 = w;
    }
    close(&mut sents, s0, n);
    pars.push(Paragraph {
        span: Span::new(tokens[p0].span.start, tokens[n - 1].span.end),
        tokens: p0..n,
        sentences: ps0..sents.len(),
    });
    split_inline_bullets(bytes, tokens, caseless, &mut sents, &mut pars);
    (sents, pars)
}

/// Splits a sentence that opens with a `-`, `*` or `–` bullet at each later use of the same
/// mark, spaced on both sides and before a capitalised word or a number on the same line:
/// a list written on one line (`- Prices rose - Jobs fell - Rates held`). These marks are
/// dashes too, so elsewhere a spaced one (`the plan - which ...`) stays in its sentence.
/// Runs after the pass over the tokens and looks inside the sentences that open with such a
/// mark only, so running text costs one look at each sentence's first token.
fn split_inline_bullets(
    bytes: &[u8],
    tokens: &[Token<'_>],
    caseless: bool,
    sents: &mut Vec<Sentence>,
    pars: &mut [Paragraph],
) {
    let opens_list = |s: &Sentence| {
        matches!(tokens[s.tokens.start].text, "-" | "*" | "–")
            && tokens
                .get(s.tokens.start + 1)
                .is_some_and(|u| u.space_before)
    };
    if !sents.iter().any(opens_list) {
        return;
    }
    let item = |mark: &str, k: usize| {
        let t = &tokens[k];
        t.text == mark
            && t.space_before
            && tokens.get(k + 1).is_some_and(|u| {
                u.space_before
                    && starts_upper_or_digit(u, caseless)
                    && !bytes[t.span.end..u.span.start].contains(&b'\n')
            })
    };
    let piece = |a: usize, b: usize| Sentence {
        span: Span::new(tokens[a].span.start, tokens[b - 1].span.end),
        tokens: a..b,
    };
    let mut out = Vec::with_capacity(sents.len() + 8);
    // `at[i]`: the index in `out` of old sentence `i`'s first piece.
    let mut at = Vec::with_capacity(sents.len() + 1);
    for s in sents.iter() {
        at.push(out.len());
        if !opens_list(s) {
            out.push(s.clone());
            continue;
        }
        let mark = tokens[s.tokens.start].text;
        let mut a = s.tokens.start;
        for k in a + 2..s.tokens.end {
            if item(mark, k) {
                out.push(piece(a, k));
                a = k;
            }
        }
        out.push(piece(a, s.tokens.end));
    }
    at.push(out.len());
    for p in pars.iter_mut() {
        p.sentences = at[p.sentences.start]..at[p.sentences.end];
    }
    *sents = out;
}
