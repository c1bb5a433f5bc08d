//! Model weights written by `cargo run --release -p byline-eval --bin fit-summarize -- ../shared/data/cnndm/train.jsonl`.
//! Do not edit by hand.

use crate::features::NUM_FEATURES;

/// Logistic-regression weights of the sentence scorer, in `FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NUM_FEATURES] = [
    -2.950406, // bias
    2.1589627, // position_inverse
    -0.99452055, // is_first
    -0.3248773, // in_first_three
    -0.8106004, // relative_position
    -0.19167762, // length
    -0.18054512, // is_short
    -0.37775892, // is_long
    0.3434812, // centroid_similarity
    -0.19599198, // lexrank_degree
    -0.5519689, // first_sentence_similarity
    0.33540204, // entity_salience
    -0.34704375, // quote_fraction
    -0.44418848, // number_density
    -0.015484345, // attribution_cue
    -0.14637555, // anaphoric_start
    -0.4126133, // is_question
    0.20267715, // content_ratio
    0.096747346, // in_first_five
    0.27531764, // capitalized_density
    0.3751021, // lexrank
    0.2258998, // is_second
    0.44374344, // is_third
    -0.02015013, // length_15_24
    -0.07810378, // length_25_34
    0.2575391, // lead_in_short_article
    -0.6288707, // lead_in_long_article
    2.6770818, // term_frequency
    0.99519694, // first_similarity_rank
    0.71338737, // centroid_rank
    0.20878027, // is_fourth
    0.21284437, // is_fifth
    0.006032837, // in_last_fifth
    -0.16716756, // length_35_45
    -0.31835592, // ends_with_colon
    0.101178706, // mentions_top_entity
    0.27553332, // has_number
    0.03633821, // centroid_times_lead
    -0.01139065, // centroid_squared
    -0.21147536, // mostly_quoted
];

/// Weight of the MMR redundancy penalty.
pub(crate) const REDUNDANCY: f32 = 4.0;

/// Whether sentences sharing a word trigram with a chosen one are skipped.
pub(crate) const TRIGRAM_BLOCKING: bool = false;
