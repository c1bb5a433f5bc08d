//! Stage 3, reported content: sentence units outside direct quotes, and where the reported
//! clause of each cue begins and ends (addressees, circumstances, datelines, coordination,
//! `according to`, participles, colon headlines); the kind of a quote from its marks.

use super::context::{is_cap, is_word, Ctx};
use super::cues::{is_headline, topic_prep, STRONG_CUE, WEAK_CUE};
use super::learned::{learned_unit, Learned};
use super::Attribution;
use crate::words::{ADDRESSEE_CUE, AUX, CIRCUMSTANCE, EVIDENCE_CUE, HEADLINE_CUE, SECTION_LABEL};
use byline_tokenize::{Analysis, Span, TokenKind};

/// The longest attribution clause after reported content ("..., X told CNN at the time.").
pub(crate) const TAIL_WORDS: usize = 5;

pub(crate) fn reported(
    ctx: &Ctx<'_, '_>,
    analysis: &Analysis<'_>,
    claimed: &[bool],
    attributions: &mut Vec<Attribution>,
    learned: &mut Learned<'_>,
) {
    // sentence units: analysis sentences, cut at line breaks
    let mut units = Vec::new();
    for s in analysis.sentences() {
        let mut a = s.tokens.start;
        for i in s.tokens.clone() {
            if i > a && ctx.starts_line[i] {
                units.push((a, i));
                a = i;
            }
        }
        if a < s.tokens.end {
            units.push((a, s.tokens.end));
        }
    }
    // a quotation running over a sentence end keeps its sentences together
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(units.len());
    for (s, e) in units {
        if let Some(last) = merged.last_mut() {
            let k = last.1 - 1;
            let open_region = ctx
                .region_at(k)
                .or_else(|| ctx.region_opened_at(k))
                .filter(|&r| ctx.regions[r].outer().end > ctx.tokens[k].span.end);
            if open_region.is_some() && !ctx.starts_line[s] && last.1 == s {
                last.1 = e;
                continue;
            }
        }
        merged.push((s, e));
    }
    for (s, e) in merged {
        let s = match (s..e).rev().find(|&i| claimed[i]) {
            None => s,
            // a sentence after a direct quote's attribution that the sentence splitter kept
            // with it (`... the mayor said. ” Councillor Tom Hale said ...`, a stray mark)
            Some(last) if ctx.is_punct(last, &[".", "?", "!"]) && ctx.words(last, e) >= 3 => {
                last + 1
            }
            Some(_) => continue,
        };
        let headline = is_headline(ctx, s, e);
        let line = ctx.starts_line[s] && (e >= ctx.tokens.len() || ctx.starts_line[e]);
        let open_end = ctx.tokens[e - 1].text != ".";
        let e = trim_end(ctx, s, e);
        if line && open_end {
            if let Some(attribution) = colon_headline(ctx, s, e) {
                attributions.push(attribution);
                continue;
            }
        }
        let s = dateline_end(ctx, s, e);
        let mut from = s;
        let mut shared_source: Option<Span> = None;
        let ruled_from = attributions.len();
        while from < e {
            let Some(found) = one_reported(ctx, s, from, e, shared_source, headline) else {
                break;
            };
            shared_source = found.0.source;
            let next = found.1;
            attributions.push(found.0);
            if next <= from {
                break;
            }
            from = next;
        }
        // (a line without a final stop is a headline or a label: the rules' business)
        if !(line && open_end) {
            let unit = (s, e, headline);
            learned_unit(ctx, unit, claimed, ruled_from, learned, attributions);
        }
    }
}

/// A headline line `Source: content` (`Poll: Voters Abandon ...`, `Sanders: Clinton needs
/// to ...`): a capitalised source of at most five words before a colon, three words or more
/// after it, and no final full stop on the line.
pub(crate) fn colon_headline(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> Option<Attribution> {
    let colon = (s..e.min(s + 6)).find(|&k| ctx.tokens[k].text == ":")?;
    let words = ctx.words(s, colon);
    let plain =
        (s..colon).all(|k| ctx.is_word_at(k) || matches!(ctx.tokens[k].text, "’s" | "'s" | "."));
    let after = ctx.words(colon + 1, e);
    if words == 0 || words > 5 || !plain || !is_cap(ctx.tokens[s].text) || after < 3 {
        return None;
    }
    if ctx.is(s, SECTION_LABEL) {
        return None;
    }
    if ctx.is_mark[s..colon].iter().any(|&m| m) {
        return None;
    }
    Some(Attribution {
        parts: vec![ctx.content(colon + 1, e)?],
        cue: Some(ctx.tokens[colon].span),
        source: ctx.span(s, colon),
        inherited: false,
    })
}

/// The first token after a dateline opening unit `[s, e)` (`WASHINGTON —`, `NEW YORK, Nov. 3
/// (Reuters) --`, `(CNN) —`), or `s` when there is none: a dateline is not part of what is
/// reported.
pub(crate) fn dateline_end(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> usize {
    let lim = e.min(s + 12);
    // A hyphen only with a space before it (`US-Russia` is a compound).
    let Some(dash) = (s..lim).find(|&k| match ctx.tokens[k].text {
        "—" | "–" | "―" | "--" => true,
        "-" => ctx.tokens[k].space_before,
        _ => false,
    }) else {
        return s;
    };
    // Before the dash: a place in capitals (with commas and a date), then an agency in
    // brackets; or only the agency.
    let place = (s..dash).take_while(|&k| {
        let t = ctx.tokens[k].text;
        t == "," || (ctx.is_word_at(k) && !t.chars().any(char::is_lowercase))
    });
    let after_place = place.last().map_or(s, |k| k + 1);
    let mut k = after_place;
    // An optional date after the place: `Nov. 3`, `, March 14`.
    while k < dash && k - after_place < 3 {
        let t = &ctx.tokens[k];
        if !(t.text == "," || t.kind == TokenKind::Number || (is_word(t) && is_cap(t.text))) {
            break;
        }
        k += 1;
    }
    let k = if k < dash && ctx.tokens[k].text == "(" {
        match (k + 1..dash).find(|&j| ctx.tokens[j].text == ")") {
            Some(close) if close + 1 == dash => dash,
            _ => return s,
        }
    } else {
        k
    };
    let placed = after_place > s && (s..after_place).any(|j| ctx.tokens[j].text.len() > 1);
    let bracketed = ctx.tokens[s].text == "(";
    if k == dash && (placed || bracketed) && dash + 1 < e {
        dash + 1
    } else {
        s
    }
}

/// The sentence unit a reported attribution is searched in.
#[derive(Clone, Copy)]
struct Unit {
    /// First token of the unit (after a dateline).
    start: usize,
    /// Where the search for the next cue begins (after an earlier attribution).
    from: usize,
    /// End of the unit (exclusive), trimmed of closing punctuation.
    end: usize,
    /// The source of the unit's previous attribution.
    shared: Option<Span>,
    /// The unit is a headline.
    headline: bool,
}

/// What one pattern makes of the token under the search.
enum Step {
    /// An attribution, and the token where the search goes on.
    Found(Attribution, usize),
    /// The pattern matched but the content is empty: the unit has no more attributions.
    GiveUp,
    /// Not an attribution here: go on at this token.
    Skip(usize),
    /// The pattern does not apply; try the next one.
    NoMatch,
}

/// An attribution of content `parts` with the cue at token `c`; the search goes on at `next`.
fn found_at(
    ctx: &Ctx<'_, '_>,
    parts: Option<Vec<Span>>,
    c: usize,
    source: Option<Span>,
    next: usize,
) -> Step {
    let Some(parts) = parts else {
        return Step::GiveUp;
    };
    Step::Found(
        Attribution {
            parts,
            cue: ctx.span(c, c + 1),
            source,
            inherited: false,
        },
        next,
    )
}

/// "X called for ...", "X spoke about ...": a speech verb and its preposition report a
/// topic or a demand.
fn topic_attribution(ctx: &Ctx<'_, '_>, u: Unit, i: usize) -> Option<(Attribution, usize)> {
    let p = topic_prep(ctx, i, u.end)?;
    let end = (p + 1..u.end)
        .find(|&k| matches!(ctx.tokens[k].text, "," | ";" | ":") && ctx.region_at(k).is_none())
        .unwrap_or(u.end);
    if ctx.words(p + 1, end) < 1 {
        return None;
    }
    let source = ctx.source_before(i, u.from)?;
    let content = ctx.content(p + 1, end)?;
    let attribution = Attribution {
        parts: vec![content],
        cue: ctx.span(i, p + 1),
        source: Some(source),
        inherited: false,
    };
    Some((attribution, end))
}

/// "according to X, ..." / "..., according to X".
fn according_to(ctx: &Ctx<'_, '_>, u: Unit, i: usize) -> Step {
    let e = u.end;
    if !(ctx.lower(i) == "according" && i + 1 < e && ctx.lower(i + 1) == "to") {
        return Step::NoMatch;
    }
    let cue = ctx.span(i, i + 2);
    let after = (i + 2..e).find(|&k| ctx.tokens[k].text == ",");
    let attribution = |parts: Option<Span>, source: Option<Span>, next: usize| match parts {
        None => Step::GiveUp,
        Some(p) => Step::Found(
            Attribution {
                parts: vec![p],
                cue,
                source,
                inherited: false,
            },
            next,
        ),
    };
    if ctx.words(u.start, i) <= 2 {
        let k = after.unwrap_or(e);
        let source = ctx.span(i + 2, k);
        if ctx.words(k, e) >= 3 {
            return attribution(ctx.content(k + 1, e), source, e);
        }
    } else if ctx.words(u.from, i) >= 3 {
        let source = ctx.span(i + 2, after.unwrap_or(e));
        return attribution(ctx.content(u.from, i), source, after.unwrap_or(e));
    }
    Step::Skip(i + 2)
}

/// A participle cue: ", saying ...", "began by saying ...", "keeps saying ..." (the source
/// is the subject of the main clause). A participle without a comma or an auxiliary before
/// it is not a cue ("notable considering ...").
fn participle(ctx: &Ctx<'_, '_>, u: Unit, c: usize) -> Step {
    let (s, e) = (u.start, u.end);
    let w = ctx.lower(c);
    if !w.ends_with("ing") {
        return Step::NoMatch;
    }
    let prev_comma = c > s && ctx.tokens[c - 1].text == ",";
    let gerund = c > s
        && matches!(
            ctx.lower(c - 1),
            "by" | "after"
                | "before"
                | "from"
                | "while"
                | "without"
                | "and"
                | "keeps"
                | "kept"
                | "keep"
                | "began"
                | "started"
                | "continued"
                | "continues"
        );
    if prev_comma || gerund {
        let k = ctx.content_start(c, e);
        if ctx.words(k, e) >= 2 {
            let source = u.shared.or_else(|| ctx.subject(s, c));
            let end = coord_end(ctx, k, e);
            return found_at(ctx, ctx.content(k, end).map(|p| vec![p]), c, source, end);
        }
        return Step::Skip(c + 1);
    }
    let after_be = c > s
        && matches!(
            ctx.lower(c - 1),
            "is" | "are" | "was" | "were" | "been" | "be"
        );
    if after_be {
        Step::NoMatch
    } else {
        Step::Skip(c + 1)
    }
}

/// An attribution after its content: "..., X said." / "..., said X." (the comma may close
/// a quotation: `,”`), or in the middle: "It would take weeks, he said, and the party ...".
fn tail_attribution(ctx: &Ctx<'_, '_>, u: Unit, c: usize) -> Step {
    let (from, e) = (u.from, u.end);
    let last_comma = (from.max(c.saturating_sub(40))..c).rev().find(|&k| {
        ctx.tokens[k].text == ","
            && (ctx.region_at(k).is_none() || (k + 1 < ctx.tokens.len() && ctx.is_mark[k + 1]))
    });
    let Some(k) = last_comma else {
        return Step::NoMatch;
    };
    let no_that = !(k + 1..c).any(|j| ctx.lower(j) == "that");
    if ctx.words(k, c) <= TAIL_WORDS
        && ctx.words(c, e) <= TAIL_WORDS
        && ctx.words(from, k) >= 3
        && no_that
    {
        // (after the cue a name, not a clause: "..., said the bridge was unsafe")
        let source = ctx.source_before(c, k + 1).or_else(|| {
            ctx.source_after(c, e)
                .filter(|_| !(c + 1..e).any(|j| ctx.is(j, AUX) || ctx.lower(j) == "that"))
        });
        if source.is_some() {
            return found_at(ctx, ctx.content(from, k).map(|p| vec![p]), c, source, e);
        }
    }
    // in the middle: "It would take weeks, he said, and the party would ..."
    if ctx.words(k, c) <= 3
        && ctx.words(from, k) >= 2
        && c + 1 < e
        && ctx.tokens[c + 1].text == ","
        && ctx.words(c + 2, e) >= 3
        && no_that
    {
        if let Some(source) = ctx.source_before(c, k + 1) {
            let parts = ctx
                .content(from, k)
                .and_then(|a| Some(vec![a, ctx.content(c + 2, e)?]));
            return found_at(ctx, parts, c, Some(source), e);
        }
    }
    Step::NoMatch
}

/// The plain order "source cue content": "The mayor said that ...", with the source of the
/// previous attribution or the sentence's subject for a coordinated cue ("and warned that").
/// `strong_pattern`: the cue is a headline or evidence cue, which a stronger cue later in the
/// unit does not displace.
fn source_cue_content(ctx: &Ctx<'_, '_>, u: Unit, c: usize, strong_pattern: bool) -> Step {
    let (s, from, e) = (u.start, u.from, u.end);
    let source = ctx.source_before(c, from).or_else(|| {
        // "and warned that ...": the source of the previous attribution, else the
        // subject of the sentence ("Smith supported the plan ... and said that ...").
        (c > from && matches!(ctx.lower(c - 1), "and" | "also"))
            .then(|| u.shared.or_else(|| ctx.subject(s, c - 1)))
            .flatten()
    });
    let Some(source) = source else {
        return Step::Skip(c + 1);
    };
    let k = ctx.content_start(c, e);
    let end = coord_end(ctx, k, e);
    // a weak cue ("the campaign plans to ...") gives way to a strong one later in the
    // unit ("..., a spokesman announced")
    if !strong_pattern
        && ctx.cue_prob(c) < WEAK_CUE
        && (c + 1..e.min(c + 40)).any(|j| ctx.is_cue(j, STRONG_CUE) && !is_cap(ctx.tokens[j].text))
    {
        return Step::Skip(c + 1);
    }
    // "said in June", "said when she resigned": a circumstance, not a report
    if ctx.words(k, end) < 2 || (ctx.is(k, CIRCUMSTANCE) && ctx.words(k, end) <= 6) {
        return Step::Skip(c + 1);
    }
    found_at(
        ctx,
        ctx.content(k, end).map(|p| vec![p]),
        c,
        Some(source),
        end,
    )
}

/// Finds one attribution in unit `[s, e)` with a cue at or after `from`; returns it and the
/// token index where the search continues. Each token is tried against the patterns in
/// order: topic verbs, `according to`, then for a cue word a participle, a tail or middle
/// attribution, and the plain order source-cue-content.
pub(crate) fn one_reported(
    ctx: &Ctx<'_, '_>,
    s: usize,
    from: usize,
    e: usize,
    shared: Option<Span>,
    headline: bool,
) -> Option<(Attribution, usize)> {
    let u = Unit {
        start: s,
        from,
        end: e,
        shared,
        headline,
    };
    if let Some(found) = closing_tail(ctx, u) {
        return Some(found);
    }
    let mut i = from;
    while i < e {
        if let Some(found) = topic_attribution(ctx, u, i) {
            return Some(found);
        }
        match according_to(ctx, u, i) {
            Step::Found(a, next) => return Some((a, next)),
            Step::GiveUp => return None,
            Step::Skip(next) => {
                i = next;
                continue;
            }
            Step::NoMatch => {}
        }
        // A capitalised cue inside a unit is a name ("Tell", "Warren") or a title, except a
        // speech verb in a headline ("Obama Says Museum Will Open").
        let outside = ctx.region_at(i).is_none() && !ctx.is_mark[i];
        let headline_cue = u.headline && ctx.is(i, HEADLINE_CUE) && outside;
        // "The poll shows that ...", "a study found that ...": evidence verbs are cues only
        // before "that" (the lexicon leaves them out: "shows up", "found the keys").
        let evidence_cue =
            ctx.is(i, EVIDENCE_CUE) && i + 1 < e && ctx.lower(i + 1) == "that" && outside;
        if !(headline_cue || evidence_cue || ctx.is_cue(i, ctx.min_prob))
            || (is_cap(ctx.tokens[i].text) && i > s && !headline_cue)
        {
            i += 1;
            continue;
        }
        let steps: [&dyn Fn() -> Step; 3] = [
            &|| participle(ctx, u, i),
            &|| tail_attribution(ctx, u, i),
            &|| source_cue_content(ctx, u, i, headline_cue || evidence_cue),
        ];
        let mut next = None;
        for step in steps {
            match step() {
                Step::Found(a, n) => return Some((a, n)),
                Step::GiveUp => return None,
                Step::Skip(n) => {
                    next = Some(n);
                    break;
                }
                Step::NoMatch => {}
            }
        }
        i = next.unwrap_or(i + 1);
    }
    None
}

/// A unit closing on ", X said." with a strong cue ("said", "added", "told"): the whole
/// clause before the comma is what X reported, and a weaker cue inside it ("Officials called
/// for ..., sources said.") is part of the report, not its attribution.
fn closing_tail(ctx: &Ctx<'_, '_>, u: Unit) -> Option<(Attribution, usize)> {
    let e = u.end;
    let lo = e.saturating_sub(2 * TAIL_WORDS + 2).max(u.from);
    let c = (lo..e).rev().find(|&c| {
        ctx.is_cue(c, STRONG_CUE)
            && !is_cap(ctx.tokens[c].text)
            && (c == 0 || ctx.lower(c - 1) != "to")
    })?;
    if ctx.words(c + 1, e) > 2 {
        return None;
    }
    // the source between the comma and the cue is a plain phrase, not a clause
    // ("..., but Chaffetz declined", "..., which first reported the story")
    let comma = (lo.saturating_sub(2)..c)
        .rev()
        .find(|&k| ctx.tokens[k].text == ",")?;
    if (comma + 1..c).any(|k| {
        matches!(
            ctx.lower(k),
            "but" | "and" | "or" | "while" | "which" | "who" | "when" | "as" | "because" | "that"
        )
    }) {
        return None;
    }
    // only when a weaker cue comes before it (a strong one has its own attribution, and
    // without a cue the search finds the tail in order)
    let mut earlier = false;
    for i in u.from..comma {
        if ctx.is_cue(i, STRONG_CUE) {
            return None;
        }
        earlier |= ctx.is_cue(i, ctx.min_prob);
    }
    if !earlier {
        return None;
    }
    match tail_attribution(ctx, u, c) {
        Step::Found(a, next) => Some((a, next)),
        _ => None,
    }
}

/// The end of a reported clause starting at `k`: the unit end, or before a coordinated
/// second cue ("... and warned that ...").
pub(crate) fn coord_end(ctx: &Ctx<'_, '_>, k: usize, e: usize) -> usize {
    // The first token `j` after `k` (and before the unit's last token) where a clause break
    // ends the content, found from where an earlier search of the same unit left off: the
    // learned stage asks for every candidate cue of a unit, each time for the rest of it.
    let lim = e.saturating_sub(1);
    let start = k + 1;
    let (memo_e, lo, hit) = ctx.coord_memo.get();
    let mut j = start;
    while j < lim {
        if memo_e == e && lo <= j && j <= hit {
            // (no break in `lo..hit`: the search ends at `hit`)
            ctx.coord_memo.set((e, start, hit));
            return if hit < lim {
                coord_break(ctx, hit).unwrap_or(e)
            } else {
                e
            };
        }
        if let Some(end) = coord_break(ctx, j) {
            ctx.coord_memo.set((e, start, j));
            return end;
        }
        j += 1;
    }
    ctx.coord_memo.set((e, start, lim.max(start)));
    e
}

/// Where the content ends when token `j` breaks the clause ([`coord_end`]), if it does.
fn coord_break(ctx: &Ctx<'_, '_>, j: usize) -> Option<usize> {
    let w = ctx.lower(j);
    if w == "and" && ctx.is_cue(j + 1, ctx.min_prob) && ctx.region_at(j).is_none() {
        // (the clause starts before `j`: a comma before "and" is not part of it)
        return Some(if ctx.tokens[j - 1].text == "," {
            j - 1
        } else {
            j
        });
    }
    if w == "according" && ctx.lower(j + 1) == "to" && ctx.tokens[j - 1].text == "," {
        return Some(j - 1);
    }
    // "..., but the NYPD overruled that request", "..., while the Senate ...": a
    // contrasting clause is the writer's, not part of what is reported
    if ctx.tokens[j].text == ","
        && ctx.region_at(j).is_none()
        && matches!(
            ctx.lower(j + 1),
            "but" | "while" | "although" | "though" | "whereas"
        )
    {
        return Some(j);
    }
    // "... was not intentional; they only learned ...": a new clause
    if ctx.tokens[j].text == ";" && ctx.region_at(j).is_none() {
        return Some(j);
    }
    // "..., citing her work", "..., contradicting the police": a participle clause is
    // not part of what is reported
    if ctx.tokens[j].text == "," && ctx.region_at(j).is_none() {
        let w = ctx.lower(j + 1);
        if w.len() > 5 && w.ends_with("ing") && !matches!(w, "including" | "excluding") {
            return Some(j);
        }
    }
    None
}

/// The terminal index of a sentence-like unit: tokens `[s, e)` minus closing punctuation.
pub(crate) fn trim_end(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> usize {
    let mut e = e;
    while e > s && !ctx.is_word_at(e - 1) && ctx.region_at(e - 1).is_none() && !ctx.is_mark[e - 1] {
        e -= 1;
    }
    e
}

impl<'a, 'l> Ctx<'a, 'l> {
    /// A reported clause over tokens `a..b`: trimmed of punctuation, but a closing
    /// quotation mark (and the punctuation inside it) is kept when its opening mark is in.
    pub(crate) fn content(&self, a: usize, b: usize) -> Option<Span> {
        let (mut a, mut b) = (a, b);
        while a < b && !self.is_word_at(a) && !self.is_mark[a] {
            a += 1;
        }
        while b > a && !self.is_word_at(b - 1) && !self.is_mark[b - 1] {
            b -= 1;
        }
        if b > a && self.is_mark[b - 1] {
            let opened_inside = self.is_mark[a..b - 1].iter().any(|&m| m);
            if !opened_inside {
                b -= 1;
                while b > a && !self.is_word_at(b - 1) {
                    b -= 1;
                }
            }
        }
        (a < b).then(|| Span::new(self.tokens[a].span.start, self.tokens[b - 1].span.end))
    }

    /// Skips the addressee of "told reporters that ..." and a following "that"/colon/comma.
    pub(crate) fn content_start(&self, c: usize, hi: usize) -> usize {
        let mut k = c + 1;
        if self.is(c, ADDRESSEE_CUE) {
            let lim = (k + 4).min(hi);
            if let Some(t) = (k..lim).find(|&t| matches!(self.lower(t), "that" | ":" | ",")) {
                k = t;
            } else if k < hi
                && (is_cap(self.tokens[k].text)
                    || matches!(
                        self.lower(k),
                        "reporters" | "him" | "her" | "them" | "us" | "me" | "journalists"
                    ))
            {
                k += 1;
            }
        }
        // "said in a statement on Monday that ...": the circumstance is not reported
        if k < hi && self.is(k, CIRCUMSTANCE) {
            let lim = (k + 10).min(hi);
            if let Some(t) = (k + 1..lim)
                .take_while(|&t| {
                    !matches!(self.tokens[t].text, "," | ";" | ":") && !self.is_mark[t]
                })
                .find(|&t| self.lower(t) == "that")
            {
                return t + 1;
            }
        }
        while k < hi
            && (matches!(self.lower(k), "that" | ":" | "," | "—" | "–") || self.is(k, AUX))
            && !self.is_mark[k]
        {
            // keep "that" when it is a pronoun object: "said that was wrong" is rare; skip
            k += 1;
            if self.lower(k - 1) == "that" {
                break;
            }
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::test_support::{token, with_ctx};

    #[test]
    fn a_dateline_is_not_reported_content() {
        with_ctx("WASHINGTON — The senator said taxes would rise.", |ctx| {
            let n = ctx.tokens.len();
            assert_eq!(dateline_end(ctx, 0, n), token(ctx, "The"));
        });
        with_ctx("US-Russia talks failed, the envoy said.", |ctx| {
            assert_eq!(dateline_end(ctx, 0, ctx.tokens.len()), 0);
        });
    }

    #[test]
    fn content_starts_after_the_addressee_and_that() {
        let text = "Smith told reporters that the bridge was unsafe.";
        with_ctx(text, |ctx| {
            let told = token(ctx, "told");
            assert_eq!(ctx.content_start(told, ctx.tokens.len()), token(ctx, "the"));
        });
    }

    #[test]
    fn a_second_cue_ends_the_first_content() {
        let text = "Smith said the bridge was unsafe and warned that it could fall.";
        with_ctx(text, |ctx| {
            let start = token(ctx, "the");
            assert_eq!(coord_end(ctx, start, ctx.tokens.len()), token(ctx, "and"));
        });
    }

    #[test]
    fn a_contrasting_clause_ends_the_content() {
        let text = "Smith said the bridge was unsafe, but the council kept it open.";
        with_ctx(text, |ctx| {
            let start = token(ctx, "the");
            assert_eq!(coord_end(ctx, start, ctx.tokens.len()), token(ctx, ","));
        });
        let text = "Smith said the bridge, which is old, was unsafe.";
        with_ctx(text, |ctx| {
            let e = trim_end(ctx, 0, ctx.tokens.len());
            assert_eq!(coord_end(ctx, token(ctx, "the"), e), e);
        });
    }

    #[test]
    fn remembered_clause_breaks_give_the_same_ends_in_any_order() {
        let text = "Smith said the bridge was old, but it stood; the council said it was safe and warned that repairs, citing costs, would wait, according to Jones.";
        with_ctx(text, |ctx| {
            let n = ctx.tokens.len();
            let fresh = |k: usize, e: usize| {
                (k + 1..e.saturating_sub(1))
                    .find_map(|j| coord_break(ctx, j))
                    .unwrap_or(e)
            };
            let mut ks: Vec<usize> = (0..n).collect();
            ks.extend((0..n).rev());
            ks.extend((0..n).map(|k| (k * 7) % n));
            for &k in &ks {
                for e in [n, n, n - 1, n / 2, n / 2] {
                    assert_eq!(coord_end(ctx, k, e), fresh(k, e), "k {k}, e {e}");
                }
            }
            assert!(ks.iter().any(|&k| fresh(k, n) < n));
        });
    }

    /// What [`one_reported`] finds over the whole of a one-sentence `text`: the text of its
    /// first part, of its source and of its cue, and whether it stops where the sentence
    /// ends.
    struct Reported {
        content: String,
        source: Option<String>,
        cue: Option<String>,
        to_end: bool,
    }

    fn reported(text: &str) -> Reported {
        with_ctx(text, |ctx| {
            let e = trim_end(ctx, 0, ctx.tokens.len());
            let (found, next) = one_reported(ctx, 0, 0, e, None, false).expect("an attribution");
            let of = |s: Option<Span>| s.map(|s| s.text(text).to_string());
            Reported {
                content: found.parts[0].text(text).to_string(),
                source: of(found.source),
                cue: of(found.cue),
                to_end: next == e,
            }
        })
    }

    #[test]
    fn a_closing_said_tail_outranks_a_weaker_cue_inside() {
        let r = reported("Officials called for the mayor to be taken to a hospital, sources said.");
        assert_eq!(
            r.content,
            "Officials called for the mayor to be taken to a hospital"
        );
        assert_eq!(r.source.as_deref(), Some("sources"));
        assert_eq!(r.cue.as_deref(), Some("said"));
        assert!(r.to_end);
        // a strong cue before it keeps its own attribution
        let r = reported("Smith said the bridge was unsafe and old, Jones said.");
        assert_eq!(r.source.as_deref(), Some("Smith"));
    }

    #[test]
    fn one_reported_finds_source_cue_and_content() {
        let r = reported("Councillor Tom Hale said the cost estimates were unrealistic.");
        assert_eq!(r.content, "the cost estimates were unrealistic");
        assert_eq!(r.source.as_deref(), Some("Councillor Tom Hale"));
        assert_eq!(r.cue.as_deref(), Some("said"));
    }

    #[test]
    fn according_to_before_or_after_the_content() {
        let r = reported("The economy will shrink this year, according to the central bank.");
        assert_eq!(r.content, "The economy will shrink this year");
        assert_eq!(r.source.as_deref(), Some("the central bank"));
        assert_eq!(r.cue.as_deref(), Some("according to"));
    }
}
