//! Stage 3b, learned reported speech: where the rules of [`super::content`] found nothing, a
//! linear model (an averaged perceptron over hashed sparse features, trained on PolNeAR
//! train by `train-quotes`) scores the remaining candidate cue words of a sentence unit
//! (`worries that`, `X's claim that`, `plans to`); a cue above the model's threshold gets
//! its content and source from the same steps as a rule cue.

// The training interface (weights in, candidates out) is used only with feature `training`.
#![cfg_attr(not(feature = "training"), allow(dead_code))]

use super::content::coord_end;
use super::context::{is_cap, is_word, Ctx};
use super::cues::STRONG_CUE;
use super::marks::kind_of;
use super::Attribution;
use crate::words::{AUX, CIRCUMSTANCE, DETERMINER, PRONOUN};
use crate::QuoteKind;
use byline_tokenize::Span;

/// Lexicon words of at least this cue probability are candidates whatever follows them.
const MIN_PROB: f32 = 0.02;

/// The longest sentence unit (in tokens) the stage looks at: the features and the content
/// search of a candidate read the whole unit.
const MAX_UNIT_TOKENS: usize = 160;

/// Magic bytes opening a model file.
const MAGIC: &[u8; 8] = b"BYLQRM02";
/// Number of hash bits of the feature space.
pub(crate) const BITS: u32 = 18;

/// The learned cue scorer: one weight per hashed feature and a decision threshold.
#[derive(Clone, PartialEq)]
pub struct ReportedModel {
    weights: Vec<f32>,
    threshold: f32,
    keep_threshold: f32,
}

impl std::fmt::Debug for ReportedModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportedModel")
            .field(
                "features",
                &self.weights.iter().filter(|w| **w != 0.0).count(),
            )
            .field("threshold", &self.threshold)
            .field("keep_threshold", &self.keep_threshold)
            .finish()
    }
}

impl ReportedModel {
    /// A model from dense weights (`2^18` of them) and its thresholds: a new cue is taken
    /// above `threshold`, a rule attribution is kept above `keep_threshold`.
    pub fn from_weights(
        weights: Vec<f32>,
        threshold: f32,
        keep_threshold: f32,
    ) -> Option<ReportedModel> {
        (weights.len() == 1 << BITS).then_some(ReportedModel {
            weights,
            threshold,
            keep_threshold,
        })
    }

    /// The same weights with other thresholds.
    pub fn with_thresholds(&self, threshold: f32, keep_threshold: f32) -> ReportedModel {
        ReportedModel {
            weights: self.weights.clone(),
            threshold,
            keep_threshold,
        }
    }

    /// Parses the compact file format (`None` when malformed): magic, the two thresholds
    /// (f32), the number of non-zero weights (u32), then (index u32, weight f32) pairs, little endian.
    pub fn from_bytes(bytes: &[u8]) -> Option<ReportedModel> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let f32_at =
            |b: &[u8], k: usize| Some(f32::from_le_bytes(b.get(k..k + 4)?.try_into().ok()?));
        let u32_at =
            |b: &[u8], k: usize| Some(u32::from_le_bytes(b.get(k..k + 4)?.try_into().ok()?));
        let threshold = f32_at(rest, 0)?;
        let keep_threshold = f32_at(rest, 4)?;
        let n = u32_at(rest, 8)? as usize;
        let body = rest.get(12..)?;
        if body.len() != n.checked_mul(8)? {
            return None;
        }
        let mut weights = vec![0.0; 1 << BITS];
        for k in 0..n {
            let i = u32_at(body, 8 * k)? as usize;
            *weights.get_mut(i)? = f32_at(body, 8 * k + 4)?;
        }
        Some(ReportedModel {
            weights,
            threshold,
            keep_threshold,
        })
    }

    /// The compact file format of [`ReportedModel::from_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        let nz: Vec<(usize, f32)> = self
            .weights
            .iter()
            .enumerate()
            .filter(|(_, w)| **w != 0.0)
            .map(|(i, w)| (i, *w))
            .collect();
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&self.threshold.to_le_bytes());
        out.extend_from_slice(&self.keep_threshold.to_le_bytes());
        out.extend_from_slice(&u32::try_from(nz.len()).unwrap_or(0).to_le_bytes());
        for (i, w) in nz {
            out.extend_from_slice(&u32::try_from(i).unwrap_or(0).to_le_bytes());
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// The score of a feature list.
    pub fn score(&self, features: &[u32]) -> f32 {
        features.iter().map(|&f| self.weights[f as usize]).sum()
    }

    /// The threshold above which a new cue is taken.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// The threshold above which a rule attribution is kept.
    pub fn keep_threshold(&self) -> f32 {
        self.keep_threshold
    }
}

/// One candidate cue and its features (for training).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The cue word's span.
    pub cue: Span,
    /// The content it would report, if any.
    pub content: Option<Span>,
    /// Hashed feature indices.
    pub features: Vec<u32>,
    /// An attribution the rules made (scored to be kept or dropped), not a new cue.
    pub rule: bool,
}

/// What the learned stage does in a run.
pub(crate) enum Learned<'m> {
    /// Rules only.
    Off,
    /// Adds the model's attributions.
    Apply(&'m ReportedModel),
    /// Collects the candidates and their features, adding nothing.
    Collect(&'m mut Vec<Candidate>),
}

/// FNV-1a over a template id and up to two strings, folded to [`BITS`].
fn hash(template: u8, a: &str, b: &str) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |x: u8| {
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(template);
    a.bytes().for_each(&mut eat);
    eat(0xff);
    b.bytes().for_each(&mut eat);
    ((h ^ (h >> 32)) as u32) & ((1 << BITS) - 1)
}

fn bucket(x: usize) -> &'static str {
    match x {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        _ => "11+",
    }
}

/// Whether token `c` of unit `[s, e)` may be a cue the rules missed: a lower-case word
/// outside quotation marks, followed by `that`, `to` or a colon, or known to the lexicon.
fn is_candidate(ctx: &Ctx<'_, '_>, c: usize, e: usize) -> bool {
    let t = &ctx.tokens[c];
    if !is_word(t) || is_cap(t.text) {
        return false;
    }
    // (most words are neither cue words nor followed by a clause: tested before the rest)
    if !(ctx.cue_prob(c) >= MIN_PROB || opens_clause(ctx, c, e)) {
        return false;
    }
    if ctx.region_at(c).is_some() || ctx.is_mark[c] {
        return false;
    }
    if ctx.is(c, AUX | DETERMINER | PRONOUN) || matches!(ctx.lower(c), "that" | "to") {
        return false;
    }
    // a part of a compound: "long-awaited", "bridge-said"
    let joined = |k: usize| {
        ctx.tokens
            .get(k)
            .is_some_and(|t| t.text == "-" || t.text == "‐")
    };
    if (c > 0 && joined(c - 1) && !t.space_before)
        || (joined(c + 1) && !ctx.tokens[c + 1].space_before)
    {
        return false;
    }
    true
}

/// Whether `that`, `to` or a colon follows token `c` inside its unit `[.., e)`: the cue then
/// opens a clause, whatever the lexicon knows of it.
fn opens_clause(ctx: &Ctx<'_, '_>, c: usize, e: usize) -> bool {
    c + 1 < e && matches!(ctx.lower(c + 1), "that" | "to" | ":")
}

/// The hashed features of candidate cue `c` in unit `[s, e)`.
fn features(ctx: &Ctx<'_, '_>, c: usize, s: usize, e: usize, ruled: bool, out: &mut Vec<u32>) {
    out.clear();
    let low = |i: usize| if i < e && i >= s { ctx.lower(i) } else { "<>" };
    let w = ctx.lower(c);
    let prev = if c > s { low(c - 1) } else { "<s>" };
    let prev2 = if c > s + 1 { low(c - 2) } else { "<s>" };
    let next = low(c + 1);
    let next2 = low(c + 2);
    let suffix = w.char_indices().rev().nth(2).map_or(w, |(k, _)| &w[k..]);
    let p = ctx.cue_prob(c);
    let pb = match p {
        x if x <= 0.0 => "0",
        x if x < 0.05 => "<.05",
        x if x < 0.1 => "<.1",
        x if x < 0.2 => "<.2",
        x if x < 0.4 => "<.4",
        x if x < 0.7 => "<.7",
        _ => ">=.7",
    };
    let prev_class = if c == s {
        "start"
    } else if ctx.is(c - 1, PRONOUN) {
        "pron"
    } else if ctx.is(c - 1, DETERMINER) {
        "det"
    } else if ctx.is(c - 1, AUX) {
        "aux"
    } else if is_cap(ctx.tokens[c - 1].text) {
        "cap"
    } else if ctx.is_word_at(c - 1) {
        "low"
    } else {
        "punct"
    };
    let next_cap = if c + 1 < e && is_cap(ctx.tokens[c + 1].text) {
        "cap"
    } else {
        "low"
    };
    let k = ctx.content_start(c, e);
    let end = coord_end(ctx, k, e);
    let first = if k < end { ctx.lower(k) } else { "<none>" };
    let first_cap = if k < end && is_cap(ctx.tokens[k].text) {
        "cap"
    } else {
        "low"
    };
    let len = bucket(ctx.words(k, end));
    let f = [
        hash(22, first, ""),
        hash(23, first_cap, next),
        hash(24, len, ""),
        hash(25, len, next),
        hash(26, w, first),
        hash(0, "", ""),
        hash(1, w, ""),
        hash(2, suffix, ""),
        hash(3, next, ""),
        hash(4, next2, ""),
        hash(5, prev, ""),
        hash(6, prev2, ""),
        hash(7, w, next),
        hash(8, prev, w),
        hash(9, pb, ""),
        hash(10, pb, next),
        hash(13, bucket(ctx.words(s, c)), ""),
        hash(14, bucket(ctx.words(c + 1, e)), ""),
        hash(15, if ruled { "ruled" } else { "free" }, ""),
        hash(16, prev_class, ""),
        hash(17, prev_class, w),
        hash(18, next_cap, next),
        hash(19, suffix, next),
        hash(20, w, next2),
        hash(21, prev_class, next),
    ];
    out.extend_from_slice(&f);
}

/// The attribution a learned cue at `c` makes in unit `[s, e)`: content from the word after
/// the cue (past `that`) to the clause end, source before the cue (or the unit's subject).
fn build(ctx: &Ctx<'_, '_>, c: usize, s: usize, e: usize) -> Option<(Attribution, usize)> {
    let k = ctx.content_start(c, e);
    let end = coord_end(ctx, k, e);
    // "said when she resigned", "said in June": a circumstance, not a report
    if ctx.words(k, end) < 2 || ctx.is(k, CIRCUMSTANCE) {
        return None;
    }
    // a cue known only to the lexicon, with no `that`, `to` or colon after it, reports a
    // clause, not a short object: "drew a military intervention" is no report
    if !opens_clause(ctx, c, e) && ctx.words(k, end) < 4 {
        return None;
    }
    // an object, not a clause, ends before a circumstance: "has not mentioned Machado
    // since the debate", "warned officials to act after hackers struck"
    let end = if true {
        (k + 1..end)
            .find(|&j| {
                ctx.region_at(j).is_none()
                    && matches!(
                        ctx.lower(j),
                        "since"
                            | "after"
                            | "before"
                            | "during"
                            | "amid"
                            | "when"
                            | "while"
                            | "because"
                    )
            })
            .unwrap_or(end)
    } else {
        end
    };
    let content = ctx.content(k, end)?;
    let source = ctx.source_before(c, s).or_else(|| ctx.subject(s, c));
    Some((
        Attribution {
            parts: vec![content],
            cue: ctx.span(c, c + 1),
            source,
            inherited: false,
        },
        end,
    ))
}

/// The hashed features of a rule attribution in unit `[s, e)`.
fn rule_features(
    ctx: &Ctx<'_, '_>,
    a: &Attribution,
    s: usize,
    e: usize,
    headline: bool,
    out: &mut Vec<u32>,
) {
    out.clear();
    let low = |i: usize| if i < e && i >= s { ctx.lower(i) } else { "<>" };
    let (Some(first), Some(last)) = (a.parts.first(), a.parts.last()) else {
        return;
    };
    let (k, end) = (
        ctx.token_at(first.start),
        ctx.token_at(last.end.saturating_sub(1)) + 1,
    );
    let (cue, w, next, prev) = match a.cue {
        Some(sp) => {
            let c = ctx.token_at(sp.start);
            let prev = if c > s { low(c - 1) } else { "<s>" };
            (Some(c), ctx.lower(c), low(c + 1), prev)
        }
        None => (None, "<nocue>", "<>", "<>"),
    };
    let order = match cue {
        Some(c) if c < k => "cue-first",
        Some(_) => "content-first",
        None => "nocue",
    };
    let pb = match cue.map_or(0.0, |c| ctx.cue_prob(c)) {
        x if x <= 0.0 => "0",
        x if x < 0.1 => "<.1",
        x if x < 0.3 => "<.3",
        x if x < 0.5 => "<.5",
        x if x < 0.7 => "<.7",
        _ => ">=.7",
    };
    let src = match a.source {
        None => "none",
        Some(sp) => {
            let t = ctx.token_at(sp.start);
            if ctx.is(t, PRONOUN) {
                "pron"
            } else if is_cap(ctx.tokens[t].text) {
                "cap"
            } else {
                "low"
            }
        }
    };
    let len = bucket(ctx.words(k, end));
    let before = bucket(ctx.words(s, k));
    let parts = if a.parts.len() > 1 { "split" } else { "one" };
    let first_w = if k < e { ctx.lower(k) } else { "<>" };
    let f = [
        hash(100, "", ""),
        hash(101, w, ""),
        hash(102, w, next),
        hash(103, prev, w),
        hash(104, order, ""),
        hash(105, order, w),
        hash(106, pb, order),
        hash(107, src, ""),
        hash(108, src, w),
        hash(109, len, order),
        hash(110, before, order),
        hash(111, parts, ""),
        hash(112, first_w, ""),
        hash(113, if headline { "headline" } else { "body" }, order),
        hash(114, len, w),
        hash(115, next, ""),
    ];
    out.extend_from_slice(&f);
}

/// Runs the learned stage on unit `(start, end, headline)` whose rule attributions are
/// `attributions[ruled_from..]`: drops the rule attributions the model scores below its
/// keep threshold and adds the new cues it scores above its threshold (or collects both
/// kinds of candidates).
pub(crate) fn learned_unit(
    ctx: &Ctx<'_, '_>,
    (s, e, headline): (usize, usize, bool),
    claimed: &[bool],
    ruled_from: usize,
    learned: &mut Learned<'_>,
    attributions: &mut Vec<Attribution>,
) {
    // (a longer unit is not a sentence; the cap keeps the stage linear in the input)
    if matches!(learned, Learned::Off) || e <= s || e - s > MAX_UNIT_TOKENS {
        return;
    }
    let mut out = Vec::new();
    {
        let ruled = &attributions[ruled_from..];
        new_cues(ctx, (s, e), claimed, ruled, learned, &mut out);
    }
    // (allocated on first use: most units have no rule attribution)
    let mut feats = Vec::new();
    match learned {
        Learned::Off => {}
        Learned::Collect(list) => {
            for a in &attributions[ruled_from..] {
                rule_features(ctx, a, s, e, headline, &mut feats);
                let (Some(first), Some(last)) = (a.parts.first(), a.parts.last()) else {
                    continue;
                };
                list.push(Candidate {
                    cue: a.cue.unwrap_or(*first),
                    content: Some(Span::new(first.start, last.end)),
                    features: feats.clone(),
                    rule: true,
                });
            }
        }
        Learned::Apply(model) => {
            let mut k = ruled_from;
            while k < attributions.len() {
                // a strong cue ("said", "announced") is the rules' to judge
                let strong = attributions[k]
                    .cue
                    .is_some_and(|c| ctx.cue_prob(ctx.token_at(c.start)) >= STRONG_CUE);
                rule_features(ctx, &attributions[k], s, e, headline, &mut feats);
                if !strong && model.score(&feats) < model.keep_threshold {
                    attributions.remove(k);
                } else {
                    k += 1;
                }
            }
        }
    }
    attributions.append(&mut out);
}

/// Scores the candidate cues of unit `(start, end)` that no rule attribution in `ruled`
/// covers: adds the model's attributions to `out` (or collects the candidates).
fn new_cues(
    ctx: &Ctx<'_, '_>,
    (s, e): (usize, usize),
    claimed: &[bool],
    ruled: &[Attribution],
    learned: &mut Learned<'_>,
    out: &mut Vec<Attribution>,
) {
    let overlaps = |sp: Span| {
        ruled.iter().any(|a| {
            a.parts
                .iter()
                .chain(a.cue.iter())
                .any(|p| p.start < sp.end && sp.start < p.end)
        })
    };
    let covered = |i: usize| overlaps(ctx.tokens[i].span);
    // a content overlapping a rule attribution is not a new one
    let build =
        |c: usize| build(ctx, c, s, e).filter(|(a, _)| !a.parts.iter().any(|&p| overlaps(p)));
    // (allocated on first use: many units have no candidate)
    let mut feats = Vec::new();
    let mut c = s;
    while c < e {
        if claimed[c] || !is_candidate(ctx, c, e) || covered(c) {
            c += 1;
            continue;
        }
        features(ctx, c, s, e, !ruled.is_empty(), &mut feats);
        match learned {
            Learned::Off => return,
            Learned::Collect(list) => {
                list.push(Candidate {
                    cue: ctx.tokens[c].span,
                    content: build(c).map(|(a, _)| a.parts[0]),
                    features: feats.clone(),
                    rule: false,
                });
            }
            Learned::Apply(model) => {
                if model.score(&feats) > model.threshold {
                    if let Some((a, next)) = build(c) {
                        // a content all in quotation marks is a direct quote: the rules'
                        if kind_of(ctx, &a.parts) != QuoteKind::Direct {
                            out.push(a);
                        }
                        c = next.max(c + 1);
                        continue;
                    }
                }
            }
        }
        c += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::{build, ReportedModel};
    use crate::find::test_support::{token, with_ctx};

    #[test]
    fn an_object_ends_before_a_circumstance() {
        let text = "The senator has not mentioned the new tax plan for farmers since the debate.";
        with_ctx(text, |ctx| {
            let c = token(ctx, "mentioned");
            let e = ctx.tokens.len() - 1;
            let (a, _) = build(ctx, c, 0, e).expect("an attribution");
            assert_eq!(a.parts[0].text(text), "the new tax plan for farmers");
            assert_eq!(a.source.map(|s| s.text(text)), Some("The senator"));
        });
    }

    #[test]
    fn the_embedded_model_round_trips() {
        let bytes = include_bytes!("../../data/reported.bin");
        let model = ReportedModel::from_bytes(bytes).expect("a valid model file");
        assert_eq!(model.to_bytes(), bytes.to_vec());
        assert!(model.threshold().is_finite());
        assert!(ReportedModel::from_bytes(&bytes[..bytes.len() - 3]).is_none());
        assert!(ReportedModel::from_bytes(b"not a model").is_none());
    }
}
