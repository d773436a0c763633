//! `/api/v1/files/certificates` (reference §2.12).

use super::transport::Payload;
use super::{Client, Error, ListParams, Paged};
use crate::resources::certificates::{Certificate, CertificateUpload};
use reqwest::Method;

const PATH: [&str; 2] = ["files", "certificates"];

/// How much of a certificate's review to include (`expand[]`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Expand {
    /// `review_results` stays `null`.
    #[default]
    Nothing,
    /// `expand[]=review_results`: status and summary.
    ReviewResults,
    /// `expand[]=review_results.full`: also the parsed certificate and every rule.
    ReviewResultsFull,
}

impl Expand {
    fn query(self) -> Vec<(&'static str, String)> {
        match self {
            Expand::Nothing => Vec::new(),
            Expand::ReviewResults => vec![("expand[]", "review_results".into())],
            Expand::ReviewResultsFull => vec![("expand[]", "review_results.full".into())],
        }
    }
}

/// Certificates of insurance a contractor already holds, uploaded for automated
/// review. From [`Client::certificates`]. Reviews finish asynchronously (minutes);
/// `certificate.*` events say when.
pub struct Certificates<'a> {
    pub(super) client: &'a Client,
}

impl Certificates<'_> {
    /// Uploads the PDF as `multipart/form-data` (parts `certificate` and `contractor`).
    /// The answer is `pending`. Check [`CertificateUpload::validate`] first to spare
    /// sending a file the API will refuse.
    pub async fn upload(&self, upload: &CertificateUpload) -> Result<Certificate, Error> {
        let payload = Payload::Certificate(upload);
        self.client.call(Method::POST, &PATH, &[], payload).await
    }

    /// One certificate, its review expanded as asked.
    pub async fn get(&self, id: &str, expand: Expand) -> Result<Certificate, Error> {
        self.client
            .get(&[PATH[0], PATH[1], id], &expand.query())
            .await
    }

    /// One page of certificates, newest first.
    pub async fn list(
        &self,
        params: &ListParams,
        expand: Expand,
    ) -> Result<Vec<Certificate>, Error> {
        Ok(self.client.page(&PATH, params, &expand.query()).await?.data)
    }

    /// Every certificate, walking pages of 100.
    pub async fn list_all(&self, expand: Expand) -> Result<Vec<Certificate>, Error> {
        let path = PATH.iter().map(|s| s.to_string()).collect();
        self.client.collect_all(path, expand.query()).await
    }

    /// Every certificate as a stream, `limit` per page.
    pub fn stream(&self, limit: u32, expand: Expand) -> Paged<Certificate> {
        let path = PATH.iter().map(|s| s.to_string()).collect();
        self.client.paged(path, limit, expand.query())
    }
}
