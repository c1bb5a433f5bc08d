//! Loading damaged or foreign model files fails with a typed error, never a panic.

use byline_entities::{ErrorKind, Recognizer};

const MODEL: &[u8] = include_bytes!("../model/ner.bin");

fn kind(b: &[u8]) -> ErrorKind {
    Recognizer::from_bytes(b).unwrap_err().kind().clone()
}

#[test]
fn foreign_data_is_not_a_model() {
    assert_eq!(kind(b""), ErrorKind::NotAModel);
    assert_eq!(kind(b"{\"weights\": []}"), ErrorKind::NotAModel);
    assert_eq!(kind(&MODEL[1..]), ErrorKind::NotAModel);
}

#[test]
fn other_versions_are_refused() {
    let mut b = MODEL.to_vec();
    b[8] = 99;
    assert_eq!(kind(&b), ErrorKind::UnsupportedVersion(99));
    assert!(Recognizer::from_bytes(&b)
        .unwrap_err()
        .to_string()
        .contains("retrain"));
}

#[test]
fn truncated_or_flipped_bytes_are_corrupt() {
    for n in [9, 12, 20, 100, MODEL.len() / 2, MODEL.len() - 1] {
        assert_eq!(kind(&MODEL[..n]), ErrorKind::Corrupt, "length {n}");
    }
    for pos in [30, MODEL.len() / 3, MODEL.len() - 9] {
        let mut b = MODEL.to_vec();
        b[pos] ^= 0x5a;
        assert_eq!(kind(&b), ErrorKind::Corrupt, "flipped byte {pos}");
    }
}

#[test]
fn missing_file_is_an_io_error() {
    let e = Recognizer::from_path("/nonexistent/byline/ner.bin").unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Io);
    assert!(e.to_string().contains("/nonexistent/byline/ner.bin"));
}

#[test]
fn builder_reports_bad_model_bytes() {
    let mut b = Recognizer::builder();
    assert_eq!(
        b.model_bytes(b"nope").unwrap_err().kind(),
        &ErrorKind::NotAModel
    );
    assert!(b.model_bytes(MODEL).is_ok());
}
