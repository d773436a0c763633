//! Coverage types (quotes, entities' requirements, assignments; reference §2.2, §2.5).

#[cfg(feature = "tolerant")]
use crate::decode;
use crate::validation::FieldErrors;
#[cfg(feature = "tolerant")]
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
#[cfg(feature = "tolerant")]
use serde_json::Value;

string_enum! {
    /// A line of insurance. `media` and `cyber` are only sold together with `general`.
    closed enum CoverageType {
        General = "general" | "general_liability" | "gl",
        Professional = "professional" | "professional_liability",
        WorkersComp = "workers-comp" | "workers_comp" | "wc",
        Media = "media",
        Cyber = "cyber",
    }
}

impl CoverageType {
    /// A name for people: "General liability".
    pub fn label(self) -> &'static str {
        match self {
            CoverageType::General => "General liability",
            CoverageType::Professional => "Professional liability",
            CoverageType::WorkersComp => "Workers' comp",
            CoverageType::Media => "Media liability",
            CoverageType::Cyber => "Cyber liability",
        }
    }
}

/// Reads a coverage list in every shape seen (reference §2.5, §7 Q6): a plain array,
/// `{"coverage_type": [...]}`, one bare string, a comma-separated string, a
/// stringified list, or null (empty).
#[cfg(feature = "tolerant")]
pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<CoverageType>, D::Error> {
    let value = decode::unstringify(Value::deserialize(d)?).map_err(D::Error::custom)?;
    from_value(value).map_err(D::Error::custom)
}

/// Like [`list`], keeping absent/null apart from a list (for partial updates).
#[cfg(feature = "tolerant")]
pub fn optional_list<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<CoverageType>>, D::Error> {
    let value = decode::unstringify(Value::deserialize(d)?).map_err(D::Error::custom)?;
    if value.is_null() {
        return Ok(None);
    }
    from_value(value).map(Some).map_err(D::Error::custom)
}

/// Without `tolerant`: the list as this crate writes it (see `decode`).
#[cfg(not(feature = "tolerant"))]
pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<CoverageType>, D::Error> {
    Vec::deserialize(d)
}

/// An optional list of coverage types: an array of their spellings or `null`.
#[cfg(not(feature = "tolerant"))]
pub fn optional_list<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<CoverageType>>, D::Error> {
    Option::deserialize(d)
}

#[cfg(feature = "tolerant")]
fn from_value(value: Value) -> Result<Vec<CoverageType>, String> {
    let items = match value {
        Value::Null => return Ok(Vec::new()),
        Value::String(text) => decode::split_list(&text)
            .into_iter()
            .map(Value::String)
            .collect(),
        Value::Array(items) => items,
        Value::Object(mut map) => {
            // The wrapped form: {"coverage_type": [...]} (or `required_coverage` by analogy).
            let inner = ["coverage_type", "required_coverage", "coverage_types"]
                .iter()
                .find_map(|key| map.remove(*key))
                .ok_or_else(|| "expected a list of coverage types".to_owned())?;
            let inner = decode::unstringify(inner).map_err(|e| e.to_string())?;
            return match inner {
                Value::Object(_) => Err("expected a list of coverage types".to_owned()),
                other => from_value(other),
            };
        }
        other => return Err(format!("expected a list of coverage types, got {other}")),
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::String(text) => text
                .parse::<CoverageType>()
                .map_err(|e| format!("item {i}: {e}")),
            other => Err(format!("item {i}: expected a coverage type, got {other}")),
        })
        .collect()
}

/// The rules for a set of coverage types a quote or assignment asks for: at least one
/// (unless `optional`), no repeats, and `media`/`cyber` only together with `general`.
pub fn validate_into(
    field: &str,
    types: &[CoverageType],
    optional: bool,
    errors: &mut FieldErrors,
) {
    if types.is_empty() {
        if !optional {
            errors.add(field, "Choose at least one coverage type");
        }
        return;
    }
    for (i, t) in types.iter().enumerate() {
        if types[..i].contains(t) {
            errors.add(field, format!("{} is listed more than once", t.label()));
        }
    }
    for add_on in [CoverageType::Media, CoverageType::Cyber] {
        if types.contains(&add_on) && !types.contains(&CoverageType::General) {
            errors.add(
                field,
                format!(
                    "{} can only be added together with general liability",
                    add_on.label()
                ),
            );
        }
    }
}

/// Only no repeats: for lists of requirements, where any combination may be required.
pub fn validate_distinct_into(field: &str, types: &[CoverageType], errors: &mut FieldErrors) {
    for (i, t) in types.iter().enumerate() {
        if types[..i].contains(t) {
            errors.add(field, format!("{} is listed more than once", t.label()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use CoverageType::*;

    #[derive(Deserialize)]
    struct Probe {
        #[serde(default, deserialize_with = "list")]
        coverage_type: Vec<CoverageType>,
    }

    fn read(value: Value) -> Result<Vec<CoverageType>, String> {
        serde_json::from_value::<Probe>(json!({ "coverage_type": value }))
            .map(|p| p.coverage_type)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn reads_every_shape() {
        assert_eq!(
            read(json!(["general", "workers-comp"])).unwrap(),
            [General, WorkersComp]
        );
        assert_eq!(
            read(json!({"coverage_type": ["general", "workers-comp"]})).unwrap(),
            [General, WorkersComp]
        );
        assert_eq!(read(json!("general")).unwrap(), [General]);
        assert_eq!(read(json!("general, media")).unwrap(), [General, Media]);
        assert_eq!(
            read(json!("['cyber', 'general']")).unwrap(),
            [Cyber, General]
        );
        assert_eq!(
            read(json!("{'coverage_type': ['professional']}")).unwrap(),
            [Professional]
        );
        assert_eq!(read(json!(null)).unwrap(), []);
        assert_eq!(
            read(json!([
                "workers_comp",
                "general_liability",
                "Professional_Liability"
            ]))
            .unwrap(),
            [WorkersComp, General, Professional]
        );
    }

    #[test]
    fn unknown_types_are_named() {
        let err = read(json!(["general", "auto"])).unwrap_err();
        assert!(
            err.contains("item 1") && err.contains("\"auto\"") && err.contains("workers-comp"),
            "{err}"
        );
        assert!(read(json!({"other": []})).is_err());
        assert!(read(json!(5)).is_err());
        assert!(read(json!([5])).is_err());
    }

    #[test]
    fn encodes_as_a_plain_array() {
        assert_eq!(
            serde_json::to_value([General, WorkersComp]).unwrap(),
            json!(["general", "workers-comp"])
        );
    }

    #[test]
    fn rules() {
        let check = |types: &[CoverageType]| {
            let mut errors = FieldErrors::default();
            validate_into("coverage_type", types, false, &mut errors);
            errors.get("coverage_type").map(str::to_owned)
        };
        assert_eq!(check(&[General, Media, Cyber]), None);
        assert_eq!(check(&[WorkersComp]), None);
        assert_eq!(check(&[]).unwrap(), "Choose at least one coverage type");
        assert_eq!(
            check(&[General, General]).unwrap(),
            "General liability is listed more than once"
        );
        assert_eq!(
            check(&[WorkersComp, Media]).unwrap(),
            "Media liability can only be added together with general liability"
        );
        assert!(check(&[Cyber]).unwrap().starts_with("Cyber liability"));
    }
}
