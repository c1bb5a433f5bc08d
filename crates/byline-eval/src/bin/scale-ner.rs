//! Times entity recognition on one (large) document, for checking linear time and bounded
//! memory: `scale-ner FILE [--tokens-only]`. Prints the input size, the tokenizing and
//! recognition times and the number of entities; run under `/usr/bin/time -v` for the peak
//! memory (`--tokens-only` stops after tokenizing, so the difference is the entity part).

use byline_entities::Recognizer;
use std::process::exit;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(file) = args.next() else {
        eprintln!("usage: scale-ner FILE [--tokens-only]");
        exit(2)
    };
    let tokens_only = args.next().as_deref() == Some("--tokens-only");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| {
        eprintln!("error: cannot read input file {file}: {e}");
        exit(2)
    });
    let rec = Recognizer::new();
    let _ = rec.recognize(&byline_tokenize::analyze("Warm up."));
    let t0 = Instant::now();
    let a = byline_tokenize::analyze(&text);
    let t1 = Instant::now();
    let n = if tokens_only {
        0
    } else {
        rec.recognize(&a).entities.len()
    };
    let t2 = Instant::now();
    println!(
        "{file}: {} bytes, {} tokens; tokenize {:.2}s, entities {:.2}s ({n} entities)",
        text.len(),
        a.tokens().len(),
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64()
    );
}
