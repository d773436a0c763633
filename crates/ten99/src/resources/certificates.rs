//! Certificates of insurance uploaded for automated review
//! (`/api/v1/files/certificates`, reference §2.12).

use crate::decode;
use crate::resources::contractors;
use crate::time::UnixTime;
use crate::validation::FieldErrors;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// ID prefix of uploaded certificates.
pub const ID_PREFIX: &str = "ci_";

/// Largest file the API takes: 15 MB.
pub const MAX_UPLOAD_BYTES: usize = 15 * 1024 * 1024;

string_enum! {
    /// Review progress: `pending` → `processing` → `approved` | `flagged` | `denied` | `error`.
    open enum CertificateStatus {
        Pending = "pending",
        Processing = "processing",
        Approved = "approved",
        Flagged = "flagged",
        Denied = "denied",
        Error = "error",
    }
}

impl CertificateStatus {
    /// Whether the review has finished (one way or another).
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            Self::Approved | Self::Flagged | Self::Denied | Self::Error
        )
    }
}

/// The parts of the multipart upload `POST /api/v1/files/certificates`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CertificateUpload {
    /// The contractor the certificate belongs to (`cn_…`); the `contractor` part of the form.
    pub contractor: String,
    /// The file's name as uploaded (`coi.pdf`).
    pub filename: String,
    /// The PDF's bytes; at most [`MAX_UPLOAD_BYTES`].
    pub content: Vec<u8>,
}

impl CertificateUpload {
    /// The checks the API makes, before sending 15 MB for nothing.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        errors.require_id(
            "contractor",
            &self.contractor,
            contractors::ID_PREFIX,
            "contractor",
        );
        let field = "certificate";
        if self.content.is_empty() {
            errors.add(field, "Choose the certificate PDF to upload");
        } else if !self.filename.to_ascii_lowercase().ends_with(".pdf") {
            errors.add(field, "Upload a PDF file (its name must end in .pdf)");
        } else if !self.content.starts_with(b"%PDF") {
            errors.add(
                field,
                "This file is not a PDF; export or scan the certificate as PDF",
            );
        } else if self.content.len() > MAX_UPLOAD_BYTES {
            errors.add(
                field,
                "The PDF is larger than 15 MB; compress it or upload only the first pages",
            );
        }
        errors
    }
}

/// Counts of passed and failed rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewSummary {
    /// Rules the certificate passed.
    #[serde(default)]
    pub passed: u32,
    /// Rules it failed.
    #[serde(default)]
    pub failed: u32,
    /// Rules checked in all.
    #[serde(default)]
    pub total_rules: u32,
}

/// One rule's outcome (with `expand[]=review_results.full`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditResult {
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// The rule outcome's ID; `None` when not sent.
    pub id: Option<String>,
    /// The rule's name, for people.
    #[serde(default)]
    pub rule_name: String,
    /// E.g. `coverages.commercial_general_liability.limits`.
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub rule_path: Option<String>,
    /// `pass` or a failure word.
    #[serde(default)]
    pub result: String,
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// Why the rule failed, or a note; `None` when not sent.
    pub message: Option<String>,
    /// Whether a person approved this rule by hand.
    #[serde(default, deserialize_with = "decode::boolean")]
    pub manually_approved: bool,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// When the rule was checked; `None` when not sent.
    pub created: Option<UnixTime>,
}

/// The review of a certificate (`ca_…`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewResults {
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// `ca_…`; `None` when not sent.
    pub id: Option<String>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// Where the review stands; `None` when not sent.
    pub status: Option<CertificateStatus>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// Counts of passed and failed rules; `None` when not sent.
    pub summary: Option<ReviewSummary>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// When the review began; `None` when not sent.
    pub created: Option<UnixTime>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// When the review last changed; `None` when not sent.
    pub updated: Option<UnixTime>,
    /// What was read off the PDF (full expansion only).
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub parsed_certificate_json: Option<Value>,
    #[serde(
        default,
        deserialize_with = "audit_results",
        skip_serializing_if = "Vec::is_empty"
    )]
    /// Each rule's outcome; empty unless expanded.
    pub audit_results: Vec<AuditResult>,
}

fn audit_results<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<AuditResult>, D::Error> {
    Ok(decode::option::<D, Vec<AuditResult>>(d)?.unwrap_or_default())
}

/// An uploaded certificate as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Certificate {
    /// `ci_…`.
    pub id: String,
    /// The contractor the certificate belongs to (`cn_…`).
    #[serde(alias = "contractor_id")]
    pub contractor: String,
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// The file's name as uploaded; `None` when not sent.
    pub filename: Option<String>,
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// Where the uploaded PDF can be fetched; `None` when not sent.
    pub pdf_url: Option<String>,
    /// Where the certificate's review stands.
    pub status: CertificateStatus,
    /// `None` until the review is done, or unless expanded.
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub review_results: Option<ReviewResults>,
    /// When the certificate was uploaded.
    pub created: UnixTime,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// When it last changed; `None` when not sent.
    pub updated: Option<UnixTime>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn uploads_are_checked_like_the_api_does() {
        let good = CertificateUpload {
            contractor: "cn_1".into(),
            filename: "COI.PDF".into(),
            content: b"%PDF-1.7 ...".to_vec(),
        };
        assert!(good.validate().is_empty());
        let not_pdf = CertificateUpload {
            content: b"GIF89a".to_vec(),
            ..good.clone()
        };
        assert!(not_pdf
            .validate()
            .get("certificate")
            .unwrap()
            .contains("not a PDF"));
        let wrong_name = CertificateUpload {
            filename: "coi.png".into(),
            ..good.clone()
        };
        assert!(wrong_name
            .validate()
            .get("certificate")
            .unwrap()
            .contains(".pdf"));
        let big = CertificateUpload {
            content: [b"%PDF".as_slice(), &vec![0; MAX_UPLOAD_BYTES]].concat(),
            ..good
        };
        assert!(big.validate().get("certificate").unwrap().contains("15 MB"));
        assert_eq!(CertificateUpload::default().validate().len(), 2);
    }

    #[test]
    fn decodes_a_full_review() {
        let certificate: Certificate = serde_json::from_value(json!({
            "id": "ci_YnsHeB9PTo", "contractor": "cn_1", "filename": "coi.pdf", "pdf_url": null, "status": "flagged",
            "created": 1700000000, "updated": 1700000100,
            "review_results": {"id": "ca_audit789", "status": "flagged", "summary": {"passed": 4, "failed": 1, "total_rules": 5},
                "created": 1700000050, "updated": 1700000100, "parsed_certificate_json": {"insured": "Joe"},
                "audit_results": [{"id": "car_result123", "rule_name": "GL limits", "rule_path": "coverages.commercial_general_liability.limits",
                    "result": "fail", "message": "Limit too low", "manually_approved": false, "created": 1700000100}]}
        }))
        .unwrap();
        assert!(certificate.status.is_final());
        let review = certificate.review_results.unwrap();
        assert_eq!(review.summary.unwrap().failed, 1);
        assert_eq!(review.audit_results[0].rule_name, "GL limits");
        let pending: Certificate =
            serde_json::from_value(json!({"id": "ci_1", "contractor": "cn_1", "status": "pending", "review_results": null, "created": 1}))
                .unwrap();
        assert!(!pending.status.is_final() && pending.review_results.is_none());
    }
}
