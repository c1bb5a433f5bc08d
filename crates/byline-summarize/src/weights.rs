//! Model weights written by `cargo run --release -p byline-eval --bin fit-summarize -- ../shared/data/cnndm/train.jsonl`.
//! Do not edit by hand.

use crate::features::NUM_FEATURES;

/// Logistic-regression weights of the sentence scorer, in `FEATURE_NAMES` order.
#[rustfmt::skip]
pub(crate) const WEIGHTS: [f32; NUM_FEATURES] = [
    -2.9503825, // bias
    2.1589549, // position_inverse
    -0.99450856, // is_first
    -0.3248822, // in_first_three
    -0.81069845, // relative_position
    -0.19175111, // length
    -0.18052626, // is_short
    -0.37768108, // is_long
    0.34351498, // centroid_similarity
    -0.19606408, // lexrank_degree
    -0.55197954, // first_sentence_similarity
    0.3354665, // entity_salience
    -0.3470502, // quote_fraction
    -0.44415125, // number_density
    -0.015476627, // attribution_cue
    -0.14637446, // anaphoric_start
    -0.41261536, // is_question
    0.20281321, // content_ratio
    0.096725345, // in_first_five
    0.27511302, // capitalized_density
    0.37511382, // lexrank
    0.22589108, // is_second
    0.44373524, // is_third
    -0.020134414, // length_15_24
    -0.07806753, // length_25_34
    0.25754368, // lead_in_short_article
    -0.6288914, // lead_in_long_article
    2.6771398, // term_frequency
    0.9951898, // first_similarity_rank
    0.7134139, // centroid_rank
    0.20877112, // is_fourth
    0.21283644, // is_fifth
    0.0060676606, // in_last_fifth
    -0.16711326, // length_35_45
    -0.31838217, // ends_with_colon
    0.10116911, // mentions_top_entity
    0.27552125, // has_number
    0.036359675, // centroid_times_lead
    -0.011388083, // centroid_squared
    -0.21147639, // mostly_quoted
];

/// Weight of the MMR redundancy penalty.
pub(crate) const REDUNDANCY: f32 = 4.0;

/// Whether sentences sharing a word trigram with a chosen one are skipped.
pub(crate) const TRIGRAM_BLOCKING: bool = false;
