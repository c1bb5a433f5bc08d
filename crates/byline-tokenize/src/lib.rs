//! PLACEHOLDER: the tokenizer helper replaces this implementation; the public API below is
//! the contract other crates build on.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

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
pub struct Sentence {
    /// Byte offsets from the start of the first token to the end of the last.
    pub span: Span,
    /// Indices into [`Analysis::tokens`].
    pub tokens: Range<usize>,
}

/// A paragraph (text separated by blank lines): its byte span and token range.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// What went wrong while configuring a [`Tokenizer`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An abbreviation was empty, contained whitespace, or did not end with `.`.
    InvalidAbbreviation(String),
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
    /// Adds an abbreviation such as `"Gov."` that never ends a sentence by itself.
    pub fn abbreviation(&mut self, abbr: &str) -> &mut Self {
        self.abbreviations.push(abbr.to_string());
        self
    }
    /// Builds the tokenizer.
    pub fn build(&self) -> Result<Tokenizer, Error> {
        for a in &self.abbreviations {
            if a.is_empty() || a.chars().any(char::is_whitespace) || !a.ends_with('.') {
                return Err(Error {
                    kind: ErrorKind::InvalidAbbreviation(a.clone()),
                    msg: format!("invalid abbreviation {a:?}: give one word without whitespace that ends with '.', such as \"Gov.\""),
                });
            }
        }
        Ok(Tokenizer {
            extra: self.abbreviations.clone(),
        })
    }
}

/// A tokenizer and sentence splitter for English news. Build once, reuse.
#[derive(Clone, Debug, Default)]
pub struct Tokenizer {
    extra: Vec<String>,
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
    /// Tokens only.
    pub fn tokenize<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        let mut out = Vec::new();
        let mut start = None;
        let mut space = true;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    out.push(mk(text, s, i, space));
                }
                space = true;
            } else if c.is_alphanumeric() {
                if start.is_none() {
                    start = Some(i);
                }
            } else {
                if let Some(s) = start.take() {
                    out.push(mk(text, s, i, space));
                    space = false;
                }
                out.push(mk(text, i, i + c.len_utf8(), space));
                space = false;
            }
        }
        if let Some(s) = start {
            out.push(mk(text, s, text.len(), space));
        }
        out
    }
    /// Tokens, sentences and paragraphs.
    pub fn analyze<'a>(&self, text: &'a str) -> Analysis<'a> {
        let tokens = self.tokenize(text);
        let mut sentences = Vec::new();
        let mut s0 = 0;
        for (i, t) in tokens.iter().enumerate() {
            let end = matches!(t.text, "." | "!" | "?") || i + 1 == tokens.len();
            if end {
                sentences.push(Sentence {
                    span: Span::new(tokens[s0].span.start, t.span.end),
                    tokens: s0..i + 1,
                });
                s0 = i + 1;
            }
        }
        let paragraphs = if tokens.is_empty() {
            vec![]
        } else {
            vec![Paragraph {
                span: Span::new(tokens[0].span.start, tokens[tokens.len() - 1].span.end),
                tokens: 0..tokens.len(),
                sentences: 0..sentences.len(),
            }]
        };
        Analysis {
            text,
            tokens,
            sentences,
            paragraphs,
        }
    }
}

fn mk(text: &str, s: usize, e: usize, space_before: bool) -> Token<'_> {
    let t = &text[s..e];
    let kind = if t.chars().all(|c| c.is_ascii_digit()) {
        TokenKind::Number
    } else if t.chars().all(char::is_alphanumeric) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    };
    Token {
        text: t,
        span: Span::new(s, e),
        kind,
        space_before,
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
