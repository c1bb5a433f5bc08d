//! Scores byline's extractive summaries against CNN/DailyMail highlights, next to Lead-3.
//!
//! ```text
//! cargo run --release -p byline-eval --bin eval-summarize -- ../shared/data/cnndm/dev.jsonl \
//!     [--gate-lead3] [--min-r1-gain 2.0] [--gate-lower] [--min-speed 5000] [--from N] [--to M] \
//!     [--sentences K] [--dump FILE]
//! ```
//!
//! Lead-3 is the first three sentences of our sentence splitter. byline's summary is the one
//! users see: the `summary` of `byline::Pipeline` (entities and quotes found and passed to the
//! summarizer as hints), which `byline analyze` and `byline summarize` both print. The same is
//! scored on a lower-cased copy of each article (made in memory), next to Lead-3 there. The
//! line `summarizer alone` scores `Summarizer::summarize` without hints, for reference. Scores
//! are rouge-score F1 (Porter stemming, ROUGE-Lsum with one sentence a line) averaged over
//! articles.
//!
//! Gates: `--gate-lead3` (pipeline R-1, R-2 and R-Lsum above Lead-3 on the cased text),
//! `--min-r1-gain X` (pipeline R-1 at least Lead-3 + X), `--gate-lower` (pipeline R-1 on the
//! lower-cased text at least Lead-3 there), `--min-speed N` (tokenizing + summarizing, three
//! sentences, one thread: at least N articles per second, best of seven passes over the
//! articles; the criterion bench `benches/summarize.rs` measures the same), `--max-cost-ratio X`
//! (tokenizing + summarizing takes at most X times as long as tokenizing alone: a speed gate
//! that holds on a loaded machine). `--dump FILE` writes one JSON line per article
//! (`reference`, `lead`, `byline`, one sentence a line) so the scores can be recomputed with
//! the Python `rouge-score` package. Exit status: 1 when a gate fails, 2 when the input file
//! is missing or unreadable.

use byline::Pipeline;
use byline_eval::rouge::{self, MeanF1};
use byline_summarize::{Budget, Summarizer};
use std::process::exit;

fn usage() -> ! {
    eprintln!(
        "usage: eval-summarize <cnndm.jsonl> [--gate-lead3] [--min-r1-gain X] [--gate-lower] [--min-speed N] [--max-cost-ratio X] [--from N] [--to M] [--sentences K] [--dump FILE]"
    );
    exit(2)
}

/// Lead-k, pipeline and hint-free summarizer scores over `texts`; the number of articles on
/// which the pipeline and the summarizer alone choose different sentences; the dump lines.
fn run(
    texts: &[(String, String)],
    pipeline: &Pipeline,
    alone: &Summarizer,
    budget: Budget,
    k: usize,
    dump: bool,
) -> ([MeanF1; 3], usize, String) {
    let mut m = [MeanF1::default(); 3];
    let mut differ = 0;
    let (mut lead_first, mut from_lead) = (0usize, 0usize);
    let mut dumped = String::new();
    for (text, reference) in texts {
        let analysis = byline_tokenize::analyze(text);
        let lead: Vec<&str> = analysis
            .sentences()
            .iter()
            .take(k)
            .map(|s| s.span.text(text))
            .collect();
        m[0].add(&rouge::score(reference, &rouge::one_per_line(&lead)));
        let doc = pipeline.analyze(text);
        let picked: Vec<&str> = doc.summary.iter().map(|s| s.text.as_str()).collect();
        m[1].add(&rouge::score(reference, &rouge::one_per_line(&picked)));
        let own = alone.summarize(&analysis, budget);
        let own_text: Vec<&str> = own.iter().map(|s| s.span.text(text)).collect();
        m[2].add(&rouge::score(reference, &rouge::one_per_line(&own_text)));
        let firsts: Vec<usize> = alone
            .skipped(&analysis)
            .iter()
            .enumerate()
            .filter(|(_, &skip)| !skip)
            .map(|(i, _)| i)
            .take(k)
            .collect();
        if let Some(&f) = firsts.first() {
            lead_first += usize::from(doc.summary.iter().any(|s| s.index == f));
        }
        from_lead += doc
            .summary
            .iter()
            .filter(|s| firsts.contains(&s.index))
            .count();
        if own
            .iter()
            .map(|s| s.index)
            .ne(doc.summary.iter().map(|s| s.index))
        {
            differ += 1;
        }
        if dump {
            let line = serde_json::json!({
                "reference": reference,
                "lead": rouge::one_per_line(&lead),
                "byline": rouge::one_per_line(&picked),
            });
            dumped.push_str(&line.to_string());
            dumped.push('\n');
        }
    }
    println!(
        "{} articles: the summary takes the first selectable sentence in {lead_first}; {:.2} of its sentences are among the first {k} selectable",
        texts.len(),
        from_lead as f64 / texts.len().max(1) as f64
    );
    (m, differ, dumped)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut path = None;
    let (mut gate, mut gate_lower) = (false, false);
    let mut min_gain: Option<f64> = None;
    let mut min_speed: Option<f64> = None;
    let mut max_cost: Option<f64> = None;
    let mut dump: Option<String> = None;
    let (mut from, mut to, mut k) = (0usize, usize::MAX, 3usize);
    let mut i = 0;
    while i < args.len() {
        let val = |i: usize| args.get(i + 1).cloned().unwrap_or_else(|| usage());
        match args[i].as_str() {
            "--gate-lead3" => gate = true,
            "--gate-lower" => gate_lower = true,
            "--min-r1-gain" => {
                min_gain = Some(val(i).parse().unwrap_or_else(|_| usage()));
                i += 1;
            }
            "--min-speed" => {
                min_speed = Some(val(i).parse().unwrap_or_else(|_| usage()));
                i += 1;
            }
            "--max-cost-ratio" => {
                max_cost = Some(val(i).parse().unwrap_or_else(|_| usage()));
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
    let pipeline = Pipeline::builder().budget(budget).build();
    let alone = Summarizer::new();
    let t0 = std::time::Instant::now();
    let cased: Vec<(String, String)> = articles[from..to]
        .iter()
        .map(|a| (a.article.clone(), rouge::one_per_line(&a.highlights)))
        .collect();
    let lower: Vec<(String, String)> = cased
        .iter()
        .map(|(t, r)| (t.to_lowercase(), r.clone()))
        .collect();
    let (c, c_differ, dumped) = run(&cased, &pipeline, &alone, budget, k, dump.is_some());
    let (l, l_differ, _) = run(&lower, &pipeline, &alone, budget, k, false);
    if let Some(d) = &dump {
        if let Err(e) = std::fs::write(d, &dumped) {
            eprintln!("eval-summarize: cannot write {d}: {e}");
            exit(2);
        }
    }
    println!(
        "CNN/DM {path}: articles {from}..{to} ({} articles), {k} sentences, rouge-score F1 x100 (stemmed)",
        cased.len()
    );
    println!(
        "{:<30} {:>7} {:>7} {:>7} {:>7}",
        "text / system", "R-1", "R-2", "R-L", "R-Lsum"
    );
    let row = |name: &str, m: &MeanF1| {
        let p = m.points();
        println!(
            "{name:<30} {:>7.2} {:>7.2} {:>7.2} {:>7.2}",
            p[0], p[1], p[2], p[3]
        );
    };
    for (case, m) in [("cased", &c), ("lower-cased", &l)] {
        row(&format!("{case} Lead-3"), &m[0]);
        row(&format!("{case} byline (pipeline)"), &m[1]);
        row(&format!("{case} summarizer alone"), &m[2]);
        let (o, b) = (m[1].points(), m[0].points());
        println!(
            "{:<30} {:>+7.2} {:>+7.2} {:>+7.2} {:>+7.2}",
            format!("{case} gain over Lead-3"),
            o[0] - b[0],
            o[1] - b[1],
            o[2] - b[2],
            o[3] - b[3]
        );
    }
    println!(
        "pipeline and summarizer alone choose different sentences on {c_differ} cased and {l_differ} lower-cased articles"
    );
    eprintln!("({:.1}s)", t0.elapsed().as_secs_f64());
    // Speed of what `byline summarize` runs: tokenize and summarize, one thread, next to
    // tokenizing alone; the two passes alternate so that both see the same machine load.
    let (mut best, mut tokenize_only) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..7 {
        let t = std::time::Instant::now();
        let mut n = 0usize;
        for (text, _) in &cased {
            n += byline_tokenize::analyze(text).sentences().len();
        }
        std::hint::black_box(n);
        tokenize_only = tokenize_only.min(t.elapsed().as_secs_f64());
        let t = std::time::Instant::now();
        let mut picked = 0usize;
        for (text, _) in &cased {
            let analysis = byline_tokenize::analyze(text);
            picked += alone.summarize(&analysis, budget).len();
        }
        std::hint::black_box(picked);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let speed = cased.len() as f64 / best.max(1e-9);
    println!(
        "speed: tokenize + summarize {speed:.0} articles/s, tokenize alone {:.0} articles/s (one thread, best of 7)",
        cased.len() as f64 / tokenize_only.max(1e-9)
    );
    let (o, b) = (c[1].points(), c[0].points());
    let mut failed = false;
    if gate {
        for (name, idx) in [("ROUGE-1", 0), ("ROUGE-2", 1), ("ROUGE-Lsum", 3)] {
            if o[idx] <= b[idx] {
                eprintln!(
                    "GATE FAILED: byline {name} {:.2} is not above Lead-3 {:.2}",
                    o[idx], b[idx]
                );
                failed = true;
            }
        }
    }
    if let Some(g) = min_gain {
        if o[0] < b[0] + g {
            eprintln!(
                "GATE FAILED: byline ROUGE-1 {:.2} is below Lead-3 {:.2} + {g} (--min-r1-gain)",
                o[0], b[0]
            );
            failed = true;
        }
    }
    if gate_lower {
        let (o, b) = (l[1].points(), l[0].points());
        if o[0] < b[0] {
            eprintln!(
                "GATE FAILED: on lower-cased text byline ROUGE-1 {:.2} is below Lead-3 {:.2} (--gate-lower)",
                o[0], b[0]
            );
            failed = true;
        }
    }
    let cost = best / tokenize_only.max(1e-9);
    println!("summarizing costs {cost:.2} x the time of tokenizing alone");
    if let Some(m) = max_cost {
        if cost > m {
            eprintln!(
                "GATE FAILED: tokenize + summarize takes {cost:.2} x the time of tokenizing alone, above {m} (--max-cost-ratio)"
            );
            failed = true;
        }
    }
    if let Some(m) = min_speed {
        if speed < m {
            eprintln!(
                "GATE FAILED: tokenize + summarize runs at {speed:.0} articles/s, below {m} (--min-speed)"
            );
            failed = true;
        }
    }
    if failed {
        exit(1);
    }
    if gate || min_gain.is_some() || gate_lower || min_speed.is_some() || max_cost.is_some() {
        println!("gates passed");
    }
}
