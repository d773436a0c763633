//! Verifying that a webhook delivery came from 1099Policy (feature `webhooks`, on with
//! `client`).
//!
//! The scheme is the only one the sources show (reference §5.4, unconfirmed, §7 Q3):
//! header `Ten99Policy-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, where each
//! `v1` is the lowercase hex HMAC-SHA256 of `"<t>.<raw body>"` keyed with the
//! endpoint's `whsec_…` secret. A delivery is genuine when any `v1` matches (compared
//! in constant time) and `t` is within the tolerance of now (default 300 s).
//!
//! ```
//! use ten99::webhooks::{self, Verifier};
//! let body = br#"{"id":"ev_1","type":"policy.active","created":1700000000,"data":{}}"#;
//! let header = webhooks::sign("whsec_test_secret", 1_700_000_000, body);
//! let verifier = Verifier::new("whsec_test_secret");
//! let event = verifier.verify_event_at(&header, body, 1_700_000_060)?;
//! assert_eq!(event.type_, ten99::EventType::PolicyActive);
//! # Ok::<(), ten99::webhooks::WebhookError>(())
//! ```

use crate::resources::events::Event;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The header a delivery's signature comes in (case-insensitive).
pub const SIGNATURE_HEADER: &str = "Ten99Policy-Signature";

/// How old (or how far ahead) a signature's timestamp may be: 5 minutes.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

/// The signature scheme this module reads.
const SCHEME: &str = "v1";

type HmacSha256 = Hmac<Sha256>;

/// Why a delivery was not accepted. None of them says which part of a signature was
/// right, so an error cannot help forge one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    /// The named header (the signature header, as a rule) is absent.
    #[error("the delivery has no {0} header")]
    MissingHeader(String),
    /// The signature header is not `t=<seconds>,v1=<hex>…`.
    #[error("unable to extract timestamp and signatures from the signature header")]
    MalformedHeader,
    /// The signature header has a timestamp but no `v1=` signature.
    #[error("the signature header has no v1 signature")]
    NoSignatures,
    /// No `v1` signature is the HMAC of this payload under this secret.
    #[error("no signature matches the payload")]
    NoMatch,
    /// `age` is now − t in seconds; negative for a timestamp in the future.
    #[error("the signature is {age} s old, beyond the tolerance of {tolerance} s")]
    Stale {
        /// Seconds since the signature's timestamp.
        age: i64,
        /// The verifier's tolerance, in seconds.
        tolerance: u64,
    },
    /// Genuine, but not an event (only from the `verify_event` calls).
    #[error("the payload is not an event: {0}")]
    Payload(String),
}

/// Checks deliveries to one endpoint.
#[derive(Clone)]
pub struct Verifier {
    secret: Vec<u8>,
    tolerance: Option<Duration>,
    header_name: String,
}

impl std::fmt::Debug for Verifier {
    /// Never prints the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verifier")
            .field("tolerance", &self.tolerance)
            .field("header_name", &self.header_name)
            .finish_non_exhaustive()
    }
}

impl Verifier {
    /// For the endpoint whose secret (`whsec_…`, used as its UTF-8 bytes) is `secret`.
    pub fn new(secret: impl AsRef<[u8]>) -> Verifier {
        Verifier {
            secret: secret.as_ref().to_vec(),
            tolerance: Some(DEFAULT_TOLERANCE),
            header_name: SIGNATURE_HEADER.to_owned(),
        }
    }

    /// `None` accepts any timestamp (replays included): only for tests and tools.
    pub fn with_tolerance(mut self, tolerance: Option<Duration>) -> Verifier {
        self.tolerance = tolerance;
        self
    }

    /// The header to read in [`Verifier::verify_headers`]; default [`SIGNATURE_HEADER`].
    pub fn with_header_name(mut self, name: impl Into<String>) -> Verifier {
        self.header_name = name.into();
        self
    }

    /// The header [`Verifier::verify_headers`] reads the signature from.
    pub fn header_name(&self) -> &str {
        &self.header_name
    }

    /// Checks the signature header value against the raw body, as of the system clock.
    pub fn verify(&self, header: &str, body: &[u8]) -> Result<(), WebhookError> {
        self.verify_at(header, body, unix_now())
    }

    /// As [`Verifier::verify`], as of `now` (Unix seconds).
    pub fn verify_at(&self, header: &str, body: &[u8], now: i64) -> Result<(), WebhookError> {
        let (timestamp, signatures) = parse(header)?;
        if signatures.is_empty() {
            return Err(WebhookError::NoSignatures);
        }
        let mac = self.mac(timestamp, body);
        // verify_slice compares in constant time; undecodable hex simply never matches.
        let matched = signatures.iter().any(|candidate| {
            hex::decode(candidate).is_ok_and(|bytes| mac.clone().verify_slice(&bytes).is_ok())
        });
        if !matched {
            return Err(WebhookError::NoMatch);
        }
        if let Some(tolerance) = self.tolerance {
            let age = now.saturating_sub(timestamp);
            if age.unsigned_abs() > tolerance.as_secs() {
                return Err(WebhookError::Stale {
                    age,
                    tolerance: tolerance.as_secs(),
                });
            }
        }
        Ok(())
    }

    /// Finds the signature header (by [`Verifier::header_name`], case-insensitively)
    /// among `headers` and verifies it. Works with any header list, e.g.
    /// `map.iter().filter_map(|(k, v)| Some((k.as_str(), v.to_str().ok()?)))`.
    pub fn verify_headers<'a>(
        &self,
        headers: impl IntoIterator<Item = (&'a str, &'a str)>,
        body: &[u8],
    ) -> Result<(), WebhookError> {
        let header = headers
            .into_iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(&self.header_name))
            .map(|(_, value)| value)
            .ok_or_else(|| WebhookError::MissingHeader(self.header_name.clone()))?;
        self.verify(header, body)
    }

    /// Verifies, then reads the body as an [`Event`].
    pub fn verify_event(&self, header: &str, body: &[u8]) -> Result<Event, WebhookError> {
        self.verify_event_at(header, body, unix_now())
    }

    /// As [`Verifier::verify_event`], as of `now` (Unix seconds).
    pub fn verify_event_at(
        &self,
        header: &str,
        body: &[u8],
        now: i64,
    ) -> Result<Event, WebhookError> {
        self.verify_at(header, body, now)?;
        serde_json::from_slice(body).map_err(|e| WebhookError::Payload(e.to_string()))
    }

    fn mac(&self, timestamp: i64, body: &[u8]) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.secret).expect("HMAC takes any key length");
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        mac
    }
}

/// The lowercase hex `v1` signature of `body` at `timestamp`.
pub fn signature(secret: impl AsRef<[u8]>, timestamp: i64, body: &[u8]) -> String {
    let mac = Verifier::new(secret).mac(timestamp, body);
    hex::encode(mac.finalize().into_bytes())
}

/// A whole header value, `t=<timestamp>,v1=<signature>`: what a sender (the stand-in,
/// a test) puts in [`SIGNATURE_HEADER`].
pub fn sign(secret: impl AsRef<[u8]>, timestamp: i64, body: &[u8]) -> String {
    format!(
        "t={timestamp},{SCHEME}={}",
        signature(secret, timestamp, body)
    )
}

/// `t` and every `v1` value. Other schemes (`v0=`) and unknown keys are skipped, as
/// senders may add them; a missing or repeated-and-different `t` is malformed.
fn parse(header: &str) -> Result<(i64, Vec<&str>), WebhookError> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for item in header.split(',') {
        let (key, value) = item.split_once('=').ok_or(WebhookError::MalformedHeader)?;
        match key.trim() {
            "t" => {
                let t = value
                    .trim()
                    .parse::<i64>()
                    .map_err(|_| WebhookError::MalformedHeader)?;
                if timestamp.is_some_and(|seen| seen != t) {
                    return Err(WebhookError::MalformedHeader);
                }
                timestamp = Some(t);
            }
            SCHEME => signatures.push(value.trim()),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(WebhookError::MalformedHeader)?;
    Ok((timestamp, signatures))
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_headers() {
        assert_eq!(
            parse("t=12,v1=ab,v0=zz,v1=cd").unwrap(),
            (12, vec!["ab", "cd"])
        );
        assert_eq!(parse(" t = 5 , v1 = ab ").unwrap(), (5, vec!["ab"]));
        assert_eq!(parse("t=5").unwrap(), (5, vec![]));
        for bad in ["", "v1=ab", "t=x,v1=ab", "t=1,t=2,v1=ab", "garbage"] {
            assert_eq!(parse(bad), Err(WebhookError::MalformedHeader), "{bad}");
        }
    }

    #[test]
    fn signs_and_verifies() {
        let header = sign("whsec_x", 100, b"{}");
        let verifier = Verifier::new("whsec_x");
        assert_eq!(verifier.verify_at(&header, b"{}", 100), Ok(()));
        assert_eq!(
            verifier.verify_at(&header, b"{ }", 100),
            Err(WebhookError::NoMatch)
        );
        assert_eq!(
            verifier.verify_at(&header, b"{}", 401),
            Err(WebhookError::Stale {
                age: 301,
                tolerance: 300
            })
        );
        let lax = verifier.with_tolerance(None);
        assert_eq!(lax.verify_at(&header, b"{}", 1_000_000), Ok(()));
        assert!(!format!("{lax:?}").contains("whsec_x"));
    }
}
