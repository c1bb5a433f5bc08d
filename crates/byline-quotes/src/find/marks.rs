//! Stage 1, quotation marks: pairing marks into regions line by line (straight, curly,
//! guillemets, `''…''`) and assembling direct quotes from them: block quotations, split
//! quotes around an attribution, quotes over several paragraphs, transcript turns, and the
//! cue and source in the tail or lead-in around them.

use super::context::{is_cap, partition_from, Ctx};
use super::cues::{name_then_verb, tail_verb};
use super::source::recent_attribution;
use super::Attribution;
use crate::QuoteKind;
use byline_tokenize::Span;

/// Opening double marks other than the straight `"`.
const OPEN_MARKS: &[char] = &['“', '«', '„'];
/// Closing double marks other than the straight `"`.
const CLOSE_MARKS: &[char] = &['”', '»', '‟'];

/// The family of a quotation mark: a mark closes only a region opened by its own family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MarkFamily {
    /// `"` and `''`.
    Straight,
    /// `“ ” „ ‟`.
    Curly,
    /// `« »`.
    Guillemet,
}

impl MarkFamily {
    fn of(c: char) -> MarkFamily {
        match c {
            '"' | '\'' => MarkFamily::Straight,
            '«' | '»' => MarkFamily::Guillemet,
            _ => MarkFamily::Curly,
        }
    }
}

/// How many times a line's scan starts again after dropping a mark that was never closed
/// (a bound that keeps pairing linear on any input).
const MAX_RESCANS: usize = 8;

/// How many lines after a speaker's quote an unattributed quotation paragraph inherits it.
pub(crate) const INHERIT_LINES: usize = 4;

/// Unattributed quotations shorter than this (in words) are taken for titles or slogans.
pub(crate) const MIN_UNATTRIBUTED_WORDS: usize = 12;

/// A double-quotation region of one line: marks and content, stored in 16 bytes (byte
/// offsets as `u32`: the finder reads texts under 4 GiB).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Region {
    open_start: u32,
    /// Where the content ends: the closing mark's start, or the line end when unclosed.
    inner_end: u32,
    /// The closing mark's start, `u32::MAX` when the region runs to the end of its line.
    close_start: u32,
    open_len: u8,
    close_len: u8,
}

impl Region {
    /// A region from its opening mark, its closing mark (if any) and, when unclosed, the
    /// end of its content.
    pub(crate) fn new(open: Span, close: Option<Span>, unclosed_end: usize) -> Region {
        let off = |x: usize| u32::try_from(x).unwrap_or(u32::MAX - 1);
        let len = |s: Span| u8::try_from(s.end - s.start).unwrap_or(u8::MAX);
        Region {
            open_start: off(open.start),
            inner_end: off(close.map_or(unclosed_end, |c| c.start)),
            close_start: close.map_or(u32::MAX, |c| off(c.start)),
            open_len: len(open),
            close_len: close.map_or(0, len),
        }
    }

    /// The opening mark.
    pub(crate) fn open(&self) -> Span {
        let start = self.open_start as usize;
        Span::new(start, start + self.open_len as usize)
    }

    /// The closing mark, `None` when the region runs to the end of its line.
    pub(crate) fn close(&self) -> Option<Span> {
        (self.close_start != u32::MAX).then(|| {
            let start = self.close_start as usize;
            Span::new(start, start + self.close_len as usize)
        })
    }

    /// Content: from after the open mark to before the close mark (or line end).
    pub(crate) fn inner(&self) -> Span {
        Span::new(self.open().end, self.inner_end as usize)
    }

    /// The marks and the content.
    pub(crate) fn outer(&self) -> Span {
        Span::new(
            self.open_start as usize,
            self.close().map_or(self.inner_end as usize, |c| c.end),
        )
    }
}

/// Finds the double-quotation regions line by line, pairing marks the way the reference
/// scorer does, each mark with one of its own family (curly with curly, straight with
/// straight, guillemets with guillemets); a mark of another family closes a region only when
/// it is shaped as a closing mark and no mark of the region's own family follows in the line
/// (`"mixed styles.”`).
///
/// A mark that is never closed in its line (a paragraph in news) runs to the line end only
/// when the next line opens with a mark of its family, the convention of a quotation over
/// several paragraphs, or when it opens its line right after such a line (the last turn of a
/// transcript); otherwise it is a stray mark: it is dropped and the rest of the line
/// is paired again without it. So one stray mark never swallows its paragraph, let alone the
/// article.
pub(crate) fn regions(text: &str) -> Vec<Region> {
    let mut out = Vec::new();
    let mut line_start = 0;
    // the family of the unclosed quotation that ended the last line that was not blank
    let mut running: Option<MarkFamily> = None;
    while line_start <= text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |k| line_start + k);
        let blank = text[line_start..line_end].trim().is_empty();
        let mut kept = None;
        let mut from = line_start;
        for _ in 0..=MAX_RESCANS {
            let Some((open, family)) = pair_line(text, line_start, from, line_end, &mut out) else {
                break;
            };
            let at_line_start = text[line_start..open.start].trim().is_empty();
            if next_line_opens(text, line_end, family) || (at_line_start && running == Some(family))
            {
                let end = text[..line_end].trim_end().len().max(open.end);
                out.push(Region::new(open, None, end));
                kept = Some(family);
                break;
            }
            // a stray mark: pair the rest of the line without it
            from = open.end;
        }
        if !blank {
            running = kept;
        }
        line_start = line_end + 1;
    }
    out
}

/// Pairs the marks of line `[line_start, line_end)` from byte `from`, pushing the closed
/// regions to `out`; returns the mark left open at the line end, with its family.
fn pair_line(
    text: &str,
    line_start: usize,
    from: usize,
    line_end: usize,
    out: &mut Vec<Region>,
) -> Option<(Span, MarkFamily)> {
    let b = text.as_bytes();
    // where the last mark of each family sits in the line
    // (found on first need, which few lines have: a closing mark of another family)
    let mut last_of_cache: Option<[Option<usize>; 3]> = None;
    let mut last_of = |family: MarkFamily| {
        let found = last_of_cache.get_or_insert_with(|| {
            let mut last_of = [None::<usize>; 3];
            let mut k = from;
            while let Some(at) = next_candidate(b, k, line_end) {
                let c = text[at..].chars().next().unwrap_or(' ');
                if c == '"' || c == '\'' || OPEN_MARKS.contains(&c) || CLOSE_MARKS.contains(&c) {
                    last_of[MarkFamily::of(c) as usize] = Some(at);
                }
                k = at + c.len_utf8();
            }
            last_of
        });
        found[family as usize]
    };
    let mut open: Option<(Span, MarkFamily)> = None;
    let mut i = from;
    while i < line_end {
        let Some(at) = next_candidate(b, i, line_end) else {
            break;
        };
        i = at;
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = if c == '\'' && i + 1 < line_end && b[i + 1] == b'\'' {
            2
        } else if c == '"' || OPEN_MARKS.contains(&c) || CLOSE_MARKS.contains(&c) {
            c.len_utf8()
        } else {
            i += c.len_utf8();
            continue;
        };
        let m = Span::new(i, i + len);
        let family = MarkFamily::of(c);
        // straight marks: their spacing tells openers from closers
        let straight = family == MarkFamily::Straight;
        let before = text[line_start..i].chars().next_back();
        let after = text[i + len..line_end].chars().next();
        let space_before = before.map_or(true, |p| p.is_whitespace() || "([{—–-".contains(p));
        let space_after = after.map_or(true, |p| p.is_whitespace() || ".,;:!?)]}—–".contains(p));
        let opener = straight && space_before && !space_after;
        let closer = straight && !space_before && space_after;
        match open {
            None => {
                if !CLOSE_MARKS.contains(&c) && !closer {
                    open = Some((m, family));
                }
            }
            Some((o, open_family)) => {
                // (a straight mark that is not shaped as a closing one opens a new region
                // inside a curly or guillemet one)
                if OPEN_MARKS.contains(&c)
                    || opener
                    || (straight && !closer && family != open_family)
                {
                    open = Some((m, family));
                } else if family == open_family
                    || ((closer || CLOSE_MARKS.contains(&c))
                        && last_of(open_family).map_or(true, |k| k < i))
                {
                    out.push(Region::new(o, Some(m), m.start));
                    open = None;
                }
                // (else a closing mark of another family closes nothing)
            }
        }
        i += len;
    }
    open
}

/// The first byte in `b[from..end]` that may start a quotation mark: `"`, `'`, or the lead
/// byte of `“ ” „ ‟` (U+201C to U+201F, `E2`) and `« »` (U+00AB, U+00BB, `C2`). It is always
/// a char boundary. (A byte scan: decoding every char of every line was a twentieth of the
/// finder's time.)
fn next_candidate(b: &[u8], from: usize, end: usize) -> Option<usize> {
    let hay = b.get(from..end)?;
    let is_candidate = |x: u8| matches!(x, b'"' | b'\'' | 0xC2 | 0xE2);
    // eight bytes a step: a byte equal to one of the four shows as a zero byte of `w ^ v`
    // (the lowest flagged byte of the zero-byte test is exact)
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let mut chunks = hay.chunks_exact(8);
    let mut k = 0;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let w = u64::from_le_bytes(w);
        let hits = zero(w ^ (ONES * u64::from(b'"')))
            | zero(w ^ (ONES * u64::from(b'\'')))
            | zero(w ^ (ONES * 0xC2))
            | zero(w ^ (ONES * 0xE2));
        if hits != 0 {
            // (each test flags its own lowest match exactly; the lowest of them all is the
            // first candidate)
            return Some(from + k + (hits.trailing_zeros() / 8) as usize);
        }
        k += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&x| is_candidate(x))
        .map(|p| from + k + p)
}

/// Whether `rest` starts with an opening mark of `family`.
fn first_mark_opens(rest: &str, family: MarkFamily) -> bool {
    match rest.chars().next() {
        Some(c) if c == '"' || c == '\'' || OPEN_MARKS.contains(&c) => {
            MarkFamily::of(c) == family && (c != '\'' || rest.starts_with("''"))
        }
        _ => false,
    }
}

/// Whether the first line after the line ending at byte `line_end` that is not blank starts
/// with an opening mark of `family`.
fn next_line_opens(text: &str, line_end: usize, family: MarkFamily) -> bool {
    first_mark_opens(text.get(line_end..).unwrap_or("").trim_start(), family)
}

/// The regions that hold a quotation standing as a clause of its own ("blocks"), with each
/// block's token range. Only blocks are kept (12 bytes each), so that text full of empty or
/// short regions (`""""...`) costs no memory per region.
struct Blocks {
    /// Per block, in region order: its region, and its token range from its opening mark to
    /// past its closing mark.
    blocks: Vec<(u32, u32, u32)>,
    /// Where the last look-up landed (see [`partition_from`]).
    hint: std::cell::Cell<usize>,
}

impl Blocks {
    fn new(ctx: &Ctx<'_, '_>) -> Blocks {
        let n = ctx.tokens.len();
        let regions = &ctx.regions;
        let words = |a: usize, b: usize| ctx.words(a, b);
        let mut blocks = Vec::new();
        // regions and tokens are both in text order: one walk finds each region's tokens
        let mut next = 0;
        let mut token_at = |byte: usize| {
            while next < n && ctx.tokens[next].span.end <= byte {
                next += 1;
            }
            next
        };
        for (ri, g) in regions.iter().enumerate() {
            let a = token_at(g.open().start);
            let b = token_at(g.outer().end);
            if a >= n {
                continue;
            }
            // a = first token of the open mark; find content tokens
            let inside = |i: &usize| ctx.region_at(*i) == Some(ri);
            let (Some(f), Some(l)) = ((a..b).find(inside), (a..b).rev().find(inside)) else {
                continue;
            };
            let w = words(f, l + 1);
            let starts = a == 0
                || ctx.starts_line[a]
                || ctx.is_mark[a - 1]
                || ctx.is_punct(a - 1, &[":", ",", "—", "–", "-", "(", ".", "?", "!", ";"])
                // (a stray mark left unpaired)
                || ctx.is_punct(a - 1, &["“", "”", "«", "»", "„", "‟", "\"", "‘", "’"])
                || ctx.is_cue(a - 1, 0.2);
            let last_punct = !ctx.is_word_at(l)
                && ctx.tokens[l].text.chars().all(|c| {
                    matches!(c, ',' | '.' | '?' | '!' | '…' | '—' | '–' | '-' | ':' | ';')
                });
            let after = (l + 1..n).find(|&i| !ctx.is_mark[i]);
            let ends = g.close().is_none()
                || last_punct
                || after.map_or(true, |i| {
                    ctx.starts_line[i] || ctx.is_punct(i, &[".", "?", "!"])
                });
            if starts && ends && (w >= 3 || (w >= 1 && last_punct && g.close().is_some())) {
                let off = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
                blocks.push((off(ri), off(a), off(b)));
            }
        }
        Blocks {
            blocks,
            hint: std::cell::Cell::new(0),
        }
    }

    /// The first block at or after region `r`, as an index in `blocks`.
    fn first_from(&self, r: usize) -> usize {
        let k = partition_from(self.blocks.len(), self.hint.get(), |k| {
            (self.blocks[k].0 as usize) < r
        });
        self.hint.set(k);
        k
    }

    /// Where region `r` sits in `blocks`, if it is a block.
    fn find(&self, r: usize) -> Option<usize> {
        let k = self.first_from(r);
        (self.blocks.get(k)?.0 as usize == r).then_some(k)
    }

    /// Region `r` is a block: it starts a clause and ends one, with enough words.
    fn is_block(&self, r: usize) -> bool {
        self.find(r).is_some()
    }

    /// Token range of block region `r`, from its opening mark to past its closing mark
    /// (empty for a region that is not a block).
    fn bounds(&self, r: usize) -> (usize, usize) {
        self.find(r).map_or((0, 0), |k| {
            (self.blocks[k].1 as usize, self.blocks[k].2 as usize)
        })
    }
}

/// The line number of token `i` (one past the last line for `i` = the number of tokens),
/// counted by a cursor that moves from the previous question: the direct quotes ask in
/// text order, so the whole walk is linear without a number stored per token.
struct LineCursor {
    at: usize,
    line: u32,
}

impl LineCursor {
    fn new() -> LineCursor {
        LineCursor { at: 0, line: 0 }
    }

    fn line(&mut self, ctx: &Ctx<'_, '_>, i: usize) -> u32 {
        let n = ctx.tokens.len();
        if i >= n {
            return if n == 0 { 1 } else { self.line(ctx, n - 1) + 1 };
        }
        while self.at < i {
            self.at += 1;
            self.line += u32::from(ctx.starts_line[self.at]);
        }
        while self.at > i {
            self.line -= u32::from(ctx.starts_line[self.at]);
            self.at -= 1;
        }
        self.line
    }
}

/// The regions of one direct quote with the cue and source found in its tails.
struct QuoteGroup {
    regions: Vec<usize>,
    cue: Option<Span>,
    source: Option<Span>,
}

/// Marks tokens `[a, b)` as taken by a direct quote or its attribution.
fn claim(claimed: &mut [bool], a: usize, b: usize) {
    for c in claimed.iter_mut().take(b).skip(a) {
        *c = true;
    }
}

/// Collects the regions of the direct quote starting at block region `first`: the next
/// paragraph's region when this one runs to its line end, the next part of a split quote
/// after an attribution tail (`“A,” she said. “B.”`); and the cue and source of the tail
/// (a signature `— Jane Doe`, a name and verb, a cue word, an unknown verb).
fn group_regions(
    ctx: &Ctx<'_, '_>,
    blocks: &Blocks,
    first: usize,
    claimed: &mut [bool],
) -> QuoteGroup {
    let n = ctx.tokens.len();
    let regions = &ctx.regions;
    let mut group = vec![first];
    let mut cue = None;
    let mut source = None;
    loop {
        let last = *group.last().unwrap_or(&first);
        let g = regions[last];
        let (_, b) = blocks.bounds(last);
        // multi-paragraph continuation
        if g.close().is_none() {
            if last + 1 < regions.len() && blocks.is_block(last + 1) {
                let (na, _) = blocks.bounds(last + 1);
                // (a transcript's next turn is a new quote)
                if na < n
                    && ctx.starts_line[na]
                    && na == b.min(n)
                    && transcript_label(ctx, last + 1).is_none()
                {
                    group.push(last + 1);
                    continue;
                }
            }
            break;
        }
        // tail: tokens after the closing mark up to the end of the sentence
        let e = tail_end(ctx, b);
        // a signature: "“...” — Jane Doe"
        if cue.is_none() && b + 1 < e && matches!(ctx.tokens[b].text, "—" | "―" | "–" | "-" | "--")
        {
            let mut k = b + 1;
            while k < e && (is_cap(ctx.tokens[k].text) || matches!(ctx.tokens[k].text, "." | "-")) {
                k += 1;
            }
            if k > b + 1 {
                cue = Some(ctx.tokens[b].span);
                source = ctx.span(b + 1, k);
                claim(claimed, b, e);
                break;
            }
        }
        // a quote closed on a full stop is followed by a new sentence, not by its tail
        // (`Brafman said, “... we have found.” He added, “...”`)
        if new_sentence_after(ctx, g, b) {
            break;
        }
        // (a name and its verb first: "...,” Blige sings to Clinton before asking her")
        let tail_cue = name_then_verb(ctx, b, e)
            .or_else(|| (b..e).find(|&i| ctx.is_cue(i, 0.2)))
            .or_else(|| tail_verb(ctx, b, e));
        if let Some(c) = tail_cue {
            if cue.is_none() {
                cue = ctx.span(c, c + 1);
                source = ctx.source_before(c, b).or_else(|| ctx.source_after(c, e));
            }
            claim(claimed, b, e);
            // split quote: the next block region opens right after this tail
            // (a title skipped inside the tail may sit in between)
            let next = ctx
                .region_opened_at(e)
                .filter(|&r| r > last && blocks.is_block(r));
            if let Some(nr) = next {
                let (na, nb) = blocks.bounds(nr);
                if na == e && na < n && !ctx.starts_line[na] {
                    // only when the next part has no attribution of its own
                    let e2 = tail_end(ctx, nb);
                    if !(nb..e2).any(|i| ctx.is_cue(i, 0.2)) && tail_verb(ctx, nb, e2).is_none() {
                        group.push(nr);
                        continue;
                    }
                }
            }
        }
        break;
    }
    QuoteGroup {
        regions: group,
        cue,
        source,
    }
}

/// Whether the tail from token `b` after region `g` is a new sentence: the quote ends on a
/// full stop inside its marks and the next token, in the same line, opens with a capital.
/// (A question or exclamation mark does not end the sentence: `“... fantastic!” beamed Hartley`.)
fn new_sentence_after(ctx: &Ctx<'_, '_>, g: Region, b: usize) -> bool {
    b < ctx.tokens.len()
        && !ctx.starts_line[b]
        && is_cap(ctx.tokens[b].text)
        && ctx
            .text
            .get(g.inner().start..g.inner().end)
            .is_some_and(|t| t.trim_end().ends_with('.'))
}

/// The cue and source of a lead-in before a quote starting at token `quote_start`: `X said:
/// “...` in the same line (or `Professor Smith put it: “...`), or a previous line ending in a
/// colon (`He added:`). The same-line lead-in is claimed.
fn lead_in_attribution(
    ctx: &Ctx<'_, '_>,
    quote_start: usize,
    claimed: &mut [bool],
) -> Option<(Option<Span>, Option<Span>)> {
    if quote_start == 0 {
        return None;
    }
    if !ctx.starts_line[quote_start] {
        let mut s = quote_start;
        while s > 0
            && !ctx.starts_line[s]
            && !ctx.is_punct(s - 1, &[".", "?", "!"])
            && !ctx.is_mark[s - 1]
        {
            s -= 1;
        }
        if let Some(found) = ctx.lead_in(s, quote_start) {
            claim(claimed, s, quote_start);
            return Some(found);
        }
        if ctx.is_punct(quote_start - 1, &[":", "—", "–", "-"]) && quote_start - 1 > s {
            // "Professor Smith put it: “...”"
            let source = ctx
                .last_name(s + 1, quote_start - 1)
                .or_else(|| ctx.subject(s, quote_start - 1));
            let cue = ctx
                .span(quote_start - 1, quote_start)
                .or(Some(ctx.tokens[quote_start - 1].span));
            claim(claimed, s, quote_start);
            return Some((cue, source));
        }
        return None;
    }
    // previous line ending with a colon: "He added:"
    if ctx.is_punct(quote_start - 1, &[":"]) {
        let mut s = quote_start - 1;
        while s > 0 && !ctx.starts_line[s] && !ctx.is_punct(s - 1, &[".", "?", "!"]) {
            s -= 1;
        }
        return ctx.lead_in(s, quote_start);
    }
    None
}

/// Stage 1: the direct quotes of the document, in order, with their cue and source (from
/// the tail, a transcript label, the lead-in, a recent attribution, or the previous
/// quote's speaker). Marks the tokens they take in `claimed`.
pub(crate) fn direct_quotes(
    ctx: &Ctx<'_, '_>,
    claimed: &mut [bool],
    attributions: &mut Vec<Attribution>,
) {
    let n = ctx.tokens.len();
    let blocks = Blocks::new(ctx);
    let mut lines = LineCursor::new();
    let mut prev_speaker: Option<(Span, usize)> = None; // (source, line of quote)
    let mut prev_end = 0usize;
    let mut ri = 0;
    while ri < ctx.regions.len() {
        if !blocks.is_block(ri) {
            // (straight to the next block)
            ri = blocks
                .blocks
                .get(blocks.first_from(ri))
                .map_or(ctx.regions.len(), |b| b.0 as usize);
            continue;
        }
        let QuoteGroup {
            regions: group,
            mut cue,
            mut source,
        } = group_regions(ctx, &blocks, ri, claimed);
        // a transcript: "“PENCE: Well, look, ...": the label names the speaker
        let mut label_end = None;
        if let Some((label, colon)) = transcript_label(ctx, group[0]) {
            cue = Some(ctx.tokens[colon].span);
            source = Some(label);
            label_end = ctx.tokens.get(colon + 1).map(|t| t.span.start);
        }
        let (quote_start, _) = blocks.bounds(group[0]);
        if cue.is_none() {
            if let Some((c, src)) = lead_in_attribution(ctx, quote_start, claimed) {
                cue = c;
                source = src;
            }
        }
        let mut inherited = false;
        if source.is_none() {
            // the speaker of an attribution just before, in this or the previous paragraph
            // ("Smith said she was worried. “...”"), else the previous quote's speaker
            let recent = recent_attribution(ctx, quote_start, prev_end);
            if let Some(src) = recent {
                source = Some(src);
            } else if let Some((src, l)) = prev_speaker {
                if quote_start < n && lines.line(ctx, quote_start) as usize <= l + INHERIT_LINES {
                    source = Some(src);
                    inherited = true;
                }
            }
        }
        let mut parts: Vec<Span> = group.iter().map(|&r| ctx.regions[r].inner()).collect();
        if let (Some(start), Some(first)) = (label_end, parts.first_mut()) {
            if start < first.end {
                first.start = start;
            }
        }
        let n_words: usize = parts
            .iter()
            .map(|p| p.text(ctx.text).split_whitespace().count())
            .sum();
        if source.is_none() && cue.is_none() && n_words < MIN_UNATTRIBUTED_WORDS {
            // a slogan, sign or title with no speaker: not an attributed quote
            ri = group.last().map_or(ri, |&l| l) + 1;
            continue;
        }
        for &r in &group {
            let (a, b) = blocks.bounds(r);
            claim(claimed, a, b);
        }
        let last = *group.last().unwrap_or(&ri);
        if let Some(src) = source {
            prev_speaker = Some((src, lines.line(ctx, blocks.bounds(last).1.min(n)) as usize));
        }
        prev_end = blocks.bounds(last).1;
        attributions.push(Attribution {
            parts,
            cue,
            source,
            inherited,
        });
        ri = last + 1;
    }
}

/// The speaker label opening quotation region `r` in a transcript (`“PENCE: ...`,
/// `“MR. TRUMP: ...`): one to three words in capitals, then a colon. Returns the label's span
/// and the colon's token index.
pub(crate) fn transcript_label(ctx: &Ctx<'_, '_>, r: usize) -> Option<(Span, usize)> {
    let first = ctx.token_at(ctx.regions[r].inner().start);
    let lim = (first + 6).min(ctx.tokens.len());
    let colon = (first..lim).find(|&k| ctx.tokens[k].text == ":")?;
    let label = first..colon;
    let words = label.clone().filter(|&k| ctx.is_word_at(k)).count();
    let caps = label.clone().all(|k| {
        let t = ctx.tokens[k].text;
        t == "." || (t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase))
    });
    let long = label.clone().any(|k| ctx.tokens[k].text.len() >= 2);
    if !(1..=3).contains(&words) || !caps || !long || colon + 1 >= ctx.tokens.len() {
        return None;
    }
    if ctx.region_at(colon) != Some(r) {
        return None;
    }
    Some((ctx.span(first, colon)?, colon))
}

/// The end of the attribution tail starting at `b` (after a closing mark): the sentence end,
/// a line break or the next quotation mark.
pub(crate) fn tail_end(ctx: &Ctx<'_, '_>, b: usize) -> usize {
    let n = ctx.tokens.len();
    let mut e = b;
    while e < n && !ctx.starts_line[e] && e < b + 40 {
        if ctx.is_mark[e] {
            // a short title inside the attribution: `said on MSNBC's “Morning Joe.”`
            let Some(r) = ctx.region_opened_at(e) else {
                break;
            };
            let g = ctx.regions[r];
            let inner_words = ctx
                .text
                .get(g.inner().start..g.inner().end)
                .map_or(99, |t| t.split_whitespace().count());
            let Some(close) = g.close() else {
                break;
            };
            // a continuation after "exclaimed," is the next part, not a title
            if e == b || inner_words > 4 || !ctx.is_word_at(e - 1) {
                break;
            }
            let after = ctx.token_at(close.end);
            let ends = ctx
                .text
                .get(g.inner().start..g.inner().end)
                .is_some_and(|t| t.trim_end().ends_with(['.', '?', '!']));
            e = after.max(e + 1);
            if ends {
                break;
            }
            continue;
        }
        e += 1;
        let t = ctx.tokens[e - 1].text;
        if !t.is_empty() && t.chars().all(|c| matches!(c, '.' | '?' | '!' | ':' | '…')) {
            // "Rep. Smith": a period right after a short capitalised abbreviation goes on
            let prev = e.checked_sub(2).map(|k| ctx.tokens[k].text).unwrap_or("");
            let abbrev = ctx.tokens[e - 1].text == "."
                && !ctx.tokens[e - 1].space_before
                && is_cap(prev)
                && prev.len() <= 4
                && e < n
                && is_cap(ctx.tokens[e].text)
                && !ctx.is_mark[e];
            if !abbrev {
                break;
            }
        }
    }
    e
}

pub(crate) fn kind_of(ctx: &Ctx<'_, '_>, parts: &[Span]) -> QuoteKind {
    let (mut n, mut inside) = (0usize, 0usize);
    for p in parts {
        let Some(part) = ctx.text.get(p.start..p.end) else {
            continue;
        };
        n += alphanumerics(part);
        // regions are sorted and disjoint: count inside each one the part overlaps
        let mut r = ctx.regions.partition_point(|g| g.outer().end <= p.start);
        while let Some(g) = ctx.regions.get(r) {
            let o = g.outer();
            if o.start >= p.end {
                break;
            }
            let (a, b) = (o.start.max(p.start), o.end.min(p.end));
            inside += match ctx.text.get(a..b) {
                Some(s) => alphanumerics(s),
                // (a bound inside a char: the chars that start in the overlap)
                None => part
                    .char_indices()
                    .filter(|&(k, c)| (a..b).contains(&(p.start + k)) && c.is_alphanumeric())
                    .count(),
            };
            r += 1;
        }
    }
    if n == 0 || inside == 0 {
        QuoteKind::Indirect
    } else if inside * 10 >= n * 9 {
        QuoteKind::Direct
    } else {
        QuoteKind::Mixed
    }
}

/// The number of alphanumeric chars in `s` (bytes for ASCII text, without decoding).
fn alphanumerics(s: &str) -> usize {
    // ASCII bytes are counted as bytes (a loop the compiler vectorizes); only the other
    // chars are decoded (quotes are mostly ASCII between their curly marks)
    let bytes = s.as_bytes();
    // (byte counters over blocks of 255 bytes: the compiler runs this loop on whole vector
    // registers)
    let mut n = 0;
    for block in bytes.chunks(255) {
        let mut count = 0u8;
        for &b in block {
            let letter = (b | 0x20).wrapping_sub(b'a') < 26;
            let digit = b.wrapping_sub(b'0') < 10;
            count += u8::from(letter | digit);
        }
        n += usize::from(count);
    }
    if s.is_ascii() {
        return n;
    }
    let mut k = 0;
    while let Some(&b) = bytes.get(k) {
        // (eight ASCII bytes at once are skipped)
        if let Some(eight) = bytes.get(k..k + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(eight);
            if u64::from_le_bytes(w) & 0x8080_8080_8080_8080 == 0 {
                k += 8;
                continue;
            }
        }
        if b.is_ascii() {
            k += 1;
            continue;
        }
        let Some(c) = s.get(k..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        n += usize::from(c.is_alphanumeric());
        k += c.len_utf8();
    }
    n
}

// ---------------------------------------------------------------------------------------
// speakers

impl<'a, 'l> Ctx<'a, 'l> {
    /// The region whose opening mark is token `i`.
    pub(crate) fn region_opened_at(&self, i: usize) -> Option<usize> {
        let at = self.tokens.get(i)?.span.start;
        let regions = &self.regions;
        let r = partition_from(regions.len(), self.opened_hint.get(), |k| {
            regions[k].open().end <= at
        });
        self.opened_hint.set(r);
        let g = self.regions.get(r)?;
        (g.open().start <= at && at < g.open().end).then_some(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::test_support::{token, with_ctx};

    fn inner_texts(text: &str) -> Vec<(&str, bool)> {
        regions(text)
            .iter()
            .map(|g| (g.inner().text(text), g.close().is_some()))
            .collect()
    }

    #[test]
    fn pairs_curly_straight_and_double_apostrophe_marks() {
        let text = "He said “yes” and \"no\" and ''maybe''.";
        assert_eq!(
            inner_texts(text),
            vec![("yes", true), ("no", true), ("maybe", true)]
        );
    }

    #[test]
    fn an_unclosed_mark_runs_to_its_line_end_only_before_a_quoted_paragraph() {
        let text = "“It is over, she said\n\n“The end came soon,” she said.";
        assert_eq!(
            inner_texts(text),
            vec![
                ("It is over, she said", false),
                ("The end came soon,", true)
            ]
        );
    }

    #[test]
    fn a_stray_mark_is_dropped_and_the_line_paired_without_it() {
        let text = "“It is over. The end came “soon” after.\n\nThe vote was close.";
        assert_eq!(inner_texts(text), vec![("soon", true)]);
        let text = "A stray « here, and “soon” after, and \"later\" too.";
        assert_eq!(inner_texts(text), vec![("soon", true), ("later", true)]);
    }

    #[test]
    fn marks_pair_by_family() {
        // a straight mark inside a curly region does not close it
        let text = "“He is 6\" tall,” she said.";
        assert_eq!(inner_texts(text), vec![("He is 6\" tall,", true)]);
        // a closing mark of another family closes when none of the region's own follows
        let text = "He called it \"a disgrace.” Then he left.";
        assert_eq!(inner_texts(text), vec![("a disgrace.", true)]);
        // a stray curly mark before straight quotes gives way to them
        let text = "“(Reuters)\"We won,\" the mayor said.";
        assert_eq!(inner_texts(text), vec![("We won,", true)]);
    }

    #[test]
    fn a_split_quote_is_one_quote_with_two_parts() {
        let text = "“We will win,” Mayor Ana Reyes said. “And we will govern.”";
        with_ctx(text, |ctx| {
            let mut claimed = vec![false; ctx.tokens.len()];
            let mut found = Vec::new();
            direct_quotes(ctx, &mut claimed, &mut found);
            assert_eq!(found.len(), 1);
            let parts: Vec<&str> = found[0].parts.iter().map(|p| p.text(text)).collect();
            assert_eq!(parts, ["We will win,", "And we will govern."]);
            assert_eq!(found[0].cue.map(|c| c.text(text)), Some("said"));
            assert_eq!(
                found[0].source.map(|s| s.text(text)),
                Some("Mayor Ana Reyes")
            );
            assert!(claimed[token(ctx, "said")]);
        });
    }

    #[test]
    fn kind_follows_the_share_inside_marks() {
        let text = "The mayor said the plan was “a disaster for everyone” in the end.";
        with_ctx(text, |ctx| {
            let all = Span::new(0, text.len());
            assert_eq!(kind_of(ctx, &[all]), QuoteKind::Mixed);
            let quoted = ctx.regions[0].inner();
            assert_eq!(kind_of(ctx, &[quoted]), QuoteKind::Direct);
            assert_eq!(kind_of(ctx, &[Span::new(0, 9)]), QuoteKind::Indirect);
        });
    }

    #[test]
    fn alphanumerics_count_chars_as_the_standard_library_does() {
        for t in [
            "",
            "abc 12",
            "“Él dijo: ¡sí!” — 3½ ½",
            "naïve café’s",
            "ＡＢＣ١٢",
            "—…",
        ] {
            let want = t.chars().filter(|c| c.is_alphanumeric()).count();
            assert_eq!(alphanumerics(t), want, "{t:?}");
        }
        // past a block of 255 bytes, and every byte value
        let long = format!("{}“Él” ", "Az09 @[`{/:".repeat(300));
        let all: String = (0..=0x7fu8)
            .map(char::from)
            .chain(['é', 'Ω', '’'])
            .collect();
        for t in [long.as_str(), all.as_str()] {
            let want = t.chars().filter(|c| c.is_alphanumeric()).count();
            assert_eq!(alphanumerics(t), want);
        }
    }

    #[test]
    fn the_candidate_scan_finds_the_first_mark_byte() {
        let text = "He said \"no\" and ‘yes’ — «oui» then it's “done” é ''x'' ok";
        let b = text.as_bytes();
        let naive = |from: usize, end: usize| {
            (from..end).find(|&k| matches!(b[k], b'"' | b'\'' | 0xC2 | 0xE2))
        };
        for from in 0..=b.len() {
            for end in from..=b.len() {
                assert_eq!(
                    next_candidate(b, from, end),
                    naive(from, end),
                    "{from}..{end}"
                );
            }
        }
        assert_eq!(next_candidate(b, 5, 2), None);
    }
}
