//! The decoders without `tolerant`: each reads the one shape this crate's `Serialize`
//! writes, so that data it encoded reads back exactly.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::collections::BTreeMap;

/// A string field, as written: a JSON string.
pub fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    String::deserialize(d)
}

/// An optional string field: a string or `null`.
pub fn optional_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::deserialize(d)
}

/// One id (the tolerant build also takes the first of a list): a string or null.
pub fn optional_first_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::deserialize(d)
}

/// An integer field: a JSON integer.
pub fn integer<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    i64::deserialize(d)
}

/// A time in Unix seconds, as this crate writes it: an integer.
pub fn seconds<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    i64::deserialize(d)
}

/// Nothing is stringified in canonical data.
pub fn unstringify(value: Value) -> Result<Value, std::convert::Infallible> {
    Ok(value)
}

/// A nested object or list, as written: real JSON, never a string.
pub fn nested<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<T, D::Error> {
    T::deserialize(d)
}

/// An optional `T`: the value or `null`.
pub fn option<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    Option::deserialize(d)
}

/// A value that the tolerant build may also read from a placeholder: here, the value.
pub fn or_default<'de, D: Deserializer<'de>, T: DeserializeOwned + Default>(
    d: D,
) -> Result<T, D::Error> {
    T::deserialize(d)
}

/// A boolean field: `true` or `false`.
pub fn boolean<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    bool::deserialize(d)
}

/// An optional boolean: `true`, `false` or `null`.
pub fn optional_boolean<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Option::deserialize(d)
}

/// A string → string map: a JSON object.
pub fn string_map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    BTreeMap::deserialize(d)
}

/// An optional string → string map: an object or `null`.
pub fn optional_string_map<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<BTreeMap<String, String>>, D::Error> {
    Option::deserialize(d)
}

/// A list of strings: a JSON array.
pub fn string_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Vec::deserialize(d)
}

/// An optional count: an unsigned integer or `null`.
pub fn optional_count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    Option::deserialize(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Probe {
        #[serde(default, deserialize_with = "option")]
        n: Option<i64>,
        #[serde(default, deserialize_with = "optional_boolean")]
        b: Option<bool>,
        #[serde(default, deserialize_with = "string_map")]
        m: BTreeMap<String, String>,
        #[serde(default, deserialize_with = "string_list")]
        l: Vec<String>,
        #[serde(deserialize_with = "integer")]
        i: i64,
        #[serde(deserialize_with = "optional_text")]
        t: Option<String>,
    }

    #[test]
    fn what_serialize_writes_reads_back() {
        let probe = Probe {
            n: Some(3),
            b: None,
            m: BTreeMap::from([("k".into(), "v".into())]),
            l: vec!["x".into()],
            i: -4,
            t: Some("null".into()),
        };
        let text = serde_json::to_string(&probe).unwrap();
        assert_eq!(serde_json::from_str::<Probe>(&text).unwrap(), probe);
    }

    #[test]
    fn other_shapes_are_refused() {
        assert!(serde_json::from_str::<Probe>(r#"{"i": "4", "t": null}"#).is_err());
        assert!(serde_json::from_str::<Probe>(r#"{"i": 4, "t": null, "l": "x, y"}"#).is_err());
    }
}
