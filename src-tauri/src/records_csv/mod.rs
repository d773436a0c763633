//! Records as CSV: contractors read from a file for bulk import, and any cached list
//! written to one. The `csv` crate does the quoting both ways.

pub mod export;
pub mod import;
