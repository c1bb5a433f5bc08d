//! Articles per second of tokenizing + summarizing (three sentences), one thread.
//!
//! Reads the first 200 articles of `../shared/data/cnndm/dev.jsonl` when it exists (nothing is
//! copied into the repository), else the seed article. `cargo bench --bench summarize`.

mod corpus;

use byline_summarize::{Budget, Summarizer};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let arts = corpus::load(&corpus::CNNDM, Some(200), "summarize");
    let name = "cnndm-dev-200";
    let summarizer = Summarizer::new();
    let mut g = c.benchmark_group("summarize");
    g.throughput(Throughput::Elements(arts.len() as u64));
    g.bench_function(format!("tokenize-only/{name}"), |b| {
        b.iter(|| {
            for a in &arts {
                black_box(byline_tokenize::analyze(a).sentences().len());
            }
        })
    });
    g.bench_function(format!("tokenize+summarize-3/{name}"), |b| {
        b.iter(|| {
            for a in &arts {
                let an = byline_tokenize::analyze(a);
                black_box(summarizer.summarize(&an, Budget::Sentences(3)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
