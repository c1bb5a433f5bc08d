//! Training support for the boundary model: the top of the module order (it runs the whole
//! pipeline), so that `boundary` below it needs nothing from `sentences`.

/// Training support for `byline-eval`'s `train-sentences`; not part of the stable API.
#[doc(hidden)]
pub mod training {
    use crate::boundary::{self, hash_value, shape, TEMPLATES};
    use crate::Token;

    /// The rule-based segmentation alone (without the learned check).
    pub fn rule_sentences(text: &str) -> (Vec<Token<'_>>, Vec<crate::Sentence>) {
        let tokens = crate::tokenize(text);
        let (sentences, _) = crate::sentences::segment_with(text, &tokens, false);
        (tokens, sentences)
    }

    /// Whether the gap before token `k` is a candidate for the learned check.
    pub fn is_candidate(tokens: &[Token<'_>], k: usize) -> bool {
        boundary::is_candidate(tokens, k)
    }

    /// The features of the gap before token `k` (`nl`: the gap holds a line break) as
    /// `(template, value)` pairs.
    pub fn features(tokens: &[Token<'_>], k: usize, nl: bool) -> Vec<(&'static str, String)> {
        let (a, b) = (&tokens[k - 1], &tokens[k]);
        let mut buf = [0u8; 8];
        let n = shape(a.text, &mut buf);
        let a2 = if k >= 2 { tokens[k - 2].text } else { "<none>" };
        let b2 = tokens.get(k + 1).map_or("<none>", |t| t.text);
        let c = match b2.chars().next() {
            Some(c) if c.is_uppercase() => "U",
            Some(c) if c.is_lowercase() => "l",
            _ => "o",
        };
        let out = vec![
            ("bias", String::new()),
            ("a", a.text.to_ascii_lowercase()),
            ("b", b.text.to_string()),
            ("ab", format!("{}|{}", a.text.to_ascii_lowercase(), b.text)),
            ("as", String::from_utf8_lossy(&buf[..n]).into_owned()),
            ("nl", if nl { "1" } else { "0" }.to_string()),
            ("a2", a2.to_ascii_lowercase()),
            ("b2", b2.to_ascii_lowercase()),
            ("b2c", c.to_string()),
        ];
        // The hashes must agree with what inference computes.
        debug_assert!({
            let mut hashes = Vec::new();
            boundary::features(tokens, k, nl, |_, h| hashes.push(h));
            out.iter().zip(&hashes).all(|((t, v), &h)| {
                TEMPLATES
                    .iter()
                    .position(|x| x == t)
                    .map(|i| hash_value(i, v))
                    == Some(h)
            })
        });
        out
    }

    /// How the model file stores a feature: as it is, or, when the value looks like personal
    /// data (an e-mail address, URL, domain or phone number), as `template#` and the
    /// feature's hash in hexadecimal, which the model reads back as the same feature.
    pub fn stored_feature(template: &str, value: &str) -> (String, String) {
        match TEMPLATES.iter().position(|&t| t == template) {
            Some(i) if boundary::personal(value) => (
                format!("{template}#"),
                format!("{:016x}", hash_value(i, value)),
            ),
            _ => (template.to_string(), value.to_string()),
        }
    }
}
