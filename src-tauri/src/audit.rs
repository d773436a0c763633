//! The audit log: every change Coverdesk sends to the API leaves a row (when, which
//! environment, what action on which object, and whether it worked) in the cache of
//! that environment. Any command that writes to the API records it with one line,
//! right after the call:
//!
//! ```text
//! let result = active.client.contractors().create(&input).await.map_err(Error::from);
//! crate::audit::record(&active, "create", "contractor", None, &result);
//! ```
//!
//! Input that fails validation is not recorded: it never left the app.

use crate::error::Result;
use crate::state::{now, Active};
use coverdesk_ipc::audit::AuditEntry;

/// An API object whose id the log can take from the call's result, so a create needs
/// no id up front.
pub trait Identified {
    fn audit_id(&self) -> Option<&str>;
}

macro_rules! identified_by_id {
    ($($ty:ty),+ $(,)?) => {
        $(impl Identified for $ty {
            fn audit_id(&self) -> Option<&str> {
                Some(&self.id)
            }
        })+
    };
}

identified_by_id!(
    ten99::Contractor,
    ten99::Entity,
    ten99::Job,
    ten99::Quote,
    ten99::Policy,
    ten99::Session,
    ten99::Assignment,
    ten99::Invoice,
    ten99::WebhookEndpoint,
    ten99::Deleted,
);

/// For calls that return nothing worth naming (the id is then passed in).
impl Identified for () {
    fn audit_id(&self) -> Option<&str> {
        None
    }
}

/// Records one change sent to the API. `action` is a verb (`create`, `update`, `delete`,
/// `cancel`, `import`, …), `object_kind` the API's singular name (`contractor`),
/// `object_id` the object changed when known before the call (otherwise it is taken
/// from a successful result). Never fails the change itself: a log that cannot be
/// written is reported on stderr.
pub fn record<T: Identified>(
    active: &Active,
    action: &str,
    object_kind: &str,
    object_id: Option<&str>,
    outcome: &Result<T>,
) {
    let (outcome_code, detail, result_id) = match outcome {
        Ok(value) => ("ok".to_owned(), None, value.audit_id()),
        Err(error) => (error.code(), Some(error.view().message), None),
    };
    let entry = AuditEntry {
        id: 0,
        at: now(),
        environment: active.environment.as_str().to_owned(),
        action: action.to_owned(),
        object_kind: object_kind.to_owned(),
        object_id: object_id.or(result_id).map(str::to_owned),
        outcome: outcome_code,
        detail,
    };
    if let Err(error) = active.cache.append_audit(&entry) {
        eprintln!("coverdesk: could not write the audit log: {error}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::started;
    use crate::error::Error;

    #[tokio::test]
    async fn records_successes_with_the_result_id_and_failures_with_their_code() {
        let (_dir, state) = started().await;
        let active = state.active().await;
        let deleted: Result<ten99::Deleted> = Ok(ten99::Deleted {
            id: "cn_1".into(),
            object: Some("contractor".into()),
            deleted: true,
            deleted_at: None,
        });
        record(&active, "delete", "contractor", None, &deleted);
        let failed: Result<()> = Err(Error::Api(ten99::client::Error::Timeout));
        record(&active, "update", "job", Some("jb_9"), &failed);
        let log = active.cache.list_audit(10).unwrap();
        assert_eq!(log.len(), 2);
        assert_eq!(
            (
                log[0].action.as_str(),
                log[0].object_id.as_deref(),
                log[0].outcome.as_str()
            ),
            ("update", Some("jb_9"), "timeout")
        );
        assert!(log[0].detail.as_deref().unwrap().contains("did not answer"));
        assert_eq!(
            (
                log[1].object_id.as_deref(),
                log[1].outcome.as_str(),
                log[1].environment.as_str()
            ),
            (Some("cn_1"), "ok", "local")
        );
    }
}
