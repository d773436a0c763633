//! The reactive state every create form shares: which problems show, what the backend
//! said, and whether it is sending. (The Production confirmation is not the form's:
//! `ipc::write` asks for it, for every write.)

use crate::components::field::focus_field;
use crate::forms::FormFeedback;
use coverdesk_ipc::ErrorView;
use leptos::prelude::*;
use ten99::FieldErrors;

#[derive(Clone, Copy)]
pub struct FormState {
    pub feedback: RwSignal<FormFeedback>,
    /// The form's own validation of the current values.
    pub problems: Memo<FieldErrors>,
    pub rejection: RwSignal<Option<ErrorView>>,
    pub sending: RwSignal<bool>,
}

impl FormState {
    pub fn new(problems: Memo<FieldErrors>) -> FormState {
        FormState {
            feedback: RwSignal::new(FormFeedback::default()),
            problems,
            rejection: RwSignal::new(None),
            sending: RwSignal::new(false),
        }
    }

    /// The problem to show under the field at `path` now.
    pub fn error_of(self, path: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.problems
                .with(|problems| self.feedback.with(|f| f.visible_error(path, problems)))
        })
    }

    pub fn touch(self, path: &'static str) -> Callback<()> {
        Callback::new(move |()| self.feedback.update(|f| f.touch(path)))
    }

    pub fn edit(self, path: &'static str) -> Callback<()> {
        Callback::new(move |()| self.feedback.update(|f| f.edited(path)))
    }

    /// Moves the focus to the first field, in `order`, that shows a problem.
    pub fn focus_first_problem(self, order: &[&'static str]) {
        let problems = self.problems.get_untracked();
        if let Some(path) = self
            .feedback
            .with_untracked(|f| f.first_visible(order, &problems))
        {
            focus_field(path);
        }
    }

    /// On submit: whether to send now; if not, every problem shows and the first one
    /// gets the focus.
    pub fn ready_to_send(self, order: &[&'static str]) -> bool {
        if self.sending.get_untracked() {
            return false;
        }
        self.feedback.update(FormFeedback::attempt_submit);
        if !self.problems.with_untracked(FieldErrors::is_empty) {
            self.focus_first_problem(order);
            return false;
        }
        true
    }

    /// Just before the call goes out.
    pub fn sending_started(self) {
        self.sending.set(true);
        self.rejection.set(None);
    }

    /// The backend created the object: start over.
    pub fn succeeded(self) {
        self.feedback.set(FormFeedback::default());
        self.sending.set(false);
    }

    /// The backend refused: its field problems go next to the fields.
    pub fn refused(self, error: ErrorView, order: &[&'static str]) {
        self.feedback.update(|f| f.rejected(error.fields.clone()));
        self.rejection.set(Some(error));
        self.sending.set(false);
        self.focus_first_problem(order);
    }

    /// How many problems to announce next to the submit button, once submit was tried.
    pub fn problem_count(self) -> Option<usize> {
        self.feedback
            .with(FormFeedback::submit_attempted)
            .then(|| self.problems.with(|p| p.len()))
            .filter(|n| *n > 0)
    }
}
