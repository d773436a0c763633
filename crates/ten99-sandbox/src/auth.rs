//! Who is calling: the API key (reference §1.3) and the environment (§1.2).
//!
//! Each key is its own tenant; its data is kept apart per environment. There is no
//! list of known keys: any key of the documented shape is accepted, so a test can
//! invent a fresh key to get an empty account.

use crate::error::Error;
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use base64::Engine;
use ten99::environment::ENVIRONMENT_HEADER;
use ten99::Environment;

/// The caller of an API request: whose data it may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenant {
    /// The API key itself. Kept verbatim: this is a local test double, its keys are
    /// made up, and the key is the only account identity there is.
    pub key: String,
    pub environment: Environment,
}

impl Tenant {
    /// Reads the key and environment of a request.
    pub fn from_headers(headers: &HeaderMap) -> Result<Tenant, Error> {
        let key = api_key(headers)?;
        let environment = environment(&key, headers)?;
        Ok(Tenant { key, environment })
    }
}

/// Handlers take the tenant the API middleware put on the request.
impl<S: Send + Sync> FromRequestParts<S> for Tenant {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Tenant, Error> {
        match parts.extensions.get::<Tenant>() {
            Some(tenant) => Ok(tenant.clone()),
            None => Tenant::from_headers(&parts.headers),
        }
    }
}

/// The API key of a request, in any of the four wire forms the sources show:
/// `Bearer <key>`, `Basic base64(<key>:)` (curl -u), `Basic <key>`, or the bare key.
pub fn api_key(headers: &HeaderMap) -> Result<String, Error> {
    let Some(value) = headers.get(AUTHORIZATION) else {
        return Err(Error::InvalidApiKey(
            "No API key provided. Send it as `Authorization: Bearer <key>`.".into(),
        ));
    };
    let value = value.to_str().unwrap_or_default().trim();
    match key_in(value) {
        Some(key) => Ok(key),
        None => Err(Error::InvalidApiKey(
            "Invalid API key: expected a key starting t9k_test_, t9sk_test_, t9k_live_ or t9sk_live_.".into(),
        )),
    }
}

fn key_in(value: &str) -> Option<String> {
    let valid = |key: &str| Environment::of_key(key).is_some();
    let (scheme, rest) = value.split_once(' ').unwrap_or(("", value));
    let rest = rest.trim();
    let key = if scheme.eq_ignore_ascii_case("bearer") {
        rest.to_owned()
    } else if scheme.eq_ignore_ascii_case("basic") {
        // A raw key is tried first: it is never mistaken for base64 of `key:`,
        // whose decoding always contains the colon.
        if valid(rest) {
            rest.to_owned()
        } else {
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(rest)
                .ok()?;
            let decoded = String::from_utf8(decoded).ok()?;
            decoded
                .split_once(':')
                .map_or(decoded.clone(), |(user, _)| user.to_owned())
        }
    } else {
        value.to_owned()
    };
    valid(&key).then_some(key)
}

/// The environment of a request.
///
/// Open question Q2 of the reference (header vs key). Our answer: the key decides,
/// because the docs say so and it is the safer reading; the `Ten99Policy-Environment`
/// header may name the same environment (both SDKs always send it), and when it names
/// the other one the request is refused with 403 `insufficient_permissions` rather
/// than silently served from the key's environment — a client that believes it is
/// writing to production must not quietly get the sandbox, nor the reverse.
pub fn environment(key: &str, headers: &HeaderMap) -> Result<Environment, Error> {
    let of_key =
        Environment::of_key(key).ok_or_else(|| Error::InvalidApiKey("Invalid API key.".into()))?;
    let Some(value) = headers.get(ENVIRONMENT_HEADER) else {
        return Ok(of_key);
    };
    let asked = value
        .to_str()
        .ok()
        .and_then(Environment::parse)
        .ok_or_else(|| {
            Error::BadRequest(format!(
                "{ENVIRONMENT_HEADER} must be `sandbox` or `production`."
            ))
        })?;
    if asked == of_key {
        return Ok(of_key);
    }
    let kind = match of_key {
        Environment::Sandbox => "a test key, which only works in the sandbox environment",
        Environment::Production => "a live key, which only works in the production environment",
    };
    Err(Error::InsufficientPermissions(format!(
        "This request asked for the {} environment ({ENVIRONMENT_HEADER} header) but was made with {kind}.",
        asked.as_str()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_wire_form() {
        let key = "t9sk_test_c6a100e0-88b2";
        let b64 = base64::engine::general_purpose::STANDARD.encode(format!("{key}:"));
        for form in [
            format!("Bearer {key}"),
            format!("bearer  {key}"),
            format!("Basic {b64}"),
            format!("Basic {key}"),
            key.to_owned(),
        ] {
            assert_eq!(key_in(&form).as_deref(), Some(key), "{form}");
        }
        for bad in [
            "Bearer sk_test_abc",
            "Basic Zm9vOg==",
            "t9k_test_",
            "Token t9k_test_abc",
        ] {
            assert_eq!(key_in(bad), None, "{bad}");
        }
    }
}
