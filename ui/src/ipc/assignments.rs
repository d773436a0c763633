//! Assignments (repeat coverage): `src-tauri/src/commands/assignments.rs`.

use super::{invoke, write};
use coverdesk_ipc::assignments::command;
use coverdesk_ipc::ErrorView;
use serde::Serialize;
use ten99::{Assignment, AssignmentCancel, AssignmentInput};

#[derive(Serialize)]
struct ListArgs<'a> {
    contractor: Option<&'a str>,
}

#[derive(Serialize)]
struct CreateArgs<'a> {
    input: &'a AssignmentInput,
}

#[derive(Serialize)]
struct CancelArgs<'a> {
    cancel: &'a AssignmentCancel,
}

pub async fn list(contractor: Option<&str>) -> Result<Vec<Assignment>, ErrorView> {
    invoke(command::LIST, &ListArgs { contractor }).await
}

/// `who` and `job` name the action: "Add coverage for Ann Lee on Cable inspector".
pub async fn create(
    input: &AssignmentInput,
    who: &str,
    job: &str,
) -> Result<Assignment, ErrorView> {
    write(
        command::CREATE,
        &CreateArgs { input },
        &format!("Add coverage for {who} on {job}"),
    )
    .await
}

pub async fn cancel(
    cancel: &AssignmentCancel,
    who: &str,
    job: &str,
) -> Result<Assignment, ErrorView> {
    write(
        command::CANCEL,
        &CancelArgs { cancel },
        &format!("Cancel coverage for {who} on {job}"),
    )
    .await
}
