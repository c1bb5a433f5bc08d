//! The `byline --jsonl` reader on any bytes: one output line per non-blank input line, each a
//! JSON object with the input's `id`, an `"error"` exactly when the line is not an object with
//! a string `"text"`, and the command's fields otherwise.
#![no_main]
use byline::Pipeline;
use byline_cli::args::Command;
use byline_cli::jsonl::{is_blank, stream};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use std::sync::OnceLock;

const COMMANDS: [(Command, &str); 6] = [
    (Command::Tokenize, "tokens"),
    (Command::Sentences, "sentences"),
    (Command::Entities, "entities"),
    (Command::Quotes, "quotes"),
    (Command::Summarize, "summary"),
    (Command::Analyze, "schema"),
];

static PIPELINES: OnceLock<Vec<Pipeline>> = OnceLock::new();

fn pipelines() -> &'static [Pipeline] {
    PIPELINES.get_or_init(|| {
        COMMANDS
            .iter()
            .map(|&(c, _)| {
                // As the command's `pipeline_for` builds them.
                Pipeline::builder()
                    .tokens(c == Command::Tokenize)
                    .entities(matches!(
                        c,
                        Command::Entities | Command::Quotes | Command::Analyze
                    ))
                    .quotes(matches!(c, Command::Quotes | Command::Analyze))
                    .summary(matches!(c, Command::Summarize | Command::Analyze))
                    .build()
            })
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, input)) = data.split_first() else {
        return;
    };
    let which = usize::from(pick) % COMMANDS.len();
    let (command, field) = COMMANDS[which];
    let threads = 1 + usize::from(pick >> 7);
    let mut out = Vec::new();
    let counts = stream(
        &mut &input[..],
        &mut out,
        &pipelines()[which],
        command,
        threads,
        &mut |_, _| {},
    )
    .expect("reading from memory and writing to memory cannot fail");
    let expected: Vec<&[u8]> = input
        .split(|&b| b == b'\n')
        .filter(|l| !is_blank(l))
        .collect();
    let out = std::str::from_utf8(&out).expect("the output is UTF-8");
    let got: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    assert_eq!(
        got.len(),
        expected.len(),
        "one output line per non-blank line"
    );
    assert_eq!(counts.docs, got.len());
    for (line, o) in expected.iter().zip(&got) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let o = o.as_object().expect("each output line is an object");
        assert!(o.contains_key("id"), "no id in {o:?}");
        let good = serde_json::from_slice::<Value>(line)
            .ok()
            .filter(|v| v.get("text").is_some_and(Value::is_string));
        match good {
            Some(v) => {
                assert!(o.get("error").is_none(), "error for a good line: {o:?}");
                assert_eq!(o["id"], *v.get("id").unwrap_or(&Value::Null));
                assert!(o.contains_key(field), "{field} missing in {o:?}");
            }
            None => assert!(
                o.get("error").is_some_and(Value::is_string),
                "no error for a bad line: {o:?}"
            ),
        }
    }
});
