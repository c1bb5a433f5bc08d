use byline_summarize::{Budget, Summarizer};
use proptest::prelude::*;

proptest! {
    #[test]
    fn never_panics_and_returns_sentences_in_order(
        text in "[a-zA-Z0-9 .,!?\"'()\n—é-]{0,400}",
        k in 0usize..6,
        words in 0usize..60,
    ) {
        let a = byline_tokenize::analyze(&text);
        let s = Summarizer::new();
        for budget in [Budget::Sentences(k), Budget::Ratio(0.5), Budget::Words(words), Budget::Chars(words * 5)] {
            let out = s.summarize(&a, budget);
            for w in out.windows(2) {
                prop_assert!(w[0].index < w[1].index);
            }
            for x in &out {
                prop_assert_eq!(x.span, a.sentences()[x.index].span);
                prop_assert!(text.get(x.span.start..x.span.end).is_some());
            }
            if let Budget::Sentences(k) = budget {
                prop_assert!(out.len() <= k);
            }
        }
    }
}

proptest! {
    #[test]
    fn arbitrary_hints_never_panic(
        text in "[a-zA-Z .,\"é—]{0,200}",
        spans in proptest::collection::vec((0usize..260, 0usize..260), 0..8),
    ) {
        let a = byline_tokenize::analyze(&text);
        let to_spans = |v: &[(usize, usize)]| -> Vec<byline_tokenize::Span> {
            v.iter().map(|&(s, e)| byline_tokenize::Span { start: s, end: e }).collect()
        };
        let hints = byline_summarize::Hints {
            entities: to_spans(&spans),
            quotes: to_spans(&spans[spans.len() / 2..]),
        };
        let out = Summarizer::new().summarize_with(&a, Budget::Sentences(2), &hints);
        prop_assert!(out.len() <= 2);
    }
}
