//! Async HTTP client for the 1099Policy API (feature `client`).
//!
//! ```no_run
//! # async fn demo() -> Result<(), ten99::client::Error> {
//! use ten99::client::{ApiKey, Client};
//! let client = Client::new("https://api.1099policy.com", ApiKey::new("t9sk_test_…"), ten99::Environment::Sandbox)?;
//! let page = client.contractors().list(&ten99::client::ListParams::default()).await?;
//! # Ok(()) }
//! ```

mod api_key;
pub mod contractors;
mod error;
mod list;

pub use api_key::ApiKey;
pub use error::Error;
pub use list::ListParams;

use crate::environment::{Environment, ENVIRONMENT_HEADER};
use crate::error_body::{ErrorBody, ErrorMessage};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::time::Duration;

/// Header carrying the idempotency key of a POST (reference §1.5).
pub const IDEMPOTENCY_HEADER: &str = "Ten99Policy-Idempotent-Key";

/// A client for one API base, key and environment.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    key: ApiKey,
    environment: Environment,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base", &self.base)
            .field("key", &self.key)
            .field("environment", &self.environment)
            .finish()
    }
}

impl Client {
    /// `base` is the host part, e.g. `https://api.1099policy.com`; `/api/v1` is added here.
    pub fn new(base: &str, key: ApiKey, environment: Environment) -> Result<Client, Error> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(80))
            .user_agent(concat!("Coverdesk ten99/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Transport(e.to_string()))?;
        Ok(Client {
            http,
            base: base.trim_end_matches('/').to_owned(),
            key,
            environment,
        })
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn environment(&self) -> Environment {
        self.environment
    }

    pub fn contractors(&self) -> contractors::Contractors<'_> {
        contractors::Contractors { client: self }
    }

    fn url(&self, path: &str) -> String {
        format!("{}/api/v1/{}", self.base, path.trim_start_matches('/'))
    }

    async fn send<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&B>,
    ) -> Result<T, Error> {
        let mut request = self
            .http
            .request(method.clone(), self.url(path))
            .bearer_auth(self.key.expose())
            .header(ENVIRONMENT_HEADER, self.environment.as_str())
            .query(query);
        if method == Method::POST {
            request = request.header(IDEMPOTENCY_HEADER, uuid::Uuid::new_v4().to_string());
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.map_err(Error::from_reqwest)?;
        let status = response.status();
        let request_id = response
            .headers()
            .get("request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = response.bytes().await.map_err(Error::from_reqwest)?;
        if status.is_success() {
            return decode(&bytes);
        }
        Err(api_error(status, &bytes, request_id))
    }
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut de).map_err(|e| Error::Decode {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })
}

fn api_error(status: StatusCode, bytes: &[u8], request_id: Option<String>) -> Error {
    let body = serde_json::from_slice::<ErrorBody>(bytes).unwrap_or_else(|_| ErrorBody {
        error_code: String::new(),
        message: ErrorMessage::Text(format!(
            "HTTP {}: {}",
            status.as_u16(),
            String::from_utf8_lossy(&bytes[..bytes.len().min(200)])
        )),
    });
    Error::Api {
        status: status.as_u16(),
        code: body.error_code,
        message: body.message,
        request_id,
    }
}
