//! The background refresh: walks every page of each record list from the API into the
//! cache of the environment in use, on start, on a timer and on demand, and reports
//! progress. When the API cannot be reached the cache keeps what it had and
//! `sync_log` says since when, so lists still work and can say how old they are.

use crate::cache::{Cache, RecordTable};
use crate::error::{Error, Result};
use crate::state::{now, Active};
use coverdesk_ipc::sync::SyncStatus;
use futures_util::TryStreamExt;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;
use ten99::client::{Client, Paged};
use ten99::{Contractor, Entity, Job};

/// How often the lists are refreshed while the app runs.
pub const INTERVAL: Duration = Duration::from_secs(5 * 60);

/// Records per page, and per cache write while walking.
const PAGE: u32 = 100;

/// A record kind the refresh walks.
trait Walked: Sized + Send + 'static {
    fn stream(client: &Client) -> Paged<Self>;
    fn upsert(cache: &Cache, records: &[Self], now: i64) -> Result<()>;
}

impl Walked for Contractor {
    fn stream(client: &Client) -> Paged<Self> {
        client.contractors().stream(PAGE)
    }
    fn upsert(cache: &Cache, records: &[Self], now: i64) -> Result<()> {
        cache.upsert_contractors(records, now)
    }
}

impl Walked for Entity {
    fn stream(client: &Client) -> Paged<Self> {
        client.entities().stream(PAGE)
    }
    fn upsert(cache: &Cache, records: &[Self], now: i64) -> Result<()> {
        cache.upsert_entities(records, now)
    }
}

impl Walked for Job {
    fn stream(client: &Client) -> Paged<Self> {
        client.jobs().stream(PAGE)
    }
    fn upsert(cache: &Cache, records: &[Self], now: i64) -> Result<()> {
        cache.upsert_jobs(records, now)
    }
}

/// Which lists are being walked now, and how far each has got. Managed by Tauri next to
/// the app state, so a refresh asked for twice runs once.
#[derive(Default)]
pub struct Refreshes {
    running: Mutex<HashMap<&'static str, usize>>,
}

impl Refreshes {
    fn begin(&self, table: RecordTable) -> bool {
        let mut running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        if running.contains_key(table.name()) {
            return false;
        }
        running.insert(table.name(), 0);
        true
    }

    fn progress(&self, table: RecordTable, fetched: usize) {
        let mut running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        running.insert(table.name(), fetched);
    }

    fn end(&self, table: RecordTable) {
        let mut running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        running.remove(table.name());
    }

    /// The stored status of `table` in `cache`, with the progress of a running walk.
    pub fn status(&self, cache: &Cache, table: RecordTable) -> Result<SyncStatus> {
        let mut status = cache.sync_status(table.name())?;
        let running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(fetched) = running.get(table.name()) {
            status.running = true;
            status.fetched = *fetched;
        }
        Ok(status)
    }

    /// Walks every page of `table`, calling `report` with the status as pages arrive
    /// and at the end. `Ok(None)`: a walk of it was already running.
    pub async fn refresh(
        &self,
        active: &Active,
        table: RecordTable,
        report: &(dyn Fn(SyncStatus) + Send + Sync),
    ) -> Result<Option<usize>> {
        if !self.begin(table) {
            return Ok(None);
        }
        let walked = match table {
            RecordTable::Contractors => self.walk::<Contractor>(active, table, report).await,
            RecordTable::Entities => self.walk::<Entity>(active, table, report).await,
            RecordTable::Jobs => self.walk::<Job>(active, table, report).await,
        };
        self.end(table);
        let stored = match &walked {
            Ok(fetched) => active.cache.sync_succeeded(table.name(), *fetched, now()),
            Err(error) => active.cache.sync_failed(
                table.name(),
                &error.view().message,
                is_offline(error),
                now(),
            ),
        };
        stored?;
        report(self.status(&active.cache, table)?);
        walked.map(Some)
    }

    async fn walk<T: Walked>(
        &self,
        active: &Active,
        table: RecordTable,
        report: &(dyn Fn(SyncStatus) + Send + Sync),
    ) -> Result<usize> {
        let started = now();
        let mut stream = T::stream(&active.client);
        let mut page = Vec::with_capacity(PAGE as usize);
        let mut fetched = 0;
        loop {
            let next = stream.try_next().await?;
            let done = next.is_none();
            page.extend(next);
            if page.len() == PAGE as usize || (done && !page.is_empty()) {
                T::upsert(&active.cache, &page, now())?;
                fetched += page.len();
                page.clear();
                self.progress(table, fetched);
                report(self.status(&active.cache, table)?);
            }
            if done {
                break;
            }
        }
        active.cache.drop_unseen(table, started)?;
        Ok(fetched)
    }
}

/// The API could not be reached at all, as opposed to answering with an error.
pub fn is_offline(error: &Error) -> bool {
    matches!(
        error,
        Error::Api(ten99::client::Error::Transport(_) | ten99::client::Error::Timeout)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::started;
    use ten99::client::{ApiKey, RetryPolicy};
    use ten99::{Address, ContractorInput};

    fn contractor(n: usize) -> ContractorInput {
        ContractorInput {
            first_name: format!("Worker{n}"),
            last_name: "Lee".into(),
            email: format!("worker{n}@example.com"),
            phone: "415-474-9088".into(),
            address: Address {
                line1: "1 Main St".into(),
                locality: "Oakland".into(),
                region: "CA".into(),
                postalcode: "94607".into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn a_refresh_walks_every_page_into_the_cache() {
        let (_dir, state) = started().await;
        let active = state.active().await;
        // Straight to the stand-in, so only the refresh fills the cache.
        for n in 0..(PAGE as usize + 37) {
            active
                .client
                .contractors()
                .create(&contractor(n))
                .await
                .unwrap();
        }
        let reports = Mutex::new(Vec::new());
        let refreshes = Refreshes::default();
        let fetched = refreshes
            .refresh(&active, RecordTable::Contractors, &|s| {
                reports.lock().unwrap().push(s)
            })
            .await
            .unwrap();
        assert_eq!(fetched, Some(PAGE as usize + 37));
        assert_eq!(
            active
                .cache
                .count_records(RecordTable::Contractors)
                .unwrap(),
            PAGE as usize + 37
        );
        let emails: Vec<String> = active
            .cache
            .list_contractors(Some("worker0@"))
            .unwrap()
            .into_iter()
            .map(|c| c.email)
            .collect();
        assert_eq!(
            emails,
            ["worker0@example.com"],
            "the oldest, on the last page"
        );
        let reports = reports.into_inner().unwrap();
        assert!(reports
            .iter()
            .any(|s| s.running && s.fetched == PAGE as usize));
        let last = reports.last().unwrap();
        assert!(!last.running && last.refreshed_at.is_some() && last.last_error.is_none());
    }

    #[tokio::test]
    async fn records_deleted_at_the_api_leave_the_cache_on_refresh() {
        let (_dir, state) = started().await;
        let active = state.active().await;
        let kept = active
            .client
            .contractors()
            .create(&contractor(1))
            .await
            .unwrap();
        let gone = active
            .client
            .contractors()
            .create(&contractor(2))
            .await
            .unwrap();
        let refreshes = Refreshes::default();
        refreshes
            .refresh(&active, RecordTable::Contractors, &|_| {})
            .await
            .unwrap();
        active.client.contractors().delete(&gone.id).await.unwrap();
        // The walk only drops rows it did not see since it began: let a second pass.
        tokio::time::sleep(Duration::from_millis(1100)).await;
        refreshes
            .refresh(&active, RecordTable::Contractors, &|_| {})
            .await
            .unwrap();
        let ids: Vec<String> = active
            .cache
            .list_contractors(None)
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(ids, [kept.id]);
    }

    #[tokio::test]
    async fn offline_the_list_is_served_from_the_cache_and_says_how_old_it_is() {
        let (dir, state) = started().await;
        let active = state.active().await;
        active
            .client
            .contractors()
            .create(&contractor(1))
            .await
            .unwrap();
        let refreshes = Refreshes::default();
        refreshes
            .refresh(&active, RecordTable::Contractors, &|_| {})
            .await
            .unwrap();
        let refreshed_at = active
            .cache
            .sync_status("contractors")
            .unwrap()
            .refreshed_at;
        drop(state);

        // The same cache, pointed at an API that is not there (a port nothing listens on).
        let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let dead_base = format!("http://{}", dead.local_addr().unwrap());
        drop(dead);
        let offline = Active {
            environment: coverdesk_ipc::AppEnvironment::Sandbox,
            client: Client::builder(dead_base, ApiKey::new("t9sk_test_x"))
                .retry_policy(RetryPolicy {
                    max_retries: 0,
                    ..RetryPolicy::default()
                })
                .build()
                .unwrap(),
            cache: std::sync::Arc::new(
                Cache::open(&dir.path().join("cache-local.sqlite")).unwrap(),
            ),
        };
        let error = refreshes
            .refresh(&offline, RecordTable::Contractors, &|_| {})
            .await
            .unwrap_err();
        assert!(is_offline(&error), "{error:?}");
        let status = refreshes
            .status(&offline.cache, RecordTable::Contractors)
            .unwrap();
        assert!(status.offline);
        assert_eq!(
            status.refreshed_at, refreshed_at,
            "the age of what the cache holds"
        );
        assert_eq!(offline.cache.list_contractors(None).unwrap().len(), 1);
    }
}
