//! Tokenizer throughput (bytes per second, one thread) on news text.
//!
//! Corpus: the articles of the CNN/DailyMail dev file (`../shared/data/cnndm/dev.jsonl`
//! relative to the workspace root, field `"article"`; override with `BYLINE_CNNDM=path`).
//! If the file is missing, the bench says so and falls back to the seed article.
//! Run with `cargo bench --bench tokenize`.
//!
//! One group per function, all over the same corpus: the floors `str::split_whitespace` and
//! `unicode_segmentation`'s `split_word_bounds`, then byline tokens, and tokens + sentences.

mod corpus;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use unicode_segmentation::UnicodeSegmentation;

fn bench(c: &mut Criterion) {
    let articles = corpus::load(&corpus::CNNDM, None, "tokenize");
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
