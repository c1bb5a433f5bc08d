//! Finding the development data from tests: skip with one line when it is missing, fail when
//! `BYLINE_REQUIRE_DATA=1`.
//!
//! The README's test command (`cargo test --workspace`) must pass on a fresh clone without
//! `../shared` beside it. A test that needs a data file, a reference scorer or `python3` asks
//! here first: when the thing is there it gets its path; when it is missing the test prints one
//! line saying what is missing and returns early, unless the environment variable
//! `BYLINE_REQUIRE_DATA` is `1` (CI sets it), in which case the test fails with the same line.
//! A missing file is never read as empty.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The environment variable that turns a skip into a failure.
pub const REQUIRE_VAR: &str = "BYLINE_REQUIRE_DATA";

/// The workspace's `../shared` directory (beside the repository root), whether or not it exists.
pub fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// True when `BYLINE_REQUIRE_DATA=1`: missing data fails the test instead of skipping it.
pub fn required() -> bool {
    std::env::var(REQUIRE_VAR).is_ok_and(|v| v == "1")
}

/// Says that `test` cannot run because `what` is missing: one line on stderr (written past the
/// test harness's capture, so that `cargo test` shows it), or a panic when [`required`].
pub fn skip(test: &str, what: &str) {
    let line = format!("{test}: {what} is missing");
    if required() {
        panic!("{line}; failing because {REQUIRE_VAR}=1");
    }
    let line = format!("SKIPPED {line} (set {REQUIRE_VAR}=1 to make this a failure)\n");
    // `eprintln!` would be captured and hidden when the test passes.
    let _ = std::io::Write::write_all(&mut std::io::stderr(), line.as_bytes());
}

/// `../shared/<rel>` when it exists; otherwise [`skip`]s `test` and returns `None`.
///
/// ```no_run
/// let Some(script) = byline_eval::testdata::shared("my_test", "tools/conlleval.py") else {
///     return;
/// };
/// # let _ = script;
/// ```
pub fn shared(test: &str, rel: &str) -> Option<PathBuf> {
    let path = shared_dir().join(rel);
    if path.exists() {
        Some(path)
    } else {
        skip(test, &format!("../shared/{rel} ({})", path.display()));
        None
    }
}

/// True when `python3 --version` runs; otherwise [`skip`]s `test` and returns false.
pub fn python3(test: &str) -> bool {
    match Command::new("python3").arg("--version").output() {
        Ok(o) if o.status.success() => true,
        _ => {
            skip(test, "python3 (needed to run the reference scorer)");
            false
        }
    }
}
