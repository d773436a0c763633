//! The entity create form's values, exactly as typed, and the request they make.

use super::changes::{changed, changed_part};
use super::typed_numbers::dollars;
use super::AddressDraft;
use serde::{Deserialize, Serialize};
use ten99::{CoverageLimit, CoverageType, Entity, EntityInput, EntityUpdate, FieldErrors};

/// Field paths of the form, in the order a person fills them in (used to focus the first
/// field that needs attention). They match the keys of [`ten99::FieldErrors`].
pub const FIELD_PATHS: [&str; 9] = [
    "name",
    "address.line1",
    "address.line2",
    "address.locality",
    "address.region",
    "address.postalcode",
    "required_coverage",
    "coverage_limit.aggregate_limit",
    "coverage_limit.occurrence_limit",
];

/// The coverage an entity can require from the form, in the order of its checkboxes.
pub const COVERAGE_CHOICES: [CoverageType; 3] = [
    CoverageType::General,
    CoverageType::WorkersComp,
    CoverageType::Professional,
];

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityDraft {
    pub name: String,
    pub address: AddressDraft,
    pub required_coverage: Vec<CoverageType>,
    /// Dollars, as typed.
    pub aggregate_limit: String,
    pub occurrence_limit: String,
}

impl EntityDraft {
    /// The request body and every problem with it: amounts that do not read as dollars,
    /// then `ten99`'s own rules (the backend applies the same ones again).
    pub fn checked(&self) -> (EntityInput, FieldErrors) {
        let mut errors = FieldErrors::default();
        let aggregate = dollars(
            "coverage_limit.aggregate_limit",
            &self.aggregate_limit,
            &mut errors,
        );
        let occurrence = dollars(
            "coverage_limit.occurrence_limit",
            &self.occurrence_limit,
            &mut errors,
        );
        // Limits are optional: both blank leaves them out; one of them typed asks for both.
        let limits_blank =
            self.aggregate_limit.trim().is_empty() && self.occurrence_limit.trim().is_empty();
        let coverage_limit = (!limits_blank).then(|| CoverageLimit {
            aggregate_limit: aggregate.unwrap_or_default(),
            occurrence_limit: occurrence.unwrap_or_default(),
        });
        let input = EntityInput {
            name: self.name.trim().to_owned(),
            address: self.address.to_address(),
            coverage_limit,
            // In checkbox order, whatever order they were ticked in.
            required_coverage: COVERAGE_CHOICES
                .into_iter()
                .filter(|c| self.required_coverage.contains(c))
                .collect(),
        };
        errors.merge(input.validate());
        (input, errors)
    }

    /// The edit form's starting values: the record as it is, limits in dollars.
    pub fn from_record(e: &Entity) -> EntityDraft {
        let limit = |pick: fn(&CoverageLimit) -> ten99::Cents| {
            e.coverage_limit
                .as_ref()
                .map(|l| pick(l).to_string())
                .unwrap_or_default()
        };
        EntityDraft {
            name: e.name.clone(),
            address: AddressDraft::from_address(e.address.as_ref()),
            required_coverage: e.required_coverage.clone(),
            aggregate_limit: limit(|l| l.aggregate_limit),
            occurrence_limit: limit(|l| l.occurrence_limit),
        }
    }

    /// The partial update from `original` to these values.
    pub fn changes_since(&self, original: &EntityDraft) -> EntityUpdate {
        let (new, old) = (self.checked().0, original.checked().0);
        EntityUpdate {
            name: changed(&new.name, &old.name),
            address: changed_part(&new.address, &old.address),
            coverage_limit: changed_part(&new.coverage_limit, &old.coverage_limit),
            required_coverage: changed(&new.required_coverage, &old.required_coverage),
        }
    }

    /// Ticks or unticks one coverage checkbox.
    pub fn set_coverage(&mut self, coverage: CoverageType, required: bool) {
        self.required_coverage.retain(|c| *c != coverage);
        if required {
            self.required_coverage.push(coverage);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ten99::Cents;

    fn bowl() -> EntityDraft {
        EntityDraft {
            name: " Lake View Bowl ".into(),
            address: AddressDraft {
                line1: "3639 18th St".into(),
                locality: "Chicago".into(),
                region: "IL".into(),
                postalcode: "60640".into(),
                ..Default::default()
            },
            required_coverage: vec![CoverageType::WorkersComp, CoverageType::General],
            aggregate_limit: "2,000,000".into(),
            occurrence_limit: "$1,000,000.00".into(),
        }
    }

    #[test]
    fn a_complete_draft_makes_a_valid_request_in_cents() {
        let (input, errors) = bowl().checked();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(input.name, "Lake View Bowl");
        let limit = input.coverage_limit.unwrap();
        assert_eq!(limit.aggregate_limit, Cents(200_000_000));
        assert_eq!(limit.occurrence_limit, Cents(100_000_000));
        assert_eq!(
            input.required_coverage,
            [CoverageType::General, CoverageType::WorkersComp]
        );
        assert_eq!(input.address.unwrap().line2, None);
    }

    #[test]
    fn blank_optional_parts_are_left_out() {
        let draft = EntityDraft {
            name: "Acme".into(),
            ..Default::default()
        };
        let (input, errors) = draft.checked();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(input.address, None);
        assert_eq!(input.coverage_limit, None);
        assert!(input.required_coverage.is_empty());
    }

    #[test]
    fn amounts_that_are_not_dollars_are_reported_on_their_field() {
        let draft = EntityDraft {
            aggregate_limit: "two million".into(),
            occurrence_limit: "".into(),
            ..bowl()
        };
        let (_, errors) = draft.checked();
        assert_eq!(
            errors.get("coverage_limit.aggregate_limit"),
            Some("Enter an amount in dollars, like 1,234.56")
        );
        assert_eq!(
            errors.get("coverage_limit.occurrence_limit"),
            Some("Per-occurrence limit is required")
        );
    }

    #[test]
    fn an_edit_reads_the_record_and_sends_only_what_changed() {
        let (input, _) = bowl().checked();
        let record = Entity {
            id: "en_1".into(),
            name: input.name,
            address: input.address,
            coverage_limit: input.coverage_limit,
            required_coverage: input.required_coverage,
            created: 1.into(),
        };
        let original = EntityDraft::from_record(&record);
        assert_eq!(original.checked().1, FieldErrors::default());
        assert_eq!(original.changes_since(&original), EntityUpdate::default());
        let mut edited = original.clone();
        edited.occurrence_limit = "500,000".into();
        edited.set_coverage(CoverageType::Professional, true);
        let update = edited.changes_since(&original);
        assert_eq!(update.name, None);
        assert_eq!(
            update.coverage_limit.unwrap().occurrence_limit,
            Cents(50_000_000)
        );
        assert_eq!(update.required_coverage.unwrap().len(), 3);
    }

    #[test]
    fn unticking_removes_the_coverage() {
        let mut draft = bowl();
        draft.set_coverage(CoverageType::General, false);
        draft.set_coverage(CoverageType::Professional, true);
        draft.set_coverage(CoverageType::Professional, true);
        assert_eq!(
            draft.checked().0.required_coverage,
            [CoverageType::WorkersComp, CoverageType::Professional]
        );
    }

    #[test]
    fn every_reported_path_is_a_field_of_the_form() {
        let draft = EntityDraft {
            address: AddressDraft {
                postalcode: "1".into(),
                ..Default::default()
            },
            aggregate_limit: "5".into(),
            occurrence_limit: "9".into(),
            ..Default::default()
        };
        let (_, problems) = draft.checked();
        assert!(problems.len() > 3);
        for (path, _) in problems.iter() {
            assert!(FIELD_PATHS.contains(&path.as_str()), "{path} has no input");
        }
    }
}
