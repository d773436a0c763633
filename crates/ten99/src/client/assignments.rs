//! `/api/v1/assignments` (reference §2.8).

use super::{Client, Error};
use crate::resources::assignments::{
    Assignment, AssignmentCancel, AssignmentInput, AssignmentUpdate,
};

/// Assignments: cover for a further job of a contractor who already holds a policy.
/// From [`Client::assignments`].
pub struct Assignments<'a> {
    pub(super) client: &'a Client,
}

impl Assignments<'_> {
    write_methods!(
        Assignment,
        AssignmentInput,
        AssignmentUpdate,
        ["assignments"],
        "assignment"
    );
    get_method!(Assignment, ["assignments"], "assignment");
    list_methods!(Assignment, ["assignments"], "assignments");

    /// Cancels the assignment of `cancel.job_id` before it starts; irreversible.
    /// Returns the cancelled assignment.
    pub async fn cancel(&self, cancel: &AssignmentCancel) -> Result<Assignment, Error> {
        self.client.post(&["assignments", "cancel"], cancel).await
    }
}
