//! The command as a user meets it: per-command help, errors in command-line terms, JSON-lines
//! errors that keep the id and name the column, blank lines, progress display.

use byline::Pipeline;
use byline_cli::args::Command as Cmd;
use byline_cli::jsonl::{self, Progress};
use serde_json::{json, Value};
use std::process::Output;

mod common;
use common::byline;

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

#[test]
fn invalid_json_keeps_an_id_read_before_the_error() {
    let input = concat!(
        "{\"id\": \"x7\", \"text\" \"colon missing\"}\n",
        "{\"text\": oops, \"id\": 9}\n",
        "{\"id\": {\"n\": [1, 2]}, \"text\": \"open\n",
        "[\"id\", 3\n",
        "{\"id\": 4\n",
    );
    let out = byline(&["sentences", "--jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<Value> = lines(&out).into_iter().map(|l| l["id"].clone()).collect();
    assert_eq!(
        ids,
        vec![
            json!("x7"),
            Value::Null,
            json!({"n": [1, 2]}),
            Value::Null,
            json!(4)
        ]
    );
}

#[test]
fn invalid_json_names_the_column_of_the_input_line() {
    let input = "{\"id\":1,\"text\":\"Fine.\"}\n{\"id\": 3, \"text\" 1}\n";
    let out = byline(&["tokenize", "--jsonl"], input.as_bytes());
    let l = lines(&out);
    let err = l[1]["error"].as_str().unwrap();
    assert_eq!(err, "line 2, column 18: not valid JSON: expected `:`");
    assert_eq!(l[1]["id"], 3);
}

#[test]
fn blank_and_whitespace_lines_are_skipped_not_errors() {
    let input =
        "{\"id\":\"a\",\"text\":\"One.\"}\n\n   \t\n\r\n{\"id\":\"b\",\"text\":\"Two.\"}\n\n";
    let out = byline(&["sentences", "--jsonl"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let l = lines(&out);
    assert_eq!(l.len(), 2);
    assert_eq!((&l[0]["id"], &l[1]["id"]), (&json!("a"), &json!("b")));
    assert!(stderr(&out).contains("byline: 2 documents, 0 errors, 2 words"));
    // Line numbers still count the blank lines.
    let out = byline(&["sentences", "--jsonl"], b"\n\nnope\n");
    assert!(lines(&out)[0]["error"]
        .as_str()
        .unwrap()
        .starts_with("line 3, column 2: not valid JSON"));
}

#[test]
fn summary_line_uses_singular_for_one() {
    let out = byline(
        &["sentences", "--jsonl", "--threads", "1"],
        b"{\"id\":1,\"text\":\"Hello\"}\n{\"id\":2}\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("byline: 2 documents, 1 error, 1 word in ") && err.contains("1 thread)"),
        "{err}"
    );
}

#[test]
fn command_help_prints_that_commands_options() {
    for (cmd, has, lacks) in [
        ("summarize", "--sentences N", "--conll"),
        ("entities", "--conll", "--sentences"),
        ("tokenize", "{\"tokens\":", "--ratio"),
        ("analyze", "--tokens", "--conll"),
    ] {
        for args in [
            vec![cmd, "--help"],
            vec!["help", cmd],
            vec![cmd, "-h", "x.txt"],
        ] {
            let out = byline(&args, b"");
            assert!(out.status.success());
            let page = String::from_utf8(out.stdout).unwrap();
            assert!(page.starts_with(&format!("byline {cmd}: ")), "{page}");
            assert!(page.contains(has), "{cmd}: {page}");
            assert!(!page.contains(lacks), "{cmd}: {page}");
            assert!(!page.contains("COMMANDS:"), "{cmd}: {page}");
            assert!(page.contains("\n    --jsonl "), "{cmd}: {page}");
        }
    }
    let global = String::from_utf8(byline(&["--help"], b"").stdout).unwrap();
    assert!(global.contains("COMMANDS:") && global.contains("<COMMAND> --help"));
}

#[test]
fn budget_errors_speak_command_line() {
    for (flag, value, says) in [
        (
            "--sentences",
            "0",
            "--sentences must be at least 1, e.g. `--sentences 3`",
        ),
        ("--words", "0", "--words must be at least 1"),
        ("--chars", "0", "--chars must be at least 1"),
        ("--ratio", "1.5", "--ratio 1.5 is out of range"),
        ("--ratio", "0", "--ratio 0 is out of range"),
    ] {
        let out = byline(&["summarize", flag, value], b"A sentence.");
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(err.contains(says), "{err}");
        assert!(!err.contains("Budget"), "{err}");
    }
}

#[test]
fn threads_without_jsonl_is_rejected() {
    let out = byline(&["quotes", "--threads", "2"], b"He said.");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("--threads goes with --jsonl"));
    let ok = byline(&["quotes", "--jsonl", "--threads", "2"], b"");
    assert!(ok.status.success());
}

#[test]
fn progress_draws_only_when_stdout_is_not_the_terminal() {
    assert_eq!(Progress::choose(true, true, Some(10)), Progress::Hidden);
    assert_eq!(Progress::choose(true, true, None), Progress::Hidden);
    assert_eq!(Progress::choose(false, false, Some(10)), Progress::Hidden);
    assert_eq!(Progress::choose(true, false, Some(10)), Progress::Bytes(10));
    assert_eq!(Progress::choose(true, false, None), Progress::Count);
}

#[test]
fn stream_reports_progress_after_each_batch_and_counts_lines() {
    let pipeline = Pipeline::builder()
        .entities(false)
        .quotes(false)
        .summary(false)
        .build();
    let input = b"{\"id\":1,\"text\":\"A b.\"}\n\n{\"id\":2,\"text\":\"C.\"}\n";
    let mut out = Vec::new();
    let mut seen = Vec::new();
    let counts = jsonl::stream(
        &mut &input[..],
        &mut out,
        &pipeline,
        Cmd::Sentences,
        1,
        &mut |bytes, docs| seen.push((bytes, docs)),
    )
    .unwrap();
    assert_eq!((counts.docs, counts.errors, counts.lines), (2, 0, 3));
    assert_eq!(seen, vec![(input.len(), 2)]);
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
}

#[test]
fn the_binary_is_not_documented_over_the_library() {
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let bin = &manifest[manifest.find("[[bin]]").expect("a [[bin]] section")..];
    let bin = &bin[..bin[1..].find("\n[").map_or(bin.len(), |i| i + 1)];
    assert!(bin.contains("name = \"byline\""), "{bin}");
    assert!(bin.contains("doc = false"), "{bin}");
}
