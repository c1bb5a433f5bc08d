//! Prints the entities and clusters of the seed article (or of a file given as argument).
//!
//! ```text
//! cargo run --release --example entities [-- FILE]
//! ```

use byline_entities::Recognizer;

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
            eprintln!("error: cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let analysis = byline_tokenize::analyze(&text);
    let found = Recognizer::new().recognize(&analysis);
    println!(
        "{} entities (byte offsets, label, the model's confidence in the label from 0 to 1, \
         text, cluster):",
        found.entities.len()
    );
    for e in &found.entities {
        println!(
            "  {:>6}..{:<6} {:<4} {:.2}  {:<28} cluster {}",
            e.span.start,
            e.span.end,
            e.label.as_str(),
            e.score,
            e.span.text(&text),
            e.cluster
        );
    }
    println!("\n{} clusters:", found.clusters.len());
    for c in &found.clusters {
        let forms: Vec<&str> = c
            .mentions
            .iter()
            .map(|&m| found.entities[m].span.text(&text))
            .collect();
        println!(
            "  #{:<3} {:<4} {:<28} {}x: {}",
            c.id,
            c.label.as_str(),
            c.name,
            c.mentions.len(),
            forms.join(" | ")
        );
    }
}
