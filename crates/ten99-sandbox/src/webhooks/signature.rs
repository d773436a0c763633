//! Webhook signatures (reference §5.4): `Ten99Policy-Signature: t=<unix>,v1=<hex>`
//! where the hex is the lowercase HMAC-SHA256 of `"<t>.<raw body>"`, keyed by the
//! endpoint's `whsec_…` secret as UTF-8 bytes. The only scheme any source shows
//! (the 2022 SDKs, Stripe-compatible); unconfirmed for the live API (Q3), so the
//! header name and tolerance are constants a caller can override.

use hmac::{Hmac, Mac};
use rand::distr::{Alphanumeric, SampleString};
use sha2::Sha256;

/// The header a delivery carries (HTTP header names are case-insensitive; the 2022
/// SDK spells it `ten99policy-signature`).
pub const HEADER: &str = "Ten99Policy-Signature";

/// How old a signature may be before a verifier rejects it (the SDKs' default).
pub const DEFAULT_TOLERANCE_SECONDS: i64 = 300;

type HmacSha256 = Hmac<Sha256>;

/// A fresh endpoint secret: `whsec_` and 32 base62 characters.
pub fn new_secret() -> String {
    let mut secret = String::from("whsec_");
    Alphanumeric.append_string(&mut rand::rng(), &mut secret, 32);
    secret
}

fn mac(secret: &str, timestamp: i64, body: &[u8]) -> HmacSha256 {
    // HMAC takes keys of any length, so this cannot fail.
    let mut mac = HmacSha256::new_from_slice(secret.as_bytes()).expect("HMAC accepts any key");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// The lowercase hex signature of `body` sent at `timestamp`.
pub fn sign(secret: &str, timestamp: i64, body: &[u8]) -> String {
    hex::encode(mac(secret, timestamp, body).finalize().into_bytes())
}

/// The whole header value: `t=1700000000,v1=649174d6…`.
pub fn header_value(secret: &str, timestamp: i64, body: &[u8]) -> String {
    format!("t={timestamp},v1={}", sign(secret, timestamp, body))
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("Unable to extract timestamp and signatures from header")]
    Malformed,
    #[error("No signatures found with expected scheme v1")]
    NoSignatures,
    #[error("No signatures found matching the expected signature for payload")]
    Mismatch,
    #[error("Timestamp outside the tolerance zone ({age} s old)")]
    Stale { age: i64 },
}

/// Checks a header the way the SDKs' verifiers do: any `v1` may match (compared in
/// constant time), and with `tolerance > 0` the timestamp must be at most that many
/// seconds older than `now`. Used by tests, and by anyone checking what we sent.
pub fn verify(
    header: &str,
    body: &[u8],
    secret: &str,
    now: i64,
    tolerance: i64,
) -> Result<(), SignatureError> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for pair in header.split(',') {
        match pair.trim().split_once('=') {
            Some(("t", t)) => timestamp = t.parse::<i64>().ok(),
            Some(("v1", v)) => signatures.push(v),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(SignatureError::Malformed)?;
    if signatures.is_empty() {
        return Err(SignatureError::NoSignatures);
    }
    let matches = signatures.iter().any(|candidate| {
        hex::decode(candidate)
            .map(|bytes| mac(secret, timestamp, body).verify_slice(&bytes).is_ok())
            .unwrap_or(false)
    });
    if !matches {
        return Err(SignatureError::Mismatch);
    }
    let age = now - timestamp;
    if tolerance > 0 && age > tolerance {
        return Err(SignatureError::Stale { age });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_test_secret";
    const BODY: &[u8] = br#"{"id":"ev_1"}"#;

    #[test]
    fn matches_an_independent_hmac() {
        // python3: hmac.new(b"whsec_test_secret", b'1700000000.{"id":"ev_1"}', sha256).hexdigest()
        assert_eq!(
            header_value(SECRET, 1_700_000_000, BODY),
            "t=1700000000,v1=649174d631b810fe62cc1ceb937d163767fc4071c3e4463032f9970d02bfe848"
        );
    }

    #[test]
    fn verifies_like_the_sdks() {
        let header = header_value(SECRET, 1_700_000_000, BODY);
        assert_eq!(verify(&header, BODY, SECRET, 1_700_000_100, 300), Ok(()));
        let rotated = format!("{header},v1=00ff,v0=zz");
        assert_eq!(verify(&rotated, BODY, SECRET, 1_700_000_000, 300), Ok(()));
        assert_eq!(
            verify(&header, b"{}", SECRET, 1_700_000_000, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(&header, BODY, "whsec_other", 1_700_000_000, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(&header, BODY, SECRET, 1_700_000_301, 300),
            Err(SignatureError::Stale { age: 301 })
        );
        assert_eq!(verify(&header, BODY, SECRET, 1_800_000_000, 0), Ok(()));
        assert_eq!(
            verify("v1=abc", BODY, SECRET, 0, 0),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify("t=1", BODY, SECRET, 0, 0),
            Err(SignatureError::NoSignatures)
        );
    }

    #[test]
    fn secrets_are_fresh() {
        let s = new_secret();
        assert!(s.starts_with("whsec_") && s.len() == 38);
        assert_ne!(s, new_secret());
    }
}
