//! Property tests beyond `props.rs`: any text and any budget value the public enum can hold
//! (also the ones the checked constructors refuse) give sentences of the analysis, in order,
//! within a sentence or ratio budget, with finite scores.

use byline_summarize::{Budget, Summarizer};
use proptest::prelude::*;

fn check(text: &str, budget: Budget) {
    let a = byline_tokenize::analyze(text);
    let out = Summarizer::new().summarize(&a, budget);
    let n = a.sentences().len();
    for w in out.windows(2) {
        assert!(w[0].index < w[1].index, "{budget:?}");
    }
    for s in &out {
        assert_eq!(a.sentences()[s.index].span, s.span);
        assert!(s.score.is_finite(), "{s:?}");
    }
    let max = match budget {
        Budget::Sentences(k) => k,
        Budget::Ratio(r) if r > 0.0 && r <= 1.0 => {
            ((f64::from(r) * n as f64).ceil() as usize).max(1)
        }
        Budget::Ratio(r) if r > 1.0 => n,
        Budget::Ratio(_) => 0,
        _ => n,
    };
    assert!(
        out.len() <= max,
        "{} for {budget:?} over {n} sentences",
        out.len()
    );
}

fn budget(kind: usize, x: usize) -> Budget {
    match kind {
        0 => Budget::Sentences(x % 8),
        1 => Budget::Ratio(x as f32 / 50.0),
        2 => Budget::Ratio([f32::NAN, f32::INFINITY, f32::NEG_INFINITY, -0.5, 0.0][x % 5]),
        3 => Budget::Words(x),
        4 => Budget::Chars(x * 7),
        _ => Budget::Sentences(usize::MAX - x),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_any_budget(text in "\\PC{0,300}", kind in 0..6usize, x in 0..100usize) {
        check(&text, budget(kind, x));
    }

    #[test]
    fn news_like_text_any_budget(
        sentences in proptest::collection::vec("[A-Z][a-z]{1,8}( [a-z]{1,8}){0,12}[.?!]", 0..12),
        kind in 0..6usize,
        x in 0..100usize,
    ) {
        check(&sentences.join(" "), budget(kind, x));
    }

    #[test]
    fn checked_constructors_refuse_exactly_the_empty_budgets(n in 0..5usize, r in -2.0f32..2.0) {
        prop_assert_eq!(Budget::sentences(n).is_ok(), n > 0);
        prop_assert_eq!(Budget::words(n).is_ok(), n > 0);
        prop_assert_eq!(Budget::chars(n).is_ok(), n > 0);
        prop_assert_eq!(Budget::ratio(r).is_ok(), r > 0.0 && r <= 1.0);
    }
}
