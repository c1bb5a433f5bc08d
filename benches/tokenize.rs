//! Tokenizer throughput (bytes per second, one thread) on news text.
//!
//! Corpus: the articles of the CNN/DailyMail dev file (`../shared/data/cnndm/dev.jsonl`
//! relative to the workspace root, field `"article"`; override with `BYLINE_CNNDM=path`).
//! If the file is missing, the bench says so and falls back to generated news-like text.
//! Run with `cargo bench --bench tokenize`.
//!
//! One group per function, all over the same corpus: the floors `str::split_whitespace` and
//! `unicode_segmentation`'s `split_word_bounds`, then byline tokens, and tokens + sentences.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use unicode_segmentation::UnicodeSegmentation;

fn load() -> Vec<String> {
    let path = std::env::var("BYLINE_CNNDM").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/cnndm/dev.jsonl"
        )
        .to_string()
    });
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let v: Vec<String> = text
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v.get("article")?.as_str().map(str::to_string))
                .collect();
            eprintln!(
                "tokenize bench: corpus {path}: {} articles, {} bytes",
                v.len(),
                v.iter().map(String::len).sum::<usize>()
            );
            v
        }
        Err(e) => {
            eprintln!(
                "tokenize bench: WARNING: cannot read the CNN/DM dev articles at {path} ({e}); \
                 set BYLINE_CNNDM to their path. FALLING BACK to generated text: the figures \
                 below are NOT comparable to the documented ones."
            );
            generated()
        }
    }
}

/// Deterministic news-like text (varied sentences, not one article repeated).
fn generated() -> Vec<String> {
    let subjects = [
        "The minister",
        "Police in Ohio",
        "Mr. Smith",
        "The U.S. Army",
        "She",
        "Officials",
    ];
    let verbs = [
        "said",
        "didn't confirm",
        "announced",
        "can't explain",
        "reported",
        "denied",
    ];
    let objects = [
        "a $1,000 fine on Sept. 4.",
        "that 3.5% of voters \"won't\" return.",
        "the long-term plan, according to @byline_news.",
        "“we had our reasons,” he added.",
        "the results at 5 p.m. (local time).",
        "what happened — again.",
    ];
    let mut seed = 7u64;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    (0..1000)
        .map(|_| {
            let mut a = String::from("(CNN) — ");
            for s in 0..30 {
                a.push_str(subjects[next(subjects.len())]);
                a.push(' ');
                a.push_str(verbs[next(verbs.len())]);
                a.push(' ');
                a.push_str(objects[next(objects.len())]);
                a.push_str(if s % 6 == 5 { "\n\n" } else { " " });
            }
            a
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let articles = load();
    let bytes: usize = articles.iter().map(String::len).sum();
    let tokenizer = byline_tokenize::Tokenizer::new();
    let mut run = |name: &str, f: &dyn Fn(&str) -> usize| {
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(20);
        g.bench_function("cnndm_dev_articles", |b| {
            b.iter(|| articles.iter().map(|a| f(black_box(a))).sum::<usize>())
        });
        g.finish();
    };
    run("split_whitespace", &|a| a.split_whitespace().count());
    run("split_word_bounds", &|a| a.split_word_bounds().count());
    run("byline_tokens", &|a| tokenizer.tokenize(a).len());
    run("byline_tokens_sentences", &|a| {
        tokenizer.analyze(a).sentences().len()
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
