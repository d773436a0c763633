//! Job category codes: `src-tauri/src/commands/jobs.rs` (the jobs themselves go through
//! `ipc::records`).

use super::{invoke, NoArgs};
use coverdesk_ipc::jobs::command;
use coverdesk_ipc::ErrorView;
use ten99::JobCategory;

/// The approved job category codes (cached by the backend).
pub async fn categories() -> Result<Vec<JobCategory>, ErrorView> {
    invoke(command::CATEGORIES, &NoArgs {}).await
}
