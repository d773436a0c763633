//! Jobs (`/api/v1/jobs`, reference §2.3): the work, its pay and its classification.

use crate::address::Address;
use crate::decode;
use crate::money::Cents;
use crate::resources::{entities, job_categories};
use crate::time::UnixTime;
use crate::validation::{self, FieldErrors};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// ID prefix of jobs.
pub const ID_PREFIX: &str = "jb_";

/// Smallest wage the API takes: $1.00.
pub const MIN_WAGE: Cents = Cents(100);
/// Largest wage the newest reference allows: $10,000,000.
pub const MAX_WAGE: Cents = Cents(1_000_000_000);

string_enum! {
    /// How the wage is paid.
    closed enum WageType {
        Flatfee = "flatfee" | "flat_fee" | "flat-fee",
        Hourly = "hourly",
        Unit = "unit",
        Blended = "blended",
    }
}

impl WageType {
    /// A name for people.
    pub fn label(self) -> &'static str {
        match self {
            WageType::Flatfee => "Flat fee",
            WageType::Hourly => "Hourly",
            WageType::Unit => "Per unit",
            WageType::Blended => "Blended",
        }
    }
}

/// The body of `POST /api/v1/jobs`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JobInput {
    /// What the job is called (`Field technician`); required.
    #[serde(default)]
    pub name: String,
    /// What the work involves, in a sentence; required.
    #[serde(default)]
    pub description: String,
    /// `en_…`. Older guides call it `entity_id`.
    #[serde(default, alias = "entity_id")]
    pub entity: String,
    /// `jc_…`, one of the organisation's pre-approved codes.
    #[serde(default)]
    pub category_code: String,
    /// Pay in cents, per `wage_type`; between [`MIN_WAGE`] and [`MAX_WAGE`].
    #[serde(default)]
    pub wage: Cents,
    /// `None` only while a form is being filled; required to send.
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub wage_type: Option<WageType>,
    #[serde(
        default,
        deserialize_with = "decode::optional_count",
        skip_serializing_if = "Option::is_none"
    )]
    /// The contractor's years of experience in this work; `None` to leave it out.
    pub years_experience: Option<u32>,
    /// Work site; leave out for remote work. Its state drives workers' comp eligibility.
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub address: Option<Address>,
    /// `purchase_order_number` here is inherited by the job's invoices.
    #[serde(
        default,
        deserialize_with = "decode::string_map",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub custom_metadata: BTreeMap<String, String>,
    #[serde(
        default,
        deserialize_with = "decode::optional_boolean",
        skip_serializing_if = "Option::is_none"
    )]
    /// Overrides the contractor's `withhold_premium` for this job; `None` leaves it to the contractor.
    pub withhold_premium: Option<bool>,
    /// Not in the reference, but sent by every SDK example.
    #[serde(
        default,
        deserialize_with = "decode::optional_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub duration_hours: Option<u32>,
}

impl JobInput {
    /// Every problem with the input, keyed by field path. Empty means it may be sent.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        errors.require("name", &self.name, "Job title is required");
        errors.require("description", &self.description, "Describe the work");
        check_references(&mut errors, Some(&self.entity), Some(&self.category_code));
        if self.wage.0 == 0 {
            errors.add("wage", "Wage is required");
        }
        check_wage(&mut errors, self.wage);
        if self.wage_type.is_none() {
            errors.add("wage_type", "Choose how the wage is paid");
        }
        check_optional(
            &mut errors,
            self.years_experience,
            self.duration_hours,
            self.address.as_ref(),
        );
        errors
    }
}

/// The IDs a job points at; a create body gives both (`Some`), an update only those it
/// changes.
fn check_references(errors: &mut FieldErrors, entity: Option<&str>, category_code: Option<&str>) {
    errors.require_id_if_given("entity", entity, entities::ID_PREFIX, "entity");
    errors.require_id_if_given(
        "category_code",
        category_code,
        job_categories::ID_PREFIX,
        "job category",
    );
}

fn check_wage(errors: &mut FieldErrors, wage: Cents) {
    if wage < MIN_WAGE {
        errors.add("wage", format!("Wage must be at least {MIN_WAGE}"));
    } else if wage > MAX_WAGE {
        errors.add("wage", format!("Wage cannot be more than {MAX_WAGE}"));
    }
}

fn check_optional(
    errors: &mut FieldErrors,
    years: Option<u32>,
    hours: Option<u32>,
    address: Option<&Address>,
) {
    if years.is_some_and(|y| y > 80) {
        errors.add(
            "years_experience",
            "Years of experience looks too high; enter whole years, like 5",
        );
    }
    if hours == Some(0) {
        errors.add(
            "duration_hours",
            "Duration must be at least 1 hour, or leave it out",
        );
    }
    if let Some(address) = address {
        validate_work_site(address, errors);
    }
}

/// A work site needs its state (it decides workers' comp); the rest is checked if given.
fn validate_work_site(address: &Address, errors: &mut FieldErrors) {
    if errors.require(
        "address.region",
        &address.region,
        "State of the work site is required",
    ) && !validation::is_us_state(&address.region)
    {
        errors.add("address.region", "Use a two-letter US state code, like CA");
    }
    if !address.postalcode.trim().is_empty() && !validation::is_zip(&address.postalcode) {
        errors.add(
            "address.postalcode",
            "Use a 5-digit ZIP code (or ZIP+4, like 94104-1234)",
        );
    }
    if address
        .country
        .as_deref()
        .is_some_and(|c| !c.is_empty() && c != "US")
    {
        errors.add("address.country", "Only US addresses are covered");
    }
}

/// The body of `PUT /api/v1/jobs/{id}`: only the fields to change. Jobs that already
/// have an invoice cannot be edited (`invoice_exists`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JobUpdate {
    /// New name; `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New description; `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Another entity (`en_…`); `None` keeps it.
    #[serde(default, alias = "entity_id", skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Another category code (`jc_…`); `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_code: Option<String>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// New wage in cents; `None` keeps it.
    pub wage: Option<Cents>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// New wage type; `None` keeps it.
    pub wage_type: Option<WageType>,
    #[serde(
        default,
        deserialize_with = "decode::optional_count",
        skip_serializing_if = "Option::is_none"
    )]
    /// New years of experience; `None` keeps it.
    pub years_experience: Option<u32>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// New work site; `None` keeps it.
    pub address: Option<Address>,
    /// An empty value removes that key; `Some(empty map)` clears all.
    #[serde(
        default,
        deserialize_with = "decode::optional_string_map",
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_metadata: Option<BTreeMap<String, String>>,
    #[serde(
        default,
        deserialize_with = "decode::optional_boolean",
        skip_serializing_if = "Option::is_none"
    )]
    /// New job-level premium withholding; `None` keeps it.
    pub withhold_premium: Option<bool>,
    #[serde(
        default,
        deserialize_with = "decode::optional_count",
        skip_serializing_if = "Option::is_none"
    )]
    /// New duration in hours; `None` keeps it.
    pub duration_hours: Option<u32>,
}

impl JobUpdate {
    /// Problems with the fields being changed.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if let Some(name) = &self.name {
            errors.require("name", name, "Job title cannot be blank");
        }
        if let Some(description) = &self.description {
            errors.require("description", description, "Description cannot be blank");
        }
        check_references(
            &mut errors,
            self.entity.as_deref(),
            self.category_code.as_deref(),
        );
        if let Some(wage) = self.wage {
            check_wage(&mut errors, wage);
        }
        check_optional(
            &mut errors,
            self.years_experience,
            self.duration_hours,
            self.address.as_ref(),
        );
        errors
    }
}

/// A job as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Job {
    /// `jb_…`.
    pub id: String,
    /// What the job is called.
    pub name: String,
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// What the work involves; `None` when absent.
    pub description: Option<String>,
    /// The entity the job is for (`en_…`); older revisions call it `entity_id`.
    #[serde(alias = "entity_id")]
    pub entity: String,
    /// The job category (`jc_…`).
    pub category_code: String,
    /// Pay in cents, per `wage_type`.
    pub wage: Cents,
    /// How the wage is paid (flat fee, hourly, …).
    pub wage_type: WageType,
    #[serde(
        default,
        deserialize_with = "decode::optional_count",
        skip_serializing_if = "Option::is_none"
    )]
    /// Years of experience; `None` when absent.
    pub years_experience: Option<u32>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// Work site; `None` for remote work or when absent.
    pub address: Option<Address>,
    #[serde(
        default,
        deserialize_with = "decode::string_map",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    /// The platform's key → value pairs, as stored.
    pub custom_metadata: BTreeMap<String, String>,
    /// Job-level premium withholding (see the contractor's `withhold_premium`).
    #[serde(default, deserialize_with = "decode::boolean")]
    pub withhold_premium: bool,
    #[serde(
        default,
        deserialize_with = "decode::optional_count",
        skip_serializing_if = "Option::is_none"
    )]
    /// How long the job runs, in hours; `None` when absent.
    pub duration_hours: Option<u32>,
    /// When the job was created.
    pub created: UnixTime,
}

impl Job {
    /// The default purchase-order number the job's invoices inherit, if set.
    pub fn purchase_order_number(&self) -> Option<&str> {
        self.custom_metadata
            .get("purchase_order_number")
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn technician() -> JobInput {
        JobInput {
            name: "Field technician".into(),
            description: "Run cable from front of commercial building to rear.".into(),
            entity: "en_FwZfQRe4aW".into(),
            category_code: "jc_MTqpkbkp6G".into(),
            wage: Cents(12_000),
            wage_type: Some(WageType::Flatfee),
            years_experience: Some(20),
            duration_hours: Some(20),
            ..Default::default()
        }
    }

    #[test]
    fn the_guide_example_is_valid() {
        assert!(technician().validate().is_empty());
        let from_guide: JobInput = serde_json::from_value(json!({
            "name": "Field technician", "description": "Run cable.", "duration_hours": 20, "wage": 12000,
            "years_experience": 20, "wage_type": "flatfee", "entity_id": "en_FwZfQRe4aW", "category_code": "jc_MTqpkbkp6G"
        }))
        .unwrap();
        assert_eq!(from_guide.entity, "en_FwZfQRe4aW");
        assert!(from_guide.validate().is_empty());
    }

    #[test]
    fn each_rule_is_reported() {
        let errors = JobInput::default().validate();
        for field in [
            "name",
            "description",
            "entity",
            "category_code",
            "wage",
            "wage_type",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        assert_eq!(errors.get("wage"), Some("Wage is required"));
        let bad = JobInput {
            entity: "cn_x".into(),
            category_code: "jb_x".into(),
            wage: Cents(99),
            years_experience: Some(200),
            duration_hours: Some(0),
            address: Some(Address {
                postalcode: "1".into(),
                ..Default::default()
            }),
            ..technician()
        };
        let errors = bad.validate();
        assert!(errors
            .get("entity")
            .unwrap()
            .starts_with("Entity IDs start with en_"));
        assert!(errors
            .get("category_code")
            .unwrap()
            .starts_with("Job category IDs start with jc_"));
        assert_eq!(errors.get("wage"), Some("Wage must be at least $1.00"));
        assert!(errors.get("years_experience").is_some());
        assert!(errors.get("duration_hours").is_some());
        assert_eq!(
            errors.get("address.region"),
            Some("State of the work site is required")
        );
        assert!(errors.get("address.postalcode").is_some());
        assert!(
            errors.get("address.line1").is_none(),
            "a work site needs only its state"
        );
        let too_much = JobInput {
            wage: Cents(1_000_000_001),
            ..technician()
        };
        assert_eq!(
            too_much.validate().get("wage"),
            Some("Wage cannot be more than $10,000,000.00")
        );
    }

    #[test]
    fn wage_types_are_closed() {
        assert_eq!(serde_json::to_value(WageType::Hourly).unwrap(), "hourly");
        let err = serde_json::from_value::<WageType>(json!("weekly"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("flatfee, hourly, unit, blended"), "{err}");
    }

    #[test]
    fn updates_encode_only_changes() {
        let update = JobUpdate {
            wage: Some(Cents(15_000)),
            custom_metadata: Some(BTreeMap::new()),
            ..Default::default()
        };
        assert!(update.validate().is_empty());
        assert_eq!(
            serde_json::to_value(&update).unwrap(),
            json!({"wage": 15000, "custom_metadata": {}})
        );
        let bad = JobUpdate {
            wage: Some(Cents(5)),
            name: Some("".into()),
            ..Default::default()
        };
        assert_eq!(bad.validate().len(), 2);
    }

    #[test]
    fn decodes_the_reference_job() {
        let job: Job = serde_json::from_value(json!({
            "address": {"line1": "1 Kearny St", "line2": null, "locality": "San Francisco", "region": "CA", "postalcode": "94104", "country": "US"},
            "category_code": "jc_MTqpkbkp6G", "created": 1646818364, "custom_metadata": {"purchase_order_number": "PO-7"},
            "description": "Run cable", "entity": "en_Ah3tqYn", "id": "jb_jsb9KEcTpc", "name": "Field technician",
            "wage": "15000", "wage_type": "flatfee", "years_experience": "null"
        }))
        .unwrap();
        assert_eq!(job.wage, Cents(15_000));
        assert_eq!(job.years_experience, None);
        assert_eq!(job.purchase_order_number(), Some("PO-7"));
    }
}
