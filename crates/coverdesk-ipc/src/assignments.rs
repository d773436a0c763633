/// Names of the backend commands for assignments, i.e. repeat coverage
/// (`src-tauri/src/commands/assignments.rs`).
pub mod command {
    /// args `{ contractor: Option<String> }` → `Vec<ten99::Assignment>` from the API,
    /// newest first, narrowed to one contractor when given.
    pub const LIST: &str = "assignments_list";
    /// args `{ input: ten99::AssignmentInput }` → `ten99::Assignment` (its `eligible`
    /// says whether and why (not) the contractor is covered).
    pub const CREATE: &str = "assignments_create";
    /// args `{ cancel: ten99::AssignmentCancel }` → `ten99::Assignment`, cancelled.
    pub const CANCEL: &str = "assignments_cancel";
}
