//! The `Document` JSON format: its shape is stable, it round-trips through serde, and its fields
//! match what the library layers produce. The article is our own writing (`tests/article.txt`);
//! the whole document of the seed article is pinned by the workspace's `tests/seed.rs`.

use byline::{Document, Pipeline, SCHEMA};
use serde_json::Value;

const SEED: &str = include_str!("article.txt");

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort_unstable();
    k
}

#[test]
fn schema_shape_is_stable() {
    let doc = Pipeline::builder().tokens(true).build().analyze(SEED);
    let v = serde_json::to_value(&doc).unwrap();
    assert_eq!(v["schema"], SCHEMA);
    assert_eq!(
        keys(&v),
        [
            "clusters",
            "entities",
            "paragraphs",
            "quotes",
            "schema",
            "sentences",
            "summary",
            "tokens"
        ]
    );
    assert_eq!(keys(&v["paragraphs"][0]), ["end", "start", "text"]);
    assert_eq!(keys(&v["sentences"][0]), ["end", "start", "text"]);
    assert_eq!(keys(&v["tokens"][0]), ["end", "kind", "start", "text"]);
    assert_eq!(
        keys(&v["entities"][0]),
        ["cluster", "end", "label", "start", "text"]
    );
    assert_eq!(keys(&v["clusters"][0]), ["id", "label", "mentions", "name"]);
    assert_eq!(
        keys(&v["quotes"][0]),
        ["cue", "end", "kind", "parts", "speaker", "start", "text"]
    );
    let speaker = v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| !q["speaker"].is_null())
        .map(|q| &q["speaker"])
        .expect("a quote with a speaker");
    assert_eq!(
        keys(speaker),
        ["cluster", "end", "name", "start", "text", "via"]
    );
    assert_eq!(
        keys(&v["summary"][0]),
        ["end", "index", "score", "start", "text"]
    );
}

#[test]
fn document_round_trips_through_json() {
    let doc = Pipeline::builder().tokens(true).build().analyze(SEED);
    let json = serde_json::to_string(&doc).unwrap();
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
    let without_tokens = Pipeline::new().analyze(SEED);
    let json = serde_json::to_string(&without_tokens).unwrap();
    assert!(!json.contains("\"tokens\""));
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back.tokens, None);
    assert_eq!(back, without_tokens);
}

#[test]
fn offsets_slice_the_original_text() {
    let doc = Pipeline::builder().tokens(true).build().analyze(SEED);
    let spans = doc
        .paragraphs
        .iter()
        .chain(&doc.sentences)
        .map(|s| (s.start, s.end, s.text.as_str()))
        .chain(
            doc.entities
                .iter()
                .map(|e| (e.start, e.end, e.text.as_str())),
        )
        .chain(doc.quotes.iter().map(|q| (q.start, q.end, q.text.as_str())))
        .chain(
            doc.summary
                .iter()
                .map(|s| (s.start, s.end, s.text.as_str())),
        )
        .chain(
            doc.tokens
                .iter()
                .flatten()
                .map(|t| (t.start, t.end, t.text.as_str())),
        );
    for (start, end, text) in spans {
        assert_eq!(&SEED[start..end], text);
    }
    for c in &doc.clusters {
        for &m in &c.mentions {
            assert_eq!(doc.entities[m].cluster, c.id);
        }
    }
    for s in &doc.summary {
        assert_eq!(doc.sentences[s.index].start, s.start);
    }
}

#[test]
fn layers_switch_off() {
    let p = Pipeline::builder()
        .entities(false)
        .quotes(false)
        .summary(false)
        .build();
    let doc = p.analyze(SEED);
    assert!(doc.entities.is_empty() && doc.clusters.is_empty());
    assert!(doc.quotes.is_empty() && doc.summary.is_empty());
    assert_eq!(doc.paragraphs.len(), 10);
    assert_eq!(doc.tokens, None);
}

#[test]
fn odd_input_gives_a_document_not_a_panic() {
    let p = Pipeline::new();
    for text in [
        "",
        " \n\n \t",
        "\"",
        "“““ ”",
        "NO PUNCTUATION AT ALL IN THIS HEADLINE",
        "\u{0}\u{7}control\u{1b}[0m",
        "Ünïcödé — 東京 😀 said.",
    ] {
        let doc = p.analyze(text);
        assert_eq!(doc.schema, SCHEMA);
        for s in &doc.sentences {
            assert_eq!(&text[s.start..s.end], s.text);
        }
    }
    let long = "a".repeat(1 << 20);
    let doc = p.analyze(&long);
    assert_eq!(doc.sentences.len(), 1);
}

#[test]
fn pipeline_is_shareable_between_threads() {
    fn assert_traits<T: Clone + Send + Sync + std::fmt::Debug>() {}
    assert_traits::<Pipeline>();
    let p = Pipeline::new();
    let docs: Vec<Document> = std::thread::scope(|s| {
        let a = s.spawn(|| p.analyze(SEED));
        let b = s.spawn(|| p.analyze(SEED));
        vec![a.join().unwrap(), b.join().unwrap()]
    });
    assert_eq!(docs[0], docs[1]);
}

#[test]
fn builder_is_set_one_statement_at_a_time_and_reused() {
    let mut b = Pipeline::builder();
    b.quotes(false);
    let without = b.build();
    b.quotes(true).tokens(true);
    let with = b.build();
    assert!(without.analyze(SEED).quotes.is_empty());
    let doc = with.analyze(SEED);
    assert!(!doc.quotes.is_empty());
    assert!(doc.tokens.is_some());
    assert_eq!(without.analyze(SEED).tokens, None);
}
