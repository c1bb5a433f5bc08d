//! The whole pipeline (tokenize → entities → quotes → summarize) on CNN/DailyMail dev
//! articles, one thread: articles/s and words/s (criterion reports bytes/s; words are counted
//! and printed once).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const CORPUS: &str = "../shared/data/cnndm/dev.jsonl";

fn articles() -> Vec<String> {
    match std::fs::read_to_string(CORPUS) {
        Ok(s) => s
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["article"].as_str().map(str::to_string))
            .take(200)
            .collect(),
        Err(e) => {
            eprintln!(
                "benches/pipeline: {CORPUS} is missing ({e}); benchmarking the seed article \
                 instead, which is NOT representative"
            );
            vec![include_str!("../seeds/000_83454c8955081748.txt").to_string()]
        }
    }
}

fn bench(c: &mut Criterion) {
    let docs = articles();
    let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
    let bytes: usize = docs.iter().map(String::len).sum();
    eprintln!(
        "benches/pipeline: {} articles, {words} words, {bytes} bytes per iteration",
        docs.len()
    );
    let pipeline = byline::Pipeline::new();
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    g.throughput(Throughput::Elements(words as u64));
    g.bench_function("analyze/words", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(pipeline.analyze(d));
            }
        })
    });
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function("analyze/articles", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(pipeline.analyze(d));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
