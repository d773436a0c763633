//! What the compliance desk reads from the cache, and how it knows the cache changed.

use super::Cache;
use crate::error::Result;
use coverdesk_compliance::Records;
use coverdesk_ipc::policies::PolicyFilter;

impl Cache {
    /// Every record the compliance rules need, as cached.
    pub fn compliance_records(&self, now: i64) -> Result<Records> {
        Ok(Records {
            entities: self.list_entities(None)?,
            jobs: self.list_jobs(None)?,
            contractor_names: self
                .list_contractors(None)?
                .into_iter()
                .map(|c| {
                    let name = format!("{} {}", c.first_name, c.last_name);
                    (c.id, name)
                })
                .collect(),
            quotes: self.list_quotes(None, None)?,
            sessions: self.list_sessions()?,
            policies: self.list_policies(&PolicyFilter::default(), now)?,
            assignments: self.list_assignments()?,
        })
    }

    /// Rows written since the cache was opened. Every write goes through this one
    /// connection, so an unchanged count means unchanged records (the desk rebuilds its
    /// table only then; other tables' writes, such as drafts, rebuild it needlessly but
    /// never leave it stale).
    pub fn writes_so_far(&self) -> u64 {
        self.conn().total_changes()
    }

    /// The oldest time a record list was last read in full from the API.
    pub fn oldest_refresh(&self, resources: &[&str]) -> Result<Option<i64>> {
        let mut oldest: Option<i64> = None;
        for resource in resources {
            let refreshed = self.sync_status(resource)?.refreshed_at;
            match refreshed {
                Some(at) => oldest = Some(oldest.map_or(at, |o| o.min(at))),
                None => return Ok(None),
            }
        }
        Ok(oldest)
    }
}
