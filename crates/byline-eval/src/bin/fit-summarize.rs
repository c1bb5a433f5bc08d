//! Fits the sentence scorer of `byline-summarize` on the CNN/DailyMail **training** file and
//! writes it into the crate as Rust source.
//!
//! ```text
//! cargo run --release -p byline-eval --bin fit-summarize -- ../shared/data/cnndm/train.jsonl \
//!     [--out crates/byline-summarize/src/weights.rs] [--dry-run] [--hints] \
//!     [--l2 X] [--drop FRAC --seed S] [--sweep ../shared/data/cnndm/dev.jsonl]
//! ```
//!
//! Method (deterministic, one thread):
//! 1. every training article is tokenized as the `byline` pipeline does and each selectable
//!    sentence gets the feature vector the summarizer computes, without entity or quote hints
//!    (the pipeline passes none: with the pipeline's hints the dev ROUGE-1 was 0.1 lower;
//!    `--hints` finds entities and quotes and passes them, to measure that again);
//! 2. a sentence is labelled 1 when the greedy ROUGE oracle (up to three sentences maximizing
//!    ROUGE-1 F1 + ROUGE-2 F1 against the highlights; `--oracle-k K` for another size) picks
//!    it;
//! 3. logistic regression with an L2 penalty ([`L2`]) is fit by 25 Newton steps from zero, in
//!    f64 with a fixed summation order; the weights are written as f32 together with the MMR
//!    redundancy weight [`REDUNDANCY`] and the trigram-blocking switch [`TRIGRAM_BLOCKING`].
//!
//! The hyperparameters were chosen on the development file with `--sweep`, which refits for
//! a grid of L2 penalties and prints dev ROUGE (cased and lower-cased) for each redundancy
//! weight, with and without trigram blocking; the fit itself never reads the development
//! file. `--drop F --seed S` leaves out a pseudo-random fraction `F` of the training articles
//! (to measure how much the model moves under small changes of its input); `--eval DEV`
//! prints the dev ROUGE of the fitted model. Exit status 2 when an input file is missing.

use byline_eval::rouge::{self, Article};
use byline_eval::summ::{self, Example, HintMaker};
use byline_summarize::{Summarizer, FEATURE_NAMES, NUM_FEATURES};
use std::process::exit;

/// L2 penalty of the logistic regression (chosen on dev with `--sweep`).
const L2: f64 = 1e-4;
/// MMR redundancy weight written with the model (chosen on dev with `--sweep`).
const REDUNDANCY: f32 = 4.0;
/// Trigram blocking at selection time, written with the model (chosen on dev with `--sweep`).
const TRIGRAM_BLOCKING: bool = false;
/// Oracle summary size of the labels (the summary budget the model serves by default).
const ORACLE_K: usize = 3;
/// Newton steps (the loss no longer changes in the 12th digit after about 10).
const ITERATIONS: usize = 25;

fn usage() -> ! {
    eprintln!(
        "usage: fit-summarize <train.jsonl> [--out FILE] [--dry-run] [--hints] [--l2 X] [--oracle-k K] [--drop FRAC --seed S] [--eval DEV.jsonl] [--sweep DEV.jsonl]"
    );
    exit(2)
}

fn read(path: &str) -> Vec<Article> {
    rouge::read_cnndm(path).unwrap_or_else(|e| {
        eprintln!("fit-summarize: cannot read input file {path}: {e}");
        exit(2)
    })
}

fn summarizer(w: &[f64; NUM_FEATURES], redundancy: f32, blocking: bool) -> Summarizer {
    Summarizer::builder()
        .weights(w.map(|v| v as f32))
        .redundancy(redundancy)
        .trigram_blocking(blocking)
        .build()
        .unwrap_or_else(|e| {
            eprintln!("fit-summarize: {e}");
            exit(1)
        })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut path = None;
    let mut out = "crates/byline-summarize/src/weights.rs".to_string();
    let (mut dry, mut hints) = (false, false);
    let mut l2 = L2;
    let (mut drop, mut seed) = (0.0f64, 0u64);
    let mut sweep: Option<String> = None;
    let mut eval: Option<String> = None;
    let mut oracle_k = ORACLE_K;
    let mut i = 0;
    while i < args.len() {
        let val = |i: usize| args.get(i + 1).cloned().unwrap_or_else(|| usage());
        match args[i].as_str() {
            "--out" => {
                out = val(i);
                i += 1;
            }
            "--l2" => {
                l2 = val(i).parse().unwrap_or_else(|_| usage());
                i += 1;
            }
            "--drop" => {
                drop = val(i).parse().unwrap_or_else(|_| usage());
                i += 1;
            }
            "--seed" => {
                seed = val(i).parse().unwrap_or_else(|_| usage());
                i += 1;
            }
            "--oracle-k" => {
                oracle_k = val(i).parse().unwrap_or_else(|_| usage());
                i += 1;
            }
            "--eval" => {
                eval = Some(val(i));
                i += 1;
            }
            "--sweep" => {
                sweep = Some(val(i));
                i += 1;
            }
            "--dry-run" => dry = true,
            "--hints" => hints = true,
            p if !p.starts_with("--") && path.is_none() => path = Some(p.to_string()),
            _ => usage(),
        }
        i += 1;
    }
    let Some(path) = path else { usage() };
    let t0 = std::time::Instant::now();
    let train: Vec<Article> = read(&path)
        .into_iter()
        .filter(|a| drop <= 0.0 || summ::unit_hash(seed, &a.id) >= drop)
        .collect();
    let hint_maker = hints.then(HintMaker::default);
    let base = Summarizer::new();
    let mut data: Vec<Example> = Vec::new();
    for a in &train {
        summ::examples(&base, a, hint_maker.as_ref(), oracle_k, &mut data);
    }
    let positives = data.iter().filter(|e| e.y).count();
    eprintln!(
        "fit-summarize: {} training articles, {} selectable sentences, {} oracle sentences, hints {} ({:.1}s)",
        train.len(),
        data.len(),
        positives,
        if hints { "on" } else { "off" },
        t0.elapsed().as_secs_f64()
    );

    if let Some(dev) = sweep {
        let dev = read(&dev);
        let cased = summ::prepare(&dev, false, hint_maker.as_ref());
        let lower = summ::prepare(&dev, true, hint_maker.as_ref());
        println!("dev sweep ({} articles, pipeline hints {}), rouge-score F1 x100: R-1 R-2 R-Lsum; lower-cased R-1 R-2 R-Lsum",
            dev.len(), if hints { "on" } else { "off" });
        let (l, _) = summ::evaluate(&base, &cased, 3);
        let (ll, _) = summ::evaluate(&base, &lower, 3);
        let (l, ll) = (l.points(), ll.points());
        println!(
            "Lead-3                    {:6.2} {:6.2} {:6.2} ; {:6.2} {:6.2} {:6.2}",
            l[0], l[1], l[3], ll[0], ll[1], ll[3]
        );
        for l2 in [1e-6, 1e-5, 1e-4] {
            let (w, loss) = summ::fit_logistic(&data, l2, ITERATIONS);
            for (red, blocking) in [2.0f32, 3.0, 4.0, 6.0]
                .into_iter()
                .flat_map(|r| [(r, false), (r, true)])
            {
                let s = summarizer(&w, red, blocking);
                let (_, o) = summ::evaluate(&s, &cased, 3);
                let (_, ol) = summ::evaluate(&s, &lower, 3);
                let (o, ol) = (o.points(), ol.points());
                println!(
                    "l2 {l2:<6} red {red:<4} block {blocking:<5} loss {loss:.4} {:6.2} {:6.2} {:6.2} ; {:6.2} {:6.2} {:6.2}",
                    o[0], o[1], o[3], ol[0], ol[1], ol[3]
                );
            }
        }
        return;
    }

    let (w, loss) = summ::fit_logistic(&data, l2, ITERATIONS);
    eprintln!(
        "fit-summarize: mean log loss {loss:.6}, l2 {l2}, redundancy {REDUNDANCY} ({:.1}s); weights:",
        t0.elapsed().as_secs_f64()
    );
    for (n, v) in FEATURE_NAMES.iter().zip(&w) {
        eprintln!("  {n:<28} {v:>10.5}");
    }
    if let Some(dev) = eval {
        let dev = read(&dev);
        let s = summarizer(&w, REDUNDANCY, TRIGRAM_BLOCKING);
        for lower in [false, true] {
            let arts = summ::prepare(&dev, lower, hint_maker.as_ref());
            let (l, o) = summ::evaluate(&s, &arts, 3);
            let (l, o) = (l.points(), o.points());
            println!(
                "dev{}: Lead-3 {:.2} {:.2} {:.2}; fitted model {:.2} {:.2} {:.2} (R-1 R-2 R-Lsum)",
                if lower { " lower-cased" } else { "" },
                l[0],
                l[1],
                l[3],
                o[0],
                o[1],
                o[3]
            );
        }
    }
    if dry {
        return;
    }
    let mut src = String::from(
        "//! Model weights written by `cargo run --release -p byline-eval --bin fit-summarize -- \
         ../shared/data/cnndm/train.jsonl`.\n//! Do not edit by hand.\n\nuse crate::features::NUM_FEATURES;\n\n\
         /// Logistic-regression weights of the sentence scorer, in `FEATURE_NAMES` order.\n\
         #[rustfmt::skip]\npub(crate) const WEIGHTS: [f32; NUM_FEATURES] = [\n",
    );
    for (n, v) in FEATURE_NAMES.iter().zip(&w) {
        src.push_str(&format!("    {:?}, // {n}\n", *v as f32));
    }
    src.push_str(&format!(
        "];\n\n/// Weight of the MMR redundancy penalty.\npub(crate) const REDUNDANCY: f32 = {REDUNDANCY:?};\n\n\
         /// Whether sentences sharing a word trigram with a chosen one are skipped.\n\
         pub(crate) const TRIGRAM_BLOCKING: bool = {TRIGRAM_BLOCKING};\n"
    ));
    if let Err(e) = std::fs::write(&out, src) {
        eprintln!("fit-summarize: cannot write {out}: {e}");
        exit(2);
    }
    println!("wrote {out}");
}
