//! Sandbox time: the real clock plus a per-key offset a test can move forward.
//!
//! Policies expire, sessions go stale and idempotency keys lapse after 24 hours;
//! a test cannot wait for that. `POST /_sandbox/clock/advance` moves one key's clock
//! forward, and everything that stamps or compares a time for that key (`created`,
//! effective dates, expiry, idempotency TTL) asks [`Clock::now`] instead of the
//! system clock. Offsets are per key — a key is its own tenant and environment
//! (see `auth`) — so parallel tests with different keys don't disturb each other.
//! Kept in memory: a restarted server starts at real time again.
//!
//! * `GET /_sandbox/clock` → `{"now", "offset_seconds", "real_now"}`
//! * `POST /_sandbox/clock/advance {"seconds": N}` → the same, after moving.

use crate::auth::{self, Tenant};
use crate::error::Error;
use crate::resources::json_object;
use crate::server::AppState;
use crate::store;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

/// The furthest one call may move a clock: ten years, enough for any policy term
/// and far from overflowing anything.
pub const MAX_ADVANCE_SECONDS: i64 = 10 * 366 * 24 * 60 * 60;

#[derive(Default)]
pub struct Clock {
    offsets: Mutex<HashMap<String, i64>>,
}

impl Clock {
    /// The tenant's "now", in Unix seconds.
    pub fn now(&self, tenant: &Tenant) -> i64 {
        self.now_for(&tenant.key)
    }

    /// The same by API key, for the control endpoints, which have no environment.
    pub fn now_for(&self, key: &str) -> i64 {
        store::now() + self.offset(key)
    }

    /// How far this key's clock is ahead of real time, in seconds.
    pub fn offset(&self, key: &str) -> i64 {
        self.lock().get(key).copied().unwrap_or(0)
    }

    /// Moves the key's clock forward and returns the new offset. Time only moves
    /// forward, as it does for the real API.
    pub fn advance(&self, key: &str, seconds: i64) -> Result<i64, Error> {
        if !(0..=MAX_ADVANCE_SECONDS).contains(&seconds) {
            return Err(Error::invalid(
                "seconds",
                format!("Use a whole number of seconds from 0 to {MAX_ADVANCE_SECONDS}"),
            ));
        }
        let mut offsets = self.lock();
        let offset = offsets.entry(key.to_owned()).or_insert(0);
        *offset = offset.saturating_add(seconds);
        Ok(*offset)
    }

    /// Back to real time (on `POST /_sandbox/reset`).
    pub fn reset(&self, key: &str) {
        self.lock().remove(key);
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, i64>> {
        self.offsets.lock().unwrap_or_else(|p| p.into_inner())
    }
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/clock", get(show))
        .route("/clock/advance", post(advance))
}

async fn show(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, Error> {
    let key = auth::api_key(&headers)?;
    Ok(Json(describe(&state.clock, &key)))
}

async fn advance(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, Error> {
    let key = auth::api_key(&headers)?;
    let fields = json_object(&body)?;
    let seconds = match fields.get("seconds") {
        Some(Value::Number(n)) => n
            .as_i64()
            .ok_or_else(|| Error::invalid("seconds", "Use a whole number of seconds"))?,
        Some(_) => return Err(Error::invalid("seconds", "Use a whole number of seconds")),
        None => return Err(Error::invalid("seconds", "Required")),
    };
    state.clock.advance(&key, seconds)?;
    Ok(Json(describe(&state.clock, &key)))
}

fn describe(clock: &Clock, key: &str) -> Value {
    json!({
        "now": clock.now_for(key),
        "offset_seconds": clock.offset(key),
        "real_now": store::now(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_has_its_own_clock() {
        let clock = Clock::default();
        let before = clock.now_for("a");
        assert_eq!(clock.advance("a", 3600).unwrap(), 3600);
        assert_eq!(clock.advance("a", 60).unwrap(), 3660);
        assert!(clock.now_for("a") >= before + 3660);
        assert_eq!(clock.offset("b"), 0);
        assert!(clock.advance("a", -1).is_err());
        assert!(clock.advance("a", MAX_ADVANCE_SECONDS + 1).is_err());
        clock.reset("a");
        assert_eq!(clock.offset("a"), 0);
    }
}
