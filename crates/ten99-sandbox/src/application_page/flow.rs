//! What the application page needs from an insurance application session, as an
//! interface: the sessions resource implements it over the store; tests use
//! [`super::InMemoryFlow`].

use crate::coverage::Coverage;

/// The wizard's steps, in order (reference §2.6 `step`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    VerifyInfo,
    ApplicationQuestions,
    EsignatureDocument,
    AddCardDetails,
    FinalReview,
    ApplicationComplete,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::VerifyInfo,
        Step::ApplicationQuestions,
        Step::EsignatureDocument,
        Step::AddCardDetails,
        Step::FinalReview,
        Step::ApplicationComplete,
    ];

    /// The API's spelling, also the form's hidden `step` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::VerifyInfo => "verify_info",
            Step::ApplicationQuestions => "application_questions",
            Step::EsignatureDocument => "esignature_document",
            Step::AddCardDetails => "add_card_details",
            Step::FinalReview => "final_review",
            Step::ApplicationComplete => "application_complete",
        }
    }

    pub fn parse(text: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The step after this one; the last stays put.
    pub fn next(self) -> Step {
        let i = Step::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Step::ALL[(i + 1).min(Step::ALL.len() - 1)]
    }

    /// The heading the page shows.
    pub fn title(self) -> &'static str {
        match self {
            Step::VerifyInfo => "Verify your information",
            Step::ApplicationQuestions => "A few questions",
            Step::EsignatureDocument => "Sign your application",
            Step::AddCardDetails => "Payment method",
            Step::FinalReview => "Review and bind",
            Step::ApplicationComplete => "Coverage bound",
        }
    }
}

/// Everything the page shows about one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSummary {
    pub session_id: String,
    pub contractor_name: String,
    pub contractor_email: String,
    /// The home address, one line per entry (`1 Kearny St`, `San Francisco, CA 94104`).
    pub contractor_address: Vec<String>,
    pub job_name: String,
    pub job_description: String,
    /// The client the work is for (the entity), if known.
    pub entity_name: Option<String>,
    /// Where the work happens; `None` for remote work.
    pub work_state: Option<String>,
    pub coverages: Vec<Coverage>,
    /// Cents per $100 of pay.
    pub net_rate: u32,
    pub effective_date: i64,
    pub end_date: i64,
    /// Where the contractor resumes.
    pub step: Step,
    pub expired: bool,
    /// The platform pays the premium from wages: no card is collected.
    pub withhold_premium: bool,
    pub success_url: String,
    pub cancel_url: String,
    /// Set once the application is complete.
    pub policy_id: Option<String>,
    /// The tenant's sandbox "now" (Unix seconds), e.g. to check a card's expiry.
    pub now: i64,
}

/// What the contractor submitted on one step, already checked by the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepInput {
    /// Confirmed the details shown are right.
    VerifyInfo,
    /// Question id and yes (`true`) or no, for every question asked.
    ApplicationQuestions { answers: Vec<(String, bool)> },
    /// Signed with this typed name (it matches the contractor's name).
    EsignatureDocument { signed_name: String },
    /// The card put on file; `None` when the platform withholds the premium.
    AddCardDetails { card: Option<CardOnFile> },
}

impl StepInput {
    /// The step this input completes.
    pub fn step(&self) -> Step {
        match self {
            StepInput::VerifyInfo => Step::VerifyInfo,
            StepInput::ApplicationQuestions { .. } => Step::ApplicationQuestions,
            StepInput::EsignatureDocument { .. } => Step::EsignatureDocument,
            StepInput::AddCardDetails { .. } => Step::AddCardDetails,
        }
    }
}

/// A card as kept on file: never the full number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardOnFile {
    pub brand: String,
    pub last4: String,
    pub exp_month: u32,
    pub exp_year: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlowError {
    #[error("No such application session")]
    NotFound,
    #[error("This application link has expired")]
    Expired,
    #[error("This application is already complete")]
    AlreadyComplete,
    /// The session is at another step (a stale tab, a double submit).
    #[error("The application is at step {0:?}")]
    WrongStep(Step),
    #[error("{0}")]
    Other(String),
}

/// The operations the page performs on a session, looked up by its id (the id is
/// the secret: the page has no other authentication, like the hosted original).
pub trait ApplicationFlow: Send + Sync {
    fn summary(&self, session_id: &str) -> Result<SessionSummary, FlowError>;

    /// Records `input` and moves the session to the following step. Must fail with
    /// [`FlowError::WrongStep`] if the session is not at `input.step()`.
    fn advance(&self, session_id: &str, input: StepInput) -> Result<SessionSummary, FlowError>;

    /// Binds coverage from the final review: creates the policy, moves the session
    /// to `application_complete` and returns the policy id (`pl_…`).
    fn complete(&self, session_id: &str) -> Result<String, FlowError>;
}

/// The flow until sessions are stored: knows no session at all.
pub struct NoSessions;

impl ApplicationFlow for NoSessions {
    fn summary(&self, _: &str) -> Result<SessionSummary, FlowError> {
        Err(FlowError::NotFound)
    }

    fn advance(&self, _: &str, _: StepInput) -> Result<SessionSummary, FlowError> {
        Err(FlowError::NotFound)
    }

    fn complete(&self, _: &str) -> Result<String, FlowError> {
        Err(FlowError::NotFound)
    }
}
