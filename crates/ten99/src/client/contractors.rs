//! `/api/v1/contractors`.

use super::{Client, Error, ListParams};
use crate::resources::contractors::{Contractor, ContractorInput};
use reqwest::Method;

pub struct Contractors<'a> {
    pub(super) client: &'a Client,
}

impl Contractors<'_> {
    pub async fn create(&self, input: &ContractorInput) -> Result<Contractor, Error> {
        self.client
            .send(Method::POST, "contractors", &[], Some(input))
            .await
    }

    pub async fn get(&self, id: &str) -> Result<Contractor, Error> {
        self.client
            .send::<(), _>(Method::GET, &format!("contractors/{id}"), &[], None)
            .await
    }

    /// One page, newest first.
    pub async fn list(&self, params: &ListParams) -> Result<Vec<Contractor>, Error> {
        self.client
            .send::<(), _>(Method::GET, "contractors", &params.query(), None)
            .await
    }

    /// Every contractor, walking pages of 100 with `starting_after`.
    pub async fn list_all(&self) -> Result<Vec<Contractor>, Error> {
        let mut all: Vec<Contractor> = Vec::new();
        loop {
            let params = ListParams {
                limit: Some(100),
                starting_after: all.last().map(|c| c.id.clone()),
                ..Default::default()
            };
            let page = self.list(&params).await?;
            let done = page.len() < 100;
            all.extend(page);
            if done {
                return Ok(all);
            }
        }
    }
}
