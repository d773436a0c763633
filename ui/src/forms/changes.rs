//! An edit form sends only what changed (the API's PUT is partial): each field of the
//! request made from the current values is compared with the one made from the record.

/// `Some(new)` when it differs from `old`.
pub fn changed<T: PartialEq + Clone>(new: &T, old: &T) -> Option<T> {
    (new != old).then(|| new.clone())
}

/// For optional text: a value blanked out is sent as `""`, which clears it.
pub fn changed_text(new: &Option<String>, old: &Option<String>) -> Option<String> {
    (new != old).then(|| new.clone().unwrap_or_default())
}

/// For optional parts (an address): a part removed cannot be sent as a partial
/// change, so only a new or different value is.
pub fn changed_part<T: PartialEq + Clone>(new: &Option<T>, old: &Option<T>) -> Option<T> {
    new.as_ref().filter(|n| Some(*n) != old.as_ref()).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_differences_are_sent() {
        assert_eq!(changed(&1, &1), None);
        assert_eq!(changed(&2, &1), Some(2));
        assert_eq!(changed_text(&None, &Some("Q".into())), Some(String::new()));
        assert_eq!(changed_text(&Some("Q".into()), &Some("Q".into())), None);
        assert_eq!(changed_part(&None::<i32>, &Some(1)), None);
        assert_eq!(changed_part(&Some(2), &Some(1)), Some(2));
        assert_eq!(changed_part(&Some(1), &Some(1)), None);
    }
}
