//! Following the API: a desktop app cannot receive webhooks, so a background task polls
//! `GET /events` of the environment in use every few seconds, keeps the policies it
//! hears about in the cache, and tells the web view when one is newly bound.
//!
//! Each tick reads the environment in use afresh, so a switch takes effect at the next
//! tick, and each environment's cache file keeps its own last event seen.

use crate::alerts;
use crate::cache::FollowCursor;
use crate::commands::compliance::{self, ComplianceDesk};
use crate::commands::policies::describe;
use crate::commands::CACHE_CHANGED;
use crate::error::Result;
use crate::state::{now, Active, AppState};
use coverdesk_ipc::policies::{PolicyBound, POLICY_BOUND_EVENT};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};
use ten99::client::ListParams;
use ten99::{Event, EventType};

/// How often to poll; `COVERDESK_FOLLOW_SECONDS` changes it (tests make it short).
pub const DEFAULT_EVERY: Duration = Duration::from_secs(5);

/// At most this many pages of 100 events are read in one poll; a backlog older than
/// that is picked up by the Policies page's Refresh.
const MAX_PAGES: usize = 5;

/// What one poll found.
#[derive(Debug, Default)]
pub struct PollOutcome {
    /// Policies newly bound (`policy.active`), oldest first.
    pub bound: Vec<PolicyBound>,
    /// How many policies were written to the cache.
    pub cached: usize,
}

pub fn every() -> Duration {
    std::env::var("COVERDESK_FOLLOW_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| *s > 0.0)
        .map(Duration::from_secs_f64)
        .unwrap_or(DEFAULT_EVERY)
}

/// Starts the task; it runs as long as the app.
pub fn spawn(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let every = every();
        loop {
            let state = app.state::<AppState>();
            let active = state.active().await;
            // A failed poll (offline, key revoked) is tried again next tick; the cursor
            // only moves when a poll succeeds, so nothing is missed.
            let mut alerts = Vec::new();
            if let Ok(outcome) = poll_once(&active).await {
                let still_there = state.active().await.environment == active.environment;
                if outcome.cached > 0 {
                    let _ = app.emit(CACHE_CHANGED, "policies");
                }
                for bound in outcome.bound.into_iter().filter(|_| still_there) {
                    alerts.push(alerts::bound(&bound));
                    let _ = app.emit(POLICY_BOUND_EVENT, bound);
                }
            }
            // The desk's table is rebuilt only when the cache changed, so looking for
            // lapses every tick costs a counter read.
            let desk = app.state::<ComplianceDesk>();
            if let Ok(table) = compliance::current(&state, &desk, &active.cache) {
                alerts.extend(alerts::lapses(&table));
            }
            match alerts::unannounced(&active.cache, alerts, now()) {
                Ok(fresh) => alerts::show(&app, fresh).await,
                Err(error) => eprintln!("coverdesk: could not note the alerts shown ({error})"),
            }
            tokio::time::sleep(every).await;
        }
    });
}

/// One poll of `active`'s environment: reads the events since the last one seen,
/// caches the policies they are about, and moves the cursor. The very first poll of an
/// environment fills the cache with its policies and notes where the events stand,
/// without announcing old policies as new.
pub async fn poll_once(active: &Active) -> Result<PollOutcome> {
    let cursor = active.cache.follow_cursor()?;
    let (events, newest) = events_since(active, &cursor).await?;
    let mut outcome = PollOutcome::default();
    if cursor == FollowCursor::Never {
        let all = active.client.policies().list_all().await?;
        let mut rows = Vec::with_capacity(all.len());
        for policy in all {
            rows.push(describe(active, policy).await);
        }
        active.cache.upsert_policies(&rows, now())?;
        outcome.cached = rows.len();
    } else {
        for event in events.iter().rev() {
            handle(active, event, &mut outcome).await?;
        }
    }
    if newest.is_some() || cursor == FollowCursor::Never {
        active.cache.set_follow_cursor(newest.as_deref())?;
    }
    Ok(outcome)
}

/// Events newer than `cursor`, newest first, and the id of the newest of all.
async fn events_since(
    active: &Active,
    cursor: &FollowCursor,
) -> Result<(Vec<Event>, Option<String>)> {
    let last_seen = match cursor {
        FollowCursor::After(Some(id)) => Some(id.as_str()),
        _ => None,
    };
    let mut found = Vec::new();
    let mut params = ListParams::with_limit(100);
    for _ in 0..MAX_PAGES {
        let page = active.client.events().list(&params).await?;
        let full = page.len() == 100;
        let next = page.last().and_then(|e| e.id.clone());
        for event in page {
            if last_seen.is_some() && event.id.as_deref() == last_seen {
                let newest = found.first().and_then(|e: &Event| e.id.clone());
                return Ok((found, newest));
            }
            found.push(event);
        }
        if !full || next.is_none() || *cursor == FollowCursor::Never {
            break;
        }
        params.starting_after = next;
    }
    let newest = found.first().and_then(|e| e.id.clone());
    Ok((found, newest))
}

async fn handle(active: &Active, event: &Event, outcome: &mut PollOutcome) -> Result<()> {
    if event.type_.object_kind() != "policy" {
        return Ok(());
    }
    let Some(id) = event.data.get("id").and_then(|v| v.as_str()) else {
        return Ok(());
    };
    // The event holds the policy as it was then; the API has it as it is now (a
    // policy bound and cancelled between two polls shows as cancelled).
    let policy = match active.client.policies().get(id).await {
        Ok(policy) => policy,
        Err(_) => match event.object() {
            Ok(snapshot) => snapshot,
            Err(_) => return Ok(()),
        },
    };
    let row = describe(active, policy).await;
    active
        .cache
        .upsert_policies(std::slice::from_ref(&row), now())?;
    outcome.cached += 1;
    if event.type_ == EventType::PolicyActive {
        outcome.bound.push(PolicyBound {
            policy_id: row.policy.id.clone(),
            contractor_name: row.contractor_name.clone(),
            environment: active.environment.as_str().to_owned(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::{complete_application, pending_application, started};
    use coverdesk_ipc::policies::PolicyFilter;
    use ten99::{CoverageType, PolicyStatus};

    #[tokio::test]
    async fn a_completed_application_becomes_a_cached_policy_and_a_notice() {
        let (_dir, state) = started().await;
        let (contractor, job, session) = pending_application(&state).await;
        let active = state.active().await;
        let first = poll_once(&active).await.unwrap();
        assert!(first.bound.is_empty(), "the first poll only takes note");
        assert_eq!(
            active.cache.follow_cursor().unwrap(),
            FollowCursor::After(
                active
                    .client
                    .events()
                    .list(&ListParams::with_limit(1))
                    .await
                    .unwrap()[0]
                    .id
                    .clone()
            )
        );

        let policy_id = complete_application(&state, &session.id).await;
        let outcome = poll_once(&active).await.unwrap();
        assert_eq!(outcome.bound.len(), 1, "{outcome:?}");
        let bound = &outcome.bound[0];
        assert_eq!(bound.policy_id, policy_id);
        assert_eq!(bound.headline(), "Policy bound for Ann Lee");
        assert_eq!(bound.environment, "local");

        let cached = active
            .cache
            .list_policies(&PolicyFilter::default(), now())
            .unwrap();
        assert_eq!(cached.len(), 1);
        let row = &cached[0];
        assert_eq!(row.policy.id, policy_id);
        assert_eq!(row.status, PolicyStatus::Active);
        assert_eq!(row.contractor.as_deref(), Some(contractor.id.as_str()));
        assert_eq!(row.job_name.as_deref(), Some(job.name.as_str()));
        assert!(row.coverage.contains(&CoverageType::WorkersComp));

        let again = poll_once(&active).await.unwrap();
        assert!(
            again.bound.is_empty(),
            "an event is announced once: {again:?}"
        );
    }

    #[tokio::test]
    async fn a_cancellation_between_polls_updates_the_cached_status() {
        let (_dir, state) = started().await;
        let (_, _, session) = pending_application(&state).await;
        let active = state.active().await;
        poll_once(&active).await.unwrap();
        let policy_id = complete_application(&state, &session.id).await;
        crate::commands::policies::cancel(&state, &policy_id)
            .await
            .unwrap();
        let outcome = poll_once(&active).await.unwrap();
        let row = active.cache.policy(&policy_id, now()).unwrap().unwrap();
        assert_eq!(row.status, PolicyStatus::Cancelled, "{outcome:?}");
    }
}
