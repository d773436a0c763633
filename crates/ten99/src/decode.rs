//! Decoders for fields the API sends in more than one shape.
//!
//! With the `tolerant` feature (on with `client`, and in the sandbox, which reads what the
//! official SDKs send) every shape seen is read: numbers as strings, placeholders such as
//! `"null"` as none, dicts and lists stringified as Python literals. Without it, as in the
//! web view, whose data only ever comes from this crate's own `Serialize`, each field is
//! read in that one canonical shape: the same names, a fraction of the code (the web
//! view's wasm would otherwise carry a Python-literal parser it can never need).

#[cfg(feature = "tolerant")]
pub mod python_literal;
#[cfg(feature = "tolerant")]
mod tolerant;
#[cfg(feature = "tolerant")]
pub use tolerant::*;

// Compiled (and its tests run) either way; only used without `tolerant`.
#[cfg_attr(feature = "tolerant", allow(dead_code))]
mod canonical;
#[cfg(not(feature = "tolerant"))]
pub use canonical::*;

/// `"a, b"` → `["a", "b"]`, dropping blanks.
#[cfg(feature = "tolerant")]
pub(crate) fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
