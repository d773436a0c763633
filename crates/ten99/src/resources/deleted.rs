//! What every `DELETE` returns: `{"id", "object", "deleted", "deleted_at"}` (reference §2.1).

use crate::decode;
use crate::time::UnixTime;
use serde::{Deserialize, Deserializer, Serialize};

/// Confirmation that an object was deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deleted {
    /// ID of the deleted object (`cn_…`).
    pub id: String,
    /// The kind deleted, singular (`"contractor"`).
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub object: Option<String>,
    /// Always `true` in an answer; absent in older revisions, then assumed.
    #[serde(default = "yes", deserialize_with = "decode::boolean")]
    pub deleted: bool,
    /// An older revision sent a placeholder (`"(utcnow)"`), read as `None`.
    #[serde(
        default,
        deserialize_with = "lenient_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub deleted_at: Option<UnixTime>,
}

fn yes() -> bool {
    true
}

/// A time that is not worth failing a whole response over.
fn lenient_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<UnixTime>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(UnixTime::deserialize(value).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_deletes() {
        let deleted: Deleted = serde_json::from_str(
            r#"{"id":"cn_Ehb3bYa","object":"contractor","deleted":true,"deleted_at":1646818364}"#,
        )
        .unwrap();
        assert_eq!(deleted.deleted_at, Some(UnixTime(1_646_818_364)));
        let old: Deleted = serde_json::from_str(
            r#"{"id":"en_1","object":"entity","deleted":"True","deleted_at":"(utcnow)"}"#,
        )
        .unwrap();
        assert!(old.deleted && old.deleted_at.is_none());
    }
}
