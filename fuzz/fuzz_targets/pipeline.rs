//! `Pipeline::analyze` (all layers, tokens included): every record's text is the slice of its
//! offsets, indices point inside the document, and the JSON form reads back equal.
#![no_main]
use byline::{Document, Pipeline, TextSpan};
use byline_fuzz::text_of;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static PIPELINE: OnceLock<Pipeline> = OnceLock::new();

fn slice(text: &str, start: usize, end: usize, got: &str, what: &str) {
    assert_eq!(text.get(start..end), Some(got), "{what} [{start}, {end})");
}

fn spans(text: &str, spans: &[TextSpan], what: &str) {
    let mut prev = 0;
    for s in spans {
        slice(text, s.start, s.end, &s.text, what);
        assert!(s.start >= prev, "{what}s overlap");
        prev = s.end;
    }
}

fn check(text: &str, doc: &Document) {
    spans(text, &doc.paragraphs, "paragraph");
    spans(text, &doc.sentences, "sentence");
    for t in doc.tokens.as_deref().expect("tokens were asked for") {
        slice(text, t.start, t.end, &t.text, "token");
    }
    for e in &doc.entities {
        slice(text, e.start, e.end, &e.text, "entity");
        assert!(e.cluster < doc.clusters.len());
    }
    for c in &doc.clusters {
        assert!(c.mentions.iter().all(|&m| doc.entities[m].cluster == c.id));
    }
    for q in &doc.quotes {
        slice(text, q.start, q.end, &q.text, "quote");
        for p in &q.parts {
            assert!(
                q.start <= p[0] && p[0] <= p[1] && p[1] <= q.end,
                "part {p:?} of {q:?}"
            );
            assert!(
                text.get(p[0]..p[1]).is_some(),
                "part {p:?} off char boundaries"
            );
        }
        if let Some(c) = &q.cue {
            slice(text, c.start, c.end, &c.text, "cue");
        }
        if let Some(s) = &q.speaker {
            slice(text, s.start, s.end, &s.text, "speaker");
            assert!(s.cluster.map_or(true, |c| c < doc.clusters.len()));
        }
    }
    for s in &doc.summary {
        slice(text, s.start, s.end, &s.text, "summary");
        let sent = &doc.sentences[s.index];
        assert_eq!((sent.start, sent.end), (s.start, s.end));
    }
}

fuzz_target!(|data: &[u8]| {
    let text = text_of(data);
    let pipeline = PIPELINE.get_or_init(|| Pipeline::builder().tokens(true).build());
    let doc = pipeline.analyze(&text);
    check(&text, &doc);
    let json = serde_json::to_string(&doc).expect("a document serializes");
    let back: Document = serde_json::from_str(&json).expect("the JSON reads back");
    assert_eq!(back, doc, "JSON round trip changed the document");
});
