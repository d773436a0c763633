//! Which rows of a record list are ticked for a bulk action. Ids, not rows: a tick
//! survives sorting, scrolling (rows leave the DOM) and a reload of the list.

use std::collections::BTreeSet;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    ids: BTreeSet<String>,
}

impl Selection {
    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    pub fn toggle(&mut self, id: &str) {
        if !self.ids.remove(id) {
            self.ids.insert(id.to_owned());
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn ids(&self) -> Vec<String> {
        self.ids.iter().cloned().collect()
    }

    /// Whether every one of `shown` is ticked (and there is at least one).
    pub fn covers<'a>(&self, mut shown: impl Iterator<Item = &'a str>) -> bool {
        let mut any = false;
        let all = shown.all(|id| {
            any = true;
            self.ids.contains(id)
        });
        any && all
    }

    /// "Select all shown": ticks them all, or, when they all were, unticks them.
    pub fn toggle_all<'a>(&mut self, shown: impl Iterator<Item = &'a str> + Clone) {
        if self.covers(shown.clone()) {
            for id in shown {
                self.ids.remove(id);
            }
        } else {
            self.ids.extend(shown.map(str::to_owned));
        }
    }

    /// Keeps only `ids` (after a bulk delete: the ones that failed stay ticked).
    pub fn keep_only(&mut self, ids: &[String]) {
        self.ids.retain(|id| ids.contains(id));
    }

    pub fn clear(&mut self) {
        self.ids.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_toggle_and_select_all_covers_only_what_is_shown() {
        let mut selection = Selection::default();
        selection.toggle("a");
        assert!(selection.contains("a"));
        let shown = ["a", "b"];
        assert!(!selection.covers(shown.iter().copied()));
        selection.toggle_all(shown.iter().copied());
        assert_eq!(selection.ids(), ["a", "b"]);
        assert!(selection.covers(shown.iter().copied()));
        selection.toggle("c");
        selection.toggle_all(shown.iter().copied());
        assert_eq!(selection.ids(), ["c"], "untick all shown keeps the rest");
        assert!(!selection.covers(std::iter::empty()));
    }

    #[test]
    fn after_a_bulk_delete_only_the_failures_stay() {
        let mut selection = Selection::default();
        for id in ["a", "b", "c"] {
            selection.toggle(id);
        }
        selection.keep_only(&["b".to_owned()]);
        assert_eq!(selection.ids(), ["b"]);
        selection.clear();
        assert!(selection.is_empty());
    }
}
