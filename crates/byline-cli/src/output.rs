//! What the command prints for one document, streamed as JSON, and how it reads its input.

use crate::args::Command;
use byline::{
    ClusterRecord, Document, EntityRecord, QuoteRecord, SummaryRecord, TextSpan, TokenRecord,
};
use serde::Serialize;
use std::io::{self, Read, Write};
use std::path::Path;

/// The JSON object printed for one document: the fields of its command.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Output<'a> {
    /// `byline tokenize`
    Tokens {
        /// The tokens.
        tokens: &'a [TokenRecord],
    },
    /// `byline sentences`
    Sentences {
        /// The sentences.
        sentences: &'a [TextSpan],
        /// The paragraphs.
        paragraphs: &'a [TextSpan],
    },
    /// `byline entities`
    Entities {
        /// The mentions.
        entities: &'a [EntityRecord],
        /// The clusters.
        clusters: &'a [ClusterRecord],
    },
    /// `byline quotes`
    Quotes {
        /// The quotes.
        quotes: &'a [QuoteRecord],
    },
    /// `byline summarize`
    Summary {
        /// The summary sentences.
        summary: &'a [SummaryRecord],
    },
    /// `byline analyze`
    Document(&'a Document),
}

impl<'a> Output<'a> {
    /// The part of `doc` that `command` prints.
    pub fn of(command: Command, doc: &'a Document) -> Output<'a> {
        match command {
            Command::Tokenize => Output::Tokens {
                tokens: doc.tokens.as_deref().unwrap_or(&[]),
            },
            Command::Sentences => Output::Sentences {
                sentences: &doc.sentences,
                paragraphs: &doc.paragraphs,
            },
            Command::Entities => Output::Entities {
                entities: &doc.entities,
                clusters: &doc.clusters,
            },
            Command::Quotes => Output::Quotes {
                quotes: &doc.quotes,
            },
            Command::Summarize => Output::Summary {
                summary: &doc.summary,
            },
            Command::Analyze => Output::Document(doc),
        }
    }
}

/// Streams `value` as JSON (indented with `pretty`) and a newline into `out`, with no
/// intermediate string of the whole document.
pub fn write_json<T: Serialize>(out: &mut impl Write, value: &T, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    out.write_all(b"\n")
}

/// Reads all of FILE (or stdin) as bytes, with an error that names the file.
pub fn read_input(file: Option<&Path>) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    match file {
        Some(p) => {
            buf = std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?
        }
        None => {
            io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
        }
    }
    Ok(buf)
}

/// The name of the input for messages.
pub fn input_name(file: Option<&Path>) -> String {
    file.map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string())
}

/// Checks that `bytes` are UTF-8, naming the input and the byte offset of the first bad byte.
pub fn utf8<'a>(bytes: &'a [u8], name: &str) -> Result<&'a str, String> {
    std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: invalid UTF-8 at byte offset {}; byline reads UTF-8 text only (convert it \
             first, e.g. with iconv)",
            e.valid_up_to()
        )
    })
}

/// Writes `s` and a newline.
pub fn write_line(out: &mut impl Write, s: &str) -> io::Result<()> {
    out.write_all(s.as_bytes())?;
    out.write_all(b"\n")
}
