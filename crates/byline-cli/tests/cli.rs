//! End-to-end tests of the `byline` command: the JSON contract, --jsonl, errors.

use serde_json::{json, Value};
use std::process::Output;

mod common;
use common::byline;

fn json_out(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

/// A ten-paragraph news article of our own writing (the seed article does not ship in a crate).
fn seed() -> String {
    include_str!("article.txt").to_string()
}

#[test]
fn tokenize_prints_tokens_with_byte_offsets_and_kinds() {
    let out = json_out(&byline(
        &["tokenize"],
        "(CNN) — Syria’s president said.".as_bytes(),
    ));
    let got: Vec<(u64, u64, &str, &str)> = out["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["start"].as_u64().unwrap(),
                t["end"].as_u64().unwrap(),
                t["text"].as_str().unwrap(),
                t["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (0, 1, "(", "punct"),
            (1, 4, "CNN", "word"),
            (4, 5, ")", "punct"),
            (6, 9, "—", "punct"),
            (10, 15, "Syria", "word"),
            (15, 19, "’s", "word"),
            (20, 29, "president", "word"),
            (30, 34, "said", "word"),
            (34, 35, ".", "punct"),
        ]
    );
}

#[test]
fn sentences_and_paragraphs() {
    let text = "The vote was close. Mr. Hale lost.\n\nA new paragraph";
    let out = json_out(&byline(&["sentences"], text.as_bytes()));
    assert_eq!(
        out,
        json!({
            "sentences": [
                {"start": 0, "end": 19, "text": "The vote was close."},
                {"start": 20, "end": 34, "text": "Mr. Hale lost."},
                {"start": 36, "end": 51, "text": "A new paragraph"},
            ],
            "paragraphs": [
                {"start": 0, "end": 34, "text": "The vote was close. Mr. Hale lost."},
                {"start": 36, "end": 51, "text": "A new paragraph"},
            ]
        })
    );
}

#[test]
fn jsonl_keeps_order_ids_and_reports_bad_lines_in_place() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":\"a\",\"text\":\"One. Two.\"}\n");
    input.extend_from_slice(b"not json\n");
    input.extend_from_slice(b"{\"id\":7,\"body\":\"no text field\"}\n");
    input.extend_from_slice(b"{\"id\":\"bad\",\"text\":\"caf\xff\"}\n");
    input.extend_from_slice(b"{\"id\":[1],\"text\":\"\"}\n");
    let out = byline(&["sentences", "--jsonl"], &input);
    assert_eq!(out.status.code(), Some(1), "bad lines give a non-zero exit");
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(lines[1]["id"], Value::Null);
    assert!(lines[1]["error"].as_str().unwrap().contains("line 2"));
    assert_eq!(lines[2]["id"], 7);
    assert!(lines[2]["error"].as_str().unwrap().contains("\"text\""));
    assert_eq!(lines[3]["id"], Value::Null);
    assert!(lines[3]["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(lines[4]["id"], json!([1]));
    assert_eq!(lines[4]["sentences"], json!([]));
}

#[test]
fn jsonl_output_is_the_same_on_one_and_two_threads() {
    let seed = seed();
    let mut input = String::new();
    for (i, para) in seed.split("\n\n").enumerate() {
        input.push_str(&serde_json::to_string(&json!({"id": i, "text": para})).unwrap());
        input.push('\n');
    }
    let one = byline(&["analyze", "--jsonl", "--threads", "1"], input.as_bytes());
    let two = byline(&["analyze", "--jsonl", "--threads", "2"], input.as_bytes());
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(
        String::from_utf8(one.stdout).unwrap().lines().count(),
        seed.split("\n\n").count()
    );
    let summary = String::from_utf8(two.stderr).unwrap();
    assert!(summary.contains("documents, 0 errors"), "{summary}");
}

#[test]
fn analyze_prints_the_whole_document() {
    let out = json_out(&byline(&["analyze"], seed().as_bytes()));
    assert_eq!(out["schema"], "byline/1");
    for field in [
        "paragraphs",
        "sentences",
        "entities",
        "clusters",
        "quotes",
        "summary",
    ] {
        assert!(out[field].is_array(), "{field}");
    }
    assert!(out.get("tokens").is_none(), "tokens only with --tokens");
    assert_eq!(out["paragraphs"].as_array().unwrap().len(), 10);
    assert_eq!(out["summary"].as_array().unwrap().len(), 3);
    let with_tokens = json_out(&byline(&["analyze", "--tokens"], b"A b."));
    assert_eq!(with_tokens["tokens"].as_array().unwrap().len(), 3);
}

#[test]
fn summarize_takes_a_budget() {
    let out = json_out(&byline(
        &["summarize", "--sentences", "1"],
        seed().as_bytes(),
    ));
    let summary = out["summary"].as_array().unwrap();
    assert_eq!(summary.len(), 1);
    let s = &summary[0];
    let (start, end) = (
        s["start"].as_u64().unwrap() as usize,
        s["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&seed()[start..end], s["text"].as_str().unwrap());
}

/// A story written for this test: a quote, a repeated name, a restated lead. `summarize` and
/// `analyze` must print the same summary, for every budget.
#[test]
fn summarize_and_analyze_give_the_same_summary() {
    let story = "Flood waters reached the center of Harlow on Friday, forcing 2,000 people from their homes. \
        \"The river has never come this high,\" said Mayor Dana Whitcombe, who toured the town by boat. \
        Whitcombe asked the national government for emergency funds. \
        Forecasters expect more rain in Harlow over the weekend. \
        The Harlow fire brigade rescued 40 people from rooftops overnight. \
        Schools in the town will stay closed until Wednesday. \
        Flood waters forced 2,000 people in Harlow from their homes on Friday, officials said.";
    for budget in [
        &["--sentences", "1"][..],
        &["--sentences", "3"],
        &["--words", "40"],
        &["--ratio", "0.5"],
    ] {
        let mut s_args = vec!["summarize"];
        s_args.extend_from_slice(budget);
        let mut a_args = vec!["analyze"];
        a_args.extend_from_slice(budget);
        let s = json_out(&byline(&s_args, story.as_bytes()));
        let a = json_out(&byline(&a_args, story.as_bytes()));
        let summary = s["summary"].as_array().unwrap();
        assert!(!summary.is_empty(), "{budget:?}");
        assert_eq!(s["summary"], a["summary"], "{budget:?}");
    }
}

#[test]
fn invalid_utf8_and_missing_files_are_named() {
    let dir = std::env::temp_dir().join(format!("byline-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("latin1.txt");
    std::fs::write(&bad, b"Caf\xe9 au lait").unwrap();
    let out = byline(&["tokenize", bad.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("latin1.txt") && err.contains("byte offset 3"),
        "{err}"
    );

    let missing = dir.join("missing.txt");
    let out = byline(&["quotes", missing.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("missing.txt"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_exit_2_and_help_has_examples() {
    let out = byline(&["nonsense"], b"");
    assert_eq!(out.status.code(), Some(2));
    let help = byline(&["--help"], b"");
    assert!(help.status.success());
    assert!(String::from_utf8(help.stdout).unwrap().contains("EXAMPLES"));
}

#[test]
fn entities_conll_appends_one_tag_per_line() {
    let input = "-DOCSTART- -X- O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\nBRUSSELS NNP I-NP I-LOC\n";
    let out = byline(&["entities", "--conll"], input.as_bytes());
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), input.lines().count());
    assert_eq!(lines[2], "Peter NNP I-NP I-PER B-PER");
    assert_eq!(lines[3], "Blackburn NNP I-NP I-PER I-PER");
    assert_eq!(lines[5], "BRUSSELS NNP I-NP I-LOC B-LOC");
}
