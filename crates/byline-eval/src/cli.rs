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
