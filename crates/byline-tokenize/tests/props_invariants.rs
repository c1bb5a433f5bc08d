//! Property tests the other files do not cover: the convenience entry points agree with
//! `analyze`, and a tokenizer with extra abbreviations keeps every invariant.

use byline_tokenize::{Analysis, Tokenizer};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "Gov.",
    "Sen.",
    "No.",
    "Jan.",
    "U.N.",
    "a.m.",
    "p.m.",
    "etc.",
    "e.g.",
    ".",
    "...",
    "…",
    "?!",
    "“",
    "”",
    "\"",
    "'",
    "’s",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    "\u{a0}",
    "1.5",
    "3,000",
    "—",
    "-",
    "Smith",
    "said",
    "the",
    "é",
    "北京",
    "👍🏽",
    "#x",
    "@y",
    "http://a.b/c",
    ":",
    ";",
];

fn text_of(parts: &[usize], spaces: &[bool]) -> String {
    let mut text = String::new();
    for (i, p) in parts.iter().enumerate() {
        text.push_str(PIECES[*p]);
        if spaces.get(i).copied().unwrap_or(true) {
            text.push(' ');
        }
    }
    text
}

/// Tokens tile the non-space text; sentences are ordered, disjoint, made of whole tokens.
fn check(text: &str, a: &Analysis<'_>) {
    let mut end = 0;
    for t in a.tokens() {
        assert!(end <= t.span.start && t.span.start < t.span.end && t.span.end <= text.len());
        assert!(text[end..t.span.start].chars().all(char::is_whitespace));
        assert_eq!(&text[t.span.start..t.span.end], t.text);
        end = t.span.end;
    }
    assert!(text[end..].chars().all(char::is_whitespace));
    let mut prev = 0;
    for s in a.sentences() {
        assert!(prev <= s.span.start && s.span.start < s.span.end);
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        prev = s.span.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn entry_points_agree_with_analyze(
        parts in proptest::collection::vec(0..PIECES.len(), 0..50),
        spaces in proptest::collection::vec(any::<bool>(), 0..50),
    ) {
        let text = text_of(&parts, &spaces);
        let t = Tokenizer::new();
        let a = t.analyze(&text);
        check(&text, &a);
        prop_assert_eq!(t.tokenize(&text), a.tokens().to_vec());
        prop_assert_eq!(byline_tokenize::tokenize(&text), a.tokens().to_vec());
        let spans: Vec<_> = a.sentences().iter().map(|s| s.span).collect();
        prop_assert_eq!(t.sentences(&text), spans);
        for (i, s) in a.sentences().iter().enumerate() {
            prop_assert_eq!(a.sentence_tokens(i), &a.tokens()[s.tokens.clone()]);
        }
    }

    #[test]
    fn extra_abbreviations_keep_the_invariants(
        parts in proptest::collection::vec(0..PIECES.len(), 0..50),
        abbr in "[A-Za-z]{1,5}",
    ) {
        let text = text_of(&parts, &[]) + &abbr + ". Next one.";
        let t = Tokenizer::builder().abbreviation(&format!("{abbr}.")).build();
        prop_assert!(t.is_ok(), "{abbr}. is a valid abbreviation");
        if let Ok(t) = t {
            check(&text, &t.analyze(&text));
        }
    }
}
