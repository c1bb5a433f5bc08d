use byline_summarize::{
    is_boilerplate, Budget, ErrorKind, Hints, Summarizer, FEATURE_NAMES, NUM_FEATURES,
};
use byline_tokenize::{analyze, Span};

/// A short story written for these tests: byline, lead, detail, quote, near-duplicate of the
/// lead, follow-up, contributor line.
const STORY: &str = "By Jane Holt, CNN. The city council of Marston voted on Tuesday to close the old coal plant by 2030. The plant employs 400 people. \"We cannot keep burning coal,\" said Mayor Lena Ortiz. The Marston council also voted to close the old coal plant by 2030, officials said. Workers at the coal plant will be offered retraining. CNN's Tom Reed contributed to this report.";

fn indices(text: &str, budget: Budget) -> Vec<usize> {
    pick(&Summarizer::new(), text, budget)
}

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
        .build()
        .unwrap()
}

#[test]
fn story_sentence_spans_are_as_expected() {
    let a = analyze(STORY);
    let spans: Vec<Span> = a.sentences().iter().map(|s| s.span).collect();
    assert_eq!(spans.len(), 7);
    assert_eq!(spans[1], Span::new(19, 100));
    assert_eq!(spans[6], Span::new(323, 365));
}

#[test]
fn default_model_takes_the_lead_and_never_the_near_duplicate() {
    assert_eq!(indices(STORY, Budget::Sentences(1)), [1]);
    for k in 2..=4 {
        let got = indices(STORY, Budget::Sentences(k));
        assert_eq!(got.len(), k.min(4));
        assert_eq!(got[0], 1);
        // Sentence 4 restates the lead: never chosen together with it.
        assert!(!got.contains(&4), "{got:?}");
    }
}

#[test]
fn near_duplicates_are_removed_even_without_mmr() {
    let s = lead_only();
    assert_eq!(pick(&s, STORY, Budget::Sentences(3)), [1, 2, 3]);
    assert_eq!(pick(&s, STORY, Budget::Sentences(4)), [1, 2, 3, 5]);
}

#[test]
fn selected_carry_span_index_and_score() {
    let a = analyze(STORY);
    let s = Summarizer::new().summarize(&a, Budget::Sentences(1));
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].span, Span::new(19, 100));
    assert_eq!(
        s[0].span.text(STORY),
        "The city council of Marston voted on Tuesday to close the old coal plant by 2030."
    );
    assert_eq!(s[0].index, 1);
    assert!(s[0].score > 0.0);
}

#[test]
fn boilerplate_never_selected() {
    // Even when every sentence may be taken, the byline (0), the near-duplicate of the lead
    // (4) and the contributor line (6) stay out.
    assert_eq!(indices(STORY, Budget::Ratio(1.0)), [1, 2, 3, 5]);
    assert_eq!(indices(STORY, Budget::Sentences(10)), [1, 2, 3, 5]);
    let with = Summarizer::builder()
        .skip_boilerplate(false)
        .build()
        .unwrap();
    let all = with.summarize(&analyze(STORY), Budget::Ratio(1.0));
    assert!(all.iter().any(|s| s.index == 6));
}

#[test]
fn boilerplate_patterns() {
    assert!(is_boilerplate(
        "PUBLISHED: 09:14 EST, 2 May 2021 | UPDATED: 10:01 EST, 2 May 2021"
    ));
    assert!(is_boilerplate("Scroll down for video"));
    assert!(is_boilerplate(
        "READ MORE: How the new stadium was financed"
    ));
    assert!(is_boilerplate("NAIROBI, Kenya (CNN) --"));
    assert!(is_boilerplate("Photograph by Sam Lee/Getty Images"));
    assert!(!is_boilerplate("The plant employs 400 people."));
    assert!(!is_boilerplate(
        "By Friday, the river had crested at nine meters."
    ));
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
fn degenerate_inputs_never_panic() {
    let s = Summarizer::new();
    for text in ["", "   \n\n ", "...", "\"\"", "— — —"] {
        assert!(
            s.summarize(&analyze(text), Budget::Sentences(3)).is_empty(),
            "{text:?}"
        );
    }
    let one = "Storms hit the coast";
    let out = s.summarize(&analyze(one), Budget::Sentences(3));
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].span, Span::new(0, one.len()));
    assert_eq!(out[0].index, 0);
    assert!(s.summarize(&analyze(one), Budget::Sentences(0)).is_empty());
    assert!(s
        .summarize(&analyze(one), Budget::Ratio(f32::NAN))
        .is_empty());
    assert!(s.summarize(&analyze(one), Budget::Ratio(-1.0)).is_empty());
    assert_eq!(s.summarize(&analyze(one), Budget::Ratio(5.0)).len(), 1);
}

#[test]
fn checked_budgets() {
    assert_eq!(Budget::sentences(3).unwrap(), Budget::Sentences(3));
    assert_eq!(Budget::ratio(0.25).unwrap(), Budget::Ratio(0.25));
    assert_eq!(
        *Budget::sentences(0).unwrap_err().kind(),
        ErrorKind::InvalidBudget
    );
    assert_eq!(
        *Budget::ratio(0.0).unwrap_err().kind(),
        ErrorKind::InvalidBudget
    );
    assert_eq!(
        *Budget::ratio(1.5).unwrap_err().kind(),
        ErrorKind::InvalidBudget
    );
    assert_eq!(
        *Budget::ratio(f32::NAN).unwrap_err().kind(),
        ErrorKind::InvalidBudget
    );
    assert_eq!(
        *Budget::words(0).unwrap_err().kind(),
        ErrorKind::InvalidBudget
    );
    assert_eq!(
        *Budget::chars(0).unwrap_err().kind(),
        ErrorKind::InvalidBudget
    );
    let msg = Budget::ratio(2.0).unwrap_err().to_string();
    assert!(msg.contains("greater than 0 and at most 1"), "{msg}");
}

#[test]
fn builder_validates() {
    let e = Summarizer::builder().redundancy(-1.0).build().unwrap_err();
    assert_eq!(*e.kind(), ErrorKind::InvalidParameter);
    let mut w = [0.0; byline_summarize::NUM_FEATURES];
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
    let q = byline_summarize::FEATURE_NAMES
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
    let e = byline_summarize::FEATURE_NAMES
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
fn deterministic() {
    let a = analyze(STORY);
    let s = Summarizer::new();
    let x = s.summarize(&a, Budget::Sentences(3));
    let y = s.clone().summarize(&a, Budget::Sentences(3));
    assert_eq!(x, y);
}

/// Runs the data-driven boilerplate cases (`tests/boilerplate_cases.jsonl`, sentences written
/// for the test), both through `is_boilerplate` and through the summarizer, which must never
/// select a boilerplate sentence.
#[test]
fn boilerplate_case_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/boilerplate_cases.jsonl");
    let text = std::fs::read_to_string(path).expect("case file");
    let mut n = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let sentence = field(line, "sentence");
        let want = line.contains("\"boilerplate\": true");
        assert_eq!(is_boilerplate(&sentence), want, "{sentence:?}");
        // Embedded between two news sentences, with a full budget.
        let doc = format!(
            "The river rose two meters overnight in Lindau. {sentence}\n\nRescue teams reached the old town by boat."
        );
        let a = analyze(&doc);
        let chosen: Vec<&str> = Summarizer::new()
            .summarize(&a, Budget::Ratio(1.0))
            .iter()
            .map(|s| s.span.text(&doc))
            .collect();
        if want {
            assert!(
                chosen
                    .iter()
                    .all(|c| !c.contains(sentence.trim_end_matches('.'))),
                "{sentence:?} selected in {chosen:?}"
            );
        }
        n += 1;
    }
    assert_eq!(n, 23);
}

/// The string value of `key` in a flat JSON object line (no escapes in the case file).
fn field(line: &str, key: &str) -> String {
    let start = line.find(&format!("\"{key}\": \"")).expect("key") + key.len() + 5;
    let end = start + line[start..].find('"').expect("closing quote");
    line[start..end].to_string()
}
