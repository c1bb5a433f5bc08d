//! Speed gate for issue 18's target: articles per second, one thread, of finding quotes
//! including tokenizing and entity recognition (as `benches/quotes.rs` measures with
//! criterion), on the PolNeAR dev texts, next to a fixed reference on the same text.
//!
//! ```text
//! cargo run --release -p byline-eval --bin speed-quotes -- ../shared/data/quotes/polnear-dev.jsonl \
//!     [--runs 15] [--max-cost-ratio X]
//! ```
//!
//! Each round times `unicode_segmentation`'s `split_word_bounds` over all texts (field
//! `"text"`), then `analyze` + `Recognizer::recognize` + `QuoteFinder::find` over all of them;
//! the best time of each counts (see `byline_eval::timing`). The gate is the cost ratio
//! (pipeline time / reference time), which a load spike on a shared machine moves less than it
//! moves articles per second. Exits 1 above `--max-cost-ratio`, 2 on a missing or unreadable
//! corpus.

use byline_eval::timing::{best_alternating, cost_ratio, split_word_bounds_gate};
use byline_quotes::QuoteFinder;
use std::process::exit;
use unicode_segmentation::UnicodeSegmentation;

fn usage() -> ! {
    eprintln!("usage: speed-quotes POLNEAR.jsonl [--runs N] [--max-cost-ratio X]");
    exit(2)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut path, mut runs, mut max_cost) = (None, 15usize, None::<f64>);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--runs" => runs = val().parse().unwrap_or_else(|_| usage()),
            "--max-cost-ratio" => max_cost = Some(val().parse().unwrap_or_else(|_| usage())),
            s if s.starts_with('-') => usage(),
            _ => path = Some(a),
        }
    }
    let Some(path) = path else { usage() };
    let texts = byline_eval::cli::texts_or_exit("speed-quotes", &path, "text", usize::MAX);
    let rec = byline_entities::Recognizer::new();
    let finder = QuoteFinder::new();
    let pipeline = || {
        texts
            .iter()
            .map(|t| {
                let a = byline_tokenize::analyze(t);
                let e = rec.recognize(&a);
                finder.find(&a, &e).len()
            })
            .sum()
    };
    // Parse the embedded models before timing.
    let quotes: usize = pipeline();
    let (job, reference) = best_alternating(runs, max_cost, pipeline, || {
        texts.iter().map(|t| t.split_word_bounds().count()).sum()
    });
    let cost = cost_ratio(job, reference);
    let secs = job.as_secs_f64().max(1e-9);
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    println!(
        "corpus {path}: {} articles, {words} words, {quotes} quotes, best of {runs} runs (up to twice as many while above the gate)",
        texts.len()
    );
    println!(
        "tokenize + entities + quotes: {:.0} articles/s, {:.0} words/s one thread ({:.1} ms); split_word_bounds {:.1} ms",
        texts.len() as f64 / secs,
        words as f64 / secs,
        secs * 1e3,
        reference.as_secs_f64() * 1e3
    );
    if !split_word_bounds_gate(
        "pipeline",
        "quotes with tokenizing and entities",
        cost,
        max_cost,
    ) {
        exit(1);
    }
}
