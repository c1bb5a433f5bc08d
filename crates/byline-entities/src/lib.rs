//! PLACEHOLDER: the entities helper replaces this implementation; the public API below is the
//! contract other crates (quotes, summarize, the facade, the CLI) build on.
#![deny(missing_docs)]

use byline_tokenize::{Analysis, Span};
use std::ops::Range;

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
}

/// One entity mention.
#[derive(Clone, Debug, PartialEq)]
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
pub struct Entities {
    /// Mentions in text order.
    pub entities: Vec<Entity>,
    /// Clusters, ordered by first mention.
    pub clusters: Vec<Cluster>,
}

/// A named-entity recognizer. Build once, reuse.
#[derive(Clone, Debug, Default)]
pub struct Recognizer {}

impl Recognizer {
    /// The recognizer with the embedded model.
    pub fn new() -> Recognizer {
        Recognizer {}
    }
    /// Finds the entities in an analysed text.
    pub fn recognize(&self, analysis: &Analysis<'_>) -> Entities {
        // Placeholder: maximal runs of capitalised words inside a sentence, labelled PER.
        let toks = analysis.tokens();
        let mut out = Entities::default();
        for s in analysis.sentences() {
            let mut i = s.tokens.start;
            while i < s.tokens.end {
                let cap = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
                if cap(toks[i].text) && i > s.tokens.start {
                    let mut j = i;
                    while j < s.tokens.end && cap(toks[j].text) {
                        j += 1;
                    }
                    let id = out.clusters.len();
                    let span = Span::new(toks[i].span.start, toks[j - 1].span.end);
                    out.clusters.push(Cluster {
                        id,
                        name: span.text(analysis.text()).to_string(),
                        label: Label::Person,
                        mentions: vec![out.entities.len()],
                    });
                    out.entities.push(Entity {
                        span,
                        tokens: i..j,
                        label: Label::Person,
                        score: 0.5,
                        cluster: id,
                    });
                    i = j;
                } else {
                    i += 1;
                }
            }
        }
        out
    }
}
