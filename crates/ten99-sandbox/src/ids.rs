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

/// The id of most objects: `prefix` and 10 base62 characters (`en_FwZfQRe4aW`).
pub fn object(prefix: &str) -> String {
    random(prefix, 10)
}

/// Events and webhook endpoints carry 22 characters (`ev_Q2kA9Nsub9jKcFJqcBSv2u`).
pub fn long(prefix: &str) -> String {
    random(prefix, 22)
}

/// Crockford's base32, the ULID alphabet (no I, L, O, U).
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A 26-character ULID: 48 bits of Unix milliseconds then 80 random bits, so ids
/// made later sort later, like the reference's `ias_01FVCHXE7PNQHA1T3S2AXL2QZE`.
pub fn ulid(unix_millis: u64) -> String {
    let random: u128 = rand::random::<u128>() & ((1u128 << 80) - 1);
    let value = (u128::from(unix_millis & ((1 << 48) - 1)) << 80) | random;
    (0..26)
        .rev()
        .map(|i| CROCKFORD[((value >> (i * 5)) & 31) as usize] as char)
        .collect()
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
        assert_eq!(super::long("ev_").len(), 25);
    }

    #[test]
    fn ulids_are_crockford_and_time_ordered() {
        let early = super::ulid(1_646_818_364_000);
        let late = super::ulid(1_646_818_364_001);
        assert_eq!(early.len(), 26);
        assert!(
            early.bytes().all(|b| super::CROCKFORD.contains(&b)),
            "{early}"
        );
        assert!(early < late, "{early} {late}");
        // The first 10 characters are the timestamp: 2022-03-09 in the reference.
        assert_eq!(&early[..2], "01");
    }
}
