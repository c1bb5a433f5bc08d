//! Invariants on arbitrary input (proptest) and on pathological input (linear time).

use byline_tokenize::{analyze, Analysis};
use proptest::prelude::*;

/// Checks every structural promise of an analysis.
fn check(text: &str, a: &Analysis<'_>) {
    let toks = a.tokens();
    let mut prev_end = 0;
    for t in toks {
        assert!(t.span.start < t.span.end, "empty token {t:?}");
        assert!(t.span.start >= prev_end, "overlap or disorder at {t:?}");
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert_eq!(t.text, &text[t.span.start..t.span.end]);
        // Everything between tokens is whitespace, and tokens hold no whitespace.
        let gap = &text[prev_end..t.span.start];
        assert!(gap.chars().all(char::is_whitespace), "uncovered {gap:?}");
        assert!(
            !t.text.chars().any(char::is_whitespace),
            "whitespace in {t:?}"
        );
        assert_eq!(t.space_before, t.span.start == 0 || t.span.start > prev_end);
        prev_end = t.span.end;
    }
    assert!(text[prev_end..].chars().all(char::is_whitespace));
    // Sentences: consecutive token ranges covering all tokens, spans consistent.
    let mut next = 0;
    for s in a.sentences() {
        assert_eq!(s.tokens.start, next);
        assert!(s.tokens.end > s.tokens.start && s.tokens.end <= toks.len());
        assert_eq!(s.span.start, toks[s.tokens.start].span.start);
        assert_eq!(s.span.end, toks[s.tokens.end - 1].span.end);
        next = s.tokens.end;
    }
    assert_eq!(next, toks.len());
    // Paragraphs: consecutive, aligned with sentences.
    let (mut nt, mut ns) = (0, 0);
    for p in a.paragraphs() {
        assert_eq!((p.tokens.start, p.sentences.start), (nt, ns));
        assert!(p.sentences.end > p.sentences.start);
        let ss = &a.sentences()[p.sentences.clone()];
        assert_eq!(ss[0].tokens.start, p.tokens.start);
        assert_eq!(ss[ss.len() - 1].tokens.end, p.tokens.end);
        assert_eq!(p.span.start, toks[p.tokens.start].span.start);
        assert_eq!(p.span.end, toks[p.tokens.end - 1].span.end);
        nt = p.tokens.end;
        ns = p.sentences.end;
    }
    assert_eq!((nt, ns), (toks.len(), a.sentences().len()));
}

const PIECES: &[&str] = &[
    "Mr.",
    "U.S.",
    "don't",
    "’s",
    "'",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    ".",
    "...",
    "…",
    "?",
    "!",
    "-",
    "--",
    "—",
    "(",
    ")",
    "[1]",
    "1,000",
    "3.5",
    "$",
    "%",
    "@cnn",
    "#tag",
    "a@b.co",
    "http://x.y/z",
    "www.",
    ":)",
    "\n",
    "\n\n",
    " ",
    "\t",
    "\r\n",
    "\u{a0}",
    "\u{2029}",
    "e-mail",
    "The",
    "said",
    "👍🏽",
    "\u{200d}",
    "é",
    "\u{301}",
    "北京",
    "Зд",
    "AM",
    "12/01/2000",
    "10:30",
    "Regards",
    ",",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,200}") {
        check(&text, &analyze(&text));
    }

    #[test]
    fn any_chars(text in proptest::collection::vec(any::<char>(), 0..120)) {
        let text: String = text.into_iter().collect();
        check(&text, &analyze(&text));
    }

    #[test]
    fn news_like_pieces(parts in proptest::collection::vec(0..PIECES.len(), 0..60),
                        glue in proptest::collection::vec(0..3usize, 0..60)) {
        let mut text = String::new();
        for (i, p) in parts.iter().enumerate() {
            text.push_str(PIECES[*p]);
            match glue.get(i).copied().unwrap_or(0) {
                0 => text.push(' '),
                1 => {}
                _ => text.push('\n'),
            }
        }
        check(&text, &analyze(&text));
    }
}

/// Pathological inputs complete (a quadratic algorithm would not finish in the test's time)
/// and keep the invariants.
#[test]
fn pathological_inputs_are_linear() {
    let cases: Vec<String> = vec![
        "a".repeat(1 << 20),
        "\"".repeat(100_000),
        "’".repeat(100_000),
        "'".repeat(100_000),
        "a.".repeat(300_000),
        "1.".repeat(300_000),
        "1,".repeat(300_000),
        "a-".repeat(300_000),
        "a'".repeat(300_000),
        "x@".repeat(300_000),
        "a.b-c_d+".repeat(100_000) + "@",
        format!("http://{}", "a/".repeat(300_000)),
        "(".repeat(100_000) + &")".repeat(100_000),
        ". ".repeat(200_000),
        "\n".repeat(200_000) + "x",
        "👍\u{200d}".repeat(100_000),
        "é\u{301}".repeat(100_000),
    ];
    for text in &cases {
        let start = std::time::Instant::now();
        let a = analyze(text);
        check(text, &a);
        // Generous bound: linear code takes milliseconds here, quadratic code minutes.
        assert!(
            start.elapsed().as_secs() < 20,
            "too slow on a {} byte input starting {:?}",
            text.len(),
            &text[..8]
        );
    }
    let long = "a".repeat(1 << 20);
    assert_eq!(analyze(&long).tokens().len(), 1);
    assert_eq!(analyze(&"\"".repeat(100_000)).tokens().len(), 100_000);
}
