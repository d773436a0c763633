//! Contractors (`/api/v1/contractors`, reference §2.1).

use crate::address::Address;
use crate::decode;
use crate::validation::{self, FieldErrors};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// ID prefix of contractors.
pub const ID_PREFIX: &str = "cn_";

/// The body of `POST /api/v1/contractors`: what the create form collects.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContractorInput {
    /// Given name; required.
    pub first_name: String,
    /// Family name; required.
    pub last_name: String,
    /// Middle name; `None` to leave it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// Contact email; unique per contractor (else `duplicate_email`).
    pub email: String,
    /// US phone number, e.g. `415-474-9088`.
    pub phone: String,
    /// Residence address; required.
    pub address: Address,
    /// The contractor's business name, if they trade under one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    /// EIN or SSN; write-only, the API never returns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_identification: Option<String>,
    /// Free key → value pairs of the platform's own, returned as sent.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub custom_metadata: BTreeMap<String, String>,
    /// `true`: the platform withholds the premium from wages and pays it for the
    /// contractor, so no card is collected. Default `false`.
    #[serde(default)]
    pub withhold_premium: bool,
}

impl ContractorInput {
    /// Every problem with the input, keyed by field path. Empty means it may be sent.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        errors.require("first_name", &self.first_name, "First name is required");
        errors.require("last_name", &self.last_name, "Last name is required");
        if errors.require("email", &self.email, "Email is required") {
            check_email(&mut errors, &self.email);
        }
        if errors.require("phone", &self.phone, "Phone is required") {
            check_phone(&mut errors, &self.phone);
        }
        self.address.validate_into("address", &mut errors);
        check_tin(&mut errors, self.tax_identification.as_deref());
        errors
    }
}

fn check_email(errors: &mut FieldErrors, email: &str) {
    if !validation::is_email(email.trim()) {
        errors.add("email", "Enter an email address like name@example.com");
    }
}

fn check_phone(errors: &mut FieldErrors, phone: &str) {
    if !validation::is_phone(phone) {
        errors.add(
            "phone",
            "Enter a phone number with area code, like 415-474-9088",
        );
    }
}

fn check_tin(errors: &mut FieldErrors, tin: Option<&str>) {
    if let Some(tin) = tin.filter(|t| !t.is_empty()) {
        let digits = tin.chars().filter(char::is_ascii_digit).count();
        if digits != 9 || !tin.chars().all(|c| c.is_ascii_digit() || c == '-') {
            errors.add("tax_identification", "An EIN or SSN has 9 digits");
        }
    }
}

/// The body of `PUT /api/v1/contractors/{id}`: only the fields to change (§2.1).
///
/// In `custom_metadata`, an empty value removes that key and `Some(empty map)` clears all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContractorUpdate {
    /// New given name; `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// New family name; `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// New middle name; `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// New email; `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// New phone number; `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// New residence address, sent whole; `None` keeps it.
    pub address: Option<Address>,
    /// New business name; `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    /// New EIN or SSN (write-only); `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_identification: Option<String>,
    #[serde(
        default,
        deserialize_with = "decode::optional_string_map",
        skip_serializing_if = "Option::is_none"
    )]
    /// Replaces the metadata when set; `None` keeps it.
    pub custom_metadata: Option<BTreeMap<String, String>>,
    #[serde(
        default,
        deserialize_with = "decode::optional_boolean",
        skip_serializing_if = "Option::is_none"
    )]
    /// New premium withholding choice; `None` keeps it.
    pub withhold_premium: Option<bool>,
}

impl ContractorUpdate {
    /// Problems with the fields being changed; fields left out are not checked.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if let Some(name) = &self.first_name {
            errors.require("first_name", name, "First name cannot be blank");
        }
        if let Some(name) = &self.last_name {
            errors.require("last_name", name, "Last name cannot be blank");
        }
        if let Some(email) = &self.email {
            if errors.require("email", email, "Email cannot be blank") {
                check_email(&mut errors, email);
            }
        }
        if let Some(phone) = &self.phone {
            if errors.require("phone", phone, "Phone cannot be blank") {
                check_phone(&mut errors, phone);
            }
        }
        if let Some(address) = &self.address {
            address.validate_into("address", &mut errors);
        }
        check_tin(&mut errors, self.tax_identification.as_deref());
        errors
    }

    /// Whether nothing would change.
    pub fn is_empty(&self) -> bool {
        *self == ContractorUpdate::default()
    }
}

/// A contractor as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contractor {
    /// `cn_…`.
    pub id: String,
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// Middle name; `None` when absent or a placeholder.
    #[serde(default, deserialize_with = "decode::optional_text")]
    pub middle_name: Option<String>,
    /// Contact email, unique per contractor.
    pub email: String,
    /// Phone number as sent (some revisions send a number).
    #[serde(default, deserialize_with = "decode::string_or_number")]
    pub phone: String,
    /// Residence address.
    #[serde(deserialize_with = "decode::nested")]
    pub address: Address,
    /// Business name; `None` when absent or a placeholder.
    #[serde(default, deserialize_with = "decode::optional_text")]
    pub company_name: Option<String>,
    /// The platform's key → value pairs, as stored.
    #[serde(default, deserialize_with = "decode::string_map")]
    pub custom_metadata: BTreeMap<String, String>,
    /// Whether the platform withholds the premium from wages.
    #[serde(default, deserialize_with = "decode::boolean")]
    pub withhold_premium: bool,
    /// When the contractor was created, Unix seconds.
    #[serde(deserialize_with = "decode::seconds")]
    pub created: i64,
}

impl Contractor {
    /// "First Middle Last", the middle name only when there is one.
    pub fn full_name(&self) -> String {
        match self.middle_name.as_deref() {
            Some(middle) => format!("{} {} {}", self.first_name, middle, self.last_name),
            None => format!("{} {}", self.first_name, self.last_name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn joe() -> ContractorInput {
        ContractorInput {
            first_name: "Joe".into(),
            last_name: "Parker".into(),
            email: "joe.parker@example.com".into(),
            phone: "415-474-9088".into(),
            address: Address {
                line1: "1 Kearny St".into(),
                locality: "San Francisco".into(),
                region: "CA".into(),
                postalcode: "94104".into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_contractor_is_valid() {
        assert_eq!(joe().validate(), FieldErrors::default());
    }

    #[test]
    fn each_required_field_is_named() {
        let errors = ContractorInput::default().validate();
        for field in [
            "first_name",
            "last_name",
            "email",
            "phone",
            "address.line1",
            "address.locality",
            "address.region",
            "address.postalcode",
        ] {
            assert!(errors.get(field).is_some(), "{field} should be reported");
        }
    }

    #[test]
    fn bad_email_and_tin_are_reported() {
        let input = ContractorInput {
            email: "joe@".into(),
            tax_identification: Some("12-34".into()),
            ..joe()
        };
        let errors = input.validate();
        assert_eq!(
            errors.get("email"),
            Some("Enter an email address like name@example.com")
        );
        assert_eq!(
            errors.get("tax_identification"),
            Some("An EIN or SSN has 9 digits")
        );
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn decodes_the_reference_example() {
        let json = r#"{"id":"cn_Ehb3bYa","first_name":"Joe","last_name":"Parker","middle_name":"null",
            "email":"joe@example.com","phone":"415-474-9088",
            "address":{"line1":"1 Kearny St","line2":"null","locality":"San Francisco","region":"CA","postalcode":94104,"country":"null"},
            "company_name":"Parker Inc","custom_metadata":{"team":"west","level":3},"withhold_premium":false,"created":"1646818364"}"#;
        let contractor: Contractor = serde_json::from_str(json).unwrap();
        assert_eq!(contractor.full_name(), "Joe Parker");
        assert_eq!(contractor.address.postalcode, "94104");
        assert_eq!(contractor.created, 1646818364);
        assert_eq!(
            contractor.custom_metadata.get("level").map(String::as_str),
            Some("3")
        );
    }

    #[test]
    fn encodes_only_what_was_given() {
        let body = serde_json::to_value(joe()).unwrap();
        assert!(body.get("middle_name").is_none());
        assert!(body.get("custom_metadata").is_none());
        assert_eq!(body["address"]["postalcode"], "94104");
        assert_eq!(body["withhold_premium"], false);
    }

    #[test]
    fn updates_check_only_what_changes() {
        assert!(ContractorUpdate::default().validate().is_empty());
        assert!(ContractorUpdate::default().is_empty());
        let update = ContractorUpdate {
            first_name: Some(" ".into()),
            email: Some("nope".into()),
            tax_identification: Some("1".into()),
            ..Default::default()
        };
        let errors = update.validate();
        assert_eq!(errors.get("first_name"), Some("First name cannot be blank"));
        assert_eq!(
            errors.get("email"),
            Some("Enter an email address like name@example.com")
        );
        assert_eq!(
            errors.get("tax_identification"),
            Some("An EIN or SSN has 9 digits")
        );
        assert_eq!(errors.len(), 3);
        let clear = ContractorUpdate {
            custom_metadata: Some(BTreeMap::new()),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&clear).unwrap(),
            r#"{"custom_metadata":{}}"#
        );
        let phone = ContractorUpdate {
            phone: Some("415-474-9088".into()),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&phone).unwrap(),
            r#"{"phone":"415-474-9088"}"#
        );
    }
}
