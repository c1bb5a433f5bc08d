//! Behaviour of the quote finder on hand-written news sentences (the seed article: the
//! workspace's `tests/seed.rs`).

use byline_quotes::{ErrorKind, Quote, QuoteFinder, QuoteKind, Via};

fn find(text: &str) -> Vec<Quote> {
    let analysis = byline_tokenize::analyze(text);
    let entities = byline_entities::Recognizer::new().recognize(&analysis);
    QuoteFinder::new().find(&analysis, &entities)
}

/// (content parts, kind, cue, speaker mention, via) of each quote.
type Summary<'a> = (
    Vec<&'a str>,
    &'static str,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'static str>,
);

fn summary<'a>(text: &'a str, quotes: &[Quote]) -> Vec<Summary<'a>> {
    quotes
        .iter()
        .map(|q| {
            (
                q.parts.iter().map(|p| p.text(text)).collect(),
                q.kind.as_str(),
                q.cue.map(|c| c.text(text)),
                q.speaker.as_ref().map(|s| s.span.text(text)),
                q.speaker.as_ref().map(|s| s.via.as_str()),
            )
        })
        .collect()
}

#[test]
fn types_are_shareable() {
    fn check<T: Clone + Send + Sync + std::fmt::Debug>() {}
    check::<QuoteFinder>();
    check::<Quote>();
}

#[test]
fn empty_text_has_no_quotes() {
    assert!(find("").is_empty());
    assert!(find("   \n\n ").is_empty());
}

#[test]
fn split_quote_is_one_quote_with_two_parts() {
    let text = "“This is a good day for commuters,” Mayor Ana Reyes said after the vote. “We listened, and we delivered.”";
    let q = find(text);
    assert_eq!(
        summary(text, &q),
        vec![(
            vec![
                "This is a good day for commuters,",
                "We listened, and we delivered."
            ],
            "direct",
            Some("said"),
            Some("Mayor Ana Reyes"),
            Some("name")
        )]
    );
    assert_eq!(q[0].span.start, "“".len());
    assert_eq!(q[0].span.end, text.len() - "”".len());
}

#[test]
fn quote_over_two_paragraphs_is_one_quote() {
    let text = "“We have worked for this all season. Every player knows the plan.\n\n“Now we just have to go out and play,” she told reporters on Thursday.";
    assert_eq!(
        summary(text, &find(text)),
        vec![(
            vec![
                "We have worked for this all season. Every player knows the plan.",
                "Now we just have to go out and play,"
            ],
            "direct",
            Some("told"),
            Some("she"),
            Some("pronoun")
        )]
    );
}

#[test]
fn straight_and_double_apostrophe_marks() {
    let text = "''We have crews working around the clock,'' said Dana Whitfield, a spokeswoman for the company.\n\n\"It's the third outage this month,\" said Luis Ortega.";
    assert_eq!(
        summary(text, &find(text)),
        vec![
            (
                vec!["We have crews working around the clock,"],
                "direct",
                Some("said"),
                Some("Dana Whitfield, a spokeswoman for the company"),
                Some("name")
            ),
            (
                vec!["It's the third outage this month,"],
                "direct",
                Some("said"),
                Some("Luis Ortega"),
                Some("name")
            ),
        ]
    );
}

#[test]
fn nested_single_quotes_stay_inside() {
    let text = "“He told me, ‘Never give up,’ and I never did,” the coach said.";
    let q = find(text);
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].span.text(text),
        "He told me, ‘Never give up,’ and I never did,"
    );
    assert_eq!(q[0].speaker.as_ref().map(|s| s.via), Some(Via::Description));
}

#[test]
fn stray_mark_does_not_derail_later_quotes() {
    let text = "The “ mark in this sentence is a typo and has no partner.\n\n“We will appeal,” the lawyer said.\n\n“The ruling was wrong,” she added.";
    let s = summary(text, &find(text));
    assert_eq!(
        s,
        vec![
            (
                vec!["We will appeal,"],
                "direct",
                Some("said"),
                Some("the lawyer"),
                Some("description")
            ),
            (
                vec!["The ruling was wrong,"],
                "direct",
                Some("added"),
                Some("she"),
                Some("pronoun")
            ),
        ]
    );
}

#[test]
fn scare_quotes_and_titles_are_not_quotes() {
    let text = "The so-called “reform” was passed on Tuesday after a screening of “The Last Bridge” at the town hall.";
    assert!(find(text).is_empty());
}

#[test]
fn reported_speech_with_that() {
    let text = "Councillor Tom Hale said later Wednesday that the cost estimates were unrealistic.";
    assert_eq!(
        summary(text, &find(text)),
        vec![(
            vec!["the cost estimates were unrealistic"],
            "indirect",
            Some("said"),
            Some("Councillor Tom Hale"),
            Some("name")
        )]
    );
}

#[test]
fn coordinated_cues_give_two_quotes() {
    let text = "The senator, who voted against the plan, said the budget was too small and warned that taxes would rise.";
    assert_eq!(
        summary(text, &find(text)),
        vec![
            (
                vec!["the budget was too small"],
                "indirect",
                Some("said"),
                Some("The senator"),
                Some("description")
            ),
            (
                vec!["taxes would rise"],
                "indirect",
                Some("warned"),
                Some("The senator"),
                Some("description")
            ),
        ]
    );
}

#[test]
fn a_dateline_is_not_part_of_the_reported_content() {
    for (text, content) in [
        (
            "WASHINGTON — The bridge will close for repairs in May, officials said.",
            "The bridge will close for repairs in May",
        ),
        (
            "NEW YORK, Nov. 3 (Reuters) -- The bridge will close for repairs in May, officials said.",
            "The bridge will close for repairs in May",
        ),
        (
            "(CNN) — The bridge will close for repairs in May, officials said.",
            "The bridge will close for repairs in May",
        ),
        // Not a dateline: a compound with a hyphen, a capitalised phrase before a dash.
        (
            "US-Russia talks — the bridge will close for repairs in May, officials said.",
            "US-Russia talks — the bridge will close for repairs in May",
        ),
    ] {
        let quotes = find(text);
        assert_eq!(quotes.len(), 1, "{text}");
        assert_eq!(quotes[0].parts[0].text(text), content, "{text}");
        assert_eq!(quotes[0].cue.map(|c| c.text(text)), Some("said"), "{text}");
    }
}

#[test]
fn headline_speech_verbs_are_cues() {
    let text = "Mayor Says New Bridge Will Open in May\n\nCity Must Raise Taxes, Budget Chief Warns\n\nThe Tell Family Will Move to Ohio\n\nThe council met on Monday.";
    assert_eq!(
        summary(text, &find(text)),
        vec![
            (
                vec!["New Bridge Will Open in May"],
                "indirect",
                Some("Says"),
                Some("Mayor"),
                Some("name")
            ),
            (
                vec!["City Must Raise Taxes"],
                "indirect",
                Some("Warns"),
                Some("Budget Chief"),
                Some("name")
            ),
        ]
    );
    // In running text a capitalised cue word is a name, not a cue.
    let text = "The mayor met Tom Says on Monday about the new bridge.";
    assert!(find(text).is_empty());
}

#[test]
fn evidence_verbs_before_that_and_relative_clause_sources() {
    let text = "A city survey shows that most drivers avoid the old bridge.\n\nA 2019 study that appeared in a medical journal found that the fumes were harmless.\n\nShe found the keys that she had lost.";
    assert_eq!(
        summary(text, &find(text)),
        vec![
            (
                vec!["most drivers avoid the old bridge"],
                "indirect",
                Some("shows"),
                Some("A city survey"),
                Some("anonymous")
            ),
            (
                vec!["the fumes were harmless"],
                "indirect",
                Some("found"),
                Some("A 2019 study that appeared in a medical journal"),
                Some("anonymous")
            ),
        ]
    );
}

#[test]
fn colon_headline_names_its_source() {
    let text = "Mayor: The New Bridge Will Open in May\n\nUpdate: the bridge is open to cyclists\n\nThe council met on Monday.";
    let quotes = find(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        quotes[0].parts[0].text(text),
        "The New Bridge Will Open in May"
    );
    assert_eq!(quotes[0].cue.map(|c| c.text(text)), Some(":"));
    assert_eq!(
        quotes[0].speaker.as_ref().map(|s| s.span.text(text)),
        Some("Mayor")
    );
}

#[test]
fn attribution_in_the_middle_with_a_party_tag_or_after_and() {
    let text = "Repairs would take two to three weeks, he said, and the bridge would reopen in March.\n\nRep. Jane Doe (D-Ohio) said the delay was too long.\n\nMayor Ann Lee backed the repairs during the council meeting and said the city would pay.";
    assert_eq!(
        summary(text, &find(text)),
        vec![
            (
                vec![
                    "Repairs would take two to three weeks",
                    "and the bridge would reopen in March"
                ],
                "indirect",
                Some("said"),
                Some("he"),
                Some("pronoun")
            ),
            (
                vec!["the delay was too long"],
                "indirect",
                Some("said"),
                Some("Rep. Jane Doe (D-Ohio)"),
                Some("name")
            ),
            (
                vec!["the city would pay"],
                "indirect",
                Some("said"),
                Some("Mayor Ann Lee"),
                Some("name")
            ),
        ]
    );
}

#[test]
fn transcript_labels_name_each_turn() {
    let text = "A partial transcript follows.\n\n\"HOST: Will the mayor attend the opening?\n\n\"LEE: She will not attend the opening tomorrow, and that is final.\n\n\"But the bridge will open on time.\n\n\"HOST: Thank you very much.\n";
    assert_eq!(
        summary(text, &find(text)),
        vec![
            (
                vec!["Will the mayor attend the opening?"],
                "direct",
                Some(":"),
                Some("HOST"),
                Some("name")
            ),
            (
                vec![
                    "She will not attend the opening tomorrow, and that is final.",
                    "But the bridge will open on time."
                ],
                "direct",
                Some(":"),
                Some("LEE"),
                Some("name")
            ),
            (
                vec!["Thank you very much."],
                "direct",
                Some(":"),
                Some("HOST"),
                Some("name")
            ),
        ]
    );
}

#[test]
fn sources_with_a_tag_and_an_appositive_but_not_a_participle_clause() {
    let text = "\"We will rebuild the bridge,\" Rep. Jane Doe (D-Ohio), a member of the panel, said on Monday.\n\n\"It is in their heads,\" said Ann Lee, speaking of the voters.";
    let quotes = find(text);
    let sources: Vec<Option<&str>> = quotes
        .iter()
        .map(|q| q.speaker.as_ref().map(|s| s.span.text(text)))
        .collect();
    assert_eq!(sources, [Some("Rep. Jane Doe (D-Ohio)"), Some("Ann Lee")]);
    let text = "\"Subpoenas are not optional,\" panel Chairman Rep. Jane Doe (R-Utah) said after the witness failed to appear.";
    assert_eq!(
        find(text)[0].speaker.as_ref().map(|s| s.span.text(text)),
        Some("panel Chairman Rep. Jane Doe (R-Utah)")
    );
}

#[test]
fn a_participle_clause_of_the_speaker_ends_the_content() {
    let text = "Officials said the bridge would close in May, citing safety concerns at the old span.\n\nThe mayor said the plan, including the bridge, would cost millions.";
    assert_eq!(
        summary(text, &find(text)),
        vec![
            (
                vec!["the bridge would close in May"],
                "indirect",
                Some("said"),
                Some("Officials"),
                Some("anonymous")
            ),
            (
                vec!["safety concerns at the old span"],
                "indirect",
                Some("citing"),
                Some("Officials"),
                Some("anonymous")
            ),
            (
                vec!["the plan, including the bridge, would cost millions"],
                "indirect",
                Some("said"),
                Some("The mayor"),
                Some("description")
            ),
        ]
    );
}

#[test]
fn the_end_of_a_hyphenated_compound_is_not_a_cue() {
    assert!(find(
        "About 300 steam- and coal-fired boilers still heat the old schools of the city."
    )
    .is_empty());
    assert!(
        find("The long-awaited bridge-said repairs began on Monday in the old town.").is_empty()
    );
}

#[test]
fn an_editors_note_is_a_label_not_an_attribution() {
    assert!(find("Editor’s note: the bridge has been closed since the storm in May.").is_empty());
}

#[test]
fn circumstances_after_the_cue_are_not_reported() {
    let text = "The mayor said in a statement on Monday that the bridge would reopen in May.\n\nOfficials said the delay was not intentional; they learned of it on Friday.\n\nThat was what Ann Lee said when she resigned from the council.";
    assert_eq!(
        summary(text, &find(text)),
        vec![
            (
                vec!["the bridge would reopen in May"],
                "indirect",
                Some("said"),
                Some("The mayor"),
                Some("description")
            ),
            (
                vec!["the delay was not intentional"],
                "indirect",
                Some("said"),
                Some("Officials"),
                Some("anonymous")
            ),
        ]
    );
}

#[test]
fn a_weak_cue_gives_way_to_a_strong_one_later_in_the_sentence() {
    let text =
        "The city plans to repair the old bridge this summer, a spokesman announced on Monday.";
    assert_eq!(
        summary(text, &find(text)),
        vec![(
            vec!["The city plans to repair the old bridge this summer"],
            "indirect",
            Some("announced"),
            Some("a spokesman"),
            Some("anonymous")
        )]
    );
}

#[test]
fn pronouns_follow_the_gender_the_article_gives_each_person() {
    let text = "The mayor, Ann Lee, met with John Park, a council member, on Monday to discuss the bridge. Lee said her office would pay for the repairs. Park said his district needed the money more.\n\n\"We cannot wait another year,\" she said.\n\n\"The bridge is safe,\" he said.\n";
    let quotes = find(text);
    let speakers: Vec<(&str, Option<&str>)> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .map(|s| (s.span.text(text), s.name.as_deref()))
        .collect();
    assert_eq!(
        speakers,
        [
            ("Lee", Some("Ann Lee")),
            ("Park", Some("John Park")),
            ("she", Some("Ann Lee")),
            ("he", Some("John Park")),
        ]
    );
}

#[test]
fn a_two_word_subject_before_a_parenthetical_attribution() {
    let text = "The bridge, the mayor said, would reopen in March after the repairs.";
    let quotes = find(text);
    assert_eq!(quotes.len(), 1);
    let parts: Vec<&str> = quotes[0].parts.iter().map(|p| p.text(text)).collect();
    assert_eq!(
        parts,
        ["The bridge", "would reopen in March after the repairs"]
    );
    assert_eq!(
        quotes[0].speaker.as_ref().map(|s| s.span.text(text)),
        Some("the mayor")
    );
}

#[test]
fn sources_with_several_appositives_and_no_clause_taken_for_a_source() {
    let text = "John Lee, of Springfield, Va., said the bridge was built in 1950.\n\nJane Doe, 45, of Dayton, said the bridge was unsafe.\n\nThe bridge is unsafe, said Tom Park.";
    assert_eq!(
        summary(text, &find(text))
            .into_iter()
            .map(|(parts, _, _, speaker, _)| (parts, speaker))
            .collect::<Vec<_>>(),
        vec![
            (
                vec!["the bridge was built in 1950"],
                Some("John Lee, of Springfield, Va.")
            ),
            (
                vec!["the bridge was unsafe"],
                Some("Jane Doe, 45, of Dayton")
            ),
            (vec!["The bridge is unsafe"], Some("Tom Park")),
        ]
    );
}

#[test]
fn speech_verbs_with_a_preposition_report_a_topic() {
    let text = "The mayor called for a new bridge, and the council agreed.\n\nAnn Lee spoke out on Tuesday about the cost of the repairs.";
    assert_eq!(
        summary(text, &find(text)),
        vec![
            (
                vec!["a new bridge"],
                "indirect",
                Some("called for"),
                Some("The mayor"),
                Some("description")
            ),
            (
                vec!["the cost of the repairs"],
                "indirect",
                Some("spoke out on Tuesday about"),
                Some("Ann Lee"),
                Some("name")
            ),
        ]
    );
}

#[test]
fn gerund_cues_after_a_preposition_or_a_verb_of_continuing() {
    let text = "Lee appeared on television on Tuesday and began by saying the bridge would never close.\n\nThe mayor keeps saying the bridge is safe.";
    assert_eq!(
        summary(text, &find(text)),
        vec![
            (
                vec!["the bridge would never close"],
                "indirect",
                Some("saying"),
                Some("Lee"),
                Some("name")
            ),
            (
                vec!["the bridge is safe"],
                "indirect",
                Some("saying"),
                Some("The mayor"),
                Some("description")
            ),
        ]
    );
}

#[test]
fn a_name_and_its_verb_open_the_tail_before_a_later_cue() {
    let text = "“Keep your hands in sight,” Lee sings to the crowd before asking them, “Where do we go from here?”";
    let quotes = find(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].cue.map(|c| c.text(text)), Some("sings"));
    assert_eq!(
        quotes[0].speaker.as_ref().map(|s| s.span.text(text)),
        Some("Lee")
    );
    // A noun after the name is not a verb: the cue is the one after the full name.
    let text = "“We will rebuild,” White House press secretary Ann Lee said on Monday.";
    let quotes = find(text);
    assert_eq!(quotes[0].cue.map(|c| c.text(text)), Some("said"));
}

#[test]
fn according_to_and_tail_attributions() {
    let text = "According to the transport department, about 40,000 vehicles cross the old bridge every day.\n\nConstruction is expected to begin next spring, officials said.";
    assert_eq!(
        summary(text, &find(text)),
        vec![
            (
                vec!["about 40,000 vehicles cross the old bridge every day"],
                "indirect",
                Some("According to"),
                Some("the transport department"),
                Some("description")
            ),
            (
                vec!["Construction is expected to begin next spring"],
                "indirect",
                Some("said"),
                Some("officials"),
                Some("anonymous")
            ),
        ]
    );
}

#[test]
fn partial_quote_makes_a_mixed_quote() {
    let text =
        "Reyes called the old structure “a relic that should have been replaced a decade ago.”";
    let q = find(text);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert_eq!(
        q[0].span.text(text),
        "the old structure “a relic that should have been replaced a decade ago.”"
    );
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.span.text(text)),
        Some("Reyes")
    );
}

#[test]
fn anonymous_source() {
    let text = "“The talks are over,” an official close to the negotiations said on Friday.";
    let q = find(text);
    assert_eq!(q.len(), 1);
    let s = q[0].speaker.as_ref().unwrap();
    assert_eq!(s.span.text(text), "an official close to the negotiations");
    assert_eq!((s.via, s.cluster), (Via::Anonymous, None));
}

#[test]
fn colon_introduction() {
    let text = "The governor put it plainly: “We cannot afford another delay.”";
    let q = find(text);
    assert_eq!(
        summary(text, &q)[0].0,
        vec!["We cannot afford another delay."]
    );
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.span.text(text)),
        Some("The governor")
    );
}

#[test]
fn configuration_errors() {
    let e = QuoteFinder::builder()
        .min_cue_probability(2.0)
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::InvalidThreshold);
    assert!(e.to_string().contains("between 0 and 1"));
    let e = QuoteFinder::builder()
        .lexicon("said\t10\t12\nbroken line\n")
        .build()
        .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::InvalidLexicon { line: 2 });
    let f = QuoteFinder::builder()
        .lexicon("said\t10\t12\n")
        .build()
        .unwrap();
    assert_eq!(f.cue_words(), 1);
    assert!(QuoteFinder::new().cue_words() > 300);
}

#[test]
fn split_quote_with_a_short_second_part_and_an_unknown_verb() {
    let text = "The hearing went on.\n\n“Everything that you have said and everything I have said,” the judge exclaimed, “has overlapped.”";
    assert_eq!(
        summary(text, &find(text)),
        vec![(
            vec![
                "Everything that you have said and everything I have said,",
                "has overlapped."
            ],
            "direct",
            Some("exclaimed"),
            Some("the judge"),
            Some("description")
        )]
    );
}

#[test]
fn title_inside_an_attribution_is_skipped() {
    let text = "“It was a long night,” she said on the show “Morning News.” “We are tired.”";
    let q = find(text);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].parts.len(), 2);
    assert_eq!(q[0].parts[1].text(text), "We are tired.");
    assert_eq!(q[0].cue.map(|c| c.text(text)), Some("said"));
}

#[test]
fn a_speaker_named_through_a_relative_pronoun() {
    let text = "The club hired an architect who said he was never paid for the work.";
    let q = find(text);
    assert_eq!(
        summary(text, &q),
        vec![(
            vec!["he was never paid for the work"],
            "indirect",
            Some("said"),
            Some("an architect who"),
            q.first()
                .and_then(|q| q.speaker.as_ref())
                .map(|s| s.via.as_str()),
        )]
    );
    let text = "The vote was delayed by Senator Ana Reyes, who has said the bill is unfair.";
    let q = find(text);
    let speaker = q
        .first()
        .and_then(|q| q.speaker.as_ref())
        .expect("a speaker");
    assert_eq!(speaker.span.text(text), "Senator Ana Reyes, who");
    assert_eq!(speaker.name.as_deref(), Some("Ana Reyes"));
    assert_eq!(q[0].parts[0].text(text), "the bill is unfair");
}

#[test]
fn a_pronoun_after_a_cue_stands_for_that_cue_s_source() {
    for text in [
        "On the plan, Tom Benjamin said he believes “there may be some trouble ahead.”",
        "Tom Benjamin said that he believes “there may be some trouble ahead.”",
    ] {
        let q = find(text);
        assert_eq!(
            summary(text, &q),
            vec![(
                vec!["there may be some trouble ahead."],
                "direct",
                Some("believes"),
                Some("Tom Benjamin"),
                Some("name"),
            )]
        );
    }
}

#[test]
fn a_cue_without_a_source_takes_the_subject_of_its_sentence() {
    let text =
        "But hacking specialists say the most harmful information might not even be genuine.";
    let q = find(text);
    let speaker = q.first().and_then(|q| q.speaker.as_ref());
    assert_eq!(
        speaker.map(|s| s.span.text(text)),
        Some("hacking specialists")
    );
    assert_eq!(
        q[0].parts[0].text(text),
        "the most harmful information might not even be genuine"
    );
}

#[test]
fn a_new_sentence_after_a_closed_quote_is_no_tail() {
    // the quote ends on a full stop: "He added" opens the next quote's lead-in, and the
    // first quote keeps its own lead-in
    let text = "Inspector Mara Quill said, “The bridge was never safe for heavy trucks.” He added, “We warned the county twice.”";
    let q = find(text);
    assert_eq!(
        summary(text, &q),
        vec![
            (
                vec!["The bridge was never safe for heavy trucks."],
                "direct",
                Some("said"),
                Some("Inspector Mara Quill"),
                Some("name")
            ),
            (
                vec!["We warned the county twice."],
                "direct",
                Some("added"),
                Some("He"),
                Some("pronoun")
            ),
        ]
    );
}

#[test]
fn according_to_after_a_quote_credits_the_reporting_source() {
    let text =
        "“We will appeal the ruling,” Governor Lena Park said, according to the Daily Ledger.";
    let q = find(text);
    let s = summary(text, &q);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].0, vec!["We will appeal the ruling,"]);
    assert_eq!(s[0].2, Some("according to"));
    assert_eq!(s[0].3, Some("the Daily Ledger"));
}

#[test]
fn a_participle_cue_skips_a_place_and_a_date_in_the_opening_phrase() {
    let text = "At a rally in Dayton, Ohio, on Tuesday, Senator Ruth Alder endorsed the plan, saying that it would “save the town from ruin.”";
    let q = find(text);
    let s = summary(text, &q);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].2, Some("saying"));
    assert_eq!(s[0].3, Some("Senator Ruth Alder"));
}
