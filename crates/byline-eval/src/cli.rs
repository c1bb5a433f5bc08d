//! What the evaluation binaries share at start-up: reading their input file and loading a
//! recognizer, each ending the process with status 2 and a message that names the file when
//! it cannot.

use byline_entities::Recognizer;
use std::process::exit;

/// The whole of `path` as UTF-8, or prints `NAME: cannot read PATH: REASON` and exits 2.
pub fn read_or_exit(name: &str, path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{name}: cannot read {path}: {e}");
        exit(2)
    })
}

/// The string field `field` of each JSON line of `path` (lines that are not JSON, or lack
/// the field, are skipped), at most `limit` of them; prints `NAME: no "FIELD" text found in
/// PATH` and exits 2 when they hold no text at all, or as [`read_or_exit`] when the file
/// cannot be read.
pub fn texts_or_exit(name: &str, path: &str, field: &str, limit: usize) -> Vec<String> {
    let texts: Vec<String> = read_or_exit(name, path)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get(field)?.as_str().map(str::to_string))
        .take(limit)
        .collect();
    if texts.iter().all(String::is_empty) {
        eprintln!("{name}: no \"{field}\" text found in {path}");
        exit(2)
    }
    texts
}

/// The model at `model` (a `ner.bin` written by `train-ner`), or the shipped one when `None`;
/// prints `NAME: ` and the load error and exits 2 when the file cannot be read or is not a
/// model.
pub fn recognizer_or_exit(name: &str, model: Option<&str>) -> Recognizer {
    match model {
        Some(m) => Recognizer::from_path(m).unwrap_or_else(|e| {
            eprintln!("{name}: {e}");
            exit(2)
        }),
        None => Recognizer::new(),
    }
}
