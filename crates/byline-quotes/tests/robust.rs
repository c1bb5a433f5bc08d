//! The finder never panics and returns well-formed spans on arbitrary text.

use byline_quotes::QuoteFinder;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "''",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "said",
    "told",
    "according to",
    "he",
    "She",
    "Mr. Smith",
    "the official",
    ",",
    ".",
    ":",
    "—",
    "―",
    "\n",
    "\n\n",
    " ",
    "that",
    "saying",
    "Zoë",
    "Ørsted",
    "1,000",
    "and warned",
    "who",
    "(",
    ")",
    "!!!",
    "?",
    "U.S.",
    "é",
    "🙂",
];

fn check(text: &str) {
    let analysis = byline_tokenize::analyze(text);
    let entities = byline_entities::Recognizer::new().recognize(&analysis);
    let quotes = QuoteFinder::new().find(&analysis, &entities);
    let ok = |s: byline_tokenize::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for q in &quotes {
        assert!(ok(q.span) && !q.span.is_empty(), "{q:?} in {text:?}");
        assert!(!q.parts.is_empty());
        for p in &q.parts {
            assert!(
                ok(*p) && q.span.start <= p.start && p.end <= q.span.end,
                "{q:?} in {text:?}"
            );
        }
        if let Some(c) = q.cue {
            assert!(ok(c));
        }
        if let Some(s) = &q.speaker {
            assert!(ok(s.span));
            if let Some(c) = s.cluster {
                assert!(c < entities.clusters.len());
            }
        }
    }
    assert!(quotes
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn never_panics(idx in proptest::collection::vec(0..PIECES.len(), 0..60), words in proptest::collection::vec("[A-Za-z]{1,8}", 0..20)) {
        let mut text = String::new();
        for (k, i) in idx.iter().enumerate() {
            text.push_str(PIECES[*i]);
            if let Some(w) = words.get(k) {
                text.push(' ');
                text.push_str(w);
            }
            if k % 3 == 0 {
                text.push(' ');
            }
        }
        check(&text);
    }
}

#[test]
fn edge_cases() {
    for t in [
        "“",
        "”",
        "\"",
        "''",
        "“”",
        "said",
        "“A,” he said. “",
        "\n\n“\n\n”",
        "according to",
        "according to X,",
        ", saying",
        "He said: “",
        "“A” — ",
        "“x” ―",
        "“a b c d e f g h,” said",
    ] {
        check(t);
    }
}
