//! Scores `byline-quotes` on a PolNeAR-format JSON-lines file.
//!
//! ```sh
//! cargo run --release -p byline-eval --bin eval-quotes -- ../shared/data/quotes/polnear-dev.jsonl \
//!     --min-direct-f1 90 --min-direct-e2e 85 --min-all-f1 60 --min-all-e2e 50 [--pred out.jsonl]
//! ```
//!
//! Prints the score table of `score_quotes.py` (content P/R/F1 by kind, exact F1, attribution
//! and cue accuracy, end-to-end F1). Exit status 1 when a `--min-...` gate fails, 2 when an
//! input file is missing or unreadable. `--pred FILE` also writes the predictions (code-point
//! offsets) for the Python scorer. `--reported-model FILE` scores another learned model for
//! reported speech (written by `train-quotes`), `--rules-only` the rules without one.

use byline_eval::quotes::{self, ArticleRec, QuoteRec};
use std::collections::HashMap;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!(
        "usage: eval-quotes GOLD.jsonl [--min-direct-f1 N] [--min-direct-e2e N] [--min-all-f1 N] \
         [--min-all-e2e N] [--pred OUT.jsonl] [--reported-model FILE | --rules-only]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut gold_path = None;
    let mut pred_out = None;
    let mut model_path = None;
    let mut rules_only = false;
    let mut gates: Vec<(&str, &str, f64)> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let key = match a {
            "--min-direct-f1" => Some(("direct", "content_f1")),
            "--min-direct-e2e" => Some(("direct", "e2e_f1")),
            "--min-all-f1" => Some(("all", "content_f1")),
            "--min-all-e2e" => Some(("all", "e2e_f1")),
            _ => None,
        };
        if let Some((slice, metric)) = key {
            let Some(v) = args.get(i + 1).and_then(|v| v.parse::<f64>().ok()) else {
                eprintln!("error: {a} needs a number (a percentage such as 90)");
                return usage();
            };
            gates.push((slice, metric, v));
            i += 2;
        } else if a == "--reported-model" {
            let Some(p) = args.get(i + 1) else {
                return usage();
            };
            model_path = Some(p.clone());
            i += 2;
        } else if a == "--rules-only" {
            rules_only = true;
            i += 1;
        } else if a == "--pred" {
            let Some(p) = args.get(i + 1) else {
                return usage();
            };
            pred_out = Some(p.clone());
            i += 2;
        } else if a.starts_with("--") {
            eprintln!("error: unknown option {a}");
            return usage();
        } else {
            gold_path = Some(a.to_string());
            i += 1;
        }
    }
    let Some(gold_path) = gold_path else {
        return usage();
    };
    if !std::path::Path::new(&gold_path).exists() {
        eprintln!("error: input file {gold_path} is missing (expected PolNeAR-format JSON lines)");
        return ExitCode::from(2);
    }
    let gold: Vec<ArticleRec> = match quotes::load_jsonl(&gold_path) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut builder = byline_quotes::QuoteFinder::builder();
    if rules_only {
        builder.learned_reported(false);
    }
    if let Some(path) = model_path {
        let model = std::fs::read(&path)
            .ok()
            .and_then(|b| byline_quotes::ReportedModel::from_bytes(&b));
        let Some(model) = model else {
            eprintln!("error: {path} is missing or not a model written by train-quotes");
            return ExitCode::from(2);
        };
        builder.reported_model(model);
    }
    let Ok(finder) = builder.build() else {
        return ExitCode::from(2);
    };
    let recognizer = byline_entities::Recognizer::new();
    let t0 = std::time::Instant::now();
    let pred: HashMap<String, Vec<QuoteRec>> = gold
        .iter()
        .map(|g| (g.id.clone(), quotes::predict(&finder, &recognizer, &g.text)))
        .collect();
    let secs = t0.elapsed().as_secs_f64();
    if let Some(path) = pred_out {
        let mut out = String::new();
        for g in &gold {
            let qs: Vec<serde_json::Value> = pred[&g.id]
                .iter()
                .map(|q| {
                    let mut v = serde_json::json!({
                        "content": q.content.map(|c| [c.0, c.1]),
                        "source": q.source.map(|c| [c.0, c.1]),
                        "cue": q.cue.map(|c| [c.0, c.1]),
                    });
                    if !q.content_parts.is_empty() {
                        v["content_parts"] = q.content_parts.iter().map(|p| [p.0, p.1]).collect();
                    }
                    v
                })
                .collect();
            out.push_str(&serde_json::json!({"id": g.id, "quotes": qs}).to_string());
            out.push('\n');
        }
        if let Err(e) = std::fs::write(&path, out) {
            eprintln!("error: cannot write {path}: {e}");
            return ExitCode::from(2);
        }
    }
    let counts = quotes::score(&gold, &pred);
    let res = quotes::summarize(&counts);
    println!("{}", quotes::format_table(&res));
    println!(
        "{} articles in {:.2} s ({:.0} articles/s, tokenize + entities + quotes)",
        gold.len(),
        secs,
        gold.len() as f64 / secs.max(1e-9)
    );
    let mut failed = false;
    for (slice, metric, min) in gates {
        let Some((_, r)) = res.iter().find(|(l, _)| l == slice) else {
            continue;
        };
        let v = 100.0
            * if metric == "e2e_f1" {
                r.e2e_f1
            } else {
                r.content_f1
            };
        let ok = v >= min;
        println!(
            "gate {slice} {metric} >= {min}: {v:.1} {}",
            if ok { "ok" } else { "FAILED" }
        );
        failed |= !ok;
    }
    if failed {
        eprintln!("error: a quality gate failed (see the table above)");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
