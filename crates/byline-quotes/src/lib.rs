//! TODO
#![deny(missing_docs)]
