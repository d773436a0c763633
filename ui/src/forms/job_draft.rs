//! The job create form's values, exactly as typed, and the request they make.

use super::changes::{changed, changed_part};
use super::metadata_draft::{self, MetadataRow};
use super::typed_numbers::{dollars, whole};
use super::AddressDraft;
use serde::{Deserialize, Serialize};
use ten99::{Cents, FieldErrors, Job, JobCategory, JobInput, JobUpdate, WageType};

/// Field paths of the form, in the order a person fills them in (used to focus the first
/// field that needs attention). They match the keys of [`ten99::FieldErrors`].
pub const FIELD_PATHS: [&str; 15] = [
    "name",
    "description",
    "entity",
    "category_code",
    "wage",
    "wage_type",
    "years_experience",
    "duration_hours",
    "address.line1",
    "address.line2",
    "address.locality",
    "address.region",
    "address.postalcode",
    "address.country",
    "custom_metadata",
];

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobDraft {
    pub name: String,
    pub description: String,
    /// `en_…` from the entity picker, or empty.
    pub entity: String,
    /// `jc_…` from the category picker, or empty.
    pub category_code: String,
    /// Dollars, as typed.
    pub wage: String,
    /// The API spelling from the wage type select (`flatfee`), or empty.
    pub wage_type: String,
    pub years_experience: String,
    pub duration_hours: String,
    /// The work site; left blank for remote work.
    pub address: AddressDraft,
    /// Ticked: the platform withholds this job's premium from pay, whatever the
    /// contractor's own setting.
    #[serde(default)]
    pub withhold_premium: bool,
    /// `purchase_order_number` among them is what the job's invoices inherit.
    #[serde(default)]
    pub custom_metadata: Vec<MetadataRow>,
}

impl JobDraft {
    /// The request body and every problem with it: numbers that do not read, then
    /// `ten99`'s own rules (the backend applies the same ones again).
    pub fn checked(&self) -> (JobInput, FieldErrors) {
        let mut errors = FieldErrors::default();
        let wage = dollars("wage", &self.wage, &mut errors);
        let years_experience = whole("years_experience", &self.years_experience, &mut errors, "5");
        let duration_hours = whole("duration_hours", &self.duration_hours, &mut errors, "40");
        let input = JobInput {
            name: self.name.trim().to_owned(),
            description: self.description.trim().to_owned(),
            entity: self.entity.trim().to_owned(),
            category_code: self.category_code.trim().to_owned(),
            wage: wage.unwrap_or(Cents::ZERO),
            wage_type: WageType::parse(&self.wage_type),
            years_experience,
            duration_hours,
            address: self.address.to_address(),
            custom_metadata: metadata_draft::to_map(&self.custom_metadata),
            withhold_premium: self.withhold_premium.then_some(true),
        };
        errors.merge(input.validate());
        metadata_draft::check(&self.custom_metadata, &mut errors);
        (input, errors)
    }
}

impl JobDraft {
    /// The edit form's starting values: the record as it is, the wage in dollars.
    pub fn from_record(j: &Job) -> JobDraft {
        let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        JobDraft {
            name: j.name.clone(),
            description: j.description.clone().unwrap_or_default(),
            entity: j.entity.clone(),
            category_code: j.category_code.clone(),
            wage: j.wage.to_string(),
            wage_type: j.wage_type.as_str().to_owned(),
            years_experience: number(j.years_experience),
            duration_hours: number(j.duration_hours),
            address: AddressDraft::from_address(j.address.as_ref()),
            withhold_premium: j.withhold_premium,
            custom_metadata: metadata_draft::rows_of(&j.custom_metadata),
        }
    }

    /// The partial update from `original` to these values.
    pub fn changes_since(&self, original: &JobDraft) -> JobUpdate {
        let (new, old) = (self.checked().0, original.checked().0);
        JobUpdate {
            name: changed(&new.name, &old.name),
            description: changed(&new.description, &old.description),
            entity: changed(&new.entity, &old.entity),
            category_code: changed(&new.category_code, &old.category_code),
            wage: changed(&new.wage, &old.wage),
            wage_type: changed_part(&new.wage_type, &old.wage_type),
            years_experience: changed_part(&new.years_experience, &old.years_experience),
            duration_hours: changed_part(&new.duration_hours, &old.duration_hours),
            address: changed_part(&new.address, &old.address),
            custom_metadata: metadata_draft::changes(
                &self.custom_metadata,
                &original.custom_metadata,
            ),
            withhold_premium: changed(&self.withhold_premium, &original.withhold_premium),
        }
    }
}

/// The categories whose name or code contains every word of `query`, ignoring case, in
/// the order given; at most `limit` of them (the picker shows a short list).
pub fn matching_categories<'a>(
    categories: &'a [JobCategory],
    query: &str,
    limit: usize,
) -> Vec<&'a JobCategory> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    categories
        .iter()
        .filter(|c| {
            let haystack = format!("{} {}", c.name, c.category_code).to_lowercase();
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .take(limit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn technician() -> JobDraft {
        JobDraft {
            name: " Field technician ".into(),
            description: "Run cable from front of commercial building to rear.".into(),
            entity: "en_FwZfQRe4aW".into(),
            category_code: "jc_MTqpkbkp6G".into(),
            wage: "$120".into(),
            wage_type: "flatfee".into(),
            years_experience: "20".into(),
            duration_hours: "20".into(),
            address: AddressDraft::default(),
            ..JobDraft::default()
        }
    }

    #[test]
    fn metadata_and_withholding_go_out_and_edits_send_their_changes() {
        let draft = JobDraft {
            withhold_premium: true,
            custom_metadata: vec![MetadataRow {
                key: "purchase_order_number".into(),
                value: "PO-7".into(),
            }],
            ..technician()
        };
        let (input, errors) = draft.checked();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(input.withhold_premium, Some(true));
        assert_eq!(input.custom_metadata["purchase_order_number"], "PO-7");
        assert_eq!(
            technician().checked().0.withhold_premium,
            None,
            "unticked: not sent"
        );

        let edited = JobDraft {
            withhold_premium: false,
            custom_metadata: vec![MetadataRow {
                key: "purchase_order_number".into(),
                value: "PO-8".into(),
            }],
            ..draft.clone()
        };
        let update = edited.changes_since(&draft);
        assert_eq!(update.withhold_premium, Some(false));
        assert_eq!(
            update.custom_metadata.unwrap()["purchase_order_number"],
            "PO-8"
        );
    }

    #[test]
    fn an_edit_reads_the_record_and_sends_only_what_changed() {
        let (input, _) = technician().checked();
        let record = Job {
            id: "jb_1".into(),
            name: input.name,
            description: Some(input.description),
            entity: input.entity,
            category_code: input.category_code,
            wage: input.wage,
            wage_type: input.wage_type.unwrap(),
            years_experience: input.years_experience,
            address: None,
            custom_metadata: Default::default(),
            withhold_premium: false,
            duration_hours: input.duration_hours,
            created: 1.into(),
        };
        let original = JobDraft::from_record(&record);
        assert_eq!(original.checked().1, FieldErrors::default());
        assert_eq!(original.changes_since(&original), JobUpdate::default());
        let edited = JobDraft {
            wage: "150".into(),
            ..original.clone()
        };
        let update = edited.changes_since(&original);
        assert_eq!(update.wage, Some(Cents(15_000)));
        assert_eq!(
            update,
            JobUpdate {
                wage: Some(Cents(15_000)),
                ..Default::default()
            }
        );
    }

    #[test]
    fn a_complete_draft_makes_a_valid_request_in_cents() {
        let (input, errors) = technician().checked();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(input.name, "Field technician");
        assert_eq!(input.wage, Cents(12_000));
        assert_eq!(input.wage_type, Some(WageType::Flatfee));
        assert_eq!(input.years_experience, Some(20));
        assert_eq!(input.address, None, "no work site typed: remote work");
    }

    #[test]
    fn a_work_site_needs_only_its_state() {
        let draft = JobDraft {
            address: AddressDraft {
                locality: "Oakland".into(),
                ..Default::default()
            },
            ..technician()
        };
        let (_, errors) = draft.checked();
        assert_eq!(
            errors.get("address.region"),
            Some("State of the work site is required")
        );
        let draft = JobDraft {
            address: AddressDraft {
                region: "CA".into(),
                ..Default::default()
            },
            ..technician()
        };
        assert!(draft.checked().1.is_empty());
    }

    #[test]
    fn typing_problems_come_before_the_rules() {
        let draft = JobDraft {
            wage: "12,0.0.0".into(),
            years_experience: "many".into(),
            ..technician()
        };
        let (_, errors) = draft.checked();
        assert_eq!(
            errors.get("wage"),
            Some("Enter an amount in dollars, like 1,234.56")
        );
        assert_eq!(
            errors.get("years_experience"),
            Some("Enter a whole number, like 5")
        );
    }

    #[test]
    fn every_reported_path_is_a_field_of_the_form() {
        let draft = JobDraft {
            years_experience: "200".into(),
            duration_hours: "0".into(),
            address: AddressDraft {
                postalcode: "1".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        let (_, problems) = draft.checked();
        assert!(problems.len() > 6);
        for (path, _) in problems.iter() {
            assert!(FIELD_PATHS.contains(&path.as_str()), "{path} has no input");
        }
    }

    #[test]
    fn categories_match_every_word_of_the_search() {
        let categories = [
            JobCategory {
                category_code: "jc_a".into(),
                name: "Computer Service or Repair".into(),
            },
            JobCategory {
                category_code: "jc_b".into(),
                name: "Accounting and Bookkeeping".into(),
            },
        ];
        let names = |query: &str| -> Vec<&str> {
            matching_categories(&categories, query, 10)
                .into_iter()
                .map(|c| c.name.as_str())
                .collect()
        };
        assert_eq!(names("repair comp"), ["Computer Service or Repair"]);
        assert_eq!(names("JC_B"), ["Accounting and Bookkeeping"]);
        assert_eq!(names("").len(), 2);
        assert!(names("plumbing").is_empty());
        assert_eq!(matching_categories(&categories, "", 1).len(), 1);
    }
}
