//! Which problems a form shows right now.
//!
//! The form validates on every keystroke, but a field's problem is only shown once the
//! person has left that field (touched it) or tried to submit: nobody wants "Email is
//! invalid" after typing the first letter. Problems the backend reported for a field stay
//! next to it until that field is edited.

use std::collections::{BTreeMap, BTreeSet};
use ten99::FieldErrors;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormFeedback {
    touched: BTreeSet<String>,
    submit_attempted: bool,
    from_server: BTreeMap<String, String>,
}

impl FormFeedback {
    /// The person left the field (blur) or picked a value.
    pub fn touch(&mut self, path: &str) {
        self.touched.insert(path.to_owned());
    }

    /// The value changed: the backend's verdict on the old value no longer applies.
    pub fn edited(&mut self, path: &str) {
        self.from_server.remove(path);
    }

    /// From now on every problem is shown, touched or not.
    pub fn attempt_submit(&mut self) {
        self.submit_attempted = true;
    }

    /// The backend refused the request; `fields` is `ErrorView::fields`.
    pub fn rejected(&mut self, fields: BTreeMap<String, String>) {
        self.from_server = fields;
    }

    pub fn submit_attempted(&self) -> bool {
        self.submit_attempted
    }

    /// The message to show under the field at `path`, if any. The form's own validation
    /// (`problems`) wins over the backend's, because it describes the current value.
    pub fn visible_error(&self, path: &str, problems: &FieldErrors) -> Option<String> {
        let shown = self.submit_attempted || self.touched.contains(path);
        problems
            .get(path)
            .filter(|_| shown)
            .or_else(|| self.from_server.get(path).map(String::as_str))
            .map(str::to_owned)
    }

    /// The first field, in form order, that shows a problem: where to put the focus.
    pub fn first_visible<'a>(&self, order: &[&'a str], problems: &FieldErrors) -> Option<&'a str> {
        order
            .iter()
            .copied()
            .find(|path| self.visible_error(path, problems).is_some())
    }

    /// Backend problems about fields the form has no input for (they go in the form alert).
    pub fn unplaced<'a>(
        fields: &'a BTreeMap<String, String>,
        order: &[&str],
    ) -> Vec<(&'a str, &'a str)> {
        fields
            .iter()
            .filter(|(path, _)| !order.contains(&path.as_str()))
            .map(|(path, message)| (path.as_str(), message.as_str()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::contractor_draft::FIELD_PATHS;
    use crate::forms::ContractorDraft;

    fn empty_form_problems() -> FieldErrors {
        ContractorDraft::default().to_input().validate()
    }

    #[test]
    fn nothing_shows_before_touch_or_submit() {
        let feedback = FormFeedback::default();
        let problems = empty_form_problems();
        assert!(!problems.is_empty());
        for path in FIELD_PATHS {
            assert_eq!(feedback.visible_error(path, &problems), None, "{path}");
        }
    }

    #[test]
    fn a_touched_field_shows_its_problem_and_only_it() {
        let mut feedback = FormFeedback::default();
        feedback.touch("email");
        let problems = empty_form_problems();
        assert_eq!(
            feedback.visible_error("email", &problems).as_deref(),
            Some("Email is required")
        );
        assert_eq!(feedback.visible_error("first_name", &problems), None);
        assert_eq!(
            feedback.first_visible(&FIELD_PATHS, &problems),
            Some("email")
        );
    }

    #[test]
    fn a_submit_attempt_shows_every_problem() {
        let mut feedback = FormFeedback::default();
        feedback.attempt_submit();
        let problems = empty_form_problems();
        for (path, message) in problems.iter() {
            assert_eq!(
                feedback.visible_error(path, &problems).as_deref(),
                Some(message.as_str())
            );
        }
        assert_eq!(feedback.visible_error("middle_name", &problems), None);
        assert_eq!(
            feedback.first_visible(&FIELD_PATHS, &problems),
            Some("first_name")
        );
    }

    #[test]
    fn server_problems_show_until_the_field_is_edited() {
        let mut feedback = FormFeedback::default();
        let valid = FieldErrors::default();
        feedback.rejected(BTreeMap::from([(
            "email".to_owned(),
            "A contractor with this email exists".to_owned(),
        )]));
        assert_eq!(
            feedback.visible_error("email", &valid).as_deref(),
            Some("A contractor with this email exists")
        );
        feedback.edited("phone");
        assert!(feedback.visible_error("email", &valid).is_some());
        feedback.edited("email");
        assert_eq!(feedback.visible_error("email", &valid), None);
    }

    #[test]
    fn the_forms_own_problem_wins_over_the_servers() {
        let mut feedback = FormFeedback::default();
        feedback.rejected(BTreeMap::from([("email".to_owned(), "Taken".to_owned())]));
        feedback.touch("email");
        let mut problems = FieldErrors::default();
        problems.add("email", "Email is required");
        assert_eq!(
            feedback.visible_error("email", &problems).as_deref(),
            Some("Email is required")
        );
    }

    #[test]
    fn unknown_server_fields_are_listed_for_the_alert() {
        let fields = BTreeMap::from([
            ("email".to_owned(), "Taken".to_owned()),
            ("withhold_premium".to_owned(), "Not allowed".to_owned()),
        ]);
        assert_eq!(
            FormFeedback::unplaced(&fields, &FIELD_PATHS),
            vec![("withhold_premium", "Not allowed")]
        );
    }
}
