//! Unit tests that need the crate's internals: fixed weights (independent of the fitted
//! model), feature vectors, and hints.

use crate::features::{FEATURE_NAMES, NUM_FEATURES};
use crate::{Budget, ErrorKind, Hints, Summarizer};
use byline_tokenize::{analyze, Span};

/// A short story written for these tests (the same as in `tests/summarize.rs`).
const STORY: &str = "By Jane Holt, CNN. The city council of Marston voted on Tuesday to close the old coal plant by 2030. The plant employs 400 people. \"We cannot keep burning coal,\" said Mayor Lena Ortiz. The Marston council also voted to close the old coal plant by 2030, officials said. Workers at the coal plant will be offered retraining. CNN's Tom Reed contributed to this report.";

fn pick(s: &Summarizer, text: &str, budget: Budget) -> Vec<usize> {
    s.summarize(&analyze(text), budget)
        .iter()
        .map(|s| s.index)
        .collect()
}

/// A summarizer that ranks by position only and has no MMR penalty, so that exact selections
/// do not depend on the fitted weights.
fn lead_only() -> Summarizer {
    let mut w = [0.0; NUM_FEATURES];
    let k = FEATURE_NAMES
        .iter()
        .position(|n| *n == "position_inverse")
        .unwrap();
    w[k] = 1.0;
    Summarizer::builder()
        .weights(w)
        .redundancy(0.0)
        .trigram_blocking(false)
        .build()
        .unwrap()
}

#[test]
fn near_duplicates_are_removed_even_without_mmr() {
    let s = lead_only();
    assert_eq!(pick(&s, STORY, Budget::Sentences(3)), [1, 2, 3]);
    assert_eq!(pick(&s, STORY, Budget::Sentences(4)), [1, 2, 3, 5]);
}

#[test]
fn ratio_rounds_up() {
    let s = lead_only();
    // 7 sentences, ratio 0.3 -> ceil(2.1) = 3 sentences.
    assert_eq!(pick(&s, STORY, Budget::Ratio(0.3)), [1, 2, 3]);
    assert_eq!(pick(&s, STORY, Budget::Ratio(0.01)), [1]);
}

#[test]
fn word_and_char_budgets() {
    let s = lead_only();
    // The lead has 16 words, "The plant employs 400 people." 5, the quote 9.
    assert_eq!(pick(&s, STORY, Budget::Words(22)), [1, 2]);
    // The lead does not fit in 15: sentences 2 and 3 (5 + 9 words) do.
    assert_eq!(pick(&s, STORY, Budget::Words(15)), [2, 3]);
    assert_eq!(pick(&s, STORY, Budget::Words(3)), Vec::<usize>::new());
    // The lead has 81 characters, sentence 2 has 29.
    assert_eq!(pick(&s, STORY, Budget::Chars(81)), [1]);
    assert_eq!(pick(&s, STORY, Budget::Chars(110)), [1, 2]);
    assert_eq!(pick(&s, STORY, Budget::Chars(109)), [1]);
    // Budgets hold for the default model too.
    let a = analyze(STORY);
    let words: usize = Summarizer::new()
        .summarize(&a, Budget::Words(30))
        .iter()
        .map(|x| {
            a.sentence_tokens(x.index)
                .iter()
                .filter(|t| t.text.chars().any(char::is_alphanumeric))
                .count()
        })
        .sum();
    assert!(words <= 30 && words > 0, "{words}");
}

#[test]
fn builder_validates() {
    let e = Summarizer::builder().redundancy(-1.0).build().unwrap_err();
    assert_eq!(*e.kind(), ErrorKind::InvalidParameter);
    let mut w = [0.0; crate::NUM_FEATURES];
    w[3] = f32::INFINITY;
    let e = Summarizer::builder().weights(w).build().unwrap_err();
    assert_eq!(*e.kind(), ErrorKind::InvalidParameter);
    assert!(e.to_string().contains("in_first_three"), "{e}");
}

#[test]
fn quote_hints_lower_a_sentence() {
    let a = analyze(STORY);
    let s = Summarizer::new();
    let plain = s.sentence_features(&a, &Hints::default());
    let hints = Hints {
        entities: vec![],
        quotes: vec![Span::new(101, 130)],
    };
    let hinted = s.sentence_features(&a, &hints);
    let q = crate::FEATURE_NAMES
        .iter()
        .position(|n| *n == "quote_fraction")
        .unwrap();
    assert_eq!(plain[2][q], 0.0);
    assert_eq!(hinted[2][q], 1.0);
    let score = |h: &Hints| {
        s.summarize_with(&a, Budget::Ratio(1.0), h)
            .into_iter()
            .find(|x| x.index == 2)
            .unwrap()
            .score
    };
    assert!(score(&hints) < score(&Hints::default()));
}

#[test]
fn entity_hints_raise_repeated_names() {
    let text = "Rain fell across the region on Monday. Farmers in Tolvik said the harvest was late. Tolvik officials opened a shelter. The weather office expects more rain.";
    let a = analyze(text);
    let s = Summarizer::new();
    let e = crate::FEATURE_NAMES
        .iter()
        .position(|n| *n == "entity_salience")
        .unwrap();
    let hints = Hints {
        entities: vec![Span::new(50, 56), Span::new(84, 90)],
        quotes: vec![],
    };
    let f = s.sentence_features(&a, &hints);
    assert!(f[1][e] > 0.0 && f[2][e] > 0.0);
    assert_eq!(f[0][e], 0.0);
    assert_eq!(f[3][e], 0.0);
}

#[test]
fn trigram_blocking_skips_a_sentence_that_repeats_three_words() {
    // Sentence 1 shares "the old coal" (and "old coal plant") with the lead but is no
    // near-duplicate of it.
    let text = "The council voted to close the old coal plant on Tuesday. \
        Workers at the old coal plant fear for their jobs. \
        Electricity prices will rise next year.";
    let plain = lead_only();
    assert_eq!(pick(&plain, text, Budget::Sentences(2)), [0, 1]);
    let mut b = Summarizer::builder();
    b.weights(plain.weights)
        .redundancy(0.0)
        .trigram_blocking(true);
    let blocking = b.build().unwrap();
    assert_eq!(pick(&blocking, text, Budget::Sentences(2)), [0, 2]);
    // Letter case does not hide a repeated trigram.
    let lower = text.replace("Workers at the old", "Workers at THE OLD");
    assert_eq!(pick(&blocking, &lower, Budget::Sentences(2)), [0, 2]);
}
