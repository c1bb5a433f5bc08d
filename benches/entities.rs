//! Entity recognition throughput (tokens per second, one thread) on tokenized news text.
//!
//! Uses the CNN/DailyMail dev articles (`../shared/data/cnndm/dev.jsonl`, relative to the
//! workspace root; override with `BYLINE_CNNDM=path`). Run with
//! `cargo bench --bench entities`.

mod corpus;

use byline_entities::Recognizer;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let articles = corpus::load(&corpus::CNNDM, Some(200), "entities");
    let analyses: Vec<_> = articles
        .iter()
        .map(|a| byline_tokenize::analyze(a))
        .collect();
    let ntok: usize = analyses.iter().map(|a| a.tokens().len()).sum();
    let rec = Recognizer::new();
    // Parse the embedded model before timing.
    let _ = rec.recognize(&analyses[0]);
    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Elements(ntok as u64));
    g.sample_size(10);
    g.bench_function("recognize_cnndm_200_articles", |b| {
        b.iter(|| {
            let mut n = 0;
            for a in &analyses {
                n += rec.recognize(a).entities.len();
            }
            n
        })
    });
    let docs: Vec<Vec<Vec<&str>>> = analyses
        .iter()
        .map(|a| {
            (0..a.sentences().len())
                .map(|i| a.sentence_tokens(i).iter().map(|t| t.text).collect())
                .collect()
        })
        .collect();
    g.bench_function("iob2_cnndm_200_articles", |b| {
        b.iter(|| docs.iter().map(|d| rec.iob2(d).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
