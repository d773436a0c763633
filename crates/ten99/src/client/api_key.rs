use serde::{Deserialize, Deserializer};
use std::fmt;
use zeroize::Zeroizing;

/// A secret API key. Debug and Display show only its last four characters; only
/// [`ApiKey::expose`] gives the value, for the request header and the keychain.
/// Every copy clears its bytes when dropped, so a key no longer needed does not
/// linger in memory.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(Zeroizing<String>);

impl ApiKey {
    /// Wraps a secret key (`t9sk_test_…` or `t9sk_live_…`); its bytes are cleared on drop.
    pub fn new(key: impl Into<String>) -> ApiKey {
        ApiKey(Zeroizing::new(key.into()))
    }

    /// The key itself, for the `Authorization` header; keep it out of logs.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The last four characters, which is all a screen may show of a key.
    pub fn last4(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        chars[chars.len().saturating_sub(4)..].iter().collect()
    }

    /// The same key without surrounding whitespace (a key pasted from a web page
    /// often carries a newline); the untrimmed copy is cleared when dropped.
    pub fn trimmed(&self) -> ApiKey {
        ApiKey::new(self.0.trim())
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiKey(…{})", self.last4())
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "…{}", self.last4())
    }
}

/// A command can take the key straight from its arguments, so it is never held in
/// a plain `String` on the way in. There is deliberately no `Serialize`: a key never
/// goes back out as data.
impl<'de> Deserialize<'de> for ApiKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ApiKey, D::Error> {
        String::deserialize(deserializer).map(ApiKey::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "t9sk_test_supersecret1234";

    #[test]
    fn formatting_never_reveals_the_value() {
        let key = ApiKey::new(SECRET);
        assert_eq!(format!("{key:?}"), "ApiKey(…1234)");
        assert_eq!(key.to_string(), "…1234");
        for shown in [
            format!("{key:?}"),
            format!("{key:#?}"),
            format!("{key}"),
            format!("{:>40}", key),
            format!("{:?}", Some(&key)),
            format!("{:?}", vec![key.clone()]),
        ] {
            assert!(!shown.contains("supersecret"), "{shown}");
        }
        assert_eq!(ApiKey::new("ab").last4(), "ab");
    }

    #[test]
    fn a_client_holding_the_key_does_not_reveal_it_either() {
        let client = crate::client::Client::new(
            "http://127.0.0.1:9",
            ApiKey::new(SECRET),
            crate::Environment::Sandbox,
        )
        .unwrap();
        let shown = format!("{client:?}");
        assert!(shown.contains("…1234"), "{shown}");
        assert!(!shown.contains("supersecret"), "{shown}");
    }

    #[test]
    fn reads_from_command_arguments_and_trims() {
        let key: ApiKey = serde_json::from_str(&format!("\" {SECRET}\\n\"")).unwrap();
        assert_eq!(key.trimmed().expose(), SECRET);
        assert_eq!(key.trimmed(), ApiKey::new(SECRET));
    }
}
