use std::fmt;

/// A secret API key. Debug and Display never show it; only [`ApiKey::expose`] does,
/// and the only caller of that is the request builder.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    pub fn new(key: impl Into<String>) -> ApiKey {
        ApiKey(key.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The last four characters, which is all a screen may show of a key.
    pub fn last4(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        chars[chars.len().saturating_sub(4)..].iter().collect()
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

impl Drop for ApiKey {
    fn drop(&mut self) {
        // Overwrite the bytes before the allocation is freed, so a key that is no
        // longer needed does not linger in memory.
        let bytes = unsafe { self.0.as_mut_vec() };
        for b in bytes.iter_mut() {
            unsafe { std::ptr::write_volatile(b, 0) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_the_secret() {
        let key = ApiKey::new("t9sk_test_supersecret1234");
        assert_eq!(format!("{key:?}"), "ApiKey(…1234)");
        assert_eq!(key.to_string(), "…1234");
        assert!(!format!("{key:?}{key}").contains("supersecret"));
        assert_eq!(ApiKey::new("ab").last4(), "ab");
    }
}
