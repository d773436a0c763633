//! Insurance application sessions: the link a contractor follows to apply
//! (`src-tauri/src/commands/sessions.rs`).

use serde::{Deserialize, Serialize};
use ten99::{FieldErrors, SessionUpdate};

/// Names of the backend commands for sessions.
pub mod command {
    /// no args → `Vec<ten99::Session>` from the cache, newest first.
    pub const LIST: &str = "sessions_list";
    /// no args → [`super::RefreshSummary`]: pulls every session from the API into the cache.
    pub const REFRESH: &str = "sessions_refresh";
    /// args `{ input: ten99::SessionInput }` → `ten99::Session`. URLs left out are
    /// taken from the saved [`super::SessionDefaults`].
    pub const CREATE: &str = "sessions_create";
    /// args `{ id: String }` → `ten99::Session` (now expired).
    pub const EXPIRE: &str = "sessions_expire";
    /// args `{ id: String, update: ten99::SessionUpdate }` → `ten99::Session`.
    pub const UPDATE: &str = "sessions_update";
    /// no args → [`super::SessionDefaults`].
    pub const DEFAULTS: &str = "sessions_defaults";
    /// args `{ defaults: SessionDefaults }` → [`super::SessionDefaults`] as saved.
    pub const SAVE_DEFAULTS: &str = "sessions_save_defaults";
}

/// Where contractors land after an application, unless a session says otherwise.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionDefaults {
    pub success_url: String,
    pub cancel_url: String,
}

impl SessionDefaults {
    /// The URLs must be full http(s) addresses, as for a session itself.
    pub fn validate(&self) -> FieldErrors {
        SessionUpdate {
            success_url: Some(self.success_url.trim().to_owned()),
            cancel_url: Some(self.cancel_url.trim().to_owned()),
        }
        .validate()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RefreshSummary {
    /// How many sessions the API returned.
    pub fetched: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_need_full_web_addresses() {
        let ok = SessionDefaults {
            success_url: "https://example.com/done".into(),
            cancel_url: " http://example.com/cancel ".into(),
        };
        assert!(ok.validate().is_empty());
        let bad = SessionDefaults {
            success_url: "example.com".into(),
            cancel_url: String::new(),
        };
        let errors = bad.validate();
        assert!(errors.get("success_url").is_some() && errors.get("cancel_url").is_some());
    }
}
