//! The whole pipeline on the seed article: who is named, who said what, and the summary.
//!
//! ```text
//! cargo run --release --example pipeline [FILE]
//! ```

use byline::Pipeline;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/000_83454c8955081748.txt"
        )
        .to_string()
    });
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;

    let pipeline = Pipeline::new();
    let doc = pipeline.analyze(&text);

    println!(
        "{path}: {} paragraphs, {} sentences\n",
        doc.paragraphs.len(),
        doc.sentences.len()
    );
    println!("Who is named:");
    for cluster in &doc.clusters {
        let mentions: Vec<&str> = cluster
            .mentions
            .iter()
            .map(|&m| doc.entities[m].text.as_str())
            .collect();
        println!(
            "  {:<4} {:<20} {}",
            cluster.label,
            cluster.name,
            mentions.join(" | ")
        );
    }
    println!("\nWho said what:");
    for quote in &doc.quotes {
        let speaker = match &quote.speaker {
            Some(s) => s.name.clone().unwrap_or_else(|| format!("({})", s.text)),
            None => "(unknown)".to_string(),
        };
        println!("  {speaker}: {} [{}]", quote.text, quote.kind);
    }
    println!("\nSummary:");
    for s in &doc.summary {
        println!("  [{}] {}", s.index, s.text);
    }
    Ok(())
}
