//! Quote-finding throughput in articles per second (one thread), including tokenizing and
//! entity recognition, on the PolNeAR dev texts.
//!
//! Corpus: `../shared/data/quotes/polnear-dev.jsonl` relative to the workspace root (field
//! `"text"`; override with `BYLINE_POLNEAR=path`). If the file is missing, the bench says so
//! and falls back to the seed article. Run with `cargo bench --bench quotes`.
//!
//! Groups: the whole pipeline (tokenize + entities + quotes) and quotes alone on
//! pre-computed analyses, both with `Throughput::Elements` = articles.

mod corpus;

use byline_quotes::QuoteFinder;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let texts = corpus::load(&corpus::POLNEAR, None, "quotes");
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
