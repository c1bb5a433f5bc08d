//! Sentence boundaries in the hard cases of real text, one row group per family. Every row
//! is a made-up, news-style text and the exact sentences `analyze` must find in it.

use byline_tokenize::analyze;

/// Checks every row of a group and reports all failing rows at once.
fn check(family: &str, rows: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, expected) in rows {
        let a = analyze(text);
        let got: Vec<&str> = a.sentences().iter().map(|s| s.span.text(text)).collect();
        if got != *expected {
            failures.push(format!(
                "  text:     {text:?}\n  expected: {expected:?}\n  got:      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{family}: {} of {} rows fail\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n\n")
    );
}

#[test]
fn enumerations() {
    check(
        "enumerations",
        &[
            (
                "The council approved three measures: 1. a new budget 2. a hiring freeze 3. a review of contracts.",
                &[
                    "The council approved three measures:",
                    "1. a new budget",
                    "2. a hiring freeze",
                    "3. a review of contracts.",
                ],
            ),
            (
                "What the mayor promised:\n1) More buses\n2) Cheaper parking\n3) Longer library hours",
                &[
                    "What the mayor promised:",
                    "1) More buses",
                    "2) Cheaper parking",
                    "3) Longer library hours",
                ],
            ),
            (
                "The report names two causes. 1.) Poor maintenance. 2.) A lack of inspectors.",
                &[
                    "The report names two causes.",
                    "1.) Poor maintenance.",
                    "2.) A lack of inspectors.",
                ],
            ),
            (
                "Voters must bring (a) a photo ID, (b) proof of address and (c) their poll card.",
                &["Voters must bring (a) a photo ID, (b) proof of address and (c) their poll card."],
            ),
            (
                "The bill has three parts.\na. Tax relief for families.\nb. A new fuel levy.\nc. Cuts to farm subsidies.",
                &[
                    "The bill has three parts.",
                    "a. Tax relief for families.",
                    "b. A new fuel levy.",
                    "c. Cuts to farm subsidies.",
                ],
            ),
            (
                "Chapter summary:\ni. The early years\nii. The war\niii. Exile",
                &["Chapter summary:", "i. The early years", "ii. The war", "iii. Exile"],
            ),
            (
                "Key facts:\n• Founded in 1921\n• 4,000 employees\n• Based in Leeds",
                &["Key facts:", "• Founded in 1921", "• 4,000 employees", "• Based in Leeds"],
            ),
            (
                "Highlights\n- Turnout rose to 68 percent\n- The ruling party lost 12 seats\n- A recount is due on Monday",
                &[
                    "Highlights",
                    "- Turnout rose to 68 percent",
                    "- The ruling party lost 12 seats",
                    "- A recount is due on Monday",
                ],
            ),
            (
                "Road closures:\n* Main Street, until Friday\n* Bridge Road, all week",
                &["Road closures:", "* Main Street, until Friday", "* Bridge Road, all week"],
            ),
            (
                "Also on the agenda:\n⁃ parking fees\n⁃ school meals\n▪ the new stadium",
                &["Also on the agenda:", "⁃ parking fees", "⁃ school meals", "▪ the new stadium"],
            ),
            (
                "Highlights: • Prices rose • Jobs fell • Rates held",
                &["Highlights:", "• Prices rose", "• Jobs fell", "• Rates held"],
            ),
            (
                "Results\n- Turnout rose to 68 percent - The ruling party lost 12 seats - A recount is due",
                &[
                    "Results",
                    "- Turnout rose to 68 percent",
                    "- The ruling party lost 12 seats",
                    "- A recount is due",
                ],
            ),
            (
                "* Main Street closed until Friday * Bridge Road open * 2 lanes on the bypass\nDrivers should allow extra time.",
                &[
                    "* Main Street closed until Friday",
                    "* Bridge Road open",
                    "* 2 lanes on the bypass",
                    "Drivers should allow extra time.",
                ],
            ),
            (
                "- The plan - which the council approved - failed. The vote was 7-2.",
                &["- The plan - which the council approved - failed.", "The vote was 7-2."],
            ),
            (
                "Scores - Leeds 2, Hull 1 - were confirmed late. Fans cheered.",
                &["Scores - Leeds 2, Hull 1 - were confirmed late.", "Fans cheered."],
            ),
            (
                "On the menu ▪ grilled trout ▪ 3 cheeses ▪ \"tarte tatin\". Doors open at 7.",
                &[
                    "On the menu",
                    "▪ grilled trout",
                    "▪ 3 cheeses",
                    "▪ \"tarte tatin\".",
                    "Doors open at 7.",
                ],
            ),
            (
                "what changed: ◦ fares went up ◦ two lines closed",
                &["what changed:", "◦ fares went up", "◦ two lines closed"],
            ),
        ],
    );
}

#[test]
fn lines_without_final_punctuation() {
    check(
        "lines without final punctuation",
        &[
            (
                "Floods Close Schools Across the North\nHeavy rain closed 40 schools on Tuesday.",
                &[
                    "Floods Close Schools Across the North",
                    "Heavy rain closed 40 schools on Tuesday.",
                ],
            ),
            (
                "The mayor opens the new bridge in Hull (Photo: Jane Doe)\n\nThe bridge cost £40 million.",
                &[
                    "The mayor opens the new bridge in Hull (Photo: Jane Doe)",
                    "The bridge cost £40 million.",
                ],
            ),
            (
                "Related:\nFive things to know about the budget\nWhy bond yields are rising\n\nThe minister speaks at noon.",
                &[
                    "Related:",
                    "Five things to know about the budget",
                    "Why bond yields are rising",
                    "The minister speaks at noon.",
                ],
            ),
            (
                "Harbour town reopens its ferry link Tuesday, May 4, 2021\n\nThe ferry sails twice a day. Officials met on Monday, May 3, 2021",
                &[
                    "Harbour town reopens its ferry link",
                    "Tuesday, May 4, 2021",
                    "The ferry sails twice a day.",
                    "Officials met on Monday, May 3, 2021",
                ],
            ),
            (
                "The phone offers\nA brighter screen\nTwo-day battery life\nA faster chip",
                &["The phone offers", "A brighter screen", "Two-day battery life", "A faster chip"],
            ),
            (
                "The committee said on Monday that the\nproposal would be sent back to the\nminister for a second review.",
                &["The committee said on Monday that the\nproposal would be sent back to the\nminister for a second review."],
            ),
            (
                "Officials from the health ministry and\nthe World Health Organization met in\nGeneva on Friday.",
                &["Officials from the health ministry and\nthe World Health Organization met in\nGeneva on Friday."],
            ),
            (
                "Officials from the health ministry and the World Health\nOrganization met in Geneva on Friday to discuss the\noutbreak, which has spread to nine countries.",
                &["Officials from the health ministry and the World Health\nOrganization met in Geneva on Friday to discuss the\noutbreak, which has spread to nine countries."],
            ),
        ],
    );
}

#[test]
fn abbreviations() {
    check(
        "abbreviations",
        &[
            (
                "Is the shop still open? Mm. Hard to say. The screws are 4 mm. long.",
                &[
                    "Is the shop still open?",
                    "Mm.",
                    "Hard to say.",
                    "The screws are 4 mm. long.",
                ],
            ),
            (
                "The shop sells tents, stoves, maps etc. Prices start at £20.",
                &[
                    "The shop sells tents, stoves, maps etc.",
                    "Prices start at £20.",
                ],
            ),
            (
                "THE PARADE WAS LED BY GEN. JOHN MILLER AND SEN. ANN REED. CROWDS LINED THE ROUTE.",
                &[
                    "THE PARADE WAS LED BY GEN. JOHN MILLER AND SEN. ANN REED.",
                    "CROWDS LINED THE ROUTE.",
                ],
            ),
            (
                "The vote closed at 8 p.m. The count began an hour later.",
                &[
                    "The vote closed at 8 p.m.",
                    "The count began an hour later.",
                ],
            ),
            (
                "The vote closed at 8 p.m. on Sunday in most states.",
                &["The vote closed at 8 p.m. on Sunday in most states."],
            ),
            (
                "Trading opens at 9.30 A.M. It closes at 4 P.M. on weekdays.",
                &[
                    "Trading opens at 9.30 A.M.",
                    "It closes at 4 P.M. on weekdays.",
                ],
            ),
            (
                "The plant moved to the U.S. It employs 300 people there.",
                &[
                    "The plant moved to the U.S.",
                    "It employs 300 people there.",
                ],
            ),
            (
                "Talks between the U.S. and China resume in May.",
                &["Talks between the U.S. and China resume in May."],
            ),
            (
                "She sold the company to Acme Inc. The deal closed in June.",
                &[
                    "She sold the company to Acme Inc.",
                    "The deal closed in June.",
                ],
            ),
            (
                "Shares of Acme Corp. rose 4 percent after Acme Co. Ltd. reported results.",
                &["Shares of Acme Corp. rose 4 percent after Acme Co. Ltd. reported results."],
            ),
            (
                "The award went to Martin Luther King Jr. His widow accepted it.",
                &[
                    "The award went to Martin Luther King Jr.",
                    "His widow accepted it.",
                ],
            ),
            (
                "Lot No. 7 sold for $2,000 at the auction.",
                &["Lot No. 7 sold for $2,000 at the auction."],
            ),
            (
                "The parade passes St. Mary's church on Main St. It ends at noon.",
                &[
                    "The parade passes St. Mary's church on Main St.",
                    "It ends at noon.",
                ],
            ),
            (
                "They brought tents, stoves, maps etc. The rain came anyway.",
                &[
                    "They brought tents, stoves, maps etc.",
                    "The rain came anyway.",
                ],
            ),
            (
                "It was Smith vs. Jones in the final round.",
                &["It was Smith vs. Jones in the final round."],
            ),
            (
                "A portrait of John F. Kennedy hangs in the hall.",
                &["A portrait of John F. Kennedy hangs in the hall."],
            ),
            (
                "The law took effect on Jan. 1 this year.",
                &["The law took effect on Jan. 1 this year."],
            ),
            (
                "The hearing is set for Sept. 14 in Boston.",
                &["The hearing is set for Sept. 14 in Boston."],
            ),
        ],
    );
}

#[test]
fn ellipses() {
    check(
        "ellipses",
        &[
            (
                "The report was brief. ...a fall in exports, it said, was the cause.",
                &[
                    "The report was brief.",
                    "...a fall in exports, it said, was the cause.",
                ],
            ),
            (
                "The minister said the deal was ... not yet final.",
                &["The minister said the deal was ... not yet final."],
            ),
            (
                "We waited and waited... Then the doors opened.",
                &["We waited and waited...", "Then the doors opened."],
            ),
            (
                "The crowd fell silent… and then it roared.",
                &["The crowd fell silent… and then it roared."],
            ),
            (
                "The letter ended . . . and no one replied.",
                &["The letter ended . . . and no one replied."],
            ),
            (
                "The letter ended . . . No one replied.",
                &["The letter ended . . .", "No one replied."],
            ),
            (
                "He never finished the sentence.... The room went quiet.",
                &["He never finished the sentence....", "The room went quiet."],
            ),
            (
                "\"The state will pay [...] for every school,\" she said.",
                &["\"The state will pay [...] for every school,\" she said."],
            ),
            (
                "The text reads: \"We agree (...) to the terms.\" It was signed in May.",
                &[
                    "The text reads: \"We agree (...) to the terms.\"",
                    "It was signed in May.",
                ],
            ),
            (
                "The memo said the plan [\u{2026}] was approved by the board.",
                &["The memo said the plan [\u{2026}] was approved by the board."],
            ),
        ],
    );
}

#[test]
fn parentheticals() {
    check(
        "parentheticals",
        &[
            (
                "The senator (she was elected in 2018. She is now 44.) voted against the bill.",
                &["The senator (she was elected in 2018. She is now 44.) voted against the bill."],
            ),
            (
                "The firm lost money. (It had warned of this in May.) Its shares fell 9 percent.",
                &[
                    "The firm lost money.",
                    "(It had warned of this in May.)",
                    "Its shares fell 9 percent.",
                ],
            ),
            (
                "Growth slowed in the spring (Jones 2019, p. 12). Wages kept rising.",
                &[
                    "Growth slowed in the spring (Jones 2019, p. 12).",
                    "Wages kept rising.",
                ],
            ),
            (
                "The mayor (who had promised not to run again!) filed her papers on Monday.",
                &["The mayor (who had promised not to run again!) filed her papers on Monday."],
            ),
            (
                "Prices rose sharply [see chart]. Sales fell.",
                &["Prices rose sharply [see chart].", "Sales fell."],
            ),
        ],
    );
}

#[test]
fn exclamations_and_questions_in_names_and_quotations() {
    check(
        "! and ? in names and quotations",
        &[
            (
                "Does the night bus stop at Leeds?how long is the ride? Thanks",
                &[
                    "Does the night bus stop at Leeds?",
                    "how long is the ride?",
                    "Thanks",
                ],
            ),
            (
                "We asked if they deliver to the harbour? They said no, not on Sundays.",
                &[
                    "We asked if they deliver to the harbour?",
                    "They said no, not on Sundays.",
                ],
            ),
            (
                "She won $50,000 on Jeopardy! last year.",
                &["She won $50,000 on Jeopardy! last year."],
            ),
            (
                "The actor told E! News that he was retiring.",
                &["The actor told E! News that he was retiring."],
            ),
            (
                "Tickets for Mamma Mia! sold out in an hour.",
                &["Tickets for Mamma Mia! sold out in an hour."],
            ),
            (
                "\"Why?\" she asked. Nobody answered.",
                &["\"Why?\" she asked.", "Nobody answered."],
            ),
            (
                "\"Stop!\" he shouted. The car stopped.",
                &["\"Stop!\" he shouted.", "The car stopped."],
            ),
            (
                "“Where is the money?” asked the auditor.",
                &["“Where is the money?” asked the auditor."],
            ),
            (
                "Is the tax fair? Most voters say no.",
                &["Is the tax fair?", "Most voters say no."],
            ),
            (
                "What a result! The fans stayed for hours.",
                &["What a result!", "The fans stayed for hours."],
            ),
        ],
    );
}

#[test]
fn text_without_capitals() {
    check(
        "text without capitals",
        &[
            (
                "he said . the plan was approved on monday .",
                &["he said .", "the plan was approved on monday ."],
            ),
            (
                "the bank raised rates. it said inflation was too high. markets fell.",
                &[
                    "the bank raised rates.",
                    "it said inflation was too high.",
                    "markets fell.",
                ],
            ),
            (
                "the vote closed at 8 p.m. the count began an hour later.",
                &[
                    "the vote closed at 8 p.m.",
                    "the count began an hour later.",
                ],
            ),
            (
                "talks between the u.s. and china resume in may.",
                &["talks between the u.s. and china resume in may."],
            ),
            (
                "\"why?\" she asked. nobody answered.",
                &["\"why?\" she asked.", "nobody answered."],
            ),
            (
                "we waited... and waited. then the doors opened!",
                &["we waited... and waited.", "then the doors opened!"],
            ),
            (
                "a portrait of john f. kennedy hangs in the hall. it was painted in 1962.",
                &[
                    "a portrait of john f. kennedy hangs in the hall.",
                    "it was painted in 1962.",
                ],
            ),
            (
                "floods close schools\nheavy rain closed 40 schools on tuesday.",
                &[
                    "floods close schools",
                    "heavy rain closed 40 schools on tuesday.",
                ],
            ),
            (
                "lol that was close. see you tmrw?? ok bye",
                &["lol that was close.", "see you tmrw??", "ok bye"],
            ),
            (
                "related:\nfive things to know about the budget\nwhy bond yields are rising\nthe minister speaks at noon",
                &[
                    "related:",
                    "five things to know about the budget",
                    "why bond yields are rising",
                    "the minister speaks at noon",
                ],
            ),
            (
                "the phone offers\na brighter screen\ntwo-day battery life\na faster chip",
                &["the phone offers", "a brighter screen", "two-day battery life", "a faster chip"],
            ),
            (
                "floods close schools across the north of england today\nheavy rain closed 40 schools on tuesday in leeds, york and hull, officials said.",
                &[
                    "floods close schools across the north of england today",
                    "heavy rain closed 40 schools on tuesday in leeds, york and hull, officials said.",
                ],
            ),
            (
                "officials from the health ministry and the world health\norganization met in geneva on friday to discuss the\noutbreak, which has spread to nine countries since march.",
                &["officials from the health ministry and the world health\norganization met in geneva on friday to discuss the\noutbreak, which has spread to nine countries since march."],
            ),
            (
                "prices rose sharply in the capital over the past year\nsome families now spend half their income on rent. the\nmayor has promised action.",
                &[
                    "prices rose sharply in the capital over the past year",
                    "some families now spend half their income on rent.",
                    "the\nmayor has promised action.",
                ],
            ),
        ],
    );
}

#[test]
fn dotted_numbers_and_codes() {
    check(
        "dotted numbers and codes",
        &[
            (
                "The painting was sold as lot No. 318.42.7. It fetched $3 million.",
                &[
                    "The painting was sold as lot No. 318.42.7.",
                    "It fetched $3 million.",
                ],
            ),
            (
                "The fix ships in v2.0.1. Users should update.",
                &["The fix ships in v2.0.1.", "Users should update."],
            ),
            (
                "The rule is set out in § 3.2.1 of the treaty.",
                &["The rule is set out in § 3.2.1 of the treaty."],
            ),
            (
                "The attack came from 192.168.10.4. The firm blocked it.",
                &["The attack came from 192.168.10.4.", "The firm blocked it."],
            ),
            (
                "The train leaves at 10.30. It arrives at noon.",
                &["The train leaves at 10.30.", "It arrives at noon."],
            ),
            (
                "Inflation rose to 3.4 percent. Wages rose 2.9 percent.",
                &["Inflation rose to 3.4 percent.", "Wages rose 2.9 percent."],
            ),
            (
                "Send tips to news@example.org. We read every one.",
                &["Send tips to news@example.org.", "We read every one."],
            ),
            (
                "The full report is at https://example.com/report. It runs to 90 pages.",
                &[
                    "The full report is at https://example.com/report.",
                    "It runs to 90 pages.",
                ],
            ),
            (
                "Read more at www.example.com. Comments are closed.",
                &["Read more at www.example.com.", "Comments are closed."],
            ),
        ],
    );
}

/// Sentences never lose or reorder text: the e-mail address and the URL above end before
/// the full stop, which is its own token.
#[test]
fn addresses_at_a_sentence_end_leave_the_full_stop_out() {
    for (text, address) in [
        (
            "Send tips to news@example.org. We read every one.",
            "news@example.org",
        ),
        (
            "The full report is at https://example.com/report. It runs long.",
            "https://example.com/report",
        ),
        (
            "Read more at www.example.com. Comments are closed.",
            "www.example.com",
        ),
    ] {
        let a = analyze(text);
        let i = a.tokens().iter().position(|t| t.text == address);
        assert!(
            i.is_some(),
            "{text:?}: no token {address:?} in {:?}",
            a.tokens()
        );
        assert_eq!(a.tokens()[i.unwrap() + 1].text, ".", "{text:?}");
    }
}

#[test]
fn signatures_and_sign_offs() {
    check(
        "signatures and sign-offs",
        &[
            (
                "The rally ends at noon. -- Posted by the newsroom",
                &["The rally ends at noon.", "-- Posted by the newsroom"],
            ),
            (
                "Votes are still being counted. *** Polls closed at 8 p.m. in most states.",
                &[
                    "Votes are still being counted.",
                    "*** Polls closed at 8 p.m. in most states.",
                ],
            ),
            (
                "Please send the figures by Friday.\n\nThanks\nMaria",
                &["Please send the figures by Friday.", "Thanks", "Maria"],
            ),
            (
                "The crew fixed the roof in a day. Thanks Bud for all your help!",
                &[
                    "The crew fixed the roof in a day.",
                    "Thanks Bud for all your help!",
                ],
            ),
            (
                "Sent 03/09/2001 03:51 PM hi all - the desk meets at noon. Bring the figures.",
                &[
                    "Sent",
                    "03/09/2001 03:51 PM",
                    "hi all - the desk meets at noon.",
                    "Bring the figures.",
                ],
            ),
            (
                "Great service all round. Thanks Maria!",
                &["Great service all round.", "Thanks Maria!"],
            ),
            (
                "See you in May.\n\nAnna\n\nP.S. The tickets are in the post. PS. Bring a coat.",
                &[
                    "See you in May.",
                    "Anna",
                    "P.S. The tickets are in the post.",
                    "PS. Bring a coat.",
                ],
            ),
            (
                "The vote is on Monday.\n\nKaren, I sent you the draft. Well, I think so.",
                &[
                    "The vote is on Monday.",
                    "Karen,",
                    "I sent you the draft.",
                    "Well, I think so.",
                ],
            ),
            (
                "Hi, I want to book a room.\nFriday, May 8, 2009\nHowever, The rooms are full.",
                &[
                    "Hi, I want to book a room.",
                    "Friday, May 8, 2009",
                    "However, The rooms are full.",
                ],
            ),
            (
                "From: Jo Lee\nEmail: jo.lee@example.com Site is up! Email: \"Jo\" <jo@example.com> Today's news",
                &[
                    "From: Jo Lee",
                    "Email: jo.lee@example.com",
                    "Site is up!",
                    "Email: \"Jo\" <jo@example.com>",
                    "Today's news",
                ],
            ),
            (
                "Phone: 555-0100 Email: jo@example.com WWW: http://example.com\n\nWrite to jo@example.com. We reply fast.",
                &[
                    "Phone: 555-0100 Email: jo@example.com WWW: http://example.com",
                    "Write to jo@example.com.",
                    "We reply fast.",
                ],
            ),
        ],
    );
}
