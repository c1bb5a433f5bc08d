//! Extractive summaries of English news articles, with byte offsets into the original text.
//!
//! ```
//! use byline_summarize::{Budget, Summarizer};
//!
//! # fn main() -> Result<(), byline_summarize::Error> {
//! let text = "The city council approved a new budget for the harbor district on Monday. \
//!     The plan sets aside $40 million to repair the harbor seawall. \
//!     Council member Ana Ruiz voted against the plan. \
//!     Work on the harbor seawall is expected to start in the spring.";
//! let analysis = byline_tokenize::analyze(text);
//! let summarizer = Summarizer::new();
//! let summary = summarizer.summarize(&analysis, Budget::sentences(2)?);
//! assert_eq!(summary.len(), 2);
//! // Returned in article order; text is obtained by slicing.
//! assert!(summary[0].index < summary[1].index);
//! println!("{}", summary[0].span.text(text));
//! # Ok(())
//! # }
//! ```
//!
//! # Overview
//!
//! [`Summarizer`] scores every sentence of a [`byline_tokenize::Analysis`] with a logistic
//! regression over features of news writing, then picks sentences greedily with maximal
//! marginal relevance (MMR) until the [`Budget`] is spent:
//!
//! - **position** (a first-class signal): rank among the selectable sentences (one-hot for the
//!   first five, inverse rank, relative position), and its interaction with article length;
//! - **centrality**: TF-IDF cosine to the rest of the article, LexRank (PageRank over the
//!   TF-IDF cosine graph) and degree in a windowed sentence-similarity graph, similarity to the
//!   lead sentence, and how common the sentence's words are in the article;
//! - **length**: short fragments and very long sentences are penalized (length bands);
//! - **entity and quote salience**: capitalized words repeated across the article and
//!   quotation marks, refined by the entity mentions and quote spans you may pass in
//!   [`Hints`] (this crate does not depend on `byline-entities` or `byline-quotes`);
//! - **cues**: attribution verbs, anaphoric openings ("But he ..."), questions, a closing
//!   colon, numbers.
//!
//! Boilerplate sentences (bylines, "PUBLISHED: ... UPDATED: ...", photo credits, "Scroll down
//! for video", "Read more:", lone datelines, "CNN's X contributed to this report") are never
//! selected and do not count for the position of the lead (see [`is_boilerplate`]).
//!
//! The model was trained by `cargo run --release -p byline-eval --bin fit-summarize --
//! ../shared/data/cnndm/train.jsonl` on the 4,856 CNN training stories of CNN/DailyMail: each
//! sentence is labelled by a greedy ROUGE oracle (the up-to-three sentences that best match
//! the highlights) and the weights are fit by Newton's method (deterministic, reproduced byte
//! for byte in CI). The hyperparameters (L2 penalty, MMR weight, trigram blocking) were chosen
//! on the development file. The weights are embedded in the crate, so nothing is loaded at
//! run time.
//!
//! # Examples
//!
//! Budgets other than a sentence count, and salience hints:
//!
//! ```
//! use byline_summarize::{Budget, Hints, Summarizer};
//! use byline_tokenize::Span;
//!
//! let text = "Heavy rain flooded the old town of Lindau on Sunday. \
//!     \"We lost everything,\" said the baker Jonas Weber. \
//!     Officials in Lindau said the river rose two meters overnight.";
//! let analysis = byline_tokenize::analyze(text);
//! let s = Summarizer::new();
//! let by_words = s.summarize(&analysis, Budget::Words(12));
//! let words: usize = by_words.iter().map(|x| x.span.text(text).split_whitespace().count()).sum();
//! assert!(words <= 12);
//! let hints = Hints { entities: vec![Span::new(31, 37)], quotes: vec![] };
//! let hinted = s.summarize_with(&analysis, Budget::Sentences(1), &hints);
//! assert_eq!(hinted.len(), 1);
//! ```
//!
//! # Crate features
//!
//! * `serde` (off by default): `Serialize`/`Deserialize` for [`Budget`], [`Hints`] and
//!   [`Selected`]; enables `byline-tokenize/serde`.
//! * `training` (off): exposes the feature vectors (`Summarizer::sentence_features`,
//!   `FEATURE_NAMES`, `NUM_FEATURES`) and a weight setter for the fitting command in
//!   `byline-eval`. Not part of the stable API.
//!
//! It depends on `byline-tokenize` and `thiserror`.
//!
//! # Performance
//!
//! Summarizing is linear in the size of the article for a fixed budget: features use sparse
//! per-article TF-IDF vectors, the similarity graph only links sentences at most 24 apart
//! (LexRank runs 15 power iterations over those edges), and
//! MMR compares each candidate with the sentences already chosen (so a budget of `k` sentences
//! costs `O(k · n)` similarity computations for `n` sentences). Two rank features sort the
//! sentences (`O(n log n)` in the number of sentences, not in their length). The workspace bench
//! `benches/summarize.rs` measures articles per second including tokenization.
//!
//! # Limitations
//!
//! - Extractive only: sentences are returned whole, exactly as the tokenizer split them.
//! - Weights were learned on CNN stories; other genres get news-shaped summaries.
//! - The weights were fit without [`Hints`], as the `byline` pipeline calls the summarizer
//!   (so `byline analyze` and `byline summarize` give the same summary): entity salience comes
//!   from capitalized words repeated across the article, which lower-cased text lacks. Hints
//!   add entity words and replace quotation marks by quote spans; with the hints of
//!   `byline-entities` and `byline-quotes` the dev ROUGE-1 was 0.1 lower, so the pipeline
//!   passes none.
//! - Near-duplicates are detected by TF-IDF cosine above 0.6 within one article only.
//! - Words in [`Budget::Words`] are word and number tokens of the tokenizer, characters in
//!   [`Budget::Chars`] are Unicode scalar values of the sentence spans (separators not counted).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod boilerplate;
mod features;
mod weights;

pub use boilerplate::is_boilerplate;
pub use byline_tokenize::Span;
#[cfg(feature = "training")]
pub use features::{FEATURE_NAMES, NUM_FEATURES};
#[cfg(not(feature = "training"))]
use features::{FEATURE_NAMES, NUM_FEATURES};

use byline_tokenize::Analysis;

/// How much text a summary may contain.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// This fraction of the article's sentences, rounded up (a ratio in `(0, 1]`).
    Ratio(f32),
    /// At most this many words (word and number tokens).
    Words(usize),
    /// At most this many characters (sum over the selected sentences).
    Chars(usize),
}

impl Budget {
    /// A sentence budget; fails when `n` is 0.
    pub fn sentences(n: usize) -> Result<Budget, Error> {
        if n == 0 {
            return Err(Error::budget("a sentence budget must be at least 1; use Budget::sentences(3) for the usual three-sentence summary"));
        }
        Ok(Budget::Sentences(n))
    }
    /// A ratio budget; fails unless `0 < r <= 1`.
    pub fn ratio(r: f32) -> Result<Budget, Error> {
        if !(r > 0.0 && r <= 1.0) {
            return Err(Error::budget(&format!(
                "ratio {r} is out of range: give a fraction of the article's sentences greater than 0 and at most 1, such as 0.2"
            )));
        }
        Ok(Budget::Ratio(r))
    }
    /// A word budget; fails when `n` is 0.
    pub fn words(n: usize) -> Result<Budget, Error> {
        if n == 0 {
            return Err(Error::budget(
                "a word budget must be at least 1, such as 75",
            ));
        }
        Ok(Budget::Words(n))
    }
    /// A character budget; fails when `n` is 0.
    pub fn chars(n: usize) -> Result<Budget, Error> {
        if n == 0 {
            return Err(Error::budget(
                "a character budget must be at least 1, such as 600",
            ));
        }
        Ok(Budget::Chars(n))
    }
}

/// What went wrong while configuring a summary.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A budget was zero, negative, or out of range.
    InvalidBudget,
    /// A redundancy weight or model weight was not a finite number in range.
    InvalidParameter,
}

/// A configuration error (analysis itself never fails).
#[derive(Clone, Debug, thiserror::Error)]
#[error("{msg}")]
pub struct Error {
    kind: ErrorKind,
    msg: String,
}

impl Error {
    fn budget(msg: &str) -> Error {
        Error {
            kind: ErrorKind::InvalidBudget,
            msg: msg.to_string(),
        }
    }
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

/// Optional salience input: spans of entity mentions and quotations in the analysed text.
///
/// Entities are always approximated by capitalized words (not opening a sentence) repeated
/// across the article; the words of entity hints are added to them (names opening a
/// sentence, lower-cased names). Quote hints replace the quotation-mark count of the quoted
/// share of a sentence. The embedded model was fit without hints (see the crate
/// documentation), so hints are a refinement, not a requirement.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Hints {
    /// Byte spans of entity mentions.
    pub entities: Vec<Span>,
    /// Byte spans of quotations.
    pub quotes: Vec<Span>,
}

/// One selected sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Selected {
    /// Byte span of the sentence in the original text.
    pub span: Span,
    /// Index of the sentence in [`Analysis::sentences`].
    pub index: usize,
    /// The model's probability, between 0 and 1, that the sentence belongs in a summary
    /// (before redundancy control; higher is more summary-worthy).
    pub score: f32,
}

/// Configures a [`Summarizer`].
#[derive(Clone, Debug)]
pub struct SummarizerBuilder {
    weights: [f32; NUM_FEATURES],
    redundancy: f32,
    skip_boilerplate: bool,
    trigram_blocking: bool,
}

impl Default for SummarizerBuilder {
    fn default() -> Self {
        SummarizerBuilder {
            weights: weights::WEIGHTS,
            redundancy: weights::REDUNDANCY,
            skip_boilerplate: true,
            trigram_blocking: weights::TRIGRAM_BLOCKING,
        }
    }
}

impl SummarizerBuilder {
    /// Weight of the redundancy penalty in MMR (0 disables it; the default was fit on data).
    pub fn redundancy(&mut self, lambda: f32) -> &mut Self {
        self.redundancy = lambda;
        self
    }
    /// Replaces the feature weights (in [`FEATURE_NAMES`] order). Only with the `training`
    /// feature, for the fitting command.
    #[cfg(any(test, feature = "training"))]
    pub fn weights(&mut self, weights: [f32; NUM_FEATURES]) -> &mut Self {
        self.weights = weights;
        self
    }
    /// Whether boilerplate sentences are excluded (default `true`).
    pub fn skip_boilerplate(&mut self, yes: bool) -> &mut Self {
        self.skip_boilerplate = yes;
        self
    }
    /// Whether a sentence that shares a word trigram with an already chosen sentence is
    /// skipped (default: as chosen on data with the model).
    pub fn trigram_blocking(&mut self, yes: bool) -> &mut Self {
        self.trigram_blocking = yes;
        self
    }
    /// Builds the summarizer; fails if a weight is not finite or the redundancy weight is
    /// negative.
    pub fn build(&self) -> Result<Summarizer, Error> {
        if !self.redundancy.is_finite() || self.redundancy < 0.0 {
            return Err(Error {
                kind: ErrorKind::InvalidParameter,
                msg: format!(
                    "redundancy weight {} is invalid: give a finite number >= 0, such as 0.5",
                    self.redundancy
                ),
            });
        }
        if let Some(i) = self.weights.iter().position(|w| !w.is_finite()) {
            return Err(Error {
                kind: ErrorKind::InvalidParameter,
                msg: format!(
                    "weight of feature {:?} is not a finite number: give finite weights",
                    FEATURE_NAMES[i]
                ),
            });
        }
        Ok(Summarizer {
            weights: self.weights,
            redundancy: self.redundancy,
            skip_boilerplate: self.skip_boilerplate,
            trigram_blocking: self.trigram_blocking,
        })
    }
}

/// An extractive summarizer for news. Build once, reuse; cheap to clone.
#[derive(Clone, Debug)]
pub struct Summarizer {
    weights: [f32; NUM_FEATURES],
    redundancy: f32,
    skip_boilerplate: bool,
    trigram_blocking: bool,
}

impl Default for Summarizer {
    fn default() -> Self {
        Summarizer::new()
    }
}

/// Cosine above which a candidate is a near-duplicate of a chosen sentence and is skipped.
const DUPLICATE: f32 = 0.6;
/// Selection rounds that weigh redundancy (maximal marginal relevance) before the rest of
/// a long budget is filled by score alone.
const MMR_ROUNDS: usize = 64;

impl Summarizer {
    /// A summarizer with the embedded news weights.
    pub fn new() -> Summarizer {
        let b = SummarizerBuilder::default();
        Summarizer {
            weights: b.weights,
            redundancy: b.redundancy,
            skip_boilerplate: b.skip_boilerplate,
            trigram_blocking: b.trigram_blocking,
        }
    }

    /// A builder for configuration.
    pub fn builder() -> SummarizerBuilder {
        SummarizerBuilder::default()
    }

    /// Selects sentences within `budget`, returned in article order.
    pub fn summarize(&self, analysis: &Analysis<'_>, budget: Budget) -> Vec<Selected> {
        self.summarize_with(analysis, budget, &Hints::default())
    }

    /// Like [`Summarizer::summarize`], using entity and quote spans as salience input.
    pub fn summarize_with(
        &self,
        analysis: &Analysis<'_>,
        budget: Budget,
        hints: &Hints,
    ) -> Vec<Selected> {
        let (feats, infos) = features::compute(analysis, hints, self.skip_boilerplate);
        let scores: Vec<f32> = feats.iter().map(|f| self.score_features(f)).collect();
        let n = infos.len();
        let (max_sents, max_words, max_chars) = match budget {
            Budget::Sentences(k) => (k, usize::MAX, usize::MAX),
            Budget::Ratio(r) if r > 0.0 => {
                let k = (r.min(1.0) as f64 * n as f64).ceil() as usize;
                (k.max(1), usize::MAX, usize::MAX)
            }
            Budget::Ratio(_) => (0, 0, 0),
            Budget::Words(w) => (usize::MAX, w, usize::MAX),
            Budget::Chars(c) => (usize::MAX, usize::MAX, c),
        };
        let mut chosen: Vec<usize> = Vec::new();
        let mut max_sim = vec![0.0f32; n];
        let mut available: Vec<bool> = infos.iter().map(|i| !i.skip).collect();
        let (mut words, mut chars) = (0usize, 0usize);
        let mut trigrams: Vec<u64> = Vec::new();
        // Maximal marginal relevance for the first MMR_ROUNDS picks (each round scans all
        // sentences); a longer budget (`--ratio 0.5` of a book-length text) takes the rest
        // by score, so the time stays linear in the text.
        let mut rounds = 0;
        while chosen.len() < max_sents && rounds < MMR_ROUNDS {
            rounds += 1;
            let mut best: Option<(usize, f32)> = None;
            for i in 0..n {
                if !available[i] {
                    continue;
                }
                let v = scores[i] - self.redundancy * max_sim[i];
                if best.map_or(true, |(_, b)| v > b) {
                    best = Some((i, v));
                }
            }
            let Some((b, _)) = best else { break };
            available[b] = false;
            if words + infos[b].words > max_words || chars + infos[b].chars > max_chars {
                continue;
            }
            let grams = if self.trigram_blocking {
                let g = features::trigrams(analysis, b);
                if g.iter().any(|t| trigrams.binary_search(t).is_ok()) {
                    continue;
                }
                g
            } else {
                Vec::new()
            };
            trigrams.extend(grams);
            trigrams.sort_unstable();
            words += infos[b].words;
            chars += infos[b].chars;
            chosen.push(b);
            for i in 0..n {
                if available[i] {
                    let c = features::cosine(&infos[i].vec, &infos[b].vec);
                    if c > DUPLICATE {
                        available[i] = false;
                    }
                    max_sim[i] = max_sim[i].max(c);
                }
            }
        }
        if chosen.len() < max_sents && rounds == MMR_ROUNDS {
            let mut rest: Vec<usize> = (0..n).filter(|&i| available[i]).collect();
            rest.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
            for b in rest {
                if chosen.len() >= max_sents {
                    break;
                }
                if words + infos[b].words > max_words || chars + infos[b].chars > max_chars {
                    continue;
                }
                words += infos[b].words;
                chars += infos[b].chars;
                chosen.push(b);
            }
        }
        chosen.sort_unstable();
        let sents = analysis.sentences();
        chosen
            .into_iter()
            .map(|i| Selected {
                span: sents[i].span,
                index: i,
                score: 1.0 / (1.0 + (-scores[i]).exp()),
            })
            .collect()
    }

    /// The feature vectors of every sentence (in [`FEATURE_NAMES`] order), as the model sees
    /// them. Only with the `training` feature, for the fitting command.
    #[cfg(any(test, feature = "training"))]
    pub fn sentence_features(
        &self,
        analysis: &Analysis<'_>,
        hints: &Hints,
    ) -> Vec<[f32; NUM_FEATURES]> {
        features::compute(analysis, hints, self.skip_boilerplate).0
    }

    /// Whether each sentence is excluded from selection (boilerplate or no words).
    pub fn skipped(&self, analysis: &Analysis<'_>) -> Vec<bool> {
        features::compute(analysis, &Hints::default(), self.skip_boilerplate)
            .1
            .iter()
            .map(|i| i.skip)
            .collect()
    }

    fn score_features(&self, f: &[f32; NUM_FEATURES]) -> f32 {
        f.iter().zip(&self.weights).map(|(a, b)| a * b).sum()
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod trait_tests {
    use super::*;

    fn assert_traits<T: Clone + Send + Sync + std::fmt::Debug>() {}

    #[test]
    fn traits() {
        assert_traits::<Summarizer>();
        assert_traits::<Budget>();
        assert_traits::<Hints>();
    }
}
