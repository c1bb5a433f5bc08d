//! Prints the three-sentence summary of the seed article.
//!
//! `cargo run --example summarize [FILE]`

use byline_summarize::{Budget, Summarizer};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/000_83454c8955081748.txt"
        )
        .to_string()
    });
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let analysis = byline_tokenize::analyze(&text);
    let summarizer = Summarizer::new();
    for s in summarizer.summarize(&analysis, Budget::Sentences(3)) {
        println!(
            "[{}] {}..{} ({:.3}) {}",
            s.index,
            s.span.start,
            s.span.end,
            s.score,
            s.span.text(&text)
        );
    }
}
