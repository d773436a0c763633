//! Jobs and their category codes: `src-tauri/src/commands/jobs.rs`.

use super::{invoke, write, NoArgs};
use coverdesk_ipc::jobs::{command, RefreshSummary};
use coverdesk_ipc::ErrorView;
use serde::Serialize;
use ten99::{Job, JobCategory, JobInput};

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

/// Pulls every job from the API into the cache.
pub async fn refresh() -> Result<RefreshSummary, ErrorView> {
    invoke(command::REFRESH, &NoArgs {}).await
}

/// The approved job category codes (cached by the backend).
pub async fn categories() -> Result<Vec<JobCategory>, ErrorView> {
    invoke(command::CATEGORIES, &NoArgs {}).await
}
