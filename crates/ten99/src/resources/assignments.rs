//! Assignments (`/api/v1/assignments`, reference §2.8): cover for a new job of a
//! contractor who already holds a policy (repeat coverage).

use crate::coverage::{self, CoverageType};
use crate::decode;
use crate::money::RatePer100;
use crate::resources::cover_request::CoverRequest;
use crate::resources::jobs;
use crate::resources::policies::{self, CoiUrls};
use crate::time::UnixTime;
use crate::validation::{CoverageWindow, FieldErrors};
use serde::{Deserialize, Serialize};

/// ID prefix of assignments.
pub const ID_PREFIX: &str = "an_";

string_enum! {
    /// Why an assignment was cancelled.
    open enum CancellationReason {
        ClientRequest = "client_request",
        ContractorRequest = "contractor_request",
    }
}

/// The body of `POST /api/v1/assignments`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AssignmentInput {
    /// The contractor assigned (`cn_…`); older revisions call it `contractor_id`.
    #[serde(default, alias = "contractor_id")]
    pub contractor: String,
    /// The job assigned (`jb_…`); older revisions call it `job_id`.
    #[serde(default, alias = "job_id")]
    pub job: String,
    /// Empty: the coverage of the contractor's most recent active policy.
    #[serde(
        default,
        deserialize_with = "coverage::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub coverage_type: Vec<CoverageType>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// Start of cover for this assignment; `None` to leave it out.
    pub effective_date: Option<UnixTime>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// End of cover for this assignment; `None` to leave it out.
    pub end_date: Option<UnixTime>,
    /// `pl_…`; by default the most recent matching active policy.
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub policy: Option<String>,
    /// `false` checks eligibility only: no notice, no charge and no cover. API default `true`.
    #[serde(
        default,
        deserialize_with = "decode::optional_boolean",
        skip_serializing_if = "Option::is_none"
    )]
    pub bind: Option<bool>,
}

impl AssignmentInput {
    /// Every problem with the input as of `now`, keyed by field path.
    pub fn validate(&self, now: UnixTime) -> FieldErrors {
        let mut errors = FieldErrors::default();
        CoverRequest {
            contractor: Some(&self.contractor),
            job: Some(&self.job),
            coverage_type: Some(&self.coverage_type),
            window: CoverageWindow {
                effective: self.effective_date,
                end: self.end_date,
            },
        }
        // No coverage means the policy's; no one-year cap is documented (§2.8).
        .check_into(&mut errors, now, true, None);
        if let Some(policy) = &self.policy {
            errors.check_id("policy", policy, policies::ID_PREFIX, "policy");
        }
        errors
    }
}

/// The body of `PUT /api/v1/assignments/{id}`: only the fields to change (until the
/// job's invoice is paid, `invoice_already_paid`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AssignmentUpdate {
    /// Another contractor (`cn_…`); `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contractor: Option<String>,
    /// Another job (`jb_…`); `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job: Option<String>,
    #[serde(
        default,
        deserialize_with = "coverage::optional_list",
        skip_serializing_if = "Option::is_none"
    )]
    /// Other cover; `None` keeps it.
    pub coverage_type: Option<Vec<CoverageType>>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// New start of cover; `None` keeps it.
    pub effective_date: Option<UnixTime>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// New end of cover; `None` keeps it.
    pub end_date: Option<UnixTime>,
    /// Another policy (`pl_…`); `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    #[serde(
        default,
        deserialize_with = "decode::optional_boolean",
        skip_serializing_if = "Option::is_none"
    )]
    /// New `bind` choice (`false`: no notice, no charge, no cover); `None` keeps it.
    pub bind: Option<bool>,
}

impl AssignmentUpdate {
    /// Problems with the fields being changed, as of `now`.
    pub fn validate(&self, now: UnixTime) -> FieldErrors {
        let mut errors = FieldErrors::default();
        CoverRequest {
            contractor: self.contractor.as_deref(),
            job: self.job.as_deref(),
            coverage_type: self.coverage_type.as_deref(),
            window: CoverageWindow {
                effective: self.effective_date,
                end: self.end_date,
            },
        }
        // A given coverage list replaces the old one, so it cannot be empty.
        .check_into(&mut errors, now, false, None);
        errors.require_id_if_given(
            "policy",
            self.policy.as_deref(),
            policies::ID_PREFIX,
            "policy",
        );
        errors
    }
}

/// The body of `POST /api/v1/assignments/cancel`. Note the key is `job_id`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AssignmentCancel {
    /// The job whose assignments are cancelled (`jb_…`); sent as `job_id`.
    #[serde(default, alias = "job")]
    pub job_id: String,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// Why; `None` to give no reason.
    pub reason: Option<CancellationReason>,
}

impl AssignmentCancel {
    /// Every problem with the request, keyed by field path.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        errors.require_id("job_id", &self.job_id, jobs::ID_PREFIX, "job");
        if let Some(CancellationReason::Unknown(text)) = &self.reason {
            errors.add(
                "reason",
                format!("{text:?} is not a reason; use client_request or contractor_request"),
            );
        }
        errors
    }
}

/// The eligibility check's verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Eligibility {
    /// `true` when the contractor is eligible for the cover.
    #[serde(default, deserialize_with = "decode::boolean")]
    pub result: bool,
    /// E.g. "Contractor is pre-approved for insurance coverage." or why not.
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub message: Option<String>,
}

fn yes() -> bool {
    true
}

fn bind_default<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(decode::optional_boolean(d)?.unwrap_or(true))
}

/// An assignment as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// `an_…`.
    pub id: String,
    /// The contractor assigned (`cn_…`).
    #[serde(alias = "contractor_id")]
    pub contractor: String,
    /// The job assigned (`jb_…`).
    #[serde(alias = "job_id")]
    pub job: String,
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// The policy covering the assignment (`pl_…`); `None` when absent.
    pub policy: Option<String>,
    /// The cover this assignment has.
    #[serde(default, deserialize_with = "coverage::list")]
    pub coverage_type: Vec<CoverageType>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// Start of cover; `None` when absent.
    pub effective_date: Option<UnixTime>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// End of cover; `None` when absent.
    pub end_date: Option<UnixTime>,
    /// `false`: no notice, no charge and no cover. Default `true`.
    #[serde(default = "yes", deserialize_with = "bind_default")]
    pub bind: bool,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// Premium per $100 earned; `None` when not priced.
    pub net_rate: Option<RatePer100>,
    #[serde(
        default,
        deserialize_with = "policies::coi_urls",
        skip_serializing_if = "CoiUrls::is_empty"
    )]
    /// Certificates of insurance, one PDF URL per coverage line.
    pub certificates: CoiUrls,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// The eligibility check's verdict; `None` when not sent.
    pub eligible: Option<Eligibility>,
    /// Whether the assignment was cancelled.
    #[serde(default, deserialize_with = "decode::boolean")]
    pub cancelled: bool,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// When it was cancelled; `None` unless cancelled.
    pub cancellation_date: Option<UnixTime>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// Why it was cancelled; `None` unless cancelled or given.
    pub cancellation_reason: Option<CancellationReason>,
    /// When the assignment was created.
    pub created: UnixTime,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const NOW: UnixTime = UnixTime(1_704_067_200);

    #[test]
    fn inputs_follow_the_rules() {
        let input = AssignmentInput {
            contractor: "cn_1".into(),
            job: "jb_1".into(),
            ..Default::default()
        };
        assert!(
            input.validate(NOW).is_empty(),
            "coverage and dates default on the API"
        );
        assert_eq!(
            serde_json::to_value(&input).unwrap(),
            json!({"contractor": "cn_1", "job": "jb_1"})
        );
        let bad = AssignmentInput {
            coverage_type: vec![CoverageType::Cyber],
            effective_date: Some(NOW),
            policy: Some("po_1".into()),
            bind: Some(false),
            ..input
        };
        let errors = bad.validate(NOW);
        assert!(errors.get("coverage_type").is_some());
        assert!(errors.get("effective_date").is_some());
        assert!(errors
            .get("policy")
            .unwrap()
            .starts_with("Policy IDs start with pl_"));
        let long = AssignmentInput {
            end_date: Some(NOW.plus_days(900)),
            ..Default::default()
        };
        assert!(
            long.validate(NOW).get("end_date").is_none(),
            "no one-year cap is documented"
        );
        assert!(AssignmentUpdate {
            coverage_type: Some(vec![]),
            ..Default::default()
        }
        .validate(NOW)
        .get("coverage_type")
        .is_some());
    }

    #[test]
    fn cancel_bodies() {
        let cancel = AssignmentCancel {
            job_id: "jb_1".into(),
            reason: Some(CancellationReason::ClientRequest),
        };
        assert!(cancel.validate().is_empty());
        assert_eq!(
            serde_json::to_value(&cancel).unwrap(),
            json!({"job_id": "jb_1", "reason": "client_request"})
        );
        let bad = AssignmentCancel {
            job_id: "".into(),
            reason: Some("because".into()),
        };
        let errors = bad.validate();
        assert_eq!(errors.get("job_id"), Some("Choose the job"));
        assert!(errors.get("reason").unwrap().contains("client_request"));
    }

    #[test]
    fn decodes_a_cancelled_assignment() {
        let assignment: Assignment = serde_json::from_value(json!({
            "id": "an_TzLQszJmoP", "contractor": "cn_Ehb3bYa", "job": "jb_jsb9KEcTpc", "policy": "pl_WzFRszJhoY",
            "coverage_type": ["general", "workers-comp"], "effective_date": 1646818364, "end_date": 1678334737,
            "net_rate": 65, "certificates": {"gl_coi_pdf_url": "https://x/gl.pdf", "wc_coi_pdf_url": null},
            "eligible": {"result": true, "message": "Contractor is pre-approved for insurance coverage."},
            "cancelled": true, "cancellation_date": 1646900000, "cancellation_reason": "client_request", "created": 1646818364
        }))
        .unwrap();
        assert!(assignment.bind && assignment.cancelled);
        assert_eq!(assignment.eligible.as_ref().map(|e| e.result), Some(true));
        assert_eq!(
            assignment.cancellation_reason,
            Some(CancellationReason::ClientRequest)
        );
        let stringified: Assignment = serde_json::from_value(json!({
            "id": "an_1", "contractor": "cn_1", "job": "jb_1", "created": 1, "bind": false,
            "eligible": "{'result': False, 'message': 'Job category mismatch'}"
        }))
        .unwrap();
        assert_eq!(
            stringified.eligible.unwrap().message.as_deref(),
            Some("Job category mismatch")
        );
        assert!(!stringified.bind);
    }
}
