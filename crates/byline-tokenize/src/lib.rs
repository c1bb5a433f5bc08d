//! Word tokens, sentences and paragraphs of English news text, with UTF-8 byte offsets.
//!
//! ```
//! use byline_tokenize::{Tokenizer, TokenKind};
//!
//! # fn main() -> Result<(), byline_tokenize::Error> {
//! let tokenizer = Tokenizer::builder().abbreviation("Gen.").build()?;
//! let text = "(CNN) — Syria’s leader didn't speak. “We will rebuild,” Mr. Assad said.";
//! let analysis = tokenizer.analyze(text);
//! let words: Vec<&str> = analysis.tokens().iter().map(|t| t.text).collect();
//! assert_eq!(&words[..8], ["(", "CNN", ")", "—", "Syria", "’s", "leader", "did"]);
//! assert_eq!(analysis.sentences().len(), 2);
//! let second = &analysis.sentences()[1];
//! assert_eq!(second.span.text(text), "“We will rebuild,” Mr. Assad said.");
//! assert_eq!(analysis.sentence_tokens(1)[0].kind, TokenKind::OpenQuote);
//! # Ok(())
//! # }
//! ```
//!
//! # Overview
//!
//! [`Tokenizer::tokenize`] splits text into [`Token`]s following the conventions of the
//! Universal Dependencies English treebanks (PTB-style syntactic words): clitics are split
//! (`do|n't`, `Syria|’s`, `I|'m`, `can|not`, `gon|na`), punctuation is split, numbers stay
//! whole (`1,000`, `3.5`) while `$` and `%` are separate, abbreviations and initials keep
//! their period (`U.S.`, `Mr.`, `Sept.`, `p.m.`, `J.`) except when they end a sentence, where
//! the period is split off (`etc` `.`), most hyphenated compounds are split
//! (`long` `-` `term`) but common prefixes stay (`e-mail`, `co-founder`), and URLs, e-mail
//! addresses, `@handles` and `#hashtags` are single tokens. Straight and curly quotes are
//! handled alike, and each quotation mark is classified as opening or closing.
//!
//! [`Tokenizer::analyze`] also groups the tokens into [`Sentence`]s and [`Paragraph`]s
//! (an [`Analysis`]). A blank line always ends a paragraph and a sentence. Inside a
//! paragraph, sentences end at `.`, `?`, `!` and ellipses followed by something that can start
//! a sentence, with closing quotes and brackets kept in the sentence; abbreviations, initials,
//! decimals, list markers (`1.`) and quotes followed by an attribution (`“Why?” she asked.`)
//! do not end a sentence; a line break ends a headline or a list line. List items (`1.`,
//! `2)`, `(a)`, `iv.`, bullets) start sentences of their own, a parenthesis opened in the
//! middle of a sentence keeps the sentences inside it, and `!` in a name (`Jeopardy!`, `E!
//! News`) ends nothing. In text without capitals (lower-cased or tokenized corpora, chat),
//! any word after final punctuation may start a sentence.
//!
//! Every offset is a UTF-8 byte offset into the input (see [`Span`]); tokens are in order,
//! do not overlap and cover every non-whitespace character. Analysis never fails and never
//! panics, on any input.
//!
//! # Examples
//!
//! One-shot use with the free functions:
//!
//! ```
//! let tokens = byline_tokenize::tokenize("It costs $1,000 (about 3.5% more) in the U.S. today.");
//! let texts: Vec<&str> = tokens.iter().map(|t| t.text).collect();
//! assert_eq!(texts, ["It", "costs", "$", "1,000", "(", "about", "3.5", "%", "more", ")",
//!                    "in", "the", "U.S.", "today", "."]);
//! assert_eq!(tokens[3].span, byline_tokenize::Span::new(10, 15));
//! ```
//!
//! Sentences and paragraphs:
//!
//! ```
//! let text = "Headline Without Period\n\nShe left at 5 p.m. on Friday. He stayed.";
//! let a = byline_tokenize::analyze(text);
//! let sentences: Vec<&str> = a.sentences().iter().map(|s| s.span.text(text)).collect();
//! assert_eq!(sentences, ["Headline Without Period", "She left at 5 p.m. on Friday.", "He stayed."]);
//! assert_eq!(a.paragraphs().len(), 2);
//! assert_eq!(a.paragraphs()[1].sentences, 1..3);
//! ```
//!
//! # Crate features
//!
//! * `serde` (off by default): `Serialize`/`Deserialize` for [`Span`], [`TokenKind`],
//!   [`Sentence`] and [`Paragraph`].
//! * `training` (off): the boundary model's training support for the workspace's
//!   `train-sentences`. Not part of the stable API.
//!
//! # Performance
//!
//! One left-to-right pass over the bytes (no regular expressions, no allocation per token
//! beyond the output vectors): plain ASCII words are found eight bytes at a time and pushed
//! directly when a space, line break or comma follows; a word followed by a period and a
//! space (most sentence ends), an apostrophe or a curly quote takes a short path that only
//! checks what can apply there (an abbreviation, a clitic); only words followed by other
//! punctuation go through the full rules (URLs, e-mail addresses, number formats). While
//! scanning, [`Tokenizer::analyze`] also marks the tokens a sentence rule can act on (final
//! punctuation, line breaks, symbols, long numbers, and capitalised words only when a filter
//! says the learned check may split before them, which it never does right after a full
//! stop), and the sentence pass visits only those (and the first two tokens of a sentence
//! only when they are marked or may belong to a letter's sign-off). Time is linear in the
//! input size, including pathological input (a megabyte without spaces, long runs of quote
//! marks).
//!
//! Measured over the 1,000 CNN/DailyMail dev articles (3.8 MB) on a shared 2-core cloud
//! machine, so the figures vary from run to run:
//!
//! | function | `speed-tokenize` (best of 15, interleaved) | `cargo bench --bench tokenize` (mean) |
//! |---|---:|---:|
//! | `str::split_whitespace` | 403-413 MB/s | 426 MiB/s |
//! | `unicode_segmentation` `split_word_bounds` | 70 MB/s | 66 MiB/s |
//! | byline tokens | 500-512 MB/s | 478 MiB/s |
//! | byline tokens + sentences | 297-305 MB/s | 288 MiB/s |
//!
//! Tokens + sentences run at 4.25 to 4.37 times `split_word_bounds` with the best-of-N timing
//! (`cargo run --release -p byline-eval --bin speed-tokenize -- ../shared/data/cnndm/dev.jsonl`)
//! and 4.35 times in the criterion run. Tokens alone run faster than `split_whitespace`.
//! The same articles with curly quotes, apostrophes and dashes run at the same speed. Of
//! the time `analyze` adds to `tokenize`, about half is the marking in the scanner (mostly the
//! test of capitalised words for the learned check) and half the sentence pass.
//!
//! # Limitations
//!
//! * English only; other scripts are split at whitespace and punctuation (words of CJK text
//!   are not segmented).
//! * Mostly rules and word lists: unusual abbreviations (add them with
//!   [`TokenizerBuilder::abbreviation`]), lowercase sentence starts and sentences without
//!   final punctuation inside a paragraph are the main sources of errors. Only the last have
//!   a learned check (a small perceptron trained on UD English EWT train), which splits before
//!   a capitalised word it has seen start sentences and misses many such ends in informal
//!   text.
//! * Accuracy on the UD English dev sets (`eval-ud`, document mode, F1): EWT tokens 98.9,
//!   sentences 95.1; GUM tokens 99.8, sentences 98.6; lower-cased (`eval-ud --lowercase`),
//!   sentences EWT 94.2, GUM 98.1. Web text (EWT) has many sentences without final
//!   punctuation, which rules cannot find.
//! * Text without capitals is recognised from its first kilobyte (fewer than one letter in
//!   200 upper-case); a text that is lower-case only after that is treated as cased.
//! * A dateline such as `WASHINGTON (CNN) --` stays with the first sentence, as news readers
//!   expect, although the EWT gold splits there.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

// Modules in dependency order: each uses only those above it.
mod boundary;
mod lexicon;
mod marks;
mod scan;
mod sentences;
#[cfg(feature = "training")]
mod train;

use std::collections::HashSet;

use std::ops::Range;

/// A half-open range of UTF-8 byte offsets `[start, end)` into the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A new span. `start <= end` is expected.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }
    /// The text of this span in `text` (empty if out of range or not on char boundaries).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TokenKind {
    /// A word, including clitics such as `n't` and `'s`, abbreviations and initials.
    Word,
    /// A number such as `1,000`, `3.5`, `80`, `1990s`.
    Number,
    /// Punctuation: `.`, `,`, `(`, `—`, `...`.
    Punct,
    /// A symbol: `$`, `%`, `&`, `+`, emoji.
    Symbol,
    /// An opening quotation mark.
    OpenQuote,
    /// A closing quotation mark.
    CloseQuote,
    /// A URL.
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle such as `@CNN`.
    Handle,
    /// A hashtag such as `#Syria`.
    Hashtag,
}

impl TokenKind {
    /// The lowercase snake_case name used in JSON output (`"word"`, `"open_quote"`, ...).
    pub fn as_str(&self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::OpenQuote => "open_quote",
            TokenKind::CloseQuote => "close_quote",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Handle => "handle",
            TokenKind::Hashtag => "hashtag",
        }
    }
}

/// One token: a slice of the original text with its byte span and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Token<'a> {
    /// The token's text (a slice of the input).
    pub text: &'a str,
    /// Byte offsets into the input.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
    /// Whether whitespace (or the start of the text) precedes the token.
    pub space_before: bool,
}

/// A sentence: its byte span and the range of token indices it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Sentence {
    /// Byte offsets from the start of the first token to the end of the last.
    pub span: Span,
    /// Indices into [`Analysis::tokens`].
    pub tokens: Range<usize>,
}

/// A paragraph (text separated by blank lines): its byte span and token range.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Paragraph {
    /// Byte offsets from the start of the first token to the end of the last.
    pub span: Span,
    /// Indices into [`Analysis::tokens`].
    pub tokens: Range<usize>,
    /// Indices into [`Analysis::sentences`].
    pub sentences: Range<usize>,
}

/// Tokens, sentences and paragraphs of one text.
#[derive(Clone, Debug)]
pub struct Analysis<'a> {
    text: &'a str,
    tokens: Vec<Token<'a>>,
    sentences: Vec<Sentence>,
    paragraphs: Vec<Paragraph>,
}

impl<'a> Analysis<'a> {
    /// The analysed text.
    pub fn text(&self) -> &'a str {
        self.text
    }
    /// All tokens, in order.
    pub fn tokens(&self) -> &[Token<'a>] {
        &self.tokens
    }
    /// All sentences, in order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }
    /// All paragraphs, in order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }
    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token<'a>] {
        self.sentences
            .get(i)
            .map(|s| &self.tokens[s.tokens.clone()])
            .unwrap_or(&[])
    }
}

/// The JSON name: `word`, `number`, `punct`, `symbol`, `open_quote`, `close_quote`, `url`,
/// `email`, `handle`, `hashtag`.
///
/// ```
/// use byline_tokenize::TokenKind;
/// assert_eq!(TokenKind::OpenQuote.to_string(), "open_quote");
/// assert_eq!("hashtag".parse::<TokenKind>().ok(), Some(TokenKind::Hashtag));
/// assert_eq!("Hashtag".parse::<TokenKind>().ok(), Some(TokenKind::Hashtag));
/// assert!("hash_tag".parse::<TokenKind>().is_err());
/// ```
impl std::fmt::Display for TokenKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every token kind, in the order of the enum: the names `TokenKind::from_str` accepts.
const TOKEN_KINDS: [TokenKind; 10] = [
    TokenKind::Word,
    TokenKind::Number,
    TokenKind::Punct,
    TokenKind::Symbol,
    TokenKind::OpenQuote,
    TokenKind::CloseQuote,
    TokenKind::Url,
    TokenKind::Email,
    TokenKind::Handle,
    TokenKind::Hashtag,
];

impl std::str::FromStr for TokenKind {
    type Err = Error;

    /// Parses the JSON name ([`TokenKind::as_str`]), ignoring ASCII case as the other byline
    /// name parsers (`Label`, `QuoteKind`, `Via`) do; any other name is an
    /// [`ErrorKind::UnknownTokenKind`].
    fn from_str(s: &str) -> Result<TokenKind, Error> {
        TOKEN_KINDS
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<&str> = TOKEN_KINDS.iter().map(TokenKind::as_str).collect();
                Error {
                    kind: ErrorKind::UnknownTokenKind(s.to_string()),
                    msg: format!(
                        "unknown token kind {s:?}: expected one of {}",
                        names.join(", ")
                    ),
                }
            })
    }
}

/// What went wrong while configuring a [`Tokenizer`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An abbreviation was empty, contained whitespace, or did not end with `.`.
    InvalidAbbreviation(String),
    /// A name parsed as a [`TokenKind`] is none of its JSON names.
    UnknownTokenKind(String),
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

/// Builds a [`Tokenizer`].
#[derive(Clone, Debug, Default)]
pub struct TokenizerBuilder {
    abbreviations: Vec<String>,
}

impl TokenizerBuilder {
    /// Adds an abbreviation such as `"Gov."` that keeps its period (and does not end a
    /// sentence unless a typical sentence start follows it).
    pub fn abbreviation(&mut self, abbr: &str) -> &mut Self {
        self.abbreviations.push(abbr.to_string());
        self
    }

    /// Builds the tokenizer.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidAbbreviation`] when an abbreviation is empty, contains whitespace,
    /// or does not end with `.`.
    pub fn build(&self) -> Result<Tokenizer, Error> {
        let mut extra = HashSet::new();
        for a in &self.abbreviations {
            let stem = a.strip_suffix('.').unwrap_or("");
            if stem.is_empty() || a.chars().any(char::is_whitespace) || !a.ends_with('.') {
                return Err(Error {
                    kind: ErrorKind::InvalidAbbreviation(a.clone()),
                    msg: format!("invalid abbreviation {a:?}: give one word without whitespace that ends with '.', such as \"Gov.\""),
                });
            }
            extra.insert(stem.to_string());
        }
        Ok(Tokenizer { extra })
    }
}

/// A tokenizer and sentence splitter for English news. Build once, reuse; cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct Tokenizer {
    extra: HashSet<String>,
}

impl Tokenizer {
    /// A tokenizer with the news defaults.
    pub fn new() -> Tokenizer {
        Tokenizer::default()
    }

    /// A builder for configuration.
    pub fn builder() -> TokenizerBuilder {
        TokenizerBuilder::default()
    }

    /// The tokens of `text`, in order.
    pub fn tokenize<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        scan::Scanner::<false>::new(text, &self.extra).run()
    }

    /// Tokens, sentences and paragraphs of `text`.
    pub fn analyze<'a>(&self, text: &'a str) -> Analysis<'a> {
        let (tokens, loud, caseless) = scan::Scanner::<true>::new(text, &self.extra).run_marked();
        let (sentences, paragraphs) = sentences::segment_marked(text, &tokens, &loud, caseless);
        Analysis {
            text,
            tokens,
            sentences,
            paragraphs,
        }
    }

    /// The sentence spans of `text` (a shortcut for [`Tokenizer::analyze`]).
    pub fn sentences(&self, text: &str) -> Vec<Span> {
        self.analyze(text)
            .sentences
            .iter()
            .map(|s| s.span)
            .collect()
    }
}

/// Tokenizes `text` with the default [`Tokenizer`].
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    Tokenizer::new().tokenize(text)
}

/// Analyzes `text` (tokens, sentences, paragraphs) with the default [`Tokenizer`].
pub fn analyze(text: &str) -> Analysis<'_> {
    Tokenizer::new().analyze(text)
}

/// Training support for `byline-eval`'s `train-sentences` (feature `training`); not part of the
/// stable API.
#[cfg(feature = "training")]
pub use train::training as __boundary_training;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_kind_names_round_trip() {
        use TokenKind::*;
        let all = [
            Word, Number, Punct, Symbol, OpenQuote, CloseQuote, Url, Email, Handle, Hashtag,
        ];
        for k in all {
            assert_eq!(k.to_string().parse::<TokenKind>().ok(), Some(k));
            assert_eq!(k.to_string(), k.as_str());
        }
        assert_eq!("Word".parse::<TokenKind>().ok(), Some(Word));
        assert_eq!("OPEN_QUOTE".parse::<TokenKind>().ok(), Some(OpenQuote));
        let err = "open-quote".parse::<TokenKind>().unwrap_err();
        assert!(err.to_string().contains("\"open-quote\""), "{err}");
        assert_eq!(
            err.kind(),
            &ErrorKind::UnknownTokenKind("open-quote".to_string())
        );
        assert!("words".parse::<TokenKind>().is_err());
    }

    proptest::proptest! {
        /// The scanner's marks let the splitter skip tokens; the result must not change.
        #[test]
        fn marked_segmentation_equals_the_full_pass_on_any_text(
            text in "[A-Za-z0-9 .,!?:;'\"()\\[\\]@#$%*=/\n\t’“”—…-]{0,300}"
        ) {
            let tokenizer = Tokenizer::new();
            let (tokens, loud, caseless) = scan::Scanner::<true>::new(&text, &tokenizer.extra).run_marked();
            proptest::prop_assert_eq!(&tokens, &tokenizer.tokenize(&text));
            proptest::prop_assert_eq!(
                sentences::segment_marked(&text, &tokens, &loud, caseless),
                sentences::segment(&text, &tokens)
            );
        }
    }

    /// The scanner's marks let the splitter skip tokens; the result must not change.
    #[test]
    fn marked_segmentation_equals_the_full_pass() {
        let texts = [
            "The senator, who spoke on Tuesday, said the bill was dead. Others disagreed!",
            "WASHINGTON (CNN) -- Officials met at 10am. Mr. Lee arrived late; he said: \"We can't wait.\" She left.",
            "Thanks,\nAnn\n\nRegards, Bob\n12/01/2000 04:18 PM Please call me. I am at home am I not",
            "Prices rose 3.5% in the U.S. last year. The Fed (which meets today) cited gonna and cannot.",
            "See https://example.com/a?b=1 and write to desk@example.org. Done :) Next line\n* item one\n* item two",
            "“Why?” she asked. ‘No,’ he said — The reason is simple... It rained.\u{2029}New para starts here",
            // Starters of the learned check after a full stop, a question mark, an
            // abbreviation and mid-sentence.
            "He left. The talks in China ended? But Mr. Smith said Chinese officials met A. Smith",
            "a b c d e f g h i j k l m n o p Q r s t u v w x y z. AM PM am pm Am aM 123456 12 1",
            "We met. Thanks, Ann Lee said. Best, Tom. Cheers Mate. Regards Ann. Thanks Sean Here you go",
            "It rained. Cheers\nHe left. Sincerely, Bob. Regards, Ann Please call. OK so Thanks",
            // Lists, parentheses, names with `!`, text without capitals.
            "Three steps: 1. a plan 2. a vote 3) a law (a) one (b) two. The end (it was. Long.) now",
            "The mayor (who won! Again.) left. (He said so.) She told E! News on Jeopardy! today.",
            "he said . the plan was ... fine. \"why?\" she asked. talks with the u.s. and china. ok",
        ];
        let tokenizer = Tokenizer::new();
        for text in texts {
            let (tokens, loud, caseless) =
                scan::Scanner::<true>::new(text, &tokenizer.extra).run_marked();
            assert_eq!(tokens, tokenizer.tokenize(text), "{text}");
            assert_eq!(
                sentences::segment_marked(text, &tokens, &loud, caseless),
                sentences::segment(text, &tokens),
                "{text}"
            );
        }
    }
}
