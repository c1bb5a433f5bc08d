//! Stage 4, sources: the phrase naming who speaks, before or after a cue (names, titles,
//! appositives, relative clauses, tagged names such as `Rep. Jane Doe (D-Ohio)`), the
//! subject of a clause, and the attribution just before a quotation.

use super::context::{is_cap, is_word, lowercase, Ctx};
use super::resolve::ent_range;
use crate::words::{
    word_is, AFTER_STOP, AUX, BOUNDARY, DETERMINER, LEADING_ADVERBIAL, NOT_SOURCE_END,
    NOT_SOURCE_START, PRONOUN,
};
use byline_entities::Label;
use byline_tokenize::{Span, Token};

/// Punctuation that may stand inside a name or noun phrase ("Al-Sharaa", "O’Brien",
/// "Putin’s", "Jr.", "AT&T").
pub(crate) fn inside_name(t: &Token<'_>) -> bool {
    matches!(t.text, "-" | "’" | "'" | "’s" | "'s" | "." | "&")
}

/// The source of the last cue between `lo` and the quotation starting at token
/// `quote_start`, looking back at most to the start of the previous line.
pub(crate) fn recent_attribution(ctx: &Ctx<'_, '_>, quote_start: usize, lo: usize) -> Option<Span> {
    let mut lines = 0;
    let mut k = quote_start;
    while k > lo && quote_start - k < 80 {
        k -= 1;
        if ctx.starts_line[k] {
            lines += 1;
            if lines > 1 {
                return None;
            }
        }
        if ctx.is_cue(k, ctx.min_prob) && !is_cap(ctx.tokens[k].text) {
            let mut s = k;
            while s > lo
                && !ctx.starts_line[s]
                && !ctx.is_punct(s - 1, &[".", "?", "!"])
                && !ctx.is_mark[s - 1]
            {
                s -= 1;
            }
            let mut e = k + 1;
            while e < quote_start
                && !ctx.starts_line[e]
                && !ctx.is_punct(e, &[".", "?", "!", ":", ","])
            {
                e += 1;
            }
            return ctx.source_before(k, s).or_else(|| ctx.source_after(k, e));
        }
    }
    None
}

impl<'a, 'l> Ctx<'a, 'l> {
    /// The noun phrase ending right before `end` (exclusive), not before `lo`.
    pub(crate) fn np_left(&self, end: usize, lo: usize) -> usize {
        let mut k = end;
        while k > lo && end - k < 8 {
            let t = &self.tokens[k - 1];
            let ok = if is_word(t) {
                !(self.is(k - 1, BOUNDARY)
                    || (self.is_cue(k - 1, self.min_prob) && !is_cap(t.text)))
            } else {
                inside_name(t) && !(t.text == "." && t.space_before)
            };
            if !ok || self.is_mark[k - 1] || self.region_at(k - 1).is_some() {
                break;
            }
            k -= 1;
        }
        k
    }

    /// The start of the noun a relative pronoun after token `end - 1` stands for: a name
    /// with its title ("delayed by Senator Ana Reyes"), else a determiner phrase ("an
    /// architect"), within the noun phrase of [`Ctx::np_left`].
    fn relative_head(&self, end: usize, lo: usize) -> usize {
        let np = self.np_left(end, lo);
        let mut h = end;
        let mut named = false;
        while h > np {
            let t = &self.tokens[h - 1];
            if self.is(h - 1, DETERMINER) {
                return h - 1;
            }
            if is_cap(t.text) || inside_name(t) {
                named |= is_cap(t.text);
            } else if named || self.is(h - 1, AUX) || !is_word(t) || self.is(h - 1, BOUNDARY) {
                break;
            }
            h -= 1;
        }
        h
    }

    /// Whether a span looks like a noun phrase: it does not start with a preposition, a
    /// wh-word or a participle, nor end with a function word.
    pub(crate) fn valid_source(&self, sp: Span) -> bool {
        let t = sp.text(self.text);
        // (the first and the last word: no list of all of them)
        let mut words = t
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty());
        let Some(first) = words.next() else {
            return false;
        };
        let last = words.next_back().unwrap_or(first);
        let f = lowercase(first);
        let l = lowercase(last);
        let bad_first = !is_cap(first)
            && (word_is(&f, NOT_SOURCE_START) || (f.ends_with("ing") && f.len() > 5));
        let bad_last = word_is(&l, NOT_SOURCE_END);
        !(bad_first || bad_last)
    }

    /// The source before a cue at `c`, within `[lo, c)`: skips auxiliaries and adverbs and
    /// an appositive or relative clause between commas.
    pub(crate) fn source_before(&self, c: usize, lo: usize) -> Option<Span> {
        // (a span ending in a relative pronoun is one this function built: "Priebus, who")
        self.source_before_raw(c, lo)
            .filter(|&sp| self.valid_source(sp) || sp.text(self.text).ends_with(" who"))
    }

    /// A name with a bracketed tag ending right before token `end`, not before `lo`:
    /// "Rep. Jane Doe (D-Ohio)" (the tag is part of the span).
    pub(crate) fn tagged_name(&self, end: usize, lo: usize) -> Option<Span> {
        if end < lo + 3 || self.tokens[end - 1].text != ")" {
            return None;
        }
        let open = (end.saturating_sub(8).max(lo)..end - 1)
            .rev()
            .find(|&k| self.tokens[k].text == "(")?;
        let start = self.np_left(open, lo);
        // (a name somewhere in it: "panel Chairman Rep. Jane Doe (R-Utah)")
        (start < open && (start..open).any(|k| is_cap(self.tokens[k].text)))
            .then(|| Span::new(self.tokens[start].span.start, self.tokens[end - 1].span.end))
    }

    pub(crate) fn source_before_raw(&self, c: usize, lo: usize) -> Option<Span> {
        if let Some(sp) = self.tagged_name(c, lo) {
            return Some(sp);
        }
        let mut j = c;
        while j > lo
            && !is_cap(self.tokens[j - 1].text)
            && (self.is(j - 1, AUX) || self.lower(j - 1).ends_with("ly"))
        {
            j -= 1;
        }
        if j <= lo {
            return None;
        }
        // "an architect who said ...", "Priebus, who has said ...": the noun and the relative
        // pronoun that stands for it
        if j > lo + 1 && self.lower(j - 1) == "who" {
            let mut end = j - 1;
            if self.tokens[end - 1].text == "," {
                end -= 1;
            }
            let head = self.relative_head(end, lo);
            return (head < end).then(|| self.span(head, j)).flatten();
        }
        if self.tokens[j - 1].text == "," {
            // "X, who ..., said" / "X, a spokesman, said"
            let comma = j - 1;
            let prev = (lo.max(comma.saturating_sub(40))..comma)
                .rev()
                .find(|&k| self.tokens[k].text == ",");
            let mut k = prev?;
            // "Rep. Jane Doe (D-Ohio), a member of the panel, said"
            if let Some(sp) = self.tagged_name(k, lo) {
                return Some(sp);
            }
            let mut np_start = self.np_left(k, lo);
            // More appositives: "Jane Doe, 45, of Dayton, said", "John Lee, of Springfield,
            // Va., said": go back over short segments that are not a capitalised name.
            for _ in 0..2 {
                let name = np_start < k
                    && is_cap(self.tokens[np_start].text)
                    && !(np_start > lo
                        && matches!(self.lower(np_start - 1), "of" | "from" | "in" | "near"));
                if name {
                    break;
                }
                let Some(earlier) = (lo.max(k.saturating_sub(8))..k)
                    .rev()
                    .find(|&x| self.tokens[x].text == ",")
                else {
                    break;
                };
                let start = self.np_left(earlier, lo);
                if start == earlier || !is_cap(self.tokens[start].text) {
                    break;
                }
                k = earlier;
                np_start = start;
            }
            let seg_first = self.lower(k + 1);
            if np_start == k {
                return None;
            }
            let relative = matches!(seg_first, "who" | "which" | "whose" | "where" | "whom");
            let end = if relative { k } else { comma };
            return self.span(np_start, end);
        }
        let start = self.np_left(j, lo);
        if start == j {
            return None;
        }
        // "a study that appeared in the journal found ...": the noun the relative clause
        // belongs to starts the source.
        if start > lo + 1 && matches!(self.lower(start - 1), "that" | "who" | "which") {
            let head = self.np_left(start - 1, lo);
            if head < start - 1 {
                return self.span(head, j);
            }
        }
        self.span(start, j)
    }

    /// A source after a cue: "said Smith, a spokesman for the company".
    pub(crate) fn source_after(&self, c: usize, hi: usize) -> Option<Span> {
        self.source_after_raw(c, hi)
            .filter(|&sp| self.valid_source(sp))
    }

    pub(crate) fn source_after_raw(&self, c: usize, hi: usize) -> Option<Span> {
        // after "told", "asked", "urged" comes the addressee, not the speaker
        if matches!(
            self.lower(c),
            "told" | "tell" | "tells" | "telling" | "urged" | "informed" | "assured" | "reminded"
        ) {
            return None;
        }
        let mut k = c + 1;
        while k < hi {
            let t = &self.tokens[k];
            if self.is_mark[k]
                || self.region_at(k).is_some()
                || matches!(t.text, "." | "!" | "?" | ":" | ";" | "—" | "–")
                || (k > c + 1 && self.is(k, AFTER_STOP))
            {
                break;
            }
            // "said Smith, speaking of the plan": a participle clause is not the source
            if t.text == "," && k + 1 < hi && {
                let w = self.lower(k + 1);
                w.len() > 5 && w.ends_with("ing")
            } {
                break;
            }
            k += 1;
        }
        self.span(c + 1, k)
    }

    /// The subject at the start of the clause beginning at `s` ("Israel also waded ...").
    pub(crate) fn subject(&self, s: usize, hi: usize) -> Option<Span> {
        let mut s = s;
        // skip a leading adverbial ending in a comma ("Earlier this year, ..."); one opening
        // with a preposition may be long ("In a letter to the committee on Friday, ...")
        let w = self.lower(s);
        // (an opening participle clause too: "Speaking at a town hall in Salem, ...")
        let prep = matches!(
            w,
            "in" | "at" | "on" | "with" | "by" | "outside" | "inside" | "indeed" | "likewise"
        ) || (w.len() > 5 && w.ends_with("ing") && is_cap(self.tokens[s].text));
        let reach = if prep { 25 } else { 8 };
        let next_comma = |from: usize, reach: usize| {
            (from..hi.min(from + reach))
                .take_while(|&k| !self.is_mark[k] && !self.is_punct(k, &[".", "?", "!", ":", ";"]))
                .find(|&k| self.tokens[k].text == ",")
        };
        if let Some(k) = next_comma(s, reach) {
            if prep || self.is(s, LEADING_ADVERBIAL) || w.ends_with("ly") {
                s = k + 1;
                // the rest of a prepositional opening: a place after its town ("At a rally
                // in Portsmouth, N.H., on Tuesday, ...") and a further prepositional phrase
                while let Some(k2) = next_comma(s, 5).filter(|_| prep) {
                    let place = (s..k2)
                        .all(|i| is_cap(self.tokens[i].text) || inside_name(&self.tokens[i]));
                    let pp = matches!(self.lower(s), "on" | "in" | "at" | "during" | "after");
                    if k2 == s || !(place || pp) {
                        break;
                    }
                    s = k2 + 1;
                }
            }
        }
        while s < hi && !self.is_word_at(s) {
            s += 1;
        }
        if s >= hi {
            return None;
        }
        if self.is(s, PRONOUN) {
            return self.span(s, s + 1);
        }
        let mut e = s;
        let det = self.is(s, DETERMINER);
        if det {
            e += 1;
        }
        while e < hi && e < s + 5 {
            if e > s && !det && !is_cap(self.tokens[e].text) && self.is_word_at(e) {
                break;
            }
            let t = &self.tokens[e];
            let w = self.lower(e);
            let cap = is_cap(t.text);
            let stop = !is_word(t) && !inside_name(t);
            if stop || self.is(e, AUX | BOUNDARY) || self.is_cue(e, self.min_prob) {
                break;
            }
            if !cap && e > s && (w.ends_with("ed") || w.ends_with('s')) {
                break;
            }
            e += 1;
            if det && !cap && is_word(t) {
                // "The Russian leader": the head noun ends the phrase
                break;
            }
        }
        self.span(s, e)
    }

    /// The last person or organization named in tokens `[lo, hi)`, else the last run of
    /// capitalised words there ("... writes pollster Daron Shaw:").
    pub(crate) fn last_name(&self, lo: usize, hi: usize) -> Option<Span> {
        if lo >= hi {
            return None;
        }
        let (a, b) = (self.tokens[lo].span.start, self.tokens[hi - 1].span.end);
        let r = ent_range(self.entities, Span::new(a, b));
        if let Some(e) = self.entities.entities[r]
            .iter()
            .rev()
            .find(|e| matches!(e.label, Label::Person | Label::Organization) && e.span.end <= b)
        {
            return Some(e.span);
        }
        let mut k = hi;
        while k > lo && !(is_cap(self.tokens[k - 1].text) && self.is_word_at(k - 1)) {
            if hi - k > 3 {
                return None;
            }
            k -= 1;
        }
        let end = k;
        while k > lo && is_cap(self.tokens[k - 1].text) && self.is_word_at(k - 1) {
            k -= 1;
        }
        (k < end).then(|| self.span(k, end)).flatten()
    }
}

#[cfg(test)]
mod tests {
    use crate::find::test_support::{token, with_ctx};

    fn before(text: &str, cue: &str) -> Option<String> {
        with_ctx(text, |ctx| {
            let c = token(ctx, cue);
            ctx.source_before(c, 0).map(|s| s.text(text).to_string())
        })
    }

    #[test]
    fn the_source_before_a_cue_skips_adverbs_and_appositives() {
        assert_eq!(
            before("Jane Doe has also said no.", "said").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            before("Jane Doe, a spokeswoman for the city, said no.", "said").as_deref(),
            Some("Jane Doe, a spokeswoman for the city")
        );
        assert_eq!(
            before("Jane Doe, who led the inquiry, said no.", "said").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            before("Rep. Jane Doe (D-Ohio) said no.", "said").as_deref(),
            Some("Rep. Jane Doe (D-Ohio)")
        );
    }

    #[test]
    fn a_preposition_is_not_a_source() {
        assert_eq!(
            before("It was announced by the city and said no.", "said"),
            None
        );
    }

    #[test]
    fn the_source_after_a_cue_stops_at_a_time() {
        let text = "“No,” said Jane Doe on Monday.";
        with_ctx(text, |ctx| {
            let c = token(ctx, "said");
            let src = ctx.source_after(c, ctx.tokens.len());
            assert_eq!(src.map(|s| s.text(text)), Some("Jane Doe"));
        });
    }

    #[test]
    fn the_subject_skips_a_leading_adverbial() {
        let text = "Earlier this year, the Russian leader warned of war.";
        with_ctx(text, |ctx| {
            let warned = token(ctx, "warned");
            let src = ctx.subject(0, warned);
            assert_eq!(src.map(|s| s.text(text)), Some("the Russian leader"));
        });
    }

    #[test]
    fn the_subject_skips_a_long_opening_prepositional_phrase() {
        let text =
            "In a letter to the House committee on Friday afternoon, the agency confirmed it.";
        with_ctx(text, |ctx| {
            let confirmed = token(ctx, "confirmed");
            let src = ctx.subject(0, confirmed);
            assert_eq!(src.map(|s| s.text(text)), Some("the agency"));
        });
    }
}
