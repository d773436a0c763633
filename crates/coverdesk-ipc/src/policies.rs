use serde::{Deserialize, Serialize};
use ten99::{CoverageType, Policy, PolicyStatus};

/// Names of the backend commands for policies (`src-tauri/src/commands/policies.rs`).
pub mod command {
    /// args `{ filter: super::PolicyFilter }` → `Vec<super::PolicyRow>` from the cache.
    pub const LIST: &str = "policies_list";
    /// no args → [`super::RefreshSummary`]: pulls every policy from the API into the cache.
    pub const REFRESH: &str = "policies_refresh";
    /// args `{ id }` → [`super::PolicyRow`], fetched from the API (and cached).
    pub const GET: &str = "policies_get";
    /// args `{ id }` → [`super::PolicyRow`]: cover ends now (`is_active: false`).
    pub const CANCEL: &str = "policies_cancel";
}

/// Tauri event the backend emits when following the API finds a newly bound policy;
/// payload [`PolicyBound`].
pub const POLICY_BOUND_EVENT: &str = "policy-bound";

/// A policy with what a person recognises it by: who is covered, for which job, and
/// which lines (the policy object itself names only its quote).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyRow {
    pub policy: Policy,
    /// `active`, `cancelled` or `expired`, worked out when listed (an active policy past
    /// its expiration date is expired even if the cache has not heard so yet).
    pub status: PolicyStatus,
    pub contractor: Option<String>,
    pub contractor_name: Option<String>,
    pub job: Option<String>,
    pub job_name: Option<String>,
    pub coverage: Vec<CoverageType>,
}

impl PolicyRow {
    /// "Ann Lee" or, when the contractor is unknown, the policy's id.
    pub fn holder(&self) -> String {
        self.contractor_name
            .clone()
            .unwrap_or_else(|| self.policy.id.clone())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PolicyFilter {
    /// Only active policies whose expiration date falls within this many days from now.
    pub expiring_within_days: Option<u32>,
}

/// What the notification says: "Policy bound for Ann Lee".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyBound {
    pub policy_id: String,
    pub contractor_name: Option<String>,
    /// The environment it was found in (`local`, `sandbox`, `production`).
    pub environment: String,
}

impl PolicyBound {
    pub fn headline(&self) -> String {
        match &self.contractor_name {
            Some(name) => format!("Policy bound for {name}"),
            None => format!("Policy {} bound", self.policy_id),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RefreshSummary {
    /// How many policies the API returned.
    pub fetched: usize,
}
