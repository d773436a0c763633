/// Paging parameters every list endpoint takes (reference §3). Lists are newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListParams {
    /// 1–100; the API's default is 10.
    pub limit: Option<u32>,
    /// The page after this id (older objects).
    pub starting_after: Option<String>,
    /// The page before this id (newer objects).
    pub ending_before: Option<String>,
}

impl ListParams {
    /// The first page of `limit` objects.
    pub fn with_limit(limit: u32) -> ListParams {
        ListParams {
            limit: Some(limit),
            ..ListParams::default()
        }
    }

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
