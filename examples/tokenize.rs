//! Tokenizes and sentence-splits the seed article, printing each sentence and the first
//! tokens with their byte offsets.
//!
//! `cargo run --example tokenize [FILE]` (default: `seeds/000_83454c8955081748.txt`).

use byline_tokenize::Tokenizer;

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
    let analysis = Tokenizer::new().analyze(&text);
    println!(
        "{} tokens, {} sentences, {} paragraphs\n",
        analysis.tokens().len(),
        analysis.sentences().len(),
        analysis.paragraphs().len()
    );
    println!("First tokens (start..end  kind  text):");
    for t in analysis.tokens().iter().take(12) {
        println!(
            "  {:>4}..{:<4}  {:<11}  {}",
            t.span.start,
            t.span.end,
            t.kind.as_str(),
            t.text
        );
    }
    println!("\nSentences:");
    for (i, s) in analysis.sentences().iter().enumerate() {
        println!(
            "  [{i:>2}] {:>5}..{:<5} {}",
            s.span.start,
            s.span.end,
            s.span.text(&text)
        );
    }
}
