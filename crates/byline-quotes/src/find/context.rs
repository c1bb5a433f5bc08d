//! The per-document context every stage reads: the tokens, each token's lower-case text,
//! line starts, quotation marks and regions, the entities and their genders, the cue
//! lexicon; plus small token helpers (spans trimmed of punctuation, token by offset).

use super::*;

pub(crate) fn is_word(t: &Token<'_>) -> bool {
    t.text.chars().any(char::is_alphanumeric)
}

pub(crate) fn is_cap(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

pub(crate) struct Ctx<'a, 'l> {
    pub(crate) text: &'a str,
    pub(crate) tokens: &'a [Token<'a>],
    /// Each token's text in lower case (borrowed when it has no capital).
    pub(crate) lower_texts: Vec<Cow<'a, str>>,
    /// Token starts a new line.
    pub(crate) starts_line: Vec<bool>,
    /// Token is (part of) a quotation mark.
    pub(crate) is_mark: Vec<bool>,
    /// Region whose content holds the token.
    pub(crate) region_of: Vec<Option<usize>>,
    pub(crate) regions: Vec<Region>,
    pub(crate) entities: &'a Entities,
    /// The gender the document gives each entity cluster (see [`genders`]).
    pub(crate) gender: Vec<Gender>,
    pub(crate) lexicon: &'l Lexicon,
    pub(crate) min_prob: f32,
    pub(crate) min_count: u32,
    /// Cluster name words to clusters (see [`index_cluster_names`]), built on first use.
    pub(crate) clusters_by_word: std::cell::OnceCell<std::collections::HashMap<&'a str, usize>>,
}

impl<'a, 'l> Ctx<'a, 'l> {
    pub(crate) fn new(
        analysis: &'a Analysis<'a>,
        entities: &'a Entities,
        lexicon: &'l Lexicon,
        min_prob: f32,
        min_count: u32,
    ) -> Self {
        let text = analysis.text();
        let tokens = analysis.tokens();
        let regions = regions(text);
        let n = tokens.len();
        let mut starts_line = vec![false; n];
        let mut prev_end = 0;
        for (i, t) in tokens.iter().enumerate() {
            starts_line[i] = i == 0
                || text
                    .get(prev_end..t.span.start)
                    .is_some_and(|g| g.contains('\n'));
            prev_end = t.span.end;
        }
        let mut is_mark = vec![false; n];
        let mut region_of = vec![None; n];
        // Both lists are sorted by offset: merge-walk them.
        let mut r = 0;
        for (i, t) in tokens.iter().enumerate() {
            while r < regions.len() && regions[r].outer().end <= t.span.start {
                r += 1;
            }
            let mut k = r;
            while k < regions.len() && regions[k].open.start < t.span.end {
                let g = regions[k];
                let overlaps = |s: Span| s.start < t.span.end && t.span.start < s.end;
                if overlaps(g.open) || g.close.is_some_and(overlaps) {
                    is_mark[i] = true;
                } else if g.inner.start <= t.span.start && t.span.end <= g.inner.end {
                    region_of[i] = Some(k);
                }
                k += 1;
            }
        }
        let lower: Vec<Cow<'a, str>> = tokens.iter().map(|t| lowercase(t.text)).collect();
        let gender = genders(entities, &lower, &starts_line, &region_of);
        Ctx {
            text,
            tokens,
            lower_texts: lower,
            starts_line,
            is_mark,
            region_of,
            regions,
            entities,
            gender,
            lexicon,
            min_prob,
            min_count,
            clusters_by_word: std::cell::OnceCell::new(),
        }
    }

    pub(crate) fn lower(&self, i: usize) -> &str {
        self.lower_texts.get(i).map_or("", |w| w)
    }

    pub(crate) fn is_punct(&self, i: usize, set: &[&str]) -> bool {
        set.contains(&self.tokens[i].text)
    }

    /// Index of the first token that ends after byte `byte` (the token holding it, else
    /// the next one).
    pub(crate) fn token_at(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= byte)
    }

    pub(crate) fn span(&self, a: usize, b: usize) -> Option<Span> {
        // tokens a..b, trimmed of punctuation at both ends
        let (mut a, mut b) = (a, b);
        while a < b && !is_word(&self.tokens[a]) {
            a += 1;
        }
        while b > a && !is_word(&self.tokens[b - 1]) {
            b -= 1;
        }
        (a < b).then(|| Span::new(self.tokens[a].span.start, self.tokens[b - 1].span.end))
    }
}

/// `text` in lower case, borrowed when it is ASCII without capitals (most tokens).
pub(crate) fn lowercase(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::test_support::{token, with_ctx};

    #[test]
    fn per_token_facts() {
        let text = "Tom said:\n“We Won.”";
        with_ctx(text, |ctx| {
            let we = token(ctx, "We");
            assert!(ctx.starts_line[token(ctx, "“")]);
            assert!(!ctx.starts_line[we]);
            assert!(ctx.is_mark[token(ctx, "“")]);
            assert_eq!(ctx.region_of[we], Some(0));
            assert_eq!(ctx.region_of[0], None);
            assert_eq!(ctx.lower(we), "we");
            assert_eq!(ctx.lower(999), "");
            assert_eq!(
                ctx.token_at(text.find("Won").unwrap_or(0)),
                token(ctx, "Won")
            );
            // punctuation trimmed at both ends
            assert_eq!(ctx.span(0, 3).map(|s| s.text(text)), Some("Tom said"));
        });
    }

    #[test]
    fn lowercase_borrows_when_it_can() {
        assert!(matches!(lowercase("said"), Cow::Borrowed("said")));
        assert_eq!(lowercase("ÉTÉ"), "été");
    }
}
