//! Model weights written by `cargo run --release -p byline-eval --bin fit-summarize`.
//! Do not edit by hand.

use crate::NUM_FEATURES;

/// Feature weights, in `FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NUM_FEATURES] = [
    0.0, // bias
    1.1500001, // position_inverse
    0.5, // is_first
    0.10000001, // in_first_three
    -0.05, // relative_position
    -0.3, // length
    -0.65000004, // is_short
    -0.5, // is_long
    0.78000003, // centroid_similarity
    0.1, // lexrank_degree
    0.15, // first_sentence_similarity
    0.3, // entity_salience
    -0.35000002, // quote_fraction
    0.4, // number_density
    -0.05, // attribution_cue
    0.05, // anaphoric_start
    -0.45000002, // is_question
    0.15, // content_ratio
    0.0, // in_first_five
    0.0, // capitalized_density
    0.2, // lexrank
];

/// Weight of the MMR redundancy penalty.
pub(crate) const REDUNDANCY: f32 = 0.3;
