//! Stage 3, reported content: sentence units outside direct quotes, and where the reported
//! clause of each cue begins and ends (addressees, circumstances, datelines, coordination,
//! `according to`, participles, colon headlines); the kind of a quote from its marks.

use super::*;

/// The longest attribution clause after reported content ("..., X told CNN at the time.").
pub(crate) const TAIL_WORDS: usize = 5;

pub(crate) fn reported(
    ctx: &Ctx<'_, '_>,
    analysis: &Analysis<'_>,
    claimed: &[bool],
    raws: &mut Vec<Raw>,
) {
    // sentence units: analysis sentences, cut at line breaks
    let mut units = Vec::new();
    for s in analysis.sentences() {
        let mut a = s.tokens.start;
        for i in s.tokens.clone() {
            if i > a && ctx.nl[i] {
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
            let open_region = ctx.region[k]
                .or_else(|| ctx.region_opened_at(k))
                .filter(|&r| ctx.regions[r].outer().end > ctx.toks[k].span.end);
            if open_region.is_some() && !ctx.nl[s] && last.1 == s {
                last.1 = e;
                continue;
            }
        }
        merged.push((s, e));
    }
    for (s, e) in merged {
        if (s..e).any(|i| claimed[i]) {
            continue;
        }
        let headline = is_headline(ctx, s, e);
        let line = ctx.nl[s] && (e >= ctx.toks.len() || ctx.nl[e]);
        let open_end = ctx.toks[e - 1].text != ".";
        let e = trim_end(ctx, s, e);
        if line && open_end {
            if let Some(raw) = colon_headline(ctx, s, e) {
                raws.push(raw);
                continue;
            }
        }
        let s = dateline_end(ctx, s, e);
        let mut from = s;
        let mut shared_source: Option<Span> = None;
        while from < e {
            let Some(found) = one_reported(ctx, s, from, e, shared_source, headline) else {
                break;
            };
            shared_source = found.0.source;
            let next = found.1;
            raws.push(found.0);
            if next <= from {
                break;
            }
            from = next;
        }
    }
}

/// A headline line `Source: content` (`Poll: Voters Abandon ...`, `Sanders: Clinton needs
/// to ...`): a capitalised source of at most five words before a colon, three words or more
/// after it, and no final full stop on the line.
pub(crate) fn colon_headline(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> Option<Raw> {
    let colon = (s..e.min(s + 6)).find(|&k| ctx.toks[k].text == ":")?;
    let words = (s..colon).filter(|&k| is_word(&ctx.toks[k])).count();
    let plain =
        (s..colon).all(|k| is_word(&ctx.toks[k]) || matches!(ctx.toks[k].text, "’s" | "'s" | "."));
    let after = (colon + 1..e).filter(|&k| is_word(&ctx.toks[k])).count();
    if words == 0 || words > 5 || !plain || !is_cap(ctx.toks[s].text) || after < 3 {
        return None;
    }
    if word_is(ctx.low(s), SECTION_LABEL) {
        return None;
    }
    if ctx.mark[s..colon].iter().any(|&m| m) {
        return None;
    }
    Some(Raw {
        parts: vec![ctx.content(colon + 1, e)?],
        cue: Some(ctx.toks[colon].span),
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
    let Some(dash) = (s..lim).find(|&k| match ctx.toks[k].text {
        "—" | "–" | "―" | "--" => true,
        "-" => ctx.toks[k].space_before,
        _ => false,
    }) else {
        return s;
    };
    // Before the dash: a place in capitals (with commas and a date), then an agency in
    // brackets; or only the agency.
    let place = (s..dash).take_while(|&k| {
        let t = ctx.toks[k].text;
        t == "," || (is_word(&ctx.toks[k]) && !t.chars().any(char::is_lowercase))
    });
    let after_place = place.last().map_or(s, |k| k + 1);
    let mut k = after_place;
    // An optional date after the place: `Nov. 3`, `, March 14`.
    while k < dash && k - after_place < 3 {
        let t = &ctx.toks[k];
        if !(t.text == "," || t.kind == TokenKind::Number || (is_word(t) && is_cap(t.text))) {
            break;
        }
        k += 1;
    }
    let k = if k < dash && ctx.toks[k].text == "(" {
        match (k + 1..dash).find(|&j| ctx.toks[j].text == ")") {
            Some(close) if close + 1 == dash => dash,
            _ => return s,
        }
    } else {
        k
    };
    let placed = after_place > s && (s..after_place).any(|j| ctx.toks[j].text.len() > 1);
    let bracketed = ctx.toks[s].text == "(";
    if k == dash && (placed || bracketed) && dash + 1 < e {
        dash + 1
    } else {
        s
    }
}

/// Finds one attribution in unit `[s, e)` with a cue at or after `from`; returns it and the
/// token index where the search continues.
pub(crate) fn one_reported(
    ctx: &Ctx<'_, '_>,
    s: usize,
    from: usize,
    e: usize,
    shared: Option<Span>,
    headline: bool,
) -> Option<(Raw, usize)> {
    let words = |a: usize, b: usize| (a..b).filter(|&i| is_word(&ctx.toks[i])).count();
    // An attribution with the cue at token `c`; the search goes on at `next`.
    let found = |parts: Vec<Span>, c: usize, source: Option<Span>, next: usize| {
        let cue = ctx.span(c, c + 1);
        Some((
            Raw {
                parts,
                cue,
                source,
                inherited: false,
            },
            next,
        ))
    };
    let mut i = from;
    while i < e {
        // "X called for ...", "X spoke about ...": a speech verb and its preposition report
        // a topic or a demand
        if let Some(p) = topic_prep(ctx, i, e) {
            let end = (p + 1..e)
                .find(|&k| matches!(ctx.toks[k].text, "," | ";" | ":") && ctx.region[k].is_none())
                .unwrap_or(e);
            if let (true, Some(source)) = (words(p + 1, end) >= 1, ctx.source_before(i, from)) {
                if let Some(content) = ctx.content(p + 1, end) {
                    let raw = Raw {
                        parts: vec![content],
                        cue: ctx.span(i, p + 1),
                        source: Some(source),
                        inherited: false,
                    };
                    return Some((raw, end));
                }
            }
        }
        // "according to X, ..." / "..., according to X"
        if ctx.low(i) == "according" && i + 1 < e && ctx.low(i + 1) == "to" {
            let cue = ctx.span(i, i + 2);
            let after = (i + 2..e).find(|&k| ctx.toks[k].text == ",");
            if words(s, i) <= 2 {
                let k = after.unwrap_or(e);
                let source = ctx.span(i + 2, k);
                if words(k, e) >= 3 {
                    let parts = vec![ctx.content(k + 1, e)?];
                    return Some((
                        Raw {
                            parts,
                            cue,
                            source,
                            inherited: false,
                        },
                        e,
                    ));
                }
            } else if words(from, i) >= 3 {
                let source = ctx.span(i + 2, after.unwrap_or(e));
                let parts = vec![ctx.content(from, i)?];
                return Some((
                    Raw {
                        parts,
                        cue,
                        source,
                        inherited: false,
                    },
                    after.unwrap_or(e),
                ));
            }
            i += 2;
            continue;
        }
        // A capitalised cue inside a unit is a name ("Tell", "Warren") or a title, except a
        // speech verb in a headline ("Obama Says Museum Will Open").
        let headline_cue = headline
            && word_is(ctx.low(i), HEADLINE_CUE)
            && ctx.region[i].is_none()
            && !ctx.mark[i];
        // "The poll shows that ...", "a study found that ...": evidence verbs are cues only
        // before "that" (the lexicon leaves them out: "shows up", "found the keys").
        let evidence_cue = word_is(ctx.low(i), EVIDENCE_CUE)
            && i + 1 < e
            && ctx.low(i + 1) == "that"
            && ctx.region[i].is_none()
            && !ctx.mark[i];
        if !(headline_cue || evidence_cue || ctx.is_cue(i, ctx.min_prob))
            || (is_cap(ctx.toks[i].text) && i > s && !headline_cue)
        {
            i += 1;
            continue;
        }
        let c = i;
        let w = ctx.low(c);
        let prev_comma = c > s && ctx.toks[c - 1].text == ",";
        // participle: ", saying ...", "began by saying ...", "keeps saying ..." (source =
        // subject of the main clause)
        let gerund = c > s
            && matches!(
                ctx.low(c - 1),
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
        if w.ends_with("ing") && (prev_comma || gerund) {
            let k = ctx.content_start(c, e);
            if words(k, e) >= 2 {
                let source = shared.or_else(|| ctx.subject(s, c));
                let end = coord_end(ctx, k, e);
                let parts = vec![ctx.content(k, end)?];
                return found(parts, c, source, end);
            }
            i += 1;
            continue;
        }
        // a participle without a comma is not a cue ("notable considering ...")
        if w.ends_with("ing")
            && !(c > s
                && matches!(
                    ctx.low(c - 1),
                    "is" | "are" | "was" | "were" | "been" | "be"
                ))
        {
            i += 1;
            continue;
        }
        // tail: "..., X said." / "..., said X." (the comma may close a quotation: `,”`)
        let last_comma = (from.max(c.saturating_sub(40))..c).rev().find(|&k| {
            ctx.toks[k].text == ","
                && (ctx.region[k].is_none() || (k + 1 < ctx.toks.len() && ctx.mark[k + 1]))
        });
        if let Some(k) = last_comma {
            if words(k, c) <= TAIL_WORDS
                && words(c, e) <= TAIL_WORDS
                && words(from, k) >= 3
                && !(k + 1..c).any(|j| ctx.low(j) == "that")
            {
                // (after the cue a name, not a clause: "..., said the bridge was unsafe")
                let source = ctx.source_before(c, k + 1).or_else(|| {
                    ctx.source_after(c, e).filter(|_| {
                        !(c + 1..e).any(|j| word_is(ctx.low(j), AUX) || ctx.low(j) == "that")
                    })
                });
                if source.is_some() {
                    let parts = vec![ctx.content(from, k)?];
                    return found(parts, c, source, e);
                }
            }
            // in the middle: "It would take weeks, he said, and the party would ..."
            if words(k, c) <= 3
                && words(from, k) >= 2
                && c + 1 < e
                && ctx.toks[c + 1].text == ","
                && words(c + 2, e) >= 3
                && !(k + 1..c).any(|j| ctx.low(j) == "that")
            {
                if let Some(source) = ctx.source_before(c, k + 1) {
                    let parts = vec![ctx.content(from, k)?, ctx.content(c + 2, e)?];
                    return found(parts, c, Some(source), e);
                }
            }
        }
        // source cue content
        let source = ctx.source_before(c, from).or_else(|| {
            // "and warned that ...": the source of the previous attribution, else the
            // subject of the sentence ("Smith supported the plan ... and said that ...").
            (c > from && matches!(ctx.low(c - 1), "and" | "also"))
                .then(|| shared.or_else(|| ctx.subject(s, c - 1)))
                .flatten()
        });
        let Some(source) = source else {
            i += 1;
            continue;
        };
        let k = ctx.content_start(c, e);
        let end = coord_end(ctx, k, e);
        // a weak cue ("the campaign plans to ...") gives way to a strong one later in the
        // unit ("..., a spokesman announced")
        if !headline_cue
            && !evidence_cue
            && ctx.cue_prob(c) < WEAK_CUE
            && (c + 1..e.min(c + 40))
                .any(|j| ctx.is_cue(j, STRONG_CUE) && !is_cap(ctx.toks[j].text))
        {
            i += 1;
            continue;
        }
        // "said in June", "said when she resigned": a circumstance, not a report
        if words(k, end) < 2 || (word_is(ctx.low(k), CIRCUMSTANCE) && words(k, end) <= 6) {
            i += 1;
            continue;
        }
        let parts = vec![ctx.content(k, end)?];
        return found(parts, c, Some(source), end);
    }
    None
}

/// The end of a reported clause starting at `k`: the unit end, or before a coordinated
/// second cue ("... and warned that ...").
pub(crate) fn coord_end(ctx: &Ctx<'_, '_>, k: usize, e: usize) -> usize {
    for j in k + 1..e.saturating_sub(1) {
        if ctx.low(j) == "and" && ctx.is_cue(j + 1, ctx.min_prob) && ctx.region[j].is_none() {
            let mut end = j;
            if end > k && ctx.toks[end - 1].text == "," {
                end -= 1;
            }
            return end;
        }
        if ctx.low(j) == "according" && ctx.low(j + 1) == "to" && ctx.toks[j - 1].text == "," {
            return j - 1;
        }
        // "... was not intentional; they only learned ...": a new clause
        if ctx.toks[j].text == ";" && ctx.region[j].is_none() {
            return j;
        }
        // "..., citing her work", "..., contradicting the police": a participle clause is
        // not part of what is reported
        if ctx.toks[j].text == "," && ctx.region[j].is_none() {
            let w = ctx.low(j + 1);
            if w.len() > 5 && w.ends_with("ing") && !matches!(w, "including" | "excluding") {
                return j;
            }
        }
    }
    e
}

/// The terminal index of a sentence-like unit: tokens `[s, e)` minus closing punctuation.
pub(crate) fn trim_end(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> usize {
    let mut e = e;
    while e > s && !is_word(&ctx.toks[e - 1]) && ctx.region[e - 1].is_none() && !ctx.mark[e - 1] {
        e -= 1;
    }
    e
}

impl<'a, 'l> Ctx<'a, 'l> {
    /// A reported clause over tokens `a..b`: trimmed of punctuation, but a closing
    /// quotation mark (and the punctuation inside it) is kept when its opening mark is in.
    pub(crate) fn content(&self, a: usize, b: usize) -> Option<Span> {
        let (mut a, mut b) = (a, b);
        while a < b && !is_word(&self.toks[a]) && !self.mark[a] {
            a += 1;
        }
        while b > a && !is_word(&self.toks[b - 1]) && !self.mark[b - 1] {
            b -= 1;
        }
        if b > a && self.mark[b - 1] {
            let opened_inside = self.mark[a..b - 1].iter().any(|&m| m);
            if !opened_inside {
                b -= 1;
                while b > a && !is_word(&self.toks[b - 1]) {
                    b -= 1;
                }
            }
        }
        (a < b).then(|| Span::new(self.toks[a].span.start, self.toks[b - 1].span.end))
    }

    /// Skips the addressee of "told reporters that ..." and a following "that"/colon/comma.
    pub(crate) fn content_start(&self, c: usize, hi: usize) -> usize {
        let mut k = c + 1;
        if word_is(self.low(c), ADDRESSEE_CUE) {
            let lim = (k + 4).min(hi);
            if let Some(t) = (k..lim).find(|&t| matches!(self.low(t), "that" | ":" | ",")) {
                k = t;
            } else if k < hi
                && (is_cap(self.toks[k].text)
                    || matches!(
                        self.low(k),
                        "reporters" | "him" | "her" | "them" | "us" | "me" | "journalists"
                    ))
            {
                k += 1;
            }
        }
        // "said in a statement on Monday that ...": the circumstance is not reported
        if k < hi && word_is(self.low(k), CIRCUMSTANCE) {
            let lim = (k + 10).min(hi);
            if let Some(t) = (k + 1..lim)
                .take_while(|&t| !matches!(self.toks[t].text, "," | ";" | ":") && !self.mark[t])
                .find(|&t| self.low(t) == "that")
            {
                return t + 1;
            }
        }
        while k < hi
            && (matches!(self.low(k), "that" | ":" | "," | "—" | "–") || word_is(self.low(k), AUX))
            && !self.mark[k]
        {
            // keep "that" when it is a pronoun object: "said that was wrong" is rare; skip
            k += 1;
            if self.low(k - 1) == "that" {
                break;
            }
        }
        k
    }
}
