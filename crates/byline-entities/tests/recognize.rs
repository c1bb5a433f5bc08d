//! Behaviour of the embedded model on hand-written news sentences (the seed article: the
//! workspace's `tests/seed.rs`).

use byline_entities::{Entities, Label, Recognizer};

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

#[test]
fn embedded_model_loads() {
    let bytes = include_bytes!("../model/ner.bin");
    assert!(Recognizer::from_bytes(bytes).is_ok());
    assert!(bytes.len() <= 8 * 1024 * 1024);
}

#[test]
fn people_places_organisations_with_offsets() {
    let text =
        "German Chancellor Angela Merkel met officials of the World Bank in Berlin on Tuesday.";
    let e = found(text);
    assert_eq!(
        pairs(text, &e),
        [
            ("German", "MISC"),
            ("Angela Merkel", "PER"),
            ("World Bank", "ORG"),
            ("Berlin", "LOC")
        ]
    );
    let merkel = &e.entities[1];
    assert_eq!((merkel.span.start, merkel.span.end), (18, 31));
    assert_eq!(merkel.tokens, 2..4);
    assert!(e.entities.iter().all(|x| (0.0..=1.0).contains(&x.score)));
}

#[test]
fn short_forms_join_the_first_mention() {
    let text = "Prime Minister Justin Trudeau arrived in Ottawa on Monday. \
                Trudeau told reporters that Canada would respond. Later, Trudeau’s office declined to comment.";
    let e = found(text);
    let c = e
        .clusters
        .iter()
        .find(|c| c.name == "Justin Trudeau")
        .expect("a Trudeau cluster");
    assert_eq!(c.label, Label::Person);
    let forms: Vec<&str> = c
        .mentions
        .iter()
        .map(|&m| e.entities[m].span.text(text))
        .collect();
    assert_eq!(forms, ["Justin Trudeau", "Trudeau", "Trudeau"]);
    for &m in &c.mentions {
        assert_eq!(e.entities[m].cluster, c.id);
    }
    // the possessive is not part of the entity
    let last = &e.entities[c.mentions[2]];
    assert_eq!(&text[last.span.end..last.span.end + "’s".len()], "’s");
}

#[test]
fn all_caps_headline_does_not_fall_apart() {
    let text = "RUSSIA AND SYRIA SIGN ENERGY DEAL IN MOSCOW\n\nRussia and Syria signed an energy deal in Moscow on Friday.";
    let e = found(text);
    let p = pairs(text, &e);
    assert_eq!(
        &p[..3],
        [("RUSSIA", "LOC"), ("SYRIA", "LOC"), ("MOSCOW", "LOC")]
    );
}

#[test]
fn lowercase_words_are_not_entities() {
    let text = "the committee said on monday that prices would rise again next year.";
    assert!(found(text).entities.is_empty());
}

#[test]
fn iob2_on_pretokenized_document() {
    let doc = vec![
        vec!["Angela", "Merkel", "visited", "Paris", "."],
        vec![
            "Merkel",
            "met",
            "officials",
            "of",
            "the",
            "European",
            "Commission",
            ".",
        ],
    ];
    let tags = Recognizer::new().iob2(&doc);
    assert_eq!(tags[0], ["B-PER", "I-PER", "O", "B-LOC", "O"]);
    assert_eq!(
        tags[1],
        ["B-PER", "O", "O", "O", "O", "B-ORG", "I-ORG", "O"]
    );
}

#[test]
fn gazetteer_entries_override_the_model() {
    let rec = Recognizer::builder()
        .entity("Blue Heron Partners", Label::Organization)
        .build();
    let text = "Analysts at Blue Heron Partners expect growth.";
    let e = rec.recognize(&byline_tokenize::analyze(text));
    assert_eq!(pairs(text, &e), [("Blue Heron Partners", "ORG")]);
}

#[test]
fn odd_inputs_do_not_panic() {
    let long = "A".repeat(10_000);
    for text in [
        "",
        "   \n\n ",
        "—",
        "- - -",
        "Al- -Sharaa",
        "🙂 Émilie Dupont à Paris 🙂",
        long.as_str(),
        "1996-08-22 0-1 2-2 (3) 4:5",
    ] {
        let e = found(text);
        for x in &e.entities {
            assert!(x.span.start < x.span.end && x.span.end <= text.len());
            assert!(x.cluster < e.clusters.len());
        }
    }
    assert!(Recognizer::new().iob2::<&str>(&[]).is_empty());
    assert_eq!(
        Recognizer::new().iob2(&[Vec::<&str>::new()]),
        [Vec::<&str>::new()]
    );
}

#[test]
fn sports_result_rows() {
    let doc = vec![
        vec!["SOCCER", "-", "ENGLISH", "LEAGUE", "RESULTS", "."],
        vec!["LONDON", "1996-08-31"],
        vec!["Chelsea", "2", "Arsenal", "1"],
        vec!["Liverpool", "0", "Everton", "0"],
    ];
    let tags = Recognizer::new().iob2(&doc);
    assert_eq!(tags[1], ["B-LOC", "O"]);
    assert_eq!(tags[2], ["B-ORG", "O", "B-ORG", "O"]);
    assert_eq!(tags[3], ["B-ORG", "O", "B-ORG", "O"]);
}

#[test]
fn titles_stay_outside_person_names() {
    // The model alone tags "Mr. Patel" and "Pope Francis" as names; CoNLL-2003 leaves the
    // title out, and so does the recognizer, in `recognize` and `iob2` alike.
    let text = "Mr. Patel said the factory would reopen.";
    let e = found(text);
    assert_eq!(pairs(text, &e), [("Patel", "PER")]);
    assert_eq!((e.entities[0].span.start, e.entities[0].span.end), (4, 9));
    let text = "Pope Francis prayed for peace in Gaza.";
    assert_eq!(
        pairs(text, &found(text)),
        [("Francis", "PER"), ("Gaza", "LOC")]
    );
    let words = vec![vec![
        "Pope", "Francis", "prayed", "for", "peace", "in", "Gaza", ".",
    ]];
    assert_eq!(
        Recognizer::new().iob2(&words)[0],
        ["O", "B-PER", "O", "O", "O", "O", "B-LOC", "O"]
    );
}
