//! Shared by the CLI's integration tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the `byline` binary with `args`, `stdin` on its standard input.
pub fn byline(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the byline binary runs");
    // A usage error exits before reading: a closed pipe here is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}
