//! A document prepared for feature extraction: the tokens' precomputed hashes, each
//! sentence's context and name-list matches.

use crate::features::{SentCtx, Tok};
use crate::lexicon::Lexicon;
use crate::names::{self, Match};

/// A document prepared for feature extraction.
#[derive(Clone, Debug, Default)]
pub(crate) struct DocInput {
    pub sents: Vec<Vec<Tok>>,
    pub ctx: Vec<SentCtx>,
    /// Name-list matches per sentence.
    pub gz: Vec<Vec<Match>>,
}

impl DocInput {
    pub(crate) fn new<'a, S, W>(sents: S, lex: &Lexicon) -> DocInput
    where
        S: IntoIterator<Item = W>,
        W: IntoIterator<Item = &'a str>,
    {
        let mut d = DocInput::default();
        for s in sents {
            let toks: Vec<Tok> = s.into_iter().map(|w| Tok::new(w, lex)).collect();
            d.push(toks, lex);
        }
        d
    }

    /// Adds a sentence.
    pub(crate) fn push(&mut self, toks: Vec<Tok>, lex: &Lexicon) {
        self.ctx.push(SentCtx::of(&toks, self.sents.is_empty()));
        let mut gz = Vec::new();
        sentence_matches(lex, &toks, &mut gz);
        self.gz.push(gz);
        self.sents.push(toks);
    }
}

/// The name-list matches of a sentence.
pub(crate) fn sentence_matches(lex: &Lexicon, toks: &[Tok], out: &mut Vec<Match>) {
    names::matches(
        &lex.names,
        toks.len(),
        |i| toks[i].gaz,
        |i| toks[i].lower,
        |i| toks[i].cap || !toks[i].alpha,
        out,
    );
}

/// Whether a token is capitalised in the middle of a mixed-case sentence.
#[inline]
pub(crate) fn own_cap_mid(t: &Tok, i: usize, ctx: SentCtx) -> bool {
    t.cap && i > 0 && !ctx.all_caps
}
