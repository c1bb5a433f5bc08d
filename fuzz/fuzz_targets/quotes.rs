//! `QuoteFinder::find` on any text: quote parts inside their quote, spans on char boundaries.
#![no_main]
use byline_fuzz::{check_entities, check_quotes, text_of};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static LAYERS: OnceLock<(byline_entities::Recognizer, byline_quotes::QuoteFinder)> =
    OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let (recognizer, finder) = LAYERS.get_or_init(|| {
        (
            byline_entities::Recognizer::new(),
            byline_quotes::QuoteFinder::new(),
        )
    });
    let text = text_of(data);
    let a = byline_tokenize::analyze(&text);
    let e = recognizer.recognize(&a);
    check_entities(&text, &a, &e);
    // Also without entities, as a user of the quotes crate alone would call it.
    for e in [e, byline_entities::Entities::default()] {
        let quotes = finder.find(&a, &e);
        check_quotes(&text, &e, &quotes);
    }
});
