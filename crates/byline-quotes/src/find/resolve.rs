//! Stage 5, resolution: each source phrase to an entity cluster: names, pronouns (by the
//! genders the document gives its people), descriptions (`the Russian leader`), anonymous
//! sources, and speakers inherited from a recent quote.

use super::context::{is_cap, Ctx};
use super::marks::kind_of;
use super::Attribution;
use crate::words::{word_is, ANON_HEAD, DETERMINER, PRONOUN};
use crate::{Quote, Speaker, Via};
use byline_entities::{Entities, Label};
use byline_tokenize::Span;
use std::collections::HashMap;

pub(crate) fn ent_range(entities: &Entities, span: Span) -> std::ops::Range<usize> {
    let a = entities
        .entities
        .partition_point(|e| e.span.end <= span.start);
    let mut b = a;
    while b < entities.entities.len() && entities.entities[b].span.start < span.end {
        b += 1;
    }
    a..b
}

pub(crate) fn compatible(label: Label, pron: &str) -> bool {
    match pron {
        "he" | "she" | "i" => label == Label::Person,
        "it" => label != Label::Person,
        _ => true,
    }
}

/// What a document says of a person's gender: honorifics (`Mr.`, `Ms.`) and the pronouns
/// that follow the person's mentions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Unknown,
    Male,
    Female,
}

/// The gender of each cluster of `entities`, from votes at each person mention: an honorific
/// right before it, and the first `he`/`his`/`him` or `she`/`her` after it (outside
/// quotations, in the same paragraph, within 25 tokens and before the next person mention).
pub(crate) fn genders(ctx: &Ctx<'_, '_>) -> Vec<Gender> {
    let entities = ctx.entities;
    let mut votes = vec![0i32; entities.clusters.len()];
    let persons: Vec<&byline_entities::Entity> = entities
        .entities
        .iter()
        .filter(|e| e.label == Label::Person)
        .collect();
    let word = |k: usize| ctx.lower(k);
    for (pi, e) in persons.iter().enumerate() {
        let Some(v) = votes.get_mut(e.cluster) else {
            continue;
        };
        let before = e.tokens.start.checked_sub(1).map_or("", word);
        match before {
            "mr." | "mr" => *v += 2,
            "mrs." | "mrs" | "ms." | "ms" | "miss" => *v -= 2,
            _ => {}
        }
        let next_person = persons.get(pi + 1).map_or(usize::MAX, |n| n.tokens.start);
        let lim = (e.tokens.end + 25).min(ctx.tokens.len()).min(next_person);
        for k in e.tokens.end..lim {
            if ctx.starts_line[k] {
                break;
            }
            if ctx.region_at(k).is_some() {
                continue;
            }
            match word(k) {
                "he" | "his" | "him" | "himself" => {
                    *v += 1;
                    break;
                }
                "she" | "her" | "hers" | "herself" => {
                    *v -= 1;
                    break;
                }
                _ => {}
            }
        }
    }
    votes
        .into_iter()
        .map(|v| match v {
            v if v > 0 => Gender::Male,
            v if v < 0 => Gender::Female,
            _ => Gender::Unknown,
        })
        .collect()
}

/// Whether cluster `cl` can be what the pronoun `pron` refers to.
pub(crate) fn compatible_cluster(ctx: &Ctx<'_, '_>, cl: usize, label: Label, pron: &str) -> bool {
    let gender = ctx.gender.get(cl).copied().unwrap_or(Gender::Unknown);
    compatible(label, pron)
        && match pron {
            "he" => gender != Gender::Female,
            "she" => gender != Gender::Male,
            _ => true,
        }
}

pub(crate) fn resolve(ctx: &Ctx<'_, '_>, attributions: Vec<Attribution>) -> Vec<Quote> {
    let entities = ctx.entities;
    let mut out: Vec<Quote> = Vec::with_capacity(attributions.len());
    let mut last_speaker: Option<(usize, Label)> = None;
    for r in attributions {
        let Some(first) = r.parts.first() else {
            continue;
        };
        let span = Span::new(first.start, r.parts.last().map_or(first.end, |p| p.end));
        let kind = kind_of(ctx, &r.parts);
        let mut r = r;
        if let Some((cue, src)) = according_to_after(ctx, span) {
            r.cue = Some(cue);
            r.source = Some(src);
            r.inherited = false;
        }
        let source = match r.source {
            Some(src) if !r.inherited => Some(outer_source(ctx, src).unwrap_or(src)),
            None => r.cue.and_then(|c| sentence_subject(ctx, c)),
            other => other,
        };
        let speaker = source.map(|src| {
            if r.inherited {
                if let Some(prev) = out.iter().rev().take(8).find_map(|q| q.speaker.clone()) {
                    if prev.span == src {
                        return prev;
                    }
                }
            }
            speaker_of(ctx, src, span, last_speaker)
        });
        if let Some(sp) = &speaker {
            if let Some(cl) = sp.cluster {
                if let Some(c) = entities.clusters.get(cl) {
                    last_speaker = Some((cl, c.label));
                }
            }
        }
        out.push(Quote {
            span,
            parts: if r.parts.len() > 1 {
                r.parts
            } else {
                vec![span]
            },
            kind,
            cue: r.cue,
            speaker,
        });
    }
    out
}

/// An `according to` source in the rest of the sentence after a quote's content (`“...,”
/// Sanders said, according to CNN.`): the reporting source the quote is credited to, with
/// `according to` as its cue. Nothing when the content closes its sentence.
fn according_to_after(ctx: &Ctx<'_, '_>, content: Span) -> Option<(Span, Span)> {
    let inner = ctx.text.get(content.start..content.end)?;
    if inner.trim_end().ends_with(['.', '?', '!']) {
        return None;
    }
    let n = ctx.tokens.len();
    let mut k = ctx.token_at(content.end);
    // past the closing mark
    while k < n && ctx.is_mark[k] && ctx.tokens[k].span.start < content.end + 4 {
        k += 1;
    }
    let lim = (k + 40).min(n);
    while k + 2 < lim && !ctx.starts_line[k] && !ctx.is_mark[k] {
        if ctx.is_punct(k, &[".", "?", "!", ";"]) {
            return None;
        }
        if ctx.lower(k) == "according" && ctx.lower(k + 1) == "to" {
            let src = ctx.source_after(k + 1, lim)?;
            return Some((ctx.span(k, k + 2)?, src));
        }
        k += 1;
    }
    None
}

/// The first token of the sentence holding token `k`: after a line start, a sentence end or
/// a quotation mark, at most 40 tokens back.
fn sentence_start(ctx: &Ctx<'_, '_>, k: usize) -> usize {
    let mut lo = k;
    while lo > 0
        && k - lo < 40
        && !ctx.starts_line[lo]
        && !ctx.is_punct(lo - 1, &[".", "?", "!"])
        && !ctx.is_mark[lo - 1]
    {
        lo -= 1;
    }
    lo
}

/// For a cue the source stage found no source for ("But hacking specialists say ..."): the
/// subject of its sentence, past an opening conjunction, when it comes before the cue (the
/// noun phrase before the cue when it opens the sentence).
fn sentence_subject(ctx: &Ctx<'_, '_>, cue: Span) -> Option<Span> {
    let c = ctx.token_at(cue.start);
    let mut lo = sentence_start(ctx, c);
    while lo < c && matches!(ctx.lower(lo), "but" | "and" | "yet" | "so" | "then") {
        lo += 1;
    }
    if lo >= c {
        return None;
    }
    // the whole stretch before the cue is a noun phrase ("hacking specialists say")
    let start = ctx.tokens[lo].span.start;
    ctx.source_before_raw(c, lo)
        .filter(|sp| sp.start == start)
        .or_else(|| ctx.subject(lo, c))
}

/// The source of the cue a pronoun source follows: in "Benjamin said he believes ...", the
/// pronoun stands for the speaker named before `said` (with an optional `that` between), and
/// that mention, not the pronoun, names who speaks.
fn outer_source(ctx: &Ctx<'_, '_>, src: Span) -> Option<Span> {
    let t = ctx.token_at(src.start);
    if ctx.tokens.get(t)?.span != src || !ctx.is(t, PRONOUN) {
        return None;
    }
    let mut c = t.checked_sub(1)?;
    if ctx.lower(c) == "that" {
        c = c.checked_sub(1)?;
    }
    if is_cap(ctx.tokens[c].text) || !ctx.is_cue(c, ctx.min_prob) {
        return None;
    }
    ctx.source_before(c, sentence_start(ctx, c))
}

pub(crate) fn speaker_of(
    ctx: &Ctx<'_, '_>,
    src: Span,
    content: Span,
    last: Option<(usize, Label)>,
) -> Speaker {
    let entities = ctx.entities;
    let text = src.text(ctx.text);
    let mk = |via, cluster: Option<usize>, name: Option<String>| Speaker {
        span: src,
        name: name
            .or_else(|| cluster.and_then(|c| entities.clusters.get(c).map(|c| c.name.clone()))),
        cluster,
        via,
    };
    let lower = text.to_lowercase();
    // pronoun
    if word_is(lower.as_str(), PRONOUN) {
        let mut cl = last
            .filter(|&(c, l)| compatible_cluster(ctx, c, l, &lower))
            .map(|(c, _)| c);
        if cl.is_none() {
            // nearest preceding compatible entity outside quotations
            let a = entities
                .entities
                .partition_point(|e| e.span.end <= src.start.min(content.start));
            cl = entities.entities[..a]
                .iter()
                .rev()
                .take(40)
                .find(|e| {
                    compatible_cluster(ctx, e.cluster, e.label, &lower)
                        && ctx
                            .region_at(
                                ctx.token_at(e.span.start)
                                    .min(ctx.tokens.len().saturating_sub(1)),
                            )
                            .is_none()
                })
                .map(|e| e.cluster);
        }
        return mk(Via::Pronoun, cl, None);
    }
    // a name inside the source
    let r = ent_range(entities, src);
    let inside = &entities.entities[r];
    let best = inside
        .iter()
        .find(|e| e.label == Label::Person)
        .or_else(|| inside.iter().find(|e| e.label == Label::Organization))
        .or_else(|| inside.first());
    let first_word = lower.split_whitespace().next().unwrap_or("");
    let indefinite = matches!(
        first_word,
        "a" | "an" | "one" | "some" | "several" | "many" | "two" | "three"
    );
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let anon_head = words.iter().any(|w| word_is(w, ANON_HEAD));
    // the head word of the mention: its last word before a comma or post-modifier
    let head_end = {
        let mut end = src.end;
        let mut off = src.start;
        for w in text.split_inclusive(|c: char| c.is_whitespace() || c == ',') {
            let bare = w.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
            if off > src.start && is_post_modifier(bare) {
                end = off;
                break;
            }
            off += w.len();
            if w.ends_with(',') {
                end = off - 1;
                break;
            }
        }
        end
    };
    if let Some(e) = best {
        let covers_head =
            e.span.end >= head_end.min(src.end).saturating_sub(1) && e.span.start < head_end;
        if e.label == Label::Person || (covers_head && !indefinite) {
            return mk(Via::Name, Some(canonical(ctx, e.cluster)), None);
        }
    }
    // capitalised words with no entity (a weak recognizer): still a name
    let det = word_is(first_word, DETERMINER) || indefinite;
    let caps: Vec<&str> = if det || anon_head {
        Vec::new()
    } else {
        text.split_whitespace().filter(|w| is_cap(w)).collect()
    };
    if !det && !caps.is_empty() && !anon_head {
        let name: String = caps
            .iter()
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
            .collect::<Vec<_>>()
            .join(" ");
        let cl = cluster_by_word(ctx, caps.last().copied().unwrap_or(""));
        return mk(Via::Name, cl, if cl.is_none() { Some(name) } else { None });
    }
    if indefinite || (anon_head && !det) || (anon_head && first_word != "the") {
        return mk(Via::Anonymous, None, None);
    }
    // description: "The Russian leader" -> the salient person mentioned with those words
    mk(Via::Description, describe(ctx, src, &words, last), None)
}

/// Whether a word of a source opens a post-modifier after its head ("of", "who", "at"), in
/// any case.
fn is_post_modifier(word: &str) -> bool {
    const WORDS: [&str; 9] = [
        "of", "in", "for", "who", "which", "at", "from", "with", "on",
    ];
    if word.is_ascii() {
        // (an ASCII word lower-cases to ASCII: no string needed)
        WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
    } else {
        WORDS.contains(&word.to_lowercase().as_str())
    }
}

/// The fullest cluster naming the same entity (helps when clusters are not merged).
pub(crate) fn canonical(ctx: &Ctx<'_, '_>, cl: usize) -> usize {
    let entities = ctx.entities;
    let Some(c) = entities.clusters.get(cl) else {
        return cl;
    };
    let last = c.name.split_whitespace().last().unwrap_or("");
    cluster_by_word(ctx, last)
        .filter(|&o| entities.clusters[o].label == c.label)
        .unwrap_or(cl)
}

/// `word` without a final possessive `’s` or `'s`.
pub(crate) fn without_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

/// The cluster with the longest name containing `word` (trimmed of a possessive).
pub(crate) fn cluster_by_word(ctx: &Ctx<'_, '_>, word: &str) -> Option<usize> {
    let w = without_possessive(word).trim_end_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() {
        return None;
    }
    let index = ctx
        .clusters_by_word
        .get_or_init(|| index_cluster_names(ctx.entities));
    index.get(w).map(|&i| ctx.entities.clusters[i].id)
}

/// Each word of a cluster name (without a possessive) to the cluster that
/// [`cluster_by_word`] prefers for it: a person's before others, then the longest name, then
/// the first cluster. Built once per document, so a look-up does not scan all clusters.
pub(crate) fn index_cluster_names(entities: &Entities) -> HashMap<&str, usize> {
    let rank = |i: usize| {
        let c = &entities.clusters[i];
        (
            c.label == Label::Person,
            c.name.len(),
            std::cmp::Reverse(c.id),
        )
    };
    // (sized for two name words a cluster: growing rehashes every word)
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(2 * entities.clusters.len());
    for (i, c) in entities.clusters.iter().enumerate() {
        for x in c.name.split_whitespace() {
            let best = index.entry(without_possessive(x)).or_insert(i);
            if rank(i) > rank(*best) {
                *best = i;
            }
        }
    }
    index
}

/// Resolves a description by words shared with the context of earlier person mentions,
/// falling back to the last speaker.
pub(crate) fn describe(
    ctx: &Ctx<'_, '_>,
    src: Span,
    words: &[&str],
    last: Option<(usize, Label)>,
) -> Option<usize> {
    let entities = ctx.entities;
    let content: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !word_is(w, DETERMINER) && w.len() > 2)
        .collect();
    let a = entities
        .entities
        .partition_point(|e| e.span.end <= src.start);
    let mut best: Option<(usize, usize)> = None;
    // (no words to share: no mention can score)
    if content.is_empty() {
        return last.filter(|(_, l)| *l == Label::Person).map(|(c, _)| c);
    }
    // the lower-case text around a mention, in one buffer for all mentions
    let mut around = String::new();
    for e in entities.entities[..a].iter().rev().take(60) {
        if e.label != Label::Person {
            continue;
        }
        let lo = e.tokens.start.saturating_sub(4);
        let hi = (e.tokens.end + 4).min(ctx.tokens.len());
        let mut lowered = false;
        let mut score = 0;
        for w in &content {
            if (lo..hi).any(|i| strip_possessives(ctx.lower(i)) == *w) {
                score += 1;
                continue;
            }
            if !lowered {
                lowered = true;
                let text = ctx
                    .text
                    .get(ctx.tokens[lo].span.start..ctx.tokens[hi - 1].span.end)
                    .unwrap_or("");
                lowercase_into(text, &mut around);
            }
            if contains(&around, w) {
                score += 1;
            }
        }
        if score > 0 && best.map_or(true, |(s, _)| score > s) {
            best = Some((score, e.cluster));
        }
    }
    best.map(|(_, c)| canonical(ctx, c))
        .or_else(|| last.filter(|(_, l)| *l == Label::Person).map(|(c, _)| c))
}

/// `word` without any final possessive `’s` (as `trim_end_matches("’s")`, without setting up
/// a substring searcher a call).
fn strip_possessives(word: &str) -> &str {
    let mut w = word;
    while let Some(rest) = w.strip_suffix("’s") {
        w = rest;
    }
    w
}

/// `text.to_lowercase()` into `out` (ASCII in place, without a new string).
fn lowercase_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// Whether `needle` (not empty) occurs in `hay`: for the short texts around a mention, a scan
/// for the first byte beats setting up `str::contains`'s two-way searcher.
fn contains(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    h.iter()
        .enumerate()
        .any(|(k, &b)| b == first && h[k..].starts_with(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::test_support::with_ctx;

    #[test]
    fn genders_come_from_the_pronouns_after_a_name() {
        let text = "The vote was close. Sarah Collins said she would run. Tom Hale said he would wait. Lee Park spoke.";
        with_ctx(text, |ctx| {
            let gender_of = |name: &str| {
                let e = ctx
                    .entities
                    .entities
                    .iter()
                    .find(|e| e.span.text(text) == name)
                    .expect("entity");
                ctx.gender[e.cluster]
            };
            assert_eq!(gender_of("Sarah Collins"), Gender::Female);
            assert_eq!(gender_of("Tom Hale"), Gender::Male);
            assert_eq!(gender_of("Lee Park"), Gender::Unknown);
        });
    }

    #[test]
    fn a_surname_finds_the_fullest_cluster() {
        let text = "Ana Reyes won. Reyes said it was close.";
        with_ctx(text, |ctx| {
            let cl = cluster_by_word(ctx, "Reyes’s").expect("a cluster");
            assert_eq!(ctx.entities.clusters[cl].name, "Ana Reyes");
            assert_eq!(cluster_by_word(ctx, "Smith"), None);
        });
    }

    #[test]
    fn anonymous_sources_have_no_cluster() {
        let text = "Ana Reyes won. A senior official said it was close.";
        with_ctx(text, |ctx| {
            let start = text.find("A senior").unwrap_or(0);
            let src = Span::new(start, start + "A senior official".len());
            let sp = speaker_of(ctx, src, Span::new(0, 1), None);
            assert_eq!(sp.via, Via::Anonymous);
            assert_eq!(sp.cluster, None);
        });
    }

    #[test]
    fn text_helpers_agree_with_the_standard_library() {
        let texts = [
            "Obama’s’s",
            "’s",
            "Reyes",
            "ÉTÉ Leader’s",
            "the Russian leader, Putin",
        ];
        let mut buf = String::from("old");
        for t in texts {
            assert_eq!(strip_possessives(t), t.trim_end_matches("’s"));
            lowercase_into(t, &mut buf);
            assert_eq!(buf, t.to_lowercase());
            for n in ["leader", "’s", "s", "putin", "été", "russian leader", "x"] {
                assert_eq!(contains(&buf, n), buf.contains(n), "{buf:?} {n:?}");
            }
        }
    }

    #[test]
    fn post_modifiers_in_any_case() {
        for w in ["of", "OF", "Who", "wHiCh", "on"] {
            assert!(is_post_modifier(w), "{w}");
        }
        for w in ["off", "o", "", "Ön", "said", "whose"] {
            assert!(!is_post_modifier(w), "{w}");
        }
    }
}
