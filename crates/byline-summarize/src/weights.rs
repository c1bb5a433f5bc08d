//! Model weights written by `cargo run --release -p byline-eval --bin fit-summarize -- ../shared/data/cnndm/train.jsonl`.
//! Do not edit by hand.

use crate::features::NUM_FEATURES;

/// Logistic-regression weights of the sentence scorer, in `FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NUM_FEATURES] = [
    -2.9606776, // bias
    2.157995, // position_inverse
    -1.0017911, // is_first
    -0.3217614, // in_first_three
    -0.7990156, // relative_position
    -0.19786093, // length
    -0.17140369, // is_short
    -0.37330982, // is_long
    0.34521347, // centroid_similarity
    -0.1964577, // lexrank_degree
    -0.5285953, // first_sentence_similarity
    0.33227867, // entity_salience
    -0.33539066, // quote_fraction
    -0.4374953, // number_density
    -0.014737657, // attribution_cue
    -0.148686, // anaphoric_start
    -0.4151742, // is_question
    0.21852653, // content_ratio
    0.09388026, // in_first_five
    0.2524747, // capitalized_density
    0.37319696, // lexrank
    0.23257843, // is_second
    0.44745126, // is_third
    -0.009897384, // length_15_24
    -0.062744275, // length_25_34
    0.26806504, // lead_in_short_article
    -0.6248137, // lead_in_long_article
    2.6787043, // term_frequency
    0.977481, // first_similarity_rank
    0.71689856, // centroid_rank
    0.20403157, // is_fourth
    0.2116101, // is_fifth
    -0.002596044, // in_last_fifth
    -0.16293035, // length_35_45
    -0.30107883, // ends_with_colon
    0.10499269, // mentions_top_entity
    0.26724592, // has_number
    0.038841225, // centroid_times_lead
    -0.011887192, // centroid_squared
    -0.21557218, // mostly_quoted
];

/// Weight of the MMR redundancy penalty.
pub(crate) const REDUNDANCY: f32 = 4.0;

/// Whether sentences sharing a word trigram with a chosen one are skipped.
pub(crate) const TRIGRAM_BLOCKING: bool = false;
