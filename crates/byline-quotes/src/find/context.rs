//! The per-document context every stage reads: the tokens, each token's lower-case text,
//! line starts, quotation marks and regions, the entities and their genders, the cue
//! lexicon; plus small token helpers (spans trimmed of punctuation, token by offset).

use super::marks::{regions, Region};
use super::resolve::{genders, Gender};
use crate::lexicon::Lexicon;
use crate::words::classes;
use byline_entities::Entities;
use byline_tokenize::{Analysis, Span, Token};
use std::borrow::Cow;

pub(crate) fn is_word(t: &Token<'_>) -> bool {
    t.text.chars().any(char::is_alphanumeric)
}

pub(crate) fn is_cap(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// No region holds the token (in [`Ctx`]'s per-token region index).
const NO_REGION: u32 = u32::MAX;
/// The token's text is already lower case (in [`Ctx`]'s per-token lower-case index).
const NO_LOWER: u32 = u32::MAX;

/// What the stages know of one document. Per-token facts are stored compactly (a few bytes
/// a token) so that memory stays linear and small on any input.
pub(crate) struct Ctx<'a, 'l> {
    pub(crate) text: &'a str,
    pub(crate) tokens: &'a [Token<'a>],
    /// Per token, [`NO_LOWER`] when its text is already lower case, else the index in
    /// `lowered` of its lower-case text (see [`Ctx::lower`]).
    lower_index: Vec<u32>,
    /// Start and end in `lowered_text` of the lower-case texts of tokens with capitals.
    lowered: Vec<(u32, u32)>,
    lowered_text: String,
    /// Each token's word classes (see [`crate::words`]), looked up once.
    classes: Vec<u16>,
    /// Token starts a new line.
    pub(crate) starts_line: Vec<bool>,
    /// Token is (part of) a quotation mark.
    pub(crate) is_mark: Vec<bool>,
    /// Region whose content holds the token ([`NO_REGION`] for none; see [`Ctx::region_at`]).
    region_of: Vec<u32>,
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
        let mut region_of = vec![NO_REGION; n];
        // Both lists are sorted by offset: merge-walk them.
        let mut r = 0;
        for (i, t) in tokens.iter().enumerate() {
            while r < regions.len() && regions[r].outer().end <= t.span.start {
                r += 1;
            }
            let mut k = r;
            while k < regions.len() && regions[k].open().start < t.span.end {
                let g = regions[k];
                let overlaps = |s: Span| s.start < t.span.end && t.span.start < s.end;
                if overlaps(g.open()) || g.close().is_some_and(overlaps) {
                    is_mark[i] = true;
                } else if g.inner().start <= t.span.start && t.span.end <= g.inner().end {
                    region_of[i] = u32::try_from(k).unwrap_or(NO_REGION);
                }
                k += 1;
            }
        }
        let mut lower_index = vec![NO_LOWER; n];
        let mut lowered = Vec::new();
        let mut lowered_text = String::new();
        for (i, t) in tokens.iter().enumerate() {
            if let Cow::Owned(low) = lowercase(t.text) {
                let start = lowered_text.len();
                lowered_text.push_str(&low);
                let off = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
                lower_index[i] = off(lowered.len());
                lowered.push((off(start), off(lowered_text.len())));
            }
        }
        let mut ctx = Ctx {
            classes: Vec::new(),
            text,
            tokens,
            lower_index,
            lowered,
            lowered_text,
            starts_line,
            is_mark,
            region_of,
            regions,
            entities,
            gender: Vec::new(),
            lexicon,
            min_prob,
            min_count,
            clusters_by_word: std::cell::OnceCell::new(),
        };
        ctx.classes = (0..n).map(|i| classes(ctx.lower(i))).collect();
        ctx.gender = genders(&ctx);
        ctx
    }

    /// Token `i`'s text in lower case ("" past the end).
    pub(crate) fn lower(&self, i: usize) -> &str {
        match self.lower_index.get(i) {
            None => "",
            Some(&NO_LOWER) => self.tokens[i].text,
            Some(&k) => {
                let (a, b) = self.lowered[k as usize];
                self.lowered_text.get(a as usize..b as usize).unwrap_or("")
            }
        }
    }

    /// Whether token `i`'s word belongs to any of the classes in `class` (false past the
    /// end).
    pub(crate) fn is(&self, i: usize, class: u16) -> bool {
        self.classes.get(i).is_some_and(|c| c & class != 0)
    }

    /// The region whose content holds token `i` (not its marks), if any.
    pub(crate) fn region_at(&self, i: usize) -> Option<usize> {
        let r = *self.region_of.get(i)?;
        (r != NO_REGION).then_some(r as usize)
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
            assert_eq!(ctx.region_at(we), Some(0));
            assert_eq!(ctx.region_at(0), None);
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
