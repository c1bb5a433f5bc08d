//! Entity recognition throughput (tokens per second, one thread) on tokenized news text.
//!
//! Uses the CNN/DailyMail dev articles (`../shared/data/cnndm/dev.jsonl`, relative to the
//! workspace root; override with `BYLINE_CNNDM=path`). Run with
//! `cargo bench --bench entities`.

use byline_entities::Recognizer;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn load() -> Vec<String> {
    let path = std::env::var("BYLINE_CNNDM").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/cnndm/dev.jsonl"
        )
        .to_string()
    });
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!(
            "error: the entities bench needs the CNN/DM dev articles at {path} ({e}); set BYLINE_CNNDM to their path"
        );
        std::process::exit(2)
    });
    text.lines()
        .take(200)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            v.get("article")
                .and_then(|a| a.as_str())
                .map(str::to_string)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let articles = load();
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
