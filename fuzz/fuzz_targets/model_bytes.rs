//! `Recognizer::from_bytes` on any bytes (seed the corpus with the shipped model, see
//! `.ci/fuzz`): it returns an error or a recognizer whose output keeps the entity invariants;
//! it never panics or allocates without bound.
#![no_main]
use byline_fuzz::check_entities;
use libfuzzer_sys::fuzz_target;

const TEXT: &str = "MOSCOW (Reuters) - Russian President Vladimir Putin met Angela Merkel \
in Berlin on Tuesday. \"We agreed,\" Putin told reporters at the Kremlin.\n\nThe United \
Nations and NATO said Merkel would visit Washington.";

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = byline_entities::Recognizer::from_bytes(data) {
        let a = byline_tokenize::analyze(TEXT);
        let e = r.recognize(&a);
        check_entities(TEXT, &a, &e);
    }
});
