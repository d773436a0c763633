//! What record lists and record pages decide, in plain Rust so it is tested natively:
//! which rows are on screen, in which order, and what a delete says it will cancel.

pub mod deletion;
pub mod freshness;
pub mod kind;
pub mod selection;
pub mod sorting;
pub mod window;
