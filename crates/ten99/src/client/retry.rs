//! When a failed attempt is tried again, and after how long (reference §4.4).

use super::ErrorCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use std::time::{Duration, SystemTime};

/// Response header by which the API says whether a retry may help.
pub const SHOULD_RETRY_HEADER: &str = "ten99policy-should-retry";

/// Set by the stand-in on a response replayed for a reused idempotency key. Replays
/// never change, so retrying one is pointless.
const REPLAYED_HEADER: &str = "idempotent-replayed";

/// How a [`Client`](super::Client) retries.
///
/// An attempt is retried when the connection failed or timed out, or the answer says
/// so: `ten99policy-should-retry: true` (and never when it says `false`), else HTTP
/// 409, 429 or 5xx — except a 409 naming a rule of the API (`duplicate_email`,
/// `policy_already_exists`, …), which would only conflict again. Every method is retried, POST included: each logical POST carries
/// one idempotency key on all its attempts, so the API runs it at most once.
///
/// The wait before retry `n` (1-based) is `min(initial_delay · 2^(n-1), max_delay)`
/// scaled by a random factor in [0.5, 1], or the answer's `Retry-After` if that is
/// longer and at most `max_retry_after`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt; 0 turns retrying off.
    pub max_retries: u32,
    /// The backoff before the first retry; doubled for each one after.
    pub initial_delay: Duration,
    /// The longest backoff between two attempts, before jitter.
    pub max_delay: Duration,
    /// A longer `Retry-After` is ignored (the backoff is used instead).
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    /// Two retries, 0.5 s doubling up to 2 s, `Retry-After` up to 60 s.
    fn default() -> RetryPolicy {
        RetryPolicy {
            max_retries: 2,
            initial_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(2),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// No retries: every failure is returned at once.
    pub fn none() -> RetryPolicy {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// The backoff before retry `n` (1-based), jitter included.
    pub fn backoff(&self, n: u32) -> Duration {
        let factor = 2u32.saturating_pow(n.saturating_sub(1));
        let base = self
            .initial_delay
            .saturating_mul(factor)
            .min(self.max_delay);
        base.mul_f64(rand::random_range(0.5..=1.0))
    }

    /// The wait before retry `n` after an answer with these headers, or `None` when
    /// the answer is final. `status` is `None` for a connection failure or timeout.
    pub(crate) fn delay(
        &self,
        n: u32,
        status: Option<u16>,
        headers: Option<&HeaderMap>,
        code: Option<&ErrorCode>,
    ) -> Option<Duration> {
        if n > self.max_retries {
            return None;
        }
        if let (Some(status), Some(headers)) = (status, headers) {
            if !retryable_answer(status, headers, code) {
                return None;
            }
        }
        let backoff = self.backoff(n);
        let asked = headers
            .and_then(retry_after)
            .filter(|d| *d <= self.max_retry_after);
        Some(asked.map_or(backoff, |asked| asked.max(backoff)))
    }
}

fn retryable_answer(status: u16, headers: &HeaderMap, code: Option<&ErrorCode>) -> bool {
    if header_is(headers, REPLAYED_HEADER, "true") {
        return false;
    }
    match headers
        .get(SHOULD_RETRY_HEADER)
        .and_then(|v| v.to_str().ok())
    {
        Some(v) if v.trim().eq_ignore_ascii_case("true") => true,
        Some(v) if v.trim().eq_ignore_ascii_case("false") => false,
        _ if status == 409 && code.is_some_and(|c| !matches!(c, ErrorCode::Other(_))) => false,
        _ => matches!(status, 409 | 429 | 500..=599),
    }
}

fn header_is(headers: &HeaderMap, name: &str, value: &str) -> bool {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(value))
}

/// `Retry-After` as seconds (fractions allowed) or an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let text = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = text.parse::<f64>() {
        return Duration::try_from_secs_f64(seconds).ok();
    }
    let at = httpdate::parse_http_date(text).ok()?;
    Some(at.duration_since(SystemTime::now()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn backoff_doubles_to_the_cap_with_jitter() {
        let policy = RetryPolicy::default();
        for _ in 0..200 {
            let first = policy.backoff(1);
            assert!(first >= Duration::from_millis(250) && first <= Duration::from_millis(500));
            let third = policy.backoff(3);
            assert!(third >= Duration::from_secs(1) && third <= Duration::from_secs(2));
            assert!(policy.backoff(30) <= Duration::from_secs(2));
        }
    }

    #[test]
    fn which_answers_are_retried() {
        let policy = RetryPolicy::default();
        let none = HeaderMap::new();
        for status in [409, 429, 500, 503] {
            assert!(
                policy.delay(1, Some(status), Some(&none), None).is_some(),
                "{status}"
            );
        }
        for status in [400, 401, 403, 404] {
            assert!(
                policy.delay(1, Some(status), Some(&none), None).is_none(),
                "{status}"
            );
        }
        let yes = headers(&[(SHOULD_RETRY_HEADER, "true")]);
        assert!(policy.delay(1, Some(400), Some(&yes), None).is_some());
        let no = headers(&[(SHOULD_RETRY_HEADER, "false")]);
        assert!(policy.delay(1, Some(503), Some(&no), None).is_none());
        let replayed = headers(&[("Idempotent-Replayed", "true")]);
        assert!(policy.delay(1, Some(409), Some(&replayed), None).is_none());
        assert!(policy.delay(2, None, None, None).is_some());
        assert!(policy.delay(3, None, None, None).is_none());
        assert!(RetryPolicy::none().delay(1, None, None, None).is_none());
    }

    #[test]
    fn a_conflict_naming_a_rule_is_final_an_unnamed_one_is_retried() {
        let policy = RetryPolicy::default();
        let none = HeaderMap::new();
        let duplicate = ErrorCode::DuplicateEmail;
        assert!(policy
            .delay(1, Some(409), Some(&none), Some(&duplicate))
            .is_none());
        let in_use = ErrorCode::parse("idempotency_key_in_use");
        assert!(policy
            .delay(1, Some(409), Some(&none), Some(&in_use))
            .is_some());
        let yes = headers(&[(SHOULD_RETRY_HEADER, "true")]);
        assert!(policy
            .delay(1, Some(409), Some(&yes), Some(&duplicate))
            .is_some());
    }

    #[test]
    fn retry_after_is_honoured_up_to_the_cap() {
        let policy = RetryPolicy::default();
        let soon = headers(&[("retry-after", "7")]);
        assert_eq!(
            policy.delay(1, Some(429), Some(&soon), None),
            Some(Duration::from_secs(7))
        );
        let late = headers(&[("retry-after", "61")]);
        assert!(
            policy.delay(1, Some(429), Some(&late), None).unwrap() <= Duration::from_millis(500)
        );
        let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
        let dated = headers(&[("retry-after", &date)]);
        let wait = policy.delay(1, Some(503), Some(&dated), None).unwrap();
        assert!(
            wait > Duration::from_secs(28) && wait <= Duration::from_secs(30),
            "{wait:?}"
        );
    }
}
