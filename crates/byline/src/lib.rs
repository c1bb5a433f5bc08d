//! Read English news: who is named, who said what, and what the story is about.
//!
//! ```
//! use byline::Pipeline;
//!
//! let pipeline = Pipeline::new();
//! let doc = pipeline.analyze(
//!     "MOSCOW (Reuters) — Russian President Vladimir Putin met Syria's interim president \
//!      on Wednesday. “We have always been guided by one thing,” Putin said.",
//! );
//! assert_eq!(doc.schema, byline::SCHEMA);
//! assert_eq!(doc.sentences.len(), 2);
//! for quote in &doc.quotes {
//!     let who = quote.speaker.as_ref().and_then(|s| s.name.as_deref()).unwrap_or("?");
//!     println!("{who}: {}", quote.text);
//! }
//! let json = serde_json::to_string(&doc).unwrap();
//! assert!(json.starts_with("{\"schema\":\"byline/1\""));
//! ```
//!
//! # Overview
//!
//! `byline` is the facade of a workspace of libraries, each usable alone:
//!
//! | module | crate | what it does |
//! |---|---|---|
//! | [`tokenize`] | `byline-tokenize` | words, sentences and paragraphs with byte offsets |
//! | [`entities`] | `byline-entities` | people, organisations, places and groups, grouped into clusters |
//! | [`quotes`] | `byline-quotes` | direct, partial and reported quotes with cue and resolved speaker |
//! | [`summarize`] | `byline-summarize` | extractive summaries of a chosen length |
//!
//! A [`Pipeline`] runs all of them, in that order, over one text and returns a [`Document`]:
//! plain data with UTF-8 byte offsets into the original text, `serde` serializable and
//! deserializable. Its JSON form is the output of the `byline analyze` command, and each of its
//! top-level fields has exactly the shape that the matching subcommand (`byline tokenize`,
//! `byline entities`, ...) prints, so one reader handles both.
//!
//! # Examples
//!
//! Switch layers off and choose the summary length with the builder; build once, reuse:
//!
//! ```
//! use byline::{Pipeline, summarize::Budget};
//!
//! let pipeline = Pipeline::builder()
//!     .tokens(true)
//!     .quotes(false)
//!     .budget(Budget::Sentences(1))
//!     .build();
//! let doc = pipeline.analyze("The council voted on Tuesday. The mayor was pleased.");
//! assert_eq!(doc.tokens.as_ref().map(Vec::len), Some(11));
//! assert!(doc.quotes.is_empty());
//! assert_eq!(doc.summary.len(), 1);
//! ```
//!
//! A [`Document`] reads back from JSON:
//!
//! ```
//! let doc = byline::analyze("Putin spoke in Moscow.");
//! let json = serde_json::to_string(&doc).unwrap();
//! let back: byline::Document = serde_json::from_str(&json).unwrap();
//! assert_eq!(back, doc);
//! ```
//!
//! # Crate features
//!
//! None: the crate always pulls in the four libraries and `serde`. Depend on a single library
//! crate (`byline-tokenize`, ...) if that is all you need.
//!
//! # Performance
//!
//! All layers are linear in the input size and run without allocation per character. The whole
//! pipeline processes on the order of hundreds of thousands of words per second on one core
//! (see `benches/pipeline.rs` in the repository and its README for measured figures). A
//! `Pipeline` is `Send + Sync`: share one between threads, as `byline analyze --jsonl` does.
//!
//! Memory: a [`Document`] holds a copy of the text in every record (paragraphs, sentences,
//! and tokens when asked for). To write the JSON of a big text, use
//! [`Pipeline::analyze_view`]: its [`DocumentView`] borrows the text and serializes to the
//! same JSON, so `serde_json::to_writer` streams it with no copy (this is what the `byline`
//! command does).
//!
//! # Limitations
//!
//! English news text only. Entities come from a linear model trained on CoNLL-2003 (Reuters
//! 1996-97): names that are rare in that kind of text are found less reliably. Quote speakers
//! are resolved with rules over the entity clusters, not with a full coreference model.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub use byline_entities as entities;
pub use byline_quotes as quotes;
pub use byline_summarize as summarize;
pub use byline_tokenize as tokenize;

use byline_entities::{Entities, Recognizer};
use byline_quotes::QuoteFinder;
use byline_summarize::{Budget, Summarizer};
use byline_tokenize::{Analysis, Span, Tokenizer};
use serde::{Deserialize, Serialize};

/// The version of the JSON format of [`Document`], stored in its `schema` field.
pub const SCHEMA: &str = "byline/1";

/// A piece of the text: byte offsets and the text itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The text between `start` and `end`.
    pub text: String,
}

impl TextSpan {
    /// The piece of `text` covered by `span`.
    pub fn new(text: &str, span: Span) -> TextSpan {
        TextSpan {
            start: span.start,
            end: span.end,
            text: span.text(text).to_string(),
        }
    }
}

/// One token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TokenRecord {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The token's text.
    pub text: String,
    /// `word`, `number`, `punct`, `symbol`, `open_quote`, `close_quote`, `url`, `email`,
    /// `handle` or `hashtag` (see [`tokenize::TokenKind::as_str`]).
    pub kind: String,
}

/// One entity mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EntityRecord {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The mention's text.
    pub text: String,
    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub label: String,
    /// Index into [`Document::clusters`].
    pub cluster: usize,
}

/// All mentions of one entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ClusterRecord {
    /// Index of this cluster in [`Document::clusters`].
    pub id: usize,
    /// Canonical name: the fullest form among the mentions.
    pub name: String,
    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub label: String,
    /// Indices into [`Document::entities`].
    pub mentions: Vec<usize>,
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SpeakerRecord {
    /// Byte offset of the first byte of the speaker mention.
    pub start: usize,
    /// Byte offset one past the last byte of the speaker mention.
    pub end: usize,
    /// The mention as written: a name, a pronoun, a description.
    pub text: String,
    /// Canonical name of the entity the mention refers to, if known.
    pub name: Option<String>,
    /// Index into [`Document::clusters`], if the speaker is a recognized entity.
    pub cluster: Option<usize>,
    /// How the speaker was found: `name`, `pronoun`, `description` or `anonymous`.
    pub via: String,
}

/// One quote or reported statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QuoteRecord {
    /// Byte offset of the start of the content.
    pub start: usize,
    /// Byte offset of the end of the content.
    pub end: usize,
    /// The content, from `start` to `end`.
    pub text: String,
    /// The content parts as `[start, end]` byte offsets (two or more for a split quote).
    pub parts: Vec<[usize; 2]>,
    /// `direct`, `mixed` or `indirect`.
    pub kind: String,
    /// The cue ("said", "told reporters", "according to"), if any.
    pub cue: Option<TextSpan>,
    /// The speaker, if known.
    pub speaker: Option<SpeakerRecord>,
}

/// One sentence of the summary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SummaryRecord {
    /// Byte offset of the first byte of the sentence.
    pub start: usize,
    /// Byte offset one past the last byte of the sentence.
    pub end: usize,
    /// The sentence.
    pub text: String,
    /// Index into [`Document::sentences`].
    pub index: usize,
    /// The summarizer's score for this sentence (higher is more central).
    pub score: f32,
}

/// The analysis of one text: all offsets are UTF-8 byte offsets into that text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// The format version, [`SCHEMA`].
    pub schema: String,
    /// Paragraphs (text separated by blank lines).
    pub paragraphs: Vec<TextSpan>,
    /// Sentences.
    pub sentences: Vec<TextSpan>,
    /// Tokens, when the pipeline was built with [`PipelineBuilder::tokens`]`(true)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenRecord>>,
    /// Entity mentions in text order.
    pub entities: Vec<EntityRecord>,
    /// Entity clusters, ordered by first mention.
    pub clusters: Vec<ClusterRecord>,
    /// Quotes in text order.
    pub quotes: Vec<QuoteRecord>,
    /// Summary sentences in text order.
    pub summary: Vec<SummaryRecord>,
}

/// Configures a [`Pipeline`]. Like the libraries' builders, its setters take and return
/// `&mut Self`, so they chain on `Pipeline::builder()` and also work one statement at a time.
#[derive(Clone, Debug)]
pub struct PipelineBuilder {
    tokenizer: Tokenizer,
    /// `None`: the embedded model, loaded by `build` only when entities are on.
    recognizer: Option<Recognizer>,
    tokens: bool,
    entities: bool,
    quotes: bool,
    summary: bool,
    budget: Budget,
}

impl Default for PipelineBuilder {
    fn default() -> Self {
        PipelineBuilder {
            tokenizer: Tokenizer::new(),
            recognizer: None,
            tokens: false,
            entities: true,
            quotes: true,
            summary: true,
            budget: Budget::Sentences(3),
        }
    }
}

impl PipelineBuilder {
    /// Include the tokens in the [`Document`] (default: off; they are always computed).
    pub fn tokens(&mut self, yes: bool) -> &mut Self {
        self.tokens = yes;
        self
    }
    /// Run named-entity recognition (default: on). Without it, quote speakers are found but
    /// not linked to entity clusters.
    pub fn entities(&mut self, yes: bool) -> &mut Self {
        self.entities = yes;
        self
    }
    /// Find quotes (default: on).
    pub fn quotes(&mut self, yes: bool) -> &mut Self {
        self.quotes = yes;
        self
    }
    /// Summarize (default: on, three sentences).
    pub fn summary(&mut self, yes: bool) -> &mut Self {
        self.summary = yes;
        self
    }
    /// The summary length (default: `Budget::Sentences(3)`). Implies `summary(true)`.
    pub fn budget(&mut self, budget: Budget) -> &mut Self {
        self.budget = budget;
        self.summary = true;
        self
    }
    /// Use this tokenizer (for example one with extra abbreviations).
    pub fn tokenizer(&mut self, tokenizer: Tokenizer) -> &mut Self {
        self.tokenizer = tokenizer;
        self
    }
    /// Use this recognizer (for example one with your own model or gazetteer entries).
    pub fn recognizer(&mut self, recognizer: Recognizer) -> &mut Self {
        self.recognizer = Some(recognizer);
        self
    }
    /// Builds the pipeline. The builder can be changed and used again.
    pub fn build(&self) -> Pipeline {
        Pipeline {
            tokenizer: self.tokenizer.clone(),
            // The model takes tens of megabytes and most of a second to load: only when used.
            recognizer: self
                .entities
                .then(|| self.recognizer.clone().unwrap_or_default()),
            finder: self.quotes.then(QuoteFinder::new),
            summarizer: self.summary.then(|| (Summarizer::new(), self.budget)),
            tokens: self.tokens,
        }
    }
}

/// Runs tokenize → entities → quotes → summarize over a text. Build once, reuse.
#[derive(Clone, Debug)]
pub struct Pipeline {
    tokenizer: Tokenizer,
    recognizer: Option<Recognizer>,
    finder: Option<QuoteFinder>,
    summarizer: Option<(Summarizer, Budget)>,
    tokens: bool,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline {
    /// All layers on, three-sentence summaries, tokens not included in the output.
    pub fn new() -> Pipeline {
        PipelineBuilder::default().build()
    }

    /// A builder to switch layers off and set the summary budget.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Analyzes `text`. Never fails: empty or odd input gives an empty or partial document.
    pub fn analyze(&self, text: &str) -> Document {
        self.analyze_view(text).to_document()
    }

    /// Analyzes `text` into a [`DocumentView`]: the layers' results, borrowing `text`. Use it
    /// to write the JSON of a big document without copying its text into a [`Document`].
    pub fn analyze_view<'a>(&self, text: &'a str) -> DocumentView<'a> {
        let analysis = self.tokenizer.analyze(text);
        let entities = match &self.recognizer {
            Some(r) => r.recognize(&analysis),
            None => Entities::default(),
        };
        let quotes = match &self.finder {
            Some(f) => f.find(&analysis, &entities),
            None => Vec::new(),
        };
        let summary = match &self.summarizer {
            // No hints: the summarizer's model was fit without them (entity and quote hints
            // did not raise its dev ROUGE), and `byline summarize`, which finds no entities,
            // then gives the same summary.
            Some((s, budget)) => s.summarize(&analysis, *budget),
            None => Vec::new(),
        };
        DocumentView {
            analysis,
            tokens: self.tokens,
            entities,
            quotes,
            summary,
        }
    }
}

/// Analyzes `text` with a default [`Pipeline`] (for one-off use; build a `Pipeline` to reuse).
pub fn analyze(text: &str) -> Document {
    Pipeline::new().analyze(text)
}

/// The analysis of one text as the layers' results, borrowing the text: what
/// [`Pipeline::analyze_view`] returns.
///
/// It serializes to exactly the JSON of the [`Document`] that [`DocumentView::to_document`]
/// makes, but without copying the text into owned records, so writing it with
/// `serde_json::to_writer` needs little memory beyond the layers' own results.
///
/// ```
/// let pipeline = byline::Pipeline::new();
/// let text = "“We agreed,” Putin told reporters in Moscow.";
/// let view = pipeline.analyze_view(text);
/// let streamed = serde_json::to_string(&view).unwrap();
/// assert_eq!(streamed, serde_json::to_string(&view.to_document()).unwrap());
/// assert_eq!(view.quotes().len(), 1);
/// ```
#[derive(Clone, Debug)]
pub struct DocumentView<'a> {
    analysis: Analysis<'a>,
    tokens: bool,
    entities: Entities,
    quotes: Vec<byline_quotes::Quote>,
    summary: Vec<byline_summarize::Selected>,
}

impl<'a> DocumentView<'a> {
    /// Tokens, sentences and paragraphs.
    pub fn analysis(&self) -> &Analysis<'a> {
        &self.analysis
    }
    /// Entity mentions and clusters (empty when the pipeline runs without entities).
    pub fn entities(&self) -> &Entities {
        &self.entities
    }
    /// Quotes in text order.
    pub fn quotes(&self) -> &[byline_quotes::Quote] {
        &self.quotes
    }
    /// Summary sentences in text order.
    pub fn summary(&self) -> &[byline_summarize::Selected] {
        &self.summary
    }
    /// The JSON of one field of the [`Document`], borrowing the text: `"paragraphs"`,
    /// `"sentences"`, `"tokens"` (all tokens, whether or not the pipeline includes them in
    /// the document), `"entities"`, `"clusters"`, `"quotes"` or `"summary"`. `None` for any
    /// other name.
    ///
    /// ```
    /// let view = byline::Pipeline::new().analyze_view("Rain fell. It stopped.");
    /// let sentences = view.field("sentences").unwrap();
    /// assert_eq!(
    ///     serde_json::to_string(&sentences).unwrap(),
    ///     r#"[{"start":0,"end":10,"text":"Rain fell."},{"start":11,"end":22,"text":"It stopped."}]"#
    /// );
    /// ```
    pub fn field(&self, name: &str) -> Option<Field<'_, 'a>> {
        let which = match name {
            "paragraphs" => Which::Paragraphs,
            "sentences" => Which::Sentences,
            "tokens" => Which::Tokens,
            "entities" => Which::Entities,
            "clusters" => Which::Clusters,
            "quotes" => Which::Quotes,
            "summary" => Which::Summary,
            _ => return None,
        };
        Some(Field { view: self, which })
    }

    /// The owned [`Document`] (copies the text of every record).
    pub fn to_document(&self) -> Document {
        build_document(
            &self.analysis,
            self.tokens,
            &self.entities,
            &self.quotes,
            &self.summary,
        )
    }
}

#[derive(Clone, Copy, Debug)]
enum Which {
    Paragraphs,
    Sentences,
    Tokens,
    Entities,
    Clusters,
    Quotes,
    Summary,
}

/// One field of a [`DocumentView`], serializable as the JSON array of that [`Document`]
/// field (see [`DocumentView::field`]).
#[derive(Clone, Copy, Debug)]
pub struct Field<'v, 'a> {
    view: &'v DocumentView<'a>,
    which: Which,
}

#[derive(Serialize)]
struct SpanRef<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl<'a> SpanRef<'a> {
    fn new(text: &'a str, span: Span) -> Self {
        SpanRef {
            start: span.start,
            end: span.end,
            text: span.text(text),
        }
    }
}

#[derive(Serialize)]
struct TokenRef<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
}

#[derive(Serialize)]
struct EntityRef<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    label: &'static str,
    cluster: usize,
}

#[derive(Serialize)]
struct ClusterRef<'a> {
    id: usize,
    name: &'a str,
    label: &'static str,
    mentions: &'a [usize],
}

#[derive(Serialize)]
struct SpeakerRef<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    name: Option<&'a str>,
    cluster: Option<usize>,
    via: &'static str,
}

struct Parts<'a>(&'a [Span]);

impl Serialize for Parts<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|p| [p.start, p.end]))
    }
}

#[derive(Serialize)]
struct QuoteRef<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    parts: Parts<'a>,
    kind: &'static str,
    cue: Option<SpanRef<'a>>,
    speaker: Option<SpeakerRef<'a>>,
}

#[derive(Serialize)]
struct SummaryRef<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    index: usize,
    score: f32,
}

impl Serialize for Field<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.view;
        let a = &v.analysis;
        let text = a.text();
        match self.which {
            Which::Paragraphs => {
                s.collect_seq(a.paragraphs().iter().map(|p| SpanRef::new(text, p.span)))
            }
            Which::Sentences => {
                s.collect_seq(a.sentences().iter().map(|p| SpanRef::new(text, p.span)))
            }
            Which::Tokens => s.collect_seq(a.tokens().iter().map(|t| TokenRef {
                start: t.span.start,
                end: t.span.end,
                text: t.text,
                kind: t.kind.as_str(),
            })),
            Which::Entities => s.collect_seq(v.entities.entities.iter().map(|e| EntityRef {
                start: e.span.start,
                end: e.span.end,
                text: e.span.text(text),
                label: e.label.as_str(),
                cluster: e.cluster,
            })),
            Which::Clusters => s.collect_seq(v.entities.clusters.iter().map(|c| ClusterRef {
                id: c.id,
                name: &c.name,
                label: c.label.as_str(),
                mentions: &c.mentions,
            })),
            Which::Quotes => s.collect_seq(v.quotes.iter().map(|q| QuoteRef {
                start: q.span.start,
                end: q.span.end,
                text: q.span.text(text),
                parts: Parts(&q.parts),
                kind: q.kind.as_str(),
                cue: q.cue.map(|c| SpanRef::new(text, c)),
                speaker: q.speaker.as_ref().map(|sp| SpeakerRef {
                    start: sp.span.start,
                    end: sp.span.end,
                    text: sp.span.text(text),
                    name: sp.name.as_deref(),
                    cluster: sp.cluster,
                    via: sp.via.as_str(),
                }),
            })),
            Which::Summary => s.collect_seq(v.summary.iter().map(|x| SummaryRef {
                start: x.span.start,
                end: x.span.end,
                text: x.span.text(text),
                index: x.index,
                score: x.score,
            })),
        }
    }
}

impl Serialize for DocumentView<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let field = |which| Field { view: self, which };
        let mut st = s.serialize_struct("Document", 7 + usize::from(self.tokens))?;
        st.serialize_field("schema", SCHEMA)?;
        st.serialize_field("paragraphs", &field(Which::Paragraphs))?;
        st.serialize_field("sentences", &field(Which::Sentences))?;
        if self.tokens {
            st.serialize_field("tokens", &field(Which::Tokens))?;
        } else {
            st.skip_field("tokens")?;
        }
        st.serialize_field("entities", &field(Which::Entities))?;
        st.serialize_field("clusters", &field(Which::Clusters))?;
        st.serialize_field("quotes", &field(Which::Quotes))?;
        st.serialize_field("summary", &field(Which::Summary))?;
        st.end()
    }
}

fn build_document(
    analysis: &Analysis<'_>,
    with_tokens: bool,
    entities: &Entities,
    quotes: &[byline_quotes::Quote],
    summary: &[byline_summarize::Selected],
) -> Document {
    let text = analysis.text();
    let tokens = with_tokens.then(|| {
        analysis
            .tokens()
            .iter()
            .map(|t| TokenRecord {
                start: t.span.start,
                end: t.span.end,
                text: t.text.to_string(),
                kind: t.kind.as_str().to_string(),
            })
            .collect()
    });
    Document {
        schema: SCHEMA.to_string(),
        paragraphs: analysis
            .paragraphs()
            .iter()
            .map(|p| TextSpan::new(text, p.span))
            .collect(),
        sentences: analysis
            .sentences()
            .iter()
            .map(|s| TextSpan::new(text, s.span))
            .collect(),
        tokens,
        entities: entities
            .entities
            .iter()
            .map(|e| EntityRecord {
                start: e.span.start,
                end: e.span.end,
                text: e.span.text(text).to_string(),
                label: e.label.as_str().to_string(),
                cluster: e.cluster,
            })
            .collect(),
        clusters: entities
            .clusters
            .iter()
            .map(|c| ClusterRecord {
                id: c.id,
                name: c.name.clone(),
                label: c.label.as_str().to_string(),
                mentions: c.mentions.clone(),
            })
            .collect(),
        quotes: quotes
            .iter()
            .map(|q| QuoteRecord {
                start: q.span.start,
                end: q.span.end,
                text: q.span.text(text).to_string(),
                parts: q.parts.iter().map(|p| [p.start, p.end]).collect(),
                kind: q.kind.as_str().to_string(),
                cue: q.cue.map(|c| TextSpan::new(text, c)),
                speaker: q.speaker.as_ref().map(|s| SpeakerRecord {
                    start: s.span.start,
                    end: s.span.end,
                    text: s.span.text(text).to_string(),
                    name: s.name.clone(),
                    cluster: s.cluster,
                    via: s.via.as_str().to_string(),
                }),
            })
            .collect(),
        summary: summary
            .iter()
            .map(|s| SummaryRecord {
                start: s.span.start,
                end: s.span.end,
                text: s.span.text(text).to_string(),
                index: s.index,
                score: s.score,
            })
            .collect(),
    }
}
