//! With the `serde` feature, budgets, hints and selections round-trip through JSON.
#![cfg(feature = "serde")]

use byline_summarize::{Budget, Hints, Summarizer};
use byline_tokenize::Span;

#[test]
fn selections_budgets_and_hints_round_trip() {
    let text = "The council met on Monday. It voted to repair the bridge. The vote was close.";
    let analysis = byline_tokenize::analyze(text);
    let picked = Summarizer::new().summarize(&analysis, Budget::Sentences(2));
    assert_eq!(picked.len(), 2);
    let json = serde_json::to_string(&picked).unwrap();
    assert!(json.contains("\"span\":{\"start\":"), "{json}");
    let back: Vec<byline_summarize::Selected> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, picked);

    let budget = Budget::Words(12);
    let json = serde_json::to_string(&budget).unwrap();
    assert_eq!(json, r#"{"Words":12}"#);
    assert_eq!(serde_json::from_str::<Budget>(&json).unwrap(), budget);

    let hints = Hints {
        entities: vec![Span::new(4, 11)],
        quotes: vec![],
    };
    let json = serde_json::to_string(&hints).unwrap();
    assert_eq!(serde_json::from_str::<Hints>(&json).unwrap(), hints);
}
