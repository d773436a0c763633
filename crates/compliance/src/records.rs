//! What the rules read: the cached records, as the API describes them.

use coverdesk_ipc::policies::PolicyRow;
use std::collections::HashMap;
use ten99::{Assignment, Entity, Job, Quote, Session};

#[derive(Debug, Clone, Default)]
pub struct Records {
    pub entities: Vec<Entity>,
    pub jobs: Vec<Job>,
    /// Contractor id → name, for the rows.
    pub contractor_names: HashMap<String, String>,
    pub quotes: Vec<Quote>,
    pub assignments: Vec<Assignment>,
    pub sessions: Vec<Session>,
    pub policies: Vec<PolicyRow>,
}
