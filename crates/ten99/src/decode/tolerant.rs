//! The decoders for what the real API sends: every shape seen (reference §1.6 and §7),
//! numbers as strings, `"null"` as null, dicts as Python literals.

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

/// An optional string where the docs' examples use the literal `"null"`, `"None"` or `""`
/// for none.
pub fn optional_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<StringOrNumber>::deserialize(d)?.and_then(unless_placeholder))
}

fn unless_placeholder(item: StringOrNumber) -> Option<String> {
    match item {
        StringOrNumber::Text(s) if s.is_empty() || s == "null" || s == "None" => None,
        StringOrNumber::Text(s) => Some(s),
        StringOrNumber::Integer(i) => Some(i.to_string()),
        StringOrNumber::Float(f) => Some(f.to_string()),
    }
}

/// One id where some bodies send a list of them (a session's `quotes`: `"qt_…"` or
/// `["qt_…"]`): the text, or the list's first item that is not a placeholder.
pub fn optional_first_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrList {
        List(Vec<Option<StringOrNumber>>),
        One(Option<StringOrNumber>),
    }
    Ok(match OneOrList::deserialize(d)? {
        OneOrList::One(item) => item.and_then(unless_placeholder),
        OneOrList::List(items) => items.into_iter().flatten().find_map(unless_placeholder),
    })
}

/// 2^63 as a float: the first whole float outside i64.
const I64_BOUND: f64 = 9_223_372_036_854_775_808.0;

/// An integer that may arrive as a numeric string (`"1701561600"`).
pub fn integer<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    match StringOrNumber::deserialize(d)? {
        StringOrNumber::Integer(i) => Ok(i),
        // Whole floats only inside i64's range: `as` would clamp 1e20 to i64::MAX.
        StringOrNumber::Float(f) if f.fract() == 0.0 && (-I64_BOUND..I64_BOUND).contains(&f) => {
            Ok(f as i64)
        }
        StringOrNumber::Float(f) if f.fract() == 0.0 => Err(serde::de::Error::custom(format!(
            "integer out of range: {f}"
        ))),
        StringOrNumber::Text(s) => s.trim().parse().map_err(|e: std::num::ParseIntError| {
            let problem = match e.kind() {
                std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => {
                    "integer out of range"
                }
                _ => "expected an integer",
            };
            serde::de::Error::custom(format!("{problem}, got {s:?}"))
        }),
        StringOrNumber::Float(f) => Err(serde::de::Error::custom(format!(
            "expected an integer, got {f}"
        ))),
    }
}

/// Unix seconds in any shape a time is sent in (integer, numeric string, float, ISO-8601).
pub fn seconds<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    crate::time::UnixTime::deserialize(d).map(crate::time::UnixTime::seconds)
}

use super::python_literal;
use super::split_list;
use serde::de::{DeserializeOwned, Error as _};
use serde_json::Value;
use std::collections::BTreeMap;

/// A value as sent, with a stringified dict/list (Python literal or JSON) unpacked and
/// the placeholders `""`, `"null"` and `"None"` read as null (reference §1.6).
pub fn unstringify(value: Value) -> Result<Value, python_literal::PythonLiteralError> {
    match value {
        Value::String(text) => {
            let trimmed = text.trim();
            if trimmed.is_empty() || trimmed == "null" || trimmed == "None" {
                Ok(Value::Null)
            } else if trimmed.starts_with(['{', '[', '(']) {
                python_literal::parse(trimmed)
            } else {
                Ok(Value::String(text))
            }
        }
        other => Ok(other),
    }
}

/// Any `T`, also when the API sent it as a Python-literal or JSON string.
pub fn nested<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<T, D::Error> {
    let value = unstringify(Value::deserialize(d)?).map_err(D::Error::custom)?;
    T::deserialize(value).map_err(D::Error::custom)
}

/// An optional `T`: absent, `null`, `""`, `"null"` and `"None"` are all `None`; a
/// stringified dict/list is unpacked first.
pub fn option<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    match unstringify(Value::deserialize(d)?).map_err(D::Error::custom)? {
        Value::Null => Ok(None),
        value => T::deserialize(value).map(Some).map_err(D::Error::custom),
    }
}

/// A `T` with a default: null and the placeholders are the default.
pub fn or_default<'de, D: Deserializer<'de>, T: DeserializeOwned + Default>(
    d: D,
) -> Result<T, D::Error> {
    option(d).map(Option::unwrap_or_default)
}

/// A flag that may come as `true`, `"True"`, `"true"`, `1` or `"1"`.
pub fn boolean<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    optional_boolean(d)?.ok_or_else(|| D::Error::custom("expected a boolean, got null"))
}

/// Like [`boolean`], with null and the placeholders read as `None`.
pub fn optional_boolean<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    match unstringify(Value::deserialize(d)?).map_err(D::Error::custom)? {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(b)),
        Value::Number(n) if n.as_i64() == Some(0) => Ok(Some(false)),
        Value::Number(n) if n.as_i64() == Some(1) => Ok(Some(true)),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Ok(Some(true)),
            "false" | "0" | "no" => Ok(Some(false)),
            _ => Err(D::Error::custom(format!("expected a boolean, got {s:?}"))),
        },
        other => Err(D::Error::custom(format!("expected a boolean, got {other}"))),
    }
}

/// A free key → value object (`custom_metadata`) read as strings: numbers and booleans
/// become their text, null values are dropped, a stringified dict is unpacked.
pub fn string_map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    match unstringify(Value::deserialize(d)?).map_err(D::Error::custom)? {
        Value::Null => Ok(BTreeMap::new()),
        Value::Object(map) => Ok(map
            .into_iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| match v {
                Value::String(s) => (k, s),
                other => (k, other.to_string()),
            })
            .collect()),
        other => Err(D::Error::custom(format!("expected an object, got {other}"))),
    }
}

/// Like [`string_map`], keeping the difference between absent/null (`None`) and `{}`.
pub fn optional_string_map<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<BTreeMap<String, String>>, D::Error> {
    let value = Value::deserialize(d)?;
    if value.is_null() {
        return Ok(None);
    }
    string_map(value).map(Some).map_err(D::Error::custom)
}

/// A list of strings that may arrive as an array, one bare string, a comma-separated
/// string or a stringified list; null and `""` are the empty list.
pub fn string_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    match unstringify(Value::deserialize(d)?).map_err(D::Error::custom)? {
        Value::Null => Ok(Vec::new()),
        Value::String(s) => Ok(split_list(&s)),
        Value::Array(items) => items
            .into_iter()
            .filter(|v| !v.is_null())
            .map(|v| match v {
                Value::String(s) => Ok(s),
                Value::Number(n) => Ok(n.to_string()),
                other => Err(D::Error::custom(format!("expected a string, got {other}"))),
            })
            .collect(),
        other => Err(D::Error::custom(format!("expected a list, got {other}"))),
    }
}

/// A count (`years_experience`, `duration_hours`) that may arrive as a numeric string;
/// null and the placeholders are `None`, a value outside `u32` is an error, not clamped.
pub fn optional_count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    match unstringify(Value::deserialize(d)?).map_err(D::Error::custom)? {
        Value::Null => Ok(None),
        value => {
            let wide = integer(value).map_err(D::Error::custom)?;
            u32::try_from(wide)
                .map(Some)
                .map_err(|_| D::Error::custom(format!("integer out of range: {wide}")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Deserialize, Debug)]
    struct Probe {
        #[serde(default, deserialize_with = "option")]
        n: Option<i64>,
        #[serde(default, deserialize_with = "optional_boolean")]
        b: Option<bool>,
        #[serde(default, deserialize_with = "string_map")]
        m: BTreeMap<String, String>,
        #[serde(default, deserialize_with = "string_list")]
        l: Vec<String>,
        #[serde(default, deserialize_with = "option")]
        v: Option<Vec<i64>>,
    }

    fn probe(value: Value) -> Probe {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn placeholders_are_none() {
        for empty in [json!(null), json!(""), json!("null"), json!("None")] {
            let p = probe(json!({"n": empty, "b": empty, "m": empty, "l": empty, "v": empty}));
            assert_eq!(
                (p.n, p.b, p.m.len(), p.l.len(), p.v),
                (None, None, 0, 0, None)
            );
        }
        let p = probe(json!({}));
        assert_eq!((p.n, p.b), (None, None));
    }

    #[test]
    fn stringified_values_are_unpacked() {
        let p = probe(
            json!({"m": "{'a': 1, 'b': None, 'c': 'x'}", "l": "['x', 'y']", "v": "[1, 2]", "b": "True"}),
        );
        assert_eq!(
            p.m,
            BTreeMap::from([("a".into(), "1".into()), ("c".into(), "x".into())])
        );
        assert_eq!(p.l, ["x", "y"]);
        assert_eq!(p.v, Some(vec![1, 2]));
        assert_eq!(p.b, Some(true));
        assert_eq!(probe(json!({"l": "x, y"})).l, ["x", "y"]);
        assert_eq!(probe(json!({"b": 0})).b, Some(false));
    }

    #[test]
    fn bad_values_are_errors_not_panics() {
        assert!(serde_json::from_value::<Probe>(json!({"b": "maybe"})).is_err());
        assert!(serde_json::from_value::<Probe>(json!({"m": [1]})).is_err());
        assert!(serde_json::from_value::<Probe>(json!({"v": "[1, "})).is_err());
        assert!(serde_json::from_value::<Probe>(json!({"l": [{}]})).is_err());
    }

    #[derive(Deserialize, Debug)]
    struct Counts {
        #[serde(deserialize_with = "integer")]
        i: i64,
        #[serde(default, deserialize_with = "optional_count")]
        c: Option<u32>,
    }

    fn counts(value: Value) -> Result<Counts, String> {
        serde_json::from_value(value).map_err(|e| e.to_string())
    }

    #[test]
    fn integers_read_from_strings_and_floats() {
        let c = counts(json!({"i": "1701561600", "c": "40"})).unwrap();
        assert_eq!((c.i, c.c), (1_701_561_600, Some(40)));
        let c = counts(json!({"i": 12.0, "c": "None"})).unwrap();
        assert_eq!((c.i, c.c), (12, None));
    }

    #[test]
    fn integers_out_of_range_are_refused_not_clamped() {
        for too_big in [
            json!({"i": "9223372036854775808"}),
            json!({"i": 18446744073709551615u64}),
            json!({"i": 1e20}),
            json!({"i": -1e19}),
            json!({"i": 1, "c": 4294967296u64}),
            json!({"i": 1, "c": "-1"}),
        ] {
            let err = counts(too_big.clone()).unwrap_err();
            assert!(err.contains("out of range"), "{too_big}: {err}");
        }
        assert!(counts(json!({"i": 1.5}))
            .unwrap_err()
            .contains("expected an integer"));
    }
}

/// Old and new names of one key, old first. A single name of either kind is read by
/// the fields' `alias`; a body with both (some API versions send `entity` and
/// `entity_id` side by side) is a duplicate to serde, so the old one is dropped first.
const RENAMED_KEYS: &[(&str, &str)] = &[
    ("entity_id", "entity"),
    ("contractor_id", "contractor"),
    ("job_id", "job"),
    ("quote_id", "quote"),
    ("quotes", "quote"),
];

/// Drops, in every object of `value`, an old key name whose new name is also there.
/// Returns whether it dropped any.
pub fn drop_old_names(value: &mut Value) -> bool {
    match value {
        Value::Object(members) => {
            let mut dropped = false;
            for (old, new) in RENAMED_KEYS {
                if members.contains_key(*new) && members.remove(*old).is_some() {
                    dropped = true;
                }
            }
            for member in members.values_mut() {
                dropped |= drop_old_names(member);
            }
            dropped
        }
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |d, item| drop_old_names(item) | d),
        _ => false,
    }
}

#[cfg(test)]
mod renamed_key_tests {
    use super::*;

    #[test]
    fn an_old_name_beside_its_new_one_is_dropped_everywhere_and_alone_is_kept() {
        let mut body = serde_json::json!({
            "entity": "en_1", "entity_id": "en_1",
            "data": [{"quote": "qt_1", "quotes": "qt_1", "quote_id": "qt_1"}],
            "nested": {"job_id": "jb_1"}
        });
        assert!(drop_old_names(&mut body));
        assert_eq!(
            body,
            serde_json::json!({
                "entity": "en_1",
                "data": [{"quote": "qt_1"}],
                "nested": {"job_id": "jb_1"}
            })
        );
        assert!(!drop_old_names(&mut body));
    }
}
