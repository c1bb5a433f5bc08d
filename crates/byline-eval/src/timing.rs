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

/// The best times of `job` and `reference` over `runs` rounds (at least one), each round
/// running the reference, then the job.
pub fn best_alternating<J, R>(runs: usize, mut job: J, mut reference: R) -> (Duration, Duration)
where
    J: FnMut() -> usize,
    R: FnMut() -> usize,
{
    let (mut j, mut r) = (Duration::MAX, Duration::MAX);
    for _ in 0..runs.max(1) {
        r = r.min(time(&mut reference));
        j = j.min(time(&mut job));
    }
    (j, r)
}

/// `job / reference`, with a reference of at least a nanosecond.
pub fn cost_ratio(job: Duration, reference: Duration) -> f64 {
    job.as_secs_f64() / reference.as_secs_f64().max(1e-9)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_of_alternating_runs() {
        let mut calls = Vec::new();
        let calls_ref = std::cell::RefCell::new(&mut calls);
        let (j, r) = best_alternating(
            3,
            || {
                calls_ref.borrow_mut().push('j');
                (0..20_000u64).map(black_box).sum::<u64>() as usize
            },
            || {
                calls_ref.borrow_mut().push('r');
                1
            },
        );
        assert_eq!(calls.iter().collect::<String>(), "rjrjrj");
        assert!(j > Duration::ZERO && j < Duration::MAX && r < Duration::MAX);
        assert_eq!(
            cost_ratio(Duration::from_millis(30), Duration::from_millis(10)),
            3.0
        );
        assert!(cost_ratio(Duration::from_millis(1), Duration::ZERO).is_finite());
    }
}
