//! Timing for the speed gates on a shared, noisy machine: a measured job and a fixed
//! reference on the same text take turns, and the best time of each counts, so that a load
//! spike hits both alike and the gate can be a cost ratio (job time / reference time) that
//! stays put when the whole machine slows down.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Wall time of one call of `f` (its result is kept from being optimised away).
pub fn time<F: FnMut() -> usize>(mut f: F) -> Duration {
    let t = Instant::now();
    black_box(f());
    t.elapsed()
}

/// The best time of each of `jobs` over `runs` rounds (at least one), each round running
/// them in order; while `settled` (given the best times so far) is false after those, up to
/// `runs` more rounds (a burst of load from another tenant of a shared machine can last
/// several rounds). Returns the best times and the number of rounds.
pub fn best_in_turns(
    runs: usize,
    jobs: &mut [&mut dyn FnMut() -> usize],
    settled: impl Fn(&[Duration]) -> bool,
) -> (Vec<Duration>, usize) {
    let mut best = vec![Duration::MAX; jobs.len()];
    let runs = runs.max(1);
    let mut rounds = 0;
    while rounds < 2 * runs {
        for (f, b) in jobs.iter_mut().zip(best.iter_mut()) {
            *b = (*b).min(time(f));
        }
        rounds += 1;
        if rounds >= runs && settled(&best) {
            break;
        }
    }
    (best, rounds)
}

/// The best times of `job` and `reference` by [`best_in_turns`], each round running the
/// reference, then the job, settled when the cost ratio is at most `max_cost`.
pub fn best_alternating<J, R>(
    runs: usize,
    max_cost: Option<f64>,
    mut job: J,
    mut reference: R,
) -> (Duration, Duration)
where
    J: FnMut() -> usize,
    R: FnMut() -> usize,
{
    let settled = |b: &[Duration]| max_cost.is_none_or(|m| cost_ratio(b[1], b[0]) <= m);
    let (best, _) = best_in_turns(runs, &mut [&mut reference, &mut job], settled);
    (best[1], best[0])
}

/// Prints `cost ratio SHORT / split_word_bounds: COST`; above `max_cost`, prints `GATE
/// FAILED: WHAT costs COST x split_word_bounds, above MAX (--max-cost-ratio)` and returns
/// false.
pub fn split_word_bounds_gate(short: &str, what: &str, cost: f64, max_cost: Option<f64>) -> bool {
    println!("cost ratio {short} / split_word_bounds: {cost:.2}");
    match max_cost {
        Some(m) if cost > m => {
            eprintln!(
                "GATE FAILED: {what} costs {cost:.2} x split_word_bounds, above {m} (--max-cost-ratio)"
            );
            false
        }
        _ => true,
    }
}

/// `job / reference`, with a reference of at least a nanosecond.
pub fn cost_ratio(job: Duration, reference: Duration) -> f64 {
    job.as_secs_f64() / reference.as_secs_f64().max(1e-9)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    /// The order of the calls `best_alternating` makes with these arguments.
    fn calls(runs: usize, max_cost: Option<f64>, work: u64) -> (String, Duration) {
        let log = RefCell::new(String::new());
        let (j, _) = best_alternating(
            runs,
            max_cost,
            || {
                log.borrow_mut().push('j');
                (0..work).map(black_box).sum::<u64>() as usize
            },
            || {
                log.borrow_mut().push('r');
                1
            },
        );
        (log.into_inner(), j)
    }

    #[test]
    fn best_of_alternating_runs() {
        let (log, j) = calls(3, None, 20_000);
        assert_eq!(log, "rjrjrj");
        assert!(j > Duration::ZERO && j < Duration::MAX);
        // Above a bound that cannot be met, up to three more rounds run; within one, none.
        assert_eq!(calls(3, Some(0.0), 1).0, "rjrjrjrjrjrj");
        assert_eq!(calls(3, Some(f64::MAX), 1).0, "rjrjrj");
        assert_eq!(
            cost_ratio(Duration::from_millis(30), Duration::from_millis(10)),
            3.0
        );
        assert!(cost_ratio(Duration::from_millis(1), Duration::ZERO).is_finite());
    }

    #[test]
    fn the_gate_fails_only_above_its_bound() {
        assert!(!split_word_bounds_gate("x", "x", 12.5, Some(12.0)));
        assert!(split_word_bounds_gate("x", "x", 12.0, Some(12.0)));
        assert!(split_word_bounds_gate("x", "x", 99.0, None));
    }
}
