//! The learned check for sentences that stop without punctuation.

fn sentences(text: &str) -> Vec<&str> {
    let a = byline_tokenize::analyze(text);
    a.sentences().iter().map(|s| s.span.text(text)).collect()
}

#[test]
fn unpunctuated_sentence_ends_before_a_sentence_start() {
    assert_eq!(
        sentences("Please review the attached file Let me know if you have questions."),
        [
            "Please review the attached file",
            "Let me know if you have questions."
        ]
    );
}

#[test]
fn names_and_titles_in_running_text_stay_together() {
    for text in [
        "Russian President Vladimir Putin met Syria's interim president in Moscow on Wednesday.",
        "The talks in Damascus ended when Alexander Novak left for the airport.",
        "Officials from the European Commission and the United Nations said talks would resume.",
        "MOSCOW (Reuters) — The Kremlin said on Tuesday that talks would resume.",
        "WASHINGTON, D.C. — The Senate voted on Tuesday to approve the budget.",
    ] {
        assert_eq!(sentences(text), [text]);
    }
}
