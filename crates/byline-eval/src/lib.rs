//! Evaluation scorers for byline, ported from the reference Python scorers in
//! `../shared/tools/`, with equal numbers on the same input. Not published.

pub mod cli;
pub mod conll;
pub mod heap;
pub mod quotes;
pub mod rouge;
pub mod summ;
pub mod testdata;
pub mod timing;
pub mod ud;

/// Precision, recall and F1 as the reference scorers compute them: `P = tp_p / n_p`,
/// `R = tp_r / n_r` (each 0 when its denominator is 0) and `F1 = 2PR / (P + R)` (0 when both
/// are 0). The true positives of precision and recall are the same count in most metrics; the
/// quote scorer counts them separately.
pub fn prf(tp_p: usize, n_p: usize, tp_r: usize, n_r: usize) -> (f64, f64, f64) {
    let p = if n_p > 0 {
        tp_p as f64 / n_p as f64
    } else {
        0.0
    };
    let r = if n_r > 0 {
        tp_r as f64 / n_r as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}
