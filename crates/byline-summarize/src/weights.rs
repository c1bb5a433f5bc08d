//! Model weights written by `cargo run --release -p byline-eval --bin fit-summarize -- ../shared/data/cnndm/train.jsonl`.
//! Do not edit by hand.

use crate::features::NUM_FEATURES;

/// Logistic-regression weights of the sentence scorer, in `FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NUM_FEATURES] = [
    -2.9507592, // bias
    2.1622095, // position_inverse
    -0.99429727, // is_first
    -0.32401317, // in_first_three
    -0.80134827, // relative_position
    -0.20475605, // length
    -0.18157908, // is_short
    -0.36134523, // is_long
    0.3435434, // centroid_similarity
    -0.19607587, // lexrank_degree
    -0.5535996, // first_sentence_similarity
    0.33805153, // entity_salience
    -0.35992038, // quote_fraction
    -0.43501598, // number_density
    -0.013243752, // attribution_cue
    -0.1415202, // anaphoric_start
    -0.41786686, // is_question
    0.20825247, // content_ratio
    0.10023807, // in_first_five
    0.24777347, // capitalized_density
    0.37542227, // lexrank
    0.23103285, // is_second
    0.43925127, // is_third
    -0.016839618, // length_15_24
    -0.07055588, // length_25_34
    0.26493225, // lead_in_short_article
    -0.62306494, // lead_in_long_article
    2.6767604, // term_frequency
    0.9927312, // first_similarity_rank
    0.71046716, // centroid_rank
    0.21171738, // is_fourth
    0.21253385, // is_fifth
    0.0004665219, // in_last_fifth
    -0.15866482, // length_35_45
    -0.34773478, // ends_with_colon
    0.10197722, // mentions_top_entity
    0.27484477, // has_number
    0.03746225, // centroid_times_lead
    -0.011613825, // centroid_squared
    -0.20285572, // mostly_quoted
];

/// Weight of the MMR redundancy penalty.
pub(crate) const REDUNDANCY: f32 = 4.0;

/// Whether sentences sharing a word trigram with a chosen one are skipped.
pub(crate) const TRIGRAM_BLOCKING: bool = false;
