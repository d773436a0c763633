//! Policies (`/api/v1/policies`, reference §2.7): bound cover.

use crate::decode;
use crate::resources::quotes;
use crate::time::UnixTime;
use crate::validation::{check_ends_after_start, FieldErrors};
use serde::{Deserialize, Serialize};

/// ID prefix of policies.
pub const ID_PREFIX: &str = "pl_";

string_enum! {
    /// Where a policy is in its life.
    open enum PolicyStatus {
        Active = "active",
        Cancelled = "cancelled" | "canceled",
        Expired = "expired",
    }
}

/// Certificate-of-insurance PDF links per line. The API sometimes sends paths relative
/// to its storage (`/bound-policies/prod/gl_coi_….pdf`); see [`resolve_url`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoiUrls {
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// Certificate of insurance (PDF) for general liability; `None` without that cover.
    pub gl_coi_pdf_url: Option<String>,
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// Certificate of insurance (PDF) for workers' comp; `None` without that cover.
    pub wc_coi_pdf_url: Option<String>,
}

impl CoiUrls {
    /// Whether no certificate URL was sent.
    pub fn is_empty(&self) -> bool {
        self.gl_coi_pdf_url.is_none() && self.wc_coi_pdf_url.is_none()
    }
}

/// Reads `certificates`: an object, a stringified dict, or null (no links yet).
pub(crate) fn coi_urls<'de, D: serde::Deserializer<'de>>(d: D) -> Result<CoiUrls, D::Error> {
    Ok(decode::option::<D, CoiUrls>(d)?.unwrap_or_default())
}

/// `url` made absolute: relative paths are joined to `base` (e.g. the API host).
pub fn resolve_url(base: &str, url: &str) -> String {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        url.to_owned()
    } else if let Some(rest) = url.strip_prefix("//") {
        format!("https://{rest}")
    } else {
        format!(
            "{}/{}",
            base.trim_end_matches('/'),
            url.trim_start_matches('/')
        )
    }
}

/// The body of `POST /api/v1/policies`. Policies are normally bound by the hosted
/// application; direct creation is documented but unusual (§7 Q14).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PolicyInput {
    /// `qt_…`. The SDK examples call it `quote_id`.
    #[serde(default, alias = "quote_id")]
    pub quote: String,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// Start of cover; `None` to leave it out.
    pub effective_date: Option<UnixTime>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// End of cover; `None` to leave it out.
    pub expiration_date: Option<UnixTime>,
}

impl PolicyInput {
    /// Every problem with the input, keyed by field path.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        errors.require_id("quote", &self.quote, quotes::ID_PREFIX, "quote");
        if let (Some(start), Some(end)) = (self.effective_date, self.expiration_date) {
            check_ends_after_start(&mut errors, "expiration_date", "Expiration", start, end);
        }
        errors
    }
}

/// The body of `PUT /api/v1/policies/{id}`: switch cover on or off.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyUpdate {
    #[serde(
        default,
        deserialize_with = "decode::optional_boolean",
        skip_serializing_if = "Option::is_none"
    )]
    /// `true` switches cover on, `false` off; `None` keeps it.
    pub is_active: Option<bool>,
}

impl PolicyUpdate {
    /// `is_active` is the only thing to change, so it must be set.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if self.is_active.is_none() {
            errors.add("is_active", "Choose whether the policy should be active");
        }
        errors
    }
}

/// A policy as the API returns it (and as `policy.*` events carry it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    /// `pl_…`.
    pub id: String,
    #[serde(
        default,
        alias = "quote_id",
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// The quote the policy was bound from (`qt_…`); `None` when absent.
    pub quote: Option<String>,
    /// Absent from some event payloads, which carry `is_active` instead.
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<PolicyStatus>,
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
    pub expiration_date: Option<UnixTime>,
    /// The policy document; may be relative (see [`resolve_url`]).
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub pdf_url: Option<String>,
    #[serde(
        default,
        deserialize_with = "coi_urls",
        skip_serializing_if = "CoiUrls::is_empty"
    )]
    /// Certificates of insurance, one PDF URL per coverage line.
    pub certificates: CoiUrls,
    #[serde(
        default,
        deserialize_with = "decode::optional_boolean",
        skip_serializing_if = "Option::is_none"
    )]
    /// Whether cover is on; `None` when the API did not say.
    pub is_active: Option<bool>,
    /// When the policy was created.
    pub created: UnixTime,
}

impl Policy {
    /// `status`, or what `is_active` implies when there is none.
    pub fn current_status(&self) -> Option<PolicyStatus> {
        self.status.clone().or(match self.is_active {
            Some(true) => Some(PolicyStatus::Active),
            Some(false) => Some(PolicyStatus::Cancelled),
            None => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn decodes_seed_003() {
        let policy: Policy = serde_json::from_value(json!({
            "certificates": {"gl_coi_pdf_url": "/bound-policies/prod/gl_coi_pl_wv23Q3lMc1_1691450123.pdf",
                             "wc_coi_pdf_url": "/bound-policies/prod/wc_coi_pl_wv23Q3lMc1_1691420903.pdf"},
            "created": 1646818364, "effective_date": 1646818364, "expiration_date": 1678334737, "id": "pl_WzFRszJhoY",
            "pdf_url": "http://ten99policy.s3.amazonaws.com/1099policy-coi-sample.pdf", "quote": "qt_5DciVga8Kt", "status": "active"
        }))
        .unwrap();
        assert_eq!(policy.status, Some(PolicyStatus::Active));
        let gl = policy.certificates.gl_coi_pdf_url.as_deref().unwrap();
        assert_eq!(
            resolve_url("https://api.1099policy.com/", gl),
            "https://api.1099policy.com/bound-policies/prod/gl_coi_pl_wv23Q3lMc1_1691450123.pdf"
        );
        assert_eq!(
            resolve_url("https://x", policy.pdf_url.as_deref().unwrap()),
            policy.pdf_url.clone().unwrap()
        );
    }

    #[test]
    fn tolerates_event_shapes() {
        let policy: Policy = serde_json::from_value(json!({
            "id": "pl_1", "is_active": true, "quote": "qt_1", "certificates": null,
            "effective_date": "2023-09-27T05:37:06.742302", "created": "2023-09-27T05:37:06.742302", "status": "suspended"
        }))
        .unwrap();
        assert_eq!(
            policy.status,
            Some(PolicyStatus::Unknown("suspended".into()))
        );
        assert!(policy.certificates.is_empty());
        let no_status = Policy {
            status: None,
            ..policy
        };
        assert_eq!(no_status.current_status(), Some(PolicyStatus::Active));
        let stringified: Policy = serde_json::from_value(json!({
            "id": "pl_1", "created": 1, "certificates": "{'gl_coi_pdf_url': None, 'wc_coi_pdf_url': 'https://x/wc.pdf'}"
        }))
        .unwrap();
        assert_eq!(
            stringified.certificates.wc_coi_pdf_url.as_deref(),
            Some("https://x/wc.pdf")
        );
    }

    #[test]
    fn inputs() {
        assert_eq!(
            PolicyInput::default().validate().get("quote"),
            Some("Choose the quote")
        );
        let backwards = PolicyInput {
            quote: "qt_1".into(),
            effective_date: Some(UnixTime(100)),
            expiration_date: Some(UnixTime(100)),
        };
        assert!(backwards.validate().get("expiration_date").is_some());
        let old: PolicyInput =
            serde_json::from_value(json!({"quote_id": "qt_1", "is_active": true})).unwrap();
        assert!(old.validate().is_empty());
        assert_eq!(serde_json::to_value(old).unwrap(), json!({"quote": "qt_1"}));
        assert!(PolicyUpdate::default()
            .validate()
            .get("is_active")
            .is_some());
        assert_eq!(
            serde_json::to_value(PolicyUpdate {
                is_active: Some(false)
            })
            .unwrap(),
            json!({"is_active": false})
        );
    }
}
