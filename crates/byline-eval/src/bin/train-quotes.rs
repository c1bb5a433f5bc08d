//! Trains the learned reported-speech stage of `byline-quotes` on PolNeAR train and chooses
//! its threshold on PolNeAR dev.
//!
//! ```sh
//! cargo run --release -p byline-eval --bin train-quotes -- ../shared/data/quotes/polnear-train.jsonl \
//!     ../shared/data/quotes/polnear-dev.jsonl crates/byline-quotes/data/reported.bin
//! ```
//!
//! The candidates are the cue words the rules leave unused (see `byline-quotes`'s
//! `find/learned.rs`); a candidate is positive when a gold cue covers it and the gold
//! content follows it. An averaged perceptron (fixed epochs, file order, no randomness)
//! learns their weights on train; the thresholds are the ones with the best sum of content F1 and
//! end-to-end F1 of all attributions on dev, among fixed grids of score quantiles, with
//! direct and mixed quotes not worse than the rules alone. Deterministic: the same
//! inputs give the same bytes. Only weights of hashed features are written, never text.

use byline_eval::quotes::{self, ArticleRec, QuoteRec};
use byline_quotes::{Candidate, QuoteFinder, ReportedModel};
use std::collections::HashMap;
use std::process::ExitCode;

const EPOCHS: usize = 8;
const DIM: usize = 1 << 18;

fn labelled(
    finder: &QuoteFinder,
    recognizer: &byline_entities::Recognizer,
    a: &ArticleRec,
) -> Vec<(Candidate, bool)> {
    let analysis = byline_tokenize::analyze(&a.text);
    let entities = recognizer.recognize(&analysis);
    let map = quotes::byte_to_char_offsets(&a.text);
    let ch = |b: usize| map[b.min(a.text.len())];
    let chars: Vec<char> = a.text.chars().collect();
    let toks = quotes::word_tokens(&chars);
    let words_in = |(s, e): (usize, usize)| {
        let lo = toks.partition_point(|t| t.1 <= s);
        let hi = toks.partition_point(|t| t.0 < e);
        (lo, hi.max(lo))
    };
    finder
        .candidates(&analysis, &entities)
        .into_iter()
        .map(|c| {
            let (cs, ce) = (ch(c.cue.start), ch(c.cue.end));
            let ours = c.content.map(|p| words_in((ch(p.start), ch(p.end))));
            let pos = a.quotes.iter().any(|q| {
                let cue_hit = q.cue.is_some_and(|(s, e)| s < ce && cs < e);
                let (Some(g), Some(o)) = (q.content.map(words_in), ours) else {
                    return false;
                };
                // the content matches as the scorer counts it (token Dice >= 0.5)
                let inter = g.1.min(o.1).saturating_sub(g.0.max(o.0));
                let dice = 2.0 * inter as f64 / ((g.1 - g.0) + (o.1 - o.0)).max(1) as f64;
                (cue_hit || c.rule) && dice >= 0.5
            });
            (c, pos)
        })
        .collect()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [train_path, dev_path, out_path] = args.as_slice() else {
        eprintln!("usage: train-quotes TRAIN.jsonl DEV.jsonl OUT.bin");
        return ExitCode::from(2);
    };
    let load = |p: &str| quotes::load_jsonl(p).map_err(|e| eprintln!("error: {p}: {e}"));
    let (Ok(train), Ok(dev)) = (load(train_path), load(dev_path)) else {
        return ExitCode::from(2);
    };
    let rules = match QuoteFinder::builder().learned_reported(false).build() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let recognizer = byline_entities::Recognizer::new();
    let data: Vec<(Candidate, bool)> = train
        .iter()
        .flat_map(|a| labelled(&rules, &recognizer, a))
        .collect();
    let positives = data.iter().filter(|d| d.1).count();
    eprintln!("train: {} candidates, {} positive", data.len(), positives);
    // averaged perceptron: w is the current weight vector, u the sum of its updates
    // weighted by the step, so that the average is w - u / steps
    let mut w = vec![0.0f64; DIM];
    let mut u = vec![0.0f64; DIM];
    let mut step = 1.0f64;
    for _ in 0..EPOCHS {
        for (c, y) in &data {
            let s: f64 = c.features.iter().map(|&f| w[f as usize]).sum();
            let yv = if *y { 1.0 } else { -1.0 };
            if yv * s <= 0.0 {
                for &f in &c.features {
                    w[f as usize] += yv;
                    u[f as usize] += yv * step;
                }
            }
            step += 1.0;
        }
    }
    let avg: Vec<f32> = w
        .iter()
        .zip(&u)
        .map(|(w, u)| {
            let a = w - u / step;
            // rounded to a few digits: the file is smaller and exact across platforms
            ((a * 1000.0).round() / 1000.0) as f32
        })
        .collect();
    let Some(model) = ReportedModel::from_weights(avg, f32::INFINITY, f32::NEG_INFINITY) else {
        return ExitCode::from(2);
    };
    // threshold grids: quantiles of the model's scores on train candidates of each kind
    let quantiles = |rule: bool, lo: f64, step: f64| {
        let mut scores: Vec<f32> = data
            .iter()
            .filter(|(c, _)| c.rule == rule)
            .map(|(c, _)| model.score(&c.features))
            .collect();
        scores.sort_by(f32::total_cmp);
        let mut grid: Vec<f32> = (0..=24)
            .map(|k| scores[((scores.len() - 1) as f64 * (lo + step * k as f64)) as usize])
            .collect();
        grid.dedup();
        grid
    };
    let eval = |m: Option<&ReportedModel>| {
        let mut b = QuoteFinder::builder();
        match m {
            Some(m) => b.reported_model(m.clone()),
            None => b.learned_reported(false),
        };
        let finder = b.build().expect("default settings");
        let pred: HashMap<String, Vec<QuoteRec>> = dev
            .iter()
            .map(|g| (g.id.clone(), quotes::predict(&finder, &recognizer, &g.text)))
            .collect();
        let res = quotes::summarize(&quotes::score(&dev, &pred));
        let get = |k: &str| res.iter().find(|(l, _)| l == k).map(|(_, r)| r.clone());
        let pair = |k: &str| get(k).map_or((0.0, 0.0), |r| (r.content_f1, r.e2e_f1));
        (get("all"), get("indirect"), [pair("direct"), pair("mixed")])
    };
    let (base_all, _, base_kinds) = eval(None);
    let base = base_all.map_or(0.0, |r| r.content_f1 + r.e2e_f1);
    eprintln!(
        "dev rules only: all content F1 + e2e F1 {:.2}",
        100.0 * base
    );
    // first the threshold for new cues (every rule attribution kept), then the one for
    // keeping rule attributions
    let mut best = (base, f32::INFINITY, f32::NEG_INFINITY);
    let grids = [
        (false, quantiles(false, 0.52, 0.02)),
        (true, quantiles(true, 0.0, 0.01)),
    ];
    for (rule, grid) in grids {
        for t in grid {
            let m = if rule {
                model.with_thresholds(best.1, t)
            } else {
                model.with_thresholds(t, f32::NEG_INFINITY)
            };
            let (Some(all), Some(ind), kinds) = eval(Some(&m)) else {
                continue;
            };
            // direct and mixed quotes must not get worse
            let kept = kinds
                .iter()
                .zip(&base_kinds)
                .all(|(k, b)| k.0 >= b.0 && k.1 >= b.1);
            eprintln!(
                "dev {} {t:.3}: all content F1 {:.2} e2e {:.2}; indirect P {:.2} R {:.2}{}",
                if rule { "keep" } else { "new" },
                100.0 * all.content_f1,
                100.0 * all.e2e_f1,
                100.0 * ind.content_p,
                100.0 * ind.content_r,
                if kept { "" } else { " (direct or mixed lower)" }
            );
            let total = all.content_f1 + all.e2e_f1;
            if kept && total > best.0 {
                best = (total, m.threshold(), m.keep_threshold());
            }
        }
    }
    eprintln!(
        "chosen thresholds new {:.3}, keep {:.3} (dev all content F1 + e2e F1 {:.2})",
        best.1,
        best.2,
        100.0 * best.0
    );
    let model = model.with_thresholds(best.1, best.2);
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(out_path, &bytes) {
        eprintln!("error: cannot write {out_path}: {e}");
        return ExitCode::from(2);
    }
    eprintln!("wrote {out_path} ({} bytes)", bytes.len());
    ExitCode::SUCCESS
}
