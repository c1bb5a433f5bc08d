//! Model weights written by `cargo run --release -p byline-eval --bin fit-summarize -- ../shared/data/cnndm/train.jsonl`.
//! Do not edit by hand.

use crate::features::NUM_FEATURES;

/// Logistic-regression weights of the sentence scorer, in `FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NUM_FEATURES] = [
    -3.2496538, // bias
    2.5680892, // position_inverse
    -1.8136498, // is_first
    -0.21081717, // in_first_three
    -0.5682411, // relative_position
    -0.15281257, // length
    -0.31773484, // is_short
    -0.31782216, // is_long
    1.4158614, // centroid_similarity
    0.13237783, // lexrank_degree
    0.6160636, // first_sentence_similarity
    0.61373883, // entity_salience
    -0.18021794, // quote_fraction
    0.55152667, // number_density
    0.046037458, // attribution_cue
    -0.23757601, // anaphoric_start
    -0.41922852, // is_question
    0.55962914, // content_ratio
    0.4614438, // in_first_five
    0.52278596, // capitalized_density
    0.6286547, // lexrank
];

/// Weight of the MMR redundancy penalty.
pub(crate) const REDUNDANCY: f32 = 1.0;
