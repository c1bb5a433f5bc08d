//! Trains the byline-entities model.
//!
//! ```text
//! cargo run --release -p byline-eval --bin train-ner -- \
//!     --train ../shared/data/conll2003/eng.train --dev ../shared/data/conll2003/eng.testa \
//!     --out crates/byline-entities/model/ner.bin
//! ```
//!
//! 1. The lexicon (word clusters, capitalisation ratios, person contexts) is learned from
//!    unlabeled text: the training tokens plus `--unlabeled FILE.jsonl` files (field `text`
//!    or `article`; default: `../shared/data/news/*.jsonl`, `../shared/data/cnndm/train.jsonl`
//!    and `../shared/data/quotes/polnear-train.jsonl`). The name lists of `--names DIR`
//!    (default `../shared/data/gazetteers`; `--no-names` for none) are compiled into a
//!    hashed table.
//! 2. `--cv K` (default 5; 0 skips it): K-fold cross-validation over the documents of the
//!    training file (documents shuffled with `--cv-seed`, default 2003), printed per epoch
//!    and per type. This is how epochs and features are chosen.
//! 3. The model is trained on the whole training file for `--epochs1`/`--epochs2` epochs and
//!    written to `--out`; the `--dev` file is only scored (per epoch and at the end), never
//!    used to choose anything.
//!
//! Deterministic: same inputs, same model bytes (the cross-validation does not affect the
//! model).

use byline_entities::train::{
    cross_validate, name_category, rough_tokenize, train, Counts, Document, LexiconBuilder,
    LexiconConfig, Sentence, TrainConfig,
};
use byline_eval::conll::read_conll;
use std::process::exit;
use std::time::Instant;

fn usage() -> ! {
    eprintln!(
        "usage: train-ner --train eng.train --dev eng.testa --out ner.bin [--unlabeled file.jsonl]... \
         [--names DIR | --no-names] [--cv K] [--cv-seed N] [--threads N] [--seed N] \
         [--epochs1 N] [--epochs2 N] [--split-every N] [--split-cased]"
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

fn curve(name: &str, c: &[Counts]) {
    for (ep, x) in c.iter().enumerate() {
        println!("  {name} epoch {:2}: {}", ep + 1, x.summary());
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut tr, mut dv, mut out) = (None, None, None);
    let mut unl: Vec<String> = Vec::new();
    let mut names = Some("../shared/data/gazetteers".to_string());
    let mut cfg = TrainConfig::default();
    let mut lcfg = LexiconConfig::default();
    let (mut cv, mut cv_seed, mut threads) = (5usize, 2003u64, 2usize);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| usage());
        let num = |s: String| s.parse::<usize>().unwrap_or_else(|_| usage());
        match a.as_str() {
            "--train" => tr = Some(val()),
            "--dev" => dv = Some(val()),
            "--out" => out = Some(val()),
            "--unlabeled" => unl.push(val()),
            "--names" => names = Some(val()),
            "--no-names" => names = None,
            "--cv" => cv = num(val()),
            "--cv-seed" => cv_seed = num(val()) as u64,
            "--threads" => threads = num(val()),
            "--seed" => cfg.seed = num(val()) as u64,
            "--epochs1" => cfg.epochs1 = num(val()),
            "--epochs2" => cfg.epochs2 = num(val()),
            "--jack-epochs" => cfg.jack_epochs = num(val()),
            "--split-every" => cfg.split_every = num(val()),
            "--split-cased" => cfg.split_cased = true,
            "--clusters" => lcfg.clusters.0 = num(val()),
            "--max-vocab" => lcfg.max_vocab = num(val()),
            _ => usage(),
        }
    }
    let (Some(tr), Some(dv), Some(out)) = (tr, dv, out) else {
        usage()
    };
    if unl.is_empty() {
        for f in [
            "news/gothamist.jsonl",
            "news/reuters21578.jsonl",
            "news/cnn-2024-latest.jsonl",
            "news/bbc-2004-2005.jsonl",
            "cnndm/train.jsonl",
            "quotes/polnear-train.jsonl",
        ] {
            unl.push(format!("../shared/data/{f}"));
        }
    }
    let t0 = Instant::now();
    let log = |s: &str| eprintln!("[{:7.1}s] {s}", t0.elapsed().as_secs_f64());
    let train_docs = docs(&tr);
    let dev_docs = docs(&dv);
    let mut lb = LexiconBuilder::new();
    for s in train_docs.iter().flatten() {
        lb.add_sentence(&s.words);
    }
    for f in &unl {
        for line in read(f).lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if let Some(t) = v
                .get("text")
                .or_else(|| v.get("article"))
                .and_then(|x| x.as_str())
            {
                for s in rough_tokenize(t) {
                    lb.add_sentence(&s);
                }
            }
        }
    }
    if let Some(dir) = &names {
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| {
                eprintln!("error: cannot read the name-list directory {dir}: {e}");
                exit(2)
            })
            .filter_map(|e| e.ok().map(|e| e.path().display().to_string()))
            .filter(|p| p.ends_with(".txt"))
            .collect();
        files.sort();
        for f in files {
            for line in read(&f).lines() {
                let mut cols = line.split('\t');
                let (Some(name), sub) = (cols.next(), cols.next().unwrap_or("")) else {
                    continue;
                };
                if let Some(c) = name_category(&f, sub) {
                    lb.add_name(name, c);
                }
            }
        }
    }
    let lex = lb.finish(&lcfg, &mut |s| log(s));
    if cv > 0 {
        log(&format!(
            "cross-validation: {cv} folds over the {} documents of {tr}, seed {cv_seed}",
            train_docs.len()
        ));
        let r = cross_validate(&train_docs, &lex, &cfg, cv, cv_seed, threads, &log);
        println!("{cv}-fold CV over documents of {tr} (seed {cv_seed}), pooled, per epoch:");
        curve("pass 1", &r.curve1);
        curve("pass 2", &r.curve2);
        println!(
            "CV F1 {} at epochs {}/{}; folds {:?}",
            r.pooled.summary(),
            cfg.epochs1,
            cfg.epochs2,
            r.folds
                .iter()
                .map(|f| (f * 100.0).round() / 100.0)
                .collect::<Vec<_>>()
        );
    }
    let res = train(&train_docs, &dev_docs, &lex, &cfg, &mut |s| log(s));
    println!("{dv} (scored only, chooses nothing), per epoch:");
    curve("pass 1", &res.curve1);
    curve("pass 2", &res.curve2);
    println!("{dv} F1 {} (model as written)", res.heldout.summary());
    if let Err(e) = std::fs::write(&out, &res.model) {
        eprintln!("error: cannot write {out}: {e}");
        exit(1);
    }
    println!(
        "wrote {out}: {} bytes; {:.1}s",
        res.model.len(),
        t0.elapsed().as_secs_f64()
    );
}
