//! What a list says about how fresh its rows are, from the backend's sync status.

use crate::dates::age_text;
use coverdesk_ipc::sync::SyncStatus;

/// How the line looks: calm, busy, or a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Fresh,
    Busy,
    Warning,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Tone::Fresh => "sync-fresh",
            Tone::Busy => "sync-busy",
            Tone::Warning => "sync-warning",
        }
    }
}

/// The sentence for `status` at `now` (Unix seconds); `plural` names the records.
pub fn describe(status: &SyncStatus, now: i64, plural: &str) -> (Tone, String) {
    let age = status.refreshed_at.map(|at| age_text(now, at));
    if status.running {
        return (
            Tone::Busy,
            format!(
                "Refreshing from the API… {} {plural} so far",
                status.fetched
            ),
        );
    }
    match (&status.last_error, age) {
        (Some(_), Some(age)) if status.offline => {
            (Tone::Warning, format!("Offline — showing data from {age}"))
        }
        (Some(_), None) if status.offline => (
            Tone::Warning,
            "Offline — the API cannot be reached and nothing is cached yet".to_owned(),
        ),
        (Some(error), Some(age)) => (
            Tone::Warning,
            format!("Refresh failed ({error}) — showing data from {age}"),
        ),
        (Some(error), None) => (Tone::Warning, format!("Refresh failed: {error}")),
        (None, Some(age)) => (
            Tone::Fresh,
            format!("Up to date with the API · refreshed {age}"),
        ),
        (None, None) => (Tone::Busy, "Not refreshed from the API yet".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status() -> SyncStatus {
        SyncStatus {
            resource: "contractors".into(),
            refreshed_at: Some(1_000),
            attempted_at: Some(1_000),
            ..SyncStatus::default()
        }
    }

    #[test]
    fn offline_says_how_old_the_rows_are() {
        let offline = SyncStatus {
            last_error: Some("Could not reach the API.".into()),
            offline: true,
            ..status()
        };
        let (tone, text) = describe(&offline, 1_000 + 12 * 60, "contractors");
        assert_eq!(tone, Tone::Warning);
        assert_eq!(text, "Offline — showing data from 12 minutes ago");
    }

    #[test]
    fn fresh_running_and_failed() {
        assert_eq!(
            describe(&status(), 1_030, "jobs").1,
            "Up to date with the API · refreshed just now"
        );
        let running = SyncStatus {
            running: true,
            fetched: 200,
            ..status()
        };
        assert_eq!(
            describe(&running, 1_030, "jobs"),
            (
                Tone::Busy,
                "Refreshing from the API… 200 jobs so far".to_owned()
            )
        );
        let refused = SyncStatus {
            last_error: Some("bad key".into()),
            ..status()
        };
        assert!(describe(&refused, 4_600, "jobs").1.contains("bad key"));
        assert!(describe(&refused, 4_600, "jobs").1.contains("1 hour ago"));
    }
}
