//! `--jsonl`: one JSON object `{"id","text"}` per input line, one output line per input line,
//! in input order, on all cores, with memory bounded by one batch of lines.

use crate::args::Args;
use crate::{pipeline_for, to_json, write_line, Output};
use byline::Pipeline;
use indicatif::{ProgressBar, ProgressStyle};
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
struct Line<'a> {
    id: &'a Value,
    #[serde(flatten)]
    body: Output<'a>,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a Value,
    error: String,
}

/// The result of one input line.
struct Done {
    json: String,
    error: bool,
    words: usize,
}

/// Analyzes one input line (without its line break). `lineno` counts from 1.
fn process(line: &[u8], lineno: usize, pipeline: &Pipeline, args: &Args) -> Done {
    let err = |id: &Value, error: String| Done {
        json: to_json(&ErrorLine { id, error }, false),
        error: true,
        words: 0,
    };
    let s = match std::str::from_utf8(line) {
        Ok(s) => s,
        Err(e) => {
            return err(
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
        Err(e) => return err(&Value::Null, format!("line {lineno}: not valid JSON: {e}")),
    };
    let id = value.get("id").unwrap_or(&Value::Null);
    let Some(text) = value.get("text").and_then(Value::as_str) else {
        return err(
            id,
            format!("line {lineno}: expected an object with a string field \"text\""),
        );
    };
    let doc = pipeline.analyze(text);
    Done {
        json: to_json(
            &Line {
                id,
                body: Output::of(args.command, &doc),
            },
            false,
        ),
        error: false,
        words: text.split_whitespace().count(),
    }
}

/// Reads up to `max_lines` lines (without `\n` / `\r\n`) into `batch`; false at end of input.
fn read_batch(
    input: &mut dyn BufRead,
    batch: &mut Vec<Vec<u8>>,
    max_lines: usize,
) -> io::Result<usize> {
    batch.clear();
    let mut bytes = 0;
    while batch.len() < max_lines && bytes < BATCH_BYTES {
        let mut line = Vec::new();
        let n = input.read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        bytes += n;
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        batch.push(line);
    }
    Ok(bytes)
}

/// Processes `batch` on `threads` threads; results in input order.
fn process_batch(
    batch: &[Vec<u8>],
    first_lineno: usize,
    threads: usize,
    pipeline: &Pipeline,
    args: &Args,
) -> Vec<Done> {
    if threads <= 1 || batch.len() <= 1 {
        return batch
            .iter()
            .enumerate()
            .map(|(i, l)| process(l, first_lineno + i, pipeline, args))
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
                        mine.push((i, process(&batch[i], first_lineno + i, pipeline, args)));
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
        .enumerate()
        .map(|(i, d)| {
            d.unwrap_or_else(|| Done {
                json: to_json(
                    &ErrorLine {
                        id: &Value::Null,
                        error: format!("line {}: internal error", first_lineno + i),
                    },
                    false,
                ),
                error: true,
                words: 0,
            })
        })
        .collect()
}

pub fn run(args: &Args) -> io::Result<ExitCode> {
    let threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let (mut input, total): (Box<dyn BufRead>, Option<u64>) = match &args.file {
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
    let progress = if io::stderr().is_terminal() {
        let bar = match total {
            Some(n) => ProgressBar::new(n).with_style(
                ProgressStyle::with_template(
                    "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            ),
            None => ProgressBar::new_spinner(),
        };
        Some(bar)
    } else {
        None
    };

    let pipeline = pipeline_for(args);
    let start = Instant::now();
    let mut out = io::BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let (mut docs, mut errors, mut words) = (0usize, 0usize, 0usize);
    let mut batch = Vec::new();
    loop {
        let bytes = match read_batch(&mut *input, &mut batch, LINES_PER_THREAD * threads) {
            Ok(n) => n,
            Err(e) => {
                out.flush()?;
                eprintln!(
                    "byline: cannot read {}: {e}",
                    crate::input_name(args.file.as_deref())
                );
                return Ok(ExitCode::from(1));
            }
        };
        if batch.is_empty() {
            break;
        }
        for done in process_batch(&batch, docs + 1, threads, &pipeline, args) {
            write_line(&mut out, &done.json)?;
            errors += usize::from(done.error);
            words += done.words;
        }
        docs += batch.len();
        if let Some(bar) = &progress {
            bar.inc(bytes as u64);
        }
    }
    out.flush()?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "byline: {docs} documents, {errors} errors, {words} words in {secs:.2} s ({:.0} words/s, {threads} threads)",
        words as f64 / secs.max(1e-9)
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
