//! Prints the quotes of a text file (default: the seed article) as `Speaker: “content”`.
//!
//! ```sh
//! cargo run --example quotes [FILE]
//! ```

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "seeds/000_83454c8955081748.txt".to_string());
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {path}: {e} (run from the workspace root)"))?;
    let analysis = byline_tokenize::analyze(&text);
    let entities = byline_entities::Recognizer::new().recognize(&analysis);
    let quotes = byline_quotes::QuoteFinder::new().find(&analysis, &entities);
    for q in &quotes {
        let who = match &q.speaker {
            Some(s) => s
                .name
                .clone()
                .unwrap_or_else(|| format!("{} ({})", s.span.text(&text), s.via.as_str())),
            None => "(unknown)".to_string(),
        };
        let content: Vec<&str> = q.parts.iter().map(|p| p.text(&text)).collect();
        println!("{who}: “{}” [{}]", content.join(" … "), q.kind.as_str());
    }
    Ok(())
}
