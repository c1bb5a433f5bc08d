//! Quote-finding throughput in articles per second (one thread), including tokenizing and
//! entity recognition, on the PolNeAR dev texts.
//!
//! Corpus: `../shared/data/quotes/polnear-dev.jsonl` relative to the workspace root (field
//! `"text"`; override with `BYLINE_POLNEAR=path`). If the file is missing, the bench says so
//! and falls back to the seed article. Run with `cargo bench --bench quotes`.
//!
//! Groups: the whole pipeline (tokenize + entities + quotes) and quotes alone on
//! pre-computed analyses, both with `Throughput::Elements` = articles.

use byline_quotes::QuoteFinder;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn load() -> Vec<String> {
    let path = std::env::var("BYLINE_POLNEAR").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/quotes/polnear-dev.jsonl"
        )
        .to_string()
    });
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let v: Vec<String> = text
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
                .collect();
            eprintln!("quotes bench: corpus {path}: {} articles", v.len());
            v
        }
        Err(e) => {
            eprintln!(
                "quotes bench: WARNING: cannot read the PolNeAR dev texts at {path} ({e}); set \
                 BYLINE_POLNEAR to their path. FALLING BACK to the seed article: the figures \
                 below are NOT comparable to the documented ones."
            );
            vec![include_str!("../seeds/000_83454c8955081748.txt").to_string()]
        }
    }
}

fn bench(c: &mut Criterion) {
    let texts = load();
    let finder = QuoteFinder::new();
    let recognizer = byline_entities::Recognizer::new();
    let mut g = c.benchmark_group("quotes");
    g.throughput(Throughput::Elements(texts.len() as u64));
    g.sample_size(10);
    g.bench_function("tokenize+entities+quotes", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                let a = byline_tokenize::analyze(t);
                let e = recognizer.recognize(&a);
                n += finder.find(&a, &e).len();
            }
            black_box(n)
        })
    });
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| {
            let a = byline_tokenize::analyze(t);
            let e = recognizer.recognize(&a);
            (a, e)
        })
        .collect();
    g.bench_function("quotes only", |b| {
        b.iter(|| {
            let n: usize = prepared.iter().map(|(a, e)| finder.find(a, e).len()).sum();
            black_box(n)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
