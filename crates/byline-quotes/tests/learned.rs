//! The learned stage for reported speech (`find/learned.rs`, model trained by
//! `train-quotes` on PolNeAR train): attributions the hand-written rules miss, with exact
//! content, cue and speaker, and none of them without the model.

use byline_quotes::QuoteFinder;

/// (content, cue, speaker) of every quote found in `text`.
fn found(finder: &QuoteFinder, text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let analysis = byline_tokenize::analyze(text);
    let entities = byline_entities::Recognizer::new().recognize(&analysis);
    finder
        .find(&analysis, &entities)
        .iter()
        .map(|q| {
            (
                q.span.text(text).to_string(),
                q.cue.map(|c| c.text(text).to_string()),
                q.speaker.as_ref().map(|s| s.span.text(text).to_string()),
            )
        })
        .collect()
}

fn rules_only() -> QuoteFinder {
    QuoteFinder::builder()
        .learned_reported(false)
        .build()
        .expect("valid settings")
}

fn one(content: &str, cue: &str, speaker: &str) -> Vec<(String, Option<String>, Option<String>)> {
    vec![(
        content.to_string(),
        Some(cue.to_string()),
        Some(speaker.to_string()),
    )]
}

#[test]
fn a_ruling_is_reported_speech() {
    let text = "The judge ruled that the evidence could not be used at trial.";
    assert_eq!(
        found(&QuoteFinder::new(), text),
        one(
            "the evidence could not be used at trial",
            "ruled",
            "The judge"
        )
    );
    assert!(found(&rules_only(), text).is_empty());
}

#[test]
fn a_stated_willingness_is_reported() {
    let text = "The union is willing to accept a smaller raise this year.";
    assert_eq!(
        found(&QuoteFinder::new(), text),
        one(
            "to accept a smaller raise this year",
            "willing",
            "The union"
        )
    );
    assert!(found(&rules_only(), text).is_empty());
}

#[test]
fn an_apparent_stance_is_reported() {
    let text = "Officials appeared to blame the weather for the delays.";
    assert_eq!(
        found(&QuoteFinder::new(), text),
        one(
            "to blame the weather for the delays",
            "appeared",
            "Officials"
        )
    );
    assert!(found(&rules_only(), text).is_empty());
}

#[test]
fn a_short_object_after_a_lexicon_cue_is_no_report() {
    // "drew" is a cue word in the lexicon ("drew criticism"), but a three-word object with
    // no `that`, `to` or colon after the cue is not reported speech.
    let text = "Last spring, dozens of people were hurt in days of unrest in the hill towns, \
                which began with fights between members of two farming clans and subsequently \
                drew a military intervention.";
    assert_eq!(found(&QuoteFinder::new(), text), vec![]);
}
