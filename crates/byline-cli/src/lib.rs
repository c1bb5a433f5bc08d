//! The internals of the `byline` command, as a library so that tests and fuzz targets can
//! drive them (the JSON-lines reader above all). Not a stable API: depend on the `byline`
//! crate instead.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod args;
pub mod conll;
pub mod jsonl;
pub mod output;
