//! Speed gate for byline-entities: tokens per second of
//! [`Recognizer::recognize`](byline_entities::Recognizer::recognize) (one thread) on
//! CNN/DailyMail articles, next to a fixed reference on the same text.
//!
//! ```text
//! cargo run --release -p byline-eval --bin speed-ner -- ../shared/data/cnndm/dev.jsonl \
//!     [--articles 200] [--runs 7] [--max-cost-ratio X] [--model ner.bin]
//! ```
//!
//! The first `--articles` articles (field `"article"`; 200 like the criterion bench
//! `benches/entities.rs`) are tokenized once; then each round times entity recognition over
//! all of them and, on the same text, `unicode_segmentation`'s `split_word_bounds` (a
//! reference no byline change moves). Rounds alternate the two so that a load spike on a
//! shared machine hits both alike; the best time of each counts. The gate is the cost ratio
//! (recognition time / reference time), which stays put when the whole machine slows down.
//! Exits 1 above `--max-cost-ratio`, 2 on a missing or unreadable corpus.

use byline_eval::timing::{best_alternating, cost_ratio, split_word_bounds_gate};
use std::process::exit;
use unicode_segmentation::UnicodeSegmentation;

fn usage() -> ! {
    eprintln!(
        "usage: speed-ner CNNDM.jsonl [--articles N] [--runs N] [--max-cost-ratio X] [--model ner.bin]"
    );
    exit(2)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut path, mut model) = (None, None);
    let (mut n_articles, mut runs, mut max_cost) = (200usize, 7usize, None::<f64>);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--articles" => n_articles = val().parse().unwrap_or_else(|_| usage()),
            "--runs" => runs = val().parse().unwrap_or_else(|_| usage()),
            "--max-cost-ratio" => max_cost = Some(val().parse().unwrap_or_else(|_| usage())),
            "--model" => model = Some(val()),
            s if s.starts_with('-') => usage(),
            _ => path = Some(a),
        }
    }
    let Some(path) = path else { usage() };
    let articles = byline_eval::cli::texts_or_exit("speed-ner", &path, "article", n_articles);
    let rec = byline_eval::cli::recognizer_or_exit("speed-ner", model.as_deref());
    let analyses: Vec<_> = articles
        .iter()
        .map(|a| byline_tokenize::analyze(a))
        .collect();
    let ntok: usize = analyses.iter().map(|a| a.tokens().len()).sum();
    // Parse the embedded model before timing.
    let found: usize = analyses
        .iter()
        .map(|a| rec.recognize(a).entities.len())
        .sum();
    let (ner, reference) = best_alternating(
        runs,
        max_cost,
        || {
            analyses
                .iter()
                .map(|a| rec.recognize(a).entities.len())
                .sum()
        },
        || articles.iter().map(|a| a.split_word_bounds().count()).sum(),
    );
    let cost = cost_ratio(ner, reference);
    println!(
        "corpus {path}: {} articles, {ntok} tokens, {found} entities, best of {runs} runs (up to twice as many while above the gate)",
        articles.len()
    );
    println!(
        "entities: {:.0} tokens/s one thread ({:.1} ms); split_word_bounds {:.1} ms",
        ntok as f64 / ner.as_secs_f64().max(1e-9),
        ner.as_secs_f64() * 1e3,
        reference.as_secs_f64() * 1e3
    );
    if !split_word_bounds_gate("entities", "entity recognition", cost, max_cost) {
        exit(1);
    }
}
