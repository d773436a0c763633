//! Custom metadata as the forms hold it: key/value rows in the order typed, turned into
//! the API's free object (§2.1, §2.4) and, for an edit, into the partial update the API
//! understands (an empty value removes a key, `{}` removes them all).

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use ten99::FieldErrors;

/// The form path every metadata problem is reported under.
pub const PATH: &str = "custom_metadata";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetadataRow {
    pub key: String,
    pub value: String,
}

impl MetadataRow {
    fn is_blank(&self) -> bool {
        self.key.trim().is_empty() && self.value.trim().is_empty()
    }
}

/// The rows of a record, sorted by key as the API returns them.
pub fn rows_of(metadata: &BTreeMap<String, String>) -> Vec<MetadataRow> {
    metadata
        .iter()
        .map(|(key, value)| MetadataRow {
            key: key.clone(),
            value: value.clone(),
        })
        .collect()
}

/// One line for a detail view: `po: PO-7 · team: west`.
pub fn summary(metadata: &BTreeMap<String, String>) -> String {
    metadata
        .iter()
        .map(|(key, value)| format!("{key}: {value}"))
        .collect::<Vec<_>>()
        .join(" \u{b7} ")
}

/// The object to send: keys and values trimmed, blank rows left out. A key with an empty
/// value is left out too: the API reads an empty value as "remove this key".
pub fn to_map(rows: &[MetadataRow]) -> BTreeMap<String, String> {
    rows.iter()
        .filter(|row| !row.key.trim().is_empty() && !row.value.trim().is_empty())
        .map(|row| (row.key.trim().to_owned(), row.value.trim().to_owned()))
        .collect()
}

/// A value without a key, a key without a value, or a key used twice: the row would be
/// dropped or overwritten silently, so the form says so instead.
pub fn check(rows: &[MetadataRow], errors: &mut FieldErrors) {
    let mut seen = BTreeSet::new();
    for (number, row) in (1..).zip(rows.iter().filter(|row| !row.is_blank())) {
        let key = row.key.trim();
        if key.is_empty() {
            errors.add(PATH, format!("Row {number} has a value but no key"));
        } else if row.value.trim().is_empty() {
            errors.add(
                PATH,
                format!("\u{201c}{key}\u{201d} has no value: remove the row or fill it in"),
            );
        } else if !seen.insert(key) {
            errors.add(PATH, format!("\u{201c}{key}\u{201d} is used twice"));
        }
    }
}

/// The partial update from `old` to `new`: new and changed keys with their values,
/// removed keys with `""`, or `{}` when every key went; `None` when nothing changed.
pub fn changes(new: &[MetadataRow], old: &[MetadataRow]) -> Option<BTreeMap<String, String>> {
    let (new, old) = (to_map(new), to_map(old));
    if new == old {
        return None;
    }
    if new.is_empty() {
        return Some(BTreeMap::new());
    }
    let mut update: BTreeMap<String, String> = new
        .iter()
        .filter(|(key, value)| old.get(*key) != Some(*value))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    for key in old.keys().filter(|key| !new.contains_key(*key)) {
        update.insert(key.clone(), String::new());
    }
    Some(update)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(key: &str, value: &str) -> MetadataRow {
        MetadataRow {
            key: key.into(),
            value: value.into(),
        }
    }

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn rows_become_the_object_trimmed_without_blank_rows() {
        let rows = [row(" team ", " west "), row("", ""), row("po", "PO-7")];
        assert_eq!(to_map(&rows), map(&[("team", "west"), ("po", "PO-7")]));
        assert_eq!(
            rows_of(&to_map(&rows)),
            vec![row("po", "PO-7"), row("team", "west")]
        );
        assert_eq!(summary(&to_map(&rows)), "po: PO-7 \u{b7} team: west");
    }

    #[test]
    fn half_filled_and_repeated_rows_are_problems() {
        let mut errors = FieldErrors::default();
        check(&[row("team", "west"), row("", "")], &mut errors);
        assert!(errors.is_empty(), "an empty row is fine: {errors:?}");

        for (rows, expected) in [
            (vec![row("", "west")], "Row 1 has a value but no key"),
            (vec![row("team", " ")], "\u{201c}team\u{201d} has no value"),
            (
                vec![row("team", "west"), row(" team", "east")],
                "\u{201c}team\u{201d} is used twice",
            ),
        ] {
            let mut errors = FieldErrors::default();
            check(&rows, &mut errors);
            let message = errors.get(PATH).expect("a problem");
            assert!(message.starts_with(expected), "{message}");
        }
    }

    #[test]
    fn an_edit_sends_changed_keys_and_removes_the_ones_gone() {
        let old = [row("team", "west"), row("level", "3"), row("po", "PO-7")];
        assert_eq!(changes(&old, &old), None);
        let new = [
            row("team", "east"),
            row("po", "PO-7"),
            row("site", "Oakland"),
        ];
        assert_eq!(
            changes(&new, &old),
            Some(map(&[("team", "east"), ("site", "Oakland"), ("level", "")]))
        );
    }

    #[test]
    fn removing_every_row_clears_all_keys() {
        let old = [row("team", "west")];
        assert_eq!(changes(&[], &old), Some(BTreeMap::new()));
        assert_eq!(changes(&[row("", "")], &old), Some(BTreeMap::new()));
        assert_eq!(changes(&[], &[]), None);
    }
}
