//! Articles per second of tokenizing + summarizing (three sentences), one thread.
//!
//! Reads the first 200 articles of `../shared/data/cnndm/dev.jsonl` when it exists (nothing is
//! copied into the repository), else the seed article. `cargo bench --bench summarize`.

use byline_summarize::{Budget, Summarizer};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn articles() -> (String, Vec<String>) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/cnndm/dev.jsonl"
    );
    if let Ok(text) = std::fs::read_to_string(path) {
        let arts: Vec<String> = text
            .lines()
            .take(200)
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("article")?.as_str().map(str::to_string))
            .collect();
        if !arts.is_empty() {
            return ("cnndm-dev-200".into(), arts);
        }
    }
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_83454c8955081748.txt"
    ))
    .unwrap_or_default();
    ("seed".into(), vec![seed])
}

fn bench(c: &mut Criterion) {
    let (name, arts) = articles();
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
