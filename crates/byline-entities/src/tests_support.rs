//! Test helpers: the short-news fixture (sentences we wrote, with gold entities in brackets).

/// The fixture file.
pub(crate) const FIXTURE: &str = include_str!("../tests/data/short_news.txt");

/// The fixture's sentences without markup, one a line.
pub(crate) fn fixture_plain() -> String {
    let mut out = String::new();
    for line in FIXTURE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut depth = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '[' => {
                    // skip the label
                    while let Some(&x) = chars.peek() {
                        chars.next();
                        if x == ' ' {
                            break;
                        }
                    }
                    depth = true;
                }
                ']' if depth => depth = false,
                _ => out.push(c),
            }
        }
        out.push('\n');
    }
    out
}
