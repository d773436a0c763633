use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How every failed command reaches the UI.
///
/// `code` is stable and matched on (never the message); `fields` maps a form field's
/// path (`email`, `address.region`) to the problem to show next to that field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ErrorView {
    pub code: String,
    pub message: String,
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
}

impl std::fmt::Display for ErrorView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
