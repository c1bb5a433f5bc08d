//! Fits the weights of `byline-summarize` on part of a CNN/DailyMail file and writes them into
//! the crate as Rust source.
//!
//! ```text
//! cargo run --release -p byline-eval --bin fit-summarize -- ../shared/data/cnndm/dev.jsonl \
//!     [--split 700] [--out crates/byline-summarize/src/weights.rs] [--dry-run]
//! ```
//!
//! Articles `0..split` are used for fitting, `split..` are held back and only reported.
//! Method (deterministic): coordinate ascent on the feature weights and the MMR redundancy
//! weight, starting from a fixed lead-heavy prior, maximizing mean R-1 + R-2 + R-Lsum F1 of
//! three-sentence summaries on the fitting articles (steps 0.2, 0.1, 0.05, 0.02; a step is
//! kept only if it improves the objective). A sentence-level ridge regression was tried
//! first and lost to Lead-3, since it does not optimize the summary-level objective. Exit status 2 when the input file is missing.

use byline_eval::rouge::{self, Article, MeanF1};
use byline_summarize::{Budget, Summarizer, FEATURE_NAMES, NUM_FEATURES};
use std::process::exit;

/// Starting point of the search: a lead-heavy prior (position first, then centrality).
const INIT: [f32; NUM_FEATURES] = [
    0.0, 1.0, 0.5, 0.3, 0.0, 0.1, -0.2, 0.0, 0.2, 0.1, 0.1, 0.1, -0.1, 0.0, 0.0, -0.1, -0.2, 0.0,
    0.0, 0.0, 0.0,
];
const INIT_REDUNDANCY: f32 = 0.3;

fn usage() -> ! {
    eprintln!("usage: fit-summarize <cnndm.jsonl> [--split N] [--out FILE] [--dry-run]");
    exit(2)
}

fn evaluate(s: &Summarizer, arts: &[Article]) -> (MeanF1, MeanF1) {
    let (mut lead, mut ours) = (MeanF1::default(), MeanF1::default());
    for a in arts {
        let reference = rouge::one_per_line(&a.highlights);
        let an = byline_tokenize::analyze(&a.article);
        let l: Vec<&str> = an
            .sentences()
            .iter()
            .take(3)
            .map(|x| x.span.text(&a.article))
            .collect();
        lead.add(&rouge::score(&reference, &rouge::one_per_line(&l)));
        let p: Vec<&str> = s
            .summarize(&an, Budget::Sentences(3))
            .iter()
            .map(|x| x.span.text(&a.article))
            .collect();
        ours.add(&rouge::score(&reference, &rouge::one_per_line(&p)));
    }
    (lead, ours)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut path, mut split, mut out, mut dry) = (
        None,
        700usize,
        "crates/byline-summarize/src/weights.rs".to_string(),
        false,
    );
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--split" => {
                split = args
                    .get(i + 1)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| usage());
                i += 1;
            }
            "--out" => {
                out = args.get(i + 1).cloned().unwrap_or_else(|| usage());
                i += 1;
            }
            "--dry-run" => dry = true,
            p if !p.starts_with("--") && path.is_none() => path = Some(p.to_string()),
            _ => usage(),
        }
        i += 1;
    }
    let Some(path) = path else { usage() };
    let arts = match rouge::read_cnndm(&path) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("fit-summarize: cannot read input file {path}: {e}");
            exit(2)
        }
    };
    let split = split.min(arts.len());
    let (fit, held) = arts.split_at(split);
    let analyses: Vec<_> = fit
        .iter()
        .map(|a| byline_tokenize::analyze(&a.article))
        .collect();
    let refs: Vec<String> = fit
        .iter()
        .map(|a| rouge::one_per_line(&a.highlights))
        .collect();
    let objective = |w: &[f32; NUM_FEATURES], lambda: f32| -> f64 {
        let Ok(s) = Summarizer::builder().weights(*w).redundancy(lambda).build() else {
            return f64::MIN;
        };
        let mut m = MeanF1::default();
        for ((a, an), r) in fit.iter().zip(&analyses).zip(&refs) {
            let p: Vec<&str> = s
                .summarize(an, Budget::Sentences(3))
                .iter()
                .map(|x| x.span.text(&a.article))
                .collect();
            m.add(&rouge::score(r, &rouge::one_per_line(&p)));
        }
        let p = m.points();
        p[0] + p[1] + p[3]
    };
    let mut weights = INIT;
    let mut lambda = INIT_REDUNDANCY;
    let mut best = objective(&weights, lambda);
    eprintln!("start: R-1 + R-2 + R-Lsum = {best:.3}");
    for delta in [0.2f32, 0.1, 0.05, 0.02] {
        for _pass in 0..3 {
            let mut improved = false;
            for k in 1..=NUM_FEATURES {
                for sign in [1.0f32, -1.0] {
                    let (mut w, mut l) = (weights, lambda);
                    if k == NUM_FEATURES {
                        l = (l + sign * delta).max(0.0);
                    } else {
                        w[k] += sign * delta;
                    }
                    let v = objective(&w, l);
                    if v > best + 1e-6 {
                        best = v;
                        weights = w;
                        lambda = l;
                        improved = true;
                        let name = FEATURE_NAMES.get(k).copied().unwrap_or("redundancy");
                        eprintln!("  step {delta}: {name} {:+} -> {best:.3}", sign * delta);
                        break;
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }
    eprintln!("fit on {} articles; weights:", fit.len());
    for (n, v) in FEATURE_NAMES.iter().zip(&weights) {
        eprintln!("  {n:<28} {v:>9.5}");
    }
    let s = Summarizer::builder()
        .weights(weights)
        .redundancy(lambda)
        .build()
        .unwrap_or_else(|e| {
            eprintln!("fit-summarize: {e}");
            exit(1)
        });
    println!("redundancy weight: {lambda}");
    println!(
        "{:<22} {:>7} {:>7} {:>7} {:>7}",
        "split / system", "R-1", "R-2", "R-L", "R-Lsum"
    );
    for (name, part) in [("fit", fit), ("held-back", held)] {
        let (l, o) = evaluate(&s, part);
        let (l, o) = (l.points(), o.points());
        println!(
            "{:<22} {:>7.2} {:>7.2} {:>7.2} {:>7.2}",
            format!("{name} Lead-3"),
            l[0],
            l[1],
            l[2],
            l[3]
        );
        println!(
            "{:<22} {:>7.2} {:>7.2} {:>7.2} {:>7.2}",
            format!("{name} byline"),
            o[0],
            o[1],
            o[2],
            o[3]
        );
    }
    if dry {
        return;
    }
    let mut src = String::from(
        "//! Model weights written by `cargo run --release -p byline-eval --bin fit-summarize`.\n//! Do not edit by hand.\n\nuse crate::NUM_FEATURES;\n\n/// Feature weights, in `FEATURE_NAMES` order.\n#[rustfmt::skip]\npub(crate) const WEIGHTS: [f32; NUM_FEATURES] = [\n",
    );
    for (n, v) in FEATURE_NAMES.iter().zip(&weights) {
        src.push_str(&format!("    {v:?}, // {n}\n"));
    }
    src.push_str(&format!(
        "];\n\n/// Weight of the MMR redundancy penalty.\npub(crate) const REDUNDANCY: f32 = {lambda:?};\n"
    ));
    if let Err(e) = std::fs::write(&out, src) {
        eprintln!("fit-summarize: cannot write {out}: {e}");
        exit(2);
    }
    println!("wrote {out}");
}
