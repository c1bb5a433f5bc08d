use byline_summarize::{is_boilerplate, Budget, ErrorKind, Summarizer};
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
    // The score is the model's: the lead outscores every other selectable sentence.
    let all = Summarizer::new().summarize(&a, Budget::Ratio(1.0));
    assert!(all.len() > 1);
    assert!(all
        .iter()
        .filter(|x| x.index != 1)
        .all(|x| x.score < s[0].score && x.score > 0.0));
    assert!(s[0].score < 1.0);
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
    assert_eq!(n, 30);
}

/// The string value of `key` in a flat JSON object line (no escapes in the case file).
fn field(line: &str, key: &str) -> String {
    let start = line.find(&format!("\"{key}\": \"")).expect("key") + key.len() + 5;
    let end = start + line[start..].find('"').expect("closing quote");
    line[start..end].to_string()
}

/// A Daily Mail-style article written for this test: the header that the sentence splitter
/// cuts into fragments, "Scroll down for video", a photo caption and a source line.
const DAILY_MAIL: &str = "By . Sarah Miles . PUBLISHED: . 12:53 EST, 3 May 2013 . | . UPDATED: . 14:10 EST, 3 May 2013 . A lorry driver has been jailed for six years after crashing into a school bus on a country road in Kent. Scroll down for video . Tom Baker, 45, from Ashford, admitted causing the crash while using his phone at the wheel. Twelve children were taken to hospital after the collision in March last year. The bus driver, who suffered a broken leg, said she was still unable to work. Jailed: Tom Baker leaves Maidstone Crown Court yesterday . Sources: Kent Police .";

#[test]
fn daily_mail_furniture_is_never_the_lead() {
    let a = analyze(DAILY_MAIL);
    let texts: Vec<&str> = a
        .sentences()
        .iter()
        .map(|s| s.span.text(DAILY_MAIL))
        .collect();
    let lead = texts
        .iter()
        .position(|t| t.starts_with("A lorry driver"))
        .unwrap();
    let skipped = Summarizer::new().skipped(&a);
    // Every fragment of the header is skipped, the story is not.
    assert!(skipped[..lead].iter().all(|&s| s), "{texts:?}");
    assert!(!skipped[lead]);
    for (t, s) in texts.iter().zip(&skipped) {
        let furniture =
            t.starts_with("Scroll") || t.starts_with("Jailed:") || t.starts_with("Sources:");
        assert!(!furniture || *s, "{t:?}");
    }
    // The first story sentence is the lead: a one-sentence summary takes it.
    assert_eq!(indices(DAILY_MAIL, Budget::Sentences(1)), [lead]);
    let three = indices(DAILY_MAIL, Budget::Sentences(3));
    assert_eq!(three.len(), 3);
    assert!(three.iter().all(|&i| !skipped[i]));
}

#[test]
fn a_lone_by_line_takes_the_author_name_with_it() {
    let text = "By . Daily Mail Reporter . Thieves stole 300 bicycles from a depot in Leeds overnight. Police are asking for witnesses.";
    let a = analyze(text);
    let skipped = Summarizer::new().skipped(&a);
    let texts: Vec<&str> = a.sentences().iter().map(|s| s.span.text(text)).collect();
    assert_eq!(texts[..2], ["By .", "Daily Mail Reporter ."]);
    assert_eq!(skipped, [true, true, false, false]);
    assert_eq!(indices(text, Budget::Sentences(1)), [2]);
}

/// A long text of distinct sentences (numbers, names and places vary, so no two are
/// near-duplicates): `n` sentences of nine words each.
fn long_text(n: usize) -> String {
    let places = ["Dover", "Leeds", "Bristol", "Hull", "Derby", "Bath", "York"];
    let things = ["bridge", "school", "library", "harbor", "museum", "station"];
    (0..n)
        .map(|i| {
            format!(
                "Council {i} voted to rebuild the {} near {} on day {}.",
                things[i % things.len()],
                places[(i / things.len()) % places.len()],
                i * 7 + 3
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn long_budgets_fill_past_the_redundancy_rounds() {
    // 400 sentences: a ratio of one half asks for 200, far more than the 64 rounds that
    // weigh redundancy; the rest is filled by score, in article order, within the budget.
    let text = long_text(400);
    let a = analyze(&text);
    assert_eq!(a.sentences().len(), 400);
    let half = indices(&text, Budget::Ratio(0.5));
    assert_eq!(half.len(), 200);
    assert!(half.windows(2).all(|w| w[0] < w[1]));
    let words = Summarizer::new().summarize(&a, Budget::Words(900));
    let total: usize = words
        .iter()
        .map(|s| s.span.text(&text).split_whitespace().count())
        .sum();
    assert!(total <= 900, "{total} words");
    assert!(words.len() > 64, "{} sentences", words.len());
}
