//! `Tokenizer::analyze` on any text: tokens, sentences and paragraphs keep their invariants.
#![no_main]
use byline_fuzz::{check_analysis, text_of};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static TOKENIZER: OnceLock<byline_tokenize::Tokenizer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let text = text_of(data);
    let a = TOKENIZER
        .get_or_init(byline_tokenize::Tokenizer::new)
        .analyze(&text);
    check_analysis(&text, &a);
});
