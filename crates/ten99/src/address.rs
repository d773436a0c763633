//! The address object shared by contractors, entities and jobs (reference §1.7).

use crate::decode;
use crate::validation::{self, FieldErrors};
use serde::{Deserialize, Serialize};

/// Keys are the API's own: `locality` (city), `region` (state), `postalcode` (ZIP).
///
/// Missing members decode as empty (a job's work site may carry only its state);
/// validation says what is missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Address {
    /// Street and number.
    #[serde(default)]
    pub line1: String,
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// Suite, unit or floor; `None` when absent (the docs' `"null"` too).
    pub line2: Option<String>,
    /// City.
    #[serde(default)]
    pub locality: String,
    /// Two-letter state code (`CA`).
    #[serde(default)]
    pub region: String,
    /// ZIP code; the API sends it as a string or a number.
    #[serde(default, deserialize_with = "decode::string_or_number")]
    pub postalcode: String,
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// Two-letter country code; `None` when absent.
    pub country: Option<String>,
}

impl Address {
    /// Checks every field, reporting problems under `prefix.field` (e.g. `address.region`).
    pub fn validate_into(&self, prefix: &str, errors: &mut FieldErrors) {
        let key = |field: &str| format!("{prefix}.{field}");
        errors.require(&key("line1"), &self.line1, "Street address is required");
        errors.require(&key("locality"), &self.locality, "City is required");
        if errors.require(&key("region"), &self.region, "State is required")
            && !validation::is_us_state(&self.region)
        {
            errors.add(&key("region"), "Use a two-letter US state code, like CA");
        }
        if errors.require(&key("postalcode"), &self.postalcode, "ZIP code is required")
            && !validation::is_zip(&self.postalcode)
        {
            errors.add(
                &key("postalcode"),
                "Use a 5-digit ZIP code (or ZIP+4, like 94104-1234)",
            );
        }
        if let Some(country) = &self.country {
            if !country.is_empty() && country != "US" {
                errors.add(&key("country"), "Only US addresses are covered");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_numeric_zip_and_null_strings() {
        let address: Address = serde_json::from_str(
            r#"{"line1":"1 Kearny","line2":"null","locality":"San Francisco","region":"CA","postalcode":94104,"country":"null"}"#,
        )
        .unwrap();
        assert_eq!(address.postalcode, "94104");
        assert_eq!(address.line2, None);
        assert_eq!(address.country, None);
    }

    #[test]
    fn reports_each_bad_field_under_its_path() {
        let address = Address {
            region: "XX".into(),
            postalcode: "941".into(),
            ..Default::default()
        };
        let mut errors = FieldErrors::default();
        address.validate_into("address", &mut errors);
        assert_eq!(
            errors.get("address.line1"),
            Some("Street address is required")
        );
        assert_eq!(errors.get("address.locality"), Some("City is required"));
        assert!(errors.get("address.region").unwrap().contains("two-letter"));
        assert!(errors
            .get("address.postalcode")
            .unwrap()
            .contains("5-digit"));
    }
}
