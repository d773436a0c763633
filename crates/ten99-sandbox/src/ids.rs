//! Object IDs: a resource prefix and a random base62 part (reference §1.7).

use rand::distr::{Alphanumeric, SampleString};

/// `prefix` followed by `len` random characters from `[A-Za-z0-9]`.
pub fn random(prefix: &str, len: usize) -> String {
    let mut id = String::with_capacity(prefix.len() + len);
    id.push_str(prefix);
    Alphanumeric.append_string(&mut rand::rng(), &mut id, len);
    id
}

/// A contractor ID: `cn_` and 10 characters, like the reference's `cn_yJBbMeq9QA`.
pub fn contractor() -> String {
    random(ten99::resources::contractors::ID_PREFIX, 10)
}

/// The value of the `request-id` response header.
pub fn request() -> String {
    random("req_", 16)
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_have_prefix_length_and_base62() {
        let id = super::contractor();
        assert!(id.starts_with("cn_"), "{id}");
        assert_eq!(id.len(), 13);
        assert!(id[3..].chars().all(|c| c.is_ascii_alphanumeric()), "{id}");
        assert_ne!(super::contractor(), id);
    }
}
