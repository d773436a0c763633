//! The PDFs a policy or an assignment links to (`pdf_url`, `certificates`).

use super::{Client, Error};
use reqwest::Url;

impl Client {
    /// The bytes at `url` (absolute; see [`crate::resources::policies::resolve_url`]).
    /// The key goes along only when `url` is on the API's own origin: a storage link
    /// elsewhere needs none, and must never see it. No retries: the caller keeps a copy.
    pub async fn download(&self, url: &Url) -> Result<Vec<u8>, Error> {
        let inner = &self.inner;
        let mut request = inner.http.get(url.clone());
        if url.origin() == inner.url.origin() {
            request = request.bearer_auth(inner.key.expose());
        }
        let response = request.send().await.map_err(Error::from_reqwest)?;
        let status = response.status().as_u16();
        let request_id = response
            .headers()
            .get("request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = response.bytes().await.map_err(Error::from_reqwest)?;
        if (200..300).contains(&status) {
            Ok(bytes.to_vec())
        } else {
            Err(Error::from_response(status, &bytes, request_id))
        }
    }
}
