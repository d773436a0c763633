//! What crosses the IPC boundary between the Tauri backend (`coverdesk`) and the
//! Leptos web view (`coverdesk-ui`), so both sides are compiled against one definition.
//!
//! API objects themselves (a `Contractor`, …) come from `ten99` unchanged; this crate
//! holds only what belongs to the app: environments, settings, errors, summaries.
//! One module per resource, mirroring `src-tauri/src/commands/` and `ui/src/ipc/`.

pub mod assignments;
pub mod audit;
pub mod compliance;
pub mod contractors;
pub mod desktop;
pub mod documents;
pub mod drafts;
pub mod entities;
pub mod error;
pub mod jobs;
pub mod page;
pub mod policies;
pub mod quotes;
pub mod records_csv;
pub mod sessions;
pub mod settings;
pub mod startup;
pub mod sync;

pub use error::ErrorView;
pub use settings::{AppEnvironment, KeyView, SettingsView};
