//! Jobs and their category codes: `src-tauri/src/commands/jobs.rs`.

use super::records::{IdArgs, UpdateArgs};
use super::{invoke, write, NoArgs};
use coverdesk_ipc::jobs::{command, JobDetail};
use coverdesk_ipc::ErrorView;
use serde::Serialize;
use ten99::{Deleted, Job, JobCategory, JobInput, JobUpdate};

#[derive(Serialize)]
struct ListArgs<'a> {
    search: Option<&'a str>,
}

#[derive(Serialize)]
struct CreateArgs<'a> {
    input: &'a JobInput,
}

/// Jobs from the backend's cache, optionally narrowed by `search`.
pub async fn list(search: Option<&str>) -> Result<Vec<Job>, ErrorView> {
    invoke(command::LIST, &ListArgs { search }).await
}

pub async fn create(input: &JobInput) -> Result<Job, ErrorView> {
    write(
        command::CREATE,
        &CreateArgs { input },
        &format!("Create job {}", input.name),
    )
    .await
}

/// Changes the fields set in `update`; `name` is how the person knows the record
/// ("Ann Lee"), for the action label.
pub async fn update(id: &str, update: &JobUpdate, name: &str) -> Result<Job, ErrorView> {
    write(
        command::UPDATE,
        &UpdateArgs { id, update },
        &format!("Update job {name}"),
    )
    .await
}

pub async fn delete(id: &str, name: &str) -> Result<Deleted, ErrorView> {
    write(
        command::DELETE,
        &IdArgs { id },
        &format!("Delete job {name}"),
    )
    .await
}

/// The record and its related records.
pub async fn detail(id: &str) -> Result<JobDetail, ErrorView> {
    invoke(command::DETAIL, &IdArgs { id }).await
}

/// The approved job category codes (cached by the backend).
pub async fn categories() -> Result<Vec<JobCategory>, ErrorView> {
    invoke(command::CATEGORIES, &NoArgs {}).await
}
