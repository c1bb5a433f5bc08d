//! The seed article through each layer and the facade. The seed is the project's input (a CNN
//! article in `seeds/`, not ours to redistribute), so these tests live in the unpublished
//! workspace package and never ship in a crate; the crates' own tests use text we wrote.

use byline_entities::{Entities, Label, Recognizer};
use byline_quotes::Via;

const SEED: &str = include_str!("../seeds/000_83454c8955081748.txt");
const PINNED: &str = "tests/seed.json";

fn found(text: &str) -> Entities {
    Recognizer::new().recognize(&byline_tokenize::analyze(text))
}

/// `(text, label)` of each entity.
fn pairs<'a>(text: &'a str, e: &Entities) -> Vec<(&'a str, &'static str)> {
    e.entities
        .iter()
        .map(|x| (x.span.text(text), x.label.as_str()))
        .collect()
}

/// The whole JSON document of the seed article is pinned in `tests/seed.json`. When a change
/// to a model or a rule changes the output on purpose, regenerate it with
/// `BYLINE_BLESS=1 cargo test -p byline-workspace --test seed` and review the diff.
#[test]
fn seed_document_is_pinned() {
    let doc = byline::Pipeline::builder()
        .tokens(true)
        .build()
        .analyze(SEED);
    let json = serde_json::to_string_pretty(&doc).unwrap() + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PINNED);
    if std::env::var_os("BYLINE_BLESS").is_some() {
        std::fs::write(&path, &json).unwrap();
    }
    let pinned = std::fs::read_to_string(&path).expect("tests/seed.json exists");
    assert!(
        pinned == json,
        "the seed document differs from {PINNED}; if intended, rerun with BYLINE_BLESS=1 and review the diff"
    );
}

#[test]
fn seed_article_entities() {
    let text = SEED;
    let e = found(text);
    let p = pairs(text, &e);
    let has = |w: &str, l: &str| p.iter().any(|&(a, b)| a == w && b == l);
    for w in [
        "Ahmed Al-Sharaa",
        "Al-Sharaa",
        "Vladimir Putin",
        "Putin",
        "Bashar al-Assad",
        "Alexander Novak",
        "Novak",
    ] {
        assert!(has(w, "PER"), "{w} PER in {p:?}");
    }
    for w in ["Syria", "Moscow", "Russia", "Israel", "Damascus"] {
        assert!(has(w, "LOC"), "{w} LOC in {p:?}");
    }
    assert!(has("CNN", "ORG"), "CNN ORG in {p:?}");
    for w in ["Russian", "Syrian", "Druze", "Bedouin"] {
        assert!(has(w, "MISC"), "{w} MISC in {p:?}");
    }
    // every mention of these names carries the right label
    for (w, l) in [
        ("Putin", "PER"),
        ("Al-Sharaa", "PER"),
        ("Syria", "LOC"),
        ("Russia", "LOC"),
        ("Druze", "MISC"),
    ] {
        assert!(
            p.iter().filter(|x| x.0 == w).all(|x| x.1 == l),
            "{w} always {l}: {p:?}"
        );
    }
    let cluster = |name: &str| {
        let c = e
            .clusters
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("cluster {name}"));
        assert_eq!(c.label, Label::Person);
        let mut forms: Vec<&str> = c
            .mentions
            .iter()
            .map(|&m| e.entities[m].span.text(text))
            .collect();
        forms.dedup();
        forms
    };
    assert_eq!(cluster("Ahmed Al-Sharaa"), ["Ahmed Al-Sharaa", "Al-Sharaa"]);
    assert_eq!(cluster("Vladimir Putin"), ["Vladimir Putin", "Putin"]);
    assert_eq!(cluster("Bashar al-Assad"), ["Bashar al-Assad", "Assad"]);
    assert_eq!(cluster("Alexander Novak"), ["Alexander Novak", "Novak"]);
}

#[test]
fn seed_article_attributions() {
    let text = SEED;
    let analysis = byline_tokenize::analyze(text);
    let entities = byline_entities::Recognizer::new().recognize(&analysis);
    let quotes = byline_quotes::QuoteFinder::new().find(&analysis, &entities);
    let got: Vec<(String, Option<String>, Option<Via>)> = quotes
        .iter()
        .map(|q| {
            let words: Vec<&str> = q.span.text(text).split_whitespace().take(3).collect();
            (
                words.join(" "),
                q.speaker.as_ref().and_then(|s| s.name.clone()),
                q.speaker.as_ref().map(|s| s.via),
            )
        })
        .collect();
    let putin = Some("Vladimir Putin".to_string());
    let sharaa = Some("Ahmed Al-Sharaa".to_string());
    let novak = Some("Alexander Novak".to_string());
    let want: Vec<(String, Option<String>, Option<Via>)> = vec![
        ("After the toppling".into(), None, Some(Via::Anonymous)),
        ("the two countries".into(), putin.clone(), Some(Via::Name)),
        (
            "Throughout these decades,".into(),
            putin.clone(),
            Some(Via::Pronoun),
        ),
        (
            "the overthrowing of".into(),
            putin.clone(),
            Some(Via::Description),
        ),
        (
            "Syria’s most recent".into(),
            putin.clone(),
            Some(Via::Description),
        ),
        (
            "it wanted to".into(),
            Some("Israel".to_string()),
            Some(Via::Name),
        ),
        ("his country was".into(), sharaa.clone(), Some(Via::Name)),
        ("We have close".into(), sharaa, Some(Via::Pronoun)),
        ("his country was".into(), novak.clone(), Some(Via::Name)),
        ("Today, we discussed".into(), novak.clone(), Some(Via::Name)),
        ("All of this".into(), novak, Some(Via::Pronoun)),
    ];
    assert_eq!(got, want);
    let anon = quotes[0].speaker.as_ref().unwrap();
    assert_eq!(anon.span.text(text), "an official source in Russia");
    assert_eq!(
        quotes[3].speaker.as_ref().unwrap().span.text(text),
        "The Russian leader"
    );
}
