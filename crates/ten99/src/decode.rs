//! Tolerant decoders for fields the real API sends in more than one shape
//! (reference §1.6 and §7): numbers as strings, `"null"` as null.

use serde::{Deserialize, Deserializer};

#[derive(Deserialize)]
#[serde(untagged)]
enum StringOrNumber {
    Text(String),
    Integer(i64),
    Float(f64),
}

/// A string that the API sometimes sends as a JSON number (`postalcode: 94104`).
pub fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match StringOrNumber::deserialize(d)? {
        StringOrNumber::Text(s) => s,
        StringOrNumber::Integer(i) => i.to_string(),
        StringOrNumber::Float(f) => f.to_string(),
    })
}

/// An optional string where the docs' examples use the literal `"null"` or `""` for none.
pub fn optional_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = Option::<StringOrNumber>::deserialize(d)?;
    Ok(match value {
        None => None,
        Some(StringOrNumber::Text(s)) if s.is_empty() || s == "null" => None,
        Some(StringOrNumber::Text(s)) => Some(s),
        Some(StringOrNumber::Integer(i)) => Some(i.to_string()),
        Some(StringOrNumber::Float(f)) => Some(f.to_string()),
    })
}

/// An integer that may arrive as a numeric string (`"1701561600"`).
pub fn integer<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    match StringOrNumber::deserialize(d)? {
        StringOrNumber::Integer(i) => Ok(i),
        StringOrNumber::Float(f) if f.fract() == 0.0 => Ok(f as i64),
        StringOrNumber::Text(s) => s
            .trim()
            .parse()
            .map_err(|_| serde::de::Error::custom(format!("expected an integer, got {s:?}"))),
        StringOrNumber::Float(f) => Err(serde::de::Error::custom(format!("expected an integer, got {f}"))),
    }
}
