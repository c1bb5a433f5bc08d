//! Property tests beyond `robust.rs`: on any text, with or without entities, a quote's parts
//! are ordered, disjoint, inside it and span it exactly; quotes come in text order.

use byline_entities::{Entities, Recognizer};
use byline_quotes::{Quote, QuoteFinder};
use proptest::prelude::*;
use std::sync::OnceLock;

const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "said",
    "says",
    "told reporters",
    "according to",
    "he",
    "She",
    "Putin",
    "Angela Merkel",
    "the minister",
    ",",
    ".",
    ":",
    "—",
    "\n",
    "\n\n",
    " ",
    "that",
    "We will win",
    "it is over",
    "(",
    ")",
    "?",
    "é",
    "👍",
    "U.S.",
];

fn layers() -> &'static (Recognizer, QuoteFinder) {
    static L: OnceLock<(Recognizer, QuoteFinder)> = OnceLock::new();
    L.get_or_init(|| (Recognizer::new(), QuoteFinder::new()))
}

fn check(text: &str, e: &Entities, quotes: &[Quote]) {
    let on = |s: byline_tokenize::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for q in quotes {
        assert!(on(q.span) && !q.span.is_empty(), "{q:?}");
        assert!(!q.parts.is_empty(), "{q:?}");
        assert_eq!(q.parts[0].start, q.span.start, "{q:?}");
        assert_eq!(q.parts[q.parts.len() - 1].end, q.span.end, "{q:?}");
        for p in &q.parts {
            assert!(on(*p) && p.start < p.end, "{q:?}");
        }
        for w in q.parts.windows(2) {
            assert!(
                w[0].end <= w[1].start,
                "parts overlap or out of order: {q:?}"
            );
        }
        assert!(q.cue.map_or(true, on), "{q:?}");
        if let Some(s) = &q.speaker {
            assert!(on(s.span) && !s.span.is_empty(), "{q:?}");
            assert!(s.cluster.map_or(true, |c| c < e.clusters.len()), "{q:?}");
        }
    }
    assert!(quotes
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
}

fn run(text: &str) {
    let (r, f) = layers();
    let a = byline_tokenize::analyze(text);
    let e = r.recognize(&a);
    check(text, &e, &f.find(&a, &e));
    let none = Entities::default();
    check(text, &none, &f.find(&a, &none));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn parts_lie_inside_their_quote(
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
        run(&text);
    }

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,160}") {
        run(&text);
    }
}
