//! A stray quotation mark (`“`, `”`, `‘`, `«`) anywhere in an article must not swallow it:
//! the quotes after it are still found, with their speakers.

use byline_quotes::{Quote, QuoteFinder};

fn find(text: &str) -> Vec<Quote> {
    let analysis = byline_tokenize::analyze(text);
    let entities = byline_entities::Recognizer::new().recognize(&analysis);
    QuoteFinder::new().find(&analysis, &entities)
}

/// (content, speaker mention) of each quote.
fn pairs(text: &str) -> Vec<(String, Option<String>)> {
    find(text)
        .iter()
        .map(|q| {
            (
                q.span.text(text).to_string(),
                q.speaker.as_ref().map(|s| s.span.text(text).to_string()),
            )
        })
        .collect()
}

const PARAGRAPHS: [&str; 4] = [
    "The city council voted on Tuesday to close the old bridge for repairs.",
    "“This is a good day for commuters,” Mayor Ana Reyes said after the vote.",
    "Councillor Tom Hale said the cost estimates were unrealistic.",
    "\"We will be watching every dollar,\" said Hale after the vote.",
];

/// The quotes each of the article's paragraphs should give.
fn expected() -> Vec<(String, Option<String>)> {
    [
        ("This is a good day for commuters,", "Mayor Ana Reyes"),
        ("the cost estimates were unrealistic", "Councillor Tom Hale"),
        ("We will be watching every dollar,", "Hale"),
    ]
    .iter()
    .map(|(c, s)| (c.to_string(), Some(s.to_string())))
    .collect()
}

#[test]
fn the_article_without_stray_marks() {
    assert_eq!(pairs(&PARAGRAPHS.join("\n\n")), expected());
    // the same article as one line (as CNN/DailyMail texts come)
    assert_eq!(pairs(&PARAGRAPHS.join(" ")), expected());
}

#[test]
fn a_stray_mark_at_the_start_middle_or_end_of_a_paragraph() {
    for mark in ["“", "”", "‘", "«", "\""] {
        for separator in ["\n\n", " "] {
            for p in 0..PARAGRAPHS.len() {
                // start and end of paragraph p, and after its first word
                let first_space = PARAGRAPHS[p].find(' ').unwrap_or(0);
                let variants = [
                    format!("{mark}{}", PARAGRAPHS[p]),
                    format!("{} {mark}", PARAGRAPHS[p]),
                    format!(
                        "{} {mark}{}",
                        &PARAGRAPHS[p][..first_space],
                        &PARAGRAPHS[p][first_space + 1..]
                    ),
                ];
                for (k, variant) in variants.into_iter().enumerate() {
                    // An opening mark at the start of a paragraph that is never closed, before
                    // a paragraph that opens with a mark of the same family, is the convention
                    // of a quotation over several paragraphs: no way to tell it from a stray.
                    let next_opens = PARAGRAPHS
                        .get(p + 1)
                        .is_some_and(|n| n.starts_with(mark) && matches!(mark, "“" | "\""));
                    if k == 0 && next_opens && separator == "\n\n" {
                        continue;
                    }
                    let mut paragraphs: Vec<String> =
                        PARAGRAPHS.iter().map(|s| s.to_string()).collect();
                    paragraphs[p] = variant;
                    let text = paragraphs.join(separator);
                    // the quotes of the paragraphs after the stray mark are all there
                    let found = pairs(&text);
                    // (paragraph p holds quote p - 1)
                    for want in expected().into_iter().skip(p) {
                        assert!(
                            found.contains(&want),
                            "{want:?} missing in {text:?}: {found:?}"
                        );
                    }
                    // and no quote runs over more than one paragraph
                    assert!(
                        found.iter().all(|(c, _)| c.len() < 90),
                        "a swallowing quote in {text:?}: {found:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_stray_mark_at_the_start_or_end_of_the_document() {
    for mark in ["“", "”", "‘", "«", "\""] {
        for separator in ["\n\n", " "] {
            let body = PARAGRAPHS.join(separator);
            for (k, text) in [
                format!("{mark}{body}"),
                format!("{body} {mark}"),
                format!("{body}{mark}"),
            ]
            .into_iter()
            .enumerate()
            {
                // (an opening mark never closed before a paragraph that opens with one: a
                // quotation over several paragraphs, see above)
                if k == 0 && mark == "“" && separator == "\n\n" {
                    continue;
                }
                assert_eq!(pairs(&text), expected(), "in {text:?}");
            }
        }
    }
}
