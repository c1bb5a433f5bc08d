//! `byline entities --conll`: CoNLL-2003 columns in, the same lines with a predicted IOB2 tag
//! appended out, so that any CoNLL scorer can read the result.
//!
//! The first column of each line is the token; `-DOCSTART-` starts a document (its line gets
//! the tag `O`); a blank line ends a sentence and stays blank. Each document is tagged as a
//! whole, so the recognizer's document-level features see all of it.

use crate::args::Args;
use crate::output::{input_name, read_input, utf8, write_line};
use byline::entities::Recognizer;
use std::io::{self, Write};
use std::process::ExitCode;

const DOCSTART: &str = "-DOCSTART-";

/// Tags CoNLL `text` and returns the output lines, one per input line.
pub fn tag(recognizer: &Recognizer, text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        if first_column(lines[i]) == Some(DOCSTART) {
            out.push(format!("{} O", lines[i]));
            i += 1;
            continue;
        }
        // One document: up to the next -DOCSTART- line.
        let start = i;
        while i < lines.len() && first_column(lines[i]) != Some(DOCSTART) {
            i += 1;
        }
        let doc_lines = &lines[start..i];
        let mut sentences: Vec<Vec<&str>> = vec![Vec::new()];
        for line in doc_lines {
            match first_column(line) {
                Some(token) => sentences.last_mut().map_or((), |s| s.push(token)),
                None => {
                    if sentences.last().is_some_and(|s| !s.is_empty()) {
                        sentences.push(Vec::new());
                    }
                }
            }
        }
        if sentences.last().is_some_and(Vec::is_empty) {
            sentences.pop();
        }
        let tags = recognizer.iob2(&sentences);
        let mut tags = tags.iter().flatten();
        for line in doc_lines {
            if first_column(line).is_some() {
                let t = tags
                    .next()
                    .map_or_else(|| "O".to_string(), |t| t.to_string());
                out.push(format!("{line} {t}"));
            } else {
                out.push(line.to_string());
            }
        }
    }
    out
}

fn first_column(line: &str) -> Option<&str> {
    line.split_whitespace().next()
}

/// Runs `byline entities --conll`.
pub fn run(args: &Args) -> io::Result<ExitCode> {
    let file = args.file.as_deref();
    let bytes = match read_input(file) {
        Ok(b) => b,
        Err(msg) => {
            eprintln!("byline: {msg}");
            return Ok(ExitCode::from(1));
        }
    };
    let text = match utf8(&bytes, &input_name(file)) {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("byline: {msg}");
            return Ok(ExitCode::from(1));
        }
    };
    let recognizer = Recognizer::new();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in tag(&recognizer, text) {
        write_line(&mut out, &line)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_every_line_and_appends_one_tag() {
        let input = "-DOCSTART- -X- O O\n\nPutin NNP I-NP I-PER\nspoke VBD I-VP O\n\nIn IN I-PP O\nMoscow NNP I-NP I-LOC\n";
        let out = tag(&Recognizer::new(), input);
        let lines: Vec<&str> = input.lines().collect();
        assert_eq!(out.len(), lines.len());
        assert_eq!(out[0], "-DOCSTART- -X- O O O");
        assert_eq!(out[1], "");
        assert_eq!(out[4], "");
        for (o, i) in out.iter().zip(&lines) {
            assert!(o.starts_with(i));
            if !i.is_empty() {
                let tag = o[i.len()..].trim();
                assert!(
                    tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"),
                    "{tag}"
                );
            }
        }
    }
}
