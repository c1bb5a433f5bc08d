//! The extraction algorithm, one module per stage: [`marks`] pairs quotation marks and
//! builds direct quotes, [`cues`] finds the words that introduce attributions, [`content`]
//! delimits reported speech, [`source`] finds the phrase naming the speaker, and
//! [`resolve`] links that phrase to an entity cluster. [`context`] holds what they share.

mod content;
mod context;
mod cues;
mod learned;
mod marks;
mod resolve;
mod source;

use crate::lexicon::Lexicon;
use crate::Quote;
use byline_entities::Entities;
use byline_tokenize::{Analysis, Span};
use content::reported;
use context::Ctx;
pub(crate) use cues::TOPIC_CUES;
pub(crate) use learned::Learned;
#[cfg_attr(not(feature = "training"), allow(unused_imports))]
pub use learned::{Candidate, ReportedModel};
use marks::direct_quotes;
use resolve::resolve;

/// One raw attribution before speaker resolution.
pub(crate) struct Attribution {
    /// The content parts.
    pub(crate) parts: Vec<Span>,
    /// The cue word(s).
    pub(crate) cue: Option<Span>,
    /// The source mention.
    pub(crate) source: Option<Span>,
    /// The source was inherited from an earlier quote (not a local mention).
    pub(crate) inherited: bool,
}

pub(crate) fn find(
    analysis: &Analysis<'_>,
    entities: &Entities,
    lexicon: &Lexicon,
    min_prob: f32,
    min_count: u32,
    learned: &mut Learned<'_>,
) -> Vec<Quote> {
    // byte offsets are stored as u32 (see `Region`, `Ctx`)
    if analysis.text().len() >= u32::MAX as usize {
        return Vec::new();
    }
    let ctx = Ctx::new(analysis, entities, lexicon, min_prob, min_count);
    let n = ctx.tokens.len();
    let mut claimed = vec![false; n];
    let mut attributions: Vec<Attribution> = Vec::new();
    direct_quotes(&ctx, &mut claimed, &mut attributions);
    reported(&ctx, analysis, &claimed, &mut attributions, learned);
    attributions.sort_by_key(|r| r.parts.first().map_or(0, |p| p.start));
    resolve(&ctx, attributions)
}

/// Builds the context of a text for the stage modules' unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    use super::Ctx;
    use crate::lexicon::Lexicon;

    /// Runs `f` on the context of `text` (embedded lexicon, default thresholds).
    pub(crate) fn with_ctx<R>(text: &str, f: impl FnOnce(&Ctx<'_, '_>) -> R) -> R {
        let analysis = byline_tokenize::analyze(text);
        let entities = byline_entities::Recognizer::new().recognize(&analysis);
        let lexicon = Lexicon::embedded();
        let ctx = Ctx::new(&analysis, &entities, &lexicon, 0.2, 3);
        f(&ctx)
    }

    /// The index of the first token whose text is `word`.
    pub(crate) fn token(ctx: &Ctx<'_, '_>, word: &str) -> usize {
        ctx.tokens
            .iter()
            .position(|t| t.text == word)
            .unwrap_or_else(|| panic!("no token {word:?}"))
    }
}
