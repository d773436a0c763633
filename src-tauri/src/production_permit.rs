//! Production changes need the person's confirmation, and the backend holds the web view
//! to it: answering the confirmation grants a permit for that many changes, and every
//! write in production uses one up. A write that arrives without one (a UI path that
//! forgot to ask) is refused before anything is sent.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a permit stays good after its last use: long enough for a running batch
/// (an import), short enough that a confirmation cannot be saved up for later.
const IDLE_LIMIT: Duration = Duration::from_secs(60);

#[derive(Default)]
pub struct ProductionPermits {
    current: Mutex<Option<Permit>>,
}

#[derive(Debug)]
struct Permit {
    action: String,
    remaining: u32,
    last_used: Instant,
}

impl ProductionPermits {
    /// The person confirmed `action`, covering `changes` writes. Replaces whatever
    /// was left of an earlier confirmation.
    pub fn grant(&self, action: &str, changes: u32) {
        *self.lock() = (changes > 0).then(|| Permit {
            action: action.to_owned(),
            remaining: changes,
            last_used: Instant::now(),
        });
    }

    /// Uses one change of the current permit: the confirmed action, or `None` when
    /// there is no permit (never granted, used up, or left idle too long).
    pub fn take(&self) -> Option<String> {
        self.take_at(Instant::now())
    }

    /// Forgets the permit (on switching environments).
    pub fn revoke(&self) {
        *self.lock() = None;
    }

    fn take_at(&self, now: Instant) -> Option<String> {
        let mut current = self.lock();
        let permit = current.take()?;
        if now.saturating_duration_since(permit.last_used) > IDLE_LIMIT {
            return None;
        }
        let action = permit.action.clone();
        if permit.remaining > 1 {
            *current = Some(Permit {
                remaining: permit.remaining - 1,
                last_used: now,
                ..permit
            });
        }
        Some(action)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Permit>> {
        // A panic while holding this lock cannot leave a half-made permit: recover.
        self.current.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_permit_covers_exactly_the_changes_confirmed() {
        let permits = ProductionPermits::default();
        assert_eq!(permits.take(), None, "nothing confirmed yet");
        permits.grant("Import 2 contractors", 2);
        assert_eq!(permits.take().as_deref(), Some("Import 2 contractors"));
        assert_eq!(permits.take().as_deref(), Some("Import 2 contractors"));
        assert_eq!(permits.take(), None, "used up");
        permits.grant("Nothing", 0);
        assert_eq!(permits.take(), None);
    }

    #[test]
    fn a_permit_left_idle_lapses_and_a_new_one_replaces_the_old() {
        let permits = ProductionPermits::default();
        permits.grant("Create contractor Ann Lee", 1);
        let later = Instant::now() + IDLE_LIMIT + Duration::from_secs(1);
        assert_eq!(permits.take_at(later), None);

        permits.grant("Import 3 contractors", 3);
        permits.grant("Delete job Field technician", 1);
        assert_eq!(
            permits.take().as_deref(),
            Some("Delete job Field technician")
        );
        assert_eq!(permits.take(), None);

        permits.grant("Cancel policy", 1);
        permits.revoke();
        assert_eq!(permits.take(), None);
    }
}
