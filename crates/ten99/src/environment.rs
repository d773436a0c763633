//! The API's two environments, chosen by the `Ten99Policy-Environment` header.

use serde::{Deserialize, Serialize};

/// Name of the header that selects the environment of a request.
pub const ENVIRONMENT_HEADER: &str = "Ten99Policy-Environment";

/// Sandbox (test data, no real cover) or production; sent in `Ten99Policy-Environment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    /// Test data, no real cover; the API's default when the header is absent.
    Sandbox,
    /// Real policies, billed.
    Production,
}

impl Environment {
    /// The header value: `sandbox` or `production`.
    pub fn as_str(self) -> &'static str {
        match self {
            Environment::Sandbox => "sandbox",
            Environment::Production => "production",
        }
    }

    /// The environment a secret key belongs to, read from its prefix
    /// (`t9k_test_`/`t9sk_test_` or `t9k_live_`/`t9sk_live_`, reference §1.3).
    pub fn of_key(key: &str) -> Option<Environment> {
        let rest = key
            .strip_prefix("t9sk_")
            .or_else(|| key.strip_prefix("t9k_"))?;
        if rest.starts_with("test_") && rest.len() > 5 {
            Some(Environment::Sandbox)
        } else if rest.starts_with("live_") && rest.len() > 5 {
            Some(Environment::Production)
        } else {
            None
        }
    }

    /// Reads a header or setting value, ignoring case and surrounding spaces; `None` for anything else.
    pub fn parse(value: &str) -> Option<Environment> {
        match value.trim().to_ascii_lowercase().as_str() {
            "sandbox" => Some(Environment::Sandbox),
            "production" => Some(Environment::Production),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_prefixes_decide_the_environment() {
        assert_eq!(
            Environment::of_key("t9sk_test_c6a100e0-88b2"),
            Some(Environment::Sandbox)
        );
        assert_eq!(
            Environment::of_key("t9k_test_wvnsjtZ8aMl"),
            Some(Environment::Sandbox)
        );
        assert_eq!(
            Environment::of_key("t9k_live_abc"),
            Some(Environment::Production)
        );
        assert_eq!(
            Environment::of_key("t9sk_live_abc"),
            Some(Environment::Production)
        );
        assert_eq!(Environment::of_key("sk_test_abc"), None);
        assert_eq!(Environment::of_key("t9k_test_"), None);
    }

    #[test]
    fn header_values_parse_case_insensitively() {
        assert_eq!(
            Environment::parse(" Production"),
            Some(Environment::Production)
        );
        assert_eq!(Environment::parse("staging"), None);
    }
}
