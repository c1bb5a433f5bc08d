//! Model weights written by `cargo run --release -p byline-eval --bin fit-summarize -- ../shared/data/cnndm/train.jsonl`.
//! Do not edit by hand.

use crate::features::NUM_FEATURES;

/// Logistic-regression weights of the sentence scorer, in `FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NUM_FEATURES] = [
    -2.955232, // bias
    2.145059, // position_inverse
    -1.0031793, // is_first
    -0.3225966, // in_first_three
    -0.8237402, // relative_position
    -0.19395937, // length
    -0.1774683, // is_short
    -0.36989996, // is_long
    0.3507841, // centroid_similarity
    -0.19746387, // lexrank_degree
    -0.53040975, // first_sentence_similarity
    0.3190245, // entity_salience
    -0.32835358, // quote_fraction
    -0.44548547, // number_density
    -0.013310188, // attribution_cue
    -0.14708956, // anaphoric_start
    -0.41532987, // is_question
    0.20759344, // content_ratio
    0.09209417, // in_first_five
    0.26730356, // capitalized_density
    0.3833766, // lexrank
    0.23279041, // is_second
    0.44779226, // is_third
    -0.0068673287, // length_15_24
    -0.06029901, // length_25_34
    0.27639964, // lead_in_short_article
    -0.61716044, // lead_in_long_article
    2.664391, // term_frequency
    0.98429006, // first_similarity_rank
    0.7157343, // centroid_rank
    0.20407069, // is_fourth
    0.21062009, // is_fifth
    0.015192938, // in_last_fifth
    -0.16168793, // length_35_45
    -0.2942885, // ends_with_colon
    0.10996929, // mentions_top_entity
    0.2667206, // has_number
    0.041757744, // centroid_times_lead
    -0.010832776, // centroid_squared
    -0.22181419, // mostly_quoted
];

/// Weight of the MMR redundancy penalty.
pub(crate) const REDUNDANCY: f32 = 4.0;

/// Whether sentences sharing a word trigram with a chosen one are skipped.
pub(crate) const TRIGRAM_BLOCKING: bool = false;
