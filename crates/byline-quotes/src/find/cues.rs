//! Stage 2, cues: whether a word introduces an attribution (the learned cue lexicon with
//! its probability thresholds), speech verbs with their topic preposition (`called for`),
//! headlines, and cue verbs missing from the lexicon in a short tail (`, he surmised.`).

use super::context::{is_cap, is_word, Ctx};
use crate::lexicon::CueStat;
use crate::words::{AFTER_STOP, AUX, BOUNDARY, DETERMINER, PRONOUN, TOPIC_VERB};
use byline_tokenize::Span;

/// A cue word below this probability gives way to a cue of at least [`STRONG_CUE`] later in
/// the same sentence.
pub(crate) const WEAK_CUE: f32 = 0.3;
pub(crate) const STRONG_CUE: f32 = 0.7;

/// Speech verbs and the preposition that introduces what they are about ("called for",
/// "spoke about", "commented on").
pub(crate) const TOPIC_CUES: &[(&str, &str)] = &[
    ("called", "for"),
    ("calls", "for"),
    ("calling", "for"),
    ("call", "for"),
    ("spoke", "about"),
    ("spoke", "of"),
    ("speaks", "about"),
    ("speaking", "about"),
    ("speaking", "of"),
    ("talked", "about"),
    ("talks", "about"),
    ("talking", "about"),
    ("asked", "about"),
    ("asks", "about"),
    ("commented", "on"),
    ("comments", "on"),
    ("complained", "about"),
    ("complains", "about"),
    ("joked", "about"),
    ("wrote", "about"),
    ("writes", "about"),
    ("warned", "about"),
    ("warned", "of"),
    ("warns", "of"),
    ("argued", "for"),
    ("argues", "for"),
    ("pushed", "for"),
    ("pushing", "for"),
    ("advocated", "for"),
    ("advocates", "for"),
    ("testified", "about"),
    ("boasted", "about"),
    ("bragged", "about"),
    ("raved", "about"),
    ("criticized", "for"),
];

/// The preposition's index when token `i` starts a [`TOPIC_CUES`] pair (an adverb such as
/// "out" or a day may come between: "spoke out on Tuesday about").
#[inline]
pub(crate) fn topic_prep(ctx: &Ctx<'_, '_>, i: usize, e: usize) -> Option<usize> {
    // (this runs for most tokens of a document: the word class rejects them, inlined)
    if !ctx.is(i, TOPIC_VERB) {
        return None;
    }
    topic_verb_prep(ctx, i, e)
}

/// [`topic_prep`] for a topic verb.
fn topic_verb_prep(ctx: &Ctx<'_, '_>, i: usize, e: usize) -> Option<usize> {
    if ctx.region_at(i).is_some() || ctx.is_mark[i] {
        return None;
    }
    let verb = ctx.lower(i);
    let pairs = || TOPIC_CUES.iter().filter(move |(v, _)| *v == verb);
    (i + 1..e.min(i + 5))
        .take_while(|&k| ctx.is_word_at(k) && !ctx.is_mark[k])
        .find(|&k| {
            let w = ctx.lower(k);
            pairs().any(|(_, p)| *p == w)
        })
}

/// Unit `[s, e)` is a whole line in title case or capitals (a headline): at least three
/// words of four letters or more, at most one of them lowercase.
pub(crate) fn is_headline(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> bool {
    let n = ctx.tokens.len();
    if !(ctx.starts_line[s] && (e >= n || ctx.starts_line[e])) {
        return false;
    }
    // (a word of four letters stops the count at its fourth; a second lowercase word
    // settles the answer)
    let long = (s..e).filter(|&k| {
        ctx.tokens[k]
            .text
            .chars()
            .filter(|c| c.is_alphabetic())
            .nth(3)
            .is_some()
    });
    let (mut words, mut lower) = (0, 0);
    for k in long {
        words += 1;
        lower += usize::from(!is_cap(ctx.tokens[k].text));
        if lower > 1 {
            return false;
        }
    }
    words >= 3 && lower <= 1
}

/// A tail that opens with a name or a pronoun and a verb in the present or past
/// ("Blige sings", "Jane Doe recalled", "she writes"): the verb's index.
pub(crate) fn name_then_verb(ctx: &Ctx<'_, '_>, b: usize, e: usize) -> Option<usize> {
    let mut ws = (b..e).filter(|&i| ctx.is_word_at(i));
    let w0 = ws.next()?;
    let pronoun = ctx.is(w0, PRONOUN);
    if !(pronoun || is_cap(ctx.tokens[w0].text)) {
        return None;
    }
    let mut v = ws.next()?;
    if !pronoun {
        for _ in 0..3 {
            if !is_cap(ctx.tokens[v].text) {
                break;
            }
            v = ws.next()?;
        }
    }
    let w = ctx.lower(v);
    let verb = !is_cap(ctx.tokens[v].text)
        && (w.ends_with("ed") || w.ends_with('s'))
        && w.len() > 3
        && !ctx.is(v, AUX | BOUNDARY | AFTER_STOP);
    // A verb, not a noun ("White House press secretary"): what follows is punctuation or a
    // word that follows a verb of speaking ("sings to", "yells,").
    let after_verb = !ctx.tokens.get(v + 1).is_some_and(is_word)
        || matches!(
            ctx.lower(v + 1),
            "to" | "at"
                | "in"
                | "on"
                | "for"
                | "with"
                | "about"
                | "from"
                | "as"
                | "before"
                | "after"
                | "while"
                | "him"
                | "her"
                | "them"
                | "it"
                | "me"
                | "us"
        );
    (verb && after_verb).then_some(v)
}

/// A cue missing from the lexicon in a short tail such as `, he surmised.`: a lowercase
/// word right after a pronoun or a capitalised name, or right before one.
pub(crate) fn tail_verb(ctx: &Ctx<'_, '_>, b: usize, e: usize) -> Option<usize> {
    let ws: Vec<usize> = (b..e).filter(|&i| ctx.is_word_at(i)).collect();
    if ws.len() < 2 || ws.len() > 5 {
        return None;
    }
    let (w0, w1) = (ws[0], ws[1]);
    let low = |i: usize| {
        !is_cap(ctx.tokens[i].text) && ctx.tokens[i].kind != byline_tokenize::TokenKind::Number
    };
    let verbish = |i: usize| {
        let w = ctx.lower(i);
        low(i) && (w.ends_with("ed") || w.ends_with('s')) && !ctx.is(i, AUX)
    };
    let plain = |i: usize| low(i) && !ctx.is(i, AUX | DETERMINER | BOUNDARY | AFTER_STOP);
    if (ctx.is(w0, PRONOUN) || is_cap(ctx.tokens[w0].text)) && plain(w1) && ws.len() <= 3 {
        return Some(w1);
    }
    if verbish(w0) && is_cap(ctx.tokens[w1].text) {
        return Some(w0);
    }
    // "the judge exclaimed", "a flabbergasted Noah quipped"
    let wl = ws[ws.len() - 1];
    let starts_np = ctx.is(w0, DETERMINER) || is_cap(ctx.tokens[w0].text);
    if starts_np && ws.len() <= 4 && ctx.lower(wl).ends_with("ed") && verbish(wl) {
        return Some(wl);
    }
    None
}

impl<'a, 'l> Ctx<'a, 'l> {
    /// The cue probability of token `i`'s word in the lexicon (0 when absent).
    pub(crate) fn cue_prob(&self, i: usize) -> f32 {
        self.cue_stat(i).map_or(0.0, |st| st.prob)
    }

    /// Whether token `i` is a cue word (outside quotation marks) of at least `min_prob`.
    #[inline]
    pub(crate) fn is_cue(&self, i: usize, min_prob: f32) -> bool {
        // (most tokens are no cue: the per-token statistics reject them first, inlined)
        match self.cue_stat(i) {
            None => false,
            Some(st) => self.is_cue_word(i, st, min_prob),
        }
    }

    /// [`Ctx::is_cue`] for a token whose word is in the lexicon with statistics `st`.
    fn is_cue_word(&self, i: usize, st: CueStat, min_prob: f32) -> bool {
        if st.prob < min_prob || st.count < self.min_count {
            return false;
        }
        if self.region_at(i).is_some() || self.is_mark[i] {
            return false;
        }
        // a noun use: "the statement", "his claims"
        if i > 0 && self.is(i - 1, DETERMINER) {
            return false;
        }
        // a label: "Editor's note: ..."
        if i > 0
            && matches!(self.tokens[i - 1].text, "’s" | "'s")
            && self.tokens.get(i + 1).is_some_and(|t| t.text == ":")
        {
            return false;
        }
        // the end of a compound: "gas-fired", "long-awaited"
        if i > 0 && self.tokens[i - 1].text == "-" && !self.tokens[i].space_before {
            return false;
        }
        true
    }

    /// The last cue word in the lead-in `s..quote_start` before a quote that starts at token
    /// `quote_start`: its span, and the speaker found around the lead-in's cues (before one
    /// of them, after the last, or the lead-in's subject).
    pub(crate) fn lead_in(
        &self,
        s: usize,
        quote_start: usize,
    ) -> Option<(Option<Span>, Option<Span>)> {
        let c = (s..quote_start).rev().find(|&i| self.is_cue(i, 0.2))?;
        let source = (s..=c)
            .rev()
            .filter(|&i| self.is_cue(i, 0.2))
            .find_map(|i| self.source_before(i, s))
            .or_else(|| self.source_after(c, quote_start))
            .or_else(|| self.subject(s, c));
        Some((self.span(c, c + 1), source))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::test_support::{token, with_ctx};

    #[test]
    fn a_speech_verb_is_a_cue_but_not_after_a_determiner() {
        with_ctx("Smith said the statement was false.", |ctx| {
            assert!(ctx.is_cue(token(ctx, "said"), 0.2));
            assert!(!ctx.is_cue(token(ctx, "statement"), 0.2));
            assert!(!ctx.is_cue(token(ctx, "false"), 0.2));
        });
    }

    #[test]
    fn no_cue_inside_quotation_marks() {
        with_ctx("“They said nothing,” Smith added.", |ctx| {
            assert!(!ctx.is_cue(token(ctx, "said"), 0.2));
            assert!(ctx.is_cue(token(ctx, "added"), 0.2));
        });
    }

    #[test]
    fn topic_verbs_take_their_preposition() {
        with_ctx("The senator called on Monday for new elections.", |ctx| {
            let called = token(ctx, "called");
            assert_eq!(
                topic_prep(ctx, called, ctx.tokens.len()),
                Some(token(ctx, "for"))
            );
        });
        with_ctx("The senator called his mother.", |ctx| {
            assert_eq!(
                topic_prep(ctx, token(ctx, "called"), ctx.tokens.len()),
                None
            );
        });
    }

    #[test]
    fn headlines_are_title_case_lines() {
        with_ctx(
            "Mayor Warns Of Higher Taxes\nThe mayor warned of taxes.",
            |ctx| {
                let second = token(ctx, "The");
                assert!(is_headline(ctx, 0, second));
                assert!(!is_headline(ctx, second, ctx.tokens.len()));
            },
        );
    }

    #[test]
    fn an_unknown_verb_in_a_short_tail_is_a_cue() {
        let text = "“That is absurd,” he surmised.";
        with_ctx(text, |ctx| {
            let he = token(ctx, "he");
            assert_eq!(
                tail_verb(ctx, he, ctx.tokens.len()),
                Some(token(ctx, "surmised"))
            );
        });
    }
}
