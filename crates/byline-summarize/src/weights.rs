//! Model weights written by `cargo run --release -p byline-eval --bin fit-summarize -- ../shared/data/cnndm/train.jsonl`.
//! Do not edit by hand.

use crate::features::NUM_FEATURES;

/// Logistic-regression weights of the sentence scorer, in `FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NUM_FEATURES] = [
    -3.632748, // bias
    5.4799, // position_inverse
    -2.5380273, // is_first
    -1.1295831, // in_first_three
    -0.53383845, // relative_position
    -0.040911138, // length
    -0.18256451, // is_short
    -0.52650785, // is_long
    1.3012737, // centroid_similarity
    -0.22910741, // lexrank_degree
    -0.38315195, // first_sentence_similarity
    0.15819596, // entity_salience
    -0.44354585, // quote_fraction
    -1.0942733, // number_density
    -0.017994432, // attribution_cue
    -0.17168687, // anaphoric_start
    -0.41617927, // is_question
    0.41768634, // content_ratio
    -0.45153284, // in_first_five
    0.48828912, // capitalized_density
    0.39015508, // lexrank
    0.33628237, // is_second
    1.0721619, // is_third
    -0.01720803, // length_15_24
    -0.09035113, // length_25_34
    0.061337817, // lead_in_short_article
    -0.5627764, // lead_in_long_article
    4.0478144, // term_frequency
    0.8345989, // first_similarity_rank
    0.6701366, // centroid_rank
    0.26256478, // is_fourth
    0.41548547, // is_fifth
    0.009963272, // in_last_fifth
    -0.22566243, // length_35_45
    -0.6648043, // ends_with_colon
    0.047210164, // mentions_top_entity
    0.32179072, // has_number
    0.19773205, // centroid_times_lead
    -0.24247706, // centroid_squared
    0.20196839, // mostly_quoted
];

/// Weight of the MMR redundancy penalty.
pub(crate) const REDUNDANCY: f32 = 6.0;
