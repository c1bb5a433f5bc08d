//! Who said what: direct, partial (mixed) and reported quotes in English news, attributed to
//! resolved speakers.
//!
//! ```
//! use byline_quotes::{QuoteFinder, QuoteKind, Via};
//!
//! let text = "“We listened, and we delivered,” Mayor Ana Reyes said on Tuesday.";
//! let analysis = byline_tokenize::analyze(text);
//! let entities = byline_entities::Recognizer::new().recognize(&analysis);
//! let quotes = QuoteFinder::new().find(&analysis, &entities);
//! assert_eq!(quotes.len(), 1);
//! assert_eq!(quotes[0].kind, QuoteKind::Direct);
//! assert_eq!(quotes[0].span.text(text), "We listened, and we delivered,");
//! let speaker = quotes[0].speaker.as_ref().unwrap();
//! assert_eq!(speaker.span.text(text), "Mayor Ana Reyes");
//! assert_eq!(speaker.via, Via::Name);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! [`QuoteFinder::find`] takes a tokenized text ([`byline_tokenize::Analysis`]) and its named
//! entities ([`byline_entities::Entities`]) and returns every [`Quote`] in text order:
//!
//! * **direct** quotes in straight or curly double marks or `''…''`, with nested single
//!   quotes; a split quote (`“A,” she said. “B.”`) is one quote with two [`Quote::parts`], and
//!   a quote running over several paragraphs (the opening mark repeated at each paragraph) is
//!   one quote too;
//! * **mixed** quotes: reported speech with quoted fragments inside; the content is the whole
//!   reported clause;
//! * **indirect** quotes: reported speech (`X said that …`, `according to X, …`,
//!   `…, X told reporters.`, `X, who …, said …`, `…, saying …`, colon introductions).
//!
//! Quotation marks are paired line by line and by family (curly with curly, straight with
//! straight, guillemets with guillemets); a mark never closed in its paragraph is dropped
//! unless the next paragraph opens with one (a quotation over several paragraphs), so a
//! stray mark never swallows the text after it. Short quoted words inside a sentence with no cue (scare quotes, titles)
//! are not quotes.
//!
//! The cue lexicon (said, told, insisted, warned, tweeted, …, with how often each word cues
//! an attribution) was learned from the PolNeAR training split by the `learn-cues` command of
//! the evaluation crate; only words and counts ship, in `data/cues.tsv`.
//!
//! Each quote's [`Speaker`] is the local mention of the source with how it was resolved
//! ([`Via`]): a name (with its entity cluster), a pronoun (resolved to the last compatible
//! speaker or the nearest compatible entity before it), a description such as "The Russian
//! leader" (resolved to the earlier person mentioned with the same words, else the last
//! speaker), or an anonymous source ("an official source in Russia", no cluster). A quote
//! whose source is unknown has `speaker: None`.
//!
//! # Examples
//!
//! Reported speech and a pronoun speaker:
//!
//! ```
//! use byline_quotes::{QuoteFinder, QuoteKind, Via};
//!
//! let text = "Councillor Tom Hale said the cost estimates were unrealistic.\n\n\
//!             “Taxes will rise,” he said.";
//! let analysis = byline_tokenize::analyze(text);
//! let entities = byline_entities::Recognizer::new().recognize(&analysis);
//! let quotes = QuoteFinder::new().find(&analysis, &entities);
//! assert_eq!(quotes.len(), 2);
//! assert_eq!(quotes[0].kind, QuoteKind::Indirect);
//! assert_eq!(quotes[0].span.text(text), "the cost estimates were unrealistic");
//! assert_eq!(quotes[1].speaker.as_ref().unwrap().via, Via::Pronoun);
//! ```
//!
//! # Crate features
//!
//! * `serde` (off by default): `Serialize`/`Deserialize` for [`Quote`], [`QuoteKind`],
//!   [`Speaker`] and [`Via`]; enables `byline-tokenize/serde` and `byline-entities/serde`.
//! * `training` (off): the learned stage's training interface (`ReportedModel`, `Candidate`,
//!   `QuoteFinderBuilder::reported_model`, `QuoteFinder::candidates`) for the workspace's
//!   `train-quotes`. Not part of the stable API.
//!
//! # Performance
//!
//! Finding quotes is linear in the number of tokens: quotation regions, cue look-ups and
//! entity look-ups use sorted merges, searches that start from the previous hit, hash maps
//! of fixed word tables and per-document indexes, and every backward search is bounded. Its
//! own memory is a few bytes per token (about 4 bytes per input byte on news, at most about
//! 16 on a text of quotation marks only; `scale-quotes` gates both, and that finding takes
//! at most 8 times tokenizing the same news, measured 4.4). Each token's word is looked up
//! once, in one table that gives its word classes and its cue statistics. The bench
//! `benches/quotes.rs` measures articles per second on the PolNeAR dev texts: for quote
//! finding alone on one core, 3,100 articles/s on 2026-12-06, about 4,700 on 2026-12-07,
//! then about 6,600 after a round of profiling (instructions in `QuoteFinder::find` over
//! PolNeAR dev, by callgrind, 136M -> 79M). With tokenizing and entity recognition
//! included (the recognizer takes most of it): 630–930 articles/s before that round, and
//! 1,020–1,070 after it and the entity recognizer's cache of frequent words (criterion,
//! three runs alternating with the previous build, which gave 670–850 on the same busy
//! machine; `speed-quotes` gives 1,155 at best with nothing else running).
//!
//! On PolNeAR dev (`eval-quotes`, scored as `score_quotes.py` does) the finder reaches 94.8
//! content F1 and 90.2 end-to-end F1 (content and speaker) on direct quotes, and 72.9 content
//! F1 and 66.3 end-to-end F1 over all attributions (70.5 and 65.3 with the rules alone: see
//! [`QuoteFinderBuilder::learned_reported`]). Besides cue words around a clause, it
//! reads headline conventions (`Mayor Says ...`, `Poll: ...`), transcript turns
//! (`"PENCE: ...`), datelines, evidence verbs before "that" (`a poll shows that ...`) and
//! attributions in the middle of a sentence (`..., he said, and ...`), speech verbs with
//! their preposition (`called for`, `spoke about`) and gerunds (`began by saying`).
//!
//! # Limitations
//!
//! * There is no parser: sources and contents of reported speech come from surface
//!   patterns around the cue, so long or nested sentences get approximate boundaries.
//! * Only attributions introduced by a cue word are found. A learned stage (an averaged
//!   perceptron trained on PolNeAR train, embedded) adds stances and expectations at words
//!   the rules leave (`is expected to`, `appeared to blame`), but about half of PolNeAR's
//!   reported attributions (`Cruz endorses Trump`) are still missed, and its speakers are
//!   less often right than the rules'.
//! * Pronoun resolution knows no names' genders, only what the article says (an honorific,
//!   the pronouns that follow a person's mentions): `he`/`she` go to the last speaker that is
//!   a person of a compatible gender, else the nearest earlier one.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod find;
mod lexicon;
mod words;

use byline_entities::Entities;
use byline_tokenize::{Analysis, Span};
#[cfg(not(feature = "training"))]
use find::ReportedModel;
#[cfg(feature = "training")]
pub use find::{Candidate, ReportedModel};
use lexicon::Lexicon;
use std::sync::Arc;

/// What went wrong while configuring a [`QuoteFinder`] or parsing a [`QuoteKind`] or [`Via`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A line of a cue lexicon was not `word<TAB>count<TAB>total`.
    InvalidLexicon {
        /// 1-based line number.
        line: usize,
    },
    /// The minimum cue probability was not in `[0, 1]`.
    InvalidThreshold,
    /// The string given to `str::parse` is not the name of a [`QuoteKind`] or [`Via`].
    UnknownName {
        /// The string that was given.
        name: String,
    },
}

/// A configuration error.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{msg}")]
pub struct Error {
    kind: ErrorKind,
    msg: String,
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

/// How a quote relates to quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum QuoteKind {
    /// At least 90% of the content's letters and digits are inside quotation marks.
    Direct,
    /// Reported speech with quoted fragments.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
}

impl QuoteKind {
    /// `"direct"`, `"mixed"` or `"indirect"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// How a speaker mention was resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Via {
    /// The mention is a name.
    Name,
    /// A pronoun (`he`, `she`, `it`, `they`), resolved to an earlier entity.
    Pronoun,
    /// A description such as "The Russian leader", resolved to an earlier person.
    Description,
    /// An anonymous source such as "an official source in Russia".
    Anonymous,
}

impl Via {
    /// `"name"`, `"pronoun"`, `"description"` or `"anonymous"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Via::Name => "name",
            Via::Pronoun => "pronoun",
            Via::Description => "description",
            Via::Anonymous => "anonymous",
        }
    }
}

impl Error {
    fn unknown_name(what: &str, name: &str, expected: &str) -> Error {
        // Quote at most 40 characters of what was given.
        let shown: String = name.chars().take(40).collect();
        let more = if shown.len() < name.len() { "…" } else { "" };
        Error {
            kind: ErrorKind::UnknownName {
                name: name.to_string(),
            },
            msg: format!("unknown {what} {shown:?}{more}: expected {expected}"),
        }
    }
}

/// Writes [`QuoteKind::as_str`]: `direct`, `mixed` or `indirect`.
impl std::fmt::Display for QuoteKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// Parses `direct`, `mixed` or `indirect` (ASCII case ignored).
///
/// ```
/// use byline_quotes::QuoteKind;
/// assert_eq!("mixed".parse::<QuoteKind>()?, QuoteKind::Mixed);
/// assert_eq!(QuoteKind::Indirect.to_string(), "indirect");
/// # Ok::<(), byline_quotes::Error>(())
/// ```
impl std::str::FromStr for QuoteKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        parse_name(
            s,
            "quote kind",
            [QuoteKind::Direct, QuoteKind::Mixed, QuoteKind::Indirect],
            QuoteKind::as_str,
        )
    }
}

/// Writes [`Via::as_str`]: `name`, `pronoun`, `description` or `anonymous`.
impl std::fmt::Display for Via {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// Parses `name`, `pronoun`, `description` or `anonymous` (ASCII case ignored).
///
/// ```
/// use byline_quotes::Via;
/// assert_eq!("pronoun".parse::<Via>()?, Via::Pronoun);
/// assert_eq!(Via::Description.to_string(), "description");
/// # Ok::<(), byline_quotes::Error>(())
/// ```
impl std::str::FromStr for Via {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        parse_name(
            s,
            "speaker resolution",
            [Via::Name, Via::Pronoun, Via::Description, Via::Anonymous],
            Via::as_str,
        )
    }
}

/// The one of `all` whose `name` is `s`, ASCII case ignored, or an [`ErrorKind::UnknownName`]
/// that lists the names of `all` (`expected a, b or c`): the parser of [`QuoteKind`] and
/// [`Via`].
fn parse_name<T: Copy, const N: usize>(
    s: &str,
    what: &str,
    all: [T; N],
    name: fn(&T) -> &'static str,
) -> Result<T, Error> {
    all.into_iter()
        .find(|v| name(v).eq_ignore_ascii_case(s))
        .ok_or_else(|| {
            let names: Vec<&str> = all.iter().map(name).collect();
            let expected = match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("{} or {last}", rest.join(", "))
                }
                _ => names.concat(),
            };
            Error::unknown_name(what, s, &expected)
        })
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Speaker {
    /// The mention of the source in the text, near the quote.
    pub span: Span,
    /// Canonical name of the resolved entity (or the mention's name when no entity matched).
    pub name: Option<String>,
    /// Index into [`Entities::clusters`] of the resolved entity.
    pub cluster: Option<usize>,
    /// How the mention was resolved.
    pub via: Via,
}

/// One attribution: what was said, how, and by whom.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Quote {
    /// The whole content, from the start of the first part to the end of the last.
    pub span: Span,
    /// The content parts (one, unless the quote is split by an attribution or paragraphs).
    /// A direct quote's parts exclude its quotation marks; a mixed quote's reported clause
    /// keeps the marks of the fragments inside it.
    pub parts: Vec<Span>,
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// The cue word ("said", "according to"), if any.
    pub cue: Option<Span>,
    /// The speaker, `None` when unknown.
    pub speaker: Option<Speaker>,
}

/// Builds a [`QuoteFinder`].
#[derive(Clone, Debug)]
pub struct QuoteFinderBuilder {
    min_cue_prob: f32,
    min_cue_count: u32,
    lexicon: Option<String>,
    learned: bool,
    model: Option<Arc<ReportedModel>>,
}

impl Default for QuoteFinderBuilder {
    fn default() -> Self {
        QuoteFinderBuilder {
            min_cue_prob: DEFAULT_MIN_CUE_PROB,
            min_cue_count: DEFAULT_MIN_CUE_COUNT,
            lexicon: None,
            learned: true,
            model: None,
        }
    }
}

const DEFAULT_MIN_CUE_PROB: f32 = 0.2;
const DEFAULT_MIN_CUE_COUNT: u32 = 3;

impl QuoteFinderBuilder {
    /// The minimum share of a word's occurrences that were cues in training for the word to
    /// introduce reported speech (default 0.2). Lower finds more, less precisely.
    pub fn min_cue_probability(&mut self, p: f32) -> &mut Self {
        self.min_cue_prob = p;
        self
    }
    /// The minimum number of times a word was a cue in training (default 3).
    pub fn min_cue_count(&mut self, n: u32) -> &mut Self {
        self.min_cue_count = n;
        self
    }
    /// Replaces the embedded cue lexicon with one in the `learn-cues` format
    /// (`word<TAB>times as cue<TAB>times seen[<TAB>...]` per line).
    pub fn lexicon(&mut self, tsv: &str) -> &mut Self {
        self.lexicon = Some(tsv.to_string());
        self
    }
    /// Whether the learned stage for reported speech runs after the rules (default `true`):
    /// it finds attributions the rules miss (`X's claim that ...`, `worries that ...`).
    /// Off, only the hand-written rules decide.
    pub fn learned_reported(&mut self, on: bool) -> &mut Self {
        self.learned = on;
        self
    }
    /// Replaces the embedded learned model (for `train-quotes`; feature `training`).
    #[cfg(feature = "training")]
    pub fn reported_model(&mut self, model: ReportedModel) -> &mut Self {
        self.model = Some(Arc::new(model));
        self
    }
    /// Builds the finder.
    pub fn build(&self) -> Result<QuoteFinder, Error> {
        if !(0.0..=1.0).contains(&self.min_cue_prob) {
            return Err(Error {
                kind: ErrorKind::InvalidThreshold,
                msg: format!(
                    "minimum cue probability {} is out of range: give a number between 0 and 1",
                    self.min_cue_prob
                ),
            });
        }
        let lexicon = match &self.lexicon {
            None => EMBEDDED.clone(),
            Some(tsv) => Arc::new(Lexicon::parse(tsv).map_err(|line| Error {
                kind: ErrorKind::InvalidLexicon { line },
                msg: format!(
                    "cue lexicon line {line} is malformed: expected word<TAB>count<TAB>total with whole numbers"
                ),
            })?),
        };
        let model = if self.learned {
            self.model.clone().or_else(|| EMBEDDED_MODEL.clone())
        } else {
            None
        };
        Ok(QuoteFinder {
            lexicon,
            min_cue_prob: self.min_cue_prob,
            min_cue_count: self.min_cue_count,
            model,
        })
    }
}

static EMBEDDED: std::sync::LazyLock<Arc<Lexicon>> =
    std::sync::LazyLock::new(|| Arc::new(Lexicon::embedded()));

/// The learned reported-speech model trained on PolNeAR train by `train-quotes`.
const REPORTED_MODEL: &[u8] = include_bytes!("../data/reported.bin");

static EMBEDDED_MODEL: std::sync::LazyLock<Option<Arc<ReportedModel>>> =
    std::sync::LazyLock::new(|| ReportedModel::from_bytes(REPORTED_MODEL).map(Arc::new));

/// Finds and attributes quotes. Build once, reuse.
#[derive(Clone, Debug)]
pub struct QuoteFinder {
    lexicon: Arc<Lexicon>,
    min_cue_prob: f32,
    min_cue_count: u32,
    model: Option<Arc<ReportedModel>>,
}

impl Default for QuoteFinder {
    fn default() -> Self {
        QuoteFinder::new()
    }
}

impl QuoteFinder {
    /// A finder with the embedded cue lexicon and news defaults.
    pub fn new() -> QuoteFinder {
        QuoteFinder {
            lexicon: EMBEDDED.clone(),
            min_cue_prob: DEFAULT_MIN_CUE_PROB,
            min_cue_count: DEFAULT_MIN_CUE_COUNT,
            model: EMBEDDED_MODEL.clone(),
        }
    }

    /// A builder for configuration.
    pub fn builder() -> QuoteFinderBuilder {
        QuoteFinderBuilder::default()
    }

    /// Number of cue words in the lexicon.
    pub fn cue_words(&self) -> usize {
        self.lexicon.len()
    }

    /// All quotes of an analysed text, in text order. Never fails; an empty text gives none.
    pub fn find(&self, analysis: &Analysis<'_>, entities: &Entities) -> Vec<Quote> {
        find::find(
            analysis,
            entities,
            &self.lexicon,
            self.min_cue_prob,
            self.min_cue_count,
            &mut match &self.model {
                Some(m) => find::Learned::Apply(m),
                None => find::Learned::Off,
            },
        )
    }

    /// The learned stage's candidate cues of a text with their features, found with the
    /// rules only (for `train-quotes`; feature `training`).
    #[cfg(feature = "training")]
    pub fn candidates(&self, analysis: &Analysis<'_>, entities: &Entities) -> Vec<Candidate> {
        let mut out = Vec::new();
        find::find(
            analysis,
            entities,
            &self.lexicon,
            self.min_cue_prob,
            self.min_cue_count,
            &mut find::Learned::Collect(&mut out),
        );
        out
    }
}
