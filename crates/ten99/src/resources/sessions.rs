//! Insurance application sessions (`/api/v1/apply/sessions`, reference §2.6): the hosted
//! application a contractor fills in at apply.1099policy.com.

use crate::decode;
use crate::resources::{contractors, quotes};
use crate::time::UnixTime;
use crate::validation::{self, FieldErrors};
use serde::{Deserialize, Serialize};

/// ID prefix of sessions (followed by a 26-character ULID).
pub const ID_PREFIX: &str = "ias_";

string_enum! {
    /// Where a returning contractor resumes the application.
    open enum SessionStep {
        VerifyInfo = "verify_info",
        ApplicationQuestions = "application_questions",
        EsignatureDocument = "esignature_document",
        AddCardDetails = "add_card_details",
        FinalReview = "final_review",
        ApplicationComplete = "application_complete",
    }
}

impl SessionStep {
    /// A name for people.
    pub fn label(&self) -> &str {
        match self {
            SessionStep::VerifyInfo => "Verifying details",
            SessionStep::ApplicationQuestions => "Answering questions",
            SessionStep::EsignatureDocument => "Signing documents",
            SessionStep::AddCardDetails => "Adding a card",
            SessionStep::FinalReview => "Final review",
            SessionStep::ApplicationComplete => "Complete",
            SessionStep::Unknown(text) => text,
        }
    }
}

/// The body of `POST /api/v1/apply/sessions`.
///
/// A standard session needs `quote`. A general opt-in session (`is_general_opt_in`) is
/// tied to no job or quote and needs `contractor` and `general_opt_in_work_state` instead.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionInput {
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// The quote to apply for (`qt_…`); required unless general opt-in.
    pub quote: Option<String>,
    /// Where the contractor lands after binding cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_url: Option<String>,
    /// Where an ineligible or abandoning contractor lands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_url: Option<String>,
    #[serde(
        default,
        deserialize_with = "decode::optional_boolean",
        skip_serializing_if = "Option::is_none"
    )]
    /// `true` for a general opt-in session, tied to no job or quote.
    pub is_general_opt_in: Option<bool>,
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// The contractor (`cn_…`), for general opt-in sessions.
    pub contractor: Option<String>,
    /// Two-letter state of the work, for general opt-in sessions.
    #[serde(default, alias = "work_state", skip_serializing_if = "Option::is_none")]
    pub general_opt_in_work_state: Option<String>,
}

impl SessionInput {
    /// A standard session for `quote`.
    pub fn for_quote(quote: &str, success_url: &str, cancel_url: &str) -> SessionInput {
        SessionInput {
            quote: Some(quote.to_owned()),
            success_url: Some(success_url.to_owned()),
            cancel_url: Some(cancel_url.to_owned()),
            ..Default::default()
        }
    }

    /// Every problem with the input, keyed by field path.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if self.is_general_opt_in == Some(true) {
            errors.require_id(
                "contractor",
                self.contractor.as_deref().unwrap_or(""),
                contractors::ID_PREFIX,
                "contractor",
            );
            let state = self.general_opt_in_work_state.as_deref().unwrap_or("");
            if errors.require(
                "general_opt_in_work_state",
                state,
                "State of the work is required for a general opt-in",
            ) && !validation::is_us_state(state)
            {
                errors.add(
                    "general_opt_in_work_state",
                    "Use a two-letter US state code, like CA",
                );
            }
            if let Some(quote) = self.quote.as_deref() {
                errors.check_id("quote", quote, quotes::ID_PREFIX, "quote");
            }
        } else {
            errors.require_id(
                "quote",
                self.quote.as_deref().unwrap_or(""),
                quotes::ID_PREFIX,
                "quote",
            );
            if let Some(contractor) = self.contractor.as_deref() {
                errors.check_id(
                    "contractor",
                    contractor,
                    contractors::ID_PREFIX,
                    "contractor",
                );
            }
        }
        validation::check_url(&mut errors, "success_url", self.success_url.as_deref());
        validation::check_url(&mut errors, "cancel_url", self.cancel_url.as_deref());
        errors
    }
}

/// The body of `PUT /api/v1/apply/sessions/{id}`: only the redirect URLs can change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionUpdate {
    /// New landing page after binding cover; `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_url: Option<String>,
    /// New landing page for an ineligible or abandoning contractor; `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_url: Option<String>,
}

impl SessionUpdate {
    /// Problems with the URLs being changed.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        validation::check_url(&mut errors, "success_url", self.success_url.as_deref());
        validation::check_url(&mut errors, "cancel_url", self.cancel_url.as_deref());
        errors
    }
}

/// A session as the API returns it. Also reads the seed guide's older shape, which had
/// `quotes` and `policies` keys and no `expired` or `step`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// `ias_…`, the session's ID.
    pub id: String,
    #[serde(
        default,
        alias = "quotes",
        deserialize_with = "decode::optional_first_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// The quote applied for (`qt_…`); `None` for general opt-in sessions.
    pub quote: Option<String>,
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// Where the contractor lands after binding cover.
    pub success_url: Option<String>,
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// Where an ineligible or abandoning contractor lands.
    pub cancel_url: Option<String>,
    /// The link to send the contractor to.
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub url: Option<String>,
    /// An expired session sends the contractor to `cancel_url`.
    #[serde(default, deserialize_with = "decode::boolean")]
    pub expired: bool,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// How far the contractor got in the application; `None` when not sent.
    pub step: Option<SessionStep>,
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// The contractor applying (`cn_…`); `None` when not sent.
    pub contractor: Option<String>,
    /// Policies bound through this session (older shape; `""` when none).
    #[serde(
        default,
        deserialize_with = "decode::string_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub policies: Vec<String>,
    /// When the session was created.
    pub created: UnixTime,
}

impl Session {
    /// Whether the contractor finished the application.
    pub fn is_complete(&self) -> bool {
        self.step == Some(SessionStep::ApplicationComplete)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn standard_sessions_need_a_quote_and_good_urls() {
        assert!(SessionInput::for_quote(
            "qt_4M7sjSqdam",
            "https://example.com/success",
            "http://example.com/cancel"
        )
        .validate()
        .is_empty());
        let errors = SessionInput {
            success_url: Some("example.com".into()),
            cancel_url: Some(" ".into()),
            ..Default::default()
        }
        .validate();
        assert_eq!(errors.get("quote"), Some("Choose the quote"));
        assert_eq!(
            errors.get("success_url"),
            Some("Enter a full web address starting with https://")
        );
        assert!(errors.get("cancel_url").is_some());
    }

    #[test]
    fn general_opt_in_needs_contractor_and_state() {
        let input = SessionInput {
            is_general_opt_in: Some(true),
            general_opt_in_work_state: Some("Cal".into()),
            ..Default::default()
        };
        let errors = input.validate();
        assert_eq!(errors.get("contractor"), Some("Choose the contractor"));
        assert_eq!(
            errors.get("general_opt_in_work_state"),
            Some("Use a two-letter US state code, like CA")
        );
        assert!(errors.get("quote").is_none());
        let ok = SessionInput {
            contractor: Some("cn_yJBbMeq9QA".into()),
            general_opt_in_work_state: Some("IL".into()),
            ..input
        };
        assert!(ok.validate().is_empty());
        assert_eq!(
            serde_json::to_value(ok).unwrap(),
            json!({"is_general_opt_in": true, "contractor": "cn_yJBbMeq9QA", "general_opt_in_work_state": "IL"})
        );
    }

    #[test]
    fn reads_the_seed_guides_older_shape() {
        let session: Session = serde_json::from_value(json!({
            "id": "ias_01GEEQT5WW55R6941N7BABTYGT", "success_url": "https://example.com/success",
            "cancel_url": "https://example.com/cancel", "url": "https://apply.1099policy.com/ias_01ABCXYZ123456N7LMNOP",
            "quotes": "qt_4M7sjSqdam", "policies": "", "created": 1664794564
        }))
        .unwrap();
        assert_eq!(session.quote.as_deref(), Some("qt_4M7sjSqdam"));
        assert!(session.policies.is_empty() && !session.expired && session.step.is_none());
    }

    #[test]
    fn steps_are_tolerant() {
        let session: Session = serde_json::from_value(json!({
            "id": "ias_01FVCHXE7PNQHA1T3S2AXL2QZE", "quote": "qt_5DciVga8Kt", "expired": "False",
            "step": "application_complete", "created": "1646818364"
        }))
        .unwrap();
        assert!(session.is_complete());
        assert_eq!(
            SessionStep::parse("add_card_details"),
            SessionStep::AddCardDetails
        );
        assert_eq!(
            SessionStep::parse("kyc_check"),
            SessionStep::Unknown("kyc_check".into())
        );
        assert_eq!(
            serde_json::to_value(SessionStep::Unknown("kyc_check".into())).unwrap(),
            "kyc_check"
        );
        assert_eq!(SessionStep::KNOWN.len(), 6);
    }

    #[test]
    fn updates_check_urls() {
        assert!(SessionUpdate::default().validate().is_empty());
        let update = SessionUpdate {
            cancel_url: Some("nope".into()),
            ..Default::default()
        };
        assert!(update.validate().get("cancel_url").is_some());
        assert_eq!(
            serde_json::to_value(update).unwrap(),
            json!({"cancel_url": "nope"})
        );
    }
}
