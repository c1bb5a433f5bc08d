//! Property tests of the facade: every record's text is the slice of its offsets, records
//! are ordered, indices point inside the document, the JSON form reads back equal, and the
//! borrowed `DocumentView` writes the same JSON as the owned `Document`.

use byline::{Document, Pipeline, TextSpan};
use proptest::prelude::*;
use std::sync::OnceLock;

const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "said",
    "told reporters",
    "Putin",
    "Vladimir Putin",
    "Moscow",
    "the United Nations",
    "he",
    "She",
    ",",
    ".",
    "?",
    "\n\n",
    "\n",
    " ",
    "We agreed",
    "on Tuesday",
    "(CNN)",
    "—",
    "é",
    "👍",
    "Mr.",
    "3.5",
    "U.S.",
];

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builder().tokens(true).build())
}

fn slice(text: &str, start: usize, end: usize, got: &str) {
    assert_eq!(text.get(start..end), Some(got), "[{start}, {end})");
}

fn ordered(text: &str, spans: &[TextSpan]) {
    let mut prev = 0;
    for s in spans {
        slice(text, s.start, s.end, &s.text);
        assert!(prev <= s.start && s.start < s.end, "{s:?}");
        prev = s.end;
    }
}

fn check(text: &str) {
    let view = pipeline().analyze_view(text);
    let doc = &view.to_document();
    assert_eq!(doc, &pipeline().analyze(text));
    let streamed = serde_json::to_string(&view).unwrap();
    assert_eq!(streamed, serde_json::to_string(doc).unwrap());
    let tokens = serde_json::to_string(&view.field("tokens").unwrap()).unwrap();
    assert_eq!(tokens, serde_json::to_string(&doc.tokens).unwrap());
    assert_eq!(doc.schema, byline::SCHEMA);
    ordered(text, &doc.paragraphs);
    ordered(text, &doc.sentences);
    let tokens = doc.tokens.as_deref().expect("tokens were asked for");
    let mut prev = 0;
    for t in tokens {
        slice(text, t.start, t.end, &t.text);
        assert!(text[prev..t.start].chars().all(char::is_whitespace));
        prev = t.end;
    }
    assert!(text[prev..].chars().all(char::is_whitespace));
    for e in &doc.entities {
        slice(text, e.start, e.end, &e.text);
        assert_eq!(doc.clusters[e.cluster].label, e.label);
    }
    for (i, c) in doc.clusters.iter().enumerate() {
        assert_eq!(c.id, i);
        assert!(c.mentions.iter().all(|&m| doc.entities[m].cluster == i));
    }
    for q in &doc.quotes {
        slice(text, q.start, q.end, &q.text);
        assert!(!q.parts.is_empty());
        for p in &q.parts {
            assert!(q.start <= p[0] && p[0] < p[1] && p[1] <= q.end, "{q:?}");
            assert!(text.get(p[0]..p[1]).is_some(), "{q:?}");
        }
        if let Some(c) = &q.cue {
            slice(text, c.start, c.end, &c.text);
        }
        if let Some(s) = &q.speaker {
            slice(text, s.start, s.end, &s.text);
            assert!(s.cluster.map_or(true, |c| c < doc.clusters.len()));
        }
    }
    assert!(doc.summary.len() <= 3);
    for s in &doc.summary {
        slice(text, s.start, s.end, &s.text);
        let sent = &doc.sentences[s.index];
        assert_eq!((sent.start, sent.end), (s.start, s.end));
    }
    let json = serde_json::to_string(doc).unwrap();
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, doc);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn records_match_the_text(
        parts in proptest::collection::vec(0..PIECES.len(), 0..70),
        glue in proptest::collection::vec(any::<bool>(), 0..70),
    ) {
        let mut text = String::new();
        for (i, p) in parts.iter().enumerate() {
            text.push_str(PIECES[*p]);
            if glue.get(i).copied().unwrap_or(true) {
                text.push(' ');
            }
        }
        check(&text);
    }

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,200}") {
        check(&text);
    }
}
