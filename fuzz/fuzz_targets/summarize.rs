//! `Summarizer::summarize` with every kind of budget, valid or not (the enum is public, so
//! `Budget::Sentences(0)` or `Budget::Ratio(f32::NAN)` can reach it): selected sentences are
//! sentences of the analysis, in order, within a sentence or ratio budget.
#![no_main]
use byline_fuzz::{check_span, text_of};
use byline_summarize::{Budget, Summarizer};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static SUMMARIZER: OnceLock<Summarizer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&[kind, a, b], rest)) = data.split_first_chunk::<3>() else {
        return;
    };
    let n = usize::from(u16::from_le_bytes([a, b]));
    let budget = match kind % 6 {
        0 => Budget::Sentences(n % 40),
        1 => Budget::Ratio(f32::from(a) / 200.0),
        2 => Budget::Words(n),
        3 => Budget::Chars(n),
        4 => Budget::Ratio([f32::NAN, f32::INFINITY, -1.0, 0.0, 1.0, f32::MIN_POSITIVE][n % 6]),
        _ => Budget::Sentences(usize::MAX - n),
    };
    let text = text_of(rest);
    let analysis = byline_tokenize::analyze(&text);
    let selected = SUMMARIZER
        .get_or_init(Summarizer::new)
        .summarize(&analysis, budget);
    let sentences = analysis.sentences();
    let mut prev = None;
    for s in &selected {
        check_span(&text, s.span, "summary sentence");
        let sent = sentences.get(s.index).expect("summary index in range");
        assert_eq!(sent.span, s.span, "summary span is not its sentence's");
        assert!(
            prev.map_or(true, |p| p < s.index),
            "summary out of order or repeated"
        );
        assert!(!s.score.is_nan(), "NaN score");
        prev = Some(s.index);
    }
    let max = match budget {
        Budget::Sentences(k) => k,
        Budget::Ratio(r) if r > 0.0 && r <= 1.0 => {
            ((f64::from(r) * sentences.len() as f64).ceil() as usize).max(1)
        }
        Budget::Ratio(r) if r > 1.0 => sentences.len(),
        Budget::Ratio(_) => 0,
        _ => sentences.len(),
    };
    assert!(
        selected.len() <= max,
        "{} sentences for {budget:?}",
        selected.len()
    );
});
