//! The contractor create form's values, exactly as typed, and the request they make.

use serde::{Deserialize, Serialize};
use ten99::{Address, ContractorInput};

/// Field paths of the form, in the order a person fills them in (used to focus the first
/// field that needs attention). They match the keys of [`ten99::FieldErrors`].
pub const FIELD_PATHS: [&str; 11] = [
    "first_name",
    "middle_name",
    "last_name",
    "email",
    "phone",
    "company_name",
    "address.line1",
    "address.line2",
    "address.locality",
    "address.region",
    "address.postalcode",
];

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractorDraft {
    pub first_name: String,
    pub middle_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub company_name: String,
    pub line1: String,
    pub line2: String,
    pub locality: String,
    /// A USPS code from the state picker, or empty.
    pub region: String,
    pub postalcode: String,
}

impl ContractorDraft {
    /// The request body: surrounding spaces dropped, blank optional fields left out.
    pub fn to_input(&self) -> ContractorInput {
        ContractorInput {
            first_name: self.first_name.trim().to_owned(),
            middle_name: optional(&self.middle_name),
            last_name: self.last_name.trim().to_owned(),
            email: self.email.trim().to_owned(),
            phone: self.phone.trim().to_owned(),
            company_name: optional(&self.company_name),
            address: Address {
                line1: self.line1.trim().to_owned(),
                line2: optional(&self.line2),
                locality: self.locality.trim().to_owned(),
                region: self.region.trim().to_owned(),
                postalcode: self.postalcode.trim().to_owned(),
                country: None,
            },
            ..ContractorInput::default()
        }
    }
}

fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn joe() -> ContractorDraft {
        ContractorDraft {
            first_name: " Joe ".into(),
            last_name: "Parker".into(),
            email: "joe.parker@example.com ".into(),
            phone: "415-474-9088".into(),
            line1: "1 Kearny St".into(),
            locality: "San Francisco".into(),
            region: "CA".into(),
            postalcode: "94104".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_draft_makes_a_valid_request() {
        let input = joe().to_input();
        assert!(input.validate().is_empty(), "{:?}", input.validate());
        assert_eq!(input.first_name, "Joe");
        assert_eq!(input.email, "joe.parker@example.com");
        assert_eq!(input.middle_name, None);
        assert_eq!(input.company_name, None);
        assert_eq!(input.address.line2, None);
    }

    #[test]
    fn optional_fields_are_sent_when_filled() {
        let draft = ContractorDraft {
            middle_name: "Q".into(),
            company_name: " Parker Inc ".into(),
            line2: "Suite 5".into(),
            ..joe()
        };
        let input = draft.to_input();
        assert_eq!(input.middle_name.as_deref(), Some("Q"));
        assert_eq!(input.company_name.as_deref(), Some("Parker Inc"));
        assert_eq!(input.address.line2.as_deref(), Some("Suite 5"));
    }

    #[test]
    fn every_reported_path_is_a_field_of_the_form() {
        let problems = ContractorDraft::default().to_input().validate();
        assert!(!problems.is_empty());
        for (path, _) in problems.iter() {
            assert!(FIELD_PATHS.contains(&path.as_str()), "{path} has no input");
        }
    }
}
