//! Sentence boundaries after attachment markers and before doubled opening quotes.

fn sentences(text: &str) -> Vec<&str> {
    let a = byline_tokenize::analyze(text);
    a.sentences().iter().map(|s| s.span.text(text)).collect()
}

#[test]
fn attachment_marker_ends_a_sentence() {
    assert_eq!(
        sentences("See the draft << File: plan.doc >> Please call me."),
        ["See the draft << File: plan.doc >>", "Please call me."]
    );
    // Not before a lowercase continuation.
    assert_eq!(
        sentences("Values >> above the line were dropped."),
        ["Values >> above the line were dropped."]
    );
}

#[test]
fn doubled_single_quotes_open_a_sentence() {
    assert_eq!(
        sentences("The talks ended. ‘’We are ready,’’ the minister said."),
        ["The talks ended.", "‘’We are ready,’’ the minister said."]
    );
    assert_eq!(
        sentences("The talks ended. ``We are ready,'' the minister said."),
        ["The talks ended.", "``We are ready,'' the minister said."]
    );
}

#[test]
fn footnote_numbers_stay_with_their_sentence() {
    assert_eq!(
        sentences("Minority rights must be protected. 4 Even though the group is small, it votes."),
        [
            "Minority rights must be protected. 4",
            "Even though the group is small, it votes."
        ]
    );
    // A numbered title is not a footnote.
    assert_eq!(
        sentences("The app is no good for browsing a feed. 12 Most Ancient Cities"),
        [
            "The app is no good for browsing a feed.",
            "12 Most Ancient Cities"
        ]
    );
    // Nor is a year.
    assert_eq!(
        sentences("He retired in 2010. 2015 was a quiet year."),
        ["He retired in 2010.", "2015 was a quiet year."]
    );
}
