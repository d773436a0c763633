//! The contractor create form's values, exactly as typed, and the request they make.

use super::changes::{changed, changed_text};
use super::metadata_draft::{self, MetadataRow};
use serde::{Deserialize, Serialize};
use ten99::{Address, Contractor, ContractorInput, ContractorUpdate, FieldErrors};

/// Field paths of the form, in the order a person fills them in (used to focus the first
/// field that needs attention). They match the keys of [`ten99::FieldErrors`].
pub const FIELD_PATHS: [&str; 13] = [
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
    "tax_identification",
    "custom_metadata",
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
    /// EIN or SSN. The API never returns it, so an edit starts blank and sends it only
    /// when one is typed.
    #[serde(default)]
    pub tax_identification: String,
    #[serde(default)]
    pub withhold_premium: bool,
    #[serde(default)]
    pub custom_metadata: Vec<MetadataRow>,
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
            tax_identification: optional(&self.tax_identification),
            custom_metadata: metadata_draft::to_map(&self.custom_metadata),
            withhold_premium: self.withhold_premium,
        }
    }

    /// Every problem with the values: `ten99`'s rules, then the metadata rows.
    pub fn problems(&self) -> FieldErrors {
        let mut errors = self.to_input().validate();
        metadata_draft::check(&self.custom_metadata, &mut errors);
        errors
    }
}

impl ContractorDraft {
    /// The edit form's starting values: the record as it is.
    pub fn from_record(c: &Contractor) -> ContractorDraft {
        ContractorDraft {
            first_name: c.first_name.clone(),
            middle_name: c.middle_name.clone().unwrap_or_default(),
            last_name: c.last_name.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            company_name: c.company_name.clone().unwrap_or_default(),
            line1: c.address.line1.clone(),
            line2: c.address.line2.clone().unwrap_or_default(),
            locality: c.address.locality.clone(),
            region: c.address.region.clone(),
            postalcode: c.address.postalcode.clone(),
            tax_identification: String::new(),
            withhold_premium: c.withhold_premium,
            custom_metadata: metadata_draft::rows_of(&c.custom_metadata),
        }
    }

    /// The partial update from `original` to these values; the address goes whole
    /// when any line of it changed.
    pub fn changes_since(&self, original: &ContractorDraft) -> ContractorUpdate {
        let (new, old) = (self.to_input(), original.to_input());
        ContractorUpdate {
            first_name: changed(&new.first_name, &old.first_name),
            last_name: changed(&new.last_name, &old.last_name),
            middle_name: changed_text(&new.middle_name, &old.middle_name),
            email: changed(&new.email, &old.email),
            phone: changed(&new.phone, &old.phone),
            address: changed(&new.address, &old.address),
            company_name: changed_text(&new.company_name, &old.company_name),
            tax_identification: new.tax_identification,
            custom_metadata: metadata_draft::changes(
                &self.custom_metadata,
                &original.custom_metadata,
            ),
            withhold_premium: changed(&new.withhold_premium, &old.withhold_premium),
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
    fn an_edit_sends_only_what_changed() {
        let original = joe();
        let mut edited = original.clone();
        assert!(edited.changes_since(&original).is_empty());
        edited.last_name = "Parker-Lee".into();
        edited.locality = "Oakland".into();
        let update = edited.changes_since(&original);
        assert_eq!(update.last_name.as_deref(), Some("Parker-Lee"));
        assert_eq!(update.address.unwrap().locality, "Oakland");
        assert_eq!((update.first_name, update.email), (None, None));
    }

    #[test]
    fn metadata_premium_and_tin_go_out_and_come_back() {
        let draft = ContractorDraft {
            tax_identification: " 12-3456789 ".into(),
            withhold_premium: true,
            custom_metadata: vec![MetadataRow {
                key: "team".into(),
                value: "west".into(),
            }],
            ..joe()
        };
        assert!(draft.problems().is_empty(), "{:?}", draft.problems());
        let input = draft.to_input();
        assert_eq!(input.tax_identification.as_deref(), Some("12-3456789"));
        assert!(input.withhold_premium);
        assert_eq!(
            input.custom_metadata.get("team").map(String::as_str),
            Some("west")
        );

        let mut edited = draft.clone();
        edited.tax_identification.clear();
        edited.withhold_premium = false;
        edited.custom_metadata.clear();
        let update = edited.changes_since(&draft);
        assert_eq!(
            update.tax_identification, None,
            "a blank TIN keeps the one on file"
        );
        assert_eq!(update.withhold_premium, Some(false));
        assert_eq!(update.custom_metadata, Some(Default::default()));
    }

    #[test]
    fn a_half_filled_metadata_row_is_a_problem_of_the_form() {
        let draft = ContractorDraft {
            custom_metadata: vec![MetadataRow {
                key: String::new(),
                value: "west".into(),
            }],
            ..joe()
        };
        assert!(draft.problems().get("custom_metadata").is_some());
    }

    #[test]
    fn a_record_reads_back_into_the_same_request() {
        let input = joe().to_input();
        let record = Contractor {
            id: "cn_1".into(),
            first_name: input.first_name.clone(),
            last_name: input.last_name.clone(),
            middle_name: None,
            email: input.email.clone(),
            phone: input.phone.clone(),
            address: input.address.clone(),
            company_name: Some("Parker Inc".into()),
            custom_metadata: [("team".to_string(), "west".to_string())].into(),
            withhold_premium: true,
            created: 1,
        };
        let draft = ContractorDraft::from_record(&record);
        assert_eq!(draft.company_name, "Parker Inc");
        assert!(draft.withhold_premium);
        assert_eq!(draft.custom_metadata[0].value, "west");
        assert_eq!(draft.to_input().first_name, "Joe");
        assert!(draft.changes_since(&draft).is_empty());
    }

    #[test]
    fn every_reported_path_is_a_field_of_the_form() {
        let draft = ContractorDraft {
            tax_identification: "12".into(),
            custom_metadata: vec![MetadataRow {
                key: String::new(),
                value: "west".into(),
            }],
            ..ContractorDraft::default()
        };
        let problems = draft.problems();
        assert!(!problems.is_empty());
        for (path, _) in problems.iter() {
            assert!(FIELD_PATHS.contains(&path.as_str()), "{path} has no input");
        }
    }
}
