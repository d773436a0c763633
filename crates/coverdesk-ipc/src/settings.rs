use serde::{Deserialize, Serialize};

/// Names of the backend commands for settings (`src-tauri/src/commands/settings.rs`).
pub mod command {
    /// no args → [`super::SettingsView`].
    pub const GET: &str = "settings_get";
    /// args `{ environment: "sandbox" | "production", key: String }` → [`super::KeyView`].
    /// The only command that ever carries a key, and only towards the backend.
    pub const SAVE_KEY: &str = "settings_save_key";
    /// args `{ environment }` → `()`.
    pub const DELETE_KEY: &str = "settings_delete_key";
    /// args `{ environment: "local" | "sandbox" | "production" }` → [`super::SettingsView`].
    pub const SWITCH_ENVIRONMENT: &str = "settings_switch_environment";
    /// args `{ action: String, changes: u32 }` → `()`. Sent when the person confirmed a
    /// change in production: the backend then lets that many writes through.
    pub const CONFIRM_PRODUCTION: &str = "settings_confirm_production";
}

/// Where Coverdesk sends its calls. `Local` is the embedded stand-in, the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AppEnvironment {
    #[default]
    Local,
    Sandbox,
    Production,
}

impl AppEnvironment {
    pub const ALL: [AppEnvironment; 3] = [
        AppEnvironment::Local,
        AppEnvironment::Sandbox,
        AppEnvironment::Production,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AppEnvironment::Local => "local",
            AppEnvironment::Sandbox => "sandbox",
            AppEnvironment::Production => "production",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AppEnvironment::Local => "Local stand-in",
            AppEnvironment::Sandbox => "Sandbox",
            AppEnvironment::Production => "Production",
        }
    }

    /// The API environment header sent in this app environment. The local stand-in
    /// behaves as a sandbox.
    pub fn api_environment(self) -> ten99::Environment {
        match self {
            AppEnvironment::Local | AppEnvironment::Sandbox => ten99::Environment::Sandbox,
            AppEnvironment::Production => ten99::Environment::Production,
        }
    }
}

/// All the UI ever learns about a stored key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyView {
    pub environment: AppEnvironment,
    pub last4: String,
    /// Unix seconds.
    pub saved_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeychainStatus {
    pub available: bool,
    /// `keychain_unavailable` (no service answered) or `keychain_locked` (locked or
    /// access refused), when not available.
    pub code: Option<String>,
    /// What is wrong and what to do, when not available.
    pub message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsView {
    pub environment: AppEnvironment,
    /// The API base in use, e.g. `http://127.0.0.1:41234` for the local stand-in.
    pub api_base: String,
    pub keys: Vec<KeyView>,
    pub keychain: KeychainStatus,
}
