//! What the command prints for one document, streamed as JSON, and how it reads its input.

use crate::args::Command;
use byline::DocumentView;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::io::{self, Read, Write};
use std::path::Path;

/// The JSON object printed for one document: the fields of its command, written straight
/// from the pipeline's results (no owned copy of the text).
pub struct Output<'v, 'a> {
    command: Command,
    view: &'v DocumentView<'a>,
}

impl<'v, 'a> Output<'v, 'a> {
    /// The part of `view` that `command` prints.
    pub fn of(command: Command, view: &'v DocumentView<'a>) -> Self {
        Output { command, view }
    }
}

impl Serialize for Output<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let names: &[&str] = match self.command {
            Command::Analyze => return self.view.serialize(s),
            Command::Tokenize => &["tokens"],
            Command::Sentences => &["sentences", "paragraphs"],
            Command::Entities => &["entities", "clusters"],
            Command::Quotes => &["quotes"],
            Command::Summarize => &["summary"],
        };
        let mut map = s.serialize_map(Some(names.len()))?;
        for name in names {
            map.serialize_entry(name, &self.view.field(name))?;
        }
        map.end()
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
