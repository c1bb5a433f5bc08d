//! Model weights written by `cargo run --release -p byline-eval --bin fit-summarize -- ../shared/data/cnndm/train.jsonl`.
//! Do not edit by hand.

use crate::features::NUM_FEATURES;

/// Logistic-regression weights of the sentence scorer, in `FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NUM_FEATURES] = [
    -2.9456267, // bias
    2.1586604, // position_inverse
    -0.9930134, // is_first
    -0.32493797, // in_first_three
    -0.81184167, // relative_position
    -0.19250605, // length
    -0.17809974, // is_short
    -0.38152906, // is_long
    0.34075144, // centroid_similarity
    -0.19515821, // lexrank_degree
    -0.54942244, // first_sentence_similarity
    0.3407848, // entity_salience
    -0.34820667, // quote_fraction
    -0.4422931, // number_density
    -0.014880947, // attribution_cue
    -0.14503144, // anaphoric_start
    -0.41727698, // is_question
    0.19783458, // content_ratio
    0.096913114, // in_first_five
    0.26534334, // capitalized_density
    0.37281013, // lexrank
    0.2261433, // is_second
    0.44193208, // is_third
    -0.020663472, // length_15_24
    -0.079392426, // length_25_34
    0.259211, // lead_in_short_article
    -0.6272295, // lead_in_long_article
    2.6794064, // term_frequency
    0.9903952, // first_similarity_rank
    0.7149794, // centroid_rank
    0.21249467, // is_fourth
    0.20935643, // is_fifth
    0.008366697, // in_last_fifth
    -0.16972403, // length_35_45
    -0.3830281, // ends_with_colon
    0.10166656, // mentions_top_entity
    0.27520376, // has_number
    0.036412876, // centroid_times_lead
    -0.0116955275, // centroid_squared
    -0.2132249, // mostly_quoted
];

/// Weight of the MMR redundancy penalty.
pub(crate) const REDUNDANCY: f32 = 4.0;

/// Whether sentences sharing a word trigram with a chosen one are skipped.
pub(crate) const TRIGRAM_BLOCKING: bool = false;
