//! A window onto a long list, so a list view asks only for the rows it shows.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// How many rows the whole (searched) list has.
    pub total: usize,
    /// The position of `items[0]` in the whole list.
    pub offset: usize,
    pub items: Vec<T>,
}
