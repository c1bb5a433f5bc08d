//! Bad input never panics and never loses text, through every layer of the pipeline.
//!
//! These inputs are adversarial for a quadratic implementation (long runs of quote marks,
//! capitalised words, sentences without ends): a layer that is not linear makes this test
//! run for minutes instead of seconds, which CI's time limit turns into a failure.

use byline::{Document, Pipeline};

fn check(text: &str, doc: &Document) {
    let spans = doc
        .paragraphs
        .iter()
        .chain(&doc.sentences)
        .map(|s| (s.start, s.end))
        .chain(doc.entities.iter().map(|e| (e.start, e.end)))
        .chain(doc.quotes.iter().map(|q| (q.start, q.end)))
        .chain(
            doc.quotes
                .iter()
                .flat_map(|q| q.parts.iter().map(|p| (p[0], p[1]))),
        )
        .chain(
            doc.quotes
                .iter()
                .filter_map(|q| q.speaker.as_ref())
                .map(|s| (s.start, s.end)),
        )
        .chain(doc.summary.iter().map(|s| (s.start, s.end)))
        .chain(doc.tokens.iter().flatten().map(|t| (t.start, t.end)));
    for (start, end) in spans {
        assert!(
            start <= end && end <= text.len(),
            "{start}..{end} out of range"
        );
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    }
    // Tokens cover every non-whitespace character, in order, without overlap.
    let tokens = doc.tokens.as_ref().expect("tokens requested");
    let mut covered = 0;
    for t in tokens {
        assert!(t.start >= covered, "tokens overlap or go backwards");
        assert!(
            text[covered..t.start].chars().all(char::is_whitespace),
            "text lost before {}",
            t.start
        );
        covered = t.end;
    }
    assert!(
        text[covered..].chars().all(char::is_whitespace),
        "text lost at the end"
    );
}

fn run(text: &str) {
    let doc = Pipeline::builder().tokens(true).build().analyze(text);
    check(text, &doc);
}

#[test]
fn quote_marks_in_long_runs() {
    run(&"\"".repeat(50_000));
    run(&"“".repeat(50_000));
    run(&"” ".repeat(30_000));
    run(&"'".repeat(50_000));
    run(&"“He said,” she said. ".repeat(3_000));
    run(&"“Unclosed quote, ".repeat(5_000));
    run(&"He said: “a ‘b “c ’d” e. ".repeat(3_000));
}

#[test]
fn long_lines_and_capitals() {
    run(&"x".repeat(200_000));
    run(&"Word".repeat(50_000));
    run(&"Putin Said Moscow Russia ".repeat(10_000));
    run(&"THE PRESIDENT SAID ON TUESDAY THAT THE TALKS HAD FAILED. ".repeat(2_000));
    run(&"no capital letters or full stops anywhere in this text ".repeat(4_000));
    run(&"Mr. ".repeat(30_000));
    run(&"A. ".repeat(30_000));
    run(&"1,000.5 $3 80% ".repeat(10_000));
    run(&"http://example.com/a?b=c ".repeat(5_000));
}

#[test]
fn control_characters_scripts_and_emoji() {
    run("\u{0}\u{1}\u{2}\u{7f}\u{feff}\u{200b}\u{2028}\u{2029}");
    run(&"Москва заявила, — «мы готовы». 東京で会議。 مرحبا 😀👍🏽 ".repeat(2_000));
    run(&"\r\n\r\n\t \u{a0}".repeat(10_000));
    run("");
}
