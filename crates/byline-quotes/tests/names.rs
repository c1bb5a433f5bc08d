//! `QuoteKind` and `Via` print and parse as the names of the JSON output.

use byline_quotes::{ErrorKind, QuoteKind, Via};

#[test]
fn quote_kinds_print_and_parse_as_their_names() {
    for (kind, name) in [
        (QuoteKind::Direct, "direct"),
        (QuoteKind::Mixed, "mixed"),
        (QuoteKind::Indirect, "indirect"),
    ] {
        assert_eq!(kind.to_string(), name);
        assert_eq!(name.parse::<QuoteKind>().unwrap(), kind);
        assert_eq!(name.to_uppercase().parse::<QuoteKind>().unwrap(), kind);
    }
    let e = "quoted".parse::<QuoteKind>().unwrap_err();
    assert_eq!(
        e.kind(),
        &ErrorKind::UnknownName {
            name: "quoted".to_string()
        }
    );
    assert_eq!(
        e.to_string(),
        "unknown quote kind \"quoted\": expected direct, mixed or indirect"
    );
    assert!("".parse::<QuoteKind>().is_err());
    assert!(" direct".parse::<QuoteKind>().is_err());
}

#[test]
fn vias_print_and_parse_as_their_names() {
    for (via, name) in [
        (Via::Name, "name"),
        (Via::Pronoun, "pronoun"),
        (Via::Description, "description"),
        (Via::Anonymous, "anonymous"),
    ] {
        assert_eq!(via.to_string(), name);
        assert_eq!(format!("{via:>12}"), format!("{name:>12}"));
        assert_eq!(name.parse::<Via>().unwrap(), via);
    }
    let e = "nickname".parse::<Via>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown speaker resolution \"nickname\": expected name, pronoun, description or anonymous"
    );
}
