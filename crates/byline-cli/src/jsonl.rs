//! `--jsonl`: one JSON object `{"id","text"}` per input line, one output line per non-blank
//! input line, in input order, on all cores, with memory bounded by one batch of lines.

use crate::args::{Args, Command};
use crate::output::{input_name, Output};
use byline::Pipeline;
use indicatif::{ProgressBar, ProgressStyle};
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::Serialize;
use serde_json::Value;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// At most this many lines are held in memory at once, per thread.
const LINES_PER_THREAD: usize = 64;
/// A batch is also cut when its lines reach this many bytes.
const BATCH_BYTES: usize = 32 << 20;

#[derive(Serialize)]
struct Line<'v, 'a> {
    id: &'v Value,
    #[serde(flatten)]
    body: Output<'v, 'a>,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a Value,
    error: String,
}

/// The result of one input line.
#[derive(Debug, Default)]
pub struct Done {
    /// The output line, without its line break.
    pub json: Vec<u8>,
    /// Whether the line was an error line.
    pub error: bool,
    /// Whitespace-separated words of the text (0 for an error line).
    pub words: usize,
}

fn json_line<T: Serialize>(value: &T) -> Vec<u8> {
    // Serializing plain structs of strings and numbers into memory cannot fail.
    serde_json::to_vec(value).unwrap_or_else(|e| {
        serde_json::to_vec(&ErrorLine {
            id: &Value::Null,
            error: format!("internal error: {e}"),
        })
        .unwrap_or_default()
    })
}

fn error_line(id: &Value, error: String) -> Done {
    Done {
        json: json_line(&ErrorLine { id, error }),
        error: true,
        words: 0,
    }
}

/// The `"id"` of a line that is not valid JSON, read up to the point of the error, when the
/// line is an object whose `"id"` member comes (whole) before that point.
pub fn recover_id(line: &str) -> Option<Value> {
    struct Probe<'a>(&'a mut Option<Value>);
    impl<'de> DeserializeSeed<'de> for Probe<'_> {
        type Value = ();
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_map(self)
        }
    }
    impl<'de> Visitor<'de> for Probe<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                if key == "id" {
                    // Kept even when a later member is broken: that is the point.
                    *self.0 = Some(map.next_value()?);
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(())
        }
    }
    let mut id = None;
    let mut de = serde_json::Deserializer::from_str(line);
    // The error is the one already reported; only the id matters here.
    let _ = Probe(&mut id).deserialize(&mut de);
    id
}

/// `line N, column C: not valid JSON: <what>` (a JSON line has no line breaks of its own, so
/// serde_json's "at line 1 column C" is restated as the column of input line N).
fn json_error(lineno: usize, e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let what = full.strip_suffix(&suffix).unwrap_or(&full);
    if e.line() == 0 {
        format!("line {lineno}: not valid JSON: {what}")
    } else {
        format!(
            "line {lineno}, column {}: not valid JSON: {what}",
            e.column()
        )
    }
}

/// Analyzes one input line (without its line break). `lineno` counts from 1.
pub fn process(line: &[u8], lineno: usize, pipeline: &Pipeline, command: Command) -> Done {
    let s = match std::str::from_utf8(line) {
        Ok(s) => s,
        Err(e) => {
            return error_line(
                &Value::Null,
                format!(
                    "line {lineno}: invalid UTF-8 at byte offset {} of the line",
                    e.valid_up_to()
                ),
            )
        }
    };
    let value: Value = match serde_json::from_str(s) {
        Ok(v) => v,
        Err(e) => {
            let id = recover_id(s).unwrap_or(Value::Null);
            return error_line(&id, json_error(lineno, &e));
        }
    };
    let id = value.get("id").unwrap_or(&Value::Null);
    let Some(text) = value.get("text").and_then(Value::as_str) else {
        return error_line(
            id,
            format!("line {lineno}: expected an object with a string field \"text\""),
        );
    };
    let doc = pipeline.analyze_view(text);
    Done {
        json: json_line(&Line {
            id,
            body: Output::of(command, &doc),
        }),
        error: false,
        words: text.split_whitespace().count(),
    }
}

/// Whether a line is empty or whitespace only (skipped: no output line, no error).
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// Reads up to `max_lines` non-blank lines (without `\n` / `\r\n`, with their line numbers)
/// into `batch`, counting lines from `*lineno`; returns the bytes read (0 at end of input).
fn read_batch(
    input: &mut dyn BufRead,
    batch: &mut Vec<(usize, Vec<u8>)>,
    lineno: &mut usize,
    max_lines: usize,
) -> io::Result<usize> {
    batch.clear();
    let mut bytes = 0;
    let mut held = 0;
    while batch.len() < max_lines && held < BATCH_BYTES {
        let mut line = Vec::new();
        let n = input.read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        bytes += n;
        *lineno += 1;
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        if !is_blank(&line) {
            held += line.len();
            batch.push((*lineno, line));
        }
    }
    Ok(bytes)
}

/// Processes `batch` on `threads` threads; results in input order.
fn process_batch(
    batch: &[(usize, Vec<u8>)],
    threads: usize,
    pipeline: &Pipeline,
    command: Command,
) -> Vec<Done> {
    if threads <= 1 || batch.len() <= 1 {
        return batch
            .iter()
            .map(|(n, l)| process(l, *n, pipeline, command))
            .collect();
    }
    let next = AtomicUsize::new(0);
    let mut parts: Vec<Vec<(usize, Done)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads.min(batch.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= batch.len() {
                            break mine;
                        }
                        let (n, line) = &batch[i];
                        mine.push((i, process(line, *n, pipeline, command)));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut slots: Vec<Option<Done>> = (0..batch.len()).map(|_| None).collect();
    for part in parts.iter_mut() {
        for (i, d) in part.drain(..) {
            slots[i] = Some(d);
        }
    }
    slots
        .into_iter()
        .zip(batch)
        .map(|(d, (n, _))| {
            d.unwrap_or_else(|| error_line(&Value::Null, format!("line {n}: internal error")))
        })
        .collect()
}

/// What a whole `--jsonl` run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Output lines written (documents and error lines).
    pub docs: usize,
    /// Error lines among them.
    pub errors: usize,
    /// Whitespace-separated words of the analysed texts.
    pub words: usize,
    /// Input lines read, blank ones included.
    pub lines: usize,
}

/// Why [`stream`] stopped early.
#[derive(Debug)]
pub enum Failure {
    /// The input could not be read.
    Read(io::Error),
    /// The output could not be written.
    Write(io::Error),
}

/// Reads JSON lines from `input` and writes one output line per non-blank input line to
/// `out`, in order, `threads` documents at a time. After each batch, `progress` gets the
/// input bytes of the batch and the output lines so far.
pub fn stream(
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    pipeline: &Pipeline,
    command: Command,
    threads: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Counts, Failure> {
    let mut c = Counts::default();
    let mut batch = Vec::new();
    let threads = threads.max(1);
    loop {
        let bytes = read_batch(input, &mut batch, &mut c.lines, LINES_PER_THREAD * threads)
            .map_err(Failure::Read)?;
        if bytes == 0 {
            break;
        }
        for done in process_batch(&batch, threads, pipeline, command) {
            out.write_all(&done.json).map_err(Failure::Write)?;
            out.write_all(b"\n").map_err(Failure::Write)?;
            c.errors += usize::from(done.error);
            c.words += done.words;
        }
        c.docs += batch.len();
        progress(bytes, c.docs);
    }
    Ok(c)
}

/// How a run shows its progress on standard error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Not at all: standard error is not a terminal, or standard output is (the bar would
    /// mix with the JSON).
    Hidden,
    /// A bar over the input file's bytes.
    Bytes(u64),
    /// A count of documents (standard input, whose size is unknown).
    Count,
}

impl Progress {
    /// The progress display for the given terminals and input size (`None`: standard input).
    pub fn choose(stderr_is_terminal: bool, stdout_is_terminal: bool, size: Option<u64>) -> Self {
        if !stderr_is_terminal || stdout_is_terminal {
            return Progress::Hidden;
        }
        size.map_or(Progress::Count, Progress::Bytes)
    }

    fn bar(self) -> Option<ProgressBar> {
        let (bar, template) = match self {
            Progress::Hidden => return None,
            Progress::Bytes(n) => (
                ProgressBar::new(n),
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            ),
            Progress::Count => (
                ProgressBar::new_spinner(),
                "{spinner} {pos} documents ({per_sec}) {elapsed}",
            ),
        };
        let style =
            ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar());
        Some(bar.with_style(style))
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The summary line printed on standard error at the end of a run.
pub fn summary(c: &Counts, secs: f64, threads: usize) -> String {
    format!(
        "byline: {}, {}, {} in {secs:.2} s ({:.0} words/s, {})",
        plural(c.docs, "document", "documents"),
        plural(c.errors, "error", "errors"),
        plural(c.words, "word", "words"),
        c.words as f64 / secs.max(1e-9),
        plural(threads, "thread", "threads"),
    )
}

/// Runs `byline <command> --jsonl` with `pipeline`.
pub fn run(args: &Args, pipeline: &Pipeline) -> io::Result<ExitCode> {
    let threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let (mut input, size): (Box<dyn BufRead>, Option<u64>) = match &args.file {
        Some(p) => match File::open(p) {
            Ok(f) => {
                let len = f.metadata().ok().map(|m| m.len());
                (Box::new(BufReader::with_capacity(1 << 20, f)), len)
            }
            Err(e) => {
                eprintln!("byline: cannot read {}: {e}", p.display());
                return Ok(ExitCode::from(1));
            }
        },
        None => (Box::new(BufReader::new(io::stdin().lock())), None),
    };
    let mode = Progress::choose(io::stderr().is_terminal(), io::stdout().is_terminal(), size);
    let bar = mode.bar();
    let start = Instant::now();
    let mut out = io::BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let result = stream(
        &mut *input,
        &mut out,
        pipeline,
        args.command,
        threads,
        &mut |bytes, docs| match (&bar, mode) {
            (Some(b), Progress::Count) => b.set_position(docs as u64),
            (Some(b), _) => b.inc(bytes as u64),
            _ => {}
        },
    );
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let counts = match result {
        Ok(c) => c,
        Err(Failure::Write(e)) => return Err(e),
        Err(Failure::Read(e)) => {
            out.flush()?;
            eprintln!(
                "byline: cannot read {}: {e}",
                input_name(args.file.as_deref())
            );
            return Ok(ExitCode::from(1));
        }
    };
    out.flush()?;
    eprintln!(
        "{}",
        summary(&counts, start.elapsed().as_secs_f64(), threads)
    );
    Ok(if counts.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_error_names_the_column_of_the_input_line() {
        let e = serde_json::from_str::<Value>("{\"id\": 3, \"text\" 1}").unwrap_err();
        assert_eq!(
            json_error(2, &e),
            "line 2, column 18: not valid JSON: expected `:`"
        );
    }
}
