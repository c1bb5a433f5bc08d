//! Time and memory of the quote finder as the input grows: one document of 1 MiB and one of
//! 8 MiB of each kind, timed and measured around `QuoteFinder::find` alone.
//!
//! ```sh
//! cargo run --release -p byline-eval --bin scale-quotes -- ../shared/data/cnndm/dev.jsonl \
//!     [--max-ratio 9.5] [--max-bytes-per-byte 24] [--max-vs-tokenize K] [--small-mib 1] \
//!     [--large-mib 8] [--kinds news,marks,letters,nospace]
//! ```
//!
//! Kinds: `news` (CNN/DailyMail dev articles joined by blank lines, with their entities),
//! `marks` (straight `"` only), `letters` (one-letter words) and `nospace` (letters and
//! punctuation without spaces); the pathological kinds run with no entities, so that the
//! measure is the quote engine's, not the recognizer's. Time is CPU time of the process (which
//! other processes on a loaded machine do not inflate as they do wall time), the best of seven
//! runs (of eight finds on the small document), the two sizes taking turns; memory
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
         [--max-vs-tokenize K] [--small-mib N] [--large-mib N] [--kinds news,marks,letters,nospace]"
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
const RUNS: usize = 7;

/// One document ready for `find`, with its timings so far.
struct Prepared<'t> {
    text: &'t str,
    analysis: byline_tokenize::Analysis<'t>,
    entities: byline_entities::Entities,
    /// Finds per timed run.
    reps: usize,
    /// Seconds of one `find` (the best run, divided by `reps`).
    best: f64,
    /// Seconds of one tokenizing of the text, when timed (see [`Prepared::time_tokenize`]).
    tokenize: f64,
    peak: usize,
    found: usize,
}

impl<'t> Prepared<'t> {
    fn new(text: &'t str, with_entities: bool, reps: usize) -> Prepared<'t> {
        let analysis = byline_tokenize::analyze(text);
        let entities = if with_entities {
            byline_entities::Recognizer::new().recognize(&analysis)
        } else {
            byline_entities::Entities::default()
        };
        Prepared {
            text,
            analysis,
            entities,
            reps: reps.max(1),
            best: f64::MAX,
            tokenize: f64::MAX,
            peak: 0,
            found: 0,
        }
    }

    /// One timed run of `reps` finds: CPU time and peak heap above what was live before.
    fn time_find(&mut self, finder: &QuoteFinder) {
        let before = heap::reset_peak();
        let t = heap::cpu_seconds();
        let mut quotes = Vec::new();
        for _ in 0..self.reps {
            quotes = finder.find(&self.analysis, &self.entities);
        }
        self.best = self.best.min((heap::cpu_seconds() - t) / self.reps as f64);
        self.peak = self.peak.max(heap::peak().saturating_sub(before));
        self.found = quotes.len();
    }

    /// One timed run of `reps` tokenizings of the text, timed as [`Prepared::time_find`].
    fn time_tokenize(&mut self) {
        let t = heap::cpu_seconds();
        for _ in 0..self.reps {
            std::hint::black_box(byline_tokenize::analyze(std::hint::black_box(self.text)));
        }
        self.tokenize = self
            .tokenize
            .min((heap::cpu_seconds() - t) / self.reps as f64);
    }
}

fn main() -> ExitCode {
    // (fresh pages for big allocations at both sizes, as in scale-check)
    heap::same_memory_conditions();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut path = None;
    let mut max_ratio = f64::MAX;
    let mut max_per_byte = f64::MAX;
    let mut max_vs_tokenize = f64::MAX;
    let mut only: Option<Vec<String>> = None;
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
            "--kinds" => {
                let Some(v) = args.get(i + 1) else {
                    eprintln!("error: --kinds needs a list, e.g. news,marks");
                    return usage();
                };
                only = Some(v.split(',').map(str::to_string).collect());
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
    let articles = byline_eval::cli::texts_or_exit("scale-quotes", &path, "article", usize::MAX);
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
        if only.as_ref().is_some_and(|o| !o.iter().any(|k| k == kind)) {
            continue;
        }
        let texts: Vec<(usize, String)> = [small, large]
            .iter()
            .map(|&mib| (mib, build(units, separator, mib << 20)))
            .collect();
        // (the small document as many times as it is smaller: the two timings take about as
        // long, so machine noise weighs the same on both)
        let mut docs: Vec<Prepared<'_>> = texts
            .iter()
            .map(|(mib, text)| {
                let reps = if *mib == small {
                    large / small.max(1)
                } else {
                    1
                };
                Prepared::new(text, *with_entities, reps)
            })
            .collect();
        // the sizes take turns, so that a burst of load on the machine hits both
        for _ in 0..RUNS {
            for d in docs.iter_mut() {
                d.time_find(&finder);
            }
            if *kind == "news" {
                docs[0].time_tokenize();
            }
        }
        let mut times = Vec::new();
        for ((mib, text), d) in texts.iter().zip(&docs) {
            let per_byte = d.peak as f64 / text.len().max(1) as f64;
            println!(
                "{kind:<8} {mib:>3} {:>8} {:>9.3} {:>10.1} {per_byte:>11.1}",
                d.found,
                d.best,
                d.peak as f64 / (1 << 20) as f64
            );
            if per_byte > max_per_byte {
                println!("gate {kind} {mib} MiB: {per_byte:.1} bytes/byte > {max_per_byte} FAILED");
                failed = true;
            }
            times.push(d.best);
        }
        if *kind == "news" {
            // quote finding against tokenizing the same text, timed alike: a speed gate that
            // machine load moves little (both slow down together)
            let (find, tok) = (docs[0].best, docs[0].tokenize);
            let vs = find / tok.max(1e-9);
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
                "news: finding quotes takes {vs:.2}x the time of tokenizing ({small} MiB: {find:.3} s vs {tok:.3} s{gate})"
            );
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
