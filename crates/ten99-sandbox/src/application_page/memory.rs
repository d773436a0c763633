//! An [`ApplicationFlow`] over sessions held in memory: for tests of the page, and
//! the reference for what a real implementation must do.

use super::flow::{ApplicationFlow, FlowError, SessionSummary, Step, StepInput};
use crate::ids;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

#[derive(Default)]
pub struct InMemoryFlow {
    sessions: Mutex<HashMap<String, (SessionSummary, Vec<StepInput>)>>,
}

impl InMemoryFlow {
    /// Adds (or replaces) a session.
    pub fn insert(&self, summary: SessionSummary) {
        self.lock()
            .insert(summary.session_id.clone(), (summary, Vec::new()));
    }

    /// What the contractor submitted so far, in order.
    pub fn inputs(&self, session_id: &str) -> Vec<StepInput> {
        self.lock()
            .get(session_id)
            .map(|(_, inputs)| inputs.clone())
            .unwrap_or_default()
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, (SessionSummary, Vec<StepInput>)>> {
        self.sessions.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The checks every implementation makes before changing a session.
fn writable(summary: &SessionSummary) -> Result<(), FlowError> {
    if summary.step == Step::ApplicationComplete {
        Err(FlowError::AlreadyComplete)
    } else if summary.expired {
        Err(FlowError::Expired)
    } else {
        Ok(())
    }
}

impl ApplicationFlow for InMemoryFlow {
    fn summary(&self, session_id: &str) -> Result<SessionSummary, FlowError> {
        self.lock()
            .get(session_id)
            .map(|(summary, _)| summary.clone())
            .ok_or(FlowError::NotFound)
    }

    fn advance(&self, session_id: &str, input: StepInput) -> Result<SessionSummary, FlowError> {
        let mut sessions = self.lock();
        let (summary, inputs) = sessions.get_mut(session_id).ok_or(FlowError::NotFound)?;
        writable(summary)?;
        if summary.step != input.step() {
            return Err(FlowError::WrongStep(summary.step));
        }
        summary.step = summary.step.next();
        inputs.push(input);
        Ok(summary.clone())
    }

    fn complete(&self, session_id: &str) -> Result<String, FlowError> {
        let mut sessions = self.lock();
        let (summary, _) = sessions.get_mut(session_id).ok_or(FlowError::NotFound)?;
        writable(summary)?;
        if summary.step != Step::FinalReview {
            return Err(FlowError::WrongStep(summary.step));
        }
        let policy = ids::random("pl_", 10);
        summary.step = Step::ApplicationComplete;
        summary.policy_id = Some(policy.clone());
        Ok(policy)
    }
}
