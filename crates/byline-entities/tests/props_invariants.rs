//! Property tests: on any text, mentions are ordered, disjoint and made of whole tokens,
//! clusters and mentions point at each other, scores are probabilities; gazetteer entries
//! keep those promises; `iob2` gives one well-formed tag per token.

use byline_entities::{Entities, Label, Recognizer};
use byline_tokenize::Analysis;
use proptest::prelude::*;
use std::sync::OnceLock;

const PIECES: &[&str] = &[
    "Putin",
    "Vladimir",
    "Angela Merkel",
    "Moscow",
    "U.S.",
    "United Nations",
    "NATO",
    "said",
    "the",
    "in",
    "of",
    "and",
    "Mr.",
    "President",
    "’s",
    "'s",
    "-",
    "Al",
    "Sharaa",
    "“",
    "”",
    "\"",
    ".",
    ",",
    "(",
    ")",
    "\n\n",
    "PARIS",
    "REUTERS",
    "é",
    "Zoë",
    "北京",
    "👍",
    "Inc.",
];

fn recognizer() -> &'static Recognizer {
    static R: OnceLock<Recognizer> = OnceLock::new();
    R.get_or_init(Recognizer::new)
}

fn text_of(parts: &[usize], glue: &[u8]) -> String {
    let mut text = String::new();
    for (i, p) in parts.iter().enumerate() {
        text.push_str(PIECES[*p]);
        match glue.get(i).copied().unwrap_or(0) % 4 {
            0 | 1 => text.push(' '),
            2 => {}
            _ => text.push_str(". "),
        }
    }
    text
}

fn check(text: &str, a: &Analysis<'_>, e: &Entities) {
    let toks = a.tokens();
    let mut prev_end = 0;
    for (i, m) in e.entities.iter().enumerate() {
        assert!(prev_end <= m.span.start && m.span.start < m.span.end && m.span.end <= text.len());
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert!(
            m.tokens.start < m.tokens.end && m.tokens.end <= toks.len(),
            "{m:?}"
        );
        assert_eq!(m.span.start, toks[m.tokens.start].span.start, "{m:?}");
        assert_eq!(m.span.end, toks[m.tokens.end - 1].span.end, "{m:?}");
        assert!((0.0..=1.0).contains(&m.score), "{m:?}");
        assert!(e.clusters[m.cluster].mentions.contains(&i), "{m:?}");
        prev_end = m.span.end;
    }
    let mut n = 0;
    for (i, c) in e.clusters.iter().enumerate() {
        assert_eq!(c.id, i);
        assert!(!c.mentions.is_empty() && c.mentions.windows(2).all(|w| w[0] < w[1]));
        assert!(c.mentions.iter().all(|&m| e.entities[m].cluster == i));
        n += c.mentions.len();
    }
    assert_eq!(n, e.entities.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn mentions_and_clusters_are_consistent(
        parts in proptest::collection::vec(0..PIECES.len(), 0..60),
        glue in proptest::collection::vec(any::<u8>(), 0..60),
    ) {
        let text = text_of(&parts, &glue);
        let a = byline_tokenize::analyze(&text);
        check(&text, &a, &recognizer().recognize(&a));
    }

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,160}") {
        let a = byline_tokenize::analyze(&text);
        check(&text, &a, &recognizer().recognize(&a));
    }

    #[test]
    fn gazetteer_entries_keep_the_invariants(
        parts in proptest::collection::vec(0..PIECES.len(), 0..40),
        entry in proptest::collection::vec(0..PIECES.len(), 1..4),
        label in 0..4usize,
    ) {
        let name = text_of(&entry, &[]);
        let label = [Label::Person, Label::Organization, Label::Location, Label::Misc][label];
        let r = Recognizer::builder().entity(name.trim(), label).build();
        let text = format!("{} {} {}", text_of(&parts, &[]), name, text_of(&parts, &[3]));
        let a = byline_tokenize::analyze(&text);
        check(&text, &a, &r.recognize(&a));
    }

    #[test]
    fn iob2_gives_one_well_formed_tag_per_token(
        sentences in proptest::collection::vec(
            proptest::collection::vec(0..PIECES.len(), 0..12), 0..6),
    ) {
        let doc: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.iter().map(|&i| PIECES[i]).collect())
            .collect();
        let tags = recognizer().iob2(&doc);
        prop_assert_eq!(tags.len(), doc.len());
        for (s, t) in doc.iter().zip(&tags) {
            prop_assert_eq!(s.len(), t.len());
            let mut prev = "O";
            for &tag in t {
                prop_assert!(
                    tag == "O" || ["B-", "I-"].iter().any(|p| tag.strip_prefix(p)
                        .is_some_and(|l| ["PER", "ORG", "LOC", "MISC"].contains(&l))),
                    "bad tag {}", tag
                );
                if let Some(l) = tag.strip_prefix("I-") {
                    prop_assert!(prev.ends_with(l) && prev != "O", "{} after {}", tag, prev);
                }
                prev = tag;
            }
        }
    }
}
