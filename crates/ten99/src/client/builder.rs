//! [`ClientBuilder`]: everything about a [`Client`] that is not the default.

use super::{ApiKey, Client, Error, Inner, RetryPolicy};
use crate::environment::Environment;
use reqwest::Url;
use std::sync::Arc;
use std::time::Duration;

/// Builds a [`Client`].
///
/// ```
/// use std::time::Duration;
/// use ten99::client::{ApiKey, Client, RetryPolicy};
/// let client = Client::builder("http://127.0.0.1:5000", ApiKey::new("t9sk_test_abc"))
///     .retry_policy(RetryPolicy { max_retries: 4, ..RetryPolicy::default() })
///     .timeout(Duration::from_secs(30))
///     .build()?;
/// assert_eq!(client.environment(), ten99::Environment::Sandbox);
/// # Ok::<(), ten99::client::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    base: String,
    key: ApiKey,
    environment: Option<Environment>,
    retry: RetryPolicy,
    connect_timeout: Duration,
    timeout: Duration,
}

impl ClientBuilder {
    /// `base` is the host part, e.g. `https://api.1099policy.com`; `/api/v1` is added.
    pub fn new(base: impl Into<String>, key: ApiKey) -> ClientBuilder {
        ClientBuilder {
            base: base.into(),
            key,
            environment: None,
            retry: RetryPolicy::default(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(80),
        }
    }

    /// The `Ten99Policy-Environment` every request sends. By default the one the key's
    /// prefix names (`t9sk_live_…` → production), else sandbox, the API's own default.
    pub fn environment(mut self, environment: Environment) -> ClientBuilder {
        self.environment = Some(environment);
        self
    }

    /// Default: [`RetryPolicy::default`] (two retries).
    pub fn retry_policy(mut self, retry: RetryPolicy) -> ClientBuilder {
        self.retry = retry;
        self
    }

    /// How long to wait for a connection; default 10 s.
    pub fn connect_timeout(mut self, timeout: Duration) -> ClientBuilder {
        self.connect_timeout = timeout;
        self
    }

    /// How long one attempt may take, from connecting to the last byte of the
    /// answer; default 80 s, as the official SDKs. Each retry gets this again.
    pub fn timeout(mut self, timeout: Duration) -> ClientBuilder {
        self.timeout = timeout;
        self
    }

    /// Fails only on a base that is not an absolute http(s) URL, or if TLS cannot be
    /// set up.
    pub fn build(self) -> Result<Client, Error> {
        let base = self.base.trim_end_matches('/').to_owned();
        let url = Url::parse(&base)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.has_host())
            .ok_or_else(|| Error::Transport(format!("{base:?} is not an http(s) URL")))?;
        let http = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .user_agent(concat!("Coverdesk ten99/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(Error::from_reqwest)?;
        let environment = self
            .environment
            .or_else(|| Environment::of_key(self.key.expose()))
            .unwrap_or(Environment::Sandbox);
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base,
                url,
                key: self.key,
                environment,
                retry: self.retry,
            }),
        })
    }
}
