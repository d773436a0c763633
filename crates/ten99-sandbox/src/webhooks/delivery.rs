//! Delivering events to webhook endpoints in the background, with retries.
//!
//! Each delivery POSTs the event JSON, signed (see `signature`), and counts as
//! delivered on any 2xx. Anything else — another status, a refused connection, a
//! timeout — is retried after an exponentially growing pause, up to
//! [`RetrySchedule::max_attempts`] attempts in all. The live API's retry policy is
//! undocumented (reference Q3); this is the common industry shape, made
//! configurable so tests run in milliseconds. Every attempt is recorded.
//!
//! Deliveries run on their own tasks, so one slow receiver does not hold up the
//! others; dropping the [`Deliverer`] stops all of them.

use super::{http, signature};
use crate::store;
use serde::Serialize;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::task::{JoinHandle, JoinSet};

/// How often and how patiently to try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetrySchedule {
    /// Attempts in all, the first included (at least 1).
    pub max_attempts: u32,
    /// The pause before the second attempt; each later pause doubles.
    pub first_delay: Duration,
    /// No pause is longer than this.
    pub max_delay: Duration,
    /// How long one attempt may take.
    pub timeout: Duration,
}

impl Default for RetrySchedule {
    /// 5 attempts over about 75 seconds (pauses of 5, 10, 20, 40 s): long enough
    /// to ride out a receiver restarting, short enough to watch happen.
    fn default() -> RetrySchedule {
        RetrySchedule {
            max_attempts: 5,
            first_delay: Duration::from_secs(5),
            max_delay: Duration::from_secs(300),
            timeout: Duration::from_secs(10),
        }
    }
}

impl RetrySchedule {
    /// The pause after attempt `attempt` (1-based) failed.
    pub fn delay_after(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.saturating_sub(1));
        self.first_delay.saturating_mul(factor).min(self.max_delay)
    }
}

/// One event to one endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub event_id: String,
    pub endpoint_id: String,
    pub url: String,
    /// The endpoint's `whsec_…` secret.
    pub secret: String,
    /// The event JSON, sent and signed byte for byte.
    pub body: Vec<u8>,
}

/// What happened on one attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attempt {
    pub event_id: String,
    pub endpoint_id: String,
    pub url: String,
    /// 1 for the first try.
    pub attempt: u32,
    /// Unix seconds (real time: receivers check signatures against their clock).
    pub at: i64,
    /// The response status, if one came back.
    pub status: Option<u16>,
    /// Why it failed without a status, or the status was not 2xx.
    pub error: Option<String>,
    pub delivered: bool,
    /// When another attempt follows, how long until it (milliseconds).
    pub retry_in_ms: Option<u64>,
}

type Observer = Arc<dyn Fn(&Attempt) + Send + Sync>;

/// The background deliverer. Create one inside a Tokio runtime.
pub struct Deliverer {
    queue: mpsc::UnboundedSender<Delivery>,
    log: Arc<Mutex<Vec<Attempt>>>,
    task: JoinHandle<()>,
}

impl Deliverer {
    pub fn start(schedule: RetrySchedule) -> Deliverer {
        Deliverer::with_observer(schedule, Arc::new(|_: &Attempt| {}))
    }

    /// Also calls `observer` after every attempt, e.g. to store it with the event.
    pub fn with_observer(schedule: RetrySchedule, observer: Observer) -> Deliverer {
        let (queue, mut incoming) = mpsc::unbounded_channel::<Delivery>();
        let log = Arc::new(Mutex::new(Vec::new()));
        let shared = log.clone();
        let task = tokio::spawn(async move {
            let mut running = JoinSet::new();
            loop {
                tokio::select! {
                    next = incoming.recv() => match next {
                        Some(delivery) => {
                            running.spawn(deliver(delivery, schedule, shared.clone(), observer.clone()));
                        }
                        None => break,
                    },
                    Some(_) = running.join_next(), if !running.is_empty() => {}
                }
            }
            // Dropping `running` aborts deliveries still waiting to retry.
        });
        Deliverer { queue, log, task }
    }

    /// Queues a delivery; it starts at once.
    pub fn enqueue(&self, delivery: Delivery) {
        // Fails only once the task has stopped, i.e. while shutting down.
        let _ = self.queue.send(delivery);
    }

    /// Every attempt so far, oldest first.
    pub fn attempts(&self) -> Vec<Attempt> {
        lock(&self.log).clone()
    }

    pub fn attempts_for(&self, event_id: &str) -> Vec<Attempt> {
        lock(&self.log)
            .iter()
            .filter(|a| a.event_id == event_id)
            .cloned()
            .collect()
    }
}

impl Drop for Deliverer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn lock(log: &Mutex<Vec<Attempt>>) -> MutexGuard<'_, Vec<Attempt>> {
    log.lock().unwrap_or_else(|p| p.into_inner())
}

async fn deliver(
    delivery: Delivery,
    schedule: RetrySchedule,
    log: Arc<Mutex<Vec<Attempt>>>,
    observer: Observer,
) {
    let max = schedule.max_attempts.max(1);
    for attempt in 1..=max {
        // Signed afresh each time, so a late retry is not rejected as stale.
        let at = store::now();
        let header = signature::header_value(&delivery.secret, at, &delivery.body);
        let outcome = http::post_json(
            &delivery.url,
            &[(signature::HEADER, header)],
            &delivery.body,
            schedule.timeout,
        )
        .await;
        let (status, error, delivered) = match outcome {
            Ok(code) if (200..300).contains(&code) => (Some(code), None, true),
            Ok(code) => (
                Some(code),
                Some(format!("The endpoint answered {code}")),
                false,
            ),
            Err(e) => (None, Some(e), false),
        };
        // A URL we cannot ever deliver to is not worth retrying.
        let hopeless =
            status.is_none() && !delivery.url.to_ascii_lowercase().starts_with("http://");
        let retry =
            (!delivered && !hopeless && attempt < max).then(|| schedule.delay_after(attempt));
        let record = Attempt {
            event_id: delivery.event_id.clone(),
            endpoint_id: delivery.endpoint_id.clone(),
            url: delivery.url.clone(),
            attempt,
            at,
            status,
            error,
            delivered,
            retry_in_ms: retry.map(|d| d.as_millis() as u64),
        };
        observer(&record);
        lock(&log).push(record);
        match retry {
            Some(pause) => tokio::time::sleep(pause).await,
            None => return,
        }
    }
}

#[cfg(test)]
mod tests;
