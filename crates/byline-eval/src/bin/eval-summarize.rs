//! Scores byline's extractive summaries against CNN/DailyMail highlights, next to Lead-3.
//!
//! ```text
//! cargo run --release -p byline-eval --bin eval-summarize -- ../shared/data/cnndm/dev.jsonl \
//!     --gate-lead3 [--min-r1-gain 1.0] [--from 700] [--to 1000] [--sentences 3]
//! ```
//!
//! Lead-3 is the first three sentences of our sentence splitter; byline picks three sentences
//! with the default [`byline_summarize::Summarizer`]. Scores are rouge-score F1 (Porter
//! stemming, ROUGE-Lsum with one sentence a line) averaged over articles.
//! `--dump FILE` writes one JSON line per article (`reference`, `lead`, `byline`, one sentence a
//! line) so the scores can be recomputed with the Python `rouge-score` package.
//! Exit status: 1 when a gate fails, 2 when the input file is missing or unreadable.

use byline_eval::rouge::{self, MeanF1};
use byline_summarize::{Budget, Summarizer};
use std::process::exit;

fn usage() -> ! {
    eprintln!(
        "usage: eval-summarize <cnndm.jsonl> [--gate-lead3] [--min-r1-gain X] [--from N] [--to M] [--sentences K] [--dump FILE]"
    );
    exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut path = None;
    let mut gate = false;
    let mut min_gain: Option<f64> = None;
    let mut dump: Option<String> = None;
    let (mut from, mut to, mut k) = (0usize, usize::MAX, 3usize);
    let mut i = 0;
    while i < args.len() {
        let val = |i: usize| args.get(i + 1).cloned().unwrap_or_else(|| usage());
        match args[i].as_str() {
            "--gate-lead3" => gate = true,
            "--min-r1-gain" => {
                min_gain = Some(val(i).parse().unwrap_or_else(|_| usage()));
                i += 1;
            }
            "--dump" => {
                dump = Some(val(i));
                i += 1;
            }
            "--from" => {
                from = val(i).parse().unwrap_or_else(|_| usage());
                i += 1;
            }
            "--to" => {
                to = val(i).parse().unwrap_or_else(|_| usage());
                i += 1;
            }
            "--sentences" => {
                k = val(i).parse().unwrap_or_else(|_| usage());
                i += 1;
            }
            "-h" | "--help" => usage(),
            p if !p.starts_with("--") && path.is_none() => path = Some(p.to_string()),
            other => {
                eprintln!("eval-summarize: unknown argument {other:?}");
                usage()
            }
        }
        i += 1;
    }
    let Some(path) = path else { usage() };
    let articles = match rouge::read_cnndm(&path) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("eval-summarize: cannot read input file {path}: {e}");
            exit(2)
        }
    };
    let budget = match Budget::sentences(k) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("eval-summarize: --sentences: {e}");
            exit(2)
        }
    };
    let to = to.min(articles.len());
    let from = from.min(to);
    let summarizer = Summarizer::new();
    let (mut lead, mut ours) = (MeanF1::default(), MeanF1::default());
    let t0 = std::time::Instant::now();
    let mut dumped = String::new();
    for a in &articles[from..to] {
        let reference = rouge::one_per_line(&a.highlights);
        let analysis = byline_tokenize::analyze(&a.article);
        let lead_sents: Vec<&str> = analysis
            .sentences()
            .iter()
            .take(k)
            .map(|s| s.span.text(&a.article))
            .collect();
        lead.add(&rouge::score(&reference, &rouge::one_per_line(&lead_sents)));
        let picked: Vec<&str> = summarizer
            .summarize(&analysis, budget)
            .iter()
            .map(|s| s.span.text(&a.article))
            .collect();
        ours.add(&rouge::score(&reference, &rouge::one_per_line(&picked)));
        if dump.is_some() {
            let line = serde_json::json!({
                "reference": reference,
                "lead": rouge::one_per_line(&lead_sents),
                "byline": rouge::one_per_line(&picked),
            });
            dumped.push_str(&line.to_string());
            dumped.push('\n');
        }
    }
    if let Some(d) = &dump {
        if let Err(e) = std::fs::write(d, &dumped) {
            eprintln!("eval-summarize: cannot write {d}: {e}");
            exit(2);
        }
    }
    let (l, o) = (lead.points(), ours.points());
    println!(
        "CNN/DM {path}: articles {from}..{to} ({} articles), {k} sentences, rouge-score F1 x100 (stemmed)",
        ours.count()
    );
    println!(
        "{:<10} {:>7} {:>7} {:>7} {:>7}",
        "system", "R-1", "R-2", "R-L", "R-Lsum"
    );
    println!(
        "{:<10} {:>7.2} {:>7.2} {:>7.2} {:>7.2}",
        "Lead-3", l[0], l[1], l[2], l[3]
    );
    println!(
        "{:<10} {:>7.2} {:>7.2} {:>7.2} {:>7.2}",
        "byline", o[0], o[1], o[2], o[3]
    );
    println!(
        "{:<10} {:>+7.2} {:>+7.2} {:>+7.2} {:>+7.2}",
        "gain",
        o[0] - l[0],
        o[1] - l[1],
        o[2] - l[2],
        o[3] - l[3]
    );
    eprintln!("({:.1}s)", t0.elapsed().as_secs_f64());
    let mut failed = false;
    if gate {
        for (name, idx) in [("ROUGE-1", 0), ("ROUGE-2", 1), ("ROUGE-Lsum", 3)] {
            if o[idx] <= l[idx] {
                eprintln!(
                    "GATE FAILED: byline {name} {:.2} is not above Lead-3 {:.2}",
                    o[idx], l[idx]
                );
                failed = true;
            }
        }
    }
    if let Some(g) = min_gain {
        if o[0] < l[0] + g {
            eprintln!(
                "GATE FAILED: byline ROUGE-1 {:.2} is below Lead-3 {:.2} + {g} (--min-r1-gain)",
                o[0], l[0]
            );
            failed = true;
        }
    }
    if failed {
        exit(1);
    }
    if gate || min_gain.is_some() {
        println!("gates passed");
    }
}
