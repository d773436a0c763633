//! Webhook signature verification, checked against HMACs computed here with the
//! `hmac` crate directly (not with the code under test).
#![cfg(feature = "webhooks")]

use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::Duration;
use ten99::webhooks::{self, Verifier, WebhookError, DEFAULT_TOLERANCE, SIGNATURE_HEADER};
use ten99::EventType;

const SECRET: &str = "whsec_test_secret";
const T: i64 = 1_700_000_000;
const BODY: &[u8] = br#"{"id":"ev_Q2kA9Nsub9jKcFJqcBSv2u","type":"policy.active","created":1700000000,"data":{"id":"pl_WzFRszJhoY","object":"policy","quote":"qt_5DciVga8Kt","status":"active","created":1700000000}}"#;

/// Lowercase hex HMAC-SHA256 of `"<t>.<body>"`, as reference §5.4 describes it.
fn expected(secret: &str, t: i64, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.").as_bytes());
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

#[test]
fn known_vectors() {
    // Fixed hex, computed outside Rust (Python's hmac module), so a change of scheme
    // or encoding cannot pass by agreeing with itself.
    assert_eq!(
        webhooks::signature("key", 0, b"").len(),
        64,
        "SHA-256 is 32 bytes of hex"
    );
    let wikipedia = Hmac::<Sha256>::new_from_slice(b"key")
        .unwrap()
        .chain_update(b"The quick brown fox jumps over the lazy dog")
        .finalize()
        .into_bytes();
    assert_eq!(
        hex::encode(wikipedia),
        "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
    );
    let known = "649174d631b810fe62cc1ceb937d163767fc4071c3e4463032f9970d02bfe848";
    let body = br#"{"id":"ev_1"}"#;
    assert_eq!(expected(SECRET, T, body), known);
    assert_eq!(webhooks::signature(SECRET, T, body), known);
    let header = format!("t={T},v1={known}");
    assert_eq!(Verifier::new(SECRET).verify_at(&header, body, T), Ok(()));
}

#[test]
fn a_genuine_delivery_is_accepted_and_read_as_an_event() {
    let header = format!("t={T},v1={}", expected(SECRET, T, BODY));
    assert_eq!(webhooks::sign(SECRET, T, BODY), header);
    let verifier = Verifier::new(SECRET);
    assert_eq!(verifier.verify_at(&header, BODY, T + 10), Ok(()));
    let event = verifier.verify_event_at(&header, BODY, T).unwrap();
    assert_eq!(event.type_, EventType::PolicyActive);
    assert_eq!(event.object_id(), Some("pl_WzFRszJhoY"));
}

#[test]
fn any_v1_may_match_and_other_schemes_are_ignored() {
    let good = expected(SECRET, T, BODY);
    let rolled = expected("whsec_old_secret", T, BODY);
    let header = format!("t={T},v0=deadbeef,v1={rolled},v1={good}");
    assert_eq!(Verifier::new(SECRET).verify_at(&header, BODY, T), Ok(()));
}

#[test]
fn tampering_wrong_secrets_and_bad_hex_do_not_match() {
    let header = format!("t={T},v1={}", expected(SECRET, T, BODY));
    let verifier = Verifier::new(SECRET);
    let mut tampered = BODY.to_vec();
    tampered[10] ^= 1;
    assert_eq!(
        verifier.verify_at(&header, &tampered, T),
        Err(WebhookError::NoMatch)
    );
    // The timestamp is signed too: moving it breaks the signature.
    let moved = header.replace(&format!("t={T}"), &format!("t={}", T + 1));
    assert_eq!(
        verifier.verify_at(&moved, BODY, T),
        Err(WebhookError::NoMatch)
    );
    assert_eq!(
        Verifier::new("whsec_other").verify_at(&header, BODY, T),
        Err(WebhookError::NoMatch)
    );
    let upper = format!("t={T},v1={}", expected(SECRET, T, BODY).to_uppercase());
    assert_eq!(
        verifier.verify_at(&upper, BODY, T),
        Ok(()),
        "hex case is not meaning"
    );
    assert_eq!(
        verifier.verify_at(&format!("t={T},v1=zz"), BODY, T),
        Err(WebhookError::NoMatch)
    );
}

#[test]
fn malformed_headers_and_missing_signatures() {
    let verifier = Verifier::new(SECRET);
    for header in ["", "v1=abc", "t=soon,v1=abc", "nonsense"] {
        assert_eq!(
            verifier.verify_at(header, BODY, T),
            Err(WebhookError::MalformedHeader),
            "{header:?}"
        );
    }
    assert_eq!(
        verifier.verify_at(&format!("t={T},v0=abc"), BODY, T),
        Err(WebhookError::NoSignatures)
    );
}

#[test]
fn stale_and_future_timestamps_are_refused_within_a_configurable_tolerance() {
    let header = format!("t={T},v1={}", expected(SECRET, T, BODY));
    let verifier = Verifier::new(SECRET);
    assert_eq!(DEFAULT_TOLERANCE, Duration::from_secs(300));
    assert_eq!(verifier.verify_at(&header, BODY, T + 300), Ok(()));
    assert_eq!(
        verifier.verify_at(&header, BODY, T + 301),
        Err(WebhookError::Stale {
            age: 301,
            tolerance: 300
        })
    );
    assert!(matches!(
        verifier.verify_at(&header, BODY, T - 301),
        Err(WebhookError::Stale { age: -301, .. })
    ));
    let strict = Verifier::new(SECRET).with_tolerance(Some(Duration::from_secs(5)));
    assert!(strict.verify_at(&header, BODY, T + 6).is_err());
    let lax = Verifier::new(SECRET).with_tolerance(None);
    assert_eq!(lax.verify_at(&header, BODY, T + 86_400), Ok(()));
    // Against the real clock, a 2023 signature is long stale.
    assert!(matches!(
        verifier.verify(&header, BODY),
        Err(WebhookError::Stale { .. })
    ));
}

#[test]
fn the_header_is_found_by_name_case_insensitively() {
    let header = webhooks::sign(SECRET, now(), BODY);
    let verifier = Verifier::new(SECRET);
    assert_eq!(verifier.header_name(), SIGNATURE_HEADER);
    let headers = [
        ("content-type", "application/json"),
        ("ten99policy-signature", header.as_str()),
    ];
    assert_eq!(verifier.verify_headers(headers, BODY), Ok(()));
    assert_eq!(
        verifier.verify_headers([("content-type", "application/json")], BODY),
        Err(WebhookError::MissingHeader(SIGNATURE_HEADER.into()))
    );
    let custom = Verifier::new(SECRET).with_header_name("X-Signature");
    assert_eq!(
        custom.verify_headers([("x-signature", header.as_str())], BODY),
        Ok(())
    );
    assert!(custom.verify_headers(headers, BODY).is_err());
}

#[test]
fn a_genuine_body_that_is_not_an_event_is_a_payload_error() {
    let body = b"[1,2,3]";
    let header = webhooks::sign(SECRET, T, body);
    assert!(matches!(
        Verifier::new(SECRET).verify_event_at(&header, body, T),
        Err(WebhookError::Payload(_))
    ));
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}
