//! Model weights written by `cargo run --release -p byline-eval --bin fit-summarize`.
//! Do not edit by hand.

use crate::NUM_FEATURES;

/// Feature weights, in `FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NUM_FEATURES] = [
    0.0, // bias
    1.2, // position_inverse
    0.5, // is_first
    -0.099999994, // in_first_three
    0.0, // relative_position
    -0.1, // length
    -0.6, // is_short
    -0.6, // is_long
    0.59999996, // centroid_similarity
    0.1, // lexrank_degree
    -0.2, // first_sentence_similarity
    0.3, // entity_salience
    -0.38, // quote_fraction
    0.4, // number_density
    0.0, // attribution_cue
    0.1, // anaphoric_start
    -0.23, // is_question
    0.2, // content_ratio
    0.0, // in_first_five
    0.0, // capitalized_density
    0.2, // lexrank
];

/// Weight of the MMR redundancy penalty.
pub(crate) const REDUNDANCY: f32 = 0.20000002;
