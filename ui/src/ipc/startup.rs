//! Start-up (mirrors `src-tauri/src/commands/startup.rs`).

use super::{invoke, NoArgs};
use coverdesk_ipc::ErrorView;

/// Tells the backend the first screen is mounted, so it shows the (hidden) window.
pub async fn app_ready() -> Result<(), ErrorView> {
    invoke("app_ready", &NoArgs {}).await
}
