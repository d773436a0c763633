//! Entities (`/api/v1/entities`, reference §2.2): the company the work is done for, and
//! the cover it requires.

use crate::address::Address;
use crate::coverage::{self, CoverageType};
use crate::decode;
use crate::money::Cents;
use crate::time::UnixTime;
use crate::validation::FieldErrors;
use serde::{Deserialize, Serialize};

/// ID prefix of entities.
pub const ID_PREFIX: &str = "en_";

/// The smallest limit the API takes, in cents ($10.00).
pub const MIN_LIMIT: Cents = Cents(1000);

/// Insurance limits the entity requires, in cents (`100000000` = $1,000,000).
/// The SDK examples send them as strings; both are read, integers are sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageLimit {
    /// Total over the policy term.
    pub aggregate_limit: Cents,
    /// Per incident.
    pub occurrence_limit: Cents,
}

impl CoverageLimit {
    /// Checks both limits, reporting under `prefix.aggregate_limit` and so on.
    pub fn validate_into(&self, prefix: &str, errors: &mut FieldErrors) {
        for (name, value, label) in [
            ("aggregate_limit", self.aggregate_limit, "Aggregate limit"),
            (
                "occurrence_limit",
                self.occurrence_limit,
                "Per-occurrence limit",
            ),
        ] {
            let field = format!("{prefix}.{name}");
            if value.0 == 0 {
                errors.add(&field, format!("{label} is required"));
            } else if value < MIN_LIMIT {
                errors.add(&field, format!("{label} must be at least {MIN_LIMIT}"));
            }
        }
        if self.occurrence_limit > self.aggregate_limit && self.aggregate_limit >= MIN_LIMIT {
            errors.add(
                &format!("{prefix}.occurrence_limit"),
                format!(
                    "Per-occurrence limit cannot exceed the aggregate limit ({})",
                    self.aggregate_limit
                ),
            );
        }
    }
}

/// The body of `POST /api/v1/entities`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityInput {
    /// The hiring company's name; required.
    #[serde(default)]
    pub name: String,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// The company's address; `None` to leave it out.
    pub address: Option<Address>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// Limits the company requires of its contractors' cover; `None` to leave them out.
    pub coverage_limit: Option<CoverageLimit>,
    #[serde(
        default,
        deserialize_with = "coverage::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    /// Cover every contractor working for the company must have.
    pub required_coverage: Vec<CoverageType>,
}

impl EntityInput {
    /// Every problem with the input, keyed by field path. Empty means it may be sent.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        errors.require("name", &self.name, "Company name is required");
        check_common(
            &mut errors,
            self.address.as_ref(),
            self.coverage_limit.as_ref(),
            &self.required_coverage,
        );
        errors
    }
}

fn check_common(
    errors: &mut FieldErrors,
    address: Option<&Address>,
    limit: Option<&CoverageLimit>,
    required: &[CoverageType],
) {
    if let Some(address) = address {
        address.validate_into("address", errors);
    }
    if let Some(limit) = limit {
        limit.validate_into("coverage_limit", errors);
    }
    coverage::validate_distinct_into("required_coverage", required, errors);
}

/// The body of `PUT /api/v1/entities/{id}`: only the fields to change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityUpdate {
    /// New name; `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// New address; `None` keeps it.
    pub address: Option<Address>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// New required limits; `None` keeps them.
    pub coverage_limit: Option<CoverageLimit>,
    #[serde(
        default,
        deserialize_with = "coverage::optional_list",
        skip_serializing_if = "Option::is_none"
    )]
    /// New required cover; `None` keeps it.
    pub required_coverage: Option<Vec<CoverageType>>,
}

impl EntityUpdate {
    /// Problems with the fields being changed.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if let Some(name) = &self.name {
            errors.require("name", name, "Company name cannot be blank");
        }
        let required = self.required_coverage.as_deref().unwrap_or_default();
        check_common(
            &mut errors,
            self.address.as_ref(),
            self.coverage_limit.as_ref(),
            required,
        );
        errors
    }
}

/// An entity as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `en_…`.
    pub id: String,
    /// The hiring company's name.
    pub name: String,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// The company's address; `None` when absent.
    pub address: Option<Address>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// Required limits; `None` when the API sent none.
    pub coverage_limit: Option<CoverageLimit>,
    /// Cover every contractor working for the company must have.
    #[serde(default, deserialize_with = "coverage::list")]
    pub required_coverage: Vec<CoverageType>,
    /// When the entity was created.
    pub created: UnixTime,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn apple() -> EntityInput {
        EntityInput {
            name: "Apple, Inc".into(),
            coverage_limit: Some(CoverageLimit {
                aggregate_limit: Cents(200_000_000),
                occurrence_limit: Cents(100_000_000),
            }),
            required_coverage: vec![CoverageType::General, CoverageType::WorkersComp],
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_entity_is_valid_and_encodes_integers() {
        assert!(apple().validate().is_empty());
        let body = serde_json::to_value(apple()).unwrap();
        assert_eq!(
            body,
            json!({"name": "Apple, Inc", "coverage_limit": {"aggregate_limit": 200000000, "occurrence_limit": 100000000},
                   "required_coverage": ["general", "workers-comp"]})
        );
    }

    #[test]
    fn limits_and_requirements_are_checked() {
        let input = EntityInput {
            name: "".into(),
            coverage_limit: Some(CoverageLimit {
                aggregate_limit: Cents(999),
                occurrence_limit: Cents(0),
            }),
            required_coverage: vec![CoverageType::General, CoverageType::General],
            ..Default::default()
        };
        let errors = input.validate();
        assert_eq!(errors.get("name"), Some("Company name is required"));
        assert_eq!(
            errors.get("coverage_limit.aggregate_limit"),
            Some("Aggregate limit must be at least $10.00")
        );
        assert_eq!(
            errors.get("coverage_limit.occurrence_limit"),
            Some("Per-occurrence limit is required")
        );
        assert_eq!(
            errors.get("required_coverage"),
            Some("General liability is listed more than once")
        );
        let upside_down = CoverageLimit {
            aggregate_limit: Cents(100_000),
            occurrence_limit: Cents(200_000),
        };
        let errors = EntityInput {
            coverage_limit: Some(upside_down),
            ..apple()
        }
        .validate();
        assert_eq!(
            errors.get("coverage_limit.occurrence_limit"),
            Some("Per-occurrence limit cannot exceed the aggregate limit ($1,000.00)")
        );
    }

    #[test]
    fn reads_the_sdk_example_body_with_string_limits() {
        let input: EntityInput = serde_json::from_value(json!({
            "name": "Lake View Bowl",
            "coverage_limit": {"aggregate_limit": "200000000", "occurrence_limit": "100000000"},
            "address": {"line1": "3639 18th St", "line2": "", "locality": "Chicago", "region": "IL", "postalcode": "60640"},
            "required_coverage": ["general", "workers-comp"]
        }))
        .unwrap();
        assert_eq!(
            input.coverage_limit.unwrap().aggregate_limit,
            Cents(200_000_000)
        );
        assert!(input.validate().is_empty());
    }

    #[test]
    fn updates_check_only_what_changes() {
        assert!(EntityUpdate::default().validate().is_empty());
        let update = EntityUpdate {
            name: Some("".into()),
            required_coverage: Some(vec![]),
            ..Default::default()
        };
        assert_eq!(
            update.validate().get("name"),
            Some("Company name cannot be blank")
        );
        assert_eq!(
            serde_json::to_value(&update).unwrap(),
            json!({"name": "", "required_coverage": []})
        );
    }
}
