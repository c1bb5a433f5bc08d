//! `Recognizer::recognize` on any text: mentions are whole tokens, clusters consistent.
#![no_main]
use byline_fuzz::{check_entities, text_of};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static RECOGNIZER: OnceLock<byline_entities::Recognizer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let text = text_of(data);
    let a = byline_tokenize::analyze(&text);
    let e = RECOGNIZER
        .get_or_init(byline_entities::Recognizer::new)
        .recognize(&a);
    check_entities(&text, &a, &e);
});
