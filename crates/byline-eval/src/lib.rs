//! Evaluation scorers for byline, ported from the reference Python scorers in
//! `../shared/tools/`, with equal numbers on the same input. Not published.

pub mod conll;
pub mod quotes;
pub mod rouge;
pub mod ud;
