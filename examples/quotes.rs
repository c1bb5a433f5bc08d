//! Prints the quotes of a text file (default: the seed article), one a line: `Speaker: “words”`
//! for direct quotes, `Speaker: reported words` for mixed and indirect ones (quoted fragments
//! keep the text's own quotation marks).
//!
//! ```sh
//! cargo run --example quotes [FILE]
//! ```

use byline_quotes::QuoteKind;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/000_83454c8955081748.txt"
        )
        .to_string()
    });
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
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
        let content = content.join(" … ");
        // Quotation marks are added only around a direct quote's words that carry none of their
        // own. Reported speech (indirect) has none, and adding some would misquote the
        // speaker; mixed quotes keep the marks of the text around the quoted fragments.
        let marked = content.contains(['“', '”', '"']);
        if q.kind == QuoteKind::Direct && !marked {
            println!("{who}: “{content}” [{}]", q.kind.as_str());
        } else {
            println!("{who}: {content} [{}]", q.kind.as_str());
        }
    }
    Ok(())
}
