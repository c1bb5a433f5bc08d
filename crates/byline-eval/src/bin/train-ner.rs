//! Trains the byline-entities model.
//!
//! ```text
//! cargo run --release -p byline-eval --bin train-ner -- \
//!     --train ../shared/data/conll2003/eng.train --dev ../shared/data/conll2003/eng.testa \
//!     --out crates/byline-entities/model/ner.bin
//! ```
//!
//! Unlabeled text for the lexicon (word clusters, capitalisation ratios): the training tokens,
//! plus `--unlabeled FILE.jsonl` files (default: the CNN/DM dev articles and the PolNeAR
//! texts under `../shared/data`; field `article` or `text`). Deterministic: same inputs, same
//! model bytes.

use byline_entities::train::{rough_tokenize, train, Document, Sentence, TrainConfig};
use byline_eval::conll::read_conll;
use std::process::exit;
use std::time::Instant;

fn usage() -> ! {
    eprintln!(
        "usage: train-ner --train eng.train --dev eng.testa --out ner.bin [--unlabeled file.jsonl]... [--seed N] [--epochs1 N] [--epochs2 N]"
    );
    exit(2)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("error: cannot read input file {path}: {e}");
        exit(2)
    })
}

fn docs(path: &str) -> Vec<Document> {
    read_conll(&read(path))
        .into_iter()
        .map(|d| {
            d.into_iter()
                .map(|s| Sentence {
                    words: s.iter().map(|r| r[0].clone()).collect(),
                    tags: s.iter().map(|r| r[r.len() - 1].clone()).collect(),
                })
                .collect()
        })
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut tr, mut dv, mut out) = (None, None, None);
    let mut unl: Vec<String> = Vec::new();
    let mut cfg = TrainConfig::default();
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--train" => tr = Some(val()),
            "--dev" => dv = Some(val()),
            "--out" => out = Some(val()),
            "--unlabeled" => unl.push(val()),
            "--seed" => cfg.seed = val().parse().unwrap_or_else(|_| usage()),
            "--epochs1" => cfg.epochs1 = val().parse().unwrap_or_else(|_| usage()),
            "--epochs2" => cfg.epochs2 = val().parse().unwrap_or_else(|_| usage()),
            "--jack-epochs" => cfg.jack_epochs = val().parse().unwrap_or_else(|_| usage()),
            "--folds" => cfg.folds = val().parse().unwrap_or_else(|_| usage()),
            "--prune" => cfg.prune = val().parse().unwrap_or_else(|_| usage()),
            _ => usage(),
        }
    }
    let (Some(tr), Some(dv), Some(out)) = (tr, dv, out) else {
        usage()
    };
    if unl.is_empty() {
        unl = vec![
            "../shared/data/cnndm/dev.jsonl".into(),
            "../shared/data/quotes/polnear-train.jsonl".into(),
            "../shared/data/quotes/polnear-dev.jsonl".into(),
        ];
    }
    let t0 = Instant::now();
    let train_docs = docs(&tr);
    let dev_docs = docs(&dv);
    let mut unlabeled: Vec<Vec<String>> = train_docs
        .iter()
        .flatten()
        .map(|s| s.words.clone())
        .collect();
    for f in &unl {
        for line in read(f).lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if let Some(t) = v
                .get("article")
                .or_else(|| v.get("text"))
                .and_then(|x| x.as_str())
            {
                unlabeled.extend(rough_tokenize(t));
            }
        }
    }
    let mut log = |s: &str| eprintln!("[{:7.1}s] {s}", t0.elapsed().as_secs_f64());
    let res = train(&train_docs, &dev_docs, &unlabeled, &cfg, &mut log);
    if let Err(e) = std::fs::write(&out, &res.model) {
        eprintln!("error: cannot write {out}: {e}");
        exit(1);
    }
    println!(
        "wrote {out}: {} bytes; dev F1 pass 1 {:.2}, final {:.2}; epochs {}/{}; {:.1}s",
        res.model.len(),
        100.0 * res.dev_f1.0,
        100.0 * res.dev_f1.1,
        res.epochs.0,
        res.epochs.1,
        t0.elapsed().as_secs_f64()
    );
}
