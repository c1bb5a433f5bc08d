//! Named-entity recognition for English news: people, organisations, places and
//! miscellaneous names (nationalities, groups, events), with mentions clustered per document.
//!
//! ```
//! use byline_entities::{Label, Recognizer};
//!
//! let text = "Russian President Vladimir Putin met Ahmed Al-Sharaa in Moscow. Putin said Syria was a friend.";
//! let analysis = byline_tokenize::analyze(text);
//! let found = Recognizer::new().recognize(&analysis);
//! for e in &found.entities {
//!     println!("{:5} {}", e.label.as_str(), e.span.text(text));
//! }
//! let putin = found
//!     .clusters
//!     .iter()
//!     .find(|c| c.name == "Vladimir Putin")
//!     .expect("a cluster for Putin");
//! assert_eq!(putin.label, Label::Person);
//! assert_eq!(putin.mentions.len(), 2);
//! ```
//!
//! # Overview
//!
//! [`Recognizer`] holds a linear-chain model (an averaged structured perceptron decoded with
//! Viterbi over BILOU tags) trained by this project on CoNLL-2003 English. Recognition runs in
//! two passes over a document: pass 1 uses local features of each token (word, lowercase form,
//! shape, affixes, neighbouring words, shapes and clusters, position, capitalisation of the
//! sentence; a lexicon of distributional word clusters, capitalisation ratios and
//! person-context ratios learned from 16.7 million words of unlabeled news; and name lists:
//! the longest match of the token sequence among 262,000 hashed names of people,
//! organisations, places and groups, with the match's categories, the token's position in it
//! and whether the text's case agrees); pass 2 adds document-level features built from the
//! pass-1 output (how the same word is tagged and capitalised elsewhere in the document, the
//! tag of its first mention), so that "Vladimir Putin" early in an article informs a later
//! "Putin" and a word in an all-caps headline borrows the evidence of its mixed-case mentions.
//! Training computes the features with the same functions as recognition.
//!
//! Mentions are then grouped into [`Cluster`]s: a mention joins an earlier cluster when its
//! words are a contiguous part of the cluster's name ("Putin" → "Vladimir Putin"); the
//! canonical name is the fullest form and the label the majority label of the mentions, each
//! weighted by its length in tokens. Mentions take their cluster's label (a relabelled
//! mention gets the score 0.5).
//!
//! For CoNLL-style evaluation, [`Recognizer::iob2`] tags pre-tokenized sentences of one
//! document and returns IOB2 tags.
//!
//! # Examples
//!
//! Adding your own entries, which override the model where they match (the built-in name
//! lists are only features the model weighs):
//!
//! ```
//! use byline_entities::{Label, Recognizer};
//!
//! let rec = Recognizer::builder()
//!     .entity("Quillfeather Labs", Label::Organization)
//!     .build();
//! let text = "Researchers at Quillfeather Labs published the data.";
//! let found = rec.recognize(&byline_tokenize::analyze(text));
//! assert_eq!(found.entities[0].span.text(text), "Quillfeather Labs");
//! assert_eq!(found.entities[0].label, Label::Organization);
//! ```
//!
//! Tagging one pre-tokenized document:
//!
//! ```
//! use byline_entities::Recognizer;
//!
//! let doc = vec![vec!["Angela", "Merkel", "visited", "Paris", "."]];
//! let tags = Recognizer::new().iob2(&doc);
//! assert_eq!(tags[0], ["B-PER", "I-PER", "O", "B-LOC", "O"]);
//! ```
//!
//! # Crate features
//!
//! - `serde` (off by default): `Serialize`/`Deserialize` for [`Entities`], [`Entity`],
//!   [`Cluster`] and [`Label`] (as `"PER"`, `"ORG"`, `"LOC"`, `"MISC"`); enables
//!   `byline-tokenize/serde`.
//!
//! # Performance
//!
//! Features are hashed to 32-bit keys without allocating. At load time the weights of both
//! passes are merged into one open-addressing table (one probe finds a feature's weights for
//! both passes; frequent features are dense rows, rare ones sparse, and the commonest rare
//! row, the `+w`/`-w` pair of a single perceptron update, is stored in the slot), with a
//! Bloom filter of the keys small enough to stay in the L2 cache, so most lookups of absent
//! features (a quarter of all lookups on news text) skip the cache miss of the table. Within
//! a document, the scores of the features that depend only on a word (its form, shape,
//! affixes, clusters) or on one neighbour are computed once per distinct word and reused by
//! every occurrence and by both passes; pass 2 adds only the document features to the
//! pass-1 local scores, and the small-valued document features are precomputed tables.
//! Across documents, the model's 16,384 most frequent word forms in unlabeled news (it
//! ships their hashes) keep their word-level and neighbour scores once computed, so a
//! common word costs one copy instead of about 35 weight lookups; this cache fills as
//! words are met, is shared by all recognizers of a model and all threads, and holds at
//! most about 13 MB.
//! Viterbi uses the BILOU structure (closed tags share their allowed predecessors) and
//! recovers back-pointers only along the best path. All of this is exact: the output equals
//! the straightforward implementation bit for bit (integer sums of the same quantised
//! weights).
//!
//! Recognition is linear in the number of tokens and its memory is bounded: a document longer
//! than 32,768 words is tagged in chunks of whole sentences (each chunk with its own document
//! features), and a sentence longer than 512 words in pieces. The embedded model is parsed
//! once, lazily, on first use (about 50 ms), and shared by all recognizers. On 200
//! CNN/DailyMail dev articles (the workspace's `speed-ner` command and `benches/entities.rs`,
//! one thread) [`Recognizer::recognize`] (including clustering) runs at about 1,500,000
//! tokens per second at best on a shared 2-core machine (about 1,100,000 before the cache of
//! frequent words; best of many runs, a loaded machine gives much less). On the 84 long
//! PolNeAR dev articles, a fresh process takes about 63 ms for its first pass (filling the
//! cache) and 50 ms for later ones, against 70 ms without the cache. Most of the remaining
//! time goes to cache misses in the weight table (about 2 MB of slots, 0.9 MB of dense rows
//! in 16 bits, 1.6 MB of sparse entries).
//!
//! # Model card
//!
//! - Data: labels from CoNLL-2003 English `eng.train` (Reuters news, 1996-97). Features and
//!   epochs chosen by 5-fold cross-validation over its documents (fixed seed); `eng.testa` is
//!   only scored, never used to choose. Word clusters, capitalisation and person-context ratios
//!   learned from 16.7 million words of unlabeled news (Gothamist 2004-17, Reuters 1987, CNN
//!   2024, BBC 2004-05, CNN/DailyMail training articles, PolNeAR training texts, CoNLL-2003
//!   training tokens). Name lists: GeoNames places (CC BY 4.0: contains data from GeoNames,
//!   geonames.org), CIA World Factbook, SEC company names, census first and last names,
//!   sports clubs, curated lists (see `NOTICE.md`). No text is shipped: words and names are
//!   64-bit hashes.
//! - Labels: CoNLL-2003 conventions (nationalities and groups such as "Russian" or "Druze" are
//!   MISC; titles such as "President" are not part of a name).
//! - Training: `cargo run --release -p byline-eval --bin train-ner -- --train
//!   ../shared/data/conll2003/eng.train --dev ../shared/data/conll2003/eng.testa --out
//!   crates/byline-entities/model/ner.bin` (deterministic: the same bytes on every run; it
//!   prints the cross-validation first, `--cv 0` skips it).
//! - Training data is augmented: a lowercased copy of one document in six and an uppercased
//!   copy of another, and the sentences of one document in three as one-sentence documents
//!   (one in three of those written in headline title case), so that headlines, single sentences and text without normal capitalisation
//!   work without document context.
//! - Scores (conlleval, exact match, F1):
//!
//!   | data | overall | PER | ORG | LOC | MISC |
//!   |---|---:|---:|---:|---:|---:|
//!   | 5-fold CV over `eng.train` documents (pooled) | 91.90 | 94.97 | 87.21 | 94.63 | 88.73 |
//!   | `eng.testa` | **93.44** | 95.83 | 89.39 | 95.99 | 89.36 |
//!   | `eng.testa`, all-caps sentences | 96.47 | | | | |
//!   | `eng.testa`, whole file lowercased / uppercased | 89.30 / 89.53 | | | | |
//!   | 200 short texts written by us to choose changes on (`tests/data/short_dev.txt`, each alone) | 88.92 | 91.21 | 83.57 | 93.54 | 81.25 |
//!   | 225 other short texts written by us (`tests/data/short_news.txt`, each alone; not chosen on) | 90.12 | 92.14 | 82.42 | 93.43 | 84.44 |
//!
//!   A title the model takes into a person's name is left out of it, as CoNLL-2003 does
//!   ("Mr. Patel" gives "Patel"); the titles are a fixed word list, so "Sheikh Hasina" gives
//!   "Hasina" too.
//!
//!   Before the name lists, the large-corpus clusters and the short-text training (the same
//!   cross-validation, epochs 14/10): CV 90.88 (PER 94.16, ORG 86.50, LOC 93.23, MISC
//!   87.56), short texts 64.85; `eng.testa` 93.36 with epochs chosen on it.
//!
//! - Size: 6.3 MB (`model/ner.bin`: versioned header, FNV-1a checksum, varint-coded hashed
//!   feature keys, `i16`-quantised weights, hashed lexicon and name table, hashes of the
//!   most frequent word forms).
//!
//! # Limitations
//!
//! - Trained on 1990s Reuters newswire: recent names and domains outside news are weaker.
//! - Entities do not nest and do not span sentences.
//! - ORG and MISC are the weak types. Title-case headlines and all-caps single lines are
//!   harder than running text (see the short-text figures above).
//! - Confidence scores are a squashed per-token margin of the final pass, not calibrated
//!   probabilities.
//! - Clustering is string-based (no pronouns, no aliases such as "the Kremlin" → "Russia").
//! - Document features see at most 32,768 words at a time (far beyond a news article).
#![deny(missing_docs)]
#![forbid(unsafe_code)]
// Feature extraction, weights and the model format are shared with training (the `training`
// feature); without it the writing and reference-decoding halves are unused.
#![cfg_attr(not(any(test, feature = "training")), allow(dead_code))]

mod cluster;
mod doc;
mod fast;
mod features;
mod hot;
mod lexicon;
mod model;
mod names;
#[cfg(any(test, feature = "training"))]
mod tagger;
#[cfg(test)]
mod tests_support;
#[cfg(feature = "training")]
pub mod train;

use byline_tokenize::{Analysis, Span};
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use std::sync::LazyLock;

/// Entity type, with CoNLL-2003 conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Label {
    /// A person.
    #[cfg_attr(feature = "serde", serde(rename = "PER"))]
    Person,
    /// An organization.
    #[cfg_attr(feature = "serde", serde(rename = "ORG"))]
    Organization,
    /// A location.
    #[cfg_attr(feature = "serde", serde(rename = "LOC"))]
    Location,
    /// Miscellaneous: nationalities, groups, events, works.
    #[cfg_attr(feature = "serde", serde(rename = "MISC"))]
    Misc,
}

impl Label {
    /// `"PER"`, `"ORG"`, `"LOC"` or `"MISC"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Label::Person => "PER",
            Label::Organization => "ORG",
            Label::Location => "LOC",
            Label::Misc => "MISC",
        }
    }

    /// All labels, in the order PER, ORG, LOC, MISC.
    pub const ALL: [Label; 4] = [
        Label::Person,
        Label::Organization,
        Label::Location,
        Label::Misc,
    ];

    fn index(self) -> usize {
        match self {
            Label::Person => 0,
            Label::Organization => 1,
            Label::Location => 2,
            Label::Misc => 3,
        }
    }

    fn from_index(i: usize) -> Label {
        match i {
            0 => Label::Person,
            1 => Label::Organization,
            2 => Label::Location,
            _ => Label::Misc,
        }
    }
}

impl std::fmt::Display for Label {
    /// Writes `PER`, `ORG`, `LOC` or `MISC`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Label`] from a string that is not `PER`, `ORG`, `LOC` or `MISC`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown entity label {0:?}: expected PER, ORG, LOC or MISC")]
pub struct ParseLabelError(String);

impl std::str::FromStr for Label {
    type Err = ParseLabelError;

    /// Parses `PER`, `ORG`, `LOC` or `MISC` (any case; also `PERSON`, `ORGANIZATION`,
    /// `LOCATION`).
    ///
    /// ```
    /// use byline_entities::Label;
    /// assert_eq!("ORG".parse::<Label>(), Ok(Label::Organization));
    /// assert_eq!(Label::Misc.to_string(), "MISC");
    /// assert!("DATE".parse::<Label>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Label, ParseLabelError> {
        match s.to_ascii_uppercase().as_str() {
            "PER" | "PERSON" => Ok(Label::Person),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Ok(Label::Organization),
            "LOC" | "LOCATION" => Ok(Label::Location),
            "MISC" => Ok(Label::Misc),
            _ => Err(ParseLabelError(s.to_string())),
        }
    }
}

/// One entity mention.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Entity {
    /// Byte offsets into the text.
    pub span: Span,
    /// Indices into the analysis' tokens.
    pub tokens: Range<usize>,
    /// The entity type.
    pub label: Label,
    /// Confidence in `[0, 1]`.
    pub score: f32,
    /// Index into [`Entities::clusters`].
    pub cluster: usize,
}

/// Mentions of one entity in a document ("Vladimir Putin", "Putin", "Putin’s").
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Cluster {
    /// Index of this cluster in [`Entities::clusters`].
    pub id: usize,
    /// Canonical name: the fullest form among the mentions.
    pub name: String,
    /// The entity type.
    pub label: Label,
    /// Indices into [`Entities::entities`], in text order.
    pub mentions: Vec<usize>,
}

/// Entities and clusters of one document.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Entities {
    /// Mentions in text order.
    pub entities: Vec<Entity>,
    /// Clusters, ordered by first mention.
    pub clusters: Vec<Cluster>,
}

/// What went wrong when loading a model.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The data is not a byline NER model (wrong header).
    NotAModel,
    /// The model was written in a format version this crate does not read.
    UnsupportedVersion(u32),
    /// The model is damaged: truncated, checksum mismatch or inconsistent content.
    Corrupt,
    /// The model file could not be read.
    Io,
}

/// An error loading a model.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{msg}")]
pub struct Error {
    kind: ErrorKind,
    msg: String,
}

impl Error {
    fn new(kind: ErrorKind, msg: impl Into<String>) -> Error {
        Error {
            kind,
            msg: msg.into(),
        }
    }

    fn corrupt(what: &str) -> Error {
        Error::new(
            ErrorKind::Corrupt,
            format!("the NER model is damaged ({what}); re-copy or retrain the model file"),
        )
    }

    /// The kind of error.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

static EMBEDDED_BYTES: &[u8] = include_bytes!("../model/ner.bin");

static EMBEDDED: LazyLock<Arc<fast::Engine>> = LazyLock::new(|| {
    // The embedded model is checked by the crate's tests; an unreadable one degrades to a
    // model that finds nothing rather than panicking.
    Arc::new(fast::Engine::new(
        model::Model::from_bytes(EMBEDDED_BYTES).unwrap_or_default(),
    ))
});

/// A named-entity recognizer. Build once, reuse.
#[derive(Clone, Debug)]
pub struct Recognizer {
    model: Arc<fast::Engine>,
    gazetteer: Arc<Gazetteer>,
}

impl Default for Recognizer {
    fn default() -> Recognizer {
        Recognizer::new()
    }
}

/// User gazetteer: token sequences with a forced label.
#[derive(Clone, Debug, Default)]
struct Gazetteer {
    /// First token → (token sequence, label), longest first.
    by_first: HashMap<String, Vec<(Vec<String>, Label)>>,
}

/// Configures a [`Recognizer`]: model and gazetteer entries.
#[derive(Clone, Debug, Default)]
pub struct RecognizerBuilder {
    model: Option<Arc<fast::Engine>>,
    entries: Vec<(String, Label)>,
}

impl RecognizerBuilder {
    /// Uses this model instead of the embedded one.
    pub fn model_bytes(&mut self, bytes: &[u8]) -> Result<&mut Self, Error> {
        self.model = Some(Arc::new(fast::Engine::new(model::Model::from_bytes(
            bytes,
        )?)));
        Ok(self)
    }

    /// Adds a gazetteer entry: wherever the words of `name` occur as consecutive tokens
    /// (case-sensitive, split on whitespace and by the tokenizer's rules), they form one
    /// entity with `label`, overriding the model.
    pub fn entity(&mut self, name: &str, label: Label) -> &mut Self {
        self.entries.push((name.to_string(), label));
        self
    }

    /// Builds the recognizer.
    pub fn build(&self) -> Recognizer {
        let mut g = Gazetteer::default();
        for (name, label) in &self.entries {
            let toks: Vec<String> = byline_tokenize::tokenize(name)
                .iter()
                .map(|t| t.text.to_string())
                .collect();
            if toks.is_empty() {
                continue;
            }
            let v = g.by_first.entry(toks[0].clone()).or_default();
            v.push((toks, *label));
            v.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        }
        Recognizer {
            model: self.model.clone().unwrap_or_else(|| EMBEDDED.clone()),
            gazetteer: Arc::new(g),
        }
    }
}

impl Recognizer {
    /// The recognizer with the embedded model.
    pub fn new() -> Recognizer {
        Recognizer {
            model: EMBEDDED.clone(),
            gazetteer: Arc::default(),
        }
    }

    /// A builder, to add gazetteer entries or use another model.
    pub fn builder() -> RecognizerBuilder {
        RecognizerBuilder::default()
    }

    /// Loads a model from bytes written by the `train-ner` command.
    ///
    /// Fails with [`ErrorKind::NotAModel`], [`ErrorKind::UnsupportedVersion`] or
    /// [`ErrorKind::Corrupt`]; never panics.
    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer, Error> {
        Ok(Recognizer {
            model: Arc::new(fast::Engine::new(model::Model::from_bytes(bytes)?)),
            gazetteer: Arc::default(),
        })
    }

    /// Loads a model file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Recognizer, Error> {
        let p = path.as_ref();
        let b = std::fs::read(p).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot read NER model file {}: {e}", p.display()),
            )
        })?;
        Recognizer::from_bytes(&b)
    }

    /// Finds the entities in an analysed text (one document).
    pub fn recognize(&self, analysis: &Analysis<'_>) -> Entities {
        let toks = analysis.tokens();
        let text = analysis.text();
        // Words as in CoNLL-2003: hyphenated compounds the tokenizer splits ("Al", "-",
        // "Sharaa") are rejoined, so the model sees "Al-Sharaa". `words` holds token ranges
        // (as `u32` pairs: eight bytes a word on long inputs).
        let mut words: Vec<(u32, u32)> = Vec::with_capacity(toks.len());
        let mut sents: Vec<Range<usize>> = Vec::with_capacity(analysis.sentences().len());
        for s in analysis.sentences() {
            let first = words.len();
            let mut i = s.tokens.start;
            while i < s.tokens.end {
                let mut j = i + 1;
                while j + 1 < s.tokens.end
                    && is_hyphen(toks[j].text)
                    && toks[j].span.start == toks[j - 1].span.end
                    && toks[j + 1].span.start == toks[j].span.end
                    && toks[j - 1].text.chars().any(char::is_alphanumeric)
                    && toks[j + 1].text.chars().any(char::is_alphanumeric)
                {
                    j += 2;
                }
                words.push((i as u32, j as u32));
                i = j;
            }
            sents.push(first..words.len());
        }
        let wtext =
            |r: &(u32, u32)| &text[toks[r.0 as usize].span.start..toks[r.1 as usize - 1].span.end];
        let mut margins = Vec::new();
        let mut tags = fast::tag(
            &self.model,
            sents.iter().map(|r| words[r.clone()].iter().map(wtext)),
            Some(&mut margins),
        );
        for (r, tg) in sents.iter().zip(&mut tags) {
            trim_titles(|k| wtext(&words[r.start + k]), tg);
        }
        let mut ents: Vec<(Range<usize>, Label, f32)> = Vec::new();
        for ((r, tg), mg) in sents.iter().zip(&tags).zip(&margins) {
            let mut i = 0;
            while i < tg.len() {
                let t = tg[i] as usize;
                if t == 0 {
                    i += 1;
                    continue;
                }
                let ty = (t - 1) / 4;
                let mut j = i + 1;
                if (t - 1) % 4 == 0 {
                    // B, then I* of the same type, then L (guaranteed by the decoder).
                    while j < tg.len() && tg[j] as usize == t + 1 {
                        j += 1;
                    }
                    if j < tg.len() && tg[j] as usize == t + 2 {
                        j += 1;
                    }
                }
                let m = mg[i..j].iter().sum::<f32>() / (j - i) as f32;
                let score = 1.0 / (1.0 + (-2.0 * m / self.model.model.margin_scale).exp());
                let tr = words[r.start + i].0 as usize..words[r.start + j - 1].1 as usize;
                ents.push((tr, Label::from_index(ty), score));
                i = j;
            }
        }
        if !self.gazetteer.by_first.is_empty() {
            let tsents: Vec<Range<usize>> = analysis
                .sentences()
                .iter()
                .map(|s| s.tokens.clone())
                .collect();
            ents = self.apply_gazetteer(analysis, &tsents, ents);
        }
        let entities: Vec<Entity> = ents
            .into_iter()
            .map(|(r, label, score)| Entity {
                span: Span::new(toks[r.start].span.start, toks[r.end - 1].span.end),
                tokens: r,
                label,
                score,
                cluster: 0,
            })
            .collect();
        cluster::cluster(analysis, entities)
    }

    fn apply_gazetteer(
        &self,
        analysis: &Analysis<'_>,
        sents: &[Range<usize>],
        ents: Vec<(Range<usize>, Label, f32)>,
    ) -> Vec<(Range<usize>, Label, f32)> {
        let toks = analysis.tokens();
        let mut forced: Vec<(Range<usize>, Label, f32)> = Vec::new();
        for r in sents {
            let mut i = r.start;
            while i < r.end {
                let mut hit = None;
                if let Some(cands) = self.gazetteer.by_first.get(toks[i].text) {
                    for (seq, label) in cands {
                        let end = i + seq.len();
                        if end <= r.end && toks[i..end].iter().zip(seq).all(|(t, s)| t.text == s) {
                            hit = Some((i..end, *label, 1.0));
                            break;
                        }
                    }
                }
                match hit {
                    Some(h) => {
                        i = h.0.end;
                        forced.push(h);
                    }
                    None => i += 1,
                }
            }
        }
        if forced.is_empty() {
            return ents;
        }
        let mut out: Vec<(Range<usize>, Label, f32)> = Vec::with_capacity(ents.len());
        let mut fi = 0;
        for e in ents {
            while fi < forced.len() && forced[fi].0.end <= e.0.start {
                out.push(forced[fi].clone());
                fi += 1;
            }
            let overlaps = forced[fi..]
                .iter()
                .take_while(|f| f.0.start < e.0.end)
                .any(|f| f.0.end > e.0.start);
            if !overlaps {
                out.push(e);
            }
        }
        out.extend(forced[fi..].iter().cloned());
        out
    }

    /// Tags one document given as sentences of tokens and returns one IOB2 tag per token
    /// (`"O"`, `"B-PER"`, `"I-ORG"`, ...). Document-level features use the whole input (up
    /// to 32,768 words at a time), so pass a whole document (for CoNLL files: the sentences
    /// between two `-DOCSTART-` lines).
    pub fn iob2<S: AsRef<str>>(&self, doc: &[Vec<S>]) -> Vec<Vec<&'static str>> {
        let mut tags = fast::tag(
            &self.model,
            doc.iter().map(|s| s.iter().map(|w| w.as_ref())),
            None,
        );
        for (s, tg) in doc.iter().zip(&mut tags) {
            trim_titles(|k| s.get(k).map_or("", |w| w.as_ref()), tg);
        }
        tags.iter()
            .map(|s| {
                let mut prev = 0u8;
                s.iter()
                    .map(|&t| {
                        let r = iob2_str(prev, t);
                        prev = t;
                        r
                    })
                    .collect()
            })
            .collect()
    }
}

/// Tag index → IOB2 string.
fn iob2_str(prev: u8, t: u8) -> &'static str {
    const B: [&str; 4] = ["B-PER", "B-ORG", "B-LOC", "B-MISC"];
    const I: [&str; 4] = ["I-PER", "I-ORG", "I-LOC", "I-MISC"];
    let _ = prev;
    if t == 0 {
        return "O";
    }
    let ty = (t as usize - 1) / 4;
    match (t as usize - 1) % 4 {
        0 | 3 => B[ty],
        _ => I[ty],
    }
}

fn is_hyphen(t: &str) -> bool {
    matches!(t, "-" | "\u{2010}" | "\u{2011}")
}

/// Leaves a title the model took into a person's name ("Pope Francis", "Mr. Patel") out of
/// it, as CoNLL-2003 does ("Pope [Francis]"): a `B-PER` word that is one of the
/// [`names::TITLES`] becomes `O` and the next word begins the name. `tags` are the BILOU tag
/// indices of one sentence (person: 1 B, 2 I, 3 L, 4 U), `word(k)` its `k`-th word.
fn trim_titles<'a>(word: impl Fn(usize) -> &'a str, tags: &mut [u8]) {
    for k in 0..tags.len().saturating_sub(1) {
        if tags[k] == 1 && matches!(tags[k + 1], 2 | 3) && names::is_title(word(k)) {
            tags[k] = 0;
            tags[k + 1] = if tags[k + 1] == 2 { 1 } else { 4 };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_left_out_of_person_names() {
        let trim = |words: &[&str], tags: &[u8]| {
            let mut t = tags.to_vec();
            trim_titles(|k| words[k], &mut t);
            t
        };
        // B-PER L-PER -> O U-PER; B-PER I-PER L-PER -> O B-PER L-PER.
        assert_eq!(trim(&["Mr.", "Patel", "said"], &[1, 3, 0]), [0, 4, 0]);
        assert_eq!(trim(&["POPE", "John", "Paul"], &[1, 2, 3]), [0, 1, 3]);
        // Not a title, a title alone, or a title before another type: unchanged.
        assert_eq!(trim(&["Joe", "Biden"], &[1, 3]), [1, 3]);
        assert_eq!(trim(&["President"], &[4]), [4]);
        assert_eq!(trim(&["President", "Hotel"], &[5, 7]), [5, 7]);
    }

    #[test]
    fn types_are_send_sync_clone_debug() {
        fn check<T: Clone + Send + Sync + std::fmt::Debug>() {}
        check::<Recognizer>();
        check::<RecognizerBuilder>();
        check::<Error>();
        check::<Entities>();
    }

    #[test]
    fn label_index_roundtrip() {
        for l in [
            Label::Person,
            Label::Organization,
            Label::Location,
            Label::Misc,
        ] {
            assert_eq!(Label::from_index(l.index()), l);
        }
    }
}
