/// Paging parameters every list endpoint takes (reference §3).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListParams {
    /// 1–100; the API's default is 10.
    pub limit: Option<u32>,
    pub starting_after: Option<String>,
    pub ending_before: Option<String>,
}

impl ListParams {
    pub(crate) fn query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if let Some(limit) = self.limit {
            q.push(("limit", limit.to_string()));
        }
        if let Some(id) = &self.starting_after {
            q.push(("starting_after", id.clone()));
        }
        if let Some(id) = &self.ending_before {
            q.push(("ending_before", id.clone()));
        }
        q
    }
}
