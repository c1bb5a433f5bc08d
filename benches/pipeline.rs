//! The whole pipeline (tokenize → entities → quotes → summarize) on CNN/DailyMail dev
//! articles, one thread: criterion reports words/s and articles/s (the counts are printed
//! once).

mod corpus;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let docs = corpus::load(&corpus::CNNDM, Some(200), "pipeline");
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
