//! Which column a list is sorted by, and the order that makes.

use std::cmp::Ordering;

/// What a column sorts on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum SortKey {
    Number(i64),
    /// Compared ignoring case.
    Text(String),
}

impl SortKey {
    pub fn text(value: &str) -> SortKey {
        SortKey::Text(value.to_lowercase())
    }
}

/// A column index and direction; `None` in a list's state keeps the backend's order
/// (newest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: usize,
    pub ascending: bool,
}

impl Sort {
    /// After a click on `column`'s header: a new column sorts ascending, the same one
    /// flips.
    pub fn clicked(current: Option<Sort>, column: usize) -> Sort {
        match current {
            Some(sort) if sort.column == column => Sort {
                column,
                ascending: !sort.ascending,
            },
            _ => Sort {
                column,
                ascending: true,
            },
        }
    }

    /// `aria-sort` of `column`'s header.
    pub fn aria(current: Option<Sort>, column: usize) -> &'static str {
        match current {
            Some(sort) if sort.column == column && sort.ascending => "ascending",
            Some(sort) if sort.column == column => "descending",
            _ => "none",
        }
    }
}

/// Sorts `rows` by `key`, stable, so rows with equal keys keep the newest-first order.
pub fn sort_rows<T>(rows: &mut [T], sort: Sort, key: impl Fn(&T) -> SortKey) {
    rows.sort_by_cached_key(|row| key(row));
    if !sort.ascending {
        // A stable descending order: reverse the runs of equal keys back afterwards.
        rows.reverse();
        let mut start = 0;
        while start < rows.len() {
            let first = key(&rows[start]);
            let mut end = start + 1;
            while end < rows.len() && key(&rows[end]).cmp(&first) == Ordering::Equal {
                end += 1;
            }
            rows[start..end].reverse();
            start = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicking_a_header_sorts_ascending_then_flips() {
        let first = Sort::clicked(None, 2);
        assert_eq!(
            first,
            Sort {
                column: 2,
                ascending: true
            }
        );
        assert_eq!(Sort::aria(Some(first), 2), "ascending");
        let second = Sort::clicked(Some(first), 2);
        assert!(!second.ascending);
        assert_eq!(Sort::aria(Some(second), 2), "descending");
        assert_eq!(Sort::aria(Some(second), 0), "none");
        assert!(Sort::clicked(Some(second), 0).ascending);
    }

    #[test]
    fn sorts_text_ignoring_case_and_keeps_ties_in_order() {
        let mut rows = vec![("bob", 1), ("Ann", 2), ("carl", 3), ("ann", 4)];
        let by_name = |r: &(&str, i32)| SortKey::text(r.0);
        sort_rows(
            &mut rows,
            Sort {
                column: 0,
                ascending: true,
            },
            by_name,
        );
        assert_eq!(rows, [("Ann", 2), ("ann", 4), ("bob", 1), ("carl", 3)]);
        sort_rows(
            &mut rows,
            Sort {
                column: 0,
                ascending: false,
            },
            by_name,
        );
        assert_eq!(rows, [("carl", 3), ("bob", 1), ("Ann", 2), ("ann", 4)]);
    }

    #[test]
    fn numbers_sort_as_numbers() {
        let mut rows = vec![100, 9, 25];
        sort_rows(
            &mut rows,
            Sort {
                column: 0,
                ascending: true,
            },
            |n| SortKey::Number(*n),
        );
        assert_eq!(rows, [9, 25, 100]);
    }
}
