//! Time and memory of the quote finder as the input grows: one document of 1 MiB and one of
//! 8 MiB of each kind, timed and measured around `QuoteFinder::find` alone.
//!
//! ```sh
//! cargo run --release -p byline-eval --bin scale-quotes -- ../shared/data/cnndm/dev.jsonl \
//!     [--max-ratio 9.5] [--max-bytes-per-byte 24] [--max-vs-tokenize K] [--small-mib 1] \
//!     [--large-mib 8]
//! ```
//!
//! Kinds: `news` (CNN/DailyMail dev articles joined by blank lines, with their entities),
//! `marks` (straight `"` only), `letters` (one-letter words) and `nospace` (letters and
//! punctuation without spaces); the pathological kinds run with no entities, so that the
//! measure is the quote engine's, not the recognizer's. Time is CPU time of the process (which
//! other processes on a loaded machine do not inflate as they do wall time), the best of five
//! runs (of eight finds on the small document); memory
//! is the peak of live heap bytes during `find` above what was live before it (a counting
//! global allocator). Exit status 1 when the large document takes more than `--max-ratio`
//! times the small one's time (size ratio 8: linear is 8) or `find` peaks above
//! `--max-bytes-per-byte` bytes per input byte, or when finding the quotes of the small news
//! document takes more than `--max-vs-tokenize` times tokenizing it (a speed gate that load
//! on the machine moves little); 2 when the input is missing.

use byline_eval::heap;
use byline_quotes::QuoteFinder;
use std::process::ExitCode;

#[global_allocator]
static ALLOC: heap::Counting = heap::Counting;

fn usage() -> ExitCode {
    eprintln!(
        "usage: scale-quotes CNNDM.jsonl [--max-ratio R] [--max-bytes-per-byte B] \
         [--max-vs-tokenize K] [--small-mib N] [--large-mib N]"
    );
    ExitCode::from(2)
}

/// `unit` repeated (cycling through `units`) up to `size` bytes, cut at a char boundary.
fn build(units: &[String], separator: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + 64);
    for u in units.iter().cycle() {
        if out.len() >= size || units.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push_str(separator);
        }
        out.push_str(u);
    }
    let mut end = size.min(out.len());
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out
}

/// Timed runs per document; the best counts.
const RUNS: usize = 5;

/// Seconds of one `find` on `text` (the best of [`RUNS`] runs of `reps` finds each, divided by
/// `reps`), its peak heap bytes and the number of quotes.
fn measure(
    finder: &QuoteFinder,
    text: &str,
    with_entities: bool,
    reps: usize,
) -> (f64, usize, usize) {
    let analysis = byline_tokenize::analyze(text);
    let entities = if with_entities {
        byline_entities::Recognizer::new().recognize(&analysis)
    } else {
        byline_entities::Entities::default()
    };
    let mut best = f64::MAX;
    let mut peak = 0;
    let mut found = 0;
    for _ in 0..RUNS {
        let before = heap::reset_peak();
        let t = heap::cpu_seconds();
        let mut quotes = Vec::new();
        for _ in 0..reps.max(1) {
            quotes = finder.find(&analysis, &entities);
        }
        best = best.min((heap::cpu_seconds() - t) / reps.max(1) as f64);
        peak = peak.max(heap::peak().saturating_sub(before));
        found = quotes.len();
    }
    (best, peak, found)
}

/// Seconds of one `byline_tokenize::analyze` of `text`, timed as [`measure`] times `find`.
fn time_tokenize(text: &str, reps: usize) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..RUNS {
        let t = heap::cpu_seconds();
        for _ in 0..reps.max(1) {
            std::hint::black_box(byline_tokenize::analyze(std::hint::black_box(text)));
        }
        best = best.min((heap::cpu_seconds() - t) / reps.max(1) as f64);
    }
    best
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut path = None;
    let mut max_ratio = f64::MAX;
    let mut max_per_byte = f64::MAX;
    let mut max_vs_tokenize = f64::MAX;
    let (mut small, mut large) = (1usize, 8usize);
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let value = args.get(i + 1).and_then(|v| v.parse::<f64>().ok());
        match a {
            "--max-ratio"
            | "--max-bytes-per-byte"
            | "--max-vs-tokenize"
            | "--small-mib"
            | "--large-mib" => {
                let Some(v) = value else {
                    eprintln!("error: {a} needs a number");
                    return usage();
                };
                match a {
                    "--max-ratio" => max_ratio = v,
                    "--max-bytes-per-byte" => max_per_byte = v,
                    "--max-vs-tokenize" => max_vs_tokenize = v,
                    "--small-mib" => small = v as usize,
                    _ => large = v as usize,
                }
                i += 2;
            }
            _ if a.starts_with("--") => {
                eprintln!("error: unknown option {a}");
                return usage();
            }
            _ => {
                path = Some(a.to_string());
                i += 1;
            }
        }
    }
    let Some(path) = path else {
        return usage();
    };
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("error: cannot read {path} (expected CNN/DailyMail JSON lines with \"article\")");
        return ExitCode::from(2);
    };
    let articles: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("article").and_then(|a| a.as_str()).map(String::from))
        .collect();
    if articles.is_empty() {
        eprintln!("error: no articles in {path}");
        return ExitCode::from(2);
    }
    drop(data);
    let finder = QuoteFinder::new();
    let kinds: [(&str, Vec<String>, &str, bool); 4] = [
        ("news", articles, "\n\n", true),
        ("marks", vec!["\"".to_string()], "", false),
        ("letters", vec!["a".to_string()], " ", false),
        ("nospace", vec!["ab.cd,\"ef".to_string()], "", false),
    ];
    let expected_ratio = large as f64 / small.max(1) as f64;
    let mut failed = false;
    println!("kind     MiB   quotes    find s   peak MiB  bytes/byte");
    for (kind, units, separator, with_entities) in &kinds {
        let mut times = Vec::new();
        for mib in [small, large] {
            let text = build(units, separator, mib << 20);
            // (the small document as many times as it is smaller: the two timings take
            // about as long, so machine noise weighs the same on both)
            let reps = if mib == small {
                large / small.max(1)
            } else {
                1
            };
            let (secs, peak, found) = measure(&finder, &text, *with_entities, reps);
            let per_byte = peak as f64 / text.len().max(1) as f64;
            println!(
                "{kind:<8} {mib:>3} {found:>8} {secs:>9.3} {:>10.1} {per_byte:>11.1}",
                peak as f64 / (1 << 20) as f64
            );
            if per_byte > max_per_byte {
                println!("gate {kind} {mib} MiB: {per_byte:.1} bytes/byte > {max_per_byte} FAILED");
                failed = true;
            }
            times.push(secs);
            if *kind == "news" && mib == small {
                // quote finding against tokenizing the same text, timed alike: a speed gate
                // that machine load moves little (both slow down together)
                let tok = time_tokenize(&text, reps);
                let vs = secs / tok.max(1e-9);
                let gate = if max_vs_tokenize < f64::MAX {
                    let ok = vs <= max_vs_tokenize;
                    failed |= !ok;
                    format!(
                        ", max {max_vs_tokenize}: {}",
                        if ok { "ok" } else { "FAILED" }
                    )
                } else {
                    String::new()
                };
                println!(
                    "news: find takes {vs:.2}x the time of tokenizing ({:.3} s vs {tok:.3} s{gate})",
                    secs
                );
            }
        }
        let ratio = times[1] / times[0].max(1e-9);
        let ok = ratio <= max_ratio;
        let gate = if max_ratio < f64::MAX {
            format!(", max {max_ratio}: {}", if ok { "ok" } else { "FAILED" })
        } else {
            String::new()
        };
        println!(
            "{kind}: {large} MiB takes {ratio:.1}x the time of {small} MiB (size {expected_ratio:.0}x{gate})"
        );
        failed |= !ok;
    }
    if failed {
        eprintln!("error: a scale gate failed (see above)");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
